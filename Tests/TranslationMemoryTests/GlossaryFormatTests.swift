import XCTest
@testable import TranslationMemory

final class GlossaryFormatTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-glossary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    let sample: [GlossaryEntry] = [
        GlossaryEntry(source: "kemitraan strategis", target: "strategic partnership", note: "diplomacy, \"fixed\" phrase", partOfSpeech: "noun", domain: "politics"),
        GlossaryEntry(source: "Kemenlu", target: "Foreign Ministry", alternativeTargets: ["Ministry of Foreign Affairs"],
                      forbiddenTargets: ["Foreign Affairs Ministry"], partOfSpeech: "noun", domain: "government"),
        GlossaryEntry(source: "Penerjemah", target: "Translator"),
    ]

    func strip(_ entries: [GlossaryEntry]) -> [GlossaryEntry] {
        entries.map { var e = $0; e.origin = nil; return e }
    }

    func testTSVReadsOmegaTFormat() throws {
        let path = try write("g.txt", "# comment\nkemitraan strategis\tstrategic partnership\tdiplomacy\r\n\nKemenlu\tForeign Ministry\nonly-one-column\n")
        let glossary = try GlossaryFile.read(path: path)
        XCTAssertEqual(glossary.entries.map(\.source), ["kemitraan strategis", "Kemenlu"])
        XCTAssertEqual(glossary.entries[0].note, "diplomacy")
        XCTAssertEqual(glossary.entries[1].origin, GlossaryEntryOrigin(path: path, line: 4))
        XCTAssertEqual(glossary.problems.map(\.line), [5])
        XCTAssertEqual(glossary.problems.first?.kind, .skippedRow)
    }

    func testTSVRoundTripKeepsThreeColumns() throws {
        let path = folder.appendingPathComponent("out.tsv").path
        try GlossaryFile.write(sample, to: path, format: .tsv)
        let back = try GlossaryFile.read(path: path)
        XCTAssertEqual(back.entries.map(\.source), sample.map(\.source))
        XCTAssertEqual(back.entries.map(\.target), sample.map(\.target))
        XCTAssertEqual(back.entries.map(\.note), sample.map(\.note))
    }

    func testCSVRoundTripKeepsEverything() throws {
        let path = folder.appendingPathComponent("out.csv").path
        try GlossaryFile.write(sample, to: path, format: .csv)
        XCTAssertEqual(strip(try GlossaryFile.read(path: path).entries), sample)
    }

    func testCSVNeedsAHeader() throws {
        let path = try write("bad.csv", "kemitraan,partnership\n")
        XCTAssertThrowsError(try GlossaryFile.read(path: path)) { error in
            XCTAssertTrue(error.localizedDescription.hasPrefix("\(path):1: "), error.localizedDescription)
        }
        let good = try write("good.csv", "English,Indonesian,Comment\npartnership,kemitraan,\"a, b\"\n")
        let glossary = try GlossaryFile.read(path: good)
        XCTAssertEqual(glossary.entries.first?.source, "kemitraan")
        XCTAssertEqual(glossary.entries.first?.note, "a, b")
    }

    func testTBXBasicRoundTrip() throws {
        let path = folder.appendingPathComponent("out.tbx").path
        try GlossaryFile.write(sample, to: path, format: .tbx)
        XCTAssertEqual(try GlossaryTBX.detectVersion(path: path), .basic3)
        XCTAssertEqual(strip(try GlossaryFile.read(path: path).entries), sample)
    }

    func testTBX2RoundTrip() throws {
        let path = folder.appendingPathComponent("out2.tbx").path
        try GlossaryFile.write(sample, to: path, format: .tbx2)
        XCTAssertEqual(try GlossaryTBX.detectVersion(path: path), .martif2)
        XCTAssertEqual(strip(try GlossaryFile.read(path: path).entries), sample)
    }

    func testReadsTranslateToolkitStyleMartif() throws {
        let path = try write("tt.tbx", """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE martif PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" "TBXcdv04.dtd">
        <martif type="TBX" xml:lang="en">
          <martifHeader><fileDesc><sourceDesc><p>Translate Toolkit</p></sourceDesc></fileDesc></martifHeader>
          <text><body>
            <termEntry id="1">
              <langSet xml:lang="in-ID"><ntig><termGrp><term>Pewarta</term></termGrp></ntig></langSet>
              <langSet xml:lang="en"><tig><term>Reporter</term></tig></langSet>
            </termEntry>
            <termEntry id="2">
              <langSet xml:lang="en"><tig><term>orphan</term></tig></langSet>
            </termEntry>
          </body></text>
        </martif>
        """)
        let glossary = try GlossaryFile.read(path: path)
        XCTAssertEqual(glossary.entries.map(\.source), ["Pewarta"])
        XCTAssertEqual(glossary.entries.map(\.target), ["Reporter"])
        XCTAssertEqual(glossary.problems.first?.message, "concept has no Indonesian term")
    }

    func testHostileTBXIsRefused() throws {
        let xxe = try write("xxe.tbx", """
        <?xml version="1.0"?>
        <!DOCTYPE martif [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        <martif type="TBX"><text><body><termEntry><langSet xml:lang="id"><tig><term>&secret;</term></tig></langSet></termEntry></body></text></martif>
        """)
        XCTAssertThrowsError(try GlossaryFile.read(path: xxe)) { error in
            let message = error.localizedDescription
            XCTAssertTrue(message.hasPrefix("\(xxe):2: "), message)
            XCTAssertTrue(message.contains("external entity"), message)
        }
        let undeclared = try write("entity.tbx", "<martif><text><body><termEntry><langSet xml:lang='id'><tig><term>&x;</term></tig></langSet></termEntry></body></text></martif>")
        XCTAssertThrowsError(try GlossaryFile.read(path: undeclared))
        let notTBX = try write("tmx.tbx", "<tmx version='1.4'><body/></tmx>")
        XCTAssertThrowsError(try GlossaryFile.read(path: notTBX)) { error in
            XCTAssertTrue(error.localizedDescription.contains("expected <martif> or <tbx>"), error.localizedDescription)
        }
        let empty = try write("empty.tbx", "")
        XCTAssertThrowsError(try GlossaryFile.read(path: empty)) { error in
            XCTAssertEqual(error.localizedDescription, "\(empty): not a TBX file: the file is empty")
        }
        let truncated = try write("cut.tbx", "<martif><text><body><termEntry>")
        XCTAssertThrowsError(try GlossaryFile.read(path: truncated)) { error in
            XCTAssertTrue(error.localizedDescription.hasPrefix(truncated), error.localizedDescription)
        }
        let binary = try write("junk.txt", "abc\u{0}\u{1}def")
        XCTAssertThrowsError(try GlossaryFile.read(path: binary))
    }

    func testTBXBasicOutputValidatesAgainstCoreRNG() throws {
        guard let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("xmllint is not installed")
        }
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/spec/tbx-basic/TBXcoreStructV03.rng")
        guard FileManager.default.fileExists(atPath: schema.path) else { throw XCTSkip("TBX core RNG not found at \(schema.path)") }
        let path = folder.appendingPathComponent("valid.tbx").path
        try GlossaryFile.write(sample, to: path, format: .tbx)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--nonet", "--relaxng", schema.path, path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, output)
    }

    func testDuplicatesAndConflictsAreReportedNotMerged() throws {
        let a = try write("a.tsv", "Kemenlu\tForeign Ministry\nPresiden\tPresident\n")
        let b = try write("b.tsv", "kemenlu\tforeign ministry\nPresiden\tChairman\n")
        let glossary = try Glossary.load(paths: [a, b])
        XCTAssertEqual(glossary.entries.count, 4)
        XCTAssertEqual(glossary.problems.map(\.kind), [.duplicate, .conflict])
        XCTAssertEqual(glossary.problems.map(\.line), [1, 2])
        XCTAssertTrue(glossary.problems[1].message.contains("\(a):2"), glossary.problems[1].message)
    }

    func testFolderReadsOnlyGlossaryFilesAtTopLevel() throws {
        _ = try write("one.tsv", "Senin\tMonday\n")
        _ = try write("README.md", "# not a glossary\n")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tbx"), withIntermediateDirectories: true)
        _ = try write("tbx/copy.csv", "source,target\nSenin,Monday\n")
        let glossary = try Glossary.load(paths: [folder.path])
        XCTAssertEqual(glossary.entries.count, 1)
        XCTAssertThrowsError(try Glossary.load(paths: [folder.appendingPathComponent("missing").path]))
    }

    func testAppendKeepsExistingTextAndWritesAtomically() throws {
        let path = try write("mine.tsv", "Senin\tMonday")
        try GlossaryFile.append([GlossaryEntry(source: "Selasa", target: "Tuesday", note: "day")], to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "Senin\tMonday\nSelasa\tTuesday\tday\n")
        let tbx = folder.appendingPathComponent("new.tbx").path
        try GlossaryFile.append([GlossaryEntry(source: "Rabu", target: "Wednesday")], to: tbx)
        try GlossaryFile.append([GlossaryEntry(source: "Kamis", target: "Thursday")], to: tbx)
        XCTAssertEqual(try GlossaryFile.read(path: tbx).entries.map(\.target), ["Wednesday", "Thursday"])
    }
}

