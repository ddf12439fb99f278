import XCTest
@testable import TranslationMemory

/// The index must return exactly what scoring every unit returns, and must never trust a stale or
/// damaged index file.
final class MatchIndexTests: XCTestCase {
    struct Pair { var indonesian: String; var english: String }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tm-match-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func writeTMX(_ pairs: [Pair], to path: String) throws {
        let writer = try TMXWriter(path: path, header: TMXWriter.standardHeader())
        for (number, pair) in pairs.enumerated() {
            try writer.write(TranslationUnit(attributes: [XMLAttribute("creationid", "tester\(number % 3)"),
                                                          XMLAttribute("creationdate", "20230102T030405Z")],
                                             variants: [Variant(language: "id-ID", segment: Segment(text: pair.indonesian)),
                                                        Variant(language: "en-US", segment: Segment(text: pair.english))]))
        }
        try writer.finish()
    }

    /// A random memory with many near-duplicates (a small vocabulary, numbers, months, case and
    /// punctuation variants), as a seeded generator so that a failure can be replayed.
    struct RandomMemory {
        var state: UInt64
        var words = ["kemitraan", "strategis", "Indonesia", "indonesia", "dan", "Jepang", "sepakat", "memperkuat", "ekonomi",
                     "perdagangan", "yang", "di", "pada", "Februari", "Maret", "menteri", "bank", "suku", "bunga", "naik"]
        /// The most words a sentence has.
        var longest = 12

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }

        mutating func word() -> String {
            switch next(10) {
            case 0: return String(next(3000))
            case 1: return "\(next(9) + 1).\(100 + next(900))"
            default: return words[next(words.count)]
            }
        }

        mutating func sentence() -> String {
            (0..<(1 + next(longest))).map { _ in word() }.joined(separator: next(6) == 0 ? ", " : " ")
        }

        mutating func mutate(_ text: String) -> String {
            var tokens = text.split(separator: " ").map(String.init)
            for _ in 0..<next(4) {
                switch next(4) {
                case 0 where !tokens.isEmpty: tokens[next(tokens.count)] = word()
                case 1: tokens.insert(word(), at: next(tokens.count + 1))
                case 2 where tokens.count > 1: tokens.remove(at: next(tokens.count))
                default: tokens.append(next(2) == 0 ? "." : word())
                }
            }
            return tokens.joined(separator: " ")
        }

