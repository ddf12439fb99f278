extension QuantityScan {
    /// Money with its currency first: `Rp3,2 triliun`, `Rp. 15.700`, `US$4.75 million`,
    /// `$4.75m`, `Rp2-3 triliun`, `Rp2 triliun hingga Rp3 triliun`. (A currency after the amount,
    /// `4,75 juta dolar AS`, is read by `readFigureLed`.)
    func readMoneyWithCurrencyFirst(at i: Int) -> QuantityMatch? {
        // `NT$` and other unlisted prefixes: a sign glued to letters is not this currency.
        if lexemes[i].kind == .symbol, attached(i), lexemes[i - 1].kind == .word { return nil }
        guard let (entry, currencyEnd) = lexicon.currenciesBefore.match(self, at: i), currencyEnd < count,
              lexemes[currencyEnd].start - lexemes[currencyEnd - 1].end <= 1,
              var first = readAmount(at: currencyEnd, money: true), first.numeral.style != .word else { return nil }
        var amounts = [first.amount]
        var end = first.end
        var connector: String?
        let repeatedCurrency: (Int) -> Int? = { k in
            guard let (again, againEnd) = self.lexicon.currenciesBefore.match(self, at: k), again.code == entry.code else { return k }
            return againEnd
        }
        var scale = first.scale
        if let (second, joined) = readRangeEnd(after: &first, at: end, afterUnit: false, prefix: repeatedCurrency) {
            amounts = [first.amount, second.amount]
            connector = joined
            end = second.end
            scale = scale ?? second.scale
        }
        let unit = UnitForm(spelling: text(i, currencyEnd), position: .before, attached: attached(currencyEnd), symbol: true)
        let form = QuantityForm(numeral: first.numeral, scale: scale, unit: unit, rangeConnector: connector)
        return QuantityMatch(kind: .money, value: QuantityValue(amounts: amounts, currency: entry.code), form: form, start: i, end: end)
    }
}
