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

/// A section of a shard being written: bytes in memory, or a spill file.
enum IndexSectionSource {
    case bytes([UInt8])
    case file(SpillFile)

    var count: Int {
        switch self {
        case .bytes(let bytes): return bytes.count
        case .file(let file): return Int(file.count)
        }
    }
}

/// Writes the index shard of one TMX file (layout: `IndexLayout`) in one streaming pass over
/// the file, in memory bounded by the vocabulary and a few bytes per unit, whatever the size:
/// - a byte scan of the file (`IndexUnitSpans`) finds each `<tu>`'s byte range, on a thread of
///   its own, while the TMX reader parses the file;
/// - the units are read in batches; each batch's keys are made on the workers (`KeysInFlight`),
///   then `BatchIndexer`, in file order on a queue of its own, writes each unit's locator and
///   its tokens (varints of word ids) to spill files, and emits its postings into `IndexSpill`,
///   which sorts them in runs on disk;
/// - the runs are merged word by word into delta-encoded posting lists, and the sections are
///   copied into the shard.
public enum IndexShardBuilder {
    /// Reads the Indonesian–English units of `tmxPath` and writes their index to `output`
    /// atomically. `identity` (the file's path inside the memory) and `stamp` are recorded to tell
    /// later whether the shard still matches the file. `progress` hears the units and bytes read.
    ///
    /// - Complexity: O(total words · log(runs)) time; memory O(vocabulary) plus fixed buffers
    ///   (the postings, tokens and per-unit tables go through files on disk).
    /// - Returns: the units passed over by the TMX reader.
    @discardableResult
    public static func build(tmxPath: String, identity: String, stamp: IndexFileStamp, to output: String,
                             progress: ((ReadProgress) -> Void)? = nil) throws -> [SkippedUnit] {
        try build(tmxPath: tmxPath, identity: identity, stamp: stamp, to: output, postingsPerRun: 1 << 20, progress: progress)
    }

    /// `build`, holding at most `postingsPerRun` postings (12 bytes each) a side before a run is
    /// spilled (small in tests, to exercise the merge).
    static func build(tmxPath: String, identity: String, stamp: IndexFileStamp, to output: String, postingsPerRun: Int,
                      progress: ((ReadProgress) -> Void)? = nil) throws -> [SkippedUnit] {
        _ = MemoryAllocator.largeBlocksMapped
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
        // Where each <tu> lies, in file order: scanned while the units are read.
        let spans = IndexUnitSpans(path: tmxPath)
        defer { spans.cancel() }
        var spanIndex = 0

        let indexer = BatchIndexer(locators: try SpillFile(folder: folder),
                                   sides: [try SideBuild(folder: folder, language: .indonesian, postingsPerRun: postingsPerRun),
                                           try SideBuild(folder: folder, language: .english, postingsPerRun: postingsPerRun)])
        // Whatever ends the read, nothing is left writing to the build's files.
        defer { indexer.waitForQueued() }
        // Units are tokenized in batches on every core (tokens are most of the build's work)
        // and indexed in file order on a queue of their own, while this thread reads the next
        // batch. The first batches are small, so the workers start soon after the file does
        // rather than waiting for a full batch with a core idle.
        var batchSize = 256
        var batch: [BatchIndexer.Item] = []
        func flush() throws {
            try indexer.add(batch, keys: KeysInFlight(batch.map { ($0.indonesian, $0.english) }))
            batch = []
            batchSize = min(4096, batchSize * 2)
            batch.reserveCapacity(batchSize)
        }
        let tally = ReadProgressTally(files: [tmxPath], report: progress)
        let reader = try TMXReader(path: tmxPath)
        while let unit = try reader.next() {
            tally?.unitRead(in: tmxPath, bytes: reader.bytesRead)
            // Only the texts and the line: the provenance is read back with the unit when shown.
            guard let pair = unit.indonesianEnglishPair else { continue }
            let line = reader.lastUnitLine
            // The reader's n-th <tu> is the scan's n-th.
            var span: (offset: UInt64, length: UInt32)?
            while spanIndex < reader.unitElements {
                guard let next = try spans.next() else { break }
                spanIndex += 1
                if spanIndex == reader.unitElements { span = next }
            }
            guard let span else {
                throw TMError(.cannotWriteIndex(reason: "the unit at line \(line) could not be located in the file's bytes"), path: tmxPath)
            }
            batch.append((pair.indonesian, pair.english, line, span))
            if batch.count >= batchSize { try flush() }
        }
        try flush()
        let (locators, built, unitCount) = try indexer.finish()
        var sides = built
        tally?.finished(tmxPath)
        guard unitCount < Int(UInt32.max) else {
            throw TMError(.cannotWriteIndex(reason: "more than 4,294,967,295 units in one file"), path: tmxPath)
        }
        var sections = [IndexSectionSource](repeating: .bytes([]), count: IndexLayout.sectionCount)
        sections[IndexLayout.Section.path.rawValue] = .bytes(Array(identity.utf8))
        sections[IndexLayout.Section.locators.rawValue] = .file(locators)
        // The sides' merges are independent: the English one runs on another thread, so the
        // build's serial tail takes the longer of the two rather than their sum.
        let english = SideFinishing(sides.removeLast(), unitCount: unitCount)
        let indonesianSections: [(IndexLayout.SideSection, IndexSectionSource)]
        do {
            indonesianSections = try sides[0].finish(unitCount: unitCount)
        } catch {
            _ = try? english.wait()
            throw error
        }
        sides[0].release()
        for (side, finished) in [(0, indonesianSections), (1, try english.wait())] {
            for (kind, source) in finished { sections[IndexLayout.sideSection(side, kind)] = source }
        }
        try write(sections: sections, unitCount: unitCount, stamp: stamp, to: output)
        return reader.skipped
    }

