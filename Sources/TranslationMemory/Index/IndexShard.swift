import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One memory-mapped index shard (the index of one TMX file). Opening it checks the header and
/// the small tables; posting lists, units and records are checked the first time they are read.
/// A check that fails throws a `.corruptIndex` error, and the caller rebuilds the shard.
///
/// A class because it owns the mapping (`munmap` on deinit).
public final class IndexShard {
    /// The shard file.
    public let path: String
    /// The TMX file it indexes.
    public let tmxPath: String
    public let stamp: IndexFileStamp
    public let unitCount: Int

    private let base: UnsafeRawPointer
    private let mappedSize: Int
    private let recordTable: UnsafeRawPointer
    private let recordBlob: UnsafeRawBufferPointer
    private var recordChecked: [UInt64]
    let sides: [IndexShardSide]

    /// Maps and checks `path`.
    ///
    /// - Complexity: O(size of the vocabulary and the length table); the rest is read lazily.
    public init(path: String) throws {
        self.path = path
        func corrupt(_ reason: String) -> TMError { TMError(.corruptIndex(reason: reason), path: path) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw corrupt("cannot open: \(systemErrorMessage())") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw corrupt("cannot stat: \(systemErrorMessage())") }
        let size = Int(info.st_size)
        let headerSize = IndexLayout.headerSize
        guard size >= headerSize else { throw corrupt("truncated (\(size) bytes)") }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
              mapped != UnsafeMutableRawPointer(bitPattern: -1) else { throw corrupt("cannot map: \(systemErrorMessage())") }
        let base = UnsafeRawPointer(mapped)
        var keepMapping = false
        defer { if !keepMapping { munmap(mapped, size) } }
        let file = UnsafeRawBufferPointer(start: base, count: size)
        func load<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> T {
            T(littleEndian: file.loadUnaligned(fromByteOffset: offset, as: T.self))
        }
        guard Array(file[0..<8]) == IndexLayout.magic else { throw corrupt("not a lookup index") }
        guard load(8, UInt32.self) == IndexLayout.version else { throw corrupt("index format version \(load(8, UInt32.self))") }
        let headerChecksum = IndexChecksum.of(UnsafeRawBufferPointer(rebasing: file[0..<IndexLayout.headerChecksumOffset]))
        guard headerChecksum == load(IndexLayout.headerChecksumOffset, UInt64.self) else { throw corrupt("header checksum") }
        guard load(IndexLayout.fileSizeOffset, UInt64.self) == UInt64(size) else {
            throw corrupt("truncated: \(size) bytes of \(load(IndexLayout.fileSizeOffset, UInt64.self))")
        }
        let sectionCount = Int(load(IndexLayout.sectionCountOffset, UInt32.self))
        guard sectionCount == IndexLayout.sectionCount, headerSize + sectionCount * 16 <= size else {
            throw corrupt("section directory")
        }
        var sections: [UnsafeRawBufferPointer] = []
        for index in 0..<sectionCount {
            let offset = load(headerSize + index * 16, UInt64.self)
            let length = load(headerSize + index * 16 + 8, UInt64.self)
            guard offset % 8 == 0, offset <= UInt64(size), length <= UInt64(size) - offset else {
                throw corrupt("section \(index) out of bounds")
            }
            sections.append(UnsafeRawBufferPointer(rebasing: file[Int(offset)..<Int(offset + length)]))
        }
        // The directory and the small tables, checked as a whole.
        var checksumInput = [UInt8](UnsafeRawBufferPointer(rebasing: file[headerSize..<headerSize + sectionCount * 16]))
        for index in IndexLayout.checkedOnOpen { checksumInput += sections[index] }
        guard checksumInput.withUnsafeBytes({ IndexChecksum.of($0) }) == load(IndexLayout.tablesChecksumOffset, UInt64.self) else {
            throw corrupt("table checksum")
        }
        let unitCount = Int(load(IndexLayout.unitCountOffset, UInt32.self))
        guard sections[IndexLayout.Section.recordTable.rawValue].count == unitCount * 16 else {
            throw corrupt("record table size")
        }
        var sides: [IndexShardSide] = []
        for side in 0..<IndexLayout.sidesCount {
            sides.append(try IndexShardSide(sections: sections, side: side, unitCount: unitCount, path: path))
        }
        self.tmxPath = String(decoding: sections[IndexLayout.Section.path.rawValue], as: UTF8.self)
        self.stamp = IndexFileStamp(size: load(IndexLayout.tmxSizeOffset, UInt64.self),
                                     modificationNanoseconds: Int64(bitPattern: load(IndexLayout.tmxMtimeOffset, UInt64.self)),
                                     sampleHash: load(IndexLayout.tmxSampleOffset, UInt64.self),
                                     inode: load(IndexLayout.tmxInodeOffset, UInt64.self),
                                     changeNanoseconds: Int64(bitPattern: load(IndexLayout.tmxChangeTimeOffset, UInt64.self)))
        self.unitCount = unitCount
        self.base = base
        self.mappedSize = size
        self.recordTable = sections[IndexLayout.Section.recordTable.rawValue].baseAddress ?? base
        self.recordBlob = sections[IndexLayout.Section.recordBlob.rawValue]
        self.recordChecked = [UInt64](repeating: 0, count: (unitCount + 63) / 64)
        self.sides = sides
        keepMapping = true
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), mappedSize)
    }

    public func side(_ side: LookupSide) -> IndexShardSide { sides[side.rawValue] }

    static func unitSeed(ordinal: UInt32, length: Int) -> UInt64 { UInt64(ordinal) << 32 | UInt64(length) }

    /// The stored unit at `ordinal` (its position among the file's Indonesian–English units).
    public func record(_ ordinal: Int) throws -> LookupUnitRecord {
        guard ordinal >= 0 && ordinal < unitCount else { throw TMError(.corruptIndex(reason: "unit \(ordinal) out of range"), path: path) }
        let entry = recordTable + ordinal * 16
        let offset = UInt64(littleEndian: entry.loadUnaligned(as: UInt64.self))
        let length = Int(UInt32(littleEndian: entry.loadUnaligned(fromByteOffset: 8, as: UInt32.self)))
        let checksum = UInt32(littleEndian: entry.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
        guard offset <= UInt64(recordBlob.count), length >= 20, UInt64(length) <= UInt64(recordBlob.count) - offset else {
            throw TMError(.corruptIndex(reason: "record \(ordinal) out of bounds"), path: path)
        }
        let bytes = UnsafeRawBufferPointer(rebasing: recordBlob[Int(offset)..<Int(offset) + length])
        if recordChecked[ordinal >> 6] & (1 << UInt64(ordinal & 63)) == 0 {
            guard IndexChecksum.fold(IndexChecksum.of(bytes, seed: UInt64(ordinal))) == checksum else {
                throw TMError(.corruptIndex(reason: "record \(ordinal) checksum"), path: path)
            }
            recordChecked[ordinal >> 6] |= 1 << UInt64(ordinal & 63)
        }
        var lengths: [Int] = []
        for index in 0..<4 { lengths.append(Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)))) }
        let line = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 16, as: UInt32.self)))
        guard 20 + lengths.reduce(0, +) == length else { throw TMError(.corruptIndex(reason: "record \(ordinal) layout"), path: path) }
        var cursor = 20
        var parts: [String] = []
        for partLength in lengths {
            parts.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[cursor..<cursor + partLength]), as: UTF8.self))
            cursor += partLength
        }
        return LookupUnitRecord(indonesian: parts[0], english: parts[1], creationID: parts[2], creationDate: parts[3], line: line)
    }
}

