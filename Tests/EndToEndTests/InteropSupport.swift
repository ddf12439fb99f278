import Foundation
import XCTest

/// What the interop tests share: finding the outside tools and `../shared`, and the TMX 1.4b DTD
/// check. A missing tool skips the test on a developer machine and fails it when `CI` is set
/// (CI installs them all: see `.ci/run`).
enum Interop {
    static var onCI: Bool {
        let value = ProcessInfo.processInfo.environment["CI"] ?? ""
        return !value.isEmpty && value != "false" && value != "0"
    }

    /// Skips (on a developer machine) or fails (on CI) when something the test needs is missing.
    static func missing(_ what: String) -> Error {
        if onCI { return InteropFailure(message: "\(what) is missing on CI (CI is set; .ci/run installs it)") }
        return XCTSkip("\(what) is not available; CI runs this test")
    }

    static func tool(_ name: String) throws -> URL {
        guard let url = TMProcess.which(name) else { throw missing("`\(name)`") }
        return url
    }

    /// `python3` that can import translate-toolkit (and so lxml, which it is built on).
    static func translateToolkit() throws -> URL {
        let python = try tool("python3")
        let probe = try TMProcess.runProgram(python, ["-c", "import translate.storage.tmx"])
        guard probe.status == 0 else { throw missing("translate-toolkit (pip install translate-toolkit)") }
        return python
    }

    /// The package's root folder (this file is Tests/EndToEndTests/InteropSupport.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file of `../shared` beside the package (the project's read-only specs and corpora).
    static func shared(_ relative: String) throws -> URL {
        let url = packageRoot.appendingPathComponent("../shared/" + relative).standardizedFileURL
        guard FileManager.default.fileExists(atPath: url.path) else { throw missing(url.path) }
        return url
    }

    static func validateAgainstDTD(_ file: URL, line: UInt = #line, _ source: StaticString = #filePath) throws {
        let xmllint = try tool("xmllint")
        let dtd = try shared("spec/tmx14.dtd")
        let result = try TMProcess.runProgram(xmllint, ["--noout", "--nonet", "--dtdvalid", dtd.path, file.path])
        XCTAssertEqual(result.status, 0, "\(file.lastPathComponent) is not valid TMX 1.4b:\n\(result.stderr)", file: source, line: line)
    }
}

struct InteropFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
