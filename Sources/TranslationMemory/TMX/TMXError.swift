import Foundation

/// What can go wrong reading or writing TMX. Every message names the file, and the line where
/// there is one, as `path:line: message`.
public enum TMXError: LocalizedError, Sendable, Equatable {
    /// The file is not well-formed XML (truncated, binary, bad encoding, entity tricks).
    case malformed(XMLProblem)
    /// Well-formed XML, but not a TMX document (wrong root element, no body).
    case notTMX(path: String, line: Int, reason: String)
    /// The file could not be written.
    case writeFailed(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .malformed(let problem):
            return problem.description
        case .notTMX(let path, let line, let reason):
            return line > 0 ? "\(path):\(line): not a TMX file: \(reason)" : "\(path): not a TMX file: \(reason)"
        case .writeFailed(let path, let reason):
            return "\(path): cannot write: \(reason)"
        }
    }
}

/// A unit the reader passed over, and why: it is reported, never silently dropped.
public struct SkippedUnit: Sendable, Codable, Hashable {
    public var path: String
    public var line: Int
    public var reason: String

    public init(path: String, line: Int, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }
}