        mutating func memory(_ count: Int) -> [Pair] {
            var pairs: [Pair] = []
            for _ in 0..<count {
                let text = pairs.isEmpty || next(3) == 0 ? sentence() : mutate(pairs[next(pairs.count)].indonesian)
                pairs.append(Pair(indonesian: text, english: mutate(text).uppercased()))
            }
            return pairs
        }
    }

    func testIndexEqualsBruteForceOnRandomMemories() throws {
        try checkIndexEqualsBruteForce { RandomMemory(state: $0) }
    }

    /// Sentences of up to 40 words, so that units much longer than the query meet lists past
    /// their (shorter) prefix, with and without seeding.
    func testIndexEqualsBruteForceOnLongSentences() throws {
        try checkIndexEqualsBruteForce(sizes: [150, 100], seedBudgets: [0], probeFloors: [0, 256]) { seed in
            var random = RandomMemory(state: seed &+ 30)
            random.longest = 40
            random.words += (0..<60).map { "kata\($0)" }
            return random
        }
    }

    /// News quantities are one token each (`Rp1,5 triliun`, `pukul 10.30 WIB`, `Senin (7/8)`):
    /// the index must count them as the scorer does, on both sides.
    func testIndexEqualsBruteForceWithQuantities() throws {
        let quantityWords = ["Rp1,5", "Rp15.700", "triliun", "miliar", "juta", "dolar", "AS", "US$4.75", "million", "billion",
                             "2,5", "persen", "percent", "%", "pukul", "10.30", "14.00", "WIB", "a.m.", "Senin", "Jumat",
                             "Monday", "(7/8)", "Aug.", "7", "ke-78", "ke-79", "78th", "2023", "2-3", "hingga", "km",
                             "hektare", "ketiga", "third", "7/8", "Agustus", "August"]
        func memory(_ seed: UInt64) -> RandomMemory {
            var random = RandomMemory(state: seed &+ 10)
            random.words += quantityWords + quantityWords
            return random
        }
        // The texts do hold quantities of several words, on both sides.
        var sample = memory(1)
        let pairs = sample.memory(200)
        for side in LookupSide.allCases {
            let texts = pairs.map { side == .indonesian ? $0.indonesian : $0.english }
            let merged = texts.filter { FuzzySegment($0, language: side.articleLanguage).tokens.count < WordTokenizer.tokenize($0).count }
            XCTAssertGreaterThan(merged.count, 20, "\(side)")
        }
        try checkIndexEqualsBruteForce(memory)
    }

    /// Accented words, in composed and decomposed form (the tokenizer normalises to NFC), and
    /// other scripts: the index keys words by their UTF-8 bytes, so every form must land on the
    /// word the scorer sees, in both directions.
    func testIndexEqualsBruteForceWithNonASCIIWords() throws {
        let accented = ["café", "cafe\u{301}", "résumé", "re\u{301}sume\u{301}", "Pérez", "Pe\u{301}rez", "naïve", "São", "Paulo",
                        "Zürich", "Zu\u{308}rich", "Đà", "Nẵng", "Ōsaka", "東京", "ÉCONOMIE", "économie", "ekonomi", "Ü", "über"]
        try checkIndexEqualsBruteForce { seed in
            var random = RandomMemory(state: seed &+ 20)
            random.words += accented + accented
            return random
        }
    }

    /// A shard built with postings spilled in many small runs is the same, byte for byte, as
    /// one built in memory: the merge loses, reorders and duplicates nothing.
    func testSpilledBuildEqualsInMemoryBuild() throws {
        var random = RandomMemory(state: 7)
        let folder = try temporaryFolder()
        let tmx = folder.appendingPathComponent("m.tmx").path
        try writeTMX(random.memory(300), to: tmx)
        let stamp = try IndexFileStamp.of(path: tmx)
        let whole = folder.appendingPathComponent("whole.tmlx").path, spilled = folder.appendingPathComponent("spilled.tmlx").path
        try IndexShardBuilder.build(tmxPath: tmx, identity: "m.tmx", stamp: stamp, to: whole)
        try IndexShardBuilder.build(tmxPath: tmx, identity: "m.tmx", stamp: stamp, to: spilled, postingsPerRun: 37)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: whole)), try Data(contentsOf: URL(fileURLWithPath: spilled)))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tm-spill") }, [])
    }

    /// Inserts a `<tu>` whose `<seg>` is never closed before unit `unit` of the `count` units of
    /// the TMX file at `path`; returns the file's text before and the line of the break.
    func breakTMX(at path: String, beforeUnit unit: Int, of count: Int) throws -> (good: String, line: Int) {
        let good = try String(contentsOfFile: path, encoding: .utf8)
        var starts = good.ranges(of: "<tu ").map(\.lowerBound)
        if starts.isEmpty { starts = good.ranges(of: "<tu>").map(\.lowerBound) }
        XCTAssertEqual(starts.count, count)
        var broken = good
        broken.insert(contentsOf: "<tu><tuv xml:lang=\"id\"><seg>putus</tuv></tu>\n", at: starts[unit])
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        return (good, broken[..<broken.range(of: "<seg>putus")!.lowerBound].filter { $0 == "\n" }.count + 1)
    }

    /// A file that breaks after several batches have gone to the indexing queue and the `<tu>`
    /// scan's thread: the build fails with the file and line, writes no shard, leaves no spill
    /// file, and the same folder builds again once the file is mended.
    func testBuildBrokenMidFileWritesNothingAndBuildsOnceMended() throws {
        var random = RandomMemory(state: 11)
        let folder = try temporaryFolder()
        let tmx = folder.appendingPathComponent("m.tmx").path
        try writeTMX(random.memory(5_000), to: tmx)
        let (good, brokenLine) = try breakTMX(at: tmx, beforeUnit: 4_000, of: 5_000)

        let shard = folder.appendingPathComponent("m.tmlx").path
        XCTAssertThrowsError(try IndexShardBuilder.build(tmxPath: tmx, identity: "m.tmx", stamp: try IndexFileStamp.of(path: tmx),
                                                         to: shard)) { error in
            guard let error = error as? TMError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.path, tmx)
            XCTAssertEqual(error.line, brokenLine, "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: shard))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tm-spill") }, [])

        try good.write(toFile: tmx, atomically: true, encoding: .utf8)
        try IndexShardBuilder.build(tmxPath: tmx, identity: "m.tmx", stamp: try IndexFileStamp.of(path: tmx), to: shard)
        XCTAssertEqual(try IndexShard(path: shard, unitReader: TMXIndexUnitReader(path: tmx)).unitCount, 5_000)
    }

    /// A memory whose second file breaks after several batches: the index fails with the
    /// second file's path and line, the first file's shard is whole and kept, no spill or
    /// temporary file is left, and once mended only the second file is indexed.
    func testSecondFileBrokenKeepsTheFirstFilesShard() throws {
        var random = RandomMemory(state: 12)
        let folder = try temporaryFolder()
        let first = folder.appendingPathComponent("a.tmx").path, second = folder.appendingPathComponent("b.tmx").path
        try writeTMX(random.memory(3_000), to: first)
        try writeTMX(random.memory(3_000), to: second)
        let (good, brokenLine) = try breakTMX(at: second, beforeUnit: 2_500, of: 3_000)

        let store = TranslationMemoryStore(path: folder.path)
        XCTAssertThrowsError(try LookupIndex(memory: store)) { error in
            guard let error = error as? TMError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.path, second)
            XCTAssertEqual(error.line, brokenLine, "\(error)")
        }
        let indexFolder = folder.appendingPathComponent(".tm-index").path
        let left = try FileManager.default.contentsOfDirectory(atPath: indexFolder)
        XCTAssertEqual(left.filter { $0.hasPrefix(".") }, [])
        XCTAssertEqual(left.filter { $0.hasSuffix(".tmlx") }.count, 1, "\(left)")

        try good.write(toFile: second, atomically: true, encoding: .utf8)
        let index = try LookupIndex(memory: store)
        XCTAssertEqual(index.rebuilt, [second])
        XCTAssertEqual(index.shards.map(\.unitCount), [3_000, 3_000])
    }

    /// A word's unit numbers come out in increasing order from its postings, whether the list is
    /// short (insertion sort) or long (placed by length), and even when the postings are not in
    /// file order (the check falls back to a full sort).
    func testUnitNumbersOfAPostingListAreSorted() {
        var random = RandomMemory(state: 11)
        let lengthCounts = (0..<40).map { _ in UInt32(random.next(60)) }
        var starts: [UInt32] = [0]
        for count in lengthCounts { starts.append(starts.last! + count) }
        var slots = [Int](repeating: 0, count: starts.count)
        var numbers: [UInt32] = []
        for round in 0..<400 {
            // Units in file order: each length's ranks ascending, lengths interleaved at random.
            var nextRank = [UInt32](repeating: 0, count: lengthCounts.count)
            var list: [IndexPosting] = []
            let wanted = [1, 2, 5, 31, 32, 33, 100, 700][round % 8]
            while list.count < wanted {
                let length = random.next(lengthCounts.count)
                guard nextRank[length] < lengthCounts[length], random.next(3) == 0 else { continue }
                list.append(IndexPosting(word: 0, length: UInt32(length), rank: nextRank[length]))
                nextRank[length] += 1
            }
            if round % 5 == 4 { list.reverse() } // not in file order
            let expected = list.map { starts[Int($0.length)] + $0.rank }.sorted()
            IndexShardBuilder.unitNumbers(of: list, starts: starts, into: &numbers, slots: &slots)
            XCTAssertEqual(numbers, expected, "round \(round), \(list.count) postings")
            XCTAssertTrue(slots.allSatisfy { $0 == 0 }, "round \(round): the scratch is left zeroed")
        }
    }

    /// Units are read back from the TMX at their byte offsets, in the file's own encoding.
    func testUnitsReadBackFromUTF16AndLatin1Files() throws {
        let folder = try temporaryFolder()
        let body = """
            <tmx version="1.4"><header srclang="id" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/>
            <body>
            <tu creationid="ana"><tuv xml:lang="id"><seg>Harga kopi naik di São Paulo.</seg></tuv><tuv xml:lang="en"><seg>Coffee prices rose in São Paulo.</seg></tuv></tu>
            <tu><tuv xml:lang="id"><seg>Bank sentral menahan suku bunga.</seg></tuv><tuv xml:lang="en"><seg>The central bank held rates.</seg></tuv></tu>
            </body></tmx>
            """
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + body).data(using: .utf16LittleEndian)!)
        try utf16.write(to: folder.appendingPathComponent("wide.tmx"))
        let latin1 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + body.replacingOccurrences(of: "kopi", with: "teh")
            .replacingOccurrences(of: "Coffee", with: "Tea")).data(using: .isoLatin1)!
        try latin1.write(to: folder.appendingPathComponent("narrow.tmx"))
        let index = try LookupIndex(memory: TranslationMemoryStore(path: folder.path))
        for (query, target) in [("Harga kopi naik di São Paulo.", "Coffee prices rose in São Paulo."),
                                ("Harga teh naik di São Paulo.", "Tea prices rose in São Paulo.")] {
            let report = try LookupEngine.run(LookupRequest(query: query), index: index)
            XCTAssertEqual(report.matches.first?.target, target)
            XCTAssertEqual(report.matches.first?.score, 100)
        }
        XCTAssertEqual(try index.shards.map { try $0.record(1).english }, ["The central bank held rates.", "The central bank held rates."])
        XCTAssertEqual(try index.shards.map { try $0.record(0).line }, [4, 4])
    }

    /// A memory in many files, searched with seeding budgets from none to all and with probes
    /// before every list or none: seeding (done once over all the files) and probing only order
    /// the work, so every setting gives brute force's list, without a unit twice.
    func testIndexEqualsBruteForceAcrossManyFilesWhateverTheSeedBudget() throws {
        try checkIndexEqualsBruteForce(sizes: [90, 60, 120, 30, 80, 20], seedBudgets: [0, 40, 1024], probeFloors: [0, 1_000_000]) { RandomMemory(state: $0) }
    }

    func checkIndexEqualsBruteForce(sizes: [Int] = [260, 140], seedBudgets: [Int] = [1024], probeFloors: [Int] = [256],
                                    _ makeMemory: (UInt64) -> RandomMemory) throws {
        for seed in [1, 2] as [UInt64] {
            var random = makeMemory(seed)
            let folder = try temporaryFolder()
            let files = sizes.map { random.memory($0) }
            for (number, pairs) in files.enumerated() {
                try writeTMX(pairs, to: folder.appendingPathComponent("part-\(number).tmx").path)
            }
            let index = try LookupIndex(memory: TranslationMemoryStore(path: folder.path))
            XCTAssertEqual(index.shards.map(\.unitCount), sizes)
            var queries: [String] = []
            for _ in 0..<20 {
                let pairs = files[random.next(files.count)]
                queries.append(random.next(4) == 0 ? random.sentence() : random.mutate(pairs[random.next(pairs.count)].indonesian))
            }
            let settings = [FuzzySearchOptions(minimum: 50, limit: 5, side: .indonesian, penalties: true),
                            FuzzySearchOptions(minimum: 30, limit: 3, side: .indonesian, penalties: false),
                            FuzzySearchOptions(minimum: 75, limit: 10, side: .indonesian, penalties: true),
                            FuzzySearchOptions(minimum: 1, limit: 4, side: .indonesian, penalties: true),
                            FuzzySearchOptions(minimum: 60, limit: 5, side: .english, penalties: true),
                            FuzzySearchOptions(minimum: 30, limit: 4, side: .english, penalties: false),
                            FuzzySearchOptions(minimum: 1, limit: 3, side: .english, penalties: true)]
            let scratch = FuzzySearchScratch()
            for budget in seedBudgets {
                for var options in settings.flatMap({ setting in probeFloors.map { floor in
                    var setting = setting
                    setting.probeFloor = floor
                    return setting
                } }) {
                    options.seedBudget = budget
                    var units: [(position: FuzzyUnitPosition, source: FuzzySegment)] = []
                    for (file, pairs) in files.enumerated() {
                        for (ordinal, pair) in pairs.enumerated() {
                            units.append((FuzzyUnitPosition(file: file, ordinal: ordinal),
                                          FuzzySegment(options.side == .indonesian ? pair.indonesian : pair.english,
                                                       language: options.side.articleLanguage)))
                        }
                    }
                    for text in queries {
                        let query = FuzzySegment(options.side == .indonesian ? text : text.uppercased(), language: options.side.articleLanguage)
                        let expected = FuzzyBruteForce.search(query, prepared: units, options: options)
                        let found = try FuzzySearch.search(query, in: index.shards, options: options, scratch: scratch)
                        XCTAssertEqual(found, expected, "seed \(seed), \(options), query \(text.debugDescription)")
                    }
                }
            }
        }
    }

    func sampleFolder() throws -> (URL, [Pair]) {
        let folder = try temporaryFolder()
        let pairs = [
            Pair(indonesian: "Indonesia dan Jepang sepakat memperkuat kemitraan strategis.", english: "Indonesia and Japan agreed to strengthen their strategic partnership."),
            Pair(indonesian: "Nilai perdagangan mencapai 1.500 juta dolar AS.", english: "Trade reached US$1,500 million."),
            Pair(indonesian: "Kemitraan strategis komprehensif", english: "Comprehensive strategic partnership"),
        ]
        try writeTMX(pairs, to: folder.appendingPathComponent("a.tmx").path)
        try writeTMX([Pair(indonesian: "Bank Indonesia mempertahankan suku bunga acuan.", english: "Bank Indonesia kept its benchmark rate.")],
                     to: folder.appendingPathComponent("b.tmx").path)
        return (folder, pairs)
    }

    func testFreshIndexIsReusedAndChangedFilesReindexed() throws {
        let (folder, _) = try sampleFolder()
        let store = TranslationMemoryStore(path: folder.path)
        XCTAssertEqual(try LookupIndex(memory: store).rebuilt.count, 2)
        XCTAssertEqual(try LookupIndex(memory: store).rebuilt, [])

        // Changing one file re-indexes that file only, and the new content is found.
        try writeTMX([Pair(indonesian: "Harga minyak mentah naik.", english: "Crude oil prices rose.")],
                     to: folder.appendingPathComponent("b.tmx").path)
        let index = try LookupIndex(memory: store)
        XCTAssertEqual(index.rebuilt, [folder.appendingPathComponent("b.tmx").path])
        let report = try LookupEngine.run(LookupRequest(query: "Harga minyak mentah naik."), index: index)
        XCTAssertEqual(report.matches.first?.target, "Crude oil prices rose.")

        // A removed file's segment goes.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("b.tmx"))
        let smaller = try LookupIndex(memory: store)
        XCTAssertEqual(smaller.shards.count, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: smaller.folder).filter { $0.hasSuffix(".tmlx") }.count, 1)

        // A temporary file left by a killed indexing goes once it is old; a fresh one stays.
        let old = smaller.folder + "/.a-123.tmlx.tmp-1-2", fresh = smaller.folder + "/.a-123.tmlx.tmp-3-4"
        let oldSpill = smaller.folder + "/.tm-spill-AbC123"
        XCTAssertTrue(FileManager.default.createFile(atPath: old, contents: Data("x".utf8)))
        XCTAssertTrue(FileManager.default.createFile(atPath: fresh, contents: Data("x".utf8)))
        XCTAssertTrue(FileManager.default.createFile(atPath: oldSpill, contents: Data("x".utf8)))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-7200)], ofItemAtPath: old)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-7200)], ofItemAtPath: oldSpill)
        _ = try LookupIndex(memory: store)
        XCTAssertFalse(FileManager.default.fileExists(atPath: old))
        XCTAssertFalse(FileManager.default.fileExists(atPath: oldSpill))
        XCTAssertTrue(FileManager.default.fileExists(atPath: fresh))
    }

    func testTruncatedOrGarbageSegmentIsRebuilt() throws {
        let (folder, _) = try sampleFolder()
        let store = TranslationMemoryStore(path: folder.path)
        let index = try LookupIndex(memory: store)
        let segment = index.shards[0].path
        let size = try FileManager.default.attributesOfItem(atPath: segment)[.size] as! Int
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: segment))
        try handle.truncate(atOffset: UInt64(size / 2))
        try handle.close()
        XCTAssertThrowsError(try IndexShard(path: segment))
        let reopened = try LookupIndex(memory: store)
        XCTAssertEqual(reopened.rebuilt, [index.files[0]])

        try Data("not an index at all".utf8).write(to: URL(fileURLWithPath: segment))
        XCTAssertEqual(try LookupIndex(memory: store).rebuilt, [index.files[0]])
        try Data().write(to: URL(fileURLWithPath: segment))
        XCTAssertEqual(try LookupIndex(memory: store).rebuilt, [index.files[0]])
    }

    /// Damage in the lazily checked parts (posting lists, locators, unit tokens) is found by the query that
    /// reads it; the segment is rebuilt and the answer is the right one.
    func testCorruptionFoundWhileSearchingIsRepaired() throws {
        let (folder, _) = try sampleFolder()
        let store = TranslationMemoryStore(path: folder.path)
        let request = LookupRequest(query: "Kemitraan strategis komprehensif Indonesia")
        let expected = try LookupEngine.run(request, index: LookupIndex(memory: store))
        XCTAssertEqual(expected.matches.first?.source, "Kemitraan strategis komprehensif")
        for section in [IndexLayout.sideSection(0, .postings), IndexLayout.Section.locators.rawValue,
                        IndexLayout.sideSection(0, .tokens), IndexLayout.sideSection(0, .unitTable)] {
            let index = try LookupIndex(memory: store)
            let path = index.shards[0].path
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let entry = IndexLayout.headerSize + section * 16
            let offset = bytes[entry..<entry + 8].withUnsafeBytes { Int($0.loadUnaligned(as: UInt64.self)) }
            let length = bytes[entry + 8..<entry + 16].withUnsafeBytes { Int($0.loadUnaligned(as: UInt64.self)) }
            XCTAssertGreaterThan(length, 0)
            for position in offset..<offset + length { bytes[position] ^= 0x5A }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let damaged = try LookupIndex(memory: store) // the header and tables are intact: opens
            XCTAssertEqual(damaged.rebuilt, [])
            let report = try LookupEngine.run(request, index: damaged)
            XCTAssertEqual(report, expected, "section \(section)")
            XCTAssertEqual(damaged.rebuilt, [damaged.files[0]], "section \(section)")
        }
    }

    func testEmptyMemoryAndEmptyQuery() throws {
        let folder = try temporaryFolder()
        let index = try LookupIndex(memory: TranslationMemoryStore(path: folder.path))
        XCTAssertEqual(try LookupEngine.run(LookupRequest(query: "kemitraan"), index: index).matches, [])
        XCTAssertThrowsError(try LookupEngine.run(LookupRequest(query: " \t\n"), index: index)) { error in
            XCTAssertEqual(error as? TMError, TMError(.emptyQuery))
        }
        XCTAssertThrowsError(try LookupIndex(memory: TranslationMemoryStore(path: folder.appendingPathComponent("missing").path)))
    }
}
