import Foundation
import XCTest
@testable import TranslationMemory

/// What an export writes, leaves out and says (issue: fidelity, items 4, 8, 10, 21).
final class ExportFidelityTests: XCTestCase {
    private var folder: URL!
    private var memory: TranslationMemoryStore!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("TMX"), withIntermediateDirectories: true)
        let tmx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="plaintext"/>
            <body>
            <tu><tuv xml:lang="id-ID"><seg>Warna pusat kota.</seg></tuv><tuv xml:lang="en-US"><seg>The downtown color.</seg></tuv><tuv xml:lang="en-GB"><seg>The city centre colour.</seg></tuv></tu>
            <tu><tuv xml:lang="id-ID"><seg>Lihat <ph x="1">&lt;img alt="<sub>peta Jakarta</sub>"/&gt;</ph> di sini.</seg></tuv><tuv xml:lang="en-US"><seg>See <ph x="1">&lt;img alt="<sub>map of Jakarta</sub>"/&gt;</ph> here.</seg></tuv></tu>
            <tu><tuv xml:lang="id-ID"><seg><ph x="1">&lt;br/&gt;</ph></seg></tuv><tuv xml:lang="en-US"><seg><ph x="1">&lt;br/&gt;</ph></seg></tuv></tu>
            <tu><prop type="x-domain">politik</prop><tuv xml:lang="id-ID"><seg>Kolom\tpertama.</seg></tuv><tuv xml:lang="en-US"><seg>First\tcolumn.</seg></tuv></tu>
            <tu><tuv xml:lang="fr-FR"><seg>Bonjour.</seg></tuv><tuv xml:lang="en-US"><seg>Hello.</seg></tuv></tu>
            </body></tmx>
            """
        try Data(tmx.utf8).write(to: folder.appendingPathComponent("TMX/mixed.tmx"))
        memory = TranslationMemoryStore(path: folder.appendingPathComponent("TMX").path)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func export(_ name: String, _ options: MemoryExporter.Options) throws -> (ExportReport, [TranslationUnit]) {
        let path = folder.appendingPathComponent(name).path
        let report = try MemoryExporter.export(memory, to: path, options: options)
        return (report, options.format == .tmx ? try TMXReader.readAll(path: path).units : [])
    }

    func testTheExactRegionalTagIsPreferredAndNoTagRepeats() throws {
        let (_, units) = try export("gb.tmx", .init(sourceLanguage: "id-ID", targetLanguage: "en-GB"))
        let first = try XCTUnwrap(units.first)
        XCTAssertEqual(first.variants.map(\.language), ["id-ID", "en-GB", "en-US"])
        XCTAssertEqual(first.variants[1].segment.plainText, "The city centre colour.")
        XCTAssertEqual(first.variants[2].segment.plainText, "The downtown color.")
        for unit in units { XCTAssertEqual(Set(unit.variants.map(\.language)).count, unit.variants.count) }
    }

    func testRegionalPairsExport() throws {
        let (report, units) = try export("us-gb.tmx", .init(sourceLanguage: "en-US", targetLanguage: "en-GB"))
        XCTAssertEqual(report.unitsWritten, 1)
        XCTAssertEqual(units.first?.variants.map(\.segment.plainText), ["The downtown color.", "The city centre colour.", "Warna pusat kota."])
    }

    func testWhatIsLeftOutIsCountedAndNamed() throws {
        let (report, _) = try export("out.tmx", .init())
        XCTAssertEqual(report.unitsWithoutPair, 1)
        XCTAssertEqual(report.leftOutLanguages, ["en-US+fr-FR": 1])
        XCTAssertTrue(report.isIncomplete)
        XCTAssertEqual(report.warnings, ["left out: 1 unit without both id-ID and en-US (languages of those: en-US+fr-FR: 1)"])
    }

    func testLevelOneSaysItDropsSubText() throws {
        let (report, units) = try export("level1.tmx", .init(level: .plainText))
        XCTAssertEqual(report.unitsAltered, 1)
        XCTAssertEqual(units[1].variants[0].segment.plainText, "Lihat  di sini.")
        XCTAssertTrue(report.warnings.contains { $0.hasPrefix("altered: 1 unit with text inside <sub> dropped") }, "\(report.warnings)")
        let (full, _) = try export("level2.tmx", .init(level: .markup))
        XCTAssertEqual(full.unitsAltered, 0)
    }

    func testTSVLeavesOutCodeOnlyUnitsAndSaysWhatItAltered() throws {
        let (report, _) = try export("out.tsv", .init(format: .tsv))
        XCTAssertEqual(report.unitsWithoutText, 1)
        XCTAssertEqual(report.unitsAltered, 2, "the tab unit and the <sub> unit")
        XCTAssertEqual(report.unitsWritten, 3)
        let rows = try String(contentsOfFile: folder.appendingPathComponent("out.tsv").path, encoding: .utf8).split(separator: "\n")
        XCTAssertFalse(rows.contains { $0.hasPrefix("\t") || $0.hasSuffix("\t") }, "no empty cell: \(rows)")
    }

    /// Level 1 used to write the code-only unit as an empty `seg` without a word.
    func testLevelOneNamesTheUnitsItEmpties() throws {
        let (report, units) = try export("level1.tmx", .init(level: .plainText))
        XCTAssertEqual(units[2].variants.map(\.segment.plainText), ["", ""])
        XCTAssertEqual(report.unitsEmptied, 1)
        let file = folder.appendingPathComponent("TMX/mixed.tmx").path
        XCTAssertEqual(report.emptiedUnits, ["\(file):6"])
        XCTAssertTrue(report.isIncomplete)
        XCTAssertTrue(report.warnings.contains { $0.hasPrefix("emptied: 1 unit written with an empty <seg>") && $0.hasSuffix(": \(file):6") },
                      "\(report.warnings)")
        let (full, _) = try export("level2.tmx", .init(level: .markup))
        XCTAssertEqual(full.unitsEmptied, 0)
    }

    /// TSV used to drop the other variants and the props and notes without a word.
    func testTSVSaysWhatItCannotHold() throws {
        let (report, _) = try export("out.tsv", .init(format: .tsv))
        XCTAssertEqual(report.unitsWithOtherVariants, 1)
        XCTAssertEqual(report.otherVariantLanguages, ["en-GB": 1])
        XCTAssertEqual(report.unitsWithPropertiesOrNotes, 1)
        XCTAssertTrue(report.warnings.contains("left out: the other variants of 1 unit (a TSV line holds one pair; export TMX to keep them): en-GB: 1"),
                      "\(report.warnings)")
        XCTAssertTrue(report.warnings.contains("left out: the props or notes of 1 unit (TSV holds only the texts; export TMX to keep them)"),
                      "\(report.warnings)")
        let (tmx, _) = try export("out.tmx", .init())
        XCTAssertEqual(tmx.unitsWithOtherVariants + tmx.unitsWithPropertiesOrNotes, 0, "TMX holds them")

        // A memory of TSV pairs exports to TSV whole: tm's own bookkeeping props are no loss.
        let pairs = folder.appendingPathComponent("pairs.tsv")
        try Data("Satu.\tOne.\nDua.\tTwo.\n".utf8).write(to: pairs)
        let plain = TranslationMemoryStore(path: folder.appendingPathComponent("plain").path)
        _ = try MemoryImporter.importFiles([pairs.path], into: plain)
        let back = try MemoryExporter.export(plain, to: folder.appendingPathComponent("back.tsv").path, options: .init(format: .tsv))
        XCTAssertEqual(back.unitsWritten, 2)
        XCTAssertFalse(back.isIncomplete, "\(back.warnings)")
    }

    func testExportIntoTheMemoryIsRefused() throws {
        let inside = folder.appendingPathComponent("TMX/sub/copy.tmx").path
        XCTAssertThrowsError(try MemoryExporter.export(memory, to: inside)) { error in
            XCTAssertTrue("\(error)".contains("inside the memory"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: inside))
        // A TSV there is no part of the memory.
        XCTAssertNoThrow(try MemoryExporter.export(memory, to: folder.appendingPathComponent("TMX/pairs.tsv").path, options: .init(format: .tsv)))
    }

    func testAMissingMemoryIsAnError() throws {
        let missing = TranslationMemoryStore(path: folder.appendingPathComponent("nowhere").path)
        XCTAssertThrowsError(try MemoryExporter.export(missing, to: folder.appendingPathComponent("x.tmx").path)) { error in
            XCTAssertEqual((error as? TMError)?.kind, .noSuchMemory)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.tmx").path))
    }
}
