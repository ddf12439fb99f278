import Foundation

extension QuantityScan {
    /// Words before which Indonesian `kedua`, `ketiga`… mean "both", "the three" (`antara kedua
    /// negara`), not "second", "third".
    static let indonesianCollectiveContext: Set<String> = [
        "antara", "kepada", "bagi", "untuk", "dari", "oleh", "dengan", "pada", "di", "ke", "dan", "atau", "bahwa",
        "karena", "sementara", "para", "seluruh", "semua", "kini", "namun",
    ]

    /// `ke-78`, `ketiga` (Indonesian); `78th`, `third` (English).
    func readOrdinal(at i: Int) -> QuantityMatch? {
        func match(_ value: Int, _ end: Int, _ style: NumeralForm.Style) -> QuantityMatch {
            var form = QuantityForm(numeral: NumeralForm(style: style))
            if style == .word { form.letterCase = letterCase(i) }
            return QuantityMatch(kind: .ordinal, value: QuantityValue(amounts: [QuantityAmount(figure: Decimal(value))]),
                                 form: form, start: i, end: end)
        }
        if language == .indonesian, lower(i) == "ke", isSymbol(i + 1, "-"), attached(i + 1), attached(i + 2),
           let value = integer(i + 2, digits: 4) {
            return match(value, i + 3, .digits)
        }
        if language == .english, let value = integer(i, digits: 6), isWord(i + 1), attached(i + 1),
           ["st", "nd", "rd", "th"].contains(lower(i + 1)) {
            return match(value, i + 2, .digits)
        }
        guard let (value, end) = lexicon.ordinalWords.match(self, at: i) else { return nil }
        if language == .indonesian && value >= 2 && !readsAsIndonesianOrdinal(i, end) { return nil }
        return match(value, end, .word)
    }

    /// Words that go on after an ordinal (`kunjungan ketiga ke Papua`, `putaran kedua pada`).
    static let indonesianOrdinalFollowers: Set<String> = [
        "dari", "yang", "di", "ke", "pada", "dalam", "kali", "tahun", "ini", "itu", "setelah", "sejak", "untuk", "bagi",
        "dan", "atau", "dengan", "sebesar", "terbesar", "tertinggi", "terendah", "terbanyak", "bulan", "minggu", "hari",
        "kalinya", "adalah", "akan", "sudah", "telah", "pun", "juga", "oleh", "tersebut", "sebelumnya", "berturut-turut",
    ]

    /// `putaran kedua.` and `Kedua, …` are ordinals; `kedua negara`, `antara kedua negara` and
    /// `kedua belah pihak` mean "both", so a lower-case word after `kedua`… makes it an ordinal
    /// only when it is one that goes on after ordinals (`ketiga kali`, `kedua di`).
    private func readsAsIndonesianOrdinal(_ i: Int, _ end: Int) -> Bool {
        let sentenceStart = i == 0 || (lexemes[i - 1].kind == .symbol && [".", "!", "?", "\"", "“", ":"].contains(written(i - 1)))
        if sentenceStart { return isSymbol(end, ",") }
        guard isWord(i - 1), !QuantityScan.indonesianCollectiveContext.contains(lower(i - 1)) else { return false }
        if isWord(end), letterCase(end) == .lower { return QuantityScan.indonesianOrdinalFollowers.contains(lower(end)) }
        return true
    }
}
