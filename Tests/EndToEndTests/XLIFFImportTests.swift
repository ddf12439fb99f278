import Foundation
import XCTest

/// `tm import FILE.xlf` as a translator runs it after finishing an article in a CAT tool, and
/// OmegaT's `project_save.tmx` imported as it is.
final class XLIFFImportTests: XCTestCase {
    /// A finished XLIFF 1.2 file as a CAT tool leaves it: a translation phase with the translator,
    /// one unit per state that matters.
    private let finished = """
    <?xml version="1.0" encoding="UTF-8"?>
    <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
      <file original="lombok.id.txt" source-language="id-ID" target-language="en-US" datatype="plaintext">
        <header>
          <phase-group>
            <phase phase-name="tm-pretranslation" process-name="pre-translation" contact-name="robot"/>
            <phase phase-name="translation" process-name="translation" contact-name="Dewi Lestari"/>
          </phase-group>
        </header>
        <body>
          <trans-unit id="1"><source>Gempa mengguncang Lombok.</source><target state="translated">An earthquake shook Lombok.</target></trans-unit>
          <trans-unit id="2"><source>Warga mengungsi ke bukit.</source><target state="needs-review-translation" state-qualifier="fuzzy-match">Residents fled.</target></trans-unit>
          <trans-unit id="3" approved="yes"><source>Tidak ada korban jiwa.</source><target>No one was killed.</target></trans-unit>
          <trans-unit id="4"><source>Penerjemah: Dewi</source></trans-unit>
          <trans-unit id="5" restype="x-credit"><source>Editor: Budi</source><target state="signed-off">Editor: Budi</target></trans-unit>
        </body>
      </file>
    </xliff>
    """

    private func write(_ folder: URL, _ name: String, _ content: String) throws {
        try Data(content.utf8).write(to: folder.appendingPathComponent(name))
    }

