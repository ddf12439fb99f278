import Foundation

/// How one language's news copy writes quantities: the rules the renderer follows when the stored
/// target shows no form of its own. The spellings themselves are in `Vocabulary/` (the first of
/// each list is the one written); these are the choices between them.
///
/// `antaraEnglish` follows the AP Stylebook as ANTARA's English service does: `Rp1.5 trillion`,
/// `US$4.75 million`, `2.5 percent`, `10:30 a.m.`, `2 p.m.`, `noon`, `Aug. 7`, `August 2023`,
/// `Feb. 2-3`, `Monday`, `third`, `78th`. `antaraIndonesian` follows ANTARA's Indonesian copy and
/// PUEBI: `Rp1,5 triliun`, `4,75 juta dolar AS`, `2,5 persen`, `pukul 10.30 WIB`, `7 Agustus 2023`,
/// `Senin`, `ketiga`, `ke-78`.
///
/// Rules that hold in both styles, whatever the fields say:
/// - a figure keeps the decimals it was written with (`2,50` → `2.50`) and the query's scale word
///   (`miliar` → `billion`, never digits or another scale);
/// - a word figure (`tiga`, `ketiga`) is written as a word when the target language has one;
/// - a symbol unit stays a symbol (`km`, `%`, `°C`), a word unit a word (`kilometer` → `kilometers`);
/// - a range keeps a dash as a dash; a word connector becomes `rangeWord`;
/// - a currency without a listed spelling is its ISO code before the amount (`CHF 5 million`).
public struct NewsStyle: Sendable {
    public var language: ArticleLanguage
    /// Figures from 1,000 up are grouped (`1,500`, `1.500`); years never are.
    public var groupsFrom: Decimal = 1000
    /// Thousands are written as figures, not with a scale word (AP writes `Rp50,000`, not
    /// `Rp50 thousand`).
    public var thousandsAsFigures: Bool
    /// Ordinals up to this are words (AP: first through ninth, then `10th`).
    public var ordinalWordsUpTo: Int
    /// Number words up to this stay words (AP: one through nine; `10`).
    public var numberWordsUpTo: Int
    /// Months are abbreviated before a day (AP: `Aug. 7`, but `August 2023`).
    public var abbreviatesMonthsBeforeDay: Bool
    /// `7 Agustus` rather than `Aug. 7`.
    public var dayFirst: Bool
    /// A 24-hour clock (`pukul 14.00`) or a twelve-hour one with a.m./p.m. (`2 p.m.`).
    public var clock: TimeForm.Clock
    /// Between hours and minutes.
    public var clockSeparator: String
    /// The word before a time (`pukul`); nil for none.
    public var timeMarker: String?
    /// `2 p.m.`, not `2:00 p.m.` (AP).
    public var dropsZeroMinutes: Bool
    /// `07.00`, not `7.00`.
    public var padsHours: Bool
    /// `noon` and `midnight` for 12:00 and 0:00 on a twelve-hour clock (AP).
    public var namesNoonAndMidnight: Bool
    /// The word of a range written with a word (`2 hingga 3` → `2 to 3`).
    public var rangeWord: String
    /// Zones as codes (`WIB`, as ANTARA's English service writes them) rather than words
    /// (`Western Indonesia Time`); a local time is always `local time`/`waktu setempat`.
    public var zonesAsCodes: Bool = true

    public static let antaraEnglish = NewsStyle(
        language: .english, thousandsAsFigures: true, ordinalWordsUpTo: 9, numberWordsUpTo: 9,
        abbreviatesMonthsBeforeDay: true, dayFirst: false, clock: .twelveHour, clockSeparator: ":", timeMarker: nil,
        dropsZeroMinutes: true, padsHours: false, namesNoonAndMidnight: true, rangeWord: "to")

    public static let antaraIndonesian = NewsStyle(
        language: .indonesian, thousandsAsFigures: false, ordinalWordsUpTo: 9, numberWordsUpTo: 9,
        abbreviatesMonthsBeforeDay: false, dayFirst: true, clock: .twentyFourHour, clockSeparator: ".", timeMarker: "pukul",
        dropsZeroMinutes: false, padsHours: true, namesNoonAndMidnight: false, rangeWord: "hingga")

    /// The decimal mark and the thousands separator.
    var separators: (decimal: String, group: String) { language == .indonesian ? (",", ".") : (".", ",") }
}
