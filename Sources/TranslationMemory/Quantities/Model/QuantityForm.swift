/// How a quantity was written: what a renderer keeps when it puts another value in its place
/// (the stored target's currency after the amount, its abbreviated months, its `%` sign).
/// Fields that do not apply to the quantity's kind are nil. The recogniser makes forms; the
/// renderer and the comparisons read them.
public struct QuantityForm: Sendable, Codable, Hashable {
    public var numeral = NumeralForm()
    public var scale: ScaleForm?
    /// The currency, percent sign or word, or measure unit.
    public var unit: UnitForm?
    /// How a range's two values are joined, as written: `-`, `–`, `hingga`, `to`.
    public var rangeConnector: String?
    public var date: DateForm?
    public var time: TimeForm?
    /// The case of the words (`SENIN`, `Ketiga`), for headlines and sentence starts.
    public var letterCase: LetterCase = .lower
}

/// The case of a quantity's words.
public enum LetterCase: String, Sendable, Codable {
    case lower, capitalized, upper
}

/// Which character groups thousands and which marks decimals.
public enum NumberConvention: String, Sendable, Codable {
    /// `1.500.000,50`
    case indonesian
    /// `1,500,000.50`
    case english
}

/// How a figure was written.
public struct NumeralForm: Sendable, Codable, Hashable {
    public enum Style: String, Sendable, Codable {
        /// `1.500`, `78`
        case digits
        /// `tiga`, `three`, `ketiga`, `third`
        case word
        /// `1/2`, `½`
        case fraction
    }

    public var style: Style = .digits
    /// The separators' convention; nil when the figure has none (`78`).
    public var convention: NumberConvention?
    /// Thousands were separated (`1.500`, not `1500`).
    public var grouped = false
    /// Digits after the decimal mark, kept when rendered (`2,50` → `2.50`).
    public var fractionDigits = 0
    /// Numerator and denominator of a fraction (`1/2`).
    public var fraction: [Int]?
}

/// How a scale word was written.
public struct ScaleForm: Sendable, Codable, Hashable {
    public enum Style: String, Sendable, Codable {
        /// `juta`, `million`
        case word
        /// `jt`, `M`, `T` in headlines; `m`, `bn` in English
        case abbreviation
    }

    public var style: Style
    /// As written: `juta`, `M`, `bn`.
    public var spelling: String
    /// Written against the figure (`4.75m`).
    public var attached = false
}

/// Where a unit stands and how it is spelled.
public struct UnitForm: Sendable, Codable, Hashable {
    public enum Position: String, Sendable, Codable {
        /// `Rp3,2`, `US$4.75`, `magnitudo 5,6`
        case before
        /// `3,2 triliun rupiah`, `2,5 persen`, `5 km`
        case after
    }

    /// As written: `Rp`, `US$`, `dolar AS`, `%`, `persen`, `km`, `derajat Celsius`.
    public var spelling: String
    public var position: Position
    /// No space between unit and figure (`Rp3,2`, `2,5%`, `30°C`).
    public var attached: Bool
    /// A symbol or code (`Rp`, `US$`, `%`, `km`) rather than a word (`rupiah`, `persen`, `kilometer`).
    public var symbol: Bool
}

/// How a date was written.
public struct DateForm: Sendable, Codable, Hashable {
    public enum Month: String, Sendable, Codable {
        /// `Agustus`, `August`
        case full
        /// `Aug.`, `Agt.`
        case abbreviated
        /// `7/8`, `7/8/2023`
        case numeric
    }

    public var month: Month
    /// Day before month (`7 Agustus`, `7 August`) rather than after (`Aug. 7`).
    public var dayFirst: Bool
}

/// How a clock time was written.
public struct TimeForm: Sendable, Codable, Hashable {
    public enum Clock: String, Sendable, Codable {
        /// `14.00`, `14:00`
        case twentyFourHour
        /// `2 p.m.`, `jam 2 siang`
        case twelveHour
    }

    public var clock: Clock
    /// The word before the time: `pukul`, `jam`, `pk.`; nil when none.
    public var marker: String?
    /// `.` or `:` between hours and minutes.
    public var separator = "."
    /// The day-period word as written: `a.m.`, `pm`, `pagi`, `malam`.
    public var dayPeriod: String?
    /// The zone as written: `WIB`, `local time`, `Western Indonesia Time`, `waktu setempat`.
    public var zone: String?
    /// `noon`, `midnight`, `tengah malam` were written instead of figures.
    public var named = false
}
