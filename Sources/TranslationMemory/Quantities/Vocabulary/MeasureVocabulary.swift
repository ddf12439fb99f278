/// Units of measure in both languages. For each unit and language: words (with their English
/// plural) and symbols, and whether the unit comes before the figure (`magnitudo 5,6`). Rendering
/// keeps a symbol as a symbol and a word as a word, writing the first of the list.
enum MeasureVocabulary {
    struct Spelling: Sendable {
        var unit: MeasureUnit
        var symbol: Bool
    }

    struct Spellings: Sendable {
        var words: [String] = []
        /// English plurals, in the order of `words`.
        var plurals: [String] = []
        var symbols: [String] = []
        /// Written before the figure (`magnitudo 5,6`, `M5.6`).
        var before = false
    }

    struct Entry: Sendable, Bilingual {
        var unit: MeasureUnit
        var indonesian: Spellings
        var english: Spellings
    }

    static let entries: [Entry] = [
        Entry(unit: .kilometer, indonesian: Spellings(words: ["kilometer"], symbols: ["km"]),
              english: Spellings(words: ["kilometer", "kilometre"], plurals: ["kilometers", "kilometres"], symbols: ["km"])),
        Entry(unit: .meter, indonesian: Spellings(words: ["meter"], symbols: ["m"]),
              english: Spellings(words: ["meter", "metre"], plurals: ["meters", "metres"], symbols: ["m"])),
        Entry(unit: .centimeter, indonesian: Spellings(words: ["sentimeter"], symbols: ["cm"]),
              english: Spellings(words: ["centimeter", "centimetre"], plurals: ["centimeters", "centimetres"], symbols: ["cm"])),
        Entry(unit: .millimeter, indonesian: Spellings(words: ["milimeter"], symbols: ["mm"]),
              english: Spellings(words: ["millimeter", "millimetre"], plurals: ["millimeters", "millimetres"], symbols: ["mm"])),
        Entry(unit: .mile, indonesian: Spellings(words: ["mil"]),
              english: Spellings(words: ["mile"], plurals: ["miles"])),
        Entry(unit: .squareKilometer, indonesian: Spellings(words: ["kilometer persegi"], symbols: ["km2", "km²"]),
              english: Spellings(words: ["square kilometer", "square kilometre"], plurals: ["square kilometers", "square kilometres"], symbols: ["km2", "km²", "sq km"])),
        Entry(unit: .squareMeter, indonesian: Spellings(words: ["meter persegi"], symbols: ["m2", "m²"]),
              english: Spellings(words: ["square meter", "square metre"], plurals: ["square meters", "square metres"], symbols: ["m2", "m²", "sq m"])),
        Entry(unit: .kilogram, indonesian: Spellings(words: ["kilogram"], symbols: ["kg"]),
              english: Spellings(words: ["kilogram"], plurals: ["kilograms"], symbols: ["kg"])),
        Entry(unit: .gram, indonesian: Spellings(words: ["gram"]),
              english: Spellings(words: ["gram"], plurals: ["grams"])),
        Entry(unit: .ton, indonesian: Spellings(words: ["ton"]),
              english: Spellings(words: ["ton", "tonne", "metric ton"], plurals: ["tons", "tonnes", "metric tons"])),
        Entry(unit: .hectare, indonesian: Spellings(words: ["hektare", "hektar"], symbols: ["ha"]),
              english: Spellings(words: ["hectare"], plurals: ["hectares"], symbols: ["ha"])),
        Entry(unit: .liter, indonesian: Spellings(words: ["liter"]),
              english: Spellings(words: ["liter", "litre"], plurals: ["liters", "litres"])),
        Entry(unit: .barrel, indonesian: Spellings(words: ["barel"]),
              english: Spellings(words: ["barrel"], plurals: ["barrels"])),
        Entry(unit: .celsius, indonesian: Spellings(words: ["derajat Celsius", "derajat C"], symbols: ["°C"]),
              english: Spellings(words: ["degree Celsius", "degree C"], plurals: ["degrees Celsius", "degrees C"], symbols: ["°C"])),
        Entry(unit: .magnitude, indonesian: Spellings(words: ["magnitudo", "bermagnitudo"], symbols: ["M"], before: true),
              english: Spellings(words: ["magnitude"], plurals: ["magnitude"], symbols: ["M"], before: true)),
        Entry(unit: .richter, indonesian: Spellings(words: ["Skala Richter"], symbols: ["SR"]),
              english: Spellings(words: ["on the Richter scale"], plurals: ["on the Richter scale"])),
        Entry(unit: .megawatt, indonesian: Spellings(words: ["megawatt"], symbols: ["MW"]),
              english: Spellings(words: ["megawatt"], plurals: ["megawatts"], symbols: ["MW"])),
        Entry(unit: .kilowattHour, indonesian: Spellings(symbols: ["kWh"]),
              english: Spellings(words: ["kilowatt-hour"], plurals: ["kilowatt-hours"], symbols: ["kWh"])),
        Entry(unit: .knot, indonesian: Spellings(words: ["knot"]),
              english: Spellings(words: ["knot"], plurals: ["knots"])),
        Entry(unit: .kilometerPerHour, indonesian: Spellings(words: ["kilometer per jam"], symbols: ["km/jam"]),
              english: Spellings(words: ["kilometer per hour"], plurals: ["kilometers per hour"], symbols: ["km/h", "kph"])),
        Entry(unit: .point, indonesian: Spellings(words: ["poin"]),
              english: Spellings(words: ["point"], plurals: ["points"])),
        Entry(unit: .percentagePoint, indonesian: Spellings(words: ["poin persentase"]),
              english: Spellings(words: ["percentage point"], plurals: ["percentage points"])),
        Entry(unit: .basisPoint, indonesian: Spellings(words: ["basis poin"], symbols: ["bps"]),
              english: Spellings(words: ["basis point"], plurals: ["basis points"], symbols: ["bps"])),
    ]

    static let byUnit: [MeasureUnit: Entry] = Dictionary(uniqueKeysWithValues: entries.map { ($0.unit, $0) })

    /// Symbols are case-exact (`M`, `MW`, `kWh`); words any case. A unit written before the
    /// figure is also read after it in English (`a 5.6-magnitude quake`).
    static func tables(_ language: ArticleLanguage) -> (before: PhraseTable<Spelling>, after: PhraseTable<Spelling>) {
        var before = PhraseTable<Spelling>([], case: .any)
        var after = PhraseTable<Spelling>([], case: .any)
        for entry in entries {
            let spellings = entry.spellings(language)
            let words = (spellings.words + spellings.plurals).map { ($0, Spelling(unit: entry.unit, symbol: false)) }
            let symbols = spellings.symbols.map { ($0, Spelling(unit: entry.unit, symbol: true)) }
            if spellings.before {
                before.add(words, case: .any)
                before.add(symbols, case: .exact)
                if language == .english { after.add(words, case: .any) }
            } else {
                after.add(words, case: .any)
                after.add(symbols, case: .exact)
            }
        }
        return (before, after)
    }
}
