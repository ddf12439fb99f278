import Foundation
import XCTest

/// Interop: what `tm export` writes must be read by the tools translators exchange TMX with.
///
/// Each test drives a real outside tool: `xmllint` against the TMX 1.4b DTD, translate-toolkit's
/// `translate.storage.tmx`, and OmegaT 3.6 (headless, and its glossary reader through `java`). A
/// missing tool skips the test on a developer machine, and fails it when `CI` is set (CI installs
/// them all: see `.ci/run`).
final class InteropTests: XCTestCase {
    // MARK: - Fixture

    /// One fixture unit: the Indonesian and English `<seg>` content as written in the fixture, and
    /// the language codes it is written with (legacy and odd spellings on purpose).
    private struct FixtureUnit {
        var tuid: String
        var indonesian: String
        var english: String
        var codes = ("id", "en")
    }

    /// Our own ANTARA-style sentences (no corpus text), with inline `bpt`/`ept`/`ph`, escapes and
    /// language codes spelt as different CAT tools spell them.
    private static let pairs: [FixtureUnit] = [
        FixtureUnit(tuid: "berita-1",
                    indonesian: "Jakarta (ANTARA) - Pemerintah menaikkan anggaran subsidi pupuk untuk petani kecil tahun depan.",
                    english: "Jakarta (ANTARA) - The government is raising the fertiliser subsidy budget for smallholder farmers next year.",
                    codes: ("id-ID", "en-US")),
        FixtureUnit(tuid: "berita-2",
                    indonesian: #"Menteri Perhubungan meresmikan <bpt i="1" x="1">&lt;b&gt;</bpt>jalur kereta baru<ept i="1">&lt;/b&gt;</ept> di Sulawesi Selatan."#,
                    english: #"The transport minister opened a <bpt i="1" x="1">&lt;b&gt;</bpt>new railway line<ept i="1">&lt;/b&gt;</ept> in South Sulawesi."#,
                    codes: ("in-ID", "en-GB")),
        FixtureUnit(tuid: "berita-3",
                    indonesian: #"Harga cabai turun di pasar tradisional Surabaya.<ph x="2">&lt;br/&gt;</ph>"#,
                    english: #"Chilli prices fell at traditional markets in Surabaya.<ph x="2">&lt;br/&gt;</ph>"#,
                    codes: ("ID", "EN-US")),
        FixtureUnit(tuid: "berita-4",
                    indonesian: "&quot;Kami siap bekerja sama,&quot; kata direktur PT Sinar &amp; Mitra kepada wartawan.",
                    english: "&quot;We are ready to cooperate,&quot; the director of PT Sinar &amp; Mitra told reporters.",
                    codes: ("id", "en")),
        FixtureUnit(tuid: "berita-5",
                    indonesian: #"Banjir merendam <bpt i="1">&lt;i&gt;</bpt>ratusan<ept i="1">&lt;/i&gt;</ept> rumah di Kabupaten Bandung.<ph>&lt;br/&gt;</ph>"#,
                    english: #"Floods submerged <bpt i="1">&lt;i&gt;</bpt>hundreds<ept i="1">&lt;/i&gt;</ept> of homes in Bandung District.<ph>&lt;br/&gt;</ph>"#,
                    codes: ("id", "en")),
    ]

