import XCTest
@testable import TranslationMemory

final class ConcordanceTests: XCTestCase {
    func makeIndex(_ pairs: [(String, String)]) throws -> LookupIndex {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-concordance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let writer = try TMXWriter(path: folder.appendingPathComponent("memory.tmx").path, header: TMXWriter.standardHeader())
        for (indonesian, english) in pairs {
            try writer.write(TranslationUnit(variants: [Variant(language: "id", segment: Segment(text: indonesian)),
                                                        Variant(language: "en", segment: Segment(text: english))]))
        }
        try writer.finish()
        return try LookupIndex(memory: TranslationMemoryStore(path: folder.path))
    }

    let pairs = [
        ("Kedua negara membahas kemitraan ekonomi yang strategis bagi kawasan.", "The two countries discussed an economic partnership that is strategic for the region."),
        ("Indonesia dan Australia sepakat memperkuat kemitraan strategis di bidang ekonomi.", "Indonesia and Australia agreed to strengthen their strategic partnership in the economy."),
        ("Kemitraan strategis komprehensif", "Comprehensive strategic partnership"),
        ("Strategis bagi kemitraan", "Strategic for the partnership"),
        ("Harga minyak mentah naik.", "Crude oil prices rose."),
    ]

    func testPhraseFirstThenGapsThenShorter() throws {
        let index = try makeIndex(pairs)
        let result = try Concordance.search(FuzzySegment("kemitraan strategis", language: .indonesian), in: index.shards, side: .indonesian, limit: 10)
        XCTAssertEqual(result.count, 3, "words in order only: 'Strategis bagi kemitraan' is out")
        XCTAssertTrue(result.complete)
        XCTAssertEqual(result.hits.map(\.match), ["Kemitraan strategis", "kemitraan strategis", "kemitraan ekonomi yang strategis"])
        XCTAssertEqual(result.hits.map(\.gaps), [0, 0, 2])
        XCTAssertEqual(result.hits[1].left, "…dan Australia sepakat memperkuat ")
        XCTAssertEqual(result.hits[1].right, " di bidang ekonomi.")
    }

    func testTargetSideAndMissingWord() throws {
        let index = try makeIndex(pairs)
        let english = try Concordance.search(FuzzySegment("strategic partnership", language: .english), in: index.shards, side: .english, limit: 10)
        XCTAssertEqual(english.count, 3)
        XCTAssertEqual(english.hits.last?.match, "Strategic for the partnership")
        let report = try LookupEngine.run(LookupRequest(query: "strategic partnership", searchTarget: true), index: index)
        XCTAssertEqual(report.matches, [], "with --target the query is in the target language: no fuzzy matching")
        XCTAssertEqual(report.concordance?.language, "en")
        XCTAssertEqual(report.concordance?.hits.first?.translation, "Kemitraan strategis komprehensif")
        let none = try Concordance.search(FuzzySegment("kemitraan tidak-ada", language: .indonesian), in: index.shards, side: .indonesian, limit: 10)
        XCTAssertEqual(none.count, 0)
    }

    func testLimitKeepsTheBest() throws {
        var many = pairs
        for number in 0..<30 { many.append(("Laporan \(number) tentang kemitraan strategis kawasan dan hal lain yang panjang", "Report \(number)")) }
        let index = try makeIndex(many)
        let result = try Concordance.search(FuzzySegment("kemitraan strategis", language: .indonesian), in: index.shards, side: .indonesian, limit: 2)
        XCTAssertEqual(result.hits.map(\.match), ["Kemitraan strategis", "kemitraan strategis"])
        XCTAssertEqual(result.hits.first?.length, 3)
    }

    /// The index holds `Rp3,2 triliun` as one token: its words, and a query's figures, are still
    /// found in units, by reading them.
    func testWordsInsideQuantities() throws {
        let index = try makeIndex(pairs + [
            ("Pemerintah menyiapkan anggaran Rp3,2 triliun pada Senin (7/8).", "The government set aside Rp3.2 trillion on Monday (Aug. 7)."),
            ("Anggaran 3,2 triliun rupiah disetujui.", "A budget of Rp3.2 trillion was approved."),
        ])
        func matches(_ query: String, _ side: LookupSide = .indonesian) throws -> [String] {
            try Concordance.search(FuzzySegment(query, language: side.articleLanguage), in: index.shards, side: side, limit: 10).hits.map(\.match)
        }
        XCTAssertEqual(try matches("triliun"), ["triliun", "triliun"])
        // Words as `WordTokenizer` cuts them, as before quantities: `Rp3,2` is one word.
        XCTAssertEqual(try matches("3,2 triliun"), ["3,2 triliun"])
        XCTAssertEqual(try matches("anggaran Rp3,2 triliun"), ["anggaran Rp3,2 triliun"])
        XCTAssertEqual(try matches("Senin"), ["Senin"])
        XCTAssertEqual(try matches("trillion", .english), ["trillion", "trillion"])
    }
}