    /// A side finished on a thread of its own (`SideBuild.finish`).
    final class SideFinishing: @unchecked Sendable {
        private var side: SideBuild
        private var result: Result<[(IndexLayout.SideSection, IndexSectionSource)], Error> = .success([])
        private let group = DispatchGroup()

        init(_ side: SideBuild, unitCount: Int) {
            self.side = side
            DispatchQueue.global().async(group: group) { [self] in
                result = Result { try self.side.finish(unitCount: unitCount) }
                self.side.release()
            }
        }

        /// The side's sections, once written (the group's wait orders the write before this read).
        func wait() throws -> [(IndexLayout.SideSection, IndexSectionSource)] {
            group.wait()
            return try result.get()
        }
    }

    /// The build's in-order stage: each batch's locators, tokens and postings, added on a serial
    /// queue of its own while the reading thread reads on (the reading thread is the build's
    /// critical path, and adding the batches took a quarter of its time). At most `depth`
    /// batches wait, so memory stays bounded when reading runs ahead.
    final class BatchIndexer: @unchecked Sendable {
        typealias Item = (indonesian: String, english: String, line: Int, span: (offset: UInt64, length: UInt32))

        private let queue = DispatchQueue(label: "tm.index.batches")
        private let room: DispatchSemaphore
        /// Touched on `queue` only, until `finish` (after the queue is drained).
        private let locators: SpillFile
        private var sides: [SideBuild]
        private var unitCount = 0
        /// The first error of a batch; later batches are dropped. Guarded by `lock`.
        private var failure: Error?
        private let lock = NSLock()

        init(locators: SpillFile, sides: [SideBuild], depth: Int = 2) {
            self.locators = locators
            self.sides = sides
            room = DispatchSemaphore(value: depth)
        }

        /// Queues `items`, whose keys are being computed; waits while `depth` batches wait.
        /// Throws the error of an earlier batch, if any.
        func add(_ items: [Item], keys: KeysInFlight) throws {
            if let failure = lock.withLock({ failure }) { throw failure }
            room.wait()
            queue.async { [self] in
                defer { room.signal() }
                guard lock.withLock({ failure == nil }) else { return }
                do {
                    try index(items, keys.wait())
                } catch {
                    lock.withLock { failure = error }
                }
                // The batch's texts and keys are freed here too, off the reading thread.
            }
        }

