extension QuantityScan {
    /// Words before a numeric Indonesian date (`tanggal 7/8`).
    static let dateWords: Set<String> = ["tanggal", "tgl"]

    /// A date: `7/8`, `(7/8/2023)` (Indonesian day/month), `7 Agustus 2023`, `2-3 Februari`,
    /// `7 August 2023`, `Aug. 7`, `August 7, 2023`, `Feb. 2-3`, `Agustus 2023`, `August`.
    func readDate(at i: Int) -> QuantityMatch? {
        if language == .indonesian, let match = readNumericDate(at: i) { return match }
        return readDayFirstDate(at: i) ?? readMonthFirstDate(at: i) ?? readOrdinalDayOfMonth(at: i) ?? readCoordinatedDay(at: i)
    }

    /// Days joined by `dan`/`and` share the month written once: the `4` of `4 dan 5 Maret`, `4 and
    /// 5 March`, and the `5` of `March 4 and 5` are dates of that month.
    private func readCoordinatedDay(at i: Int) -> QuantityMatch? {
        guard let first = day(i) else { return nil }
        let and = language == .indonesian ? "dan" : "and"
        var month: CalendarVocabulary.MonthSpelling?
        var monthAt = 0
        if lower(i + 1) == and, day(i + 2) != nil, !attached(i + 3), let (spelling, _) = lexicon.months.match(self, at: i + 3) {
            (month, monthAt) = (spelling, i + 3)
        } else if language == .english, i >= 3, lower(i - 1) == and, day(i - 2) != nil,
                  let (spelling, end) = lexicon.months.match(self, at: i - 3), end == i - 2 {
            (month, monthAt) = (spelling, i - 3)
        }
        guard let month else { return nil }
        let form = QuantityForm(date: DateForm(month: month.abbreviated ? .abbreviated : .full, dayFirst: monthAt > i), letterCase: letterCase(monthAt))
        return QuantityMatch(kind: .date, value: QuantityValue(date: CalendarDate(day: first, month: month.month)), form: form, start: i, end: i + 1)
    }

    /// `the 19th day of March 2020` (English formal style): the date 19 March 2020.
    private func readOrdinalDayOfMonth(at i: Int) -> QuantityMatch? {
        guard language == .english, let first = day(i), isWord(i + 1), attached(i + 1), ["st", "nd", "rd", "th"].contains(lower(i + 1)),
              lower(i + 2) == "day", lower(i + 3) == "of", let (month, monthEnd) = lexicon.months.match(self, at: i + 4) else { return nil }
        var end = monthEnd
        var year: Int?
        if isSymbol(end, ","), let written = self.year(end + 1) { year = written; end += 2 } else if let written = self.year(end) { year = written; end += 1 }
        let form = QuantityForm(date: DateForm(month: month.abbreviated ? .abbreviated : .full, dayFirst: true), letterCase: letterCase(i + 4))
        return QuantityMatch(kind: .date, value: QuantityValue(date: CalendarDate(day: first, month: month.month, year: year)),
                             form: form, start: i, end: end)
    }

    /// A day of the month, 1…31, in plain digits.
    private func day(_ i: Int) -> Int? {
        integer(i, digits: 2).flatMap { (1...31).contains($0) ? $0 : nil }
    }

    /// A year in four plain digits.
    private func year(_ i: Int) -> Int? {
        guard isNumber(i), width(i) == 4 else { return nil }
        return integer(i, digits: 4).flatMap { (1000...2999).contains($0) ? $0 : nil }
    }

    /// `2-3`, `2 hingga 3`: the last day of a span after `end`, and where it ends.
    private func endDay(after first: Int, at end: Int) -> (day: Int, end: Int)? {
        guard let (connector, connectorEnd) = lexicon.rangeConnectors.match(self, at: end),
              connector != "to" || language == .english, let last = day(connectorEnd), last > first else { return nil }
        return (last, connectorEnd + 1)
    }

