import Foundation

/// Reads figures written in either convention. Indonesian groups thousands with `.` and marks
/// decimals with `,` (`1.500.000,50`); English the other way round (`1,500,000.50`). Only one
/// case is ambiguous: a single separator followed by exactly three digits (`1.500`, `1,500`),
/// which the text's language decides (Indonesian `1.500` is 1500, English `1.500` is 1.5).
/// Every other figure says its convention itself: two separators of a kind group thousands,
/// two different ones put the decimal mark last, and a single one before one, two or four digits
/// is a decimal mark (`2.5` in Indonesian copy is 2.5, written the English way).
enum NumeralParser {
    /// The value and form of `text` (digits with `.` and `,` between them); nil when the
    /// separators are not a figure in any convention (`1.2,3`, `1.50.000`).
    /// - Complexity: O(n) in the length of `text`.
    static func parse(_ text: String, language: ArticleLanguage) -> (value: Decimal, form: NumeralForm)? {
        // A figure as the lexer makes it (ASCII digits and separators): read from its bytes, which
        // are its characters; `Array(text)` would split it into grapheme clusters first.
        if text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2C || $0 == 0x3A }) {
            return parseFigure(Array(text.utf8), language: language)
        }
        return parseCharacters(text, language: language)
    }

    /// `parse` over the text's characters: any text.
    static func parseCharacters(_ text: String, language: ArticleLanguage) -> (value: Decimal, form: NumeralForm)? {
        let chars = Array(text)
        let separators = chars.indices.filter { chars[$0] == "." || chars[$0] == "," }
        guard !chars.contains(":") else { return nil }
        if separators.isEmpty {
            return Decimal(string: text).map { ($0, NumeralForm()) }
        }
        let dots = separators.filter { chars[$0] == "." }.count
        let commas = separators.count - dots
        var decimalMark: Character?
        if dots > 0 && commas > 0 {
            decimalMark = chars[separators.last!]
            guard separators.dropLast().allSatisfy({ chars[$0] != decimalMark }) else { return nil }
        } else if separators.count == 1 {
            let mark = chars[separators[0]]
            let after = chars.count - separators[0] - 1
            let head = separators[0]
            let groupingLooksRight = after == 3 && head <= 3 && chars[0] != "0"
            if groupingLooksRight {
                let languageGroupsWith: Character = language == .indonesian ? "." : ","
                decimalMark = mark == languageGroupsWith ? nil : mark
            } else {
                decimalMark = mark
            }
        }
        let groupMark: Character? = decimalMark == nil ? chars[separators[0]] : (dots > 0 && commas > 0 ? (decimalMark == "." ? "," : ".") : nil)
        let decimalIndex = decimalMark.flatMap { mark in separators.last.flatMap { chars[$0] == mark ? $0 : nil } }
        let integerPart = Array(chars[..<(decimalIndex ?? chars.count)])
        let fractionPart = decimalIndex.map { Array(chars[($0 + 1)...]) } ?? []
        // Groups: 1–3 digits, then threes.
        if let groupMark {
            let groups = integerPart.split(separator: groupMark, omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let digits = String(integerPart.filter(\.isNumber)) + (fractionPart.isEmpty ? "" : "." + String(fractionPart))
        guard let value = Decimal(string: digits) else { return nil }
        let mark = decimalMark ?? (groupMark == "." ? "," : ".")
        let convention: NumberConvention = mark == "," ? .indonesian : .english
        return (value, NumeralForm(style: .digits, convention: convention, grouped: groupMark != nil, fractionDigits: fractionPart.count))
    }

    /// `parse` of a figure made of ASCII digits, `.`, `,` and `:` (every figure the lexer reads),
    /// the same rules over bytes: what reading every figure of a memory costs is mostly here.
    static func parseFigure(_ bytes: [UInt8], language: ArticleLanguage) -> (value: Decimal, form: NumeralForm)? {
        let dot = UInt8(ascii: "."), comma = UInt8(ascii: ",")
        guard !bytes.contains(UInt8(ascii: ":")) else { return nil }
        var separators: [Int] = []
        var dots = 0
        for (index, byte) in bytes.enumerated() where byte == dot || byte == comma {
            separators.append(index)
            if byte == dot { dots += 1 }
        }
        if separators.isEmpty {
            return decimal(integer: bytes[...], fraction: []).map { ($0, NumeralForm()) }
        }
        let commas = separators.count - dots
        var decimalMark: UInt8?
        if dots > 0 && commas > 0 {
            let mark = bytes[separators.last!]
            guard separators.dropLast().allSatisfy({ bytes[$0] != mark }) else { return nil }
            decimalMark = mark
        } else if separators.count == 1 {
            let mark = bytes[separators[0]]
            let after = bytes.count - separators[0] - 1
            let head = separators[0]
            if after == 3 && head <= 3 && bytes[0] != UInt8(ascii: "0") {
                let languageGroupsWith = language == .indonesian ? dot : comma
                decimalMark = mark == languageGroupsWith ? nil : mark
            } else {
                decimalMark = mark
            }
        }
        let groupMark: UInt8? = decimalMark == nil ? bytes[separators[0]] : (dots > 0 && commas > 0 ? (decimalMark == dot ? comma : dot) : nil)
        let decimalIndex = decimalMark.flatMap { mark in separators.last.flatMap { bytes[$0] == mark ? $0 : nil } }
        let integerPart = bytes[..<(decimalIndex ?? bytes.count)]
        let fractionPart = decimalIndex.map { bytes[($0 + 1)...] } ?? []
        // Groups: 1–3 digits, then threes.
        if let groupMark {
            let groups = integerPart.split(separator: groupMark, omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        guard let value = decimal(integer: integerPart, fraction: fractionPart) else { return nil }
        let mark = decimalMark ?? (groupMark == dot ? comma : dot)
        let convention: NumberConvention = mark == comma ? .indonesian : .english
        return (value, NumeralForm(style: .digits, convention: convention, grouped: groupMark != nil, fractionDigits: fractionPart.count))
    }

    /// The value of the digits of `integer` (separators skipped) and of `fraction`, as
    /// `Decimal(string: "integer.fraction")` reads it: built from a `UInt64` when there are at
    /// most 18 digits (no string parsing, which Foundation does slowly), else by that parse.
    static func decimal(integer: ArraySlice<UInt8>, fraction: ArraySlice<UInt8>) -> Decimal? {
        var significand: UInt64 = 0
        var digits = 0
        for byte in integer where byte >= 0x30 && byte <= 0x39 {
            significand = significand &* 10 &+ UInt64(byte - 0x30)
            digits += 1
        }
        for byte in fraction {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            significand = significand &* 10 &+ UInt64(byte - 0x30)
            digits += 1
        }
        guard digits > 0 else { return nil }
        if digits <= 18 {
            return Decimal(sign: .plus, exponent: -fraction.count, significand: Decimal(significand))
        }
        let text = String(decoding: integer.filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self)
            + (fraction.isEmpty ? "" : "." + String(decoding: fraction, as: UTF8.self))
        return Decimal(string: text)
    }
}
