/// The words of figures in both languages: scale words, number and ordinal words, percent,
/// range connectors. Recognition reads every listed spelling; rendering writes the first one of
/// each list (`NewsStyle` says when). Written for this project from Indonesian spelling rules
/// (PUEBI), ANTARA house usage and the AP Stylebook.
enum QuantityVocabulary {
    struct ScaleWord: Sendable {
        var scale: QuantityScale
        var style: ScaleForm.Style
        /// Only after a currency (`Rp500 M`, `$4.75m`): elsewhere `M` and `m` are other things.
        var moneyOnly: Bool = false
    }

    /// Scale words in the order they are rendered: words first, then abbreviations.
    static let scaleSpellings: [ArticleLanguage: [(String, ScaleWord)]] = [
        .indonesian: [
            ("ribu", ScaleWord(scale: .thousand, style: .word)), ("juta", ScaleWord(scale: .million, style: .word)),
            ("miliar", ScaleWord(scale: .billion, style: .word)), ("milyar", ScaleWord(scale: .billion, style: .word)),
            ("triliun", ScaleWord(scale: .trillion, style: .word)),
            ("rb", ScaleWord(scale: .thousand, style: .abbreviation)), ("jt", ScaleWord(scale: .million, style: .abbreviation)),
        ],
        .english: [
            ("thousand", ScaleWord(scale: .thousand, style: .word)), ("million", ScaleWord(scale: .million, style: .word)),
            ("billion", ScaleWord(scale: .billion, style: .word)), ("trillion", ScaleWord(scale: .trillion, style: .word)),
            ("mln", ScaleWord(scale: .million, style: .abbreviation)), ("bln", ScaleWord(scale: .billion, style: .abbreviation)),
            ("bn", ScaleWord(scale: .billion, style: .abbreviation)), ("trn", ScaleWord(scale: .trillion, style: .abbreviation)),
            ("tn", ScaleWord(scale: .trillion, style: .abbreviation)),
        ],
    ]

    /// Headline abbreviations written as listed (`M` is also magnitude, `m` also metre).
    static let exactScaleSpellings: [ArticleLanguage: [(String, ScaleWord)]] = [
        .indonesian: [("M", ScaleWord(scale: .billion, style: .abbreviation, moneyOnly: true)),
                      ("T", ScaleWord(scale: .trillion, style: .abbreviation, moneyOnly: true))],
        .english: [("k", ScaleWord(scale: .thousand, style: .abbreviation, moneyOnly: true)),
                   ("m", ScaleWord(scale: .million, style: .abbreviation, moneyOnly: true)),
                   ("b", ScaleWord(scale: .billion, style: .abbreviation, moneyOnly: true))],
    ]

    /// What each scale is rendered as: (word, abbreviation).
    static let renderedScales: [ArticleLanguage: [QuantityScale: (word: String, abbreviation: String)]] = [
        .indonesian: [.thousand: ("ribu", "rb"), .million: ("juta", "jt"), .billion: ("miliar", "M"), .trillion: ("triliun", "T")],
        .english: [.thousand: ("thousand", "k"), .million: ("million", "m"), .billion: ("billion", "bn"), .trillion: ("trillion", "tn")],
    ]

    /// Number words, 1…12, as the renderer writes them (`NumberWordVocabulary` holds what is read).
    static let numberWords: [ArticleLanguage: [String]] = [
        .indonesian: ["satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas", "dua belas"],
        .english: ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
    ]

    /// Ordinal words, 1…12.
    static let ordinalWords: [ArticleLanguage: [String]] = [
        .indonesian: ["pertama", "kedua", "ketiga", "keempat", "kelima", "keenam", "ketujuh", "kedelapan", "kesembilan",
                      "kesepuluh", "kesebelas", "kedua belas"],
        .english: ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                   "eleventh", "twelfth"],
    ]

    /// Percent: the word first, then the signs and abbreviations (flagged `true`).
    static let percentSpellings: [ArticleLanguage: [(String, Bool)]] = [
        .indonesian: [("persen", false), ("%", true), ("pct", true)],
        .english: [("percent", false), ("per cent", false), ("%", true), ("pct", true)],
    ]

    /// Words and signs between the two values of a range; the first word is rendered for a
    /// range written with a word.
    static let rangeConnectors: [ArticleLanguage: [String]] = [
        .indonesian: ["hingga", "sampai dengan", "sampai", "s.d.", "s/d", "-", "–", "—"],
        .english: ["to", "through", "-", "–", "—"],
    ]

    static func table<V>(_ lists: [ArticleLanguage: [(String, V)]], _ language: ArticleLanguage, case rule: PhraseCase = .any) -> PhraseTable<V> {
        PhraseTable(lists[language] ?? [], case: rule)
    }

    static func indexed(_ words: [ArticleLanguage: [String]], _ language: ArticleLanguage) -> PhraseTable<Int> {
        PhraseTable((words[language] ?? []).enumerated().map { ($0.element, $0.offset + 1) })
    }
}

