import Foundation
import XCTest

/// The outside programs end-to-end tests drive (xmllint, OmegaT, Python packages, Chromium).
/// A missing one skips the test on a developer machine and fails it when `CI` is set: CI
/// installs them all (see `.ci/run` and `Tests/interop-requirements.txt`).
enum OutsideTools {
    /// Skips (on a developer machine) or fails (on CI) when something the test needs is missing.
    static func missing(_ what: String) -> Error { Interop.missing(what) }

    /// A program on PATH, or `missing`.
    static func tool(_ name: String) throws -> URL { try Interop.tool(name) }

    /// Runs `program` with its output in files; kills it after `timeout` seconds (a hung JVM or
    /// browser must not hang the suite).
    static func run(_ program: URL, _ arguments: [String], timeout: TimeInterval) throws -> TMResult {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            process.waitUntilExit()
            throw ToolFailure(message: "\(program.lastPathComponent) did not finish within \(Int(timeout)) s")
        }
        return TMResult(status: process.terminationStatus,
                        stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                        stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}

struct ToolFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
