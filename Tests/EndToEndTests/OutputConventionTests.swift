import Foundation
import XCTest

/// The CLI's shared conventions: `--format` with `--json` as its alias, `--from` codes, colours.
final class OutputConventionTests: XCTestCase {
    func testFormatJSONPrintsWhatJSONPrints() throws {
        let folder = try LookupCommandTests.memoryFolder(self)
        for arguments in [["lookup", "kemitraan strategis"], ["stats"]] {
            let flag = try TMProcess.run(arguments + ["--json"], in: folder)
            let option = try TMProcess.run(arguments + ["--format", "json"], in: folder)
            let both = try TMProcess.run(arguments + ["--json", "--format", "json"], in: folder)
            XCTAssertEqual(flag.status, 0, flag.stderr)
            XCTAssertTrue(flag.stdout.hasPrefix("{"), flag.stdout)
            XCTAssertEqual(option.status, 0, option.stderr)
            XCTAssertEqual(option.stdout, flag.stdout, "\(arguments)")
            XCTAssertEqual(both.stdout, flag.stdout, "\(arguments)")
            let text = try TMProcess.run(arguments + ["--format", "text"], in: folder)
            XCTAssertEqual(text.stdout, try TMProcess.run(arguments, in: folder).stdout, "text is the default")
            XCTAssertFalse(text.stdout.hasPrefix("{"), text.stdout)
        }
    }

    func testJSONWithAnotherFormatIsAUsageError() throws {
        let folder = try LookupCommandTests.memoryFolder(self)
        let stats = try TMProcess.run(["stats", "--json", "--format", "text"], in: folder)
        XCTAssertEqual(stats.status, 64, stats.stderr)
        XCTAssertTrue(stats.stderr.contains("--json and --format text do not go together"), stats.stderr)
        XCTAssertEqual(stats.stdout, "")
        let (id, en) = try AlignCommandTests.write(folder)
        let align = try TMProcess.run(["align", "--dry-run", "--format", "tsv", "--json", id, en], in: folder)
        XCTAssertEqual(align.status, 64, align.stderr)
        XCTAssertEqual(try TMProcess.run(["lookup", "kemitraan", "--format", "tsv"], in: folder).status, 64,
                       "lookup has no tabular form")
        let segment = try TMProcess.run(["segment", "--format", "json", "--sentences-only", id], in: folder)
        XCTAssertEqual(segment.status, 64, segment.stderr)
    }

    func testAlignJSONDryRun() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let (id, en) = try AlignCommandTests.write(folder)
        let result = try TMProcess.run(["align", "--json", "--dry-run", id, en], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(report["stored"] as? Int, 0, "a dry run stores nothing")
        XCTAssertFalse((report["pairs"] as! [[String: Any]]).isEmpty)
        XCTAssertEqual(try TMProcess.run(["align", "--format", "json", "--dry-run", id, en], in: folder).stdout, result.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("TMX").path))
    }

    func testFromTakesAnyIndonesianOrEnglishCode() throws {
        let folder = try LookupCommandTests.memoryFolder(self)
        let indonesian = try TMProcess.run(["lookup", "kemitraan strategis", "--json"], in: folder)
        for code in ["id-ID", "in", "ID"] {
            let result = try TMProcess.run(["lookup", "kemitraan strategis", "--json", "--from", code], in: folder)
            XCTAssertEqual(result.status, 0, "\(code): \(result.stderr)")
            XCTAssertEqual(result.stdout, indonesian.stdout, code)
        }
        let english = try TMProcess.run(["lookup", "strategic partnership", "--json", "--from", "EN-us"], in: folder)
        XCTAssertEqual(english.status, 0, english.stderr)
        XCTAssertEqual(english.stdout, try TMProcess.run(["lookup", "strategic partnership", "--json", "--from", "en"], in: folder).stdout)
        XCTAssertNotEqual(english.stdout, try TMProcess.run(["lookup", "strategic partnership", "--json"], in: folder).stdout)
        for code in ["fr", "", "indonesian"] {
            let result = try TMProcess.run(["lookup", "kemitraan strategis", "--from", code], in: folder)
            XCTAssertEqual(result.status, 64, "\(code.debugDescription): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("--from"), result.stderr)
        }
    }

    /// NO_COLOR empty would allow colours: only the terminal test keeps them out here.
    func testNoColoursOffATerminal() throws {
        let folder = try LookupCommandTests.memoryFolder(self)
        let (id, en) = try AlignCommandTests.write(folder)
        for arguments in [["lookup", "Kemitraan strategis komprehensif di Jakarta"], ["align", "--dry-run", id, en]] {
            let result = try TMProcess.run(arguments, in: folder, environment: ["NO_COLOR": ""])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertFalse(result.stdout.isEmpty)
            XCTAssertFalse(result.stdout.contains("\u{1B}"), result.stdout)
            XCTAssertFalse(result.stderr.contains("\u{1B}"), result.stderr)
        }
    }

    /// On a terminal (script(1) gives one) colours appear, unless NO_COLOR is set.
    func testColoursOnATerminalUnlessNoColor() throws {
        let script = try Interop.tool("script")  // fails on CI when missing, skips elsewhere
        let folder = try LookupCommandTests.memoryFolder(self)
        let command = "'\(TMProcess.executable.path)' lookup 'Kemitraan strategis komprehensif di Jakarta'"
        let coloured = try TMProcess.runProgram(script, ["-qec", command, "/dev/null"], in: folder, environment: ["NO_COLOR": ""])
        XCTAssertEqual(coloured.status, 0, coloured.stderr)
        XCTAssertTrue(coloured.stdout.contains("\u{1B}[1m"), coloured.stdout)
        let plain = try TMProcess.runProgram(script, ["-qec", command, "/dev/null"], in: folder)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(plain.stdout.contains("Fuzzy matches"), plain.stdout)
        XCTAssertFalse(plain.stdout.contains("\u{1B}[1m"), plain.stdout)
    }
}
