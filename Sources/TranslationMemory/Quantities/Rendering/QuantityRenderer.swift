import Foundation

/// Writes a quantity in a language's news style: the query's value, in the form the stored
/// target already uses where it has one.
///
///     let query = QuantityRecognizer(language: .indonesian).quantities(in: "senilai 4,75 juta dolar AS")[0]
///     QuantityRenderer().render(query, in: .english)                    // "US$4.75 million"
///     QuantityRenderer().render(query, in: .english, like: storedTarget) // "4.75 million U.S. dollars"
///                                                                       // when the target wrote "3.2 million U.S. dollars"
///
/// From the stored target's quantity (`like`) it keeps: the currency's side and spelling (the
/// spelling only for the same currency), an abbreviated scale, a `%` sign or the word, a unit's
/// symbol or word, month abbreviations or numeric dates, day-first or month-first order, the
/// clock (24-hour or a.m./p.m.), its marker (`pukul`, `jam`), day-period and zone spellings, a
/// word or figure ordinal, a word or figure count, and the letter case. Everything else follows
/// `NewsStyle`. Works both ways, Indonesian → English and English → Indonesian.
public struct QuantityRenderer: Sendable {
    public var indonesian: NewsStyle
    public var english: NewsStyle

    public init(indonesian: NewsStyle = .antaraIndonesian, english: NewsStyle = .antaraEnglish) {
        self.indonesian = indonesian
        self.english = english
    }

    public func style(_ language: ArticleLanguage) -> NewsStyle { language == .indonesian ? indonesian : english }

    /// `quantity` written in `language`.
    /// - Parameter target: the stored target's corresponding quantity, in `language`, whose form
    ///   is kept; nil to follow the style alone. A target of another kind is ignored.
    /// - Complexity: O(1) for a quantity of bounded length.
    public func render(_ quantity: Quantity, in language: ArticleLanguage, like target: Quantity? = nil) -> String {
        let style = self.style(language)
        let target = target.flatMap { $0.kind == quantity.kind ? $0 : nil }
        let letterCase = target?.form.letterCase ?? quantity.form.letterCase
        switch quantity.kind {
        case .number, .range:
            return amounts(quantity, target: target, style: style, letterCase: letterCase, prefix: nil)
        case .money:
            return money(quantity, target: target, style: style, letterCase: letterCase)
        case .percent:
            return percent(quantity, target: target, style: style, letterCase: letterCase)
        case .measure:
            return measure(quantity, target: target, style: style, letterCase: letterCase)
        case .year:
            let years = quantity.value.amounts.map { "\($0.value)" }
            return years.joined(separator: connector(quantity, target: target, style: style))
        case .ordinal:
            return ordinal(quantity, target: target, style: style, letterCase: letterCase)
        case .weekday:
            guard let weekday = quantity.value.weekday else { return quantity.text }
            return Self.cased(CalendarVocabulary.weekdayNames[language]![weekday.rawValue - 1], letterCase)
        case .date:
            return date(quantity, target: target, style: style, letterCase: letterCase)
        case .time:
            return time(quantity, target: target, style: style)
        }
    }

    /// The connector of a range: the target's, else the query's; a dash stays, a word becomes
    /// the style's word.
    func connector(_ quantity: Quantity, target: Quantity?, style: NewsStyle) -> String {
        let written = target?.form.rangeConnector ?? quantity.form.rangeConnector ?? "-"
        if ["-", "–", "—", "/"].contains(written) { return written }
        return " " + style.rangeWord + " "
    }

    /// One amount, or a range of two, with `prefix` (a currency) before each figure when the
    /// range is joined by a word (`Rp2 trillion to Rp3 trillion`) and before the first alone when
    /// by a dash (`Rp2-3 trillion`).
    private func amounts(_ quantity: Quantity, target: Quantity?, style: NewsStyle, letterCase: LetterCase, prefix: String?) -> String {
        let values = quantity.value.amounts
        guard let first = values.first else { return quantity.text }
        func one(_ amount: QuantityAmount, _ index: Int) -> String {
            let targetAmount = target?.value.amounts.indices.contains(index) == true ? target?.value.amounts[index] : target?.value.amounts.first
            return self.amount(amount, form: quantity.form, target: target?.form, targetAmount: targetAmount, style: style, letterCase: letterCase)
        }
        let head = prefix ?? ""
        guard values.count == 2 else { return head + one(first, 0) }
        let joiner = connector(quantity, target: target, style: style)
        if joiner.hasPrefix(" ") { return head + one(first, 0) + joiner + head + one(values[1], 1) }
        if first.scale == values[1].scale, first.scale != nil, !(first.scale == .thousand && style.thousandsAsFigures) {
            var bare = first
            bare.scale = nil
            return head + self.amount(bare, form: quantity.form, target: nil, targetAmount: nil, style: style, letterCase: letterCase)
                + joiner + one(values[1], 1)
        }
        return head + one(first, 0) + joiner + one(values[1], 1)
    }

