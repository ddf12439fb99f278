import Foundation

/// Byte-level helpers over UTF-8 text for the segmenter: white space, quotes and brackets, and
/// letter case of the scalar at a position. Everything works on `UnsafeBufferPointer<UInt8>` so
/// that the hot loop never touches `String.Index`.
enum SegmenterBytes {
    typealias Buffer = UnsafeBufferPointer<UInt8>

    /// The length in bytes of the white-space scalar at `i` (space, tab, line ends, NBSP,
    /// U+2000–U+200A, U+202F, U+205F, U+3000), or 0.
    @inline(__always)
    static func spaceLength(_ p: Buffer, _ i: Int, _ end: Int) -> Int {
        let b = p[i]
        if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C { return 1 }
        if b < 0x80 { return 0 }
        if b == 0xC2, i + 1 < end, p[i + 1] == 0xA0 { return 2 }
        if b == 0xE2, i + 2 < end, p[i + 1] == 0x80, (0x80...0x8A).contains(p[i + 2]) || p[i + 2] == 0xAF { return 3 }
        if b == 0xE2, i + 2 < end, p[i + 1] == 0x81, p[i + 2] == 0x9F { return 3 }
        if b == 0xE3, i + 2 < end, p[i + 1] == 0x80, p[i + 2] == 0x80 { return 3 }
        return 0
    }

    /// Skips white space forward from `i`.
    @inline(__always)
    static func skipSpace(_ p: Buffer, _ i: Int, _ end: Int) -> Int {
        var k = i
        while k < end {
            let n = spaceLength(p, k, end)
            if n == 0 { break }
            k += n
        }
        return k
    }

    /// Moves `end` back over trailing white space (never below `start`).
    static func trimEnd(_ p: Buffer, _ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start {
            let b = p[e - 1]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C { e -= 1; continue }
            if b == 0xA0, e - 2 >= start, p[e - 2] == 0xC2 { e -= 2; continue }
            if e - 3 >= start, spaceLength(p, e - 3, e) == 3 { e -= 3; continue }
            break
        }
        return e
    }

    /// Length of a closing quote or bracket at `i` (`"` `'` `)` `]` `}` `”` `’` `»` `›`), or 0.
    @inline(__always)
    static func closerLength(_ p: Buffer, _ i: Int, _ end: Int) -> Int {
        let b = p[i]
        if b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D || b == 0x7D { return 1 }
        if b == 0xC2, i + 1 < end, p[i + 1] == 0xBB { return 2 }
        if b == 0xE2, i + 2 < end, p[i + 1] == 0x80, p[i + 2] == 0x9D || p[i + 2] == 0x99 || p[i + 2] == 0xBA { return 3 }
        return 0
    }

    /// Length of an opening quote or bracket at `i` (`"` `'` `(` `[` `“` `‘` `„` `«` `‹`), or 0.
    @inline(__always)
    static func openerLength(_ p: Buffer, _ i: Int, _ end: Int) -> Int {
        let b = p[i]
        if b == 0x22 || b == 0x27 || b == 0x28 || b == 0x5B || b == 0x7B { return 1 }
        if b == 0xC2, i + 1 < end, p[i + 1] == 0xAB { return 2 }
        if b == 0xE2, i + 2 < end, p[i + 1] == 0x80, p[i + 2] == 0x9C || p[i + 2] == 0x98 || p[i + 2] == 0x9E || p[i + 2] == 0xB9 { return 3 }
        return 0
    }

    /// True when the byte at `i` is `…` (U+2026, E2 80 A6).
    @inline(__always)
    static func isEllipsis(_ p: Buffer, _ i: Int, _ end: Int) -> Bool {
        p[i] == 0xE2 && i + 2 < end && p[i + 1] == 0x80 && p[i + 2] == 0xA6
    }

