/// A set of word shapes (`QuantityLexicon.shape(of:)`: length, first and last byte), a bit
/// each: 4 KiB, where a table of `Bool`s took 32 KiB and its look-ups, made for every word of
/// every text an index build reads, missed the first-level cache.
struct ShapeSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: QuantityLexicon.shapeCount / 64)

    mutating func insert(_ shape: Int) {
        bits[shape >> 6] |= 1 << UInt64(shape & 63)
    }

    /// Whether `shape` is in the set.
    /// - Complexity: O(1).
    @inline(__always)
    subscript(_ shape: Int) -> Bool {
        bits[shape >> 6] & (1 << UInt64(shape & 63)) != 0
    }
}