    private func money(_ quantity: Quantity, target: Quantity?, style: NewsStyle, letterCase: LetterCase) -> String {
        guard let code = quantity.value.currency else { return quantity.text }
        let spellings = CurrencyVocabulary.byCode[code]?.spellings(style.language)
        var position = target?.form.unit?.position ?? spellings?.preferred ?? .before
        var spelling: String
        var attached: Bool
        if let unit = target?.form.unit, target?.value.currency == code {
            spelling = unit.spelling
            attached = unit.attached
        } else {
            let side = position == .before ? spellings?.before : spellings?.after
            if let first = side?.first {
                spelling = first
            } else {
                position = .before
                spelling = spellings?.before.first ?? code
            }
            attached = position == .before && CurrencyVocabulary.attaches(spelling)
        }
        if position == .before {
            return amounts(quantity, target: target, style: style, letterCase: letterCase, prefix: spelling + (attached ? "" : " "))
        }
        let amount = amounts(quantity, target: target, style: style, letterCase: letterCase, prefix: nil)
        if let plural = spellings?.plural, spelling == spellings?.after.first,
           quantity.value.amounts.last.map({ $0.value != 1 }) == true {
            spelling = plural
        }
        return amount + " " + Self.cased(spelling, letterCase == .upper ? .upper : .lower)
    }

    private func percent(_ quantity: Quantity, target: Quantity?, style: NewsStyle, letterCase: LetterCase) -> String {
        let amount = amounts(quantity, target: target, style: style, letterCase: letterCase, prefix: nil)
        let unit = target?.form.unit ?? quantity.form.unit
        if let unit, unit.symbol {
            let sign = target?.form.unit?.spelling ?? (QuantityVocabulary.percentSpellings[style.language]?.first { $0.1 && $0.0 == unit.spelling }?.0 ?? "%")
            return amount + (unit.attached ? "" : " ") + sign
        }
        let word = target?.form.unit?.spelling ?? QuantityVocabulary.percentSpellings[style.language]!.first!.0
        return amount + " " + Self.cased(word, letterCase == .upper ? .upper : .lower)
    }

    private func measure(_ quantity: Quantity, target: Quantity?, style: NewsStyle, letterCase: LetterCase) -> String {
        guard let unit = quantity.value.unit, let entry = MeasureVocabulary.byUnit[unit] else { return quantity.text }
        let spellings = entry.spellings(style.language)
        let amount = amounts(quantity, target: target, style: style, letterCase: letterCase, prefix: nil)
        let plural = quantity.value.amounts.last.map { $0.value != 1 } ?? true
        let sameUnit = target?.value.unit == unit ? target?.form.unit : nil
        let written = sameUnit ?? quantity.form.unit
        var spelling: String
        if let sameUnit, sameUnit.symbol {
            spelling = sameUnit.spelling
        } else if sameUnit == nil, written?.symbol == true, let symbol = spellings.symbols.first {
            spelling = symbol
        } else {
            // A word: the target's own (in the number the amount needs), else the first listed.
            let index = sameUnit.flatMap { unit in
                (spellings.words.firstIndex { $0.lowercased() == unit.spelling.lowercased() })
                    ?? (spellings.plurals.firstIndex { $0.lowercased() == unit.spelling.lowercased() })
            } ?? 0
            let words = plural && !spellings.plurals.isEmpty ? spellings.plurals : spellings.words
            spelling = words.isEmpty ? (spellings.symbols.first ?? "") : words[min(index, words.count - 1)]
        }
        if letterCase == .upper { spelling = spelling.uppercased() }
        let position = written?.position == .after && spellings.before && style.language == .english && sameUnit != nil ? UnitForm.Position.after
            : spellings.before ? .before : .after
        let symbolic = spellings.symbols.contains(spelling)
        switch position {
        case .before:
            return spelling + (symbolic ? "" : " ") + amount
        case .after:
            if let sameUnit, sameUnit.attached, !sameUnit.symbol { return amount + "-" + spelling }
            let glued = symbolic && !(spelling.first?.isLetter ?? true)
            return amount + (glued ? "" : " ") + spelling
        }
    }

    private func ordinal(_ quantity: Quantity, target: Quantity?, style: NewsStyle, letterCase: LetterCase) -> String {
        guard let value = quantity.value.amounts.first.map({ Int(truncating: $0.value as NSNumber) }) else { return quantity.text }
        let words = QuantityVocabulary.ordinalWords[style.language] ?? []
        let wordStyle = target.map { $0.form.numeral.style == .word } ?? (value <= style.ordinalWordsUpTo)
        if wordStyle, value >= 1, value <= words.count {
            return Self.cased(words[value - 1], letterCase)
        }
        if style.language == .indonesian { return Self.cased("ke", letterCase) + "-\(value)" }
        let suffix: String
        switch (value % 10, value % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(value)" + (letterCase == .upper ? suffix.uppercased() : suffix)
    }
}
