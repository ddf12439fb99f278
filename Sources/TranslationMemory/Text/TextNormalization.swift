import Foundation

/// Unicode normalisation, in one place: text saved in NFD (macOS, some CMSs) must key, index and
/// compare like the same text in NFC. Applied where text becomes keys: `WordToken.normalized`
/// (so the fuzzy score, the index, the concordance, the glossary and the aligner) and `UnitKey`
/// (duplicates); stored text stays as given.
public enum TextNormalization {
    /// `text` in Unicode Normalization Form C. Text that is already NFC is returned as it is; text
    /// with no scalar from U+0300 up (ASCII, Latin-1, Latin Extended: all Indonesian and English
    /// news text) is NFC by definition and costs one byte scan.
    ///
    /// - Complexity: O(n) in the length of the text.
    public static func nfc(_ text: String) -> String {
        if isNFCByQuickCheck(text) { return text }
        let normalized = text.precomposedStringWithCanonicalMapping
        return normalized.utf8.elementsEqual(text.utf8) ? text : normalized
    }

    /// True when every scalar is below U+0300: each of those is its own NFC form and none combines
    /// with the one before it (combining marks start at U+0300). In UTF-8 those are exactly the
    /// texts with no byte from 0xCC up: U+02FF is `CB BF`, and continuation bytes are below 0xC0.
    static func isNFCByQuickCheck(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0xCC } }
    }
}
