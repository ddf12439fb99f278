/// Dotted acronyms read as one word, so that `U.S.` meets `US` and `AS`: the aligner and its
/// lexicon fold text here before `WordTokenizer` splits it.
public enum AbbreviationFolding {
    /// `text` with the full stops of its dotted acronyms removed (`U.S.` → `US`, `U.S.A.` →
    /// `USA`). A dotted acronym is a run of two or more capitals A–Z, each followed by a full stop,
    /// that does not continue a word (a letter or a combining mark before it). Only ASCII capitals
    /// count: `É.U.` and `С.Ш.А.` are left alone. Text without one is returned as it is.
    ///
    /// - Complexity: O(n) in the length of the text.
    public static func fold(_ text: String) -> String {
        var text = text
        // Any acronym holds the bytes `X.Y.`; most sentences have none and cost one byte scan.
        let hasCandidate = text.withUTF8 { bytes -> Bool in
            guard bytes.count >= 4 else { return false }
            for index in 0...(bytes.count - 4)
            where isCapital(bytes[index]) && bytes[index + 1] == 0x2E && isCapital(bytes[index + 2]) && bytes[index + 3] == 0x2E {
                return true
            }
            return false
        }
        guard hasCandidate else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if index == 0 || !continuesWord(scalars[index - 1]) {
                var end = index
                while end + 1 < scalars.count, scalars[end].isASCII, isCapital(UInt8(scalars[end].value)), scalars[end + 1] == "." { end += 2 }
                if end - index >= 4 {
                    for k in stride(from: index, to: end, by: 2) { out.append(scalars[k]) }
                    index = end
                    continue
                }
            }
            out.append(scalars[index])
            index += 1
        }
        return String(out)
    }

    @inline(__always) static func isCapital(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// A letter or a combining mark: an acronym does not start inside a word (`pU.S.`).
    @inline(__always) static func continuesWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
        return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
    }
}