        private func index(_ items: [Item], _ keyed: [KeyedTexts]) throws {
            var next = 0
            for chunk in keyed {
                // The chunk's texts are its units' two sides in turn.
                var firstKey = 0
                for text in stride(from: 0, to: chunk.textEnds.count, by: 2) {
                    let item = items[next]
                    next += 1
                    try locators.write(item.span.offset)
                    try locators.write(item.span.length)
                    try locators.write(UInt32(clamping: item.line))
                    try locators.write(IndexUnitLocator.check(indonesian: item.indonesian, english: item.english))
                    try sides[0].append(chunk.keys, firstKey..<chunk.textEnds[text], ordinal: unitCount)
                    try sides[1].append(chunk.keys, chunk.textEnds[text]..<chunk.textEnds[text + 1], ordinal: unitCount)
                    firstKey = chunk.textEnds[text + 1]
                    unitCount += 1
                }
            }
        }

        /// Waits until every queued batch is done.
        func waitForQueued() {
            queue.sync {}
        }

        /// The locators, the sides and the unit count once every batch is added; the first
        /// error of a batch, if any.
        func finish() throws -> (locators: SpillFile, sides: [SideBuild], unitCount: Int) {
            waitForQueued()
            if let failure = lock.withLock({ failure }) { throw failure }
            defer { sides = [] }
            return (locators, sides, unitCount)
        }
    }

    /// The word keys of a batch of pairs' texts, computed in the background in consecutive
    /// chunks of pairs by one worker fewer than cores (the reading thread has the last core);
    /// the thread that waits for them (`BatchIndexer`'s) computes the chunks no worker has
    /// taken yet rather than sit idle. The same keys as one thread would make, in the same
    /// order.
    final class KeysInFlight: @unchecked Sendable {
        private let texts: [(String, String)]
        /// Guards `chunks` and `taken`.
        private let lock = NSLock()
        private var chunks: [KeyedTexts]
        private var taken = 0
        private let group = DispatchGroup()

        init(_ texts: [(String, String)]) {
            self.texts = texts
            let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
            chunks = [KeyedTexts](repeating: KeyedTexts(keys: FuzzyKeyList(), textEnds: []), count: texts.count < 64 ? 1 : cores * 8)
            for _ in 0..<min(max(1, cores - 1), chunks.count) {
                DispatchQueue.global().async(group: group) { [self] in computeUntaken() }
            }
        }

        /// The keys, once computed (the lock orders the chunks' writes before this read).
        func wait() -> [KeyedTexts] {
            computeUntaken()
            group.wait()
            lock.lock()
            defer { lock.unlock() }
            return chunks
        }

        /// Computes chunks no one has taken until none is left.
        private func computeUntaken() {
            while true {
                lock.lock()
                let chunk = taken
                taken += 1
                let count = chunks.count
                lock.unlock()
                guard chunk < count else { return }
                let keyed = KeyedTexts(texts, pairs: texts.count * chunk / count..<texts.count * (chunk + 1) / count)
                lock.lock()
                chunks[chunk] = keyed
                lock.unlock()
            }
        }
    }

    /// The word keys of consecutive texts in one list, hashed on the worker that made them
    /// rather than on the build's serial thread, which looks every key up.
    struct KeyedTexts {
        var keys: FuzzyKeyList
        /// Per text, the end of its keys in `keys`.
        var textEnds: [Int]

        init(keys: FuzzyKeyList, textEnds: [Int]) {
            self.keys = keys
            self.textEnds = textEnds
        }

        /// The keys of `pairs` of `texts`: each pair's Indonesian text, then its English one.
        init(_ texts: [(String, String)], pairs: Range<Int>) {
            var bytes = 0
            for index in pairs { bytes += texts[index].0.utf8.count + texts[index].1.utf8.count }
            keys = FuzzyKeyList(reservingBytes: bytes)
            textEnds = []
            textEnds.reserveCapacity(pairs.count * 2)
            for index in pairs {
                FuzzyTokenizer.appendKeys(texts[index].0, language: .indonesian, to: &keys)
                textEnds.append(keys.count)
                FuzzyTokenizer.appendKeys(texts[index].1, language: .english, to: &keys)
                textEnds.append(keys.count)
            }
        }
    }

