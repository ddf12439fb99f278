import Foundation
import XCTest

/// `tm check --xliff` on the file `tm pretranslate` writes, after a translator's edits: each
/// finding with the file, the trans-unit's line and id; units left without a translation counted
/// in `summary.notTranslated` and reported with `--untranslated`.
final class CheckXLIFFCommandTests: XCTestCase {
    static let memory = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="tmx" adminlang="en" srclang="id" datatype="plaintext"/><body>
    <tu><tuv xml:lang="id"><seg>Sebanyak 1.500 warga desa menerima bantuan senilai Rp1,5 triliun dari pemerintah.</seg></tuv><tuv xml:lang="en"><seg>As many as 1,500 village residents received aid worth Rp1.5 trillion from the government.</seg></tuv></tu>
    <tu><tuv xml:lang="id"><seg>Harga beras di pasar tradisional naik 5 persen pada Agustus.</seg></tuv><tuv xml:lang="en"><seg>Rice prices at traditional markets rose 5 percent in August.</seg></tuv></tu>
    </body></tmx>

    """

    static let article = """
    Bantuan untuk warga desa

    Jakarta (ANTARA) - Sebanyak 1.500 warga desa menerima bantuan senilai Rp1,5 triliun dari pemerintah.

    Harga beras di pasar tradisional naik 7 persen pada Agustus.

    Pemerintah akan terus memantau perkembangan harga.

    """

    /// A folder with the memory and the article pre-translated into `berita.xlf`.
    private func pretranslated() throws -> URL {
        let folder = try TMProcess.temporaryFolder(self)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("TMX"), withIntermediateDirectories: true)
        try Self.memory.write(to: folder.appendingPathComponent("TMX/news.tmx"), atomically: true, encoding: .utf8)
        try Self.article.write(to: folder.appendingPathComponent("berita.txt"), atomically: true, encoding: .utf8)
        let result = try TMProcess.run(["pretranslate", "berita.txt", "--out", "berita.xlf"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        return folder
    }

    private func json(_ result: TMResult) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout + result.stderr)
    }

    func testPretranslatedFileIsCleanAndCountsWhatIsLeftToTranslate() throws {
        let folder = try pretranslated()
        let text = try TMProcess.run(["check", "--xliff", "berita.xlf"], in: folder)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertEqual(text.stdout, "0 findings in 5 pairs\n3 units without a translation (not checked; --untranslated reports them)\n")
        let report = try json(try TMProcess.run(["check", "--xliff", "berita.xlf", "--json"], in: folder))
        let summary = try XCTUnwrap(report["summary"] as? [String: Any])
        XCTAssertEqual(summary["notTranslated"] as? Int, 3)
        XCTAssertEqual(summary["pairs"] as? Int, 5)

        let all = try TMProcess.run(["check", "--xliff", "berita.xlf", "--untranslated", "--json"], in: folder)
        XCTAssertEqual(all.status, 2, all.stderr)
        let findings = try XCTUnwrap(try json(all)["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.map { $0["check"] as? String }, ["untranslated", "untranslated", "untranslated"])
        XCTAssertEqual(findings.map { $0["id"] as? String }, ["1.1", "1.2", "1.5"])
        let xml = try String(contentsOf: folder.appendingPathComponent("berita.xlf"), encoding: .utf8)
        let lines = xml.split(separator: "\n", omittingEmptySubsequences: false)
        for finding in findings {
            let line = try XCTUnwrap(finding["line"] as? Int)
            XCTAssertTrue(lines[line - 1].contains("<trans-unit id=\"\(finding["id"] as? String ?? "")\""), "line \(line): \(lines[line - 1])")
        }
    }

    func testATranslatorsMistakeIsReportedWithFileLineAndID() throws {
        let folder = try pretranslated()
        let file = folder.appendingPathComponent("berita.xlf")
        var xml = try String(contentsOf: file, encoding: .utf8)
        // The translator fills in the last unit, with a wrong figure, and keeps the fuzzy match as it is.
        let source = "<source>Pemerintah akan terus memantau perkembangan harga.</source>"
        xml = xml.replacingOccurrences(of: source, with: source + #"<target state="translated">The government will keep monitoring prices for 3 months.</target>"#)
        try Data(xml.utf8).write(to: file)
        let result = try TMProcess.run(["check", "--xliff", "berita.xlf"], in: folder)
        XCTAssertEqual(result.status, 2, result.stderr)
        let line = try XCTUnwrap(xml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("trans-unit id=\"1.5\"") }) + 1
        XCTAssertTrue(result.stdout.contains("pair 5 berita.xlf:\(line) id 1.5: target `3` (3) is not in the source"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("1 finding in 5 pairs (numbers 1)\n2 units without a translation (not checked; --untranslated reports them)\n"),
                      result.stdout)
    }

    func testUsageAndBadFiles() throws {
        let folder = try pretranslated()
        XCTAssertEqual(try TMProcess.run(["check", "--pairs", "x.tsv", "--untranslated"], in: folder).status, 64)
        XCTAssertEqual(try TMProcess.run(["check", "--xliff", "berita.xlf", "--memory"], in: folder).status, 64)
        try #"<?xml version="1.0"?><xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="id"/>"#
            .write(to: folder.appendingPathComponent("two.xlf"), atomically: true, encoding: .utf8)
        let two = try TMProcess.run(["check", "--xliff", "two.xlf"], in: folder)
        XCTAssertEqual(two.status, 1)
        XCTAssertTrue(two.stderr.contains("two.xlf:1") && two.stderr.contains("XLIFF 1.2"), two.stderr)
        XCTAssertEqual(try TMProcess.run(["check", "--xliff", "missing.xlf"], in: folder).status, 1)
    }
}
