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
}
