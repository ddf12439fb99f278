import Foundation
import XCTest

/// Runs the built `tm` binary, as a user would, and captures what it prints.
struct TMResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum TMProcess {
    /// The `tm` executable next to the test bundle (SwiftPM puts products in one folder).
    static var executable: URL {
        var folder = Bundle(for: BundleLocator.self).bundleURL
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("tm")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return Bundle(for: BundleLocator.self).bundleURL.deletingLastPathComponent().appendingPathComponent("tm")
    }

    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], stdin: String? = nil) throws -> TMResult {
        try runProgram(executable, arguments, in: directory, environment: environment, stdin: stdin)
    }

    /// Runs any program (xmllint, python3, omegat) with a clean NO_COLOR environment.
    static func runProgram(_ program: URL, _ arguments: [String], in directory: URL? = nil,
                           environment: [String: String] = [:], stdin: String? = nil) throws -> TMResult {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "TM_PATH")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let outFile = FileManager.default.temporaryDirectory.appendingPathComponent("tm-out-\(UUID().uuidString)")
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("tm-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outFile)
            try? FileManager.default.removeItem(at: errFile)
        }
        process.standardOutput = try FileHandle(forWritingTo: outFile)
        process.standardError = try FileHandle(forWritingTo: errFile)
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return TMResult(status: process.terminationStatus,
                        stdout: String(decoding: try Data(contentsOf: outFile), as: UTF8.self),
                        stderr: String(decoding: try Data(contentsOf: errFile), as: UTF8.self))
    }

    /// The full path of a program on PATH, or nil.
    static func which(_ name: String) -> URL? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// A fresh temporary folder, removed at the end of the test.
    static func temporaryFolder(_ testCase: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tm-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        testCase.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

private final class BundleLocator {}