    private func memoryFiles(_ folder: URL) throws -> [String] {
        let memory = folder.appendingPathComponent("TMX").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: memory)) ?? []).filter { $0.hasSuffix(".tmx") }
    }

    func testConfirmedUnitsComeInWithTheTranslatorAndTheArticleOnce() throws {
        let folder = try TMProcess.temporaryFolder(self)
        try write(folder, "lombok.xlf", finished)
        let imported = try TMProcess.run(["import", "lombok.xlf"], in: folder, environment: ["TM_USER": "someone-else"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.hasPrefix("lombok.xlf: 5 read, 3 added, 0 duplicates, 0 skipped, 2 not confirmed (left out)\n"), imported.stdout)
        XCTAssertTrue(imported.stdout.contains("run "), "the import is a run")

        let exported = try TMProcess.run(["export", "--out", "out.tmx"], in: folder)
        XCTAssertEqual(exported.status, 0, exported.stderr)
        let tmx = try String(contentsOf: folder.appendingPathComponent("out.tmx"), encoding: .utf8)
        XCTAssertEqual(tmx.components(separatedBy: "creationid=\"Dewi Lestari\"").count - 1, 3, tmx)
        XCTAssertTrue(tmx.contains(#"<prop type="x-document">lombok.id.txt</prop>"#), tmx)
        XCTAssertTrue(tmx.contains(#"<prop type="x-xliff-state">translated</prop>"#), tmx)
        XCTAssertTrue(tmx.contains(#"<prop type="x-xliff-state">approved</prop>"#), tmx)
        XCTAssertTrue(tmx.contains(#"<prop type="x-xliff-restype">x-credit</prop>"#), tmx)
        XCTAssertFalse(tmx.contains("Residents fled."), "a pre-filled target nobody confirmed stays out")

        let again = try TMProcess.run(["import", "lombok.xlf", "--json"], in: folder)
        XCTAssertEqual(again.status, 0, again.stderr)
        let report = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(report?["added"] as? Int, 0)
        XCTAssertEqual(report?["duplicates"] as? Int, 3)
        XCTAssertEqual((report?["files"] as? [[String: Any]])?.first?["unconfirmed"] as? Int, 2)
    }

    func testAUTF16XLIFFNamedXMLIsKnownByItsRootAndItsRunUndone() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let utf16 = finished.replacingOccurrences(of: #"encoding="UTF-8""#, with: #"encoding="UTF-16""#)
        try utf16.data(using: .utf16)!.write(to: folder.appendingPathComponent("export.xml"))
        let imported = try TMProcess.run(["import", "export.xml", "--json"], in: folder)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let report = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((report?["files"] as? [[String: Any]])?.first?["format"] as? String, "xliff")
        XCTAssertEqual(report?["added"] as? Int, 3)
        let run = try XCTUnwrap(report?["run"] as? String)
        let undone = try TMProcess.run(["undo", run], in: folder)
        XCTAssertEqual(undone.status, 0, undone.stderr)
        XCTAssertEqual(try memoryFiles(folder), [], "the run's file held only its units")
    }

    func testWithoutAPhaseTheTranslatorIsTMUser() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let plain = finished.replacingOccurrences(of: #"contact-name="Dewi Lestari""#, with: "")
        try write(folder, "lombok.xliff", plain)
        let imported = try TMProcess.run(["import", "lombok.xliff"], in: folder, environment: ["TM_USER": "budi"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        _ = try TMProcess.run(["export", "--out", "out.tmx"], in: folder)
        let tmx = try String(contentsOf: folder.appendingPathComponent("out.tmx"), encoding: .utf8)
        XCTAssertEqual(tmx.components(separatedBy: #"creationid="budi""#).count - 1, 3, tmx)
        XCTAssertFalse(tmx.contains("robot"), "tm's own pre-translation phase credits nobody")
    }

    func testXLIFF2IsRefusedNamingTheFile() throws {
        let folder = try TMProcess.temporaryFolder(self)
        try write(folder, "two.xlf", """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="id" trgLang="en">
          <file id="f1"><unit id="1"><segment state="translated"><source>Halo.</source><target>Hello.</target></segment></unit></file>
        </xliff>
        """)
        let result = try TMProcess.run(["import", "two.xlf"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "Error: two.xlf:2: this is XLIFF 2.0, which tm does not read: save or export it as XLIFF 1.2 in the CAT tool\n")
        XCTAssertEqual(try memoryFiles(folder), [], "nothing written")
    }

    func testHostileXLIFFIsRefusedAndNothingIsWritten() throws {
        let folder = try TMProcess.temporaryFolder(self)
        try write(folder, "lol.xlf", """
        <?xml version="1.0"?>
        <!DOCTYPE xliff [
          <!ENTITY a "aaaaaaaaaa">
          <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
        ]>
        <xliff version="1.2"><file original="x" source-language="id" target-language="en" datatype="plaintext"><body>
        <trans-unit id="1"><source>&b;</source><target state="translated">&b;</target></trans-unit>
        </body></file></xliff>
        """)
        let result = try TMProcess.run(["import", "lol.xlf"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("Error: lol.xlf:3: the document declares entities"), result.stderr)
        XCTAssertEqual(try memoryFiles(folder), [], "nothing written")
    }

    /// OmegaT 3.6 writes `omegat/project_save.tmx` as TMX 1.1 level 1: `lang` on `tuv`, the
    /// translator on the target `tuv`, comments between the default and alternative translations,
    /// and `file`/`prev`/`next` props on alternative ones.
    func testOmegaTProjectSaveImportsAsItIs() throws {
        let folder = try TMProcess.temporaryFolder(self)
        try write(folder, "project_save.tmx", """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE tmx SYSTEM "tmx11.dtd">
        <tmx version="1.1">
          <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="3.6.0_0_1bf1729" segtype="sentence" srclang="id"/>
          <body>
        <!-- Default translations -->
            <tu>
              <tuv lang="id">
                <seg>Gempa mengguncang Lombok.</seg>
              </tuv>
              <tuv lang="en" changeid="dewi" changedate="20261204T051500Z" creationid="dewi" creationdate="20261204T051500Z">
                <seg>An earthquake shook Lombok.</seg>
              </tuv>
            </tu>
        <!-- Alternative translations -->
            <tu>
              <prop type="file">lombok.id.txt</prop>
              <prop type="prev">Gempa mengguncang Lombok.</prop>
              <prop type="next"></prop>
              <tuv lang="id">
                <seg>Warga mengungsi.</seg>
              </tuv>
              <tuv lang="en" changeid="dewi" changedate="20261204T051700Z" creationid="dewi" creationdate="20261204T051700Z">
                <seg>Residents fled to the hills.</seg>
              </tuv>
            </tu>
          </body>
        </tmx>
        """)
        let imported = try TMProcess.run(["import", "project_save.tmx"], in: folder)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.hasPrefix("project_save.tmx: 2 read, 2 added, 0 duplicates, 0 skipped\n"), imported.stdout)
        _ = try TMProcess.run(["export", "--out", "out.tmx"], in: folder)
        let tmx = try String(contentsOf: folder.appendingPathComponent("out.tmx"), encoding: .utf8)
        XCTAssertTrue(tmx.contains(#"<prop type="file">lombok.id.txt</prop>"#), tmx)
        XCTAssertTrue(tmx.contains(#"creationid="dewi""#), tmx)
        let again = try TMProcess.run(["import", "project_save.tmx"], in: folder)
        XCTAssertTrue(again.stdout.hasPrefix("project_save.tmx: 2 read, 0 added, 2 duplicates, 0 skipped\n"), again.stdout)
    }
}
