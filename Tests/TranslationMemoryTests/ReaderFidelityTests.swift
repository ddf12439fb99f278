import Foundation
import XCTest
@testable import TranslationMemory

/// Nothing dropped silently, nothing written that cannot be read back, messages in the user's
/// terms (issue: fidelity, items 1, 5, 20).
final class ReaderFidelityTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ name: String, _ data: Data) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    private func tmx(_ body: String) -> Data {
        Data("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\(TMXFixtures.validHeader)<body>\n\(body)\n</body></tmx>\n".utf8)
    }

    private func message(_ body: () throws -> Void) -> String {
        do { try body(); return "no error" } catch { return "\(error)" }
    }

    func testTwoSegmentsInOneVariantAndAUnitInAUnitAreReported() throws {
        let path = try write("structure.tmx", tmx("""
            <tu><tuv xml:lang="id"><seg>Satu.</seg><seg>Dua.</seg></tuv><tuv xml:lang="en"><seg>One. Two.</seg></tuv></tu>
            <tu><tuv xml:lang="id"><seg>Luar.</seg></tuv><tu><tuv xml:lang="id"><seg>Dalam.</seg></tuv></tu><tuv xml:lang="en"><seg>Outer.</seg></tuv></tu>
            <tu><tuv xml:lang="id"><seg>Baik.</seg></tuv><tuv xml:lang="en"><seg>Good.</seg></tuv></tu>
            """))
        let (_, units, skipped) = try TMXReader.readAll(path: path)
        XCTAssertEqual(units.map { $0.variants[0].segment.plainText }, ["Baik."])
        XCTAssertEqual(skipped.map(\.line), [3, 4])
        XCTAssertEqual(skipped.map(\.reason), ["line 3: a <tuv> with a second <seg>", "line 4: a <tu> inside a <tu>"])
    }

    /// A unit inside an element TMX does not define used to vanish without a word.
    func testAUnitInsideAnUnknownElementIsReported() throws {
        let path = try write("unknown.tmx", tmx("""
            <group>
            <tu><tuv xml:lang="id"><seg>Dalam grup.</seg></tuv><tuv xml:lang="en"><seg>In a group.</seg></tuv></tu>
            </group>
            <tu><tuv xml:lang="id"><seg>Baik.</seg></tuv><tuv xml:lang="en"><seg>Good.</seg></tuv></tu>
            <x-empty/>
            """))
        let reader = try TMXReader(path: path)
        var units: [TranslationUnit] = []
        while let unit = try reader.next() { units.append(unit) }
        XCTAssertEqual(units.map { $0.variants[0].segment.plainText }, ["Baik."])
        XCTAssertEqual(reader.skipped, [SkippedUnit(path: path, line: 4, reason: "a <tu> inside <group>, which TMX does not define")])
        // The byte scan that undo relies on counts the units the reader reads, not the one skipped.
        XCTAssertEqual(reader.unitElements, 1)
    }

    /// libxml2 keeps an element's line in 16 bits: past line 65,535 a unit used to be reported at
    /// 65,535 or a line off.
    func testLinesPastSixtyFiveThousandAreRight() throws {
        var lines: [String] = []
        var number = 0
        while lines.count < 70_000 {
            lines += ["<tu>", "<tuv xml:lang=\"id\"><seg>Satu \(number).</seg></tuv>", "<tuv xml:lang=\"en\"><seg>One \(number).</seg></tuv>", "</tu>"]
            number += 1
        }
        // Lines of the file: the declaration, <tmx>, the header, <body>, then `lines`.
        let unitLine = 4 + lines.count + 1
        lines += ["<tu>", "<tuv><seg>Tanpa bahasa.</seg></tuv>", "</tu>"]
        let compactLine = 4 + lines.count + 1
        lines += ["<tu><tuv xml:lang=\"id\"><seg>Baik.</seg></tuv><tuv><seg>Good.</seg></tuv></tu>"]
        lines += ["<tu><tuv xml:lang=\"id\"><seg>Akhir.</seg></tuv><tuv xml:lang=\"en\"><seg>End.</seg></tuv></tu>"]
        let header = TMXFixtures.validHeader.replacingOccurrences(of: "\n", with: " ")
        let text = "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\n\(header)\n<body>\n" + lines.joined(separator: "\n") + "\n</body>\n</tmx>\n"
        let path = try write("big.tmx", Data(text.utf8))
        XCTAssertEqual(text.split(separator: "\n", omittingEmptySubsequences: false)[unitLine - 1], "<tu>")
        let reader = try TMXReader(path: path)
        while try reader.next() != nil {}
        XCTAssertEqual(reader.lastUnitLine, compactLine + 1)
        XCTAssertEqual(reader.skipped.map(\.line), [unitLine, compactLine])
        XCTAssertEqual(reader.skipped.map(\.reason), ["line \(unitLine + 1): <tuv> has no xml:lang", "line \(compactLine): <tuv> has no xml:lang"])

        let broken = try write("broken.tmx", Data(text.replacingOccurrences(of: "<seg>Akhir.</seg>", with: "<seg>Akhir.</sg>").utf8))
        XCTAssertTrue(message { _ = try TMXReader.readAll(path: broken) }.contains("broken.tmx:\(compactLine + 1):"))
    }

    /// A cell over libxml2's text limit used to be written, and the memory could then no longer be
    /// read by any command.
    func testATextTooLongToReadBackIsNeverWritten() throws {
        let huge = String(repeating: "kata ", count: 2_100_000)
        let tsv = try write("huge.tsv", Data("\(huge)\tword\nkecil\tsmall\n".utf8))
        let memory = TranslationMemoryStore(path: folder.appendingPathComponent("TMX").path)
        let report = try MemoryImporter.importFiles([tsv], into: memory)
        XCTAssertEqual(report.added, 1)
        XCTAssertEqual(report.skipped.map(\.line), [1])
        XCTAssertTrue(report.skipped[0].reason.contains("bytes is over the 10000000"), report.skipped[0].reason)
        var count = 0
        try memory.forEachUnit { _, _ in count += 1 }
        XCTAssertEqual(count, 1)

        let unit = TranslationUnit(variants: [Variant(language: "id", segment: Segment(text: huge))])
        let writer = try TMXWriter(path: folder.appendingPathComponent("direct.tmx").path, header: TMXWriter.standardHeader())
        XCTAssertThrowsError(try writer.write(unit))
    }

    func testLibxml2WordingIsSaidInTheUsersTerms() throws {
        let huge = try write("huge.tmx", tmx("<tu><tuv xml:lang=\"id\"><seg>\(String(repeating: "a", count: 10_500_000))</seg></tuv></tu>"))
        let hugeMessage = message { _ = try TMXReader.readAll(path: huge) }
        XCTAssertTrue(hugeMessage.hasPrefix("\(huge):3: ") && hugeMessage.contains("10,000,000 bytes"), hugeMessage)
        XCTAssertFalse(hugeMessage.contains("XML_PARSE_HUGE") || hugeMessage.contains("huge text node"), hugeMessage)

        var truncated = tmx("<tu><tuv xml:lang=\"id\"><seg>Satu dua tiga.</seg></tuv></tu>")
        truncated.removeLast(30)
        let cut = try write("cut.tmx", truncated)
        let cutMessage = message { _ = try TMXReader.readAll(path: cut) }
        XCTAssertTrue(cutMessage.contains("it looks cut off"), cutMessage)

        let latin1 = try write("latin1.tmx", tmx("<tu><tuv xml:lang=\"id\"><seg>Kafe</seg></tuv></tu>").replacingLatinE())
        let latinMessage = message { _ = try TMXReader.readAll(path: latin1) }
        XCTAssertTrue(latinMessage.contains("iconv -f latin1 -t utf-8"), latinMessage)

        // UTF-16 without its byte order mark and without `<?xml`: libxml2 reads it as UTF-8 and
        // stops at a NUL, which used to be called a binary file.
        let text = "<tmx version=\"1.4\">\(TMXFixtures.validHeader)<body>\n<tu><tuv xml:lang=\"id\"><seg>Kata</seg></tuv></tu>\n</body></tmx>\n"
        for (name, encoding) in [("UTF-16LE", String.Encoding.utf16LittleEndian), ("UTF-16BE", .utf16BigEndian)] {
            for start in ["", "\n"] {
                let path = try write("no-bom.tmx", (start + text).data(using: encoding)!)
                let utf16Message = message { _ = try TMXReader.readAll(path: path) }
                XCTAssertTrue(utf16Message.contains("it looks like \(name) without a byte order mark") && utf16Message.contains("iconv -f \(name) -t UTF-8"),
                              utf16Message)
            }
        }
    }
}

private extension Data {
    /// The same document with "Kafe" spelt "Kafé" in Latin-1 (one byte 0xE9), undeclared.
    func replacingLatinE() -> Data {
        let text = String(decoding: self, as: UTF8.self).replacingOccurrences(of: "Kafe", with: "Kaf\u{E9}")
        return text.data(using: .isoLatin1)!
    }
}
