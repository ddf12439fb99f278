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
}
