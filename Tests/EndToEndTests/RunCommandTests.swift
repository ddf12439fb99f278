import Foundation
import XCTest

/// `tm log`, `tm undo` and `tm remove` as a translator runs them (issue 10, item 3).
final class RunCommandTests: XCTestCase {
    private let user = ["TM_USER": "siti"]

    private func write(_ folder: URL, _ name: String, _ data: Data) throws -> String {
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// Every file of a memory folder (or the single file and what lies beside it), with its bytes;
    /// the lock and the index aside.
    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
        where !name.hasSuffix(".lock") && !name.contains(".tm-index") {
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[name] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return result
    }

    private func json(_ result: TMResult) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout + result.stderr)
    }

    private func importRun(_ arguments: [String], in folder: URL, as name: String = "siti") throws -> String {
        let result = try TMProcess.run(["import", "--json"] + arguments, in: folder, environment: ["TM_USER": name])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(json(result)["run"] as? String, result.stdout)
    }

    func testImportLogUndoLeavesTheMemoryAsBefore() throws {
        let folder = try TMProcess.temporaryFolder(self)
        _ = try write(folder, "first.tsv", Data("awal\tstart\n".utf8))
        _ = try write(folder, "pairs.tsv", Data("kemitraan strategis\tstrategic partnership\nuji coba\ttrial\n".utf8))
        _ = try importRun(["first.tsv"], in: folder)
        let before = try snapshot(folder.appendingPathComponent("TMX"))

        let text = try TMProcess.run(["import", "pairs.tsv"], in: folder, environment: user)
        XCTAssertEqual(text.status, 0, text.stderr)
        let id = try XCTUnwrap(text.stdout.split(separator: "\n").last { $0.hasPrefix("run ") }?.split(separator: " ")[1]).description
        XCTAssertEqual(text.stdout.split(separator: "\n").last, "run \(id) (tm undo \(id) takes it back)")

        let log = try TMProcess.run(["log"], in: folder)
        XCTAssertEqual(log.status, 0, log.stderr)
        let lines = log.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].hasPrefix(id + "  "), log.stdout)
        XCTAssertTrue(lines[0].hasSuffix("  siti  import  2 units  pairs.tsv"), log.stdout)
        let logJSON = try json(try TMProcess.run(["log", "--json"], in: folder))
        let runs = try XCTUnwrap(logJSON["runs"] as? [[String: Any]])
        XCTAssertEqual(Set(runs[0].keys), ["id", "date", "user", "command", "files", "units"])
        XCTAssertEqual(runs[0]["id"] as? String, id)
        XCTAssertEqual(runs[0]["units"] as? Int, 2)
        XCTAssertEqual(runs[0]["files"] as? [String], ["pairs.tsv"])

        let undo = try TMProcess.run(["undo", id], in: folder)
        XCTAssertEqual(undo.status, 0, undo.stderr)
        XCTAssertTrue(undo.stdout.hasPrefix("undone: run \(id) (import by siti, "), undo.stdout)
        XCTAssertEqual(try snapshot(folder.appendingPathComponent("TMX")), before)
        XCTAssertEqual(try TMProcess.run(["log"], in: folder).stdout.split(separator: "\n").count, 1)
        let again = try TMProcess.run(["undo", id], in: folder)
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.stderr, "Error: no run \(id) in this memory (tm log lists its runs)\n")
        XCTAssertEqual(try TMProcess.run(["undo", "yesterday"], in: folder).status, 64)
    }

    /// A CAT tool's single file, in UTF-8 and in UTF-16: undo gives back every byte.
    func testUndoInSingleFileMemoriesGivesBackEveryByte() throws {
        let folder = try TMProcess.temporaryFolder(self)
        _ = try write(folder, "pairs.tsv", Data("Ekspor naik 5 persen.\tExports rose 5 percent.\nHarga naik.\tPrices rose.\n".utf8))
        let tmx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- from a CAT tool -->
            <tmx version="1.4">
            <header creationtool="OmegaT" creationtoolversion="6" o-tmf="OmegaT" datatype="plaintext" segtype="sentence" adminlang="EN-US" srclang="ID"/>
            <body>
            \t<tu><tuv lang="ID"><seg>Inflasi turun.</seg></tuv><tuv lang="EN-US"><seg>Inflation fell.</seg></tuv></tu>
            </body>
            </tmx>

            """
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(tmx.replacingOccurrences(of: "UTF-8", with: "UTF-16").data(using: .utf16LittleEndian)!)
        for (name, data) in [("utf8.tmx", Data(tmx.utf8)), ("utf16.tmx", utf16)] {
            let memory = try write(folder, name, data)
            let id = try importRun(["--tm", memory, "pairs.tsv"], in: folder)
            XCTAssertNotEqual(try Data(contentsOf: URL(fileURLWithPath: memory)), data)
            let undo = try TMProcess.run(["undo", "--tm", memory, id], in: folder)
            XCTAssertEqual(undo.status, 0, undo.stderr)
            XCTAssertTrue(undo.stdout.hasSuffix("removed 2 units from \(memory)\n"), undo.stdout)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: memory)), data, name)
            XCTAssertFalse(FileManager.default.fileExists(atPath: memory + ".runs.jsonl"))
        }
    }

    /// `tm align` is a run too: its units carry the run and the user, `creationid` stays the
    /// translator from the credits, and undo leaves a folder or a single-file memory as before.
    func testUndoOfAnAlignRunLeavesTheMemoryAsBefore() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let (id, en) = try AlignCommandTests.write(folder)
        _ = try write(folder, "first.tsv", Data("awal\tstart\n".utf8))
        for memory in ["TMX", "memory.tmx"] {
            _ = try importRun(["--tm", memory, "first.tsv"], in: folder, as: "budi")
            let before = try snapshot(folder)
            let result = try TMProcess.run(["align", id, en, "--tm", memory, "--format", "json"], in: folder, environment: user)
            XCTAssertEqual(result.status, 0, result.stderr)
            let report = try json(result)
            let run = try XCTUnwrap(report["run"] as? String)
            XCTAssertEqual(report["stored"] as? Int, 7)
            let written = try XCTUnwrap(report["writtenTo"] as? String, memory)
            let stored = try String(contentsOfFile: folder.appendingPathComponent(written).path, encoding: .utf8)
            XCTAssertEqual(stored.components(separatedBy: "<prop type=\"x-tm-run\">\(run)</prop>").count - 1, 7)
            XCTAssertEqual(stored.components(separatedBy: "<prop type=\"x-tm-run-user\">siti</prop>").count - 1, 7)
            XCTAssertTrue(stored.contains("creationid=\"Siti Rahmawati\""))
            let log = try TMProcess.run(["log", "--tm", memory], in: folder)
            XCTAssertTrue(log.stdout.hasPrefix(run), log.stdout)
            XCTAssertTrue(log.stdout.split(separator: "\n")[0].hasSuffix("siti  align  7 units  \(id) \(en)"), log.stdout)

            let undo = try TMProcess.run(["undo", "--tm", memory, run], in: folder)
            XCTAssertEqual(undo.status, 0, undo.stderr)
            XCTAssertEqual(try snapshot(folder), before, memory)
        }
    }

    /// A unit edited after the run (here by hand): undo and remove --run refuse, exit 1, and change nothing.
    func testUndoRefusesWhenTheRunsUnitsWereEdited() throws {
        let folder = try TMProcess.temporaryFolder(self)
        _ = try write(folder, "pairs.tsv", Data("kemitraan strategis\tstrategic partnership\nuji coba\ttrial\n".utf8))
        let memory = folder.appendingPathComponent("memory.tmx").path
        let id = try importRun(["--tm", memory, "pairs.tsv"], in: folder)
        let edited = try String(contentsOfFile: memory, encoding: .utf8).replacingOccurrences(of: ">trial<", with: ">trial run<")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: memory))
        for arguments in [["undo", id], ["remove", "--run", id, "--yes"], ["remove", "--run", id]] {
            let result = try TMProcess.run(arguments + ["--tm", memory], in: folder)
            XCTAssertEqual(result.status, 1, "\(arguments)")
            XCTAssertEqual(result.stderr, "Error: run \(id) stored 2 units, but its units were edited after it (by hand or by another tool); nothing was removed\n")
            XCTAssertEqual(try String(contentsOfFile: memory, encoding: .utf8), edited)
        }
    }

    func testRemovePrintsTheSelectionAndRemovesItOnlyWithYes() throws {
        let folder = try TMProcess.temporaryFolder(self)
        _ = try write(folder, "a.tsv", Data("satu\tone\ndua\ttwo\n".utf8))
        _ = try write(folder, "b.tsv", Data("tiga\tthree\n".utf8))
        let memory = folder.appendingPathComponent("memory.tmx").path
        _ = try importRun(["--tm", memory, "a.tsv"], in: folder)
        let second = try importRun(["--tm", memory, "b.tsv"], in: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: memory))

        let dry = try TMProcess.run(["remove", "--tm", memory, "--target", " two "], in: folder)
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.hasPrefix("would remove 1 unit:\n\n  dua\n        → two\n"), dry.stdout)
        XCTAssertTrue(dry.stdout.hasSuffix("nothing changed; run again with --yes to remove them\n"), dry.stdout)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: memory)), before)

        let done = try TMProcess.run(["remove", "--tm", memory, "--target", "two", "--yes"], in: folder)
        XCTAssertEqual(done.status, 0, done.stderr)
        XCTAssertTrue(done.stdout.hasPrefix("removed 1 unit:\n"), done.stdout)
        let after = try String(contentsOfFile: memory, encoding: .utf8)
        XCTAssertFalse(after.contains("<seg>two</seg>"))
        XCTAssertTrue(after.contains("<seg>one</seg>") && after.contains("<seg>three</seg>"))
        // Exactly that unit's bytes (and the layout before it) are gone.
        var expected = String(decoding: before, as: UTF8.self)
        expected.removeSubrange(try XCTUnwrap(expected.range(of: #"\n    <tu [^>]*>\s*<prop type="x-document">a.tsv:2</prop>[\s\S]*?</tu>"#,
                                                             options: .regularExpression)))
        XCTAssertEqual(after, expected)

        let nothing = try TMProcess.run(["remove", "--tm", memory, "--source", "empat"], in: folder)
        XCTAssertEqual(nothing.status, 0)
        XCTAssertEqual(nothing.stdout, "nothing to remove\n")
        XCTAssertEqual(try TMProcess.run(["remove", "--tm", memory], in: folder).status, 64)

        // Two runs: taking back the first keeps the second.
        let log = try json(try TMProcess.run(["log", "--json", "--tm", memory], in: folder))
        let first = try XCTUnwrap((log["runs"] as? [[String: Any]])?.last?["id"] as? String)
        XCTAssertEqual(((log["runs"] as? [[String: Any]])?.last?["units"] as? Int), 1)
        XCTAssertEqual(try TMProcess.run(["undo", "--tm", memory, first], in: folder).status, 0)
        let kept = try String(contentsOfFile: memory, encoding: .utf8)
        XCTAssertTrue(kept.contains("<seg>three</seg>") && !kept.contains("<seg>one</seg>"), kept)
        XCTAssertEqual(try json(try TMProcess.run(["log", "--json", "--tm", memory], in: folder))["runs"].flatMap { $0 as? [[String: Any]] }?
            .compactMap { $0["id"] as? String }, [second])
    }

    /// `kill -9` while undo writes the new memory file: the memory is as it was, and the next
    /// writer removes the temporary file; the undo then goes through. (The file runs past line
    /// 65,535, beyond which libxml2's line numbers are no longer exact.)
    func testAKilledUndoLeavesTheMemoryAsItWas() throws {
        let folder = try TMProcess.temporaryFolder(self)
        var rows = ""
        // Long rows: a file over 8 MB, so that the scans give pages back as they go.
        let padding = String(repeating: " dan seterusnya", count: 20)
        for row in 0..<15000 { rows += "kalimat nomor \(row) dalam berkas besar\(padding)\tsentence number \(row) in a big file\(padding)\n" }
        _ = try write(folder, "big.tsv", Data(rows.utf8))
        _ = try write(folder, "first.tsv", Data("awal\tstart\n".utf8))
        let memory = folder.appendingPathComponent("memory.tmx").path
        _ = try importRun(["--tm", memory, "first.tsv"], in: folder)
        let original = try Data(contentsOf: URL(fileURLWithPath: memory))
        let id = try importRun(["--tm", memory, "big.tsv"], in: folder)
        let before = try snapshot(folder)
        let temporaryFiles = { (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.contains(".tmp-") } ?? [] }

        let process = Process()
        process.executableURL = TMProcess.executable
        process.arguments = ["undo", "--tm", memory, id]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once its temporary file exists: mid-write, provably.
        var seen = false
        while process.isRunning {
            if !temporaryFiles().isEmpty {
                seen = true
                break
            }
            usleep(1_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertTrue(seen, "no temporary file was seen while the undo ran")
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "the undo finished before it could be killed")
        XCTAssertEqual(try snapshot(folder).filter { !$0.key.contains(".tmp-") }, before, "the memory is as it was")

        XCTAssertGreaterThan(try XCTUnwrap(FileManager.default.attributesOfItem(atPath: memory)[.size] as? Int), 8 << 20)
        let undo = try TMProcess.run(["undo", "--tm", memory, id], in: folder)
        XCTAssertEqual(undo.status, 0, undo.stderr)
        XCTAssertEqual(temporaryFiles(), [])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: memory)), original)
    }
}