/// The index of one side (language) of a shard: vocabulary, posting lists and unit tokens.
/// Units are numbered by (word count, file order).
public struct IndexShardSide {
    let path: String
    let unitCount: Int
    let vocabularyOffsets: UnsafePointer<UInt32>
    let vocabularySize: Int
    let vocabularyBlob: UnsafeRawBufferPointer
    let postingDirectory: UnsafeRawPointer
    let lengthStarts: UnsafePointer<UInt32>
    /// The longest unit, in words.
    let maxLength: Int
    let postings: UnsafePointer<UInt32>
    let postingCount: Int
    let tokenOffsets: UnsafePointer<UInt32>
    let ordinals: UnsafePointer<UInt32>
    let checksums: UnsafePointer<UInt32>
    let tokens: UnsafePointer<UInt32>
    let tokenCount: Int
    /// Lists and units already checked (bit sets), shared by copies of the view.
    let checked: LookupCheckedSets

    init(sections: [UnsafeRawBufferPointer], side: Int, unitCount: Int, path: String) throws {
        func corrupt(_ reason: String) -> TMError { TMError(.corruptIndex(reason: "side \(side): \(reason)"), path: path) }
        func section(_ kind: IndexLayout.SideSection) -> UnsafeRawBufferPointer {
            sections[IndexLayout.sideSection(side, kind)]
        }
        func words(_ kind: IndexLayout.SideSection) -> UnsafeBufferPointer<UInt32> {
            let raw = section(kind)
            let empty = UnsafeRawPointer(bitPattern: 8)!
            return UnsafeBufferPointer(start: (raw.baseAddress ?? empty).assumingMemoryBound(to: UInt32.self), count: raw.count / 4)
        }
        self.path = path
        self.unitCount = unitCount
        let offsets = words(.vocabularyOffsets)
        guard offsets.count >= 1, section(.vocabularyOffsets).count % 4 == 0 else { throw corrupt("vocabulary") }
        vocabularySize = offsets.count - 1
        vocabularyBlob = section(.vocabularyBlob)
        var previous: UInt32 = 0
        for offset in offsets {
            guard offset >= previous else { throw corrupt("vocabulary order") }
            previous = offset
        }
        guard offsets[0] == 0, Int(previous) == vocabularyBlob.count else { throw corrupt("vocabulary size") }
        vocabularyOffsets = offsets.baseAddress!
        guard section(.postingDirectory).count == vocabularySize * 16 else { throw corrupt("posting directory size") }
        postingDirectory = section(.postingDirectory).baseAddress ?? UnsafeRawPointer(bitPattern: 8)!
        let starts = words(.lengthStarts)
        guard starts.count >= 2, starts[0] == 0, Int(starts[starts.count - 1]) == unitCount else { throw corrupt("length table") }
        for index in 1..<starts.count where starts[index] < starts[index - 1] { throw corrupt("length table order") }
        lengthStarts = starts.baseAddress!
        maxLength = starts.count - 2
        let postingWords = words(.postings)
        postings = postingWords.baseAddress ?? UnsafePointer(bitPattern: 8)!
        postingCount = postingWords.count
        let offsetsOfTokens = words(.tokenOffsets)
        guard offsetsOfTokens.count == unitCount + 1 else { throw corrupt("token offsets size") }
        tokenOffsets = offsetsOfTokens.baseAddress!
        guard words(.unitOrdinals).count == unitCount, words(.unitChecksums).count == unitCount else { throw corrupt("unit tables size") }
        ordinals = words(.unitOrdinals).baseAddress ?? UnsafePointer(bitPattern: 8)!
        checksums = words(.unitChecksums).baseAddress ?? UnsafePointer(bitPattern: 8)!
        let tokenWords = words(.tokens)
        tokens = tokenWords.baseAddress ?? UnsafePointer(bitPattern: 8)!
        tokenCount = tokenWords.count
        checked = LookupCheckedSets(lists: vocabularySize, units: unitCount)
    }