/// The phrase tables of one language, built once; a class, so that a scan holds one reference
/// to them rather than fifteen.
final class QuantityLexicon: Sendable {
    let scales: PhraseTable<QuantityVocabulary.ScaleWord>
    /// What compound number words are read with (`NumberWordReader`).
    let numberWordTables: NumberWordTables
    let ordinalWords: PhraseTable<Int>
    let percent: PhraseTable<Bool>
    let rangeConnectors: PhraseTable<String>
    let currenciesBefore: PhraseTable<CurrencyVocabulary.Entry>
    let currenciesAfter: PhraseTable<CurrencyVocabulary.Entry>
    let unitsBefore: PhraseTable<MeasureVocabulary.Spelling>
    let unitsAfter: PhraseTable<MeasureVocabulary.Spelling>
    let months: PhraseTable<CalendarVocabulary.MonthSpelling>
    let weekdays: PhraseTable<Weekday>
    let timeMarkers: PhraseTable<String>
    let dayPeriods: PhraseTable<CalendarVocabulary.DayPeriod>
    let zones: PhraseTable<TimeZoneMark>
    let namedTimes: PhraseTable<Int>
    /// Every word a quantity can hold besides figures (`juta`, `dolar`, `AS`, `pukul`, `Senin`),
    /// lower-cased.
    let words: Set<String>

    init(_ language: ArticleLanguage) {
        typealias V = QuantityVocabulary
        var scales = V.table(V.scaleSpellings, language)
        scales.add(V.exactScaleSpellings[language] ?? [], case: .exact)
        self.scales = scales
        numberWordTables = NumberWordTables(language)
        ordinalWords = V.indexed(V.ordinalWords, language)
        percent = V.table(V.percentSpellings, language)
        rangeConnectors = PhraseTable((V.rangeConnectors[language] ?? []).map { ($0, $0) })
        (currenciesBefore, currenciesAfter) = CurrencyVocabulary.tables(language)
        (unitsBefore, unitsAfter) = MeasureVocabulary.tables(language)
        months = CalendarVocabulary.monthTable(language)
        weekdays = CalendarVocabulary.weekdayTable(language)
        timeMarkers = V.table(CalendarVocabulary.timeMarkers, language)
        dayPeriods = V.table(CalendarVocabulary.dayPeriods, language)
        var zones = V.table(CalendarVocabulary.zoneWords, language)
        zones.add(CalendarVocabulary.zoneCodes.map { ($0.key, $0.value) }, case: .exact)
        self.zones = zones
        namedTimes = V.table(CalendarVocabulary.namedTimes, language)
        var words = scales.words.union(NumberWordVocabulary.words(language)).union(ordinalWords.words).union(percent.words)
            .union(rangeConnectors.words).union(currenciesBefore.words).union(currenciesAfter.words)
        words.formUnion(unitsBefore.words.union(unitsAfter.words).union(months.words).union(weekdays.words)
            .union(timeMarkers.words).union(dayPeriods.words).union(zones.words).union(namedTimes.words))
        // `ke-78`: the ordinal's prefix, read by `OrdinalReader` rather than from a table.
        words.insert("ke")
        self.words = words
        // Where the readers start (`QuantityScan.firstReading`): a figure, or the first lexeme
        // of a time marker or named time (time), a month (date), a currency or unit written
        // first, an ordinal (`ke` of `ke-78` too), a number word, a weekday, a vulgar fraction.
        // The other tables (scales, percent, range connectors, currencies and units after the
        // figure, day periods, zones) are read only after a figure, never where reading starts.
        let startTables = [timeMarkers.firstWords, namedTimes.firstWords, months.firstWords, currenciesBefore.firstWords,
                           unitsBefore.firstWords, ordinalWords.firstWords, weekdays.firstWords]
        var starts = startTables.reduce(into: numberWordTables.starts) { $0.formUnion($1) }
        starts.insert("ke")
        startWords = starts.filter { $0.unicodeScalars.contains { QuantityLexer.isLetter($0) } }
        startWordShapes = QuantityLexicon.shapes(of: startWords, inNFC: true)
        var symbols = Set(QuantityScan.vulgarFractions.keys).union(starts.subtracting(startWords))
        for table in [timeMarkers.firstSymbols, namedTimes.firstSymbols, months.firstSymbols, currenciesBefore.firstSymbols,
                      unitsBefore.firstSymbols, ordinalWords.firstSymbols, weekdays.firstSymbols] {
            symbols.formUnion(table)
        }
        startSymbols = symbols
        asciiStartSymbols = (0..<128).map { symbols.contains(String(Unicode.Scalar(UInt8($0)))) }
        // What a quantity without a figure reads (see `figurelessTriggers`).
        var triggers = NumberWordVocabulary.words(language).union(numberWordTables.scales.keys)
        for table in [ordinalWords.firstWords, months.firstWords, weekdays.firstWords, namedTimes.firstWords] { triggers.formUnion(table) }
        figurelessTriggers = triggers
        figurelessTriggerShapes = QuantityLexicon.shapes(of: triggers)
        let triggerSymbols = ordinalWords.firstSymbols.union(months.firstSymbols).union(weekdays.firstSymbols).union(namedTimes.firstSymbols)
        figurelessTriggerSymbols = (0..<128).map { byte in triggerSymbols.contains(String(Unicode.Scalar(UInt8(byte)))) }
    }