final class GlossaryTBXSampleTests: XCTestCase {
    /// The TBX-Basic sample published with the schemas (English/Spanish/…, no Indonesian): read with
    /// its namespaces and DCT elements, every concept reported as lacking an Indonesian term.
    func testReadsThePublishedTBXBasicSample() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/spec/tbx-basic/Example_Astronomy_DCT_VALID.tbx")
        guard FileManager.default.fileExists(atPath: sample.path) else { throw XCTSkip("no TBX-Basic sample at \(sample.path)") }
        XCTAssertEqual(try GlossaryTBX.detectVersion(path: sample.path), .basic3)
        let glossary = try GlossaryFile.read(path: sample.path)
        XCTAssertEqual(glossary.entries, [])
        XCTAssertFalse(glossary.problems.isEmpty)
        XCTAssertTrue(glossary.problems.allSatisfy { $0.message == "concept has no Indonesian term" })
    }
}

final class GlossaryHostileTBXTests: XCTestCase {
    func testBillionLaughsIsRefusedBeforeParsing() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("laughs-\(UUID().uuidString).tbx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE martif [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 { text += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">\n" }
        text += "]>\n<martif><text><body><termEntry><langSet xml:lang=\"id\"><tig><term>&lol9;</term></tig></langSet></termEntry></body></text></martif>\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try GlossaryFile.read(path: path)) { error in
            XCTAssertEqual(error.localizedDescription, "\(path):3: not a TBX file: the document declares entities; tm never expands entities and refuses the file")
        }
    }
}