    /// Decodes the scalar starting at `i` (the text is valid UTF-8: it came from a `String`).
    @inline(__always)
    static func scalar(_ p: Buffer, _ i: Int, _ end: Int) -> (Unicode.Scalar, Int) {
        let b = p[i]
        if b < 0x80 { return (Unicode.Scalar(b), 1) }
        var value: UInt32
        var length: Int
        if b >= 0xF0 { value = UInt32(b & 0x07); length = 4 } else if b >= 0xE0 { value = UInt32(b & 0x0F); length = 3 } else { value = UInt32(b & 0x1F); length = 2 }
        var k = 1
        while k < length, i + k < end {
            value = value << 6 | UInt32(p[i + k] & 0x3F)
            k += 1
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    enum LetterCase { case upper, lower, digit, other }

    @inline(__always)
    static func letterCase(_ p: Buffer, _ i: Int, _ end: Int) -> LetterCase {
        let b = p[i]
        if b >= 0x41 && b <= 0x5A { return .upper }
        if b >= 0x61 && b <= 0x7A { return .lower }
        if b >= 0x30 && b <= 0x39 { return .digit }
        if b < 0x80 { return .other }
        let properties = scalar(p, i, end).0.properties
        if properties.isUppercase || (properties.changesWhenLowercased && !properties.isLowercase) { return .upper }
        if properties.isLowercase { return .lower }
        if properties.numericType != nil { return .digit }
        return .other
    }

    /// True for a byte that can be part of a word (ASCII letters and digits, any non-ASCII byte).
    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b >= 0x80
    }
}

extension SegmenterBytes {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Non-zero when some byte of `v` is zero (the classic SWAR test, Mycroft 1987).
    @inline(__always)
    static func hasZeroByte(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }

    /// The first position in `i..<end` that may hold a sentence terminator (`.` `?` `!` or the
    /// lead byte of `…`), scanning eight bytes at a time; `end` when there is none.
    @inline(__always)
    static func nextCandidate(_ p: Buffer, _ i: Int, _ end: Int) -> Int {
        var k = i
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            while k + 8 <= end {
                let v = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
                let hit = hasZeroByte(v ^ (ones &* 0x2E)) | hasZeroByte(v ^ (ones &* 0x3F))
                    | hasZeroByte(v ^ (ones &* 0x21)) | hasZeroByte(v ^ (ones &* 0xE2))
                if hit != 0 { break }
                k += 8
            }
        }
        while k < end {
            let b = p[k]
            if b == 0x2E || b == 0x3F || b == 0x21 || b == 0xE2 { return k }
            k += 1
        }
        return end
    }

    /// The position of the next line feed in `i..<end`, or `end`.
    @inline(__always)
    static func nextLineFeed(_ p: Buffer, _ i: Int, _ end: Int) -> Int {
        guard i < end, let base = p.baseAddress else { return end }
        guard let found = memchr(base + i, 0x0A, end - i) else { return end }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}

/// Converts byte offsets into scalar offsets, scanning forward (offsets asked in increasing
/// order cost O(n) in all; a backward request restarts from the beginning).
struct SegmenterScalarCounter {
    private var byte = 0
    private var scalars = 0

    mutating func offset(_ p: UnsafeBufferPointer<UInt8>, byte target: Int) -> Int {
        if target < byte { byte = 0; scalars = 0 }
        var b = byte
        var s = scalars
        if let base = p.baseAddress {
            // Eight bytes at a time: a continuation byte is 10xxxxxx.
            let raw = UnsafeRawPointer(base)
            while b + 8 <= target {
                let v = raw.loadUnaligned(fromByteOffset: b, as: UInt64.self)
                let continuation = v & ~(v << 1) & 0x8080_8080_8080_8080
                s += 8 - continuation.nonzeroBitCount
                b += 8
            }
        }
        while b < target {
            if p[b] & 0xC0 != 0x80 { s += 1 }
            b += 1
        }
        byte = b
        scalars = s
        return s
    }
}
