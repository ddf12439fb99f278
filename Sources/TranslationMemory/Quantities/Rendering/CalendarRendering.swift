/// Dates and clock times in a news style.
extension QuantityRenderer {
    func date(_ quantity: Quantity, target: Quantity?, style: NewsStyle, letterCase: LetterCase) -> String {
        guard let date = quantity.value.date else { return quantity.text }
        let language = style.language
        let targetForm = target?.form.date
        let usual: DateForm.Month = date.day != nil && style.abbreviatesMonthsBeforeDay ? .abbreviated : .full
        var month = targetForm?.month ?? usual
        // Numeric dates are Indonesian and need a day; AP spells a month out without a day.
        if month == .numeric && (language == .english || date.day == nil) { month = usual }
        if month == .abbreviated && date.day == nil { month = .full }
        if month == .numeric, let day = date.day {
            return "\(day)/\(date.month)" + (date.year.map { "/\($0)" } ?? "")
        }
        let names = month == .abbreviated ? CalendarVocabulary.monthAbbreviations[language]! : CalendarVocabulary.monthNames[language]!
        let name = Self.cased(names[date.month - 1], letterCase)
        guard let day = date.day else { return name + (date.year.map { " \($0)" } ?? "") }
        var days = "\(day)"
        if let last = date.endDay { days += connector(quantity, target: target, style: style) + "\(last)" }
        if targetForm?.dayFirst ?? style.dayFirst {
            return days + " " + name + (date.year.map { " \($0)" } ?? "")
        }
        return name + " " + days + (date.year.map { ", \($0)" } ?? "")
    }

    func time(_ quantity: Quantity, target: Quantity?, style: NewsStyle) -> String {
        let times = quantity.value.times
        guard let first = times.first else { return quantity.text }
        let targetForm = target?.form.time
        let clock = targetForm?.clock ?? style.clock
        let marker = targetForm != nil ? targetForm?.marker : style.timeMarker
        let separator = targetForm?.separator ?? style.clockSeparator
        let english = style.language == .english
        let meridiem = Self.meridiem(like: english ? targetForm?.dayPeriod : nil)
        func reading(_ time: ClockTime) -> (text: String, period: String?) {
            let minutes = time.minute < 10 ? "0\(time.minute)" : "\(time.minute)"
            if clock == .twentyFourHour || time.twelveHour {
                let hour = style.padsHours || (english && !time.twelveHour) ? (time.hour < 10 ? "0\(time.hour)" : "\(time.hour)") : "\(time.hour)"
                return (hour + separator + minutes, nil)
            }
            if english && style.namesNoonAndMidnight && time.minute == 0 && (time.hour == 12 || time.hour == 0) {
                return (time.hour == 12 ? "noon" : "midnight", nil)
            }
            let dial = time.hour % 12 == 0 ? 12 : time.hour % 12
            let figures = time.minute == 0 && (english ? style.dropsZeroMinutes : true) ? "\(dial)" : "\(dial)\(separator)\(minutes)"
            let period = english ? (time.hour < 12 ? meridiem.am : meridiem.pm) : CalendarVocabulary.indonesianDayPeriod(time.hour)
            return (figures, period)
        }
        var readings = times.map(reading)
        if readings.count == 2, readings[0].period != nil, readings[0].period == readings[1].period { readings[0].period = nil }
        let body = readings.map { [$0.text, $0.period].compactMap { $0 }.joined(separator: " ") }
            .joined(separator: connector(quantity, target: target, style: style))
        var parts = [marker, body].compactMap { $0 }
        if let zone = first.zone {
            let targetZone = target?.value.times.first?.zone
            // A local time on either side is the stored target's zone as written: the translator
            // already said which zone `local time` is, or left it local.
            if let written = targetForm?.zone, targetZone == zone || targetZone == .local || zone == .local {
                parts.append(written)
            } else {
                parts.append(Self.zone(zone, style: style))
            }
        }
        return parts.joined(separator: " ")
    }

    /// A zone as `style` writes it: a code (`WIB`) or words; a local time in words.
    static func zone(_ zone: TimeZoneMark, style: NewsStyle) -> String {
        let words = CalendarVocabulary.zoneWords[style.language]?.first { $0.1 == zone }?.0
        if zone == .local || !style.zonesAsCodes, let words { return words }
        return zone.rawValue.uppercased()
    }

    /// `a.m.`/`p.m.` in the spelling of `written` (`am`, `PM`, `a.m.`).
    static func meridiem(like written: String?) -> (am: String, pm: String) {
        guard let written else { return ("a.m.", "p.m.") }
        let dotted = written.contains(".")
        let upper = written == written.uppercased()
        let am = dotted ? "a.m." : "am"
        let pm = dotted ? "p.m." : "pm"
        return upper ? (am.uppercased(), pm.uppercased()) : (am, pm)
    }
}
