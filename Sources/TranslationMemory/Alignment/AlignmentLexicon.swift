import Foundation

/// Word-level evidence that two sentences translate each other, in the spirit of hunalign's
/// dictionary score (Varga et al. 2005): every word is mapped to a set of *concepts*, integers
/// shared by both languages, and a word counts as matched when one of its concepts occurs on the
/// other side.
///
/// An English word's concepts are its light stem, its cognate skeleton and, for numbers, their
/// value. An Indonesian word's are the same, plus the stems of its English translations found in
/// the lexicon — for the word itself or for the stems that Indonesian affixation leaves (`di-`,
/// `meN-`, `-kan`, `-nya`, …). Numbers are read in each language's convention, so `1.500,5` and
/// `1,500.5` meet at `1500.5`.
public struct AlignmentLexicon: Sendable {
    /// Concept numbers of English keys (stems, numbers, cognate skeletons).
    private(set) var conceptNumbers: [String: Int32] = [:]
    /// Indonesian word (lower case) → English concept numbers.
    private(set) var translations: [String: [Int32]] = [:]
    public private(set) var indonesianFunctionWords: Set<String> = []
    public private(set) var englishFunctionWords: Set<String> = []

    /// Number of Indonesian headwords with at least one translation.
    public var entryCount: Int { translations.count }

    public init() {}

    /// The lexicon shipped with the project: the FreeDict/WikDict English–Indonesian word list
    /// (CC BY-SA 3.0), the common words of Indonesian news it lacks or translates narrowly, the
    /// fixed correspondences (months, days, `AS`/`U.S.`, `Rp`/`rupiah`, …) and the function-word
    /// lists. Loaded once.
    public static func shipped() throws -> AlignmentLexicon {
        try shippedLoad.get()
    }

    private static let shippedLoad: Result<AlignmentLexicon, Error> = Result {
        var lexicon = AlignmentLexicon()
        for name in ["alignment-lexicon-id-en.tsv", "alignment-core-id-en.tsv", "alignment-fixed-id-en.tsv"] {
            try lexicon.loadPairs(ResourceLoader.text(named: name), path: name)
        }
        lexicon.loadFunctionWords(try ResourceLoader.text(named: "alignment-function-words.txt"))
        return lexicon
    }
    /// Adds `indonesian<TAB>english` lines (English alternatives may be separated by `|`; `#`
    /// starts a comment). Multiword English sides contribute their content words; multiword
    /// Indonesian sides are skipped (the aligner matches words, not phrases).
    public mutating func loadPairs(_ text: String, path: String) throws {
        for (lineNumber, fields) in try DelimitedText.commentedRows(of: text, path: path) {
            guard fields.count >= 2 else {
                throw TMError(.invalidContent(reason: "expected indonesian<TAB>english"), path: path, line: lineNumber)
            }
            let indonesian = fields[0]
            if indonesian.contains(" ") { continue }
            for english in fields[1].split(separator: "|") {
                add(indonesian: indonesian, english: String(english))
            }
        }
    }

