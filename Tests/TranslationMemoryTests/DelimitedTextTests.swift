import XCTest
@testable import TranslationMemory

final class DelimitedTextTests: XCTestCase {
    func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    func testTSVFieldIsOneFieldOnOneLine() {
        XCTAssertEqual(scalars(DelimitedText.tsvField("a\tb\nc\r\nd\re")), scalars("a b c  d e"))
        XCTAssertEqual(DelimitedText.tsvField("\n\nnote\t"), "  note ")
        XCTAssertEqual(DelimitedText.tsvField("Harga naik 5%, “kata” dia"), "Harga naik 5%, “kata” dia")
        XCTAssertTrue(DelimitedText.fitsTSVField("Harga naik 5%, “kata” dia"))
        XCTAssertFalse(DelimitedText.fitsTSVField("one\r\ntwo"), "a CRLF pair is one Character, but not a field")
    }

    func testCSVFieldQuotesWhatReadersWouldSplitOrTrim() {
        XCTAssertEqual(DelimitedText.csvField("strategic partnership"), "strategic partnership")
        XCTAssertEqual(DelimitedText.csvField("a, b"), "\"a, b\"")
        XCTAssertEqual(DelimitedText.csvField("the \"Ministry\""), "\"the \"\"Ministry\"\"\"")
        XCTAssertEqual(DelimitedText.csvField("one\r\ntwo"), "\"one\r\ntwo\"")
        XCTAssertEqual(DelimitedText.csvField(" padded"), "\" padded\"")
        // A combining mark on a quote does not hide it (Character-wise it would be one `"́`).
        XCTAssertEqual(scalars(DelimitedText.csvField("\"\u{301}")), scalars("\"\"\"\u{301}\""))
    }

    func testWrittenFieldsReadBack() throws {
        let texts = ["plain", "a, b", "say \"hi\"", "line\nbreak", "\"\u{301}x", ",\u{301}", " edge ", "", "tab\there"]
        let csv = texts.map(DelimitedText.csvField).joined(separator: ",") + "\n"
        let csvRows = try DelimitedText.rows(of: csv, separator: ",", path: "t.csv")
        XCTAssertEqual(csvRows.count, 1)
        XCTAssertEqual(csvRows[0].fields.map(scalars), texts.map(scalars))
        let tsv = texts.map(DelimitedText.tsvField).joined(separator: "\t") + "\n"
        let tsvRows = try DelimitedText.rows(of: tsv, separator: "\t", path: "t.tsv")
        XCTAssertEqual(tsvRows.count, 1)
        XCTAssertEqual(tsvRows[0].fields, texts.map(DelimitedText.tsvField))
    }

    func testRowsQuotingAndLines() throws {
        let rows = try DelimitedText.rows(of: "a,\"multi\nline\",c\nd,e\n", separator: ",", path: "t.csv")
        XCTAssertEqual(rows.map(\.line), [1, 3])
        XCTAssertEqual(rows[0].fields, ["a", "multi\nline", "c"])
        // TSV has no quoting: a quote is text.
        XCTAssertEqual(try DelimitedText.rows(of: "\"a\tb\"", separator: "\t", path: "t.tsv")[0].fields, ["\"a", "b\""])
        XCTAssertThrowsError(try DelimitedText.rows(of: "x\n\"open,\n", separator: ",", path: "t.csv")) { error in
            XCTAssertEqual(error as? TMError, TMError(.unterminatedQuote, path: "t.csv", line: 2))
        }
    }

    /// List cells (alternatives, forbidden variants) give back their items, whatever they hold.
    func testListFieldsReadBack() {
        for items in [["a"], ["a", "b"], ["x | y", "p;q", "back\\slash", "end\\"], ["A\\B"]] {
            XCTAssertEqual(DelimitedText.listItems(DelimitedText.listField(items)), items)
        }
        XCTAssertEqual(DelimitedText.listField(["x | y", "p;q", "A\\B"]), "x \\| y|p\\;q|A\\\\B")
        // Files written by hand or by older tm separate items with `;`; a lone backslash stays.
        XCTAssertEqual(DelimitedText.listItems(" one ; two| three |; A\\B "), ["one", "two", "three", "A\\B"])
    }

    func testCommentedRowsSkipCommentsAndTrim() throws {
        let rows = try DelimitedText.commentedRows(of: "# header\n\n  \t \nKemenlu \t Foreign Ministry\n \t# indented comment\nsatu\n", path: "g.tsv")
        XCTAssertEqual(rows.map(\.line), [4, 6])
        XCTAssertEqual(rows[0].fields, ["Kemenlu", "Foreign Ministry"])
        XCTAssertEqual(rows[1].fields, ["satu"])
    }

    /// The glossary, the aligner and the export write TSV fields by the one rule.
    func testWritersShareTheRule() {
        let entry = GlossaryEntry(source: "uji\tcoba", target: "trial", note: "one\n\ntwo\r\n")
        XCTAssertEqual(try GlossaryFile.tsvRow(entry, columns: [.source, .target, .note], path: "g.tsv"), "uji coba\ttrial\tone  two  ")
        let pair = AlignedPair(indonesian: "Satu\r\ndua.", english: "One\ttwo.", confidence: 1, kind: "1-1", indonesianSentences: [0],
                               englishSentences: [0], coverage: 0, lengthScore: 0)
        XCTAssertEqual(scalars(AlignmentFormat.tsv([pair])), scalars("Satu  dua.\tOne two.\t1.000\n"))
    }

    /// A file streamed from its mapped bytes reads as the whole decoded text does: BOM, CRLF,
    /// lone CR, quoted line breaks, accents in composed and decomposed form; and a file that is
    /// not UTF-8 takes the whole-text path with its error.
    func testStreamedRowsEqualWholeTextRows() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-rows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let samples: [(String, [UInt8])] = [
            ("a.csv", [0xEF, 0xBB, 0xBF] + Array("id,en\r\n\"Kopi\r\nitu\",Coffee\r\nCaf\u{E9},Cafe\u{301}\rx,\"y\"\"z\"".utf8)),
            ("b.tsv", Array("id\ten\nSatu\tOne\n\n\tkosong\nakhir\tend".utf8)),
            ("c.tsv", Array("id\ten\r\nS\u{E3}o\tS\u{E3}o\r\n".utf8)),
        ]
        for (name, bytes) in samples {
            let path = folder.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let text = try TextDecoding.readFile(path)
            let expected = try DelimitedText.rows(of: text, separator: DelimitedText.separator(for: path, text: text), path: path)
            var streamed: [(Int, [String])] = []
            try DelimitedText.forEachRow(ofFile: path) { streamed.append(($0, $1)) }
            XCTAssertEqual(streamed.map(\.0), expected.map(\.line), name)
            XCTAssertEqual(streamed.map(\.1), expected.map(\.fields), name)
            XCTAssertGreaterThanOrEqual(streamed.count, 2, name)
        }
        let latin1 = folder.appendingPathComponent("d.tsv").path
        try Data([0x69, 0x64, 0x09, 0x65, 0x6E, 0x0A, 0x43, 0x61, 0x66, 0xE9, 0x09, 0x78, 0x0A]).write(to: URL(fileURLWithPath: latin1))
        XCTAssertThrowsError(try DelimitedText.forEachRow(ofFile: latin1) { _, _ in }) { error in
            XCTAssertEqual((error as? TMError)?.location?.line, 2)
        }
    }
}
