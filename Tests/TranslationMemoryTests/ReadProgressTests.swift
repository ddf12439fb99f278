import XCTest
@testable import TranslationMemory

/// The long reads report their progress by the share of bytes read, so that a memory of one
/// large file fills a bar as smoothly as one of many files.
final class ReadProgressTests: XCTestCase {
    /// A one-file memory of `count` units, in a folder removed after the test.
    func memory(_ count: Int) throws -> (folder: URL, file: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("TMX"), withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("TMX/one.tmx").path
        var random = MatchIndexTests.RandomMemory(state: 7)
        let writer = try TMXWriter(path: file, header: TMXWriter.standardHeader())
        for pair in random.memory(count) {
            try writer.write(TranslationUnit(variants: [Variant(language: "id-ID", segment: Segment(text: pair.indonesian)),
                                                        Variant(language: "en-US", segment: Segment(text: pair.english))]))
        }
        try writer.finish()
        return (folder, file)
    }

    /// Reports rise from inside the file to its end: some between 0 and 1, none going back.
    func assertFills(_ reports: [ReadProgress], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertGreaterThan(reports.count, 2, what, file: file, line: line)
        XCTAssertTrue(reports.contains { $0.fraction > 0.1 && $0.fraction < 0.9 }, "\(what): \(reports.map(\.fraction))", file: file, line: line)
        XCTAssertEqual(reports.map(\.bytesDone), reports.map(\.bytesDone).sorted(), what, file: file, line: line)
        XCTAssertEqual(reports.last?.fraction, 1, what, file: file, line: line)
        XCTAssertEqual(reports.map(\.units), reports.map(\.units).sorted(), what, file: file, line: line)
    }

    func testOneFileFillsByBytesRead() throws {
        let (folder, file) = try memory(2_000)
        let store = TranslationMemoryStore(path: folder.appendingPathComponent("TMX").path)
        var indexing: [ReadProgress] = []
        _ = try LookupIndex(memory: store) { indexing.append($0) }
        assertFills(indexing, "indexing")
        XCTAssertEqual(indexing.last?.units, 2_000)
        XCTAssertEqual(indexing.last?.fileCount, 1)

        var exporting: [ReadProgress] = []
        _ = try MemoryExporter.export(store, to: folder.appendingPathComponent("out.tmx").path) { exporting.append($0) }
        assertFills(exporting, "export")

        var counting: [ReadProgress] = []
        _ = try MemoryStatistics.compute(store) { counting.append($0) }
        assertFills(counting, "stats")

        var stages: [TermSuggesterProgress] = []
        _ = try TermSuggester.suggest(store: store, glossary: Glossary(), options: TermSuggesterOptions()) { stages.append($0) }
        assertFills(stages.compactMap { if case .reading(let read) = $0 { return read } else { return nil } }, "suggest")
        let aligning = stages.compactMap { if case .aligning(let share) = $0 { return share } else { return nil } }
        XCTAssertEqual(aligning, aligning.sorted())
        XCTAssertGreaterThan(aligning.count, 10, "each training iteration both ways, then the candidates")
        XCTAssertEqual(aligning.last ?? 0, 1, accuracy: 0.1)

        // An import reads the memory, then its inputs: one progress over both.
        var importing: [ReadProgress] = []
        let other = TranslationMemoryStore(path: folder.appendingPathComponent("Other").path)
        _ = try MemoryImporter.importFiles([file], into: other) { importing.append($0) }
        assertFills(importing, "import")
        XCTAssertEqual(importing.last?.units, 2_000)
        let stored = try MemoryStatistics.compute(other).units
        var both: [ReadProgress] = []
        _ = try MemoryImporter.importFiles([file], into: other) { both.append($0) }
        XCTAssertEqual(both.last?.fileCount, 2, "the memory's file, then the input")
        XCTAssertEqual(both.last?.units, stored + 2_000)
        XCTAssertTrue(both.contains { $0.fileIndex == 0 } && both.contains { $0.fileIndex == 1 })
    }

    /// Reads without a listener cost nothing and report nothing.
    func testNoTallyWithoutAListener() {
        XCTAssertNil(ReadProgressTally(files: ["a.tmx"], report: nil))
    }
}
