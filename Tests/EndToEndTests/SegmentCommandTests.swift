import XCTest

/// `tm segment` as a user runs it.
final class SegmentCommandTests: XCTestCase {
    private let article = """
    Harga beras naik jelang Lebaran

    Surabaya (ANTARA) - Harga beras di Pasar Wonokromo naik menjadi Rp15.000 per kg. Pedagang menyebut pasokan dari Jawa Tengah berkurang.

    "Kami berharap pemerintah segera turun tangan," kata Ny. Suminah, pedagang setempat.

    Pewarta: Budi Santoso
    Editor: Dewi Lestari
    Copyright © ANTARA 2024

    """

    private func write(_ text: String, _ name: String) throws -> String {
        let folder = try TMProcess.temporaryFolder(self)
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testPlainOutput() throws {
        let path = try write(article, "artikel.txt")
        let result = try TMProcess.run(["segment", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
        Harga beras naik jelang Lebaran

        Harga beras di Pasar Wonokromo naik menjadi Rp15.000 per kg.
        Pedagang menyebut pasokan dari Jawa Tengah berkurang.

        "Kami berharap pemerintah segera turun tangan," kata Ny. Suminah, pedagang setempat.

        # dateline: Surabaya (ANTARA) - (place: Surabaya, agency: ANTARA)
        # reporter: Budi Santoso [Budi Santoso]
        # editor: Dewi Lestari [Dewi Lestari]
        # copyright: © ANTARA 2024 [ANTARA]

        """)
        let only = try TMProcess.run(["segment", "--sentences-only", "--lang", "id", path])
        XCTAssertFalse(only.stdout.contains("#"))
    }

    func testJSONOutput() throws {
        let path = try write("\u{FEFF}" + article.replacingOccurrences(of: "\n", with: "\r\n"), "crlf-bom.txt")
        let result = try TMProcess.run(["segment", "--json", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(object?["language"] as? String, "id")
        XCTAssertEqual(object?["reporter"] as? String, "Budi Santoso")
        XCTAssertEqual(object?["editor"] as? String, "Dewi Lestari")
        let paragraphs = object?["paragraphs"] as? [[String: Any]]
        let first = (paragraphs?.first?["sentences"] as? [[String: Any]])?.first
        XCTAssertEqual(first?["text"] as? String, "Harga beras di Pasar Wonokromo naik menjadi Rp15.000 per kg.")
        XCTAssertEqual(first?["start"] as? Int, 53)
    }

    func testBadInputs() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let bad = folder.appendingPathComponent("latin1.txt")
        try Data([0x48, 0x61, 0x72, 0x67, 0x61, 0x20, 0xE9, 0x2E]).write(to: bad)
        let result = try TMProcess.run(["segment", bad.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("latin1.txt") && result.stderr.contains("byte 6"), result.stderr)

        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let emptyResult = try TMProcess.run(["segment", empty.path])
        XCTAssertEqual(emptyResult.status, 1)
        XCTAssertTrue(emptyResult.stderr.contains("empty.txt"), emptyResult.stderr)

        let missing = try TMProcess.run(["segment", folder.appendingPathComponent("nope.txt").path])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("nope.txt"), missing.stderr)

        let usage = try TMProcess.run(["segment"])
        XCTAssertEqual(usage.status, 64)
        let badLang = try TMProcess.run(["segment", "--lang", "fr", bad.path])
        XCTAssertEqual(badLang.status, 64)
    }

    func testStandardInputAndAutoLanguage() throws {
        let result = try TMProcess.run(["segment", "--json", "-"], stdin: "The U.S. team won. It was late.\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("\"language\" : \"en\""), result.stdout)
        XCTAssertTrue(result.stdout.contains("\"text\" : \"It was late.\""), result.stdout)
    }

    func testSRXExportImportAndAbbreviationFiles() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let srx = folder.appendingPathComponent("tm-news.srx").path
        let export = try TMProcess.run(["segment", "--export-srx", srx])
        XCTAssertEqual(export.status, 0, export.stderr)
        let xml = try String(contentsOfFile: srx, encoding: .utf8)
        XCTAssertTrue(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        XCTAssertTrue(xml.contains("<languagemap languagepattern=\"(id|in)([-_].*)?\" languagerulename=\"Indonesian (tm news)\"/>"))
        if let xmllint = TMProcess.which("xmllint") {
            let lint = try TMProcess.runProgram(xmllint, ["--noout", srx])
            XCTAssertEqual(lint.status, 0, lint.stderr)
        }

        let path = try write(article, "artikel.txt")
        let plain = try TMProcess.run(["segment", "--sentences-only", path])
        let viaSRX = try TMProcess.run(["segment", "--sentences-only", "--srx", srx, path])
        XCTAssertEqual(viaSRX.status, 0, viaSRX.stderr)
        XCTAssertEqual(viaSRX.stdout, plain.stdout)

        // A user's abbreviation keeps `Div.` from ending a sentence, and goes into the export.
        let text = try write("Ia bekerja di Div. Keuangan. Mereka pulang.\n", "div.txt")
        let before = try TMProcess.run(["segment", "--lang", "id", text])
        XCTAssertEqual(before.stdout, "Ia bekerja di Div.\nKeuangan.\nMereka pulang.\n")
        let list = folder.appendingPathComponent("mine.txt")
        try Data("# my office's abbreviations\nDiv.\n".utf8).write(to: list)
        let after = try TMProcess.run(["segment", "--lang", "id", "--abbreviations", list.path, text])
        XCTAssertEqual(after.stdout, "Ia bekerja di Div. Keuangan.\nMereka pulang.\n")
        let srx2 = folder.appendingPathComponent("mine.srx").path
        XCTAssertEqual(try TMProcess.run(["segment", "--abbreviations", list.path, "--export-srx", srx2]).status, 0)
        XCTAssertTrue(try String(contentsOfFile: srx2, encoding: .utf8).contains("Div\\."))

        // Bad lists and bad SRX files are named in the error.
        let badList = folder.appendingPathComponent("bad.txt")
        try Data("Div. sometimes\n".utf8).write(to: badList)
        let badListResult = try TMProcess.run(["segment", "--abbreviations", badList.path, text])
        XCTAssertEqual(badListResult.status, 1)
        XCTAssertTrue(badListResult.stderr.contains("bad.txt:1"), badListResult.stderr)
        let badSRX = folder.appendingPathComponent("bad.srx")
        try Data("<srx><body>".utf8).write(to: badSRX)
        let badSRXResult = try TMProcess.run(["segment", "--srx", badSRX.path, text])
        XCTAssertEqual(badSRXResult.status, 1)
        XCTAssertTrue(badSRXResult.stderr.contains("bad.srx"), badSRXResult.stderr)
        // Nothing half-written when the export folder does not exist.
        let nowhere = folder.appendingPathComponent("no/such/dir/x.srx").path
        XCTAssertEqual(try TMProcess.run(["segment", "--export-srx", nowhere]).status, 1)
    }

    func testTheRealSampleArticleWhenPresent() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/samples/antara-china-russia.en.txt").standardized.path
        guard FileManager.default.fileExists(atPath: sample) else { throw XCTSkip("no ../shared/samples beside the checkout") }
        let result = try TMProcess.run(["segment", "--json", sample])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(object?["language"] as? String, "en")
        XCTAssertEqual(object?["translator"] as? String, "Kenzu Tandiah")
        XCTAssertEqual(object?["source"] as? String, "Reuters")
        XCTAssertEqual((object?["dateline"] as? [String: Any])?["agency"] as? String, "ANTARA")
    }
}
