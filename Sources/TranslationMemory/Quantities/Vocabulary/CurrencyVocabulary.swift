/// Currencies as news copy writes them. For each language: symbols and codes before the amount,
/// words after it, and which side the language's news style puts it on. Rendering writes the
/// first spelling of the preferred side. Sources: ISO 4217 codes; ANTARA and AP usage
/// (`Rp3,2 triliun`, `4,75 juta dolar AS`; `Rp3.2 trillion`, `US$4.75 million`, `10 million yuan`).
enum CurrencyVocabulary {
    struct Spellings: Sendable {
        var before: [String] = []
        var after: [String] = []
        /// English plural of the first `after` word when it differs (`euros`).
        var plural: String?
        var preferred: UnitForm.Position
    }

    struct Entry: Sendable, Bilingual {
        var code: String
        var indonesian: Spellings
        var english: Spellings
    }

    static let entries: [Entry] = [
        Entry(code: "IDR", indonesian: Spellings(before: ["Rp", "Rp.", "IDR"], after: ["rupiah"], preferred: .before),
              english: Spellings(before: ["Rp", "Rp.", "IDR"], after: ["rupiah"], preferred: .before)),
        Entry(code: "USD", indonesian: Spellings(before: ["US$", "USD", "$"], after: ["dolar AS", "dolar Amerika Serikat", "dolar Amerika", "dollar AS", "dolar"], preferred: .after),
              english: Spellings(before: ["US$", "USD", "$"], after: ["U.S. dollars", "US dollars", "dollars", "U.S. dollar", "US dollar", "dollar"], preferred: .before)),
        Entry(code: "EUR", indonesian: Spellings(before: ["€", "EUR"], after: ["euro"], preferred: .after),
              english: Spellings(before: ["€", "EUR"], after: ["euro", "euros"], plural: "euros", preferred: .before)),
        Entry(code: "GBP", indonesian: Spellings(before: ["£", "GBP"], after: ["pound sterling", "poundsterling", "pound"], preferred: .after),
              english: Spellings(before: ["£", "GBP"], after: ["pound", "pounds sterling", "pounds"], plural: "pounds", preferred: .before)),
        Entry(code: "JPY", indonesian: Spellings(before: ["¥", "JPY"], after: ["yen"], preferred: .after),
              english: Spellings(before: ["¥", "JPY"], after: ["yen"], preferred: .after)),
        Entry(code: "CNY", indonesian: Spellings(before: ["RMB", "CNY"], after: ["yuan", "renminbi"], preferred: .after),
              english: Spellings(before: ["RMB", "CNY"], after: ["yuan", "renminbi"], preferred: .after)),
        Entry(code: "MYR", indonesian: Spellings(before: ["RM", "MYR"], after: ["ringgit"], preferred: .after),
              english: Spellings(before: ["RM", "MYR"], after: ["ringgit"], preferred: .after)),
        Entry(code: "SGD", indonesian: Spellings(before: ["S$", "SGD"], after: ["dolar Singapura"], preferred: .after),
              english: Spellings(before: ["S$", "SGD"], after: ["Singapore dollar", "Singapore dollars"], plural: "Singapore dollars", preferred: .before)),
        Entry(code: "AUD", indonesian: Spellings(before: ["A$", "AUD"], after: ["dolar Australia"], preferred: .after),
              english: Spellings(before: ["A$", "AUD"], after: ["Australian dollar", "Australian dollars"], plural: "Australian dollars", preferred: .before)),
        Entry(code: "HKD", indonesian: Spellings(before: ["HK$", "HKD"], after: ["dolar Hong Kong"], preferred: .after),
              english: Spellings(before: ["HK$", "HKD"], after: ["Hong Kong dollar", "Hong Kong dollars"], plural: "Hong Kong dollars", preferred: .before)),
        Entry(code: "KRW", indonesian: Spellings(before: ["KRW"], after: ["won"], preferred: .after),
              english: Spellings(before: ["KRW"], after: ["won"], preferred: .after)),
        Entry(code: "THB", indonesian: Spellings(before: ["THB"], after: ["baht"], preferred: .after),
              english: Spellings(before: ["THB"], after: ["baht"], preferred: .after)),
        Entry(code: "PHP", indonesian: Spellings(before: ["PHP"], after: ["peso"], preferred: .after),
              english: Spellings(before: ["PHP"], after: ["peso", "pesos"], plural: "pesos", preferred: .after)),
        Entry(code: "VND", indonesian: Spellings(before: ["VND"], after: ["dong"], preferred: .after),
              english: Spellings(before: ["VND"], after: ["dong"], preferred: .after)),
        Entry(code: "INR", indonesian: Spellings(before: ["INR", "Rs."], after: ["rupee"], preferred: .after),
              english: Spellings(before: ["INR", "Rs."], after: ["rupee", "rupees"], plural: "rupees", preferred: .after)),
        Entry(code: "SAR", indonesian: Spellings(before: ["SAR"], after: ["riyal"], preferred: .after),
              english: Spellings(before: ["SAR"], after: ["riyal", "riyals"], plural: "riyals", preferred: .after)),
        Entry(code: "AED", indonesian: Spellings(before: ["AED"], after: ["dirham"], preferred: .after),
              english: Spellings(before: ["AED"], after: ["dirham", "dirhams"], plural: "dirhams", preferred: .after)),
    ]

    static let byCode: [String: Entry] = Dictionary(uniqueKeysWithValues: entries.map { ($0.code, $0) })

    /// Symbols and codes are case-exact (`RM`, `Rp` but not `rp`); words any case.
    static func tables(_ language: ArticleLanguage) -> (before: PhraseTable<Entry>, after: PhraseTable<Entry>) {
        var before = PhraseTable<Entry>([], case: .exact)
        var after = PhraseTable<Entry>([], case: .any)
        for entry in entries {
            let spellings = entry.spellings(language)
            before.add(spellings.before.map { ($0, entry) }, case: .exact)
            after.add(spellings.after.map { ($0, entry) }, case: .any)
        }
        return (before, after)
    }

    /// A symbol or code (`Rp`, `US$`) is written against the figure unless it is a three-letter
    /// code (`IDR 3.2 trillion`).
    static func attaches(_ spelling: String) -> Bool {
        !(spelling.count == 3 && spelling.allSatisfy { $0.isUppercase })
    }
}