    /// The id of a key, by binary search over the sorted vocabulary.
    public func id(of key: String) -> UInt32? {
        var key = key
        return key.withUTF8 { needle -> UInt32? in
            var low = 0, high = vocabularySize
            while low < high {
                let middle = (low + high) / 2
                let start = Int(vocabularyOffsets[middle]), end = Int(vocabularyOffsets[middle + 1])
                let word = UnsafeRawBufferPointer(rebasing: vocabularyBlob[start..<end])
                let common = min(word.count, needle.count)
                var order = common == 0 ? 0 : memcmp(word.baseAddress!, needle.baseAddress!, common)
                if order == 0 { order = word.count < needle.count ? -1 : word.count > needle.count ? 1 : 0 }
                if order == 0 { return UInt32(middle) }
                if order < 0 { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    /// How many units contain the word.
    @inline(__always)
    func frequency(_ id: UInt32) -> Int {
        Int(UInt32(littleEndian: postingDirectory.loadUnaligned(fromByteOffset: Int(id) * 16 + 8, as: UInt32.self)))
    }

    /// The units containing the word, ascending; checked on first use.
    func postingList(_ id: UInt32) throws -> UnsafeBufferPointer<UInt32> {
        let entry = Int(id) * 16
        let offset = UInt64(littleEndian: postingDirectory.loadUnaligned(fromByteOffset: entry, as: UInt64.self))
        let count = Int(UInt32(littleEndian: postingDirectory.loadUnaligned(fromByteOffset: entry + 8, as: UInt32.self)))
        guard offset <= UInt64(postingCount), UInt64(count) <= UInt64(postingCount) - offset else {
            throw TMError(.corruptIndex(reason: "posting list \(id) out of bounds"), path: path)
        }
        let list = UnsafeBufferPointer(start: postings + Int(offset), count: count)
        if !checked.isListChecked(Int(id)) {
            let checksum = UInt32(littleEndian: postingDirectory.loadUnaligned(fromByteOffset: entry + 12, as: UInt32.self))
            guard IndexChecksum.fold(IndexChecksum.of(list, seed: UInt64(id))) == checksum else {
                throw TMError(.corruptIndex(reason: "posting list \(id) checksum"), path: path)
            }
            var previous = -1
            for unit in list {
                guard Int(unit) > previous, Int(unit) < unitCount else {
                    throw TMError(.corruptIndex(reason: "posting list \(id) order"), path: path)
                }
                previous = Int(unit)
            }
            checked.markList(Int(id))
        }
        return list
    }

    /// The first unit with at least `length` words (units are numbered by length).
    @inline(__always)
    func firstUnit(withLength length: Int) -> Int {
        if length <= 0 { return 0 }
        if length > maxLength { return unitCount }
        return Int(lengthStarts[length])
    }

    /// The length of unit `unit`, from the checked length table.
    @inline(__always)
    func length(of unit: Int) -> Int {
        var low = 0, high = maxLength + 1 // lengthStarts[low] <= unit < lengthStarts[high]
        while high - low > 1 {
            let middle = (low + high) / 2
            if Int(lengthStarts[middle]) <= unit { low = middle } else { high = middle }
        }
        return low
    }

    /// The word ids of unit `unit` and its position in the file; checked on first use.
    func unit(_ unit: Int) throws -> (ordinal: Int, tokens: UnsafeBufferPointer<UInt32>) {
        let start = Int(tokenOffsets[unit]), end = Int(tokenOffsets[unit + 1])
        let ordinal = ordinals[unit]
        guard start <= end, end <= tokenCount, Int(ordinal) < unitCount, end - start == length(of: unit) else {
            throw TMError(.corruptIndex(reason: "unit \(unit) out of bounds"), path: path)
        }
        let list = UnsafeBufferPointer(start: tokens + start, count: end - start)
        if !checked.isUnitChecked(unit) {
            let checksum = IndexChecksum.fold(IndexChecksum.of(list, seed: IndexShard.unitSeed(ordinal: ordinal, length: list.count)))
            guard checksum == checksums[unit] else { throw TMError(.corruptIndex(reason: "unit \(unit) checksum"), path: path) }
            checked.markUnit(unit)
        }
        return (Int(ordinal), list)
    }
}

/// Bit sets of what has been checked in a side, so that a long-running process checks each list
/// and unit once.
final class LookupCheckedSets {
    private var lists: [UInt64]
    private var units: [UInt64]

    init(lists: Int, units: Int) {
        self.lists = [UInt64](repeating: 0, count: (lists + 63) / 64)
        self.units = [UInt64](repeating: 0, count: (units + 63) / 64)
    }

    @inline(__always) func isListChecked(_ index: Int) -> Bool { lists[index >> 6] & (1 << UInt64(index & 63)) != 0 }
    @inline(__always) func markList(_ index: Int) { lists[index >> 6] |= 1 << UInt64(index & 63) }
    @inline(__always) func isUnitChecked(_ index: Int) -> Bool { units[index >> 6] & (1 << UInt64(index & 63)) != 0 }
    @inline(__always) func markUnit(_ index: Int) { units[index >> 6] |= 1 << UInt64(index & 63) }
}
