import XCTest
@testable import TranslationMemory

/// import → export → import gives the same units: texts, inline markup, props, notes, dates.
final class TMXRoundTripTests: XCTestCase {
    private func roundTrip(_ data: Data, name: String, level: TMXLevel = .markup) throws -> (before: [TranslationUnit], after: [TranslationUnit], exported: String) {
        let folder = try makeTemporaryFolder(self)
        let input = folder.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: input))
        let memory = TranslationMemoryStore(path: folder.appendingPathComponent("memory").path)
        _ = try MemoryImporter.importFiles([input], into: memory)
        let exported = folder.appendingPathComponent("export.tmx").path
        _ = try MemoryExporter.export(memory, to: exported, options: .init(sourceLanguage: "id-ID", targetLanguage: "en-US", level: level))
        let second = TranslationMemoryStore(path: folder.appendingPathComponent("memory2").path)
        _ = try MemoryImporter.importFiles([exported], into: second)
        // Each memory stamps the units with its own run (`x-tm-run`): the rest must round-trip.
        let runs = try [memory, second].map { try XCTUnwrap($0.runs().first?.id) }
        func withoutRun(_ unit: TranslationUnit, of run: String) -> TranslationUnit {
            XCTAssertEqual(unit.property(MemoryRun.idProperty), run)
            var unit = unit
            unit.properties.removeAll { $0.type == MemoryRun.idProperty || $0.type == MemoryRun.userProperty }
            return unit
        }
        var before: [TranslationUnit] = []
        try memory.forEachUnit { unit, _ in before.append(withoutRun(unit, of: runs[0])) }
        var after: [TranslationUnit] = []
        try second.forEachUnit { unit, _ in after.append(withoutRun(unit, of: runs[1])) }
        return (before, after, exported)
    }

    /// The unit as the export writes it: Indonesian first, then English, codes as asked.
    private func expectedAfterExport(_ unit: TranslationUnit) -> TranslationUnit? {
        MemoryExporter.rewrite(unit, source: LanguageCode("id-ID"), target: LanguageCode("en-US")).map(MemoryImporter.normalizingLanguages)
    }

    func testTradosRoundTripKeepsMarkupPropsNotesDates() throws {
        let (before, after, _) = try roundTrip(TMXFixtures.utf16LittleEndian(TMXFixtures.tradosStyle), name: "trados.tmx")
        XCTAssertEqual(before.count, 2)
        XCTAssertEqual(after, before.compactMap(expectedAfterExport))
        XCTAssertEqual(after[0].variants[0].segment, before[0].variants[0].segment)
        XCTAssertEqual(after[0].attribute("lastusagedate"), "20230208T090000Z")
    }

    func testOmegaTRoundTrip() throws {
        let (before, after, _) = try roundTrip(Data(TMXFixtures.omegatStyle.utf8), name: "omegat.tmx")
        XCTAssertEqual(before[0].variants.map(\.language), ["id", "en-GB"], "IN is normalised to id on import")
        XCTAssertEqual(after, before.compactMap(expectedAfterExport))
        XCTAssertEqual(after[1].variants[0].segment.plainText, "  Spasi   dipertahankan  ")
    }

    func testMultilingualRoundTripKeepsOtherLanguages() throws {
        let (before, after, _) = try roundTrip(Data(TMXFixtures.memoQStyle.utf8), name: "memoq.tmx")
        XCTAssertEqual(before.count, 3)
        XCTAssertEqual(after.count, 1, "only the unit with both Indonesian and English goes to an id→en export")
        XCTAssertEqual(after[0].variants.map(\.language), ["id-ID", "en-US", "de-DE", "fr-FR"])
        XCTAssertEqual(after[0].property("x-context-pre"), "Previous sentence.")
    }

    func testLevelOneWritesPlainText() throws {
        let (_, after, exported) = try roundTrip(TMXFixtures.utf16LittleEndian(TMXFixtures.tradosStyle), name: "trados.tmx", level: .plainText)
        XCTAssertFalse(after[0].variants[0].segment.hasMarkup)
        XCTAssertEqual(after[0].variants[0].segment.plainText, "Menteri Retno Marsudi tiba di Moskow pada .")
        let text = try String(contentsOfFile: exported, encoding: .utf8)
        XCTAssertFalse(text.contains("<bpt"))
    }

    func testExportedHeaderIsComplete() throws {
        let (_, _, exported) = try roundTrip(Data(TMXFixtures.omegatStyle.utf8), name: "omegat.tmx")
        let header = try TMXReader(path: exported).header
        XCTAssertEqual(header.version, "1.4")
        for (name, value) in [("creationtool", "tm"), ("segtype", "sentence"), ("srclang", "id-ID"), ("datatype", "plaintext"), ("adminlang", "en-US")] {
            XCTAssertEqual(header.attribute(name), value, name)
        }
        XCTAssertNotNil(header.attribute("creationtoolversion"))
        XCTAssertNotNil(header.attribute("o-tmf"))
        XCTAssertNotNil(header.attribute("creationdate").flatMap(TMXDate.parse))
    }

    func testExportSpellsLanguagesAsAsked() throws {
        let folder = try makeTemporaryFolder(self)
        let input = folder.appendingPathComponent("omegat.tmx")
        try Data(TMXFixtures.omegatStyle.utf8).write(to: input)
        let memory = TranslationMemoryStore(path: folder.appendingPathComponent("memory").path)
        _ = try MemoryImporter.importFiles([input.path], into: memory)
        let exported = folder.appendingPathComponent("in.tmx").path
        _ = try MemoryExporter.export(memory, to: exported, options: .init(sourceLanguage: "in-ID", targetLanguage: "EN"))
        let units = try TMXReader.readAll(path: exported).units
        XCTAssertEqual(units.map { $0.variants.map(\.language) }, [["in-ID", "EN"], ["in-ID", "EN"]])
    }

    func testForbiddenControlCharactersAreDroppedOnWrite() throws {
        let folder = try makeTemporaryFolder(self)
        let path = folder.appendingPathComponent("control.tmx").path
        let writer = try TMXWriter(path: path, header: TMXWriter.standardHeader())
        try writer.write(TranslationUnit(variants: [
            Variant(language: "id", segment: Segment(text: "bel\u{07}berbunyi & <tag>")),
            Variant(language: "en", segment: Segment(text: "bell\u{01}rings")),
        ]))
        try writer.finish()
        let units = try TMXReader.readAll(path: path).units
        XCTAssertEqual(units[0].indonesianEnglishPair?.indonesian, "belberbunyi & <tag>")
        XCTAssertEqual(units[0].indonesianEnglishPair?.english, "bellrings")
    }
}

