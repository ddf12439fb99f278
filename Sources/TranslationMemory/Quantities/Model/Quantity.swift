import Foundation

/// What a quantity is. One vocabulary for the fuzzy matcher's placeables, lookup repairs, the
/// aligner's evidence and translation QA, whose check ids are `checkID`.
public enum QuantityKind: String, Sendable, Codable, CaseIterable {
    /// A figure, with or without a scale word: `1.500`, `1,5 juta`, `three`, `1/2`.
    case number
    /// An amount of a currency: `Rp3,2 triliun`, `4,75 juta dolar AS`, `US$4.75 million`.
    case money
    /// `2,5 persen`, `2.5%`, `2-3 percent`.
    case percent
    /// Two bare figures: `2-3`, `2 hingga 3`, `2 to 3`. (A range of money, percent, a measure,
    /// times or days keeps that kind and has two values.)
    case range
    /// A clock time: `pukul 10.30 WIB`, `jam 7 malam`, `10:30 a.m.`, `noon`.
    case time
    /// A calendar date: `7 Agustus 2023`, `(7/8)`, `2-3 Februari`, `Aug. 7`, `August 2023`.
    case date
    /// `Senin`, `Monday`.
    case weekday
    /// A year on its own: `2023`, `2023/2024`.
    case year
    /// `ke-78`, `ketiga`, `78th`, `third`.
    case ordinal
    /// An amount of a unit: `5 km`, `30 derajat Celsius`, `magnitudo 5,6`, `120 hectares`.
    case measure

    /// The id of the translation-QA check that compares this kind (`numbers`, `money`, …).
    public var checkID: String {
        switch self {
        case .number: return "numbers"
        case .money: return "money"
        case .percent: return "percent"
        case .range: return "ranges"
        case .time: return "times"
        case .date: return "dates"
        case .weekday: return "weekdays"
        case .year: return "years"
        case .ordinal: return "ordinals"
        case .measure: return "measures"
        }
    }
}

/// A quantity found in a text: where it stands, what it is worth, and how it was written.
public struct Quantity: Sendable, Codable, Hashable {
    public var kind: QuantityKind
    /// Offsets in Unicode scalars from the start of the text, as `WordToken` and `FuzzyToken`.
    public var range: Range<Int>
    /// The scalars of `range`, as written.
    public var text: String
    /// The language of the text it was found in.
    public var language: ArticleLanguage
    public var value: QuantityValue
    public var form: QuantityForm

    public init(kind: QuantityKind, range: Range<Int>, text: String, language: ArticleLanguage,
                value: QuantityValue, form: QuantityForm) {
        self.kind = kind
        self.range = range
        self.text = text
        self.language = language
        self.value = value
        self.form = form
    }

    /// True when both quantities say the same thing, whatever the language and form:
    /// `Rp3,2 triliun`, `Rp3.2 trillion`, `3.200 miliar rupiah` and `Rp3.200.000.000.000` agree.
    public func sameValue(as other: Quantity) -> Bool {
        kind == other.kind && value.key == other.value.key
    }

    /// True when both may say the same thing: `sameValue`, or clock times that agree once a
    /// time written without a.m./p.m. (`10:30 Western Indonesia Time`) is read as either half of
    /// the day (`pukul 10.30 WIB`, `pukul 22.30 WIB`), and a zone left out or given as local time
    /// as any zone (translations write `local time` for `WIB`). Lookup repairs find a stored
    /// target's quantity by it.
    public func maySayTheSame(as other: Quantity) -> Bool {
        if sameValue(as: other) { return true }
        guard kind == .time, other.kind == .time, value.times.count == other.value.times.count, !value.times.isEmpty
        else { return false }
        return zip(value.times, other.value.times).allSatisfy { a, b in
            let zones = a.zone == b.zone || [a.zone, b.zone].contains(nil) || [a.zone, b.zone].contains(.local)
            return a.minute == b.minute && zones && (a.twelveHour || b.twelveHour ? a.hour % 12 == b.hour % 12 : a.hour == b.hour)
        }
    }

    /// The kind and `value.key`: one text per value, for the aligner's and QA's dictionaries.
    public var key: String { kind.rawValue + " " + value.key }
}

/// What a quantity is worth, free of language and form. Which fields are set depends on the kind:
/// amounts for numbers, money, percentages, ranges, measures, ordinals and years (two for a
/// range); `currency` for money; `unit` for measures; `date`, `times`, `weekday` for those kinds.
public struct QuantityValue: Sendable, Codable, Hashable {
    public var amounts: [QuantityAmount] = []
    /// ISO 4217 code: `IDR`, `USD`, `EUR`, …
    public var currency: String?
    public var unit: MeasureUnit?
    public var date: CalendarDate?
    /// One time, or two for a span (`pukul 14.00-16.00 WIB`).
    public var times: [ClockTime] = []
    public var weekday: Weekday?

    public init(amounts: [QuantityAmount] = [], currency: String? = nil, unit: MeasureUnit? = nil,
                date: CalendarDate? = nil, times: [ClockTime] = [], weekday: Weekday? = nil) {
        self.amounts = amounts
        self.currency = currency
        self.unit = unit
        self.date = date
        self.times = times
        self.weekday = weekday
    }

    /// A canonical text of the value (`IDR 3200000000000`, `2023-8-7`, `10:30 wib`): amounts count
    /// by what they are worth, so a scale word and its digits agree. With the kind (`Quantity.key`)
    /// equal keys mean equal values.
    public var key: String {
        var parts: [String] = []
        if let currency { parts.append(currency) }
        if let unit { parts.append(unit.rawValue) }
        parts += amounts.map { "\($0.value)" }
        if let date { parts.append(date.key) }
        parts += times.map(\.key)
        if let weekday { parts.append("weekday \(weekday)") }
        return parts.joined(separator: " ")
    }
}

extension ArticleLanguage {
    /// The language of a memory's code (`id-ID`, `in`, `en-US`); nil for any other language.
    public init?(code: LanguageCode) {
        if code.matches(.indonesian) {
            self = .indonesian
        } else if code.matches(.english) {
            self = .english
        } else {
            return nil
        }
    }
}
