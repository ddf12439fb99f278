/// Months, weekdays and the words around clock times, in both languages. Rendering writes the
/// first spelling of a list; `NewsStyle` says which list (AP abbreviates months before a day).
enum CalendarVocabulary {
    struct MonthSpelling: Sendable {
        var month: Int
        var abbreviated: Bool
        /// `May`, `March`: English words too, months only next to a figure.
        var needsFigure: Bool = false
    }

    static let monthNames: [ArticleLanguage: [String]] = [
        .indonesian: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
                      "November", "Desember"],
        .english: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                   "November", "December"],
    ]

    /// Rendered abbreviations. AP: Jan. Feb. Aug. Sept. Oct. Nov. Dec.; March–July never.
    static let monthAbbreviations: [ArticleLanguage: [String]] = [
        .indonesian: ["Jan.", "Feb.", "Mar.", "Apr.", "Mei", "Jun.", "Jul.", "Agu.", "Sep.", "Okt.", "Nov.", "Des."],
        .english: ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."],
    ]

    /// Other spellings read: old Indonesian spellings, abbreviations with or without the stop.
    static let otherMonthSpellings: [ArticleLanguage: [(String, Int)]] = [
        .indonesian: [("Pebruari", 2), ("Nopember", 11), ("Agt.", 8), ("Ags.", 8), ("Agst.", 8), ("Sept.", 9), ("Nop.", 11),
                      ("Peb.", 2)],
        .english: [("Sep.", 9), ("Mar.", 3), ("Apr.", 4), ("Jun.", 6), ("Jul.", 7)],
    ]

    /// Abbreviations written without their stop (`Aug 8`, `8 Agt 2020`): read as abbreviations,
    /// so only next to a day or a year (`Jan`, `Mar` are names and words too).
    static let stoplessAbbreviations: [ArticleLanguage: [(String, Int)]] = [
        .indonesian: [("Jan", 1), ("Feb", 2), ("Peb", 2), ("Mar", 3), ("Apr", 4), ("Jun", 6), ("Jul", 7), ("Agu", 8), ("Agt", 8),
                      ("Ags", 8), ("Agst", 8), ("Sep", 9), ("Sept", 9), ("Okt", 10), ("Nov", 11), ("Nop", 11), ("Des", 12)],
        .english: [("Jan", 1), ("Feb", 2), ("Mar", 3), ("Apr", 4), ("Jun", 6), ("Jul", 7), ("Aug", 8), ("Sep", 9), ("Sept", 9),
                   ("Oct", 10), ("Nov", 11), ("Dec", 12)],
    ]

    static func monthTable(_ language: ArticleLanguage) -> PhraseTable<MonthSpelling> {
        var phrases: [(String, MonthSpelling)] = []
        for (index, name) in (monthNames[language] ?? []).enumerated() {
            let ambiguous = language == .english && (name == "May" || name == "March")
            phrases.append((name, MonthSpelling(month: index + 1, abbreviated: false, needsFigure: ambiguous)))
        }
        for (index, abbreviation) in (monthAbbreviations[language] ?? []).enumerated() where abbreviation.hasSuffix(".") {
            phrases.append((abbreviation, MonthSpelling(month: index + 1, abbreviated: true)))
        }
        for (spelling, month) in otherMonthSpellings[language] ?? [] {
            phrases.append((spelling, MonthSpelling(month: month, abbreviated: spelling.hasSuffix("."))))
        }
        for (spelling, month) in stoplessAbbreviations[language] ?? [] {
            phrases.append((spelling, MonthSpelling(month: month, abbreviated: true)))
        }
        return PhraseTable(phrases, case: .capitalized)
    }

    static let weekdayNames: [ArticleLanguage: [String]] = [
        .indonesian: ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
        .english: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    ]

    static func weekdayTable(_ language: ArticleLanguage) -> PhraseTable<Weekday> {
        var phrases = (weekdayNames[language] ?? []).enumerated().map { ($0.element, Weekday(rawValue: $0.offset + 1)!) }
        if language == .indonesian { phrases += [("Jum'at", .friday), ("Jum’at", .friday), ("Ahad", .sunday)] }
        return PhraseTable(phrases, case: .capitalized)
    }

    /// Words before an Indonesian clock time; the first is rendered.
    static let timeMarkers: [ArticleLanguage: [(String, String)]] = [
        .indonesian: [("pukul", "pukul"), ("jam", "jam"), ("pk.", "pk."), ("pkl.", "pkl."), ("pk", "pk"), ("pkl", "pkl")],
    ]

    /// Parts of the day after a time on a twelve-hour dial.
    enum DayPeriod: String, Sendable {
        case am, pm
        /// `pagi` (morning), `siang` (midday), `sore`/`petang` (afternoon), `malam` (night),
        /// `dini hari` (small hours).
        case morning, midday, afternoon, night, smallHours

        /// The 24-hour hour of `hour` (1…12) in this part of the day.
        func hour24(_ hour: Int) -> Int {
            switch self {
            case .am, .morning, .smallHours: return hour == 12 ? 0 : hour
            case .pm, .afternoon: return hour == 12 ? 12 : hour + 12
            case .midday: return hour <= 4 ? hour + 12 : hour
            case .night: return hour == 12 ? 0 : hour >= 5 ? hour + 12 : hour
            }
        }
    }

    static let dayPeriods: [ArticleLanguage: [(String, DayPeriod)]] = [
        .indonesian: [("pagi", .morning), ("siang", .midday), ("sore", .afternoon), ("petang", .afternoon),
                      ("malam", .night), ("dini hari", .smallHours)],
        .english: [("a.m.", .am), ("p.m.", .pm), ("am", .am), ("pm", .pm), ("a.m", .am), ("p.m", .pm)],
    ]

    /// The Indonesian word rendered for a 24-hour hour on a twelve-hour dial.
    static func indonesianDayPeriod(_ hour24: Int) -> String {
        switch hour24 {
        case 0..<4: return "dini hari"
        case 4..<11: return "pagi"
        case 11..<15: return "siang"
        case 15..<19: return "sore"
        default: return "malam"
        }
    }

    /// Time zones as words; the first of each zone is rendered.
    static let zoneWords: [ArticleLanguage: [(String, TimeZoneMark)]] = [
        .indonesian: [("waktu setempat", .local), ("Waktu Indonesia Barat", .wib), ("Waktu Indonesia Tengah", .wita),
                      ("Waktu Indonesia Timur", .wit)],
        .english: [("local time", .local), ("Western Indonesia Time", .wib), ("Western Indonesian Time", .wib),
                   ("Central Indonesia Time", .wita), ("Central Indonesian Time", .wita), ("Eastern Indonesia Time", .wit),
                   ("Eastern Indonesian Time", .wit), ("Jakarta time", .wib)],
    ]

    /// Zone codes, in capitals, in both languages.
    static let zoneCodes: [String: TimeZoneMark] = ["WIB": .wib, "WITA": .wita, "WIT": .wit, "GMT": .gmt, "UTC": .utc]

    /// Times named by a word: noon and midnight (minutes past 0:00).
    static let namedTimes: [ArticleLanguage: [(String, Int)]] = [
        .indonesian: [("tengah malam", 0), ("tengah hari", 12 * 60)],
        .english: [("midnight", 0), ("noon", 12 * 60)],
    ]
}