final class TMXValidityTests: XCTestCase {
    /// A tool's own attributes (not in the TMX 1.4b DTD) are carried as props and come back as attributes.
    func testUndeclaredAttributesSurviveAsProps() throws {
        let folder = try makeTemporaryFolder(self)
        let path = folder.appendingPathComponent("foreign.tmx").path
        let unit = TranslationUnit(
            attributes: [XMLAttribute("tuid", "7"), XMLAttribute("x-memsource-id", "abc"), XMLAttribute("segtype", "sentence")],
            variants: [Variant(language: "id", segment: Segment(text: "satu"), attributes: [XMLAttribute("vendor-flag", "1")]),
                       Variant(language: "en", segment: Segment(text: "one"))])
        let writer = try TMXWriter(path: path, header: TMXWriter.standardHeader())
        try writer.write(unit)
        try writer.finish()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains(#"<prop type="x-tm-attribute:x-memsource-id">abc</prop>"#), text)
        XCTAssertFalse(text.contains("x-memsource-id=\""))
        let read = try TMXReader.readAll(path: path).units[0]
        XCTAssertEqual(Set(read.attributes), Set(unit.attributes))
        XCTAssertEqual(read.variants[0].attributes, [XMLAttribute("vendor-flag", "1")])
        XCTAssertEqual(read.properties, [])
    }
}

final class TMXForeignMarkupTests: XCTestCase {
    /// XLIFF/HTML tags inside a seg are written as TMX native code: no text lost, and the file
    /// keeps to the TMX 1.4b content model.
    func testForeignInlineMarkupBecomesNativeCode() throws {
        let folder = try makeTemporaryFolder(self)
        let input = folder.appendingPathComponent("foreign.tmx").path
        try Data("""
        <?xml version="1.0"?>
        <tmx version="1.4">\(TMXFixtures.validHeader)<body>
        <tu><tuv xml:lang="id"><seg>Harga <g id="1">naik</g> tajam<x id="2"/> <bpt i="1" ctype="bold">{b}</bpt>hari ini<ept i="1">{/b}</ept><sub>catatan</sub></seg></tuv>
        <tuv xml:lang="en"><seg>Prices <b>rose</b> sharply</seg></tuv></tu>
        </body></tmx>
        """.utf8).write(to: URL(fileURLWithPath: input))
        let output = folder.appendingPathComponent("out.tmx").path
        let writer = try TMXWriter(path: output, header: TMXWriter.standardHeader())
        for unit in try TMXReader.readAll(path: input).units { try writer.write(unit) }
        try writer.finish()
        let text = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertTrue(text.contains(#"<bpt i="1000" type="x-g">&lt;g id=&quot;1&quot;&gt;</bpt>naik<ept i="1000">&lt;/g&gt;</ept>"#), text)
        XCTAssertTrue(text.contains(#"<ph type="x-x">&lt;x id=&quot;2&quot;/&gt;</ph>"#), text)
        XCTAssertTrue(text.contains(#"<bpt i="1">{b}</bpt>"#), "undeclared ctype left out: \(text)")
        XCTAssertFalse(text.contains("<g ") || text.contains("<b>") || text.contains("<sub>"), text)
        let units = try TMXReader.readAll(path: output).units
        XCTAssertEqual(units[0].variants[0].segment.plainText, "Harga naik tajam hari inicatatan")
        XCTAssertEqual(units[0].variants[1].segment.plainText, "Prices rose sharply")
    }
}
