/// An XML attribute as it appeared in the file, kept in document order so that a round trip
/// writes it back unchanged.
public struct XMLAttribute: Sendable, Codable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
