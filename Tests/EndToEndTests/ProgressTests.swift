import Foundation
import XCTest

/// Progress bars: on stderr, on a terminal only (script(1) gives one), never with --json.
final class ProgressTests: XCTestCase {
    /// `tm ARGUMENTS` run on a pseudo-terminal, stdout thrown away: what the terminal shows is stderr.
    func onTerminal(_ arguments: [String], in folder: URL) throws -> TMResult {
        let script = try Interop.tool("script")  // fails on CI when missing, skips elsewhere
        let command = ([TMProcess.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ") + " >/dev/null"
        return try TMProcess.runProgram(script, ["-qec", command, "/dev/null"], in: folder)
    }

    func testBarsOnATerminalOnlyAndNeverWithJSON() throws {
        guard TMProcess.which("script") != nil else { return XCTFail("script(1) (util-linux, essential on Debian) is missing") }
        let folder = try LookupCommandTests.memoryFolder(self)
        let (id, en) = try AlignCommandTests.write(folder)
        let tmx = folder.appendingPathComponent("TMX/news.tmx").path
        let index = folder.appendingPathComponent("TMX/.tm-index")
        let operations: [(label: String, arguments: [String])] = [
            ("indexing", ["lookup", "kemitraan strategis"]),
            ("importing", ["import", "--tm", "Other", tmx]),
            ("exporting", ["export", "--out", "out.tmx"]),
            ("reading", ["stats"]),
            ("reading", ["glossary", "suggest", "--min-count", "1"]),
            ("reading the memory", ["align", "--dry-run", id, en]),
        ]
        for (label, arguments) in operations {
            for json in [false, true] {
                try? FileManager.default.removeItem(at: index)
                try? FileManager.default.removeItem(at: folder.appendingPathComponent("Other"))
                let result = try onTerminal(arguments + (json ? ["--json"] : []), in: folder)
                XCTAssertEqual(result.status, 0, "\(arguments): \(result.stdout)")
                XCTAssertEqual(result.stdout.contains("\r\(label) ["), !json, "\(arguments) json: \(json): \(result.stdout.debugDescription)")
                if !json { XCTAssertTrue(result.stdout.contains("\r\u{1B}[K"), "the bar is erased at the end: \(result.stdout.debugDescription)") }
            }
            try? FileManager.default.removeItem(at: index)
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("Other"))
            let offTerminal = try TMProcess.run(arguments, in: folder)
            XCTAssertEqual(offTerminal.status, 0, offTerminal.stderr)
            XCTAssertFalse(offTerminal.stderr.contains("["), "no bar off a terminal: \(offTerminal.stderr)")
            XCTAssertFalse(offTerminal.stderr.contains("\r"), offTerminal.stderr)
        }
    }

    /// The indexing bar of a one-file memory fills by the bytes read: it ends full, not empty.
    func testIndexingBarFillsForOneFile() throws {
        guard TMProcess.which("script") != nil else { return XCTFail("script(1) (util-linux, essential on Debian) is missing") }
        let folder = try LookupCommandTests.memoryFolder(self)
        let result = try onTerminal(["lookup", "kemitraan strategis"], in: folder)
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertTrue(result.stdout.contains("indexing [########################] 100% · TMX/news.tmx · 3 units"), result.stdout.debugDescription)
    }
}
