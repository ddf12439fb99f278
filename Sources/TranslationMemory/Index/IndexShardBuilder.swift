import Foundation

/// What the index keeps of a unit for display: both sides and the provenance.
public struct LookupUnitRecord: Sendable, Codable, Hashable {
    public var indonesian: String
    public var english: String
    public var creationID: String
    public var creationDate: String
    /// The line of the `<tu>` in its file.
    public var line: Int

    public func text(_ side: LookupSide) -> String { side == .indonesian ? indonesian : english }
}

/// A side of the memory: the language searched.
public enum LookupSide: Int, Sendable, Codable, CaseIterable {
    case indonesian = 0
    case english = 1

    public var language: LanguageCode { self == .indonesian ? .indonesian : .english }
    public var other: LookupSide { self == .indonesian ? .english : .indonesian }
}

extension LookupSide {
    /// The language of the side's texts, which decides their quantities.
    public var articleLanguage: ArticleLanguage { self == .indonesian ? .indonesian : .english }
}

/// Writes the index shard of one TMX file (layout: `IndexLayout`).
public enum IndexShardBuilder {
    /// Reads the Indonesian–English units of `tmxPath` and writes their index to `output`
    /// atomically. `identity` (the file's path inside the memory) and `stamp` are recorded to tell
    /// later whether the shard still matches the file. `progress` hears the units and bytes read.
    ///
    /// - Complexity: O(total words) time and memory, plus the sort of the vocabulary.
    /// - Returns: the units passed over by the TMX reader.
    @discardableResult
    public static func build(tmxPath: String, identity: String, stamp: IndexFileStamp, to output: String,
                             progress: ((ReadProgress) -> Void)? = nil) throws -> [SkippedUnit] {
        var records = RecordsBuild()
        var sides = [SideBuild(), SideBuild()]
        let skipped = try TranslationMemoryStore(path: tmxPath).forEachUnit(progress: progress) { unit, origin in
            guard let pair = unit.indonesianEnglishPair else { return }
            let source = unit.variant(for: .indonesian)
            let creationID = unit.attribute("creationid") ?? source?.attributes.first { $0.name == "creationid" }?.value
                ?? unit.attribute("changeid") ?? ""
            let creationDate = unit.attribute("creationdate") ?? source?.attributes.first { $0.name == "creationdate" }?.value
                ?? unit.attribute("changedate") ?? ""
            records.append(LookupUnitRecord(indonesian: pair.indonesian, english: pair.english, creationID: creationID,
                                            creationDate: creationDate, line: origin.line))
            sides[0].append(FuzzyTokenizer.keys(pair.indonesian, language: .indonesian))
            sides[1].append(FuzzyTokenizer.keys(pair.english, language: .english))
        }
        let unitCount = records.count
        var sections = [[UInt8]](repeating: [], count: IndexLayout.sectionCount)
        sections[IndexLayout.Section.path.rawValue] = Array(identity.utf8)
        sections[IndexLayout.Section.recordTable.rawValue] = records.table
        sections[IndexLayout.Section.recordBlob.rawValue] = records.blob
        for side in 0..<IndexLayout.sidesCount {
            let built = sides[side].finish(unitCount: unitCount)
            for (kind, bytes) in built { sections[IndexLayout.sideSection(side, kind)] = bytes }
        }
        try write(sections: sections, unitCount: unitCount, stamp: stamp, to: output)
        return skipped
    }

