import Foundation

/// The on-disk layout of one index shard (one per TMX file), read by memory-mapping it.
///
///     header (256 bytes): magic "TMLOOKUP", version, file size, the TMX file's size, mtime,
///                         sampled hash, inode and ctime, unit count, section count, a checksum of the small tables,
///                         a checksum of the header
///     section directory:  (offset, length) of every section, 8-byte aligned
///     sections:           the TMX path; the unit locators (file order, 20 bytes each: byte offset and
///                         length of the `<tu>` in the TMX, its line, a checksum of its two texts);
///                         per side (Indonesian, English): vocabulary sorted by UTF-8 bytes (offsets,
///                         blob) and the word id of each entry, posting directory (per word id: byte
///                         offset, count, checksum), length starts, postings, unit table (per unit:
///                         byte offset of its tokens, file ordinal, checksum), tokens
///
/// Why this shape (version 5, issue 15): the index of a news memory must stay well under the size
/// of the TMX it indexes and be built in bounded memory, so
/// - **no texts are stored**: a unit is a *locator* (`IndexUnitLocator`: where its `<tu>` lies in
///   the TMX) and the lookup reads back only the units it shows (`IndexUnitReader`), checking
///   their texts against the locator's checksum; a team server can read units from a database
///   through the same protocol;
/// - **postings are delta-encoded as LEB128 varints** (gaps between unit numbers, mostly one byte)
///   and **unit tokens are varints of word ids**, ids given in order of first appearance, so the
///   common words, which recur most, take one byte;
/// - word ids are not the vocabulary's sorted order but the order the builder met the words in,
///   so the builder can spill postings by id before it knows the whole vocabulary
///   (`IndexSpill`); the sorted vocabulary maps each word to its id.
///
/// Units of a side are numbered by (word count, file order), so a posting list is sorted by
/// length and the length filter is a binary search. The header and small tables (vocabulary,
/// posting directory, length starts) are checked on open; posting lists and unit tokens carry
/// their own checksums, checked when a query reads them, and a unit read back from the TMX is
/// checked against its locator, so a cold lookup touches only what it needs and nothing read
/// from disk is used unchecked.
enum IndexLayout {
    static let magic: [UInt8] = Array("TMLOOKUP".utf8)
    /// 4: a news quantity is one token (`FuzzyTokenizer.tokens`).
    /// 5: locators instead of stored texts, varint postings and tokens, first-seen word ids.
    static let version: UInt32 = 5
    static let headerSize = 256
    static let sidesCount = 2
    static let sectionsPerSide = 8
    /// path, locators, then the sides.
    static let sectionCount = 2 + sidesCount * sectionsPerSide
    static let fileExtension = "tmlx"
    /// Bytes of one locator: offset (8), length (4), line (4), text checksum (4).
    static let locatorSize = 20
    /// Bytes of one posting directory entry: offset (8), count (4), checksum (4).
    static let directoryEntrySize = 16
    /// Bytes of one unit table entry: token offset (4), ordinal (4), checksum (4).
    static let unitEntrySize = 12

    enum Section: Int {
        case path = 0, locators = 1
    }
    enum SideSection: Int {
        case vocabularyOffsets = 0, vocabularyBlob, vocabularyIDs, postingDirectory, lengthStarts, postings, unitTable, tokens
    }
    static func sideSection(_ side: Int, _ section: SideSection) -> Int { 2 + side * sectionsPerSide + section.rawValue }

    // Header field offsets.
    static let fileSizeOffset = 16
    static let tmxSizeOffset = 24
    static let tmxMtimeOffset = 32
    static let tmxSampleOffset = 40
    static let unitCountOffset = 48
    static let sectionCountOffset = 52
    static let tablesChecksumOffset = 56
    static let tmxInodeOffset = 64
    static let tmxChangeTimeOffset = 72
    static let headerChecksumOffset = 248
}

/// LEB128 variable-length integers (as in DWARF and protocol buffers): seven bits a byte, low
/// bits first, the high bit set on every byte but the last. A posting gap or a common word's id
/// below 128 takes one byte.
enum Varint {
    @inline(__always)
    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// The number at `offset` in `bytes`, moving `offset` past it; nil when it runs past the end
    /// or over 32 bits (a corrupt index).
    @inline(__always)
    static func read(_ bytes: UnsafeRawBufferPointer, at offset: inout Int) -> UInt32? {
        var result: UInt32 = 0
        var shift: UInt32 = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            if shift == 28 && byte > 0x0F { return nil }
            result |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        return nil
    }
}

/// Fletcher-style 64-bit checksum (Fletcher 1982) over 32-bit words: fast enough to check a
/// posting list as it is read, and catches changed, lost and swapped words.
enum IndexChecksum {
    static func of(_ buffer: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var a: UInt64 = 0x9E37_79B9 &+ seed
        var b: UInt64 = UInt64(buffer.count)
        let words = buffer.count / 4
        var index = 0
        while index < words {
            a &+= UInt64(buffer.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
            b &+= a
            index += 1
        }
        var offset = words * 4
        while offset < buffer.count {
            a &+= UInt64(buffer[offset]) &+ 1
            b &+= a
            offset += 1
        }
        return finish(a, b)
    }

    static func of(_ words: UnsafeBufferPointer<UInt32>, seed: UInt64 = 0) -> UInt64 {
        var a: UInt64 = 0x9E37_79B9 &+ seed
        var b: UInt64 = UInt64(words.count * 4)
        for word in words {
            a &+= UInt64(word)
            b &+= a
        }
        return finish(a, b)
    }

    static func of(string: String) -> UInt64 { Array(string.utf8).withUnsafeBytes { of($0) } }

    @inline(__always)
    static func finish(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var h = a ^ (b &* 0xBF58_476D_1CE4_E5B9)
        h ^= h >> 31
        h = h &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29)
    }

    static func fold(_ value: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: value ^ (value >> 32)) }
}

/// The identity of a TMX file the index was built from: size, modification time, inode, status
/// change time and a hash of its first and last 64 KiB. Any of them changing makes the shard
/// stale. An edit in the middle of a file with its mtime put back (`touch -r`, `cp -p`) still
/// changes the ctime, which no user can set, and a file replaced by a rename has a new inode.
/// (Hashing the whole file on every lookup would cost more than the lookup.)
public struct IndexFileStamp: Sendable, Hashable, Codable {
    public var size: UInt64
    public var modificationNanoseconds: Int64
    public var sampleHash: UInt64
    public var inode: UInt64 = 0
    public var changeNanoseconds: Int64 = 0

    public static func of(path: String) throws -> IndexFileStamp {
        var info = stat()
        guard stat(path, &info) == 0 else { throw TMError(.cannotRead(reason: systemErrorMessage()), path: path) }
        let size = UInt64(info.st_size)
        #if canImport(Darwin)
        let mtime = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        let ctime = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #else
        let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let ctime = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #endif
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw TMError(.cannotRead(reason: systemErrorMessage()), path: path)
        }
        defer { try? handle.close() }
        let sample = 65_536
        var data = (try? handle.read(upToCount: sample)) ?? Data()
        if size > UInt64(sample) {
            try? handle.seek(toOffset: size - UInt64(min(UInt64(sample), size - UInt64(sample))))
            data += (try? handle.readToEnd()) ?? Data()
        }
        let hash = data.withUnsafeBytes { IndexChecksum.of($0, seed: size) }
        return IndexFileStamp(size: size, modificationNanoseconds: mtime, sampleHash: hash,
                              inode: UInt64(info.st_ino), changeNanoseconds: ctime)
    }
}
