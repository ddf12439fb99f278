import Foundation
import XCTest

/// `tm pretranslate --out FILE.xlf` on the article and memory of `AnalyzeCommandTests` (whose
/// `testXLIFFValidatesReadsAndComesBack` checks the schema and translate-toolkit): what each unit
/// holds, and the file back through `tm import` twice.
extension AnalyzeCommandTests {
    func testPretranslateXLIFFMarksEachSegment() throws {
        let folder = try workspace()
        let result = try TMProcess.run(["pretranslate", "berita.txt", "--out", "berita.xlf"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "berita.xlf: XLIFF 1.2 with 12 units: 2 exact, 3 fuzzy, 0 from the glossary only, 7 untranslated\n")
        let xml = try String(contentsOf: folder.appendingPathComponent("berita.xlf"), encoding: .utf8)
        XCTAssertTrue(xml.contains(#"<file original="berita.txt" source-language="id-ID" target-language="en-US" datatype="plaintext""#), xml)
        XCTAssertEqual(xml.components(separatedBy: #"restype="x-credit""#).count - 1, 2, xml)
        XCTAssertEqual(xml.components(separatedBy: #"restype="x-dateline""#).count - 1, 1, xml)
        XCTAssertEqual(xml.components(separatedBy: #"restype="x-title""#).count - 1, 1, xml)
        XCTAssertTrue(xml.contains(#"<target state="needs-review-translation" state-qualifier="exact-match" xml:lang="en-US">\#(Self.english(0))</target>"#), xml)
        XCTAssertTrue(xml.contains(#"<alt-trans match-quality="80" origin="TMX/news.tmx">"#), xml)
        XCTAssertTrue(xml.contains("creationid: budi"), "the match's provenance: \(xml)")
        XCTAssertFalse(xml.contains(Self.english(4)), "the 50-74 match stays below --min 75")
    }

    func testConfirmedXLIFFUnitComesInOnceCreditedToTMUser() throws {
        let folder = try workspace()
        XCTAssertEqual(try TMProcess.run(["pretranslate", "berita.txt", "--out", "berita.xlf"], in: folder).status, 0)
        let unedited = try TMProcess.run(["import", "berita.xlf"], in: folder)
        XCTAssertEqual(unedited.status, 0, unedited.stderr)
        XCTAssertEqual(unedited.stdout, "berita.xlf: 12 read, 0 added, 0 duplicates, 0 skipped, 12 not confirmed (left out)\n")

        // The translator translates the new sentence (its first occurrence) and marks it translated.
        let file = folder.appendingPathComponent("berita.xlf")
        var xml = try String(contentsOf: file, encoding: .utf8)
        let source = "<source>\(Self.sentence(5))</source>"
        let first = try XCTUnwrap(xml.range(of: source))
        xml.replaceSubrange(first, with: source + #"<target state="translated">The new sentence, translated.</target>"#)
        try Data(xml.utf8).write(to: file)
        let edited = try TMProcess.run(["import", "berita.xlf"], in: folder, environment: ["TM_USER": "dewi"])
        XCTAssertEqual(edited.status, 0, edited.stderr)
        XCTAssertTrue(edited.stdout.hasPrefix("berita.xlf: 12 read, 1 added, 0 duplicates, 0 skipped, 11 not confirmed (left out)\n"), edited.stdout)
        let lookup = try json(["lookup", Self.sentence(5), "--json", "-n", "1"], in: folder)
        let match = (lookup["matches"] as? [[String: Any]])?.first
        XCTAssertEqual(match?["target"] as? String, "The new sentence, translated.")
        XCTAssertEqual((match?["provenance"] as? [String: Any])?["creationID"] as? String, "dewi")

        let again = try TMProcess.run(["import", "berita.xlf"], in: folder)
        XCTAssertTrue(again.stdout.hasPrefix("berita.xlf: 12 read, 0 added, 1 duplicate, 0 skipped, 11 not confirmed (left out)\n"), again.stdout)
    }

    /// A tool other than tm edits the file: translate-toolkit sets a target and approves the unit,
    /// and saves the XLIFF its own way; tm import takes exactly that unit.
    func testAUnitTranslateToolkitApprovesComesBack() throws {
        let folder = try workspace()
        XCTAssertEqual(try TMProcess.run(["pretranslate", "berita.txt", "--out", "berita.xlf"], in: folder).status, 0)
        let python = try Interop.translateToolkit()
        let edit = try TMProcess.runProgram(python, ["-c", """
            import sys
            from translate.storage import xliff
            store = xliff.xlifffile.parsefile(sys.argv[1])
            unit = [u for u in store.units if not u.isheader() and u.getid().endswith("1.8")][0]
            unit.target = "Approved in another tool."
            unit.markapproved(True)
            store.savefile(sys.argv[1])
            print(unit.source)
            """, folder.appendingPathComponent("berita.xlf").path])
        XCTAssertEqual(edit.status, 0, edit.stderr)
        XCTAssertEqual(edit.stdout, Self.sentence(5) + "\n", "unit 1.8 is the new sentence")
        let imported = try TMProcess.run(["import", "berita.xlf"], in: folder)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.hasPrefix("berita.xlf: 12 read, 1 added, 0 duplicates, 0 skipped, 11 not confirmed (left out)\n"), imported.stdout)
        let lookup = try json(["lookup", Self.sentence(5), "--json", "-n", "1"], in: folder)
        XCTAssertEqual((lookup["matches"] as? [[String: Any]])?.first?["target"] as? String, "Approved in another tool.")
    }
}
