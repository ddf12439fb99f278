extension QuantityScan {
    /// Hours and minutes as written, the separator between them, and a leading zero (`07.00`).
    typealias ClockReading = (hour: Int, minute: Int, separator: String?, padded: Bool)

    /// A clock reading at `i`: `10.30`, `10:30`, `7`; hour 0…24, minutes in two digits.
    private func clock(_ i: Int) -> ClockReading? {
        guard isNumber(i) else { return nil }
        // A figure lexeme is digits with `.` `,` `:` between them: read as hours, one `.` or
        // `:`, minutes, from its bytes (every figure of a text that may hold a time comes here).
        var hour = 0, hourDigits = 0, minute = 0, minuteDigits = 0
        var separator: UInt8?
        var padded = false
        for offset in lexemes[i].start..<lexemes[i].end {
            let byte = UInt8(truncatingIfNeeded: scalars[offset].value)
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int(byte - UInt8(ascii: "0"))
                if separator == nil {
                    if hourDigits == 0 { padded = digit == 0 }
                    hour = hour * 10 + digit
                    hourDigits += 1
                    guard hourDigits <= 2 else { return nil }
                } else {
                    minute = minute * 10 + digit
                    minuteDigits += 1
                    guard minuteDigits <= 2 else { return nil }
                }
            case UInt8(ascii: "."), UInt8(ascii: ":"):
                guard separator == nil else { return nil }
                separator = byte
            default:
                return nil // `,`: a decimal figure, no time
            }
        }
        guard hourDigits > 0, hour <= 24 else { return nil }
        if separator != nil { guard minuteDigits == 2, minute < 60 else { return nil } }
        return (hour, minute, separator.map { String(UnicodeScalar($0)) }, hourDigits == 2 && padded)
    }

    /// A time zone at `j`: `WIB`, `local time`, `Western Indonesia Time (WIB)`.
    private func zone(_ j: Int) -> (zone: TimeZoneMark, end: Int)? {
        guard let (zone, end) = lexicon.zones.match(self, at: j), !attached(j) || lexemes[j - 1].kind != .word else { return nil }
        if isSymbol(end, "("), let (code, codeEnd) = lexicon.zones.match(self, at: end + 1), code == zone, isSymbol(codeEnd, ")") {
            return (zone, codeEnd + 1)
        }
        return (zone, end)
    }

    /// A clock time: `pukul 10.30 WIB`, `jam 7 malam`, `pukul 14.00-16.00 WIB`, `10.30 WIB`,
    /// `10:30 a.m.`, `2 p.m.`, `7:30 p.m. local time`, `10:30 Western Indonesia Time`, `noon`.
    /// A figure is a time only with a marker (`pukul`, `jam` not after a figure: `3 jam 15 menit`
    /// is a duration), a day period, a zone, or — in English — a colon (`at 10:30`).
    func readTime(at i: Int) -> QuantityMatch? {
        var k = i
        var marker: String?
        if let (_, markerEnd) = lexicon.timeMarkers.match(self, at: i), !(lower(i) == "jam" && i > 0 && isNumber(i - 1)) {
            marker = text(i, markerEnd)
            k = markerEnd
        }
        if let (minutes, end) = lexicon.namedTimes.match(self, at: k) {
            var time = ClockTime(hour: minutes / 60, minute: minutes % 60)
            var last = end
            var form = TimeForm(clock: language == .english ? .twelveHour : .twentyFourHour, marker: marker, named: true)
            if let (zone, zoneEnd) = zone(end) { time.zone = zone; form.zone = text(end, zoneEnd); last = zoneEnd }
            return QuantityMatch(kind: .time, value: QuantityValue(times: [time]), form: QuantityForm(time: form), start: i, end: last)
        }
        guard let first = clock(k) else { return nil }
        var end = k + 1
        var firstPeriod: CalendarVocabulary.DayPeriod?
        var periodText: String?
        if let (period, periodEnd) = lexicon.dayPeriods.match(self, at: end) {
            firstPeriod = period
            periodText = text(end, periodEnd)
            end = periodEnd
        }
        var second: ClockReading?
        var secondPeriod: CalendarVocabulary.DayPeriod?
        var connector: String?
        if let (_, connectorEnd) = lexicon.rangeConnectors.match(self, at: end) {
            var c = connectorEnd
            if marker != nil, let (_, againEnd) = lexicon.timeMarkers.match(self, at: c) { c = againEnd }
            if let reading = clock(c), reading.separator == first.separator || reading.separator == nil || first.separator == nil {
                second = reading
                connector = text(end, connectorEnd)
                end = c + 1
                if let (period, periodEnd) = lexicon.dayPeriods.match(self, at: end) {
                    secondPeriod = period
                    periodText = periodText ?? text(end, periodEnd)
                    end = periodEnd
                }
            }
        }
        let zoneStart = end
        let zone = self.zone(end)
        let period = firstPeriod ?? secondPeriod
        let colon = language == .english && first.separator == ":"
        guard marker != nil || period != nil || zone != nil || colon else { return nil }
        if marker == nil && period == nil && zone == nil && second != nil { return nil }
        func time(_ reading: ClockReading, _ period: CalendarVocabulary.DayPeriod?) -> ClockTime? {
            if let period {
                guard (1...12).contains(reading.hour) else { return nil }
                return ClockTime(hour: period.hour24(reading.hour), minute: reading.minute, zone: zone?.zone)
            }
            let twelve = language == .english && (1...12).contains(reading.hour) && !reading.padded
            return ClockTime(hour: reading.hour % 24, minute: reading.minute, twelveHour: twelve, zone: zone?.zone)
        }
        // A period written once covers both ends of a span (`2-4 p.m.`) when it fits them.
        guard let start = time(first, firstPeriod ?? (first.hour <= 12 ? secondPeriod : nil)) else { return nil }
        var times = [start]
        if let second {
            guard let last = time(second, secondPeriod ?? (second.hour <= 12 ? firstPeriod : nil)) else { return nil }
            times.append(last)
        }
        if let zone { end = zone.end }
        let twelveHour = period != nil || (language == .english && start.twelveHour)
        let form = TimeForm(clock: twelveHour ? .twelveHour : .twentyFourHour, marker: marker,
                            separator: first.separator ?? (language == .english ? ":" : "."),
                            dayPeriod: periodText, zone: zone.map { text(zoneStart, $0.end) })
        let quantityForm = QuantityForm(rangeConnector: connector, time: form)
        return QuantityMatch(kind: .time, value: QuantityValue(times: times), form: quantityForm, start: i, end: end)
    }
}
