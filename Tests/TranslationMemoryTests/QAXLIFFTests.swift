import XCTest
@testable import TranslationMemory

/// `tm check --xliff` in the library: the trans-units of XLIFF files as tm, Okapi and OmegaT write
/// them turned into pairs (line, id, direction, units without a translation), and the inline
/// codes compared by the `tags` check.
final class QAXLIFFTests: XCTestCase {
    private func write(_ xml: String) throws -> String {
        let path = NSTemporaryDirectory() + "qa-xliff-\(UUID().uuidString).xlf"
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    /// Okapi's way: `g`, `x`, `bpt`/`ept` with native code, `mrk mtype="seg"` in the target.
    static let okapi = """
    <?xml version="1.0" encoding="UTF-8"?>
    <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:okp="okapi-framework:xliff-extensions">
    <file original="berita.html" source-language="id" target-language="en" datatype="html">
    <body>
    <trans-unit id="tu1" resname="p1">
    <source xml:lang="id">Anggaran <g id="1">Rp2,5 triliun</g> disiapkan.</source>
    <target xml:lang="en"><mrk mtype="seg" mid="0">A budget of <g id="1">Rp2.5 trillion</g> was prepared.</mrk></target>
    </trans-unit>
    <trans-unit id="tu2">
    <source xml:lang="id">Klik <x id="1"/> untuk <bpt id="2">&lt;b></bpt>info<ept id="2">&lt;/b></ept>.</source>
    <target xml:lang="en">Click for <bpt id="2">&lt;b></bpt>info<ept id="2">&lt;/b></ept> <ph id="3">{0}</ph>.</target>
    </trans-unit>
    <trans-unit id="tu3">
    <source>Harga naik 5 persen.</source>
    </trans-unit>
    <group id="g1">
    <trans-unit id="tu4">
    <source>Harga naik 5 persen.</source>
    <target state="translated">Prices rose 6 percent.</target>
    </trans-unit>
    </group>
    <trans-unit id="tu5" translate="no">
    <source>ANTARA</source>
    <target>ANTARA</target>
    </trans-unit>
    <trans-unit id="tu6">
    <source>Sebanyak 1.500 warga hadir.</source>
    <target>  </target>
    </trans-unit>
    </body>
    </file>
    </xliff>
    """

    func testUnitsBecomePairsWithTheirLineAndID() throws {
        let read = try QAInput.xliff(path: try write(Self.okapi))
        XCTAssertEqual(read.pairs.map(\.number), [1, 2, 4], "pair N is the file's Nth trans-unit")
        XCTAssertEqual(read.pairs.map(\.id), ["tu1", "tu2", "tu4"])
        XCTAssertEqual(read.pairs.map(\.line), [5, 9, 17])
        XCTAssertEqual(read.pairs[0].source, "Anggaran Rp2,5 triliun disiapkan.")
        XCTAssertEqual(read.pairs[0].target, "A budget of Rp2.5 trillion was prepared.", "the segment marker gives its content")
        XCTAssertEqual(read.notTranslated.map(\.id), ["tu3", "tu6"], "no target, and one of white space only")
        XCTAssertEqual(read.notTranslated.map(\.line), [13, 26])
        XCTAssertEqual(read.swappedFiles, [])
    }

    func testFindingsNameTheUnitAndTheTagsThatDiffer() throws {
        let report = QAChecker().check(xliff: try QAInput.xliff(path: try write(Self.okapi)), reportNotTranslated: false)
        XCTAssertEqual(report.findings.map(\.check), ["tags", "tags", "percent"])
        XCTAssertEqual(report.findings.map(\.id), ["tu2", "tu2", "tu4"])
        XCTAssertEqual(report.findings[0].message, "source tag `<x id=\"1\"/>` is not in the target")
        XCTAssertEqual(report.findings[1].message, "target tag `<ph>{0}</ph>` is not in the source")
        XCTAssertEqual(report.findings[0].spans, [QASpan(side: .source, start: 5, end: 5, text: "<x id=\"1\"/>")])
        XCTAssertEqual(report.findings[2].file.map { ($0 as NSString).pathExtension }, "xlf")
        XCTAssertEqual(report.findings[2].line, 17)
        XCTAssertEqual(report.summary.pairs, 5)
        XCTAssertEqual(report.summary.notTranslated, 2)
        XCTAssertNil(report.findings.first { $0.check == "untranslated" })

        let all = QAChecker().check(xliff: try QAInput.xliff(path: try write(Self.okapi)), reportNotTranslated: true)
        XCTAssertEqual(all.findings.map(\.check), ["tags", "tags", "untranslated", "percent", "untranslated"])
        XCTAssertEqual(all.findings.filter { $0.check == "untranslated" }.map(\.line), [13, 26])
        XCTAssertEqual(all.summary.notTranslated, 2)
    }

    func testAnEnglishToIndonesianFileIsCheckedWithIndonesianAsTheSource() throws {
        // OmegaT writes the legacy code `in` for Indonesian.
        let path = try write("""
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2"><file original="news.txt" source-language="EN-US" target-language="in-ID" datatype="plaintext"><body>
        <trans-unit id="0"><source>Exports reached US$4.75 million.</source><target>Nilai ekspor mencapai 4,75 juta dolar AS.</target></trans-unit>
        <trans-unit id="1"><source>Imports reached US$4.75 million.</source><target>Nilai impor mencapai 4,57 juta dolar AS.</target></trans-unit>
        <trans-unit id="2"><source>It rained.</source></trans-unit>
        </body></file></xliff>
        """)
        let read = try QAInput.xliff(path: path)
        XCTAssertEqual(read.swappedFiles, ["news.txt"])
        XCTAssertEqual(read.pairs[0].source, "Nilai ekspor mencapai 4,75 juta dolar AS.")
        XCTAssertEqual(read.notTranslated.map(\.target), ["It rained."], "the English is what the unit has")
        let report = QAChecker().check(xliff: read, reportNotTranslated: false)
        XCTAssertEqual(report.findings.map(\.check), ["money"])
        XCTAssertEqual(report.findings.map(\.id), ["1"])
    }

    func testOtherLanguagesAndBrokenFilesAreErrorsWithTheLine() throws {
        let french = try write("""
        <?xml version="1.0"?>
        <xliff version="1.2">
        <file original="a" source-language="fr" target-language="en" datatype="plaintext"><body>
        <trans-unit id="1"><source>Bonjour</source><target>Hello</target></trans-unit>
        </body></file></xliff>
        """)
        XCTAssertThrowsError(try QAInput.xliff(path: french)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains(":4:") && message.contains("fr → en"), message)
        }
        let cut = try write("<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"><file original=\"a\" source-language=\"id\"><body>\n<trans-unit id=\"1\"><source>Halo")
        XCTAssertThrowsError(try QAInput.xliff(path: cut)) { error in
            XCTAssertTrue("\(error)".contains(cut), "\(error)")
        }
    }

