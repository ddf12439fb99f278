import ArgumentParser
import Foundation
import TranslationMemory

/// Where the CLI writes: results to stdout, diagnostics to stderr.
enum Output {
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// True when stderr is a terminal (progress bars only then).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Exit status 2: the command finished, but some input was skipped or found wanting.
    static let finishedWithProblems = ExitCode(2)

    /// Reports skipped units on stderr, at most `limit` of them.
    static func reportSkipped(_ skipped: [SkippedUnit], limit: Int = 20) {
        for item in skipped.prefix(limit) { error("\(item.path):\(item.line): skipped: \(item.reason)") }
        if skipped.count > limit { error("… and \(skipped.count - limit) more skipped") }
    }
}
