import Foundation

/// The words that compound numbers are built of, in each language: digits' words, the words of
/// tens and teens, hundreds, dozens and halves. `NumberWordReader` puts them together
/// (`dua puluh lima`, `seratus dua puluh`, `twenty-five`, `one hundred and twenty`); the scale
/// words above a hundred (`ribu`, `juta`, `thousand`, `million`) are `QuantityVocabulary`'s.
/// Written for this project from Indonesian grammar (KBBI's numerals: `se-` is "one", `belas`
/// the teens, `puluh` tens, `ratus` hundreds) and English usage (AP spells out numbers below 10).
enum NumberWordVocabulary {
    /// 1…9.
    static let units: [ArticleLanguage: [String: Int]] = [
        .indonesian: ["satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9],
        .english: ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9],
    ]

    /// Words that are a whole number below a hundred by themselves (Indonesian `se-` words,
    /// English teens and tens).
    static let tens: [ArticleLanguage: [String: Int]] = [
        .indonesian: ["sepuluh": 10, "sebelas": 11],
        .english: ["ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                   "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
                   "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90],
    ]

    /// Indonesian words after a unit: `dua belas` 12, `dua puluh` 20, `dua ratus` 200.
    static let teenWord = "belas"
    static let tensWord = "puluh"
    static let hundredWords: [ArticleLanguage: String] = [.indonesian: "ratus", .english: "hundred"]

    /// Words that are a hundred, a thousand or a million by themselves (`se-` is "one").
    static let roundWords: [ArticleLanguage: [String: Int]] = [
        .indonesian: ["seratus": 100, "seribu": 1_000, "sejuta": 1_000_000],
        .english: [:],
    ]

    /// Twelve: `lusin`/`dozen` after a number (`dua lusin`, `two dozen`), or alone (`selusin`, `a dozen`).
    static let dozenWords: [ArticleLanguage: [String: Int]] = [
        .indonesian: ["lusin": 12, "selusin": 12],
        .english: ["dozen": 12],
    ]

    /// Fractions written as words: alone (`setengah`, `half`) or after a whole number
    /// (`satu setengah`, `two and a half`).
    static let fractionWords: [ArticleLanguage: [String: Decimal]] = [
        .indonesian: ["setengah": 0.5, "separuh": 0.5, "seperempat": 0.25],
        .english: ["half": 0.5],
    ]

    /// The scale words a compound number may run on through (`dua juta lima ratus ribu`), by value.
    static let scaleWords: [ArticleLanguage: [String: QuantityScale]] = [
        .indonesian: ["ribu": .thousand, "juta": .million, "miliar": .billion, "milyar": .billion, "triliun": .trillion],
        .english: ["thousand": .thousand, "million": .million, "billion": .billion, "trillion": .trillion],
    ]

    /// Every word above, lower-cased: what the recogniser must not pass over.
    static func words(_ language: ArticleLanguage) -> Set<String> {
        var words = Set<String>()
        for table in [units, tens, roundWords, dozenWords] { if let entries = table[language] { words.formUnion(entries.keys) } }
        if let entries = fractionWords[language] { words.formUnion(entries.keys) }
        if let hundred = hundredWords[language] { words.insert(hundred) }
        if language == .indonesian { words.formUnion([teenWord, tensWord]) }
        return words
    }
}
