/// A language code as CAT tools write it (`id`, `id-ID`, `ID`, `in`, `in-ID`, `en-US`, `EN-GB`),
/// compared by primary subtag, case-insensitively, with Indonesian's legacy ISO 639 code `in`
/// taken as `id` (OmegaT and older Java tools still write `in`).
public struct LanguageCode: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The code as written.
    public let raw: String

    public init(_ raw: String) {
        self.raw = raw
    }

    public static let indonesian = LanguageCode("id")
    public static let english = LanguageCode("en")

    /// The primary subtag, lower-cased, with `in` mapped to `id` (and `iw`/`ji` to `he`/`yi`).
    public var primary: String {
        let utf8 = raw.utf8
        let end = utf8.firstIndex { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") } ?? utf8.endIndex
        let head = Substring(raw.utf8[utf8.startIndex..<end])
        let lower = head.utf8.contains { $0 >= 65 && $0 <= 90 } ? head.lowercased() : String(head)
        switch lower {
        case "in": return "id"
        case "iw": return "he"
        case "ji": return "yi"
        case let other: return other
        }
    }

    /// The canonical BCP 47 spelling: `id-ID`, `en-US`, `zh-Hant-TW`, `in_id` → `id-ID`.
    public var normalized: String {
        if isCanonicalPair { return raw }
        let parts = raw.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        // A code without a primary subtag (`-UnSe`, `_en`) is kept as written: normalising it
        // would give "", and a unit with an empty xml:lang is skipped by every later read.
        guard !parts.isEmpty, !primary.isEmpty else { return raw }
        var out = [primary]
        for part in parts.dropFirst() {
            if part.count == 2 && part.allSatisfy(\.isLetter) {
                out.append(part.uppercased())
            } else if part.count == 4 && part.allSatisfy(\.isLetter) {
                out.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())
            } else {
                out.append(part.lowercased())
            }
        }
        return out.joined(separator: "-")
    }

    /// True for `ll` and `ll-RR` already in canonical form (`id`, `id-ID`, `en-US`): the common case,
    /// which `normalized` then returns without splitting and joining (a tenth of `tm import`'s time).
    private var isCanonicalPair: Bool {
        var bytes = raw.utf8.makeIterator()
        let count = raw.utf8.count
        guard count == 2 || count == 5, let first = bytes.next(), let second = bytes.next(),
              (97...122).contains(first), (97...122).contains(second) else { return false }
        switch (first, second) {
        case (105, 110), (105, 119), (106, 105): return false // in, iw, ji: legacy codes to map
        default: break
        }
        guard count == 5 else { return true }
        guard let dash = bytes.next(), let third = bytes.next(), let fourth = bytes.next() else { return false }
        return dash == UInt8(ascii: "-") && (65...90).contains(third) && (65...90).contains(fourth)
    }

    /// Same language (primary subtag), whatever the region and case.
    public func matches(_ other: LanguageCode) -> Bool {
        // Every unit's variants are matched by language when a memory is read or indexed: the
        // usual ASCII codes are compared without making the two subtags' strings.
        if let mine = packedPrimary, let theirs = other.packedPrimary { return mine != 0 && mine == theirs }
        return !primary.isEmpty && primary == other.primary
    }

    /// `primary`'s bytes packed into an integer (the first in the lowest byte) when it is at most
    /// 8 ASCII bytes other than NUL; 0 for an empty subtag; nil otherwise.
    private var packedPrimary: UInt64? {
        var packed: UInt64 = 0
        var count = 0
        for byte in raw.utf8 {
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") { break }
            guard byte > 0 && byte < 0x80, count < 8 else { return nil }
            let lower = byte >= 65 && byte <= 90 ? byte | 0x20 : byte
            packed |= UInt64(lower) << (8 * UInt64(count))
            count += 1
        }
        switch packed {
        case LanguageCode.packedLegacy.in: return LanguageCode.packedLegacy.id
        case LanguageCode.packedLegacy.iw: return LanguageCode.packedLegacy.he
        case LanguageCode.packedLegacy.ji: return LanguageCode.packedLegacy.yi
        default: return packed
        }
    }

    /// The legacy codes `primary` maps, and what it maps them to, packed.
    private static let packedLegacy = (in: pack("in"), id: pack("id"), iw: pack("iw"), he: pack("he"), ji: pack("ji"), yi: pack("yi"))

    private static func pack(_ code: StaticString) -> UInt64 {
        var packed: UInt64 = 0
        code.withUTF8Buffer { bytes in
            for (index, byte) in bytes.enumerated() { packed |= UInt64(byte) << (8 * UInt64(index)) }
        }
        return packed
    }

    public var description: String { raw }
}
