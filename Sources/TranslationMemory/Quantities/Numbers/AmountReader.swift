import Foundation

/// A figure with its scale word, as read at some lexeme.
struct AmountRead {
    var amount: QuantityAmount
    var numeral: NumeralForm
    var scale: ScaleForm?
    var end: Int
}

/// A unit read after a figure: a currency word, percent, or a unit of measure.
struct UnitRead {
    enum Unit: Equatable {
        case currency(String)
        case percent
        case measure(MeasureUnit)
    }

    var unit: Unit
    var form: UnitForm
    var end: Int
}

extension QuantityScan {
    /// Unicode fractions read as figures.
    static let vulgarFractions: [String: [Int]] = ["½": [1, 2], "⅓": [1, 3], "⅔": [2, 3], "¼": [1, 4], "¾": [3, 4]]

    /// The figure at `i` (digits, a fraction `1/2`, a number word) and the scale word after it.
    /// Headline scales (`Rp500 M`, `$4.75m`) count only when `money`.
    func readAmount(at i: Int, money: Bool) -> AmountRead? {
        guard i < count else { return nil }
        var figure: Decimal
        var numeral: NumeralForm
        var end = i + 1
        if let numerator = integer(i, digits: 3), isSymbol(i + 1, "/"), attached(i + 1), attached(i + 2),
           let denominator = integer(i + 2, digits: 3), numerator > 0, numerator < denominator, denominator <= 100,
           !(isSymbol(i + 3, "/") && attached(i + 3)) {
            figure = Decimal(numerator) / Decimal(denominator)
            numeral = NumeralForm(style: .fraction, fraction: [numerator, denominator])
            end = i + 3
        } else if isNumber(i) {
            guard let (value, form) = NumeralParser.parse(written(i), language: language) else { return nil }
            figure = value
            numeral = form
            if followsBareDecimalPoint(i), let fraction = Decimal(string: "0." + written(i)) {
                figure = fraction
                numeral = NumeralForm(style: .digits, convention: .english, fractionDigits: width(i))
            }
        } else if lexemes[i].kind == .symbol, let fraction = QuantityScan.vulgarFractions[written(i)] {
            figure = Decimal(fraction[0]) / Decimal(fraction[1])
            numeral = NumeralForm(style: .fraction, fraction: fraction)
        } else if let (number, wordEnd) = readNumberWords(at: i) {
            figure = number
            numeral = NumeralForm(style: .word)
            end = wordEnd
        } else {
            return nil
        }
        var scale: ScaleForm?
        var scaleValue: QuantityScale?
        // `$300+ billion`: more than the figure, at the scale.
        if isSymbol(end, "+"), attached(end), let (word, _) = lexicon.scales.match(self, at: end + 1), word.style == .word { end += 1 }
        if let (word, scaleEnd) = lexicon.scales.match(self, at: end), !word.moneyOnly || money {
            scale = ScaleForm(style: word.style, spelling: text(end, scaleEnd), attached: attached(end))
            scaleValue = word.scale
            end = scaleEnd
        }
        return AmountRead(amount: QuantityAmount(figure: figure, scale: scaleValue), numeral: numeral, scale: scale, end: end)
    }

    /// A currency word, percent, or unit of measure at `j`, right after a figure; a hyphen may
    /// join a unit of measure (`a 5.6-magnitude quake`, `a 10-kilometer walk`).
    func readUnitAfter(at j: Int) -> UnitRead? {
        guard j < count else { return nil }
        if isSymbol(j, "-"), attached(j), attached(j + 1), let (spelling, end) = lexicon.unitsAfter.match(self, at: j + 1) {
            let form = UnitForm(spelling: text(j + 1, end), position: .after, attached: true, symbol: spelling.symbol)
            return UnitRead(unit: .measure(spelling.unit), form: form, end: end)
        }
        if let (symbol, end) = lexicon.percent.match(self, at: j) {
            return UnitRead(unit: .percent, form: UnitForm(spelling: text(j, end), position: .after, attached: attached(j), symbol: symbol), end: end)
        }
        if let (entry, end) = lexicon.currenciesAfter.match(self, at: j) {
            return UnitRead(unit: .currency(entry.code), form: UnitForm(spelling: text(j, end), position: .after, attached: attached(j), symbol: false), end: end)
        }
        if let (spelling, end) = lexicon.unitsAfter.match(self, at: j) {
            let form = UnitForm(spelling: text(j, end), position: .after, attached: attached(j), symbol: spelling.symbol)
            return UnitRead(unit: .measure(spelling.unit), form: form, end: end)
        }
        return nil
    }

