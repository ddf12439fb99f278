/// A 128-bit fingerprint of a unit's texts (each variant's primary language and plain text in
/// Unicode NFC, in language order, so NFD and NFC spellings are the same unit) used to find exact duplicates without holding every text in memory: a million
/// units cost 16 MB of keys. Two independent FNV-1a 64-bit hashes; a false duplicate needs both to
/// collide (odds about 1 in 10^38 per pair).
public struct UnitKey: Hashable, Sendable {
    let first: UInt64
    let second: UInt64

    /// The key as 32 lowercase hex digits: a column a database can hold a uniqueness constraint on
    /// (`tm serve` keys its units by it, so a shared memory drops the same duplicates as a folder).
    public var hex: String {
        func digits(_ value: UInt64) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }
        return digits(first) + digits(second)
    }

    /// A fingerprint of the whole unit: attributes, props, notes, and every variant with its markup.
    public init(wholeUnit unit: TranslationUnit) {
        var a: UInt64 = 0x6c62_272e_07bb_0142
        var b: UInt64 = 0x1f83_d9ab_fb41_bd6b
        func mix(_ text: String) {
            for byte in text.utf8 {
                a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                b = (b ^ UInt64(byte ^ 0x5A)) &* 0x0000_0100_0000_01B3
                b = b &+ (b >> 29)
            }
            a = (a ^ 0x1F) &* 0x0000_0100_0000_01B3
            b = (b ^ 0x45) &* 0x0000_0100_0000_01B3
        }
        func mixInline(_ content: [InlineContent]) {
            for piece in content {
                switch piece {
                case .text(let text): mix("t"); mix(TextNormalization.nfc(text))
                case .element(let element):
                    mix("<" + element.name)
                    for attribute in element.attributes { mix(attribute.name); mix(attribute.value) }
                    mixInline(element.children)
                    mix(">")
                }
            }
        }
        for attribute in unit.attributes { mix(attribute.name); mix(attribute.value) }
        for property in unit.properties { mix("p" + property.type); mix(property.value) }
        for note in unit.notes { mix("n"); mix(note.text) }
        for variant in unit.variants {
            mix("v" + variant.language)
            for attribute in variant.attributes { mix(attribute.name); mix(attribute.value) }
            for property in variant.properties { mix("p" + property.type); mix(property.value) }
            for note in variant.notes { mix("n"); mix(note.text) }
            mixInline(variant.segment.content)
        }
        first = a
        second = b
    }

    public init(_ unit: TranslationUnit) {
        var parts = unit.variants.map { ($0.languageCode.primary, TextNormalization.nfc($0.segment.plainText)) }
        parts.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        func mix(_ byte: UInt8) {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte ^ 0x5A)) &* 0x0000_0100_0000_01B3
            b = b &+ (b >> 29)
        }
        for (language, text) in parts {
            for byte in language.utf8 { mix(byte) }
            mix(0x1F)
            for byte in text.utf8 { mix(byte) }
            mix(0x1E)
        }
        first = a
        second = b
    }
}
