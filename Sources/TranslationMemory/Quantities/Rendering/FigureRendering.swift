import Foundation

/// Figures and amounts in a news style: separators, grouping, decimals, scale words, number words.
extension QuantityRenderer {
    /// `value` with `fractionDigits` decimals in `style`'s convention, grouped from
    /// `style.groupsFrom` up when `grouped`.
    static func figure(_ value: Decimal, fractionDigits: Int, grouped: Bool, style: NewsStyle) -> String {
        var source = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &source, fractionDigits, .plain)
        let plain = "\(rounded.magnitude)"
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        var integer = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.count < fractionDigits { fraction += "0" }
        if grouped && rounded.magnitude >= style.groupsFrom {
            var groups: [Substring] = []
            var end = integer.endIndex
            while end > integer.startIndex {
                let start = integer.index(end, offsetBy: -3, limitedBy: integer.startIndex) ?? integer.startIndex
                groups.insert(integer[start..<end], at: 0)
                end = start
            }
            integer = groups.joined(separator: style.separators.group)
        }
        let sign = rounded < 0 ? "-" : ""
        return sign + integer + (fraction.isEmpty ? "" : style.separators.decimal + fraction)
    }

    /// An amount: the figure (a word, a fraction, digits) and its scale word.
    /// - Parameters:
    ///   - form: how the query wrote it; `target`: how the stored target wrote its own amount.
    func amount(_ amount: QuantityAmount, form: QuantityForm, target: QuantityForm?, targetAmount: QuantityAmount?,
                style: NewsStyle, letterCase: LetterCase) -> String {
        let numeral = form.numeral
        if numeral.style == .fraction, let fraction = numeral.fraction {
            return "\(fraction[0])/\(fraction[1])" + scaleSuffix(amount.scale, form: form, target: target, style: style, letterCase: letterCase)
        }
        var scale = amount.scale
        if scale == .thousand && style.thousandsAsFigures { scale = nil }
        let figure = scale == nil ? amount.value : amount.figure
        let wantsWord = (target?.numeral.style ?? numeral.style) == .word
        let words = QuantityVocabulary.numberWords[style.language] ?? []
        if wantsWord, Self.isWhole(figure), figure >= 1, figure <= Decimal(min(style.numberWordsUpTo, words.count)) {
            let word = Self.cased(words[Int(truncating: figure as NSNumber) - 1], letterCase)
            return word + scaleSuffix(scale, form: form, target: target, style: style, letterCase: letterCase)
        }
        var decimals = numeral.fractionDigits
        if scale == nil, let written = amount.scale { decimals = max(0, decimals - written.rawValue) }
        // Grouped unless the target wrote a figure of four digits or more without separators.
        let targetUngrouped = target.map { !$0.numeral.grouped && $0.numeral.style == .digits } == true
            && (targetAmount.map { ($0.scale == nil ? $0.value : $0.figure) >= style.groupsFrom } ?? false)
        let digits = Self.figure(figure, fractionDigits: decimals, grouped: !targetUngrouped, style: style)
        return digits + scaleSuffix(scale, form: form, target: target, style: style, letterCase: letterCase)
    }

    /// ` triliun`, ` trillion`, `bn`: a word unless the target abbreviates (its own spelling
    /// when it names the same scale).
    private func scaleSuffix(_ scale: QuantityScale?, form: QuantityForm, target: QuantityForm?, style: NewsStyle,
                             letterCase: LetterCase) -> String {
        guard let scale, let spellings = QuantityVocabulary.renderedScales[style.language]?[scale] else { return "" }
        guard let targetScale = target?.scale, targetScale.style == .abbreviation else {
            return " " + Self.cased(spellings.word, letterCase == .upper ? .upper : .lower)
        }
        let known = QuantityVocabulary.scaleSpellings[style.language]?.first { $0.0 == targetScale.spelling.lowercased() }
            ?? QuantityVocabulary.exactScaleSpellings[style.language]?.first { $0.0 == targetScale.spelling }
        let spelling = known?.1.scale == scale ? targetScale.spelling : spellings.abbreviation
        return (targetScale.attached ? "" : " ") + spelling
    }

    static func isWhole(_ value: Decimal) -> Bool {
        var source = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &source, 0, .plain)
        return rounded == value
    }

    /// `word` in `letterCase`; `.lower` leaves it as listed (`Agustus` keeps its capital).
    static func cased(_ word: String, _ letterCase: LetterCase) -> String {
        switch letterCase {
        case .lower: return word
        case .upper: return word.uppercased()
        case .capitalized: return word.prefix(1).uppercased() + word.dropFirst()
        }
    }
}
