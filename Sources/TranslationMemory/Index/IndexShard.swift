import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One memory-mapped index shard (the index of one TMX file). Opening it checks the header and
/// the small tables; posting lists and units are checked the first time they are read, and a
/// unit shown is read back through `unitReader` and checked against its locator.
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

    /// Reads back the units shown (from the TMX file, or wherever the units live).
    public var unitReader: IndexUnitReader?

    private let base: UnsafeRawPointer
    private let mappedSize: Int
    private let locators: UnsafeRawPointer
    let sides: [IndexShardSide]

    /// Maps and checks `path`; units are read back through `unitReader`.
    ///
    /// - Complexity: O(size of the vocabulary and the length table); the rest is read lazily.
    public init(path: String, unitReader: IndexUnitReader? = nil) throws {
        self.path = path
        self.unitReader = unitReader
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
        guard sections[IndexLayout.Section.locators.rawValue].count == unitCount * IndexLayout.locatorSize else {
            throw corrupt("locator table size")
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
        self.locators = sections[IndexLayout.Section.locators.rawValue].baseAddress ?? base
        self.sides = sides
        keepMapping = true
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), mappedSize)
    }

    public func side(_ side: LookupSide) -> IndexShardSide { sides[side.rawValue] }

    static func unitSeed(ordinal: UInt32, length: Int) -> UInt64 { UInt64(ordinal) << 32 | UInt64(length) }

    /// Where unit `ordinal` (its position among the file's Indonesian–English units) is stored.
    public func locator(_ ordinal: Int) throws -> IndexUnitLocator {
        guard ordinal >= 0 && ordinal < unitCount else { throw TMError(.corruptIndex(reason: "unit \(ordinal) out of range"), path: path) }
        let entry = locators + ordinal * IndexLayout.locatorSize
        return IndexUnitLocator(offset: UInt64(littleEndian: entry.loadUnaligned(as: UInt64.self)),
                                length: UInt32(littleEndian: entry.loadUnaligned(fromByteOffset: 8, as: UInt32.self)),
                                line: UInt32(littleEndian: entry.loadUnaligned(fromByteOffset: 12, as: UInt32.self)),
                                check: UInt32(littleEndian: entry.loadUnaligned(fromByteOffset: 16, as: UInt32.self)))
    }

    /// The unit at `ordinal`, read back from where it is stored and checked.
    public func record(_ ordinal: Int) throws -> LookupUnitRecord {
        let locator = try locator(ordinal)
        guard let unitReader else {
            throw TMError(.corruptIndex(reason: "no reader for the units of \(tmxPath)"), path: path)
        }
        do {
            return try unitReader.record(at: locator)
        } catch let error as TMError {
            // Named after the shard, so that the caller rebuilds it (its file may have changed
            // under a running lookup, or the locators be damaged).
            guard case .corruptIndex = error.kind else { throw error }
            throw TMError(.corruptIndex(reason: "\(error)"), path: path)
        }
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
    let vocabularyIDs: UnsafePointer<UInt32>
    let postingDirectory: UnsafeRawPointer
    let lengthStarts: UnsafePointer<UInt32>
    /// The longest unit, in words.
    let maxLength: Int
    let postings: UnsafeRawBufferPointer
    let unitTable: UnsafeRawPointer
    let tokens: UnsafeRawBufferPointer
    /// Lists and units already checked (bit sets), shared by copies of the view.
    let checked: LookupCheckedSets

    init(sections: [UnsafeRawBufferPointer], side: Int, unitCount: Int, path: String) throws {
        func corrupt(_ reason: String) -> TMError { TMError(.corruptIndex(reason: "side \(side): \(reason)"), path: path) }
        func section(_ kind: IndexLayout.SideSection) -> UnsafeRawBufferPointer {
            sections[IndexLayout.sideSection(side, kind)]
        }
        let empty = UnsafeRawPointer(bitPattern: 8)!
        func words(_ kind: IndexLayout.SideSection) -> UnsafeBufferPointer<UInt32> {
            let raw = section(kind)
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
        let ids = words(.vocabularyIDs)
        guard ids.count == vocabularySize, section(.vocabularyIDs).count == vocabularySize * 4 else { throw corrupt("vocabulary ids") }
        for id in ids where Int(id) >= vocabularySize { throw corrupt("vocabulary id out of range") }
        vocabularyIDs = ids.baseAddress ?? UnsafePointer(bitPattern: 8)!
        guard section(.postingDirectory).count == vocabularySize * IndexLayout.directoryEntrySize else { throw corrupt("posting directory size") }
        postingDirectory = section(.postingDirectory).baseAddress ?? empty
        let starts = words(.lengthStarts)
        guard starts.count >= 2, starts[0] == 0, Int(starts[starts.count - 1]) == unitCount else { throw corrupt("length table") }
        for index in 1..<starts.count where starts[index] < starts[index - 1] { throw corrupt("length table order") }
        lengthStarts = starts.baseAddress!
        maxLength = starts.count - 2
        postings = section(.postings)
        guard section(.unitTable).count == unitCount * IndexLayout.unitEntrySize else { throw corrupt("unit table size") }
        unitTable = section(.unitTable).baseAddress ?? empty
        tokens = section(.tokens)
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
                if order == 0 { return UInt32(littleEndian: vocabularyIDs[middle]) }
                if order < 0 { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    /// How many units contain the word.
    @inline(__always)
    func frequency(_ id: UInt32) -> Int {
        Int(UInt32(littleEndian: postingDirectory.loadUnaligned(fromByteOffset: Int(id) * IndexLayout.directoryEntrySize + 8, as: UInt32.self)))
    }

    /// The units containing the word, ascending, decoded from their gaps; checked on first use.
    func postingList(_ id: UInt32) throws -> [UInt32] {
        var list: [UInt32] = []
        if Int(id) < vocabularySize { list.reserveCapacity(min(frequency(id), unitCount)) }
        try forEachPosting(id, below: unitCount) { list.append(UInt32(truncatingIfNeeded: $0)) }
        return list
    }

    /// Hands `body` each unit of the word's list below `limit`, ascending, decoding the gaps in
    /// place (no array: the search's hot loop). The first time a list is read it is decoded to
    /// its end and checked as `postingList` checks it; a checked list stops at `limit`. A list
    /// found corrupt throws after `body` has seen some of its units, each below `unitCount`.
    @inline(__always)
    func forEachPosting(_ id: UInt32, below limit: Int, _ body: (Int) -> Void) throws {
        func corrupt(_ reason: String) -> TMError { TMError(.corruptIndex(reason: "posting list \(id) \(reason)"), path: path) }
        guard Int(id) < vocabularySize else { throw corrupt("out of range") }
        let entry = Int(id) * IndexLayout.directoryEntrySize
        let offset = UInt64(littleEndian: postingDirectory.loadUnaligned(fromByteOffset: entry, as: UInt64.self))
        let count = Int(UInt32(littleEndian: postingDirectory.loadUnaligned(fromByteOffset: entry + 8, as: UInt32.self)))
        guard offset <= UInt64(postings.count), count <= unitCount else { throw corrupt("out of bounds") }
        let verified = checked.isListChecked(Int(id))
        var cursor = Int(offset)
        var previous: UInt32 = 0
        for index in 0..<count {
            guard let gap = Varint.read(postings, at: &cursor), index == 0 || gap > 0 else { throw corrupt("order") }
            let (unit, overflow) = previous.addingReportingOverflow(gap)
            guard !overflow, Int(unit) < unitCount else { throw corrupt("order") }
            previous = unit
            if Int(unit) < limit {
                body(Int(unit))
            } else if verified {
                return
            }
        }
        if !verified {
            let checksum = UInt32(littleEndian: postingDirectory.loadUnaligned(fromByteOffset: entry + 12, as: UInt32.self))
            let bytes = UnsafeRawBufferPointer(rebasing: postings[Int(offset)..<cursor])
            guard IndexChecksum.fold(IndexChecksum.of(bytes, seed: UInt64(id))) == checksum else { throw corrupt("checksum") }
            checked.markList(Int(id))
        }
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

    /// The position in the file of unit `unit`.
    func ordinal(of unit: Int) throws -> Int {
        guard unit >= 0 && unit < unitCount else { throw TMError(.corruptIndex(reason: "unit \(unit) out of range"), path: path) }
        let ordinal = Int(UInt32(littleEndian: unitTable.loadUnaligned(fromByteOffset: unit * IndexLayout.unitEntrySize + 4, as: UInt32.self)))
        guard ordinal < unitCount else { throw TMError(.corruptIndex(reason: "unit \(unit) out of bounds"), path: path) }
        return ordinal
    }

    /// The word ids of unit `unit` and its position in the file; checked on first use.
    func unit(_ unit: Int) throws -> (ordinal: Int, tokens: [UInt32]) {
        let ordinal = try ordinal(of: unit)
        let entry = unit * IndexLayout.unitEntrySize
        let start = Int(UInt32(littleEndian: unitTable.loadUnaligned(fromByteOffset: entry, as: UInt32.self)))
        let length = length(of: unit)
        guard start <= tokens.count else { throw TMError(.corruptIndex(reason: "unit \(unit) out of bounds"), path: path) }
        var list = [UInt32](repeating: 0, count: length)
        var cursor = start
        let ok = list.withUnsafeMutableBufferPointer { list -> Bool in
            for index in 0..<length {
                guard let id = Varint.read(tokens, at: &cursor) else { return false }
                list[index] = id
            }
            return true
        }
        guard ok else { throw TMError(.corruptIndex(reason: "unit \(unit) out of bounds"), path: path) }
        if !checked.isUnitChecked(unit) {
            let bytes = UnsafeRawBufferPointer(rebasing: tokens[start..<cursor])
            let checksum = IndexChecksum.fold(IndexChecksum.of(bytes, seed: IndexShard.unitSeed(ordinal: UInt32(ordinal), length: length)))
            let stored = UInt32(littleEndian: unitTable.loadUnaligned(fromByteOffset: entry + 8, as: UInt32.self))
            guard checksum == stored else { throw TMError(.corruptIndex(reason: "unit \(unit) checksum"), path: path) }
            checked.markUnit(unit)
        }
        return (ordinal, list)
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
