import Foundation

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
