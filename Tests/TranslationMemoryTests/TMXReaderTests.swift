import XCTest
@testable import TranslationMemory

final class TMXReaderTests: XCTestCase {
    private func write(_ data: Data, _ name: String) throws -> String {
        let folder = try makeTemporaryFolder(self)
        let path = folder.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    func testTradosUTF16LittleEndianKeepsEverything() throws {
        let path = try write(TMXFixtures.utf16LittleEndian(TMXFixtures.tradosStyle), "trados.tmx")
        let (header, units, skipped) = try TMXReader.readAll(path: path)
        XCTAssertEqual(skipped, [])
        XCTAssertEqual(header.attribute("creationtool"), "SDL Language Platform")
        XCTAssertEqual(header.properties.map(\.type), ["x-Recognizers", "x-TMName"])
        XCTAssertEqual(units.count, 2)

        let first = units[0]
        XCTAssertEqual(first.attribute("usagecount"), "3")
        XCTAssertEqual(first.attribute("changeid"), "TRADOS\\siti")
        XCTAssertEqual(first.attributes.map(\.name), ["creationdate", "creationid", "changedate", "changeid", "lastusagedate", "usagecount"])
        XCTAssertEqual(first.property("x-Context"), "1234, 5678")
        XCTAssertEqual(first.notes.map(\.text), ["Periksa nama menteri."])
        let indonesian = try XCTUnwrap(first.variant(for: .indonesian))
        XCTAssertEqual(indonesian.language, "id-ID")
        XCTAssertEqual(indonesian.properties, [Property(type: "x-Style", value: "Body")])
        XCTAssertEqual(indonesian.segment.plainText, "Menteri Retno Marsudi tiba di Moskow pada .")
        XCTAssertTrue(indonesian.segment.hasMarkup)
        guard case .element(let bold) = indonesian.segment.content[1] else { return XCTFail("expected <bpt>") }
        XCTAssertEqual(bold.name, "bpt")
        XCTAssertEqual(bold.attributes, [XMLAttribute("i", "1"), XMLAttribute("type", "bold")])
        XCTAssertEqual(bold.children, [.text("{\\b ")])
        guard case .element(let placeholder) = indonesian.segment.content[5] else { return XCTFail("expected <ph>") }
        XCTAssertEqual(placeholder.children, [.text("<date/>")])
        XCTAssertEqual(units[1].indonesianEnglishPair?.indonesian, "Harga naik menjadi Rp1.500 per liter & stok aman.")
        XCTAssertEqual(first.creationDate.map(TMXDate.format), "20230206T101512Z")
    }

    func testUTF16BigEndianReadsTheSame() throws {
        let little = try TMXReader.readAll(path: write(TMXFixtures.utf16LittleEndian(TMXFixtures.tradosStyle), "le.tmx"))
        let big = try TMXReader.readAll(path: write(TMXFixtures.utf16BigEndian(TMXFixtures.tradosStyle), "be.tmx"))
        XCTAssertEqual(little.units, big.units)
    }

    func testOmegaT11WithLegacyLanguageCodes() throws {
        let path = try write(Data(TMXFixtures.omegatStyle.utf8), "omegat.tmx")
        let (header, units, _) = try TMXReader.readAll(path: path)
        XCTAssertEqual(header.version, "1.1")
        XCTAssertEqual(units.count, 2)
        XCTAssertEqual(units[0].variants.map(\.language), ["IN", "EN-GB"])
        XCTAssertEqual(units[0].variant(for: .indonesian)?.segment.plainText, "Kerja sama bilateral terus meningkat.")
        XCTAssertEqual(units[0].variant(for: .english)?.attributes.first { $0.name == "creationid" }?.value, "penerjemah")
        // Every space inside <seg> is content.
        XCTAssertEqual(units[1].indonesianEnglishPair?.indonesian, "  Spasi   dipertahankan  ")
    }

    func testMultilingualUnitsAreKept() throws {
        let path = try write(Data(TMXFixtures.memoQStyle.utf8), "memoq.tmx")
        let (_, units, skipped) = try TMXReader.readAll(path: path)
        XCTAssertEqual(skipped, [])
        XCTAssertEqual(units.count, 3)
        XCTAssertEqual(units[0].variants.count, 4)
        XCTAssertEqual(units[0].property("x-context-pre"), "Previous sentence.")
        XCTAssertEqual(units[0].property("x-context-post"), "")
        XCTAssertNotNil(units[0].indonesianEnglishPair)
        XCTAssertNil(units[1].indonesianEnglishPair)
        XCTAssertNil(units[2].indonesianEnglishPair)
    }

    func testHostileAndBrokenFilesAreRefusedWithPlace() throws {
        for fixture in TMXFixtures.hostile {
            let path = try write(Data(fixture.content.utf8), fixture.name)
            let started = Date()
            XCTAssertThrowsError(try TMXReader.readAll(path: path), fixture.name) { error in
                let message = (error as? LocalizedError)?.errorDescription ?? ""
                XCTAssertTrue(message.hasPrefix(path), "\(fixture.name): \(message)")
                XCTAssertTrue(message.contains(fixture.expected), "\(fixture.name): \(message)")
                XCTAssertFalse(message.contains("root:"), "the external entity must never be read: \(message)")
            }
            // Not a speed assertion: a bomb that expanded would not finish at all on this machine.
            _ = started
        }
    }

    func testLineNumbersOfMalformedXML() throws {
        let path = try write(Data("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\n<header/>\n<body>\n<tu><tuv xml:lang=\"id\"><seg>a</sag></tuv></tu>\n</body></tmx>\n".utf8), "bad.tmx")
        XCTAssertThrowsError(try TMXReader.readAll(path: path)) { error in
            XCTAssertTrue((error as? LocalizedError)?.errorDescription?.hasPrefix("\(path):5:") == true, "\(error)")
        }
    }

    func testUnitWithoutLanguageIsSkippedWithReason() throws {
        let content = """
        <?xml version="1.0"?>
        <tmx version="1.4">\(TMXFixtures.validHeader)<body>
        <tu><tuv><seg>no language</seg></tuv></tu>
        <tu><tuv xml:lang="id"><seg>ada</seg></tuv><tuv xml:lang="en"><seg>there is</seg></tuv></tu>
        <tu></tu>
        </body></tmx>
        """
        let path = try write(Data(content.utf8), "skips.tmx")
        let (_, units, skipped) = try TMXReader.readAll(path: path)
        XCTAssertEqual(units.count, 1)
        XCTAssertEqual(skipped.map(\.line), [3, 5])
        XCTAssertTrue(skipped[0].reason.contains("xml:lang"))
    }

    func testDates() {
        let date = TMXDate.parse("20230206T101512Z")
        XCTAssertNotNil(date)
        XCTAssertEqual(date.map(TMXDate.format), "20230206T101512Z")
        XCTAssertNil(TMXDate.parse("2023-02-06"))
        XCTAssertNil(TMXDate.parse("20231306T101512Z"))
    }
}