    func testInlineCodesAndPlaceholders() {
        let segment = Segment(content: [
            .text("Klik "),
            .element(InlineElement(name: "g", attributes: [XMLAttribute("id", "1")], children: [.text("di sini")])),
            .element(InlineElement(name: "ph", attributes: [XMLAttribute("type", "x-var")], children: [.text("{0}")])),
            .element(InlineElement(name: "mrk", attributes: [XMLAttribute("mtype", "term")], children: [.text("ya")])),
        ])
        XCTAssertEqual(QAInlineCode.codes(of: segment).map(\.display), ["<g id=\"1\">", "</g>", "<ph>{0}</ph>"])
        XCTAssertEqual(QAInlineCode.codes(of: segment).map(\.offset), [5, 12, 12])
        // Placeholders written as text, in any input.
        let checker = QAChecker()
        let pair = { (s: String, t: String) in checker.check([QAPair(number: 1, source: s, target: t)]).findings.map(\.check) }
        XCTAssertEqual(pair("Terhapus {0} berkas dari %s.", "Deleted {0} files from %d."), ["tags", "tags"])
        XCTAssertEqual(pair("Terhapus {0} berkas dari %1$s.", "Deleted {0} files from %1$s."), [])
        XCTAssertEqual(pair("Harga naik 50%setahun.", "Prices rose 50% a year."), [], "a percent sign before a word is no placeholder")
    }
}