    /// The fixture: the pairs above with props, notes and dates at every level, plus a unit with a
    /// third language and one with the Indonesian side only (which an id–en export leaves out).
    private static var fixtureTMX: String {
        var units = ""
        for (index, unit) in pairs.enumerated() {
            let tuvNote = index == 0 ? "\n        <note>Istilah pupuk bersubsidi sesuai glosarium.</note>" : ""
            let tuvProp = index == 1 ? "\n        <prop type=\"x-Context\">judul</prop>" : ""
            units += """
                <tu tuid="\(unit.tuid)" creationdate="2023020\(index + 1)T101500Z" creationid="penerjemah" changedate="20230210T080000Z" changeid="editor">
                  <note>Diterjemahkan untuk kanal ekonomi.</note>
                  <prop type="x-document">antara-\(index + 1).txt</prop>
                  <prop type="x-Origin">manual</prop>
                  <tuv xml:lang="\(unit.codes.0)" creationdate="20230201T101500Z">\(tuvNote)\(tuvProp)
                    <seg>\(unit.indonesian)</seg>
                  </tuv>
                  <tuv xml:lang="\(unit.codes.1)">
                    <seg>\(unit.english)</seg>
                  </tuv>
                </tu>

            """
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
          <header creationtool="fixture" creationtoolversion="1" segtype="sentence" o-tmf="fixture" adminlang="en-US" srclang="id-ID" datatype="plaintext">
            <prop type="x-project">interop</prop>
          </header>
          <body>
        \(units)    <tu tuid="berita-6">
              <tuv xml:lang="id"><seg>Pasar saham Jakarta ditutup menguat pada Jumat.</seg></tuv>
              <tuv xml:lang="de"><seg>Die Börse in Jakarta schloss am Freitag fester.</seg></tuv>
              <tuv xml:lang="en"><seg>The Jakarta stock market closed higher on Friday.</seg></tuv>
            </tu>
            <tu tuid="berita-7">
              <tuv xml:lang="id"><seg>Hanya versi bahasa Indonesia yang tersedia.</seg></tuv>
            </tu>
          </body>
        </tmx>

        """
    }

    /// The id–en pairs an export holds: the five above and the multilingual unit.
    private static var exportedPairs: [FixtureUnit] {
        pairs + [FixtureUnit(tuid: "berita-6", indonesian: "Pasar saham Jakarta ditutup menguat pada Jumat.",
                             english: "The Jakarta stock market closed higher on Friday.")]
    }

    /// Every character of a `<seg>` as an XML text view sees it (tags dropped, the native code
    /// inside `bpt`/`ept`/`ph` kept): what translate-toolkit returns as `source`/`target`.
    private static func allText(_ markup: String) -> String {
        markup.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The translatable text of a `<seg>` (tags and their native code dropped): what a CAT tool
    /// puts in a target document.
    private static func plainText(_ markup: String) -> String {
        allText(markup.replacingOccurrences(of: "<(bpt|ept|ph)\\b[^>]*>.*?</\\1>", with: "", options: .regularExpression))
    }

    // MARK: - Running tm

    /// Imports the fixture into a fresh memory and exports it; returns the export's path.
    private func exportFixture(in folder: URL, arguments: [String] = []) throws -> URL {
        let input = folder.appendingPathComponent("fixture.tmx")
        try Data(InteropTests.fixtureTMX.utf8).write(to: input)
        let memory = folder.appendingPathComponent("memory").path
        let imported = try TMProcess.run(["import", "--tm", memory, input.path, "--json"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let export = folder.appendingPathComponent("export.tmx")
        let exported = try TMProcess.run(["export", "--tm", memory, "--out", export.path, "--json"] + arguments)
        // The fixture holds a unit with Indonesian only: left out, said, exit 2.
        XCTAssertEqual(exported.status, 2, exported.stderr)
        XCTAssertTrue(exported.stderr.hasPrefix("left out: 1 unit without both"), exported.stderr)
        let report = try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(report?["unitsWritten"] as? Int, InteropTests.exportedPairs.count, exported.stdout)
        XCTAssertEqual(report?["unitsWithoutPair"] as? Int, 1, exported.stdout)
        return export
    }

    // MARK: - Tests

    /// (a) The export validates against the TMX 1.4b DTD, at level 2 and at level 1.
    func testExportValidatesAgainstTMX14DTD() throws {
        _ = (try Interop.tool("xmllint"), try Interop.shared("spec/tmx14.dtd"))
        let folder = try TMProcess.temporaryFolder(self)
        let export = try exportFixture(in: folder)
        try Interop.validateAgainstDTD(export)
        let text = try String(contentsOf: export, encoding: .utf8)
        XCTAssertTrue(text.contains(#"<bpt i="1" x="1">&lt;b&gt;</bpt>"#), "level 2 keeps the inline markup")
        XCTAssertTrue(text.contains(#"<prop type="x-Context">judul</prop>"#))
        XCTAssertTrue(text.contains("<note>Diterjemahkan untuk kanal ekonomi.</note>"))

        let levelOne = try exportFixture(in: try TMProcess.temporaryFolder(self), arguments: ["--level", "1", "--src", "id", "--tgt", "en"])
        try Interop.validateAgainstDTD(levelOne)
        let plain = try String(contentsOf: levelOne, encoding: .utf8)
        XCTAssertFalse(plain.contains("<bpt"), "level 1 writes plain text")
    }

    /// (b) translate-toolkit reads every exported unit with the same texts, in order.
    func testTranslateToolkitReadsEveryUnit() throws {
        let python = try Interop.translateToolkit()
        let export = try exportFixture(in: try TMProcess.temporaryFolder(self))
        let script = """
        import json, sys
        from translate.storage import tmx
        store = tmx.tmxfile.parsefile(sys.argv[1])
        json.dump({"srclang": store.sourcelanguage,
                   "units": [[u.getid(), u.source, u.target] for u in store.units]}, sys.stdout)
        """
        let result = try TMProcess.runProgram(python, ["-c", script, export.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let read = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(read?["srclang"] as? String, "id-ID")
        let units = read?["units"] as? [[String]] ?? []
        let expected = InteropTests.exportedPairs.map {
            [$0.tuid, InteropTests.allText($0.indonesian), InteropTests.allText($0.english)]
        }
        XCTAssertEqual(units.count, expected.count, result.stdout)
        for (got, want) in zip(units, expected) {
            XCTAssertEqual(got, want)
        }
    }

    /// (c) OmegaT 3.6, headless, fills a project's English target from our export in `tm/auto/`.
    func testOmegaTTranslatesFromOurExport() throws {
        let omegat = try Interop.tool("omegat")
        _ = try Interop.tool("java")
        let folder = try TMProcess.temporaryFolder(self)
        let project = folder.appendingPathComponent("project")
        for sub in ["omegat", "source", "target", "tm/auto", "glossary", "dictionary"] {
            try FileManager.default.createDirectory(at: project.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        // OmegaT 3.6 matches id, id-ID and ID, but not the legacy `in`: export as id-ID.
        let export = try exportFixture(in: folder, arguments: ["--src", "id-ID", "--tgt", "en-US"])
        try FileManager.default.copyItem(at: export, to: project.appendingPathComponent("tm/auto/tm-export.tmx"))
        try Data(InteropTests.omegaTProject.utf8).write(to: project.appendingPathComponent("omegat.project"))
        // One paragraph per sentence, so segmentation cannot depend on OmegaT's SRX rules.
        let sentences = InteropTests.exportedPairs.map { InteropTests.plainText($0.indonesian) }
        try Data((sentences.joined(separator: "\n\n") + "\n").utf8)
            .write(to: project.appendingPathComponent("source/berita.txt"))

        let configuration = folder.appendingPathComponent("omegat-config")
        let result = try OutsideTools.run(omegat, ["--mode=console-translate", "--disable-project-locking", "--quiet",
                                                   "--no-team", "--config-dir=\(configuration.path)", project.path],
                                          timeout: 120)
        XCTAssertEqual(result.status, 0, result.stderr)
        let targetFile = project.appendingPathComponent("target/berita.txt")
        guard let target = try? String(contentsOf: targetFile, encoding: .utf8) else {
            return XCTFail("OmegaT wrote no target file:\n\(result.stdout)\n\(result.stderr)")
        }
        for pair in InteropTests.exportedPairs {
            let english = InteropTests.plainText(pair.english)
            XCTAssertTrue(target.contains(english), "OmegaT did not use \(pair.tuid): \(english)\ntarget:\n\(target)")
            XCTAssertFalse(target.contains(InteropTests.plainText(pair.indonesian)), "left untranslated: \(pair.tuid)")
        }
    }

    /// (c2) OmegaT's own glossary reader takes source, target and comment from a TSV glossary that
    /// tm wrote with every field (a `# tm glossary columns:` line, then further columns).
    func testOmegaTReadsOurGlossaryWithEveryField() throws {
        let java = try Interop.tool("java")
        _ = try Interop.tool("javac")  // `java File.java` compiles the source in memory: a JDK is needed
        let jar = URL(fileURLWithPath: "/usr/share/omegat/OmegaT.jar")
        guard FileManager.default.fileExists(atPath: jar.path) else { throw Interop.missing(jar.path) }
        let folder = try TMProcess.temporaryFolder(self)
        let glossary = folder.appendingPathComponent("glossary.txt").path
        for arguments in [["Kemenlu", "Foreign Ministry", "--note", "ministry", "--forbidden", "Foreign Affairs Ministry", "--pos", "noun"],
                          ["Pewarta", "Reporter"],
                          ["Kemlu", "Foreign Ministry", "--domain", "government", "--status", "admitted", "--alternative", "MFA"]] {
            let added = try TMProcess.run(["glossary", "add"] + arguments + ["--glossary", glossary])
            XCTAssertEqual(added.status, 0, added.stderr)
        }
        let text = try String(contentsOfFile: glossary, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("# tm glossary columns: "), text)
        let reader = folder.appendingPathComponent("ReadGlossary.java")
        try Data("""
        public class ReadGlossary {
            public static void main(String[] args) throws Exception {
                for (org.omegat.gui.glossary.GlossaryEntry e : org.omegat.gui.glossary.GlossaryReaderTSV.read(new java.io.File(args[0]), false))
                    System.out.println(e.getSrcText() + "|" + e.getLocText() + "|" + e.getCommentText());
            }
        }

        """.utf8).write(to: reader)
        let result = try OutsideTools.run(java, ["-cp", jar.path, reader.path, glossary], timeout: 120)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "Kemenlu|Foreign Ministry|ministry\nPewarta|Reporter|\nKemlu|Foreign Ministry|\n", text)
    }

    private static let omegaTProject = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <omegat>
        <project version="1.0">
            <source_dir>__DEFAULT__</source_dir>
            <target_dir>__DEFAULT__</target_dir>
            <tm_dir>__DEFAULT__</tm_dir>
            <glossary_dir>__DEFAULT__</glossary_dir>
            <glossary_file>__DEFAULT__</glossary_file>
            <dictionary_dir>__DEFAULT__</dictionary_dir>
            <source_lang>id-ID</source_lang>
            <target_lang>en-US</target_lang>
            <source_tok>org.omegat.tokenizer.LuceneIndonesianTokenizer</source_tok>
            <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
            <sentence_seg>true</sentence_seg>
            <support_default_translations>true</support_default_translations>
            <remove_tags>false</remove_tags>
        </project>
    </omegat>

    """

    /// (d) A real TMX 1.4 file (TICO-19, 3,071 units, English source) imports whole and exports back
    /// valid, turned to Indonesian source.
    func testTICO19ImportsWholeAndExportsValid() throws {
        let corpus = try Interop.shared("corpora/tico19-en-id/original.en-id.tmx")
        _ = (try Interop.tool("xmllint"), try Interop.shared("spec/tmx14.dtd"))
        let folder = try TMProcess.temporaryFolder(self)
        let memory = folder.appendingPathComponent("memory").path
        let imported = try TMProcess.run(["import", "--tm", memory, corpus.path, "--json"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let report = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(report?["unitsRead"] as? Int, 3071)
        XCTAssertEqual(report?["added"] as? Int, 3071)
        XCTAssertEqual((report?["skipped"] as? [Any])?.count, 0)

        let export = folder.appendingPathComponent("tico19-export.tmx")
        let exported = try TMProcess.run(["export", "--tm", memory, "--out", export.path, "--json"])
        XCTAssertEqual(exported.status, 0, exported.stderr)
        let written = try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [String: Any]
        // Two TICO-19 units (PubMed_10:983 and PubMed_10:1020) carry the same English and Indonesian
        // texts but their own tuids: import keeps both, and so does the export (it drops only units
        // repeated whole, e.g. the same file dropped into the memory twice).
        XCTAssertEqual(written?["unitsWritten"] as? Int, 3071, exported.stdout)
        XCTAssertEqual(written?["duplicates"] as? Int, 0, exported.stdout)
        try Interop.validateAgainstDTD(export)

        let stats = try TMProcess.run(["stats", "--tm", export.path, "--json"])
        XCTAssertEqual(stats.status, 0, stats.stderr)
        let statistics = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(statistics?["indonesianEnglishUnits"] as? Int, 3071)
        XCTAssertEqual(statistics?["units"] as? Int, 3071)
    }
}