    /// The words of which a quantity with no figure (no ASCII digit, no vulgar fraction) holds at
    /// least one, lower-cased: a number word (`tiga`, `million` of `a million`), or the first word
    /// of an ordinal (`ketiga`), a month (`Agustus`), a weekday (`Senin`) or a named time (`noon`).
    /// Every other reader needs a figure: a clock time, a day of the month, money with its
    /// currency first, a measure with its unit first, `ke-78`, `78th`. Words that only go with a
    /// figure (`to` of a range, `dengan` of `sampai dengan`, `the` of `on the Richter scale`)
    /// are not here, so a text holding them and no figure is not lexed.
    let figurelessTriggers: Set<String>
    /// The shapes (`shape(of:)`) of `figurelessTriggers`.
    let figurelessTriggerShapes: ShapeSet
    /// By ASCII byte: the symbols a phrase of those tables can start at.
    let figurelessTriggerSymbols: [Bool]

    /// The words a quantity can start at, lower-cased (`pukul`, `Rp`, `ketiga`, `Agustus`,
    /// `Senin`, `dua`, `ke`): a subset of `words`, without those that only follow a figure
    /// (`juta`, `persen`, `hingga`, `to`, the `the` of `on the Richter scale`). The readers
    /// start at a figure, at one of these words or at one of `startSymbols`, nowhere else; `the`
    /// and `to` alone are a tenth of an English text's words.
    let startWords: Set<String>
    /// The shapes (length, first and last byte, `shape(of:)`) of the UTF-8 of `startWords`: a
    /// word of another shape is not one of them, which a table look-up tells without hashing.
    let startWordShapes: ShapeSet
    /// The symbols a quantity can start at (a currency or unit sign, a vulgar fraction): not
    /// the `-` of a range or the `%` after a figure.
    let startSymbols: Set<String>
    /// `startSymbols` by ASCII byte.
    let asciiStartSymbols: [Bool]

    static let shapeCount = 32 * 32 * 32

    /// The shapes (`shape(of:)`) of `words` (and of their NFC forms with `inNFC`): a word of
    /// another shape is none of them.
    static func shapes<Words: Sequence<String>>(of words: Words, inNFC: Bool = false) -> ShapeSet {
        var shapes = ShapeSet()
        for word in words {
            shapes.insert(shape(of: Array(word.utf8)))
            if inNFC { shapes.insert(shape(of: Array(TextNormalization.nfc(word).utf8))) }
        }
        return shapes
    }

    /// The shape of a lower-cased string, read from its UTF-8 view without copying it.
    @inline(__always)
    static func shape(of lower: String) -> Int {
        // Through the contiguous bytes: the view's generic `last` walks back by index.
        if let shape = lower.utf8.withContiguousStorageIfAvailable({ shape(of: $0) }) { return shape }
        let utf8 = lower.utf8
        guard let first = utf8.first, let last = utf8.last else { return 0 }
        return (min(utf8.count, 31) << 10) | (Int(first & 31) << 5) | Int(last & 31)
    }

    @inline(__always)
    static func shape<C: RandomAccessCollection>(of lowerUTF8: C) -> Int where C.Element == UInt8, C.Index == Int {
        let count = lowerUTF8.count
        guard count > 0 else { return 0 }
        // `& 31` is the same for a letter in either case.
        let first = Int(lowerUTF8[lowerUTF8.startIndex] & 31)
        let last = Int(lowerUTF8[lowerUTF8.endIndex - 1] & 31)
        return (min(count, 31) << 10) | (first << 5) | last
    }

    static let indonesian = QuantityLexicon(.indonesian)
    static let english = QuantityLexicon(.english)

    static func of(_ language: ArticleLanguage) -> QuantityLexicon {
        language == .indonesian ? indonesian : english
    }
}