    /// Reads the function-word lists (`[id]` / `[en]` sections, words separated by white space).
    public mutating func loadFunctionWords(_ text: String) {
        var section = ""
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") || trimmed.isEmpty { continue }
            if trimmed == "[id]" || trimmed == "[en]" { section = trimmed; continue }
            for word in trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                if section == "[id]" { indonesianFunctionWords.insert(word.lowercased()) }
                if section == "[en]" { englishFunctionWords.insert(word.lowercased()) }
            }
        }
    }

    /// Adds one translation pair. The English side may be several words: each content word
    /// becomes a translation of the Indonesian word.
    public mutating func add(indonesian: String, english: String) {
        let source = indonesian.lowercased()
        guard !source.isEmpty else { return }
        let words = english.split(separator: " ").map { String($0) }
        let content = words.count == 1 ? words : words.filter { $0.count >= 3 && !englishFunctionWords.contains($0.lowercased()) }
        for word in content {
            // `dua → 2`: a number meets number tokens through its value.
            let key = word.first?.isNumber == true ? AlignmentLexicon.numberKeys(word, indonesian: false).first ?? word : AlignmentLexicon.englishKey(word)
            guard !key.isEmpty else { continue }
            let number = concept(key)
            var list = translations[source, default: []]
            if !list.contains(number) {
                list.append(number)
                translations[source] = list
            }
        }
    }

    mutating func concept(_ key: String) -> Int32 {
        if let number = conceptNumbers[key] { return number }
        let number = Int32(conceptNumbers.count)
        conceptNumbers[key] = number
        return number
    }

    func existingConcept(_ key: String) -> Int32? { conceptNumbers[key] }

    // MARK: - Word forms

    /// An English word's matching key: lower case, dots of abbreviations dropped (`U.S.` → `us`),
    /// irregular forms taken to their base (`children` → `child`, `found` → `find`), and a light
    /// stem after Porter's first step (1980): plural `-s`/`-es`/`-ies`, `-ed`, `-ing`, an adverb's
    /// `-ly`, then a final silent `-e`, so that `include`, `includes`, `included` and `including`
    /// share one key, and `rapidly` meets `rapid`.
    public static func englishKey(_ word: String) -> String {
        var w = word.lowercased()
        if w.contains(".") && w.contains(where: { $0.isLetter }) { w.removeAll { $0 == "." } }
        if w.hasSuffix("'s") || w.hasSuffix("’s") { w.removeLast(2) }
        guard w.count > 3, w.allSatisfy({ $0.isLetter || $0 == "-" }) else { return englishIrregularBases[w].map(dropSilentE) ?? w }
        if let base = englishIrregularBases[w] { return dropSilentE(base) }
        return dropSilentE(adverbStem(inflectionStem(w)))
    }

    /// An adverb's adjective (`rapidly` → `rapid`, `widely` → `wide`): words of six letters or more
    /// only (`only`, `early`, `daily` stay whole); `-ally` and `-ily` give `-al` and `-y`.
    private static func adverbStem(_ w: String) -> String {
        guard w.count >= 6, w.hasSuffix("ly") else { return w }
        if w.hasSuffix("ily") { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("lly") && !w.hasSuffix("ally") { return w }
        if w.hasSuffix("ply") || w.hasSuffix("bly") { return String(w.dropLast()) + "e" }
        return String(w.dropLast(2))
    }

    /// Plural, past and progressive endings taken off (`-s`, `-es`, `-ies`, `-ed`, `-ied`, `-ing`),
    /// a doubled final consonant undone (`stopped` → `stop`). A stem must keep a vowel and three
    /// letters (`shed`, `bring`, `sing` stay whole).
    private static func inflectionStem(_ w: String) -> String {
        func hasVowel(_ s: Substring) -> Bool { s.contains { "aeiouy".contains($0) } }
        if w.hasSuffix("ies") && w.count > 4 { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("sses") || w.hasSuffix("shes") || w.hasSuffix("ches") || w.hasSuffix("xes") || w.hasSuffix("zzes") { return String(w.dropLast(2)) }
        if w.hasSuffix("ss") || w.hasSuffix("us") || w.hasSuffix("is") { return w }
        if w.hasSuffix("s") { return String(w.dropLast()) }
        if w.hasSuffix("ied") && w.count > 4 { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("eed") { return w }
        if w.hasSuffix("ed"), w.count >= 5, hasVowel(w.dropLast(2)) { return stripDoubled(String(w.dropLast(2))) }
        if w.hasSuffix("ing"), w.count >= 6, hasVowel(w.dropLast(3)) { return stripDoubled(String(w.dropLast(3))) }
        return w
    }

    /// `include` → `includ`, to meet `included` and `including` (not `-ee`, not words of three
    /// letters: `one` must not become `on`).
    private static func dropSilentE(_ w: String) -> String {
        guard w.count >= 4, w.hasSuffix("e"), !w.hasSuffix("ee") else { return w }
        return String(w.dropLast())
    }

    private static func stripDoubled(_ stem: String) -> String {
        let scalars = Array(stem.unicodeScalars)
        if scalars.count >= 3, scalars[scalars.count - 1] == scalars[scalars.count - 2], !"lsz".unicodeScalars.contains(scalars[scalars.count - 1]) {
            return String(String.UnicodeScalarView(scalars.dropLast()))
        }
        return stem
    }

    /// A spelling skeleton that lets international words meet across the two orthographies:
    /// `diplomasi`/`diplomacy`, `vaksin`/`vaccine`, `informasi`/`information`,
    /// `universitas`/`university`. Returns the first five letters of the skeleton, or nil for short
    /// or non-Latin words (too little to go on).
    public static func cognateKey(_ word: String) -> String? {
        let w = word.lowercased()
        guard w.count >= 6 else { return nil }
        var letters: [Character] = []
        letters.reserveCapacity(w.count)
        for ch in w {
            guard ch.isASCII else { return nil }
            if ch.isLetter { letters.append(ch) }
        }
        guard letters.count >= 6 else { return nil }
        var out: [Character] = []
        var index = 0
        while index < letters.count {
            let ch = letters[index]
            let next: Character? = index + 1 < letters.count ? letters[index + 1] : nil
            switch ch {
            case "p" where next == "h": out.append("f"); index += 2; continue
            case "t" where next == "i" && index + 2 < letters.count && letters[index + 2] == "o":
                out.append("s"); out.append("i"); index += 3; continue
            case "c" where next == "e" || next == "i" || next == "y": out.append("s")
            case "c", "q": out.append("k")
            case "x": out.append("k"); out.append("s")
            case "y": out.append("i")
            default: out.append(ch)
            }
            index += 1
        }
        var collapsed: [Character] = []
        for ch in out where collapsed.last != ch { collapsed.append(ch) }
        guard collapsed.count >= 6 else { return nil }
        return "~" + String(collapsed.prefix(5))
    }

    /// English numbers written as words meet the digits of the Indonesian text (`two` / `2`); the
    /// Indonesian ones (`dua`) meet both through the fixed correspondences.
    static let englishNumberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12,
    ]

    /// The values a number token can stand for, as `#value` keys. Indonesian reads `.` as the
    /// thousands separator and `,` as the decimal comma; English the reverse; both keep the
    /// digits as written too (times `10.30`, years, and translations that kept one convention).
    /// A range `2-3` also yields its ends.
    public static func numberKeys(_ token: String, indonesian: Bool) -> [String] {
        var keys: [String] = []
        func addKey(_ value: String) {
            let key = "#" + value
            if !keys.contains(key) { keys.append(key) }
        }
        let parts = token.split(whereSeparator: { $0 == "-" || $0 == "\u{2010}" || $0 == "\u{2011}" }).map(String.init)
        for part in parts where part.first?.isNumber == true {
            let digitsOnly = part.filter { $0.isNumber }
            let thousands: Character = indonesian ? "." : ","
            let decimal: Character = indonesian ? "," : "."
            let groups = part.split(separator: decimal, maxSplits: 1, omittingEmptySubsequences: false)
            let integerGroups = groups[0].split(separator: thousands, omittingEmptySubsequences: false)
            let groupedWell = integerGroups.count > 1 && integerGroups.dropFirst().allSatisfy { $0.count == 3 } && (1...3).contains(integerGroups[0].count)
            var integer = groupedWell ? integerGroups.joined() : String(groups[0])
            if integer.contains(thousands) { integer = integer.filter { $0 != thousands } }
            var value = integer
            if groups.count == 2 {
                let fraction = groups[1].filter { $0.isNumber }
                let trimmed = fraction.replacingOccurrences(of: "0+$", with: "", options: .regularExpression)
                if !trimmed.isEmpty { value += "." + trimmed }
            }
            value = value.replacingOccurrences(of: "^0+(?=\\d)", with: "", options: .regularExpression)
            addKey(value)
            addKey(digitsOnly.replacingOccurrences(of: "^0+(?=\\d)", with: "", options: .regularExpression))
        }
        return keys
    }

    /// The candidate stems of an Indonesian word, least stripped first: reduplication
    /// (`negara-negara`), particles and possessives (`-lah`, `-nya`), suffixes (`-kan`, `-an`, `-i`)
    /// and prefixes (`di-`, `ter-`, `ber-`, `ke-`, `se-`, `meN-`/`peN-` with their sound changes).
    /// A confix-stripping stemmer after Nazief & Adriani (1996), without the dictionary loop.
    public static func indonesianStems(_ word: String) -> [String] {
        var w = word.lowercased()
        var results: [String] = []
        func add(_ s: String) { if s.count >= 3 && !results.contains(s) { results.append(s) } }
        if let dash = w.firstIndex(of: "-") {
            let first = String(w[..<dash])
            let rest = String(w[w.index(after: dash)...])
            if first == rest || rest.hasPrefix(first) || first.count >= 3 { w = first.count >= 3 ? first : rest }
        }
        add(w)
        var bases = [w]
        for particle in ["lah", "kah", "tah", "pun"] where w.hasSuffix(particle) && w.count > particle.count + 3 {
            bases.append(String(w.dropLast(particle.count)))
        }
        for base in bases {
            for possessive in ["nya", "ku", "mu"] where base.hasSuffix(possessive) && base.count > possessive.count + 3 {
                bases.append(String(base.dropLast(possessive.count)))
            }
        }
        var suffixed: [String] = []
        for base in bases {
            suffixed.append(base)
            for suffix in ["kan", "an", "i"] where base.hasSuffix(suffix) && base.count > suffix.count + 3 {
                suffixed.append(String(base.dropLast(suffix.count)))
            }
        }
        for base in suffixed { add(base) }
        for base in suffixed {
            for stripped in stripPrefixes(base) { add(stripped) }
        }
        return results
    }

    private static func stripPrefixes(_ word: String) -> [String] {
        var out: [String] = []
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        func after(_ prefix: String) -> String? {
            guard word.hasPrefix(prefix), word.count > prefix.count + 2 else { return nil }
            return String(word.dropFirst(prefix.count))
        }
        for simple in ["di", "ter", "ber", "ke", "se", "per", "be", "te"] {
            if let rest = after(simple) { out.append(rest) }
        }
        for (prefix, nasal) in [("me", "m"), ("pe", "p")] {
            guard word.hasPrefix(prefix) else { continue }
            if let rest = after(prefix + "ng") {
                out.append(rest)
                if let first = rest.first, vowels.contains(first) { out.append("k" + rest) }
                if rest.hasPrefix("e"), rest.count > 3 { out.append(String(rest.dropFirst())) }
            } else if let rest = after(prefix + "ny"), let first = rest.first, vowels.contains(first) {
                out.append("s" + rest)
            } else if let rest = after(prefix + "m") {
                if let first = rest.first, vowels.contains(first) { out.append("p" + rest) }
                out.append(rest)
            } else if let rest = after(prefix + "n") {
                if let first = rest.first, vowels.contains(first) { out.append("t" + rest) }
                out.append(rest)
            } else if let rest = after(prefix) {
                out.append(rest)
            }
            _ = nasal
        }
        // A second layer: `memper-`, `diper-`, `keber-`, …
        var deeper: [String] = []
        for first in out {
            for prefix in ["per", "ber", "ter"] where first.hasPrefix(prefix) && first.count > prefix.count + 2 {
                deeper.append(String(first.dropFirst(prefix.count)))
            }
        }
        return out + deeper
    }

    // MARK: - Concepts of a word

    /// The words of a sentence for matching: `WordTokenizer`'s, after dotted acronyms (`U.S.`,
    /// `U.N.`) are folded into one word.
    static func words(_ text: String) -> [WordToken] {
        WordTokenizer.tokenize(AbbreviationFolding.fold(text))
    }

    /// The concepts of an English word (never grows the table: unknown keys get fresh numbers
    /// only through `AlignmentConceptTable`).
    func englishConcepts(_ token: WordToken, table: inout AlignmentConceptTable) -> [Int32] {
        var result: [Int32] = []
        if token.isNumber {
            for key in AlignmentLexicon.numberKeys(token.text, indonesian: false) { result.append(table.number(for: key, lexicon: self)) }
        } else {
            result.append(table.number(for: AlignmentLexicon.englishKey(token.text), lexicon: self))
            if let cognate = AlignmentLexicon.cognateKey(token.text) { result.append(table.number(for: cognate, lexicon: self)) }
            if let value = AlignmentLexicon.englishNumberWords[token.normalized] { result.append(table.number(for: "#\(value)", lexicon: self)) }
            appendMixedNumber(token.text, indonesian: false, to: &result, table: &table)
        }
        return result
    }

    /// The concepts of an Indonesian word: itself (names, acronyms, loans), its translations, its
    /// cognate skeleton, and number values.
    func indonesianConcepts(_ token: WordToken, table: inout AlignmentConceptTable) -> [Int32] {
        var result: [Int32] = []
        if token.isNumber {
            for key in AlignmentLexicon.numberKeys(token.text, indonesian: true) { result.append(table.number(for: key, lexicon: self)) }
            return result
        }
        result.append(table.number(for: AlignmentLexicon.englishKey(token.text), lexicon: self))
        if let direct = translations[token.normalized] {
            result += direct
        } else {
            var found = 0
            for stem in AlignmentLexicon.indonesianStems(token.normalized) where stem != token.normalized {
                if let list = translations[stem] {
                    result += list
                    found += 1
                    if found == 2 { break }
                }
            }
        }
        if let cognate = AlignmentLexicon.cognateKey(token.text) { result.append(table.number(for: cognate, lexicon: self)) }
        appendMixedNumber(token.text, indonesian: true, to: &result, table: &table)
        return result
    }

    /// `Rp1.500`, `US$2`, `COVID-19`: the letters and the number of a mixed token both count.
    private func appendMixedNumber(_ text: String, indonesian: Bool, to result: inout [Int32], table: inout AlignmentConceptTable) {
        guard let digit = text.firstIndex(where: { $0.isNumber }), digit != text.startIndex else { return }
        let letters = String(text[..<digit]).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        let number = String(text[digit...])
        if !letters.isEmpty {
            result.append(table.number(for: AlignmentLexicon.englishKey(letters), lexicon: self))
            if indonesian, let list = translations[letters.lowercased()] { result += list }
        }
        for key in AlignmentLexicon.numberKeys(number, indonesian: indonesian) { result.append(table.number(for: key, lexicon: self)) }
    }
}

/// Concept numbers for one alignment run: the lexicon's, plus fresh numbers for keys the lexicon
/// does not know (names, numbers), so that the shared lexicon stays immutable.
struct AlignmentConceptTable {
    private var extra: [String: Int32] = [:]
    private let base: Int32

    init(lexicon: AlignmentLexicon) {
        base = Int32(lexicon.conceptNumbers.count)
    }

    /// True for a concept of the lexicon (a translation it knows), false for one made up for
    /// this run (a name, a number, a spelling skeleton).
    func isLexiconConcept(_ concept: Int32) -> Bool { concept < base }

    mutating func number(for key: String, lexicon: AlignmentLexicon) -> Int32 {
        if let known = lexicon.existingConcept(key) { return known }
        if let known = extra[key] { return known }
        let number = base + Int32(extra.count)
        extra[key] = number
        return number
    }
}

extension AlignmentLexicon {
    /// True when the two words would count as counterparts in alignment (translation, same
    /// token, same number, cognate).
    public func matches(indonesian: String, english: String) -> Bool {
        var table = AlignmentConceptTable(lexicon: self)
        let idTokens = AlignmentLexicon.words(indonesian), enTokens = AlignmentLexicon.words(english)
        let idConcepts = Set(idTokens.flatMap { indonesianConcepts($0, table: &table) })
        return enTokens.contains { englishConcepts($0, table: &table).contains(where: idConcepts.contains) }
    }
}
