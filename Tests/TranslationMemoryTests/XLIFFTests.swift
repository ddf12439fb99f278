import Foundation
import XCTest
@testable import TranslationMemory

/// The XLIFF 1.2 layer: the pre-translation file is valid against the strict schema and read by
/// translate-toolkit; the reader gives back what the writer wrote; import takes only confirmed units.
final class XLIFFTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-xliff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    // MARK: Outside tools (fail on CI when missing, as Tests/EndToEndTests/InteropSupport.swift does)

    private func missing(_ what: String) -> Error {
        let ci = ProcessInfo.processInfo.environment["CI"] ?? ""
        if !ci.isEmpty && ci != "false" && ci != "0" {
            return NSError(domain: "XLIFFTests", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(what) is missing on CI (.ci/run installs it)"])
        }
        return XCTSkip("\(what) is not available; CI runs this test")
    }

    private func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The strict schema beside the package, with its import of xml.xsd pointed at the local copy
    /// (xmllint runs with --nonet).
    private func strictSchema() throws -> String {
        let spec = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("../shared/spec").standardizedFileURL
        let schema = spec.appendingPathComponent("xliff-core-1.2-strict.xsd")
        guard FileManager.default.fileExists(atPath: schema.path) else { throw missing(schema.path) }
        let text = try String(contentsOf: schema, encoding: .utf8)
            .replacingOccurrences(of: "http://www.w3.org/2001/xml.xsd", with: spec.appendingPathComponent("xml.xsd").path)
        let local = folder.appendingPathComponent("xliff-strict.xsd")
        try Data(text.utf8).write(to: local)
        return local.path
    }

    private func assertValid(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let schema = try strictSchema()
        guard (try? run("xmllint", ["--version"]))?.status == 0 else { throw missing("xmllint") }
        let result = try run("xmllint", ["--noout", "--nonet", "--schema", schema, path])
        XCTAssertEqual(result.status, 0, result.output, file: file, line: line)
    }

    // MARK: Fixtures

    private func text(_ string: String) -> Segment { Segment(text: string) }

    /// Segments with every case: an exact match, a fuzzy one with markup and a second match, one
    /// below the threshold, glossary terms only, nothing, a credit and a dateline.
    private var segments: [PretranslationSegment] {
        let bold: [InlineContent] = [
            .text("Presiden "),
            .element(InlineElement(name: "bpt", attributes: [XMLAttribute("i", "1"), XMLAttribute("type", "bold")], children: [.text("<b>")])),
            .text("Joko Widodo"),
            .element(InlineElement(name: "ept", attributes: [XMLAttribute("i", "1")], children: [.text("</b>")])),
            .text(" tiba di Bali."),
            .element(InlineElement(name: "ph", attributes: [XMLAttribute("type", "lb")], children: [.text("<br/>")])),
        ]
        let boldTarget: [InlineContent] = [
            .text("President "),
            .element(InlineElement(name: "bpt", attributes: [XMLAttribute("i", "1"), XMLAttribute("type", "bold")], children: [.text("<b>")])),
            .text("Joko Widodo"),
            .element(InlineElement(name: "ept", attributes: [XMLAttribute("i", "1")], children: [.text("</b>")])),
            .text(" arrived in Bali."),
            .element(InlineElement(name: "ph", attributes: [XMLAttribute("type", "lb")], children: [.text("<br/>")])),
        ]
        let provenance = [XMLAttribute("creationid", "dewi"), XMLAttribute("x-document", "bali.id.txt")]
        return [
            PretranslationSegment(id: "1", kind: .title, source: text("Gempa di Lombok"),
                                  best: PretranslationMatch(target: text("Earthquake in Lombok"), source: text("Gempa di Lombok"), score: 100,
                                                            origin: "TMX/news.tmx", provenance: provenance)),
            PretranslationSegment(id: "2", kind: .dateline, source: text("Jakarta (ANTARA) -")),
            PretranslationSegment(id: "3", source: Segment(content: bold),
                                  best: PretranslationMatch(target: Segment(content: boldTarget), source: text("Presiden Joko Widodo tiba di Jakarta."),
                                                            score: 88, origin: "TMX/news.tmx", provenance: provenance),
                                  others: [PretranslationMatch(target: text("The president arrived."), source: text("Presiden tiba."), score: 76, origin: "TMX/old.tmx"),
                                           PretranslationMatch(target: text("Too far."), source: text("Jauh."), score: 51, origin: "TMX/old.tmx")]),
            PretranslationSegment(id: "4", source: text("Kementerian Luar Negeri mengeluarkan pernyataan."),
                                  glossary: [PretranslationTerm(source: "Kementerian Luar Negeri", target: "Foreign Ministry", note: "Kemenlu")]),
            PretranslationSegment(id: "5", source: text("  Dua spasi  di sini.")),
            PretranslationSegment(id: "6", kind: .credit, source: text("Penerjemah: Dewi")),
        ]
    }

    private func writePretranslation() throws -> String {
        let path = folder.appendingPathComponent("bali.xlf").path
        let job = XLIFFPretranslation.Job(original: "bali.id.txt", threshold: 75, user: "tm-tests", date: Date(timeIntervalSince1970: 1_796_000_000))
        let summary = try XLIFFPretranslation.write(segments, job: job, to: path)
        XCTAssertEqual(summary, PretranslationSummary(units: 6, exact: 1, fuzzy: 1, glossaryOnly: 1, untranslated: 3, alternatives: 3))
        return path
    }

    private func units(in memory: TranslationMemoryStore) throws -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        _ = try memory.forEachUnit { unit, _ in units.append(unit) }
        return units
    }

    // MARK: Tests

    func testPretranslationIsValidAgainstTheStrictSchema() throws {
        let path = try writePretranslation()
        try assertValid(path)
        let xml = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(xml.contains(#"<target state="needs-review-translation" state-qualifier="exact-match" xml:lang="en-US">Earthquake in Lombok</target>"#), xml)
        XCTAssertTrue(xml.contains(#"state-qualifier="fuzzy-match""#))
        XCTAssertTrue(xml.contains(#"<target state="needs-review-translation" state-qualifier="leveraged-glossary" xml:lang="en-US">Foreign Ministry mengeluarkan pernyataan.</target>"#), xml)
        XCTAssertTrue(xml.contains(#"<bpt id="1" rid="1" ctype="bold">&lt;b&gt;</bpt>Joko Widodo<ept id="2" rid="1">&lt;/b&gt;</ept>"#), xml)
        XCTAssertTrue(xml.contains(#"<ph id="3" ctype="lb">&lt;br/&gt;</ph>"#), xml)
        XCTAssertTrue(xml.contains(#"<alt-trans match-quality="76" origin="TMX/old.tmx">"#), xml)
        XCTAssertFalse(xml.contains(#"match-quality="51""#), "a match below the threshold is left out")
        XCTAssertTrue(xml.contains(#"<trans-unit id="5" xml:space="preserve">"#), xml)
        XCTAssertTrue(xml.contains(#"<trans-unit id="6" restype="x-credit">"#), xml)
        XCTAssertTrue(xml.contains(#"<trans-unit id="2" restype="x-dateline">"#), xml)
        XCTAssertTrue(xml.contains(#"<note from="tm glossary" annotates="source">Kementerian Luar Negeri → Foreign Ministry (Kemenlu)</note>"#), xml)
        XCTAssertTrue(xml.contains(#"<note from="tm memory">creationid: dewi; x-document: bali.id.txt</note>"#), xml)
    }

    func testTheStrictSchemaCheckCatchesAnInvalidFile() throws {
        // The check itself can fail: a state the strict schema does not list.
        let path = try writePretranslation()
        let xml = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "needs-review-translation", with: "reviewed")
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        let schema = try strictSchema()
        guard (try? run("xmllint", ["--version"]))?.status == 0 else { throw missing("xmllint") }
        XCTAssertNotEqual(try run("xmllint", ["--noout", "--nonet", "--schema", schema, path]).status, 0)
    }

    func testTranslateToolkitReadsEveryUnit() throws {
        let path = try writePretranslation()
        guard (try? run("python3", ["-c", "import translate.storage.xliff"]))?.status == 0 else {
            throw missing("translate-toolkit (pip install translate-toolkit)")
        }
        let script = """
        import sys
        from translate.storage import xliff
        store = xliff.xlifffile(open(sys.argv[1], 'rb').read())
        for unit in store.units:
            print(unit.getid().split('\\x04')[-1] + '\\t' + str(unit.source) + '\\t' + str(unit.target or ''))
        """
        let result = try run("python3", ["-c", script, path])
        XCTAssertEqual(result.status, 0, result.output)
        let rows = result.output.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(rows.map { $0[0] }, ["1", "2", "3", "4", "5", "6"], result.output)
        XCTAssertEqual(rows[0][2], "Earthquake in Lombok")
        XCTAssertEqual(rows[5][1], "Penerjemah: Dewi")
        XCTAssertTrue(rows[2][1].contains("Joko Widodo"), result.output)
    }

    func testReaderGivesBackWhatTheWriterWrote() throws {
        let path = try writePretranslation()
        let (units, skipped) = try XLIFFReader.readAll(path: path)
        XCTAssertEqual(skipped, [])
        XCTAssertEqual(units.map(\.unit.id), ["1", "2", "3", "4", "5", "6"])
        let file = try XCTUnwrap(units.first?.file)
        XCTAssertEqual(file.original, "bali.id.txt")
        XCTAssertEqual(file.sourceLanguage, "id-ID")
        XCTAssertEqual(file.targetLanguage, "en-US")
        XCTAssertEqual(file.phases.first?.contactName, "tm-tests")
        XCTAssertNil(file.translator, "tm's own pre-translation phase credits nobody")
        let job = XLIFFPretranslation.Job(original: "bali.id.txt", threshold: 75, user: "tm-tests")
        for (written, (_, read)) in zip(segments, units) {
            let expected = XLIFFPretranslation.unit(written, job: job)
            XCTAssertEqual(read, expected, "unit \(written.id)")
        }
        // The memory's inline codes come back as they were (TMX `i`, `type`).
        XCTAssertEqual(units[2].unit.source, segments[2].source)
        XCTAssertEqual(units[2].unit.target?.content, segments[2].best?.target)
    }

    func testImportTakesOnlyConfirmedUnitsAndOnlyOnce() throws {
        let path = try writePretranslation()
        let memory = TranslationMemoryStore(path: folder.appendingPathComponent("TMX").path)
        let unedited = try MemoryImporter.importFiles([path], into: memory, creator: "budi")
        XCTAssertEqual(unedited.added, 0)
        XCTAssertEqual(unedited.files.first?.unconfirmed, 6)
        XCTAssertEqual(unedited.files.first?.format, "xliff")

        // A translator edits unit 4's target and marks it translated.
        var xml = try String(contentsOfFile: path, encoding: .utf8)
        xml = xml.replacingOccurrences(
            of: #"<target state="needs-review-translation" state-qualifier="leveraged-glossary" xml:lang="en-US">Foreign Ministry mengeluarkan pernyataan.</target>"#,
            with: #"<target state="translated" xml:lang="en-US">The Foreign Ministry issued a statement.</target>"#)
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        let edited = try MemoryImporter.importFiles([path], into: memory, creator: "budi")
        XCTAssertEqual(edited.added, 1)
        XCTAssertEqual(edited.files.first?.unconfirmed, 5)
        XCTAssertNotNil(edited.run)
        let stored = try units(in: memory)
        XCTAssertEqual(stored.count, 1)
        let unit = try XCTUnwrap(stored.first)
        XCTAssertEqual(unit.indonesianEnglishPair?.indonesian, "Kementerian Luar Negeri mengeluarkan pernyataan.")
        XCTAssertEqual(unit.indonesianEnglishPair?.english, "The Foreign Ministry issued a statement.")
        XCTAssertEqual(unit.attribute("creationid"), "budi")
        XCTAssertEqual(unit.property("x-document"), "bali.id.txt")
        XCTAssertEqual(unit.property("x-xliff-state"), "translated")
        XCTAssertEqual(unit.property(MemoryRun.idProperty), edited.run)

        let again = try MemoryImporter.importFiles([path], into: memory, creator: "budi")
        XCTAssertEqual(again.added, 0)
        XCTAssertEqual(again.duplicates, 1)
        XCTAssertEqual(try units(in: memory).count, 1)
    }

    func testConfirmedUnitsThatCannotBeStoredAreReportedWithTheirLine() throws {
        let path = folder.appendingPathComponent("gaps.xlf").path
        try Data("""
        <xliff version="1.2"><file original="a.txt" source-language="id" datatype="plaintext"><body>
        <trans-unit id="1"><source>Satu.</source><target state="final">One.</target></trans-unit>
        <trans-unit id="2"><source>Dua.</source><target state="translated" xml:lang="en"> </target></trans-unit>
        <trans-unit id="3"><source>Tiga.</source><target state="translated" xml:lang="en">Three.</target></trans-unit>
        <trans-unit id="4" translate="no"><source>ANTARA</source><target state="final" xml:lang="en">ANTARA</target></trans-unit>
        </body></file></xliff>
        """.utf8).write(to: URL(fileURLWithPath: path))
        let memory = TranslationMemoryStore(path: folder.appendingPathComponent("TMX").path)
        let report = try MemoryImporter.importFiles([path], into: memory, creator: "budi")
        XCTAssertEqual(report.added, 1, "unit 3, whose target says its language")
        XCTAssertEqual(report.files.first?.unconfirmed, 1, "translate=\"no\" is no translation")
        XCTAssertEqual(report.skipped.map(\.line), [2, 3])
        XCTAssertEqual(report.skipped.map(\.reason), ["no target language (<file target-language> or <target xml:lang>)",
                                                     "the target is confirmed (translated) but empty"])
    }

    func testEntityDeclarationsAreRefusedWithTheLine() throws {
        let path = folder.appendingPathComponent("hostile.xlf").path
        try Data("""
        <?xml version="1.0"?>
        <!DOCTYPE xliff [
          <!ENTITY lol "lol">
        ]>
        <xliff version="1.2"><file original="a" source-language="id" datatype="plaintext"><body>
        <trans-unit id="1"><source>&lol;</source></trans-unit></body></file></xliff>
        """.utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try XLIFFReader.readAll(path: path)) { error in
            let error = error as? TMError
            XCTAssertEqual(error?.path, path)
            XCTAssertEqual(error?.line, 3)
            XCTAssertTrue(error?.description.contains("declares entities") ?? false, "\(String(describing: error))")
        }
    }

    func testXLIFF2AndCutOffFilesAreRefusedWithPathAndLine() throws {
        let two = folder.appendingPathComponent("two.xlf").path
        try Data(#"<?xml version="1.0"?>\#n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="id"><file id="f"/></xliff>"#.utf8)
            .write(to: URL(fileURLWithPath: two))
        XCTAssertThrowsError(try XLIFFReader(path: two)) { error in
            XCTAssertEqual((error as? TMError)?.description,
                           "\(two):2: this is XLIFF 2.0, which tm does not read: save or export it as XLIFF 1.2 in the CAT tool")
        }
        let cut = folder.appendingPathComponent("cut.xlf").path
        try Data("<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">\n<file original=\"a\" source-language=\"id\" datatype=\"plaintext\"><body>\n<trans-unit id=\"1\"><source>Halo".utf8)
            .write(to: URL(fileURLWithPath: cut))
        XCTAssertThrowsError(try XLIFFReader.readAll(path: cut)) { error in
            let error = error as? TMError
            XCTAssertEqual(error?.path, cut)
            XCTAssertNotNil(error?.line)
        }
    }

    func testEveryTMXInlineCodeIsValidXLIFFAndComesBack() throws {
        func element(_ name: String, _ attributes: [(String, String)] = [], _ children: [InlineContent] = []) -> InlineContent {
            .element(InlineElement(name: name, attributes: attributes.map { XMLAttribute($0.0, $0.1) }, children: children))
        }
        let tmx: [InlineContent] = [
            element("it", [("pos", "begin"), ("type", "italic")], [.text("<i>")]), .text("Kata "),
            element("hi", [], [.text("penting")]), .text(" "),
            element("bpt", [("i", "2"), ("type", "link")], [.text("<a title=\""), element("sub", [], [.text("Tautan")]), .text("\">")]),
            .text("di sini"), element("ept", [("i", "2")], [.text("</a>")]),
            element("ut", [], [.text("{\\b}")]), element("ph", [("type", "image"), ("assoc", "p")], [.text("<img/>")]),
            element("ph", [("type", "fnote")], [.text("[1]")]), element("it", [("pos", "end")], [.text("</i>")]),
        ]
        let foreign: [InlineContent] = [.text("Teks "), element("b", [], [.text("tebal")]), element("br")]
        let path = folder.appendingPathComponent("inline.xlf").path
        let writer = try XLIFFWriter(path: path)
        try writer.startFile(XLIFFFile(original: "a.txt", sourceLanguage: "id", targetLanguage: "en"))
        try writer.write(XLIFFUnit(id: "1", source: Segment(content: tmx), target: XLIFFTarget(content: Segment(content: tmx), state: .translated)))
        try writer.write(XLIFFUnit(id: "2", source: Segment(content: foreign)))
        try writer.finish()
        try assertValid(path)
        let xml = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(xml.contains(#"<source><it id="1" pos="open" ctype="italic">&lt;i&gt;</it>Kata <g id="2" ctype="x-tmx-hi">penting</g> <bpt id="3" rid="2" ctype="link">&lt;a title=&quot;<sub>Tautan</sub>&quot;&gt;</bpt>"#), xml)
        XCTAssertTrue(xml.contains(#"<ph id="6" ctype="image" assoc="preceding">&lt;img/&gt;</ph><ph id="7" ctype="x-fnote">[1]</ph><it id="8" pos="close">&lt;/i&gt;</it>"#), xml)
        XCTAssertTrue(xml.contains(#"<source>Teks <g id="1" ctype="x-b">tebal</g><ph id="2" ctype="x-br">&lt;br/&gt;</ph></source>"#), xml)
        let (units, _) = try XLIFFReader.readAll(path: path)
        XCTAssertEqual(units[0].unit.source.content, tmx, "TMX codes come back as they were")
        XCTAssertEqual(units[0].unit.target?.content.content, tmx)
        XCTAssertEqual(units[1].unit.source.plainText, "Teks tebal", "foreign markup's text stays text")
    }

    func testGlossaryDraftKeepsTheCaseOfTheArticle() {
        let dateline = PretranslationSegment(id: "1", kind: .dateline, source: text("JAKARTA (ANTARA) -"),
                                             glossary: [PretranslationTerm(source: "Jakarta", target: "Jakarta")])
        XCTAssertEqual(XLIFFPretranslation.glossaryDraft(dateline), "JAKARTA (ANTARA) -")
        let sentence = PretranslationSegment(id: "2", source: text("Kerja sama bilateral meningkat."),
                                             glossary: [PretranslationTerm(source: "kerja sama bilateral", target: "bilateral cooperation")])
        XCTAssertEqual(XLIFFPretranslation.glossaryDraft(sentence), "Bilateral cooperation meningkat.")
        let inflected = PretranslationSegment(id: "3", source: text("Ia mengeluarkan pernyataan."),
                                              glossary: [PretranslationTerm(source: "mengeluarkan", target: "issue")])
        XCTAssertEqual(XLIFFPretranslation.glossaryDraft(inflected), "Ia issue pernyataan.")
        XCTAssertNil(XLIFFPretranslation.glossaryDraft(PretranslationSegment(id: "4", source: text("Tidak ada."),
                                                                              glossary: [PretranslationTerm(source: "kemenlu", target: "Foreign Ministry")])))
    }

    func testUnitsWithoutIdOrSourceAreReportedNotDropped() throws {
        let path = folder.appendingPathComponent("odd.xlf").path
        try Data("""
        <xliff version="1.2"><file original="a" source-language="id" target-language="en" datatype="plaintext"><body>
        <group id="g"><trans-unit id="1"><source>Satu.</source><target state="final">One.</target></trans-unit></group>
        <trans-unit><source>Dua.</source></trans-unit>
        <trans-unit id="3"><target>Three.</target></trans-unit>
        <trans-unit id="4"><source>Empat. Lima.</source><seg-source><mrk mtype="seg" mid="0">Empat.</mrk> <mrk mtype="seg" mid="1">Lima.</mrk></seg-source>
        <target state="translated"><mrk mtype="seg" mid="0">Four.</mrk> <mrk mtype="seg" mid="1">Five <mrk mtype="x-term">now</mrk>.</mrk></target></trans-unit>
        </body></file></xliff>
        """.utf8).write(to: URL(fileURLWithPath: path))
        let (units, skipped) = try XLIFFReader.readAll(path: path)
        XCTAssertEqual(units.map(\.unit.id), ["1", "4"], "a unit inside a group is read")
        XCTAssertEqual(units.first?.unit.isConfirmed, true)
        XCTAssertEqual(units[1].unit.source.plainText, "Empat. Lima.")
        XCTAssertEqual(units[1].unit.target?.content.content,
                       [.text("Four. Five "), .element(InlineElement(name: "mrk", attributes: [XMLAttribute("mtype", "x-term")], children: [.text("now")])), .text(".")],
                       "segment markers give their content; other markers stay")
        XCTAssertEqual(skipped.map(\.line), [3, 4])
        XCTAssertEqual(skipped.map(\.reason), ["<trans-unit> has no id", "<trans-unit> has no <source>"])
    }
}