    /// A word's unit numbers in increasing order, from its postings (`starts[length] + rank`).
    /// The merge hands the postings over in file order, and a unit's number grows with file
    /// order among units of its length, so the numbers are a few ascending runs, one per length:
    /// a short list is sorted by insertion (linear on such lists, without the generic sort's
    /// set-up), a long one placed by length with a counting sort (stable, so each length's run
    /// stays ascending). The result is checked and sorted outright should the order ever differ.
    /// `slots` is scratch of `starts.count` zeros, left zeroed.
    ///
    /// - Complexity: O(n) for n postings in file order.
    static func unitNumbers(of list: [IndexPosting], starts: [UInt32], into numbers: inout [UInt32], slots: inout [Int]) {
        numbers.removeAll(keepingCapacity: true)
        if list.count <= 32 {
            for posting in list { numbers.append(starts[Int(posting.length)] + posting.rank) }
            numbers.withUnsafeMutableBufferPointer { list in
                guard list.count > 1 else { return }
                for index in 1..<list.count {
                    let value = list[index]
                    var slot = index
                    while slot > 0 && list[slot - 1] > value {
                        list[slot] = list[slot - 1]
                        slot -= 1
                    }
                    list[slot] = value
                }
            }
            return
        }
        // Counted by length (noting each length the first time), each length's count turned into
        // its first place, lengths in increasing order, then the numbers placed.
        var lengths: [Int] = []
        for posting in list {
            let length = Int(posting.length)
            if slots[length] == 0 { lengths.append(length) }
            slots[length] += 1
        }
        lengths.sort()
        var place = 0
        for length in lengths {
            let count = slots[length]
            slots[length] = place
            place += count
        }
        numbers.append(contentsOf: repeatElement(0, count: list.count))
        numbers.withUnsafeMutableBufferPointer { numbers in
            for posting in list {
                let length = Int(posting.length)
                numbers[slots[length]] = starts[length] + posting.rank
                slots[length] += 1
            }
        }
        for length in lengths { slots[length] = 0 }
        if !zip(numbers, numbers.dropFirst()).allSatisfy({ $0 < $1 }) { numbers.sort() }
    }

    /// Byte order of two words (`memcmp`, then the shorter first), as `lexicographicallyPrecedes`
    /// orders them but without its generic element-by-element walk: the vocabulary's sort is on
    /// the build's serial tail.
    @inline(__always)
    static func precedes(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        let common = min(left.count, right.count)
        if common > 0 {
            let order = memcmp(left.baseAddress!, right.baseAddress!, common)
            if order != 0 { return order < 0 }
        }
        return left.count < right.count
    }