    static func write(sections: [[UInt8]], unitCount: Int, stamp: IndexFileStamp, to output: String) throws {
        let headerSize = IndexLayout.headerSize
        let directorySize = sections.count * 16
        var offsets: [Int] = []
        var cursor = headerSize + directorySize
        for section in sections {
            cursor = (cursor + 7) & ~7
            offsets.append(cursor)
            cursor += section.count
        }
        let fileSize = cursor
        var directory = [UInt8]()
        directory.reserveCapacity(directorySize)
        for (index, section) in sections.enumerated() {
            directory.appendLittleEndian(UInt64(offsets[index]))
            directory.appendLittleEndian(UInt64(section.count))
        }
        var tables = directory
        for index in IndexLayout.checkedOnOpen { tables += sections[index] }
        let tablesChecksum = tables.withUnsafeBytes { IndexChecksum.of($0) }

        var header = [UInt8](repeating: 0, count: headerSize)
        header.replaceSubrange(0..<8, with: IndexLayout.magic)
        header.storeLittleEndian(IndexLayout.version, at: 8)
        header.storeLittleEndian(UInt32(headerSize), at: 12)
        header.storeLittleEndian(UInt64(fileSize), at: IndexLayout.fileSizeOffset)
        header.storeLittleEndian(stamp.size, at: IndexLayout.tmxSizeOffset)
        header.storeLittleEndian(UInt64(bitPattern: stamp.modificationNanoseconds), at: IndexLayout.tmxMtimeOffset)
        header.storeLittleEndian(stamp.sampleHash, at: IndexLayout.tmxSampleOffset)
        header.storeLittleEndian(stamp.inode, at: IndexLayout.tmxInodeOffset)
        header.storeLittleEndian(UInt64(bitPattern: stamp.changeNanoseconds), at: IndexLayout.tmxChangeTimeOffset)
        header.storeLittleEndian(UInt32(unitCount), at: IndexLayout.unitCountOffset)
        header.storeLittleEndian(UInt32(sections.count), at: IndexLayout.sectionCountOffset)
        header.storeLittleEndian(tablesChecksum, at: IndexLayout.tablesChecksumOffset)
        let headerChecksum = header[0..<IndexLayout.headerChecksumOffset].withUnsafeBytes { IndexChecksum.of($0) }
        header.storeLittleEndian(headerChecksum, at: IndexLayout.headerChecksumOffset)

        do {
            try AtomicFile.write(to: output) { temporary in
                guard FileManager.default.createFile(atPath: temporary, contents: nil),
                      let handle = FileHandle(forWritingAtPath: temporary) else {
                    throw TMError(.cannotWriteIndex(reason: systemErrorMessage()), path: output)
                }
                defer { try? handle.close() }
                var written = 0
                func put(_ bytes: [UInt8]) throws {
                    try handle.write(contentsOf: Data(bytes))
                    written += bytes.count
                }
                try put(header)
                try put(directory)
                for (index, section) in sections.enumerated() {
                    if written < offsets[index] { try put([UInt8](repeating: 0, count: offsets[index] - written)) }
                    try put(section)
                }
            }
        } catch let error as TMError {
            throw error
        } catch {
            throw TMError(.cannotWriteIndex(reason: error.localizedDescription), path: output)
        }
    }

    struct RecordsBuild {
        var table: [UInt8] = []
        var blob: [UInt8] = []
        var count = 0

        mutating func append(_ record: LookupUnitRecord) {
            var bytes: [UInt8] = []
            let parts = [Array(record.indonesian.utf8), Array(record.english.utf8), Array(record.creationID.utf8),
                         Array(record.creationDate.utf8)]
            for part in parts { bytes.appendLittleEndian(UInt32(part.count)) }
            bytes.appendLittleEndian(UInt32(clamping: record.line))
            for part in parts { bytes += part }
            let checksum = bytes.withUnsafeBytes { IndexChecksum.of($0, seed: UInt64(count)) }
            table.appendLittleEndian(UInt64(blob.count))
            table.appendLittleEndian(UInt32(bytes.count))
            table.appendLittleEndian(IndexChecksum.fold(checksum))
            blob += bytes
            count += 1
        }
    }

    struct SideBuild {
        var vocabulary: [String: UInt32] = [:]
        var words: [String] = []
        var tokens: [UInt32] = []
        var starts: [UInt32] = [0]

        mutating func append(_ keys: [String]) {
            for key in keys {
                if let id = vocabulary[key] {
                    tokens.append(id)
                } else {
                    let id = UInt32(words.count)
                    vocabulary[key] = id
                    words.append(key)
                    tokens.append(id)
                }
            }
            starts.append(UInt32(tokens.count))
        }

