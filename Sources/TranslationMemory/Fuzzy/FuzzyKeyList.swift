/// Comparison keys (`FuzzyTokenizer`) written end to end in one byte buffer, each with its hash:
/// what indexing makes for both texts of every unit of a memory. One buffer for many texts
/// spares a string per word, with its retains and releases, and the index's word table
/// (`WordIDTable`) compares bytes.
struct FuzzyKeyList: Sendable {
    /// The keys' UTF-8 bytes, end to end, in the first `byteCount` bytes; the rest is room for
    /// the next keys, written in place (appending a word's bytes to an array took some ninety
    /// instructions a word, more than lower-casing and hashing it).
    private(set) var bytes: [UInt8] = []
    private(set) var byteCount = 0
    /// The end of each key in `bytes`; a key starts where the one before it ends.
    private(set) var ends: [Int] = []
    /// `hash(_:)` of each key.
    private(set) var hashes: [UInt64] = []

    init(reservingBytes capacity: Int = 0) {
        bytes = [UInt8](repeating: 0, count: capacity)
        ends.reserveCapacity(capacity / 5)
        hashes.reserveCapacity(capacity / 5)
    }

    var count: Int { ends.count }

    static let hashBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let hashPrime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a, 64 bits (Fowler, Noll and Vo), of a key's UTF-8 bytes.
    @inline(__always)
    static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash = hashBasis
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* hashPrime }
        return hash
    }

    /// The byte range of key `index` in `bytes`.
    @inline(__always)
    func range(of index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    mutating func append(_ key: String) {
        var key = key
        key.withUTF8 { utf8 in
            let start = makeRoom(utf8.count)
            bytes.withUnsafeMutableBufferPointer { bytes in
                for (offset, byte) in utf8.enumerated() { bytes[start + offset] = byte }
            }
            hashes.append(Self.hash(utf8))
        }
        ends.append(byteCount)
    }

    /// Makes room for `count` more bytes and counts them in; returns where they start.
    @inline(__always)
    private mutating func makeRoom(_ count: Int) -> Int {
        let start = byteCount
        if start + count > bytes.count {
            bytes.append(contentsOf: repeatElement(0, count: max(start + count, 2 * bytes.count, 64) - bytes.count))
        }
        byteCount = start + count
        return start
    }

    /// Appends an ASCII word lower-cased (`WordToken.normalized` of an ASCII word), hashed as it
    /// is copied.
    @inline(__always)
    mutating func appendLowercasedASCII(_ word: UnsafeBufferPointer<UInt8>) {
        // Lower-cased and hashed as it is written in place: appended byte by byte, each byte
        // paid the array's uniqueness and capacity checks.
        let start = makeRoom(word.count)
        var hash = Self.hashBasis
        bytes.withUnsafeMutableBufferPointer { bytes in
            for offset in 0..<word.count {
                let byte = word[offset]
                let lower = WordTokenizer.asciiLowercased(byte)
                bytes[start + offset] = lower
                hash = (hash ^ UInt64(lower)) &* Self.hashPrime
            }
        }
        hashes.append(hash)
        ends.append(byteCount)
    }

    /// The keys as strings, in order.
    var strings: [String] {
        bytes.withUnsafeBufferPointer { bytes in
            (0..<count).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[range(of: $0)]), as: UTF8.self) }
        }
    }
}