    static func write(sections: [IndexSectionSource], unitCount: Int, stamp: IndexFileStamp, to output: String) throws {
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
        for index in IndexLayout.checkedOnOpen {
            guard case .bytes(let bytes) = sections[index] else { preconditionFailure("a checked table is in memory") }
            tables += bytes
        }
        let tablesChecksum = tables.withUnsafeBytes { IndexChecksum.of($0) }
        tables = []

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
                let shard = try FileDescriptor(writing: temporary)
                // Small pieces are gathered; large ones (the spill files' chunks) go straight
                // from their buffer to the file, without a copy.
                let gatherLimit = 64 << 10
                var pending: [UInt8] = []
                pending.reserveCapacity(4 * gatherLimit)
                var written = 0
                func put(_ bytes: UnsafeRawBufferPointer) throws {
                    if bytes.count >= gatherLimit || pending.count + bytes.count > pending.capacity {
                        try shard.write(pending, path: temporary)
                        pending.removeAll(keepingCapacity: true)
                    }
                    if bytes.count >= gatherLimit {
                        try shard.write(bytes, path: temporary)
                    } else {
                        pending.append(contentsOf: bytes)
                    }
                    written += bytes.count
                }
                func put(_ bytes: [UInt8]) throws { try bytes.withUnsafeBytes { try put($0) } }
                try put(header)
                try put(directory)
                for (index, section) in sections.enumerated() {
                    if written < offsets[index] { try put([UInt8](repeating: 0, count: offsets[index] - written)) }
                    switch section {
                    case .bytes(let bytes): try put(bytes)
                    case .file(let file): try file.copy(to: put)
                    }
                }
                try shard.write(pending, path: temporary)
                try shard.close(path: temporary)
            }
        } catch let error as TMError {
            // A failed write of the shard (a full disk) is said as the index's, as before.
            guard case .cannotWrite(let reason) = error.kind else { throw error }
            throw TMError(.cannotWriteIndex(reason: reason), at: error.location)
        } catch {
            throw TMError(.cannotWriteIndex(reason: error.localizedDescription), path: output)
        }
    }

    /// One side being built.
    struct SideBuild {
        let language: LanguageCode
        let folder: String
        var vocabulary = WordIDTable()
        /// Per word: the last unit (file ordinal) that emitted a posting for it, so a unit posts a word once.
        var lastUnit: [Int32] = []
        let spill: IndexSpill
        let tokens: SpillFile
        /// Per unit in file order (12 bytes, on disk): its word count, the byte offset of its
        /// tokens, their checksum; turned into the unit table by unit number at the end.
        let units: SpillFile
        /// Units of the unit table put in place per pass over `units` (12 bytes each in memory).
        let unitsPerWindow: Int
        /// Units seen so far of each word count.
        var lengthCounts: [UInt32] = []
        var unitBytes: [UInt8] = []
        /// The postings of the unit being added, handed to the spill at once.
        var unitPostings: [IndexPosting] = []

        init(folder: String, language: LanguageCode, postingsPerRun: Int) throws {
            self.language = language
            self.folder = folder
            spill = IndexSpill(folder: folder, capacity: postingsPerRun)
            tokens = try SpillFile(folder: folder)
            units = try SpillFile(folder: folder)
            unitsPerWindow = postingsPerRun
        }

        /// Adds the unit with file ordinal `ordinal`, whose keys are `range` of `keys`.
        mutating func append(_ keys: FuzzyKeyList, _ range: Range<Int>, ordinal: Int) throws {
            let length = range.count
            if length >= lengthCounts.count { lengthCounts += [UInt32](repeating: 0, count: length + 1 - lengthCounts.count) }
            let rank = lengthCounts[length]
            lengthCounts[length] += 1
            guard tokens.count <= UInt64(UInt32.max) else {
                throw TMError(.cannotWriteIndex(reason: "the file's words take more than 4 GiB in the index; split the file"), path: tokens.path)
            }
            unitBytes.removeAll(keepingCapacity: true)
            keys.bytes.withUnsafeBufferPointer { bytes in
                for index in range {
                    let (id, isNew) = vocabulary.id(of: UnsafeBufferPointer(rebasing: bytes[keys.range(of: index)]), hash: keys.hashes[index])
                    if isNew {
                        lastUnit.append(-1)
                        spill.vocabularySize = vocabulary.count
                    }
                    Varint.append(id, to: &unitBytes)
                    if lastUnit[Int(id)] != Int32(truncatingIfNeeded: ordinal) {
                        lastUnit[Int(id)] = Int32(truncatingIfNeeded: ordinal)
                        unitPostings.append(IndexPosting(word: id, length: UInt32(length), rank: rank))
                    }
                }
            }
            try spill.append(contentsOf: unitPostings)
            unitPostings.removeAll(keepingCapacity: true)
            let checksum = unitBytes.withUnsafeBytes {
                IndexChecksum.fold(IndexChecksum.of($0, seed: IndexShard.unitSeed(ordinal: UInt32(ordinal), length: length)))
            }
            // The unit's entry in one write (each write checks the file's exclusive access).
            let entry = (UInt32(length).littleEndian, UInt32(tokens.count).littleEndian, checksum.littleEndian)
            try withUnsafeBytes(of: entry) { try units.write($0) }
            try tokens.write(unitBytes)
        }

        mutating func release() {
            vocabulary = WordIDTable()
        }

        mutating func finish(unitCount: Int) throws -> [(IndexLayout.SideSection, IndexSectionSource)] {
            lastUnit = []
            // Vocabulary sorted by UTF-8 bytes, so a lookup is a binary search with memcmp; each
            // entry gives the word's id.
            var vocabularyOffsets: [UInt8] = []
            var vocabularyBlob: [UInt8] = []
            var vocabularyIDs: [UInt8] = []
            do {
                // The words' bytes end to end in id order, as the table keeps them, sorted in
                // place by offsets: an array per word took three times the memory, on the
                // build's peak (both sides finish at once).
                let (bytes, ends) = vocabulary.take()
                var order = [UInt32](0..<UInt32(ends.count))
                vocabularyOffsets.reserveCapacity((order.count + 1) * 4)
                vocabularyIDs.reserveCapacity(order.count * 4)
                vocabularyBlob.reserveCapacity(bytes.count)
                bytes.withUnsafeBytes { blob in
                    func word(_ id: UInt32) -> UnsafeRawBufferPointer {
                        let id = Int(id)
                        return UnsafeRawBufferPointer(rebasing: blob[(id == 0 ? 0 : ends[id - 1])..<ends[id]])
                    }
                    order.sort { IndexShardBuilder.precedes(word($0), word($1)) }
                    for id in order {
                        vocabularyOffsets.appendLittleEndian(UInt32(vocabularyBlob.count))
                        vocabularyBlob.append(contentsOf: word(id))
                        vocabularyIDs.appendLittleEndian(id)
                    }
                }
                vocabularyOffsets.appendLittleEndian(UInt32(vocabularyBlob.count))
            }
            let vocabularySize = spill.vocabularySize

            // Units numbered by (length, file order): the first number of each length.
            let maxLength = max(0, lengthCounts.count - 1)
            var lengthStarts = [Int](repeating: 0, count: maxLength + 2)
            for length in 0..<lengthCounts.count { lengthStarts[length + 1] = lengthStarts[length] + Int(lengthCounts[length]) }
            lengthStarts[maxLength + 1] = unitCount

            // The unit table, by unit number: a window of numbers at a time, each window filled
            // by one pass over the units in file order (a unit's number is the next free one of
            // its length), so memory stays at one window whatever the file's size.
            let unitTable = try SpillFile(folder: folder)
            var windowStart = 0
            while windowStart < unitCount {
                let windowEnd = min(unitCount, windowStart + max(1, unitsPerWindow))
                var window = [UInt8](repeating: 0, count: (windowEnd - windowStart) * IndexLayout.unitEntrySize)
                var next = lengthStarts
                let reader = try units.reader()
                try window.withUnsafeMutableBytes { table in
                    for ordinal in 0..<unitCount {
                        guard let entry = try reader.next(12) else {
                            throw TMError(.cannotWriteIndex(reason: "a temporary file of the index build was cut short"), path: units.path)
                        }
                        let length = Int(UInt32(littleEndian: entry.loadUnaligned(as: UInt32.self)))
                        let unit = next[length]
                        next[length] += 1
                        guard unit >= windowStart && unit < windowEnd else { continue }
                        let offset = (unit - windowStart) * IndexLayout.unitEntrySize
                        table.storeBytes(of: entry.loadUnaligned(fromByteOffset: 4, as: UInt32.self), toByteOffset: offset, as: UInt32.self)
                        table.storeBytes(of: UInt32(ordinal).littleEndian, toByteOffset: offset + 4, as: UInt32.self)
                        table.storeBytes(of: entry.loadUnaligned(fromByteOffset: 8, as: UInt32.self), toByteOffset: offset + 8, as: UInt32.self)
                    }
                }
                try unitTable.write(window)
                windowStart = windowEnd
            }

            // Posting lists: the spilled runs merged word by word, each list's unit numbers
            // sorted and written as gaps.
            var directory = [UInt8](repeating: 0, count: vocabularySize * IndexLayout.directoryEntrySize)
            let postings = try SpillFile(folder: folder)
            var numbers: [UInt32] = []
            var encoded: [UInt8] = []
            let starts = lengthStarts.map { UInt32($0) }
            var lengthSlots = [Int](repeating: 0, count: starts.count)
            try spill.merge { word, list in
                IndexShardBuilder.unitNumbers(of: list, starts: starts, into: &numbers, slots: &lengthSlots)
                encoded.removeAll(keepingCapacity: true)
                var previous: UInt32 = 0
                for unit in numbers {
                    Varint.append(unit - previous, to: &encoded)
                    previous = unit
                }
                let checksum = encoded.withUnsafeBytes { IndexChecksum.fold(IndexChecksum.of($0, seed: UInt64(word))) }
                let entry = Int(word) * IndexLayout.directoryEntrySize
                directory.storeLittleEndian(postings.count, at: entry)
                directory.storeLittleEndian(UInt32(numbers.count), at: entry + 8)
                directory.storeLittleEndian(checksum, at: entry + 12)
                try postings.write(encoded)
            }
            return [
                (.vocabularyOffsets, .bytes(vocabularyOffsets)),
                (.vocabularyBlob, .bytes(vocabularyBlob)),
                (.vocabularyIDs, .bytes(vocabularyIDs)),
                (.postingDirectory, .bytes(directory)),
                (.lengthStarts, .bytes(lengthStarts.bytes32)),
                (.postings, .file(postings)),
                (.unitTable, .file(unitTable)),
                (.tokens, .file(tokens)),
            ]
        }
    }
}