        func finish(unitCount: Int) -> [(IndexLayout.SideSection, [UInt8])] {
            // Vocabulary sorted by UTF-8 bytes, so a lookup is a binary search with memcmp.
            let utf8 = words.map { Array($0.utf8) }
            let order = utf8.indices.sorted { utf8[$0].lexicographicallyPrecedes(utf8[$1]) }
            var remap = [UInt32](repeating: 0, count: words.count)
            for (sorted, original) in order.enumerated() { remap[original] = UInt32(sorted) }
            var vocabularyOffsets: [UInt8] = []
            var vocabularyBlob: [UInt8] = []
            for original in order {
                vocabularyOffsets.appendLittleEndian(UInt32(vocabularyBlob.count))
                vocabularyBlob += utf8[original]
            }
            vocabularyOffsets.appendLittleEndian(UInt32(vocabularyBlob.count))

            // Units numbered by (length, file order): a counting sort on length.
            let lengths = (0..<unitCount).map { Int(starts[$0 + 1] - starts[$0]) }
            let maxLength = lengths.max() ?? 0
            var lengthStarts = [Int](repeating: 0, count: maxLength + 2)
            for length in lengths { lengthStarts[length + 1] += 1 }
            for length in 0...maxLength { lengthStarts[length + 1] += lengthStarts[length] }
            var next = lengthStarts
            var ordinalOf = [UInt32](repeating: 0, count: unitCount)
            for ordinal in 0..<unitCount {
                ordinalOf[next[lengths[ordinal]]] = UInt32(ordinal)
                next[lengths[ordinal]] += 1
            }

            var tokenOffsets: [UInt32] = [0]
            tokenOffsets.reserveCapacity(unitCount + 1)
            var sortedTokens: [UInt32] = []
            sortedTokens.reserveCapacity(tokens.count)
            var checksums: [UInt32] = []
            checksums.reserveCapacity(unitCount)
            var frequency = [Int](repeating: 0, count: words.count)
            var lastUnit = [Int](repeating: -1, count: words.count)
            for unit in 0..<unitCount {
                let ordinal = Int(ordinalOf[unit])
                let start = sortedTokens.count
                for position in Int(starts[ordinal])..<Int(starts[ordinal + 1]) {
                    let id = remap[Int(tokens[position])]
                    sortedTokens.append(id)
                    if lastUnit[Int(id)] != unit {
                        lastUnit[Int(id)] = unit
                        frequency[Int(id)] += 1
                    }
                }
                tokenOffsets.append(UInt32(sortedTokens.count))
                let checksum = sortedTokens[start...].withUnsafeBufferPointer {
                    IndexChecksum.of($0, seed: IndexShard.unitSeed(ordinal: UInt32(ordinal), length: $0.count))
                }
                checksums.append(IndexChecksum.fold(checksum))
            }
            var postingStarts = [Int](repeating: 0, count: words.count + 1)
            for id in 0..<words.count { postingStarts[id + 1] = postingStarts[id] + frequency[id] }
            var postings = [UInt32](repeating: 0, count: postingStarts[words.count])
            var fill = postingStarts
            lastUnit = [Int](repeating: -1, count: words.count)
            for unit in 0..<unitCount {
                for position in Int(tokenOffsets[unit])..<Int(tokenOffsets[unit + 1]) {
                    let id = Int(sortedTokens[position])
                    if lastUnit[id] != unit {
                        lastUnit[id] = unit
                        postings[fill[id]] = UInt32(unit)
                        fill[id] += 1
                    }
                }
            }
            var directory: [UInt8] = []
            directory.reserveCapacity(words.count * 16)
            postings.withUnsafeBufferPointer { all in
                for id in 0..<words.count {
                    let list = UnsafeBufferPointer(rebasing: all[postingStarts[id]..<postingStarts[id + 1]])
                    directory.appendLittleEndian(UInt64(postingStarts[id]))
                    directory.appendLittleEndian(UInt32(list.count))
                    directory.appendLittleEndian(IndexChecksum.fold(IndexChecksum.of(list, seed: UInt64(id))))
                }
            }
            return [
                (.vocabularyOffsets, vocabularyOffsets),
                (.vocabularyBlob, vocabularyBlob),
                (.postingDirectory, directory),
                (.lengthStarts, lengthStarts.bytes32),
                (.postings, postings.bytes),
                (.tokenOffsets, tokenOffsets.bytes),
                (.unitOrdinals, ordinalOf.bytes),
                (.unitChecksums, checksums.bytes),
                (.tokens, sortedTokens.bytes),
            ]
        }
    }
}

extension IndexLayout {
    /// The sections checked as a whole when a shard is opened.
    static var checkedOnOpen: [Int] {
        var result = [Section.path.rawValue]
        for side in 0..<sidesCount {
            result += [sideSection(side, .vocabularyOffsets), sideSection(side, .vocabularyBlob),
                       sideSection(side, .postingDirectory), sideSection(side, .lengthStarts)]
        }
        return result
    }
}

extension Array where Element == UInt8 {
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    mutating func storeLittleEndian<T: FixedWidthInteger>(_ value: T, at offset: Int) {
        Swift.withUnsafeBytes(of: value.littleEndian) { replaceSubrange(offset..<offset + $0.count, with: $0) }
    }
}

extension Array where Element == UInt32 {
    var bytes: [UInt8] { withUnsafeBytes { [UInt8]($0) } }
}

extension Array where Element == Int {
    var bytes32: [UInt8] { map { UInt32($0) }.bytes }
}
