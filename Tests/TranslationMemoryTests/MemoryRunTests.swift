import Foundation
import XCTest
@testable import TranslationMemory

/// Runs, undo and removal in the library (issue 10, item 3).
final class MemoryRunTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try makeTemporaryFolder(self)
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    private func write(_ name: String, _ data: Data) throws -> String {
        try data.write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// Every file under `folder` but the lock and the index, with its bytes.
    private func snapshot(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        guard FileManager.default.fileExists(atPath: folder) else { return result }
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder)
        where !name.hasSuffix(".tm.lock") && !name.hasPrefix(".tm-index") {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[name] = try bytes(folder + "/" + name)
            }
        }
        return result
    }

    private func pairs(_ rows: [(String, String)], name: String = "pairs.tsv") throws -> String {
        try write(name, Data(rows.map { "\($0.0)\t\($0.1)\n" }.joined().utf8))
    }

    private func importRun(_ files: [String], into memory: TranslationMemoryStore) throws -> String {
        let report = try MemoryImporter.importFiles(files, into: memory, creator: "budi", user: "siti")
        return try XCTUnwrap(report.run)
    }

    // MARK: - The byte scan

    /// The scan finds the `<tu>` elements the reader reads, on the same lines, in files with what
    /// a scan must pass over: comments, CDATA and attribute values holding `<tu>`, a unit inside
    /// a tool's element (which the reader skips), a DOCTYPE, units the reader passes over.
    func testTheByteScanAgreesWithTheReader() throws {
        let tricky = TMXAppendTests.foreign.replacingOccurrences(of: "\t<!-- a comment between units -->", with: """
            \t<!-- <tu><tuv xml:lang="id"><seg>in a comment</seg></tuv></tu> -->
            \t<x-tool data="/>"><tu><tuv xml:lang="id"><seg>skipped</seg></tuv></tu></x-tool>
            \t<tu tuid="4" note="a > b"><tuv xml:lang="id"><seg><![CDATA[<tu>]]> data</seg></tuv></tu>
            \t<?pi <tu>?><tu tuid="5"/>
            """)
        let variants: [(String, Data)] = [
            ("utf8.tmx", Data(tricky.utf8)),
            ("crlf.tmx", Data(tricky.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
            ("utf16le.tmx", TMXFixtures.utf16LittleEndian(tricky.replacingOccurrences(of: "UTF-8", with: "UTF-16"))),
            ("utf16be.tmx", TMXFixtures.utf16BigEndian(tricky.replacingOccurrences(of: "UTF-8", with: "UTF-16"))),
        ]
        for (name, data) in variants {
            let file = try write(name, data)
            let reader = try TMXReader(path: file)
            var lines: [Int: Int] = [:]
            while try reader.next() != nil { lines[reader.unitElements - 1] = reader.lastUnitLine }
            let mapped = try MappedFile(path: file)
            let layout = TMXUnitLayout.scan(mapped, encoding: XMLFileEncoding.detect(head: Array(mapped.bytes.prefix(200))))
            XCTAssertEqual(reader.unitElements, 5, name)
            XCTAssertEqual(layout.units.count, reader.unitElements, name)
            for (ordinal, line) in lines { XCTAssertEqual(layout.units[ordinal].line, line, "\(name) unit \(ordinal)") }
            XCTAssertEqual(lines.count, 2, "\(name): units 1 and 4 are read, the others passed over")
            XCTAssertNotNil(layout.bodyOpen, name)
            XCTAssertNotNil(layout.bodyClose, name)
        }
    }

    // MARK: - Runs recorded

    func testARunStampsItsUnitsAndIsLogged() throws {
        let memory = TranslationMemoryStore(path: path("TMX"))
        let input = try pairs([("kemitraan strategis", "strategic partnership")])
        let report = try MemoryImporter.importFiles([input], into: memory, creator: "budi", user: "siti")
        let id = try XCTUnwrap(report.run)
        XCTAssertTrue(MemoryRun.isID(id), id)
        let unit = try XCTUnwrap(TMXReader.readAll(path: XCTUnwrap(report.writtenTo)).units.first)
        XCTAssertEqual(unit.property("x-tm-run"), id)
        XCTAssertEqual(unit.property("x-tm-run-user"), "siti")
        XCTAssertEqual(unit.attribute("creationid"), "budi", "creationid stays the credited translator")
        let runs = try memory.runs()
        XCTAssertEqual(runs.map(\.id), [id])
        XCTAssertEqual(runs.first?.user, "siti")
        XCTAssertEqual(runs.first?.command, "import")
        XCTAssertEqual(runs.first?.files, [input])
        XCTAssertEqual(runs.first?.units, 1)

        // A unit exported from another memory keeps no run of that memory.
        let other = TranslationMemoryStore(path: path("other"))
        let again = try MemoryImporter.importFiles([XCTUnwrap(report.writtenTo)], into: other, user: "dewi")
        let copied = try XCTUnwrap(TMXReader.readAll(path: XCTUnwrap(again.writtenTo)).units.first)
        XCTAssertEqual(copied.properties.filter { $0.type == "x-tm-run" }.map(\.value), [try XCTUnwrap(again.run)])
        XCTAssertEqual(copied.property("x-tm-run-user"), "dewi")
    }

    func testTheUserIsTMUserElseTheLoginElseUSER() {
        XCTAssertEqual(MemoryRun.currentUser(environment: ["TM_USER": "siti", "USER": "root"], login: "budi"), "siti")
        XCTAssertEqual(MemoryRun.currentUser(environment: ["USER": "root"], login: "budi"), "budi")
        XCTAssertEqual(MemoryRun.currentUser(environment: ["TM_USER": "", "USER": "root"], login: nil), "root")
        XCTAssertTrue(MemoryRun.isID("20240501T101500Z-0a1b2c"))
        XCTAssertFalse(MemoryRun.isID("20240501T101500Z-0A1B2C"))
        XCTAssertFalse(MemoryRun.isID("20240501T101500Z-0a1b2"))
        XCTAssertFalse(MemoryRun.isID("2024-05-01-0a1b2c"))
    }

    // MARK: - Undo, byte for byte

    func testUndoInAFolderMemoryLeavesItAsBefore() throws {
        let memory = TranslationMemoryStore(path: path("TMX"))
        _ = try importRun([pairs([("satu", "one")], name: "first.tsv")], into: memory)
        let before = try snapshot(memory.path)
        let id = try importRun([pairs([("dua", "two"), ("tiga", "three")])], into: memory)
        XCTAssertNotEqual(try snapshot(memory.path), before)
        let report = try MemoryRemoval.undo(run: id, in: memory)
        XCTAssertEqual(report.units.count, 2)
        XCTAssertEqual(report.deletedFiles.count, 1)
        XCTAssertEqual(try snapshot(memory.path), before, "the TMX files and the journal are as before the run")
    }

    /// Single files in UTF-8 (a CAT tool's, with its own layout), UTF-16 LE and BE, one with an
    /// empty `<body/>`, and one the run created.
    func testUndoInASingleFileMemoryGivesBackEveryByte() throws {
        let emptyBody = "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en\" srclang=\"id\" datatype=\"plaintext\"/>\n<body />\n</tmx>\n"
        let utf16 = TMXAppendTests.foreign.replacingOccurrences(of: "UTF-8", with: "UTF-16")
        let files: [(String, Data?)] = [
            ("trados.tmx", Data(TMXAppendTests.foreign.utf8)),
            ("utf16le.tmx", TMXFixtures.utf16LittleEndian(utf16)),
            ("utf16be.tmx", TMXFixtures.utf16BigEndian(utf16)),
            ("crlf.tmx", Data(TMXAppendTests.foreign.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
            ("empty.tmx", Data(emptyBody.utf8)),
            ("new.tmx", nil),
        ]
        let input = try pairs([("Ekspor naik 5 persen.", "Exports rose 5 percent."), ("Harga ş naik.", "Prices rose.")])
        for (name, data) in files {
            if let data { _ = try write(name, data) }
            let memory = TranslationMemoryStore(path: path(name))
            XCTAssertTrue(memory.isSingleFile)
            let id = try importRun([input], into: memory)
            XCTAssertEqual(try TMXReader.readAll(path: memory.path).units.filter { $0.property("x-tm-run") == id }.count, 2, name)
            let report = try MemoryRemoval.undo(run: id, in: memory)
            XCTAssertEqual(report.units.count, 2, name)
            if let data {
                XCTAssertEqual(try bytes(memory.path), data, "\(name) is byte for byte as before")
            } else {
                XCTAssertFalse(FileManager.default.fileExists(atPath: memory.path), "the file the run created is gone")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: memory.path + ".runs.jsonl"), name)
        }
    }

    /// Two runs: undoing the first keeps the second; undoing the second then gives the original.
    func testUndoingTheFirstOfTwoRunsKeepsTheSecond() throws {
        let file = try write("memory.tmx", Data(TMXAppendTests.foreign.utf8))
        let memory = TranslationMemoryStore(path: file)
        let first = try importRun([pairs([("satu", "one")], name: "a.tsv")], into: memory)
        let afterFirst = try bytes(file)
        let second = try importRun([pairs([("dua", "two")], name: "b.tsv")], into: memory)
        _ = try MemoryRemoval.undo(run: first, in: memory)
        let units = try TMXReader.readAll(path: file).units
        XCTAssertEqual(units.compactMap { $0.variant(for: .english)?.segment.plainText }, ["Inflation fell.", "two"])
        XCTAssertEqual(try memory.runs().map(\.id), [second])
        XCTAssertNotEqual(try bytes(file), afterFirst)
        _ = try MemoryRemoval.undo(run: second, in: memory)
        XCTAssertEqual(try bytes(file), Data(TMXAppendTests.foreign.utf8))
    }

    /// A TMX whose header holds a note and a prop (and, for `second`, other ones).
    private func tmxWithHeader(_ name: String, note: String, prop: String, unit: (String, String)) throws -> String {
        try write(name, Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="memoQ" creationtoolversion="9" segtype="sentence" o-tmf="memoQ" \
            adminlang="en" srclang="id" datatype="plaintext"><note>\(note)</note><prop type="x-client">\(prop)</prop></header>
            <body><tu><tuv xml:lang="id"><seg>\(unit.0)</seg></tuv><tuv xml:lang="en"><seg>\(unit.1)</seg></tuv></tu></body></tmx>

            """.utf8))
    }

    /// An import into a single file adds the imported header's notes and props to the file's
    /// header; undoing the run takes them out again, whether the header was `<header>…</header>`
    /// or an empty `<header/>`, UTF-8 or UTF-16.
    func testUndoTakesOutTheHeaderItemsTheRunAdded() throws {
        let emptyHeader = "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en\" srclang=\"id\" datatype=\"plaintext\"/>\n<body>\n</body>\n</tmx>\n"
        let utf16 = TMXAppendTests.foreign.replacingOccurrences(of: "UTF-8", with: "UTF-16")
        let files: [(String, Data)] = [
            ("trados.tmx", Data(TMXAppendTests.foreign.utf8)),
            ("utf16le.tmx", TMXFixtures.utf16LittleEndian(utf16)),
            ("empty-header.tmx", Data(emptyHeader.utf8)),
        ]
        let imported = try tmxWithHeader("agency.tmx", note: "Klien: ANTARA", prop: "ANTARA", unit: ("Ekspor naik.", "Exports rose."))
        for (name, data) in files {
            let file = try write(name, data)
            let memory = TranslationMemoryStore(path: file)
            let id = try importRun([imported], into: memory)
            let header = try TMXReader(path: file).header
            XCTAssertTrue(header.notes.contains { $0.text == "Klien: ANTARA" }, "\(name): the imported header's note is kept")
            XCTAssertTrue(header.properties.contains { $0.type == "x-client" && $0.value == "ANTARA" }, name)
            _ = try MemoryRemoval.undo(run: id, in: memory)
            XCTAssertEqual(try bytes(file), data, "\(name) is byte for byte as before, header included")
        }
    }

    /// Two runs that each added header items: the later one can be undone first, then the earlier
    /// one, and the file is as it was. Undoing the earlier one first works when its items are still
    /// as it wrote them, and is refused, with nothing changed, when they are not.
    func testUndoOfHeaderItemsInEitherOrderOrRefused() throws {
        let original = Data(TMXAppendTests.foreign.utf8)
        let file = try write("memory.tmx", original)
        let memory = TranslationMemoryStore(path: file)
        let first = try importRun([tmxWithHeader("a.tmx", note: "Klien: A", prop: "A", unit: ("satu", "one"))], into: memory)
        let second = try importRun([tmxWithHeader("b.tmx", note: "Klien: B", prop: "B", unit: ("dua", "two"))], into: memory)
        _ = try MemoryRemoval.undo(run: first, in: memory)
        var header = try TMXReader(path: file).header
        XCTAssertFalse(header.notes.contains { $0.text == "Klien: A" })
        XCTAssertTrue(header.notes.contains { $0.text == "Klien: B" })
        _ = try MemoryRemoval.undo(run: second, in: memory)
        XCTAssertEqual(try bytes(file), original)

        // The run's header note edited by hand: refused, nothing changed.
        let third = try importRun([tmxWithHeader("c.tmx", note: "Klien: C", prop: "C", unit: ("tiga", "three"))], into: memory)
        let edited = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "Klien: C", with: "Klien: X")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: file))
        XCTAssertThrowsError(try MemoryRemoval.undo(run: third, in: memory)) { error in
            XCTAssertEqual((error as? TMError)?.kind, .runHeaderChanged(id: third))
        }
        XCTAssertEqual(try bytes(file), Data(edited.utf8))
        header = try TMXReader(path: file).header
        XCTAssertTrue(header.notes.contains { $0.text == "Klien: X" })
    }

    // MARK: - Refusals

    func testUndoRefusesWhenTheRunsUnitsChanged() throws {
        let memory = TranslationMemoryStore(path: path("TMX"))
        let id = try importRun([pairs([("satu", "one"), ("dua", "two")])], into: memory)
        let file = try XCTUnwrap(memory.tmxFiles().first)
        let edited = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: ">two<", with: ">TWO<")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: file))
        let before = try snapshot(memory.path)
        XCTAssertThrowsError(try MemoryRemoval.undo(run: id, in: memory)) { error in
            XCTAssertEqual((error as? TMError)?.kind, .runChanged(id: id, stored: 2, found: 2))
        }
        XCTAssertThrowsError(try MemoryRemoval.remove(UnitSelection(run: id), from: memory, apply: false))
        XCTAssertEqual(try snapshot(memory.path), before)

        // A unit taken out by hand: the count tells.
        let lessOne = edited.replacingOccurrences(of: #"<tu [^>]*>\s*<prop type="x-document">pairs.tsv:2</prop>[\s\S]*?</tu>"#, with: "",
                                                  options: .regularExpression)
        XCTAssertNotEqual(lessOne, edited)
        try Data(lessOne.utf8).write(to: URL(fileURLWithPath: file))
        XCTAssertThrowsError(try MemoryRemoval.undo(run: id, in: memory)) { error in
            XCTAssertEqual((error as? TMError)?.kind, .runChanged(id: id, stored: 2, found: 1))
        }
        XCTAssertThrowsError(try MemoryRemoval.undo(run: "20200101T000000Z-000000", in: memory)) { error in
            XCTAssertEqual((error as? TMError)?.kind, .noSuchRun(id: "20200101T000000Z-000000"))
        }
    }

    // MARK: - Remove

    func testRemoveTakesOutExactlyTheSelectionAndKeepsEveryOtherByte() throws {
        let original = TMXAppendTests.foreign
        let file = try write("trados.tmx", Data(original.utf8))
        let memory = TranslationMemoryStore(path: file)
        let dry = try MemoryRemoval.remove(UnitSelection(source: "  Inflasi turun. "), from: memory, apply: false)
        XCTAssertEqual(dry.units.map(\.target), ["Inflation fell."])
        XCTAssertFalse(dry.removed)
        XCTAssertEqual(try bytes(file), Data(original.utf8), "a dry run changes nothing")

        let done = try MemoryRemoval.remove(UnitSelection(source: "Inflasi turun."), from: memory, apply: true)
        XCTAssertTrue(done.removed)
        XCTAssertEqual(done.changedFiles, [file])
        let unit = "\n\t<tu tuid=\"1\" creationid=\"SITI\"><tuv xml:lang=\"id-ID\"><seg>Inflasi turun.</seg></tuv><tuv xml:lang=\"en-US\"><seg>Inflation fell.</seg></tuv></tu>"
        XCTAssertTrue(original.contains(unit))
        XCTAssertEqual(String(decoding: try bytes(file), as: UTF8.self), original.replacingOccurrences(of: unit, with: ""))
        XCTAssertEqual(try MemoryRemoval.remove(UnitSelection(source: "Inflasi turun."), from: memory, apply: true).units, [])
    }

    /// Units of a run removed one by one: the journal follows, and undo takes the rest (and the
    /// file the run wrote, once empty).
    func testRemovingSomeOfARunsUnitsLeavesTheRestToUndo() throws {
        let memory = TranslationMemoryStore(path: path("TMX"))
        let before = try snapshot(memory.path)
        let id = try importRun([pairs([("satu", "one"), ("dua", "two"), ("tiga", "three")])], into: memory)
        let report = try MemoryRemoval.remove(UnitSelection(target: "two", creator: "budi"), from: memory, apply: true)
        XCTAssertEqual(report.units.map(\.run), [id])
        XCTAssertEqual(try memory.runs().first?.units, 2)
        XCTAssertEqual(try MemoryRemoval.remove(UnitSelection(creator: "nobody"), from: memory, apply: true).units, [])
        let undone = try MemoryRemoval.undo(run: id, in: memory)
        XCTAssertEqual(undone.units.compactMap(\.target), ["one", "three"])
        XCTAssertEqual(try snapshot(memory.path), before)
    }

    // MARK: - Atomicity

    /// A writer killed after committing (the intent in place) and before finishing: the next
    /// writer carries the change out before anything else, so the memory is as after.
    func testACommittedChangeIsCarriedOutByTheNextWriter() throws {
        let memory = TranslationMemoryStore(path: path("TMX"))
        _ = try importRun([pairs([("satu", "one")], name: "a.tsv")], into: memory)
        let id = try importRun([pairs([("dua", "two")], name: "b.tsv")], into: memory)
        let before = try snapshot(memory.path)
        let runFile = try XCTUnwrap(memory.tmxFiles().first { $0.contains("import-b") })
        var journal = try RunJournal.read(memory)
        journal.remove(id)
        var commit = FileCommit(intent: memory.commitIntent)
        try commit.remove(runFile)
        try journal.stage(into: &commit)
        XCTAssertTrue(try commit.writeIntent())
        // Killed here: nothing carried out yet.
        XCTAssertEqual(try snapshot(memory.path).filter { !$0.key.hasPrefix(".tm-commit") && !$0.key.contains(".tmp-") }, before)
        _ = try memory.lock()
        XCTAssertFalse(FileManager.default.fileExists(atPath: runFile))
        XCTAssertFalse(FileManager.default.fileExists(atPath: memory.commitIntent))
        XCTAssertEqual(try memory.runs().count, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: memory.path).filter { $0.contains(".tmp-") }, [])
    }
}