    /// The second figure of a range after `end`: a connector (`-`, `hingga`, `to`), the figure
    /// (after `prefix`, a currency written again), larger than `first`. A word connector must
    /// come straight after the first figure: `5 percent to 10 percent` is a change, not a range.
    func readRangeEnd(after first: inout AmountRead, at end: Int, afterUnit: Bool, prefix: ((Int) -> Int?)? = nil)
        -> (second: AmountRead, connector: String)? {
        guard let (connector, connectorEnd) = lexicon.rangeConnectors.match(self, at: end) else { return nil }
        let isDash = ["-", "–", "—"].contains(connector)
        if afterUnit && !isDash { return nil }
        let start = prefix?(connectorEnd) ?? connectorEnd
        guard let second = readAmount(at: start, money: prefix != nil) else { return nil }
        var widened = first.amount
        if widened.scale == nil, first.scale == nil, let scale = second.amount.scale { widened.scale = scale }
        guard widened.value < second.amount.value else { return nil }
        first.amount = widened
        return (second, text(end, connectorEnd))
    }

    /// A figure and what follows it: a currency word (`4,75 juta dolar AS`), percent, a unit, a
    /// second figure (a range), or nothing (a number, or a year).
    func readFigureLed(at i: Int) -> QuantityMatch? {
        guard var first = readAmount(at: i, money: false) else { return nil }
        var end = first.end
        let firstUnit = readUnitAfter(at: end)
        if let firstUnit { end = firstUnit.end }
        var amounts = [first.amount]
        var connector: String?
        var unit = firstUnit
        if let (second, joined) = readRangeEnd(after: &first, at: end, afterUnit: firstUnit != nil) {
            let secondUnit = readUnitAfter(at: second.end)
            if firstUnit == nil || secondUnit?.unit == firstUnit?.unit {
                amounts = [first.amount, second.amount]
                connector = joined
                end = secondUnit?.end ?? second.end
                unit = secondUnit ?? firstUnit
            }
        } else if isYear(i, first), isSymbol(end, "/"), attached(end), attached(end + 1), isNumber(end + 1),
                  let next = readAmount(at: end + 1, money: false), isYear(end + 1, next) {
            amounts = [first.amount, next.amount]
            connector = "/"
            end = next.end
        }
        var form = QuantityForm(numeral: first.numeral, scale: first.scale, unit: unit?.form, rangeConnector: connector)
        if first.numeral.style == .word { form.letterCase = letterCase(i) }
        var value = QuantityValue(amounts: amounts)
        let kind: QuantityKind
        switch unit?.unit {
        case .currency(let code)?:
            kind = .money
            value.currency = code
        case .percent?:
            kind = .percent
        case .measure(let measure)?:
            kind = .measure
            value.unit = measure
        case nil:
            if amounts.count == 2 {
                kind = isYear(i, first) && amounts.allSatisfy({ isYearValue($0) }) ? .year : .range
            } else if isYear(i, first) {
                kind = .year
            } else {
                // `satu`/`one` alone is too often no figure (`salah satu`, `one of them`).
                if first.numeral.style == .word, first.amount.scale == nil, first.amount.figure == 1, first.end == i + 1 { return nil }
                kind = .number
            }
        }
        return QuantityMatch(kind: kind, value: value, form: form, start: i, end: end)
    }

    /// Four plain digits from 1800 to 2100, without a scale: `2023`.
    /// `read` is what `readAmount(at: i)` read. Told from the digits: four plain digits are
    /// read as their value unless they follow a bare decimal point, and comparing the figure as a
    /// `Decimal` took some 5,000 instructions, for most figures of a memory being indexed.
    func isYear(_ i: Int, _ read: AmountRead) -> Bool {
        guard let digits = integer(i, digits: 4), width(i) == 4, read.scale == nil, read.amount.scale == nil else { return false }
        return (1800...2100).contains(digits) && !followsBareDecimalPoint(i)
    }

    /// `.08%`: an English figure after a decimal point with no zero before it (not `Fig.1`, nor
    /// `1.2.3`), read as 0.08.
    func followsBareDecimalPoint(_ i: Int) -> Bool {
        language == .english && i > 0 && isSymbol(i - 1, ".") && attached(i) && (i < 2 || !attached(i - 1)) && isDigits(i)
    }

    private func isYearValue(_ amount: QuantityAmount) -> Bool {
        amount.scale == nil && amount.figure >= 1800 && amount.figure <= 2100
    }

    /// A unit written before its figure: `magnitudo 5,6`, `magnitude 5.6`, `M5.6`.
    func readMeasureWithUnitFirst(at i: Int) -> QuantityMatch? {
        guard let (spelling, end) = lexicon.unitsBefore.match(self, at: i),
              !spelling.symbol || attached(end), let amount = readAmount(at: end, money: false),
              amount.numeral.style == .digits, amount.scale == nil else { return nil }
        let form = QuantityForm(numeral: amount.numeral,
                                unit: UnitForm(spelling: text(i, end), position: .before, attached: attached(end), symbol: spelling.symbol))
        return QuantityMatch(kind: .measure, value: QuantityValue(amounts: [amount.amount], unit: spelling.unit), form: form,
                             start: i, end: amount.end)
    }
}