    /// `7/8`, `7/8/2023`, `7/8/23`: Indonesian day/month, read as a date only in brackets, after
    /// `tanggal`, or with a year (elsewhere `1/2` is a fraction).
    private func readNumericDate(at i: Int) -> QuantityMatch? {
        guard let day = day(i), isSymbol(i + 1, "/"), attached(i + 1), attached(i + 2),
              let month = integer(i + 2, digits: 2), (1...12).contains(month) else { return nil }
        var end = i + 3
        var year: Int?
        if isSymbol(end, "/"), attached(end), attached(end + 1), let written = integer(end + 1, digits: 4),
           [2, 4].contains(width(end + 1)) {
            year = written < 100 ? 2000 + written : written
            end += 2
        }
        let inBrackets = i > 0 && isSymbol(i - 1, "(")
        let afterDateWord = i > 0 && (QuantityScan.dateWords.contains(lower(i - 1))
            || (i > 1 && isSymbol(i - 1, ".") && QuantityScan.dateWords.contains(lower(i - 2))))
        guard year != nil || inBrackets || afterDateWord else { return nil }
        let form = QuantityForm(date: DateForm(month: .numeric, dayFirst: true))
        return QuantityMatch(kind: .date, value: QuantityValue(date: CalendarDate(day: day, month: month, year: year)),
                             form: form, start: i, end: end)
    }

    /// `7 Agustus 2023`, `2-3 Februari`, `7 August 2023`.
    private func readDayFirstDate(at i: Int) -> QuantityMatch? {
        guard let first = day(i) else { return nil }
        var end = i + 1
        var last: Int?
        if let span = endDay(after: first, at: end) { last = span.day; end = span.end }
        let monthStart = end
        guard let (month, monthEnd) = lexicon.months.match(self, at: end), !attached(end) else { return nil }
        end = monthEnd
        var year: Int?
        if let written = self.year(end), !attached(end) {
            year = written
            end += 1
        } else if language == .english, isSymbol(end, ","), let written = self.year(end + 1) {
            // `14 March, 2020`
            year = written
            end += 2
        }
        let form = QuantityForm(date: DateForm(month: month.abbreviated ? .abbreviated : .full, dayFirst: true), letterCase: letterCase(monthStart))
        return QuantityMatch(kind: .date, value: QuantityValue(date: CalendarDate(day: first, endDay: last, month: month.month, year: year)),
                             form: form, start: i, end: end)
    }

    /// `Aug. 7`, `August 7, 2023`, `Feb. 2-3` (English), `Agustus 2023`, `August 2023`, and a
    /// month alone (`May` and `March` only next to a figure).
    private func readMonthFirstDate(at i: Int) -> QuantityMatch? {
        guard let (month, monthEnd) = lexicon.months.match(self, at: i) else { return nil }
        var end = monthEnd
        var first: Int?
        var last: Int?
        var year: Int?
        if language == .english, let written = day(end), !attached(end), self.year(end) == nil {
            first = written
            end += 1
            if let span = endDay(after: written, at: end) { last = span.day; end = span.end }
            if isSymbol(end, ","), let written = self.year(end + 1) { year = written; end += 2 }
        } else if let written = self.year(end), !attached(end) {
            year = written
            end += 1
        } else if language == .english, lower(end) == "of", let written = self.year(end + 1) {
            // `December of 2019`
            year = written
            end += 2
        } else if month.needsFigure {
            return nil
        } else if language == .english, isWord(end), !attached(end), letterCase(end) != .lower, lexicon.months.match(self, at: end) == nil,
                  lexicon.weekdays.match(self, at: end) == nil {
            // `June Almeida`, `April Ryan`: a month alone before a capitalised word is a name.
            return nil
        }
        guard !(month.abbreviated && first == nil && year == nil) else { return nil }
        let form = QuantityForm(date: DateForm(month: month.abbreviated ? .abbreviated : .full, dayFirst: false), letterCase: letterCase(i))
        return QuantityMatch(kind: .date, value: QuantityValue(date: CalendarDate(day: first, endDay: last, month: month.month, year: year)),
                             form: form, start: i, end: end)
    }

    /// Words that make Indonesian `Minggu` "week" (`Minggu lalu`, `Minggu depan`).
    static let weekWords: Set<String> = ["lalu", "depan", "ini", "ke", "pertama", "kedua", "ketiga", "keempat", "terakhir", "kemarin", "itu",
                                         "mendatang", "belakangan", "berikutnya", "sebelumnya", "silam", "sekarang"]

    /// `Senin` … `Minggu`, `Monday` … `Sunday`, capitalised.
    func readWeekday(at i: Int) -> QuantityMatch? {
        guard let (weekday, end) = lexicon.weekdays.match(self, at: i) else { return nil }
        if language == .indonesian, weekday == .sunday, lower(i) == "minggu", QuantityScan.weekWords.contains(lower(end)) { return nil }
        return QuantityMatch(kind: .weekday, value: QuantityValue(weekday: weekday),
                             form: QuantityForm(letterCase: letterCase(i)), start: i, end: end)
    }
}
