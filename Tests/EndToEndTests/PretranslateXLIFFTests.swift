import Foundation
import XCTest

extension Interop {
    /// Checks `file` against the strict XLIFF 1.2 schema of `../shared/spec`, its import of
    /// xml.xsd pointed at the local copy (xmllint runs with --nonet).
    static func validateAgainstXLIFFStrictSchema(_ file: URL, in folder: URL, line: UInt = #line, _ source: StaticString = #filePath) throws {
        let xmllint = try tool("xmllint")
        let schema = try shared("spec/xliff-core-1.2-strict.xsd")
        let xml = try shared("spec/xml.xsd")
        let local = folder.appendingPathComponent("xliff-core-1.2-strict.xsd")
        try Data(try String(contentsOf: schema, encoding: .utf8).replacingOccurrences(of: "http://www.w3.org/2001/xml.xsd", with: xml.path).utf8)
            .write(to: local)
        let result = try TMProcess.runProgram(xmllint, ["--noout", "--nonet", "--schema", local.path, file.path])
        XCTAssertEqual(result.status, 0, "\(file.lastPathComponent) is not valid XLIFF 1.2 (strict):\n\(result.stderr)", file: source, line: line)
    }
}

/// `tm pretranslate --out FILE.xlf` on the article and memory of `AnalyzeCommandTests`, and the
/// file back through `tm import` once a translator has confirmed a target.
extension AnalyzeCommandTests {
    func testPretranslateXLIFFIsStrictlyValidAndTranslateToolkitReadsEveryUnit() throws {
        let folder = try workspace()
        let result = try TMProcess.run(["pretranslate", "berita.txt", "--out", "berita.xlf"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "berita.xlf: XLIFF 1.2 with 12 units: 2 exact, 3 fuzzy, 0 from the glossary only, 7 without a match; 5 alt-trans\n")
        let file = folder.appendingPathComponent("berita.xlf")
        try Interop.validateAgainstXLIFFStrictSchema(file, in: folder)
        let xml = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(xml.contains(#"<file original="berita.txt" source-language="id-ID" target-language="en-US" datatype="plaintext""#), xml)
        XCTAssertEqual(xml.components(separatedBy: #"restype="x-credit""#).count - 1, 2, xml)
        XCTAssertEqual(xml.components(separatedBy: #"restype="x-dateline""#).count - 1, 1, xml)
        XCTAssertTrue(xml.contains(#"<target state="needs-review-translation" state-qualifier="exact-match" xml:lang="en-US">\#(Self.english(0))</target>"#), xml)
        XCTAssertTrue(xml.contains(#"<alt-trans match-quality="80" origin="TMX/news.tmx">"#), xml)
        XCTAssertFalse(xml.contains(Self.english(4)), "the 50-74 match stays below --min 75")

        let python = try Interop.translateToolkit()
        let read = try TMProcess.runProgram(python, ["-c", """
            import sys
            from translate.storage import xliff
            store = xliff.xlifffile(open(sys.argv[1], 'rb').read())
            print(len(store.units), sum(1 for u in store.units if u.target))
            for u in store.units: print(u.source)
            """, file.path])
        XCTAssertEqual(read.status, 0, read.stderr)
        let lines = read.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "12 5", read.stdout)
        XCTAssertEqual(Array(lines.dropFirst()).count, 12)
        XCTAssertEqual(lines.last, "Editor: Rina")
        XCTAssertTrue(lines.contains(Self.sentence(5)), read.stdout)
    }

    func testPretranslatedXLIFFComesBackWithOnlyTheUnitATranslatorConfirmed() throws {
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
        let lookup = try TMProcess.run(["lookup", Self.sentence(5), "--json"], in: folder)
        XCTAssertTrue(lookup.stdout.contains("The new sentence, translated."), lookup.stdout)
        XCTAssertTrue(lookup.stdout.contains(#""creationID" : "dewi""#) || lookup.stdout.contains(#""creationID":"dewi""#), lookup.stdout)

        let again = try TMProcess.run(["import", "berita.xlf"], in: folder)
        XCTAssertTrue(again.stdout.hasPrefix("berita.xlf: 12 read, 0 added, 1 duplicate, 0 skipped, 11 not confirmed (left out)\n"), again.stdout)
    }
}