/// Word ids by key, numbered in order of first appearance: an open-addressing table (linear
/// probing, at most half full) over the keys' UTF-8 bytes hashed with FNV-1a, which every word
/// of the memory is looked up in on the build's one in-order queue; `Dictionary` hashes with
/// SipHash and compares by canonical equivalence, several times the cost. Keys are NFC
/// (`WordToken.normalized`) or the placeable keys, so equal keys have equal bytes and the ids are
/// those a `Dictionary` would give.
struct WordIDTable {
    /// The keys' bytes end to end, in id order.
    private var bytes: [UInt8] = []
    /// The end of each key in `bytes`, by id.
    private var ends: [Int] = []
    /// Per slot, 0 when empty, else the key's id + 1 in the low 32 bits and the high 32 bits of
    /// its hash above: a probe that meets another key is told so without reading that key's
    /// hash or bytes (the table outgrows the caches, and every key of a memory is looked up).
    private var slots = [UInt64](repeating: 0, count: 1 << 10)

    var count: Int { ends.count }

    /// The id of `key`, whose `FuzzyKeyList.hash` is `hash`, given the next id when it is new.
    @inline(__always)
    mutating func id(of key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (id: UInt32, isNew: Bool) {
        let mask = slots.count - 1
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while slots[slot] != 0 {
            let entry = slots[slot]
            let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
            if entry & 0xFFFF_FFFF_0000_0000 == tag && holds(key, at: id) { return (UInt32(id), false) }
            slot = (slot + 1) & mask
        }
        let id = UInt32(ends.count)
        bytes.append(contentsOf: key)
        ends.append(bytes.count)
        slots[slot] = tag | UInt64(id + 1)
        if ends.count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// True when key `id` is `key`, byte for byte.
    @inline(__always)
    private func holds(_ key: UnsafeBufferPointer<UInt8>, at id: Int) -> Bool {
        let start = id == 0 ? 0 : ends[id - 1]
        guard ends[id] - start == key.count else { return false }
        guard let other = key.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { bytes in memcmp(bytes.baseAddress! + start, other, key.count) == 0 }
    }

    /// The keys' bytes end to end in id order and each one's end, leaving the table empty.
    mutating func take() -> (bytes: [UInt8], ends: [Int]) {
        defer { self = WordIDTable() }
        return (bytes, ends)
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        // Each key's hash made again from its bytes (keeping them would take 8 bytes a word).
        for id in 0..<ends.count {
            let hash = FuzzyKeyList.hash(bytes[(id == 0 ? 0 : ends[id - 1])..<ends[id]])
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
        }
    }
}

extension IndexLayout {
    /// The sections checked as a whole when a shard is opened.
    static var checkedOnOpen: [Int] {
        var result = [Section.path.rawValue]
        for side in 0..<sidesCount {
            result += [sideSection(side, .vocabularyOffsets), sideSection(side, .vocabularyBlob), sideSection(side, .vocabularyIDs),
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
