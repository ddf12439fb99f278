import Foundation

/// A bilingual term proposed from the memory.
public struct TermSuggestion: Sendable, Codable, Hashable {
    /// The Indonesian term as most often written.
    public var source: String
    /// Its English rendering as most often found by alignment (or co-occurrence, for the baseline).
    public var target: String
    /// Occurrences of the Indonesian term in the memory's units.
    public var frequency: Int
    /// Occurrences whose aligned English span is `target`.
    public var targetCount: Int
    /// `targetCount / frequency` for alignment; co-occurrence share for the baseline.
    public var confidence: Double
    /// The ranking score (higher first).
    public var score: Double
    /// Other renderings found, most frequent first, with their counts.
    public var otherTargets: [TermSuggestionRendering]
    public var example: TermSuggestionExample?
}

public struct TermSuggestionRendering: Sendable, Codable, Hashable {
    public var text: String
    public var count: Int
}

/// A unit showing the suggested pair in use.
public struct TermSuggestionExample: Sendable, Codable, Hashable {
    public var indonesian: String
    public var english: String
    public var origin: UnitOrigin?
}

/// How to pair Indonesian candidates with English.
public enum TermSuggestionMethod: String, Sendable, Codable, CaseIterable {
    /// IBM Model 1 both ways, symmetrised (grow-diag), consistent phrase spans (Och & Ney 2003).
    case alignment
    /// Most frequent n-grams, each with the English word most often in the same units.
    case baseline
}

public struct TermSuggesterOptions: Sendable {
    public var minCount = 3
    public var limit = 50
    public var maxWords = 4
    public var method = TermSuggestionMethod.alignment
    /// Units used for training the word alignment (the t-tables grow with co-occurring pairs).
    public var maxUnits = 50_000
    public var iterations = 5

    public init(minCount: Int = 3, limit: Int = 50, method: TermSuggestionMethod = .alignment) {
        self.minCount = minCount
        self.limit = limit
        self.method = method
    }
}

/// How far a suggestion run has got, for a progress bar.
public enum TermSuggesterProgress: Sendable {
    /// Reading the memory's units.
    case reading(ReadProgress)
    /// Training the word alignment and pairing the candidates: the share done, 0–1.
    case aligning(Double)
}

/// One aligned unit's text, as the suggester reads it.
public struct TermSuggesterPair: Sendable {
    public var indonesian: String
    public var english: String
    public var origin: UnitOrigin?

    public init(indonesian: String, english: String, origin: UnitOrigin? = nil) {
        self.indonesian = indonesian
        self.english = english
        self.origin = origin
    }
}

/// Bilingual term extraction from aligned units. Indonesian candidates are 1–4-word n-grams that
/// do not cross punctuation, contain no bare number and neither start nor end with a function
/// word; shorter candidates nearly always inside a longer one are dropped (the nesting test of
/// C-value, Frantzi et al. 2000). Each occurrence is paired with the English span its words align
/// to: IBM Model 1 (Brown et al. 1993) trained both ways, the two Viterbi alignments symmetrised by
/// grow-diag (Koehn et al. 2003), and the span accepted only when consistent (no word inside it
/// aligned outside the candidate; Och & Ney 2003) and cut where words are, in the text and in the
/// alignment. The rendering is the span found most often; confidence is its share of the
/// occurrences; ranking favours confident, frequent, longer terms, and general vocabulary less.
public enum TermSuggester {
    /// Reads the memory's Indonesian–English units and suggests terms not already in `glossary`;
    /// `progress` hears how far the reading, then the alignment, are.
    ///
    /// - Complexity: O(units × words²) per alignment iteration; memory O(co-occurring word pairs).
    public static func suggest(store: TranslationMemoryStore, glossary: Glossary, options: TermSuggesterOptions,
                               progress: ((TermSuggesterProgress) -> Void)? = nil)
        throws -> (suggestions: [TermSuggestion], units: Int, skipped: [SkippedUnit]) {
        var pairs: [TermSuggesterPair] = []
        let skipped = try store.forEachUnit(progress: progress.map { report in { report(.reading($0)) } }) { unit, origin in
            guard let pair = unit.indonesianEnglishPair else { return }
            pairs.append(TermSuggesterPair(indonesian: pair.indonesian, english: pair.english, origin: origin))
        }
        let aligning = progress.map { report in { (share: Double) in report(.aligning(share)) } }
        return (try suggest(pairs: pairs, glossary: glossary, options: options, progress: aligning), pairs.count, skipped)
    }

    // MARK: Word lists

    /// Indonesian function words: a candidate never starts or ends with one.
    public static let indonesianFunctionWords: Set<String> = [
        "yang", "dan", "di", "ke", "dari", "untuk", "pada", "dengan", "itu", "ini", "adalah", "ialah", "merupakan",
        "dalam", "akan", "tidak", "tak", "juga", "atau", "oleh", "sebagai", "karena", "karna", "bisa", "dapat", "ada",
        "telah", "sudah", "belum", "saat", "ketika", "lebih", "paling", "para", "kami", "kita", "mereka", "ia", "dia",
        "anda", "saya", "aku", "kamu", "seperti", "bahwa", "jika", "kalau", "apabila", "bila", "hanya", "masih",
        "namun", "tetapi", "tapi", "agar", "supaya", "secara", "antara", "setelah", "sebelum", "sejak", "hingga",
        "sampai", "tersebut", "lain", "semua", "banyak", "beberapa", "sebuah", "seorang", "suatu", "para", "pun",
        "lah", "kah", "nya", "serta", "maupun", "melalui", "terhadap", "tentang", "mengenai", "bagi", "oleh",
        "sedang", "sangat", "cukup", "begitu", "sehingga", "maka", "lalu", "kemudian", "yaitu", "yakni", "setiap",
        "tiap", "per", "atas", "bawah", "luar", "sekitar", "hampir", "selama", "sementara", "meskipun", "walaupun",
        "walau", "meski", "sendiri", "harus", "perlu", "boleh", "mungkin", "mau", "ingin", "akan", "pernah", "sering",
        "apa", "siapa", "mana", "bagaimana", "mengapa", "kapan", "berapa", "jadi", "demikian", "bahkan", "saja",
        "sama", "tiga", "dua", "satu", "empat", "lima", "kedua", "pertama", "ketiga", "salah", "bukan", "tanpa",
        "oleh", "dimana", "terutama", "misalnya", "contohnya", "termasuk", "yg", "dgn", "utk", "sudah", "baru",
        "anda", "beliau", "engkau", "kalian", "nya", "daripada", "kepada", "akibat", "sekali", "lagi", "pula",
        "tersebut", "sesuatu", "hal", "cara", "dll", "dsb", "tsb", "bahwasanya", "agak", "kurang", "amat",
    ]

    /// Verbs that work like function words in news: speech verbs and attribution (`mengatakan`,
    /// `kata`, `ujar`, `menurut`) and light verbs (`menjadi`, `melakukan`). They are never a term
    /// and never begin or end one.
    public static let indonesianFunctionVerbs: Set<String> = [
        "kata", "katanya", "berkata", "mengatakan", "dikatakan", "ujar", "ujarnya", "tutur", "tuturnya", "menuturkan",
        "ungkap", "ungkapnya", "mengungkapkan", "menyatakan", "dinyatakan", "menambahkan", "imbuh", "imbuhnya",
        "menjelaskan", "menegaskan", "menyebutkan", "sebut", "sebutnya", "lanjut", "lanjutnya", "jelasnya", "menurut", "menurutnya",
        "menjadi", "memiliki", "mempunyai", "melakukan", "dilakukan", "membuat", "dibuat", "memberikan", "diberikan",
        "mendapatkan", "mendapat",
    ]

    /// English function words: trimmed from the ends of renderings; never a baseline rendering.
    public static let englishFunctionWords: Set<String> = [
        "the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are",
        "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "which", "who", "whom",
        "what", "there", "their", "they", "them", "he", "she", "his", "her", "we", "our", "you", "your", "i", "my",
        "me", "not", "no", "but", "if", "than", "then", "so", "such", "can", "could", "may", "might", "will", "would",
        "shall", "should", "must", "do", "does", "did", "have", "has", "had", "also", "into", "about", "more", "most",
        "some", "any", "all", "other", "only", "very", "when", "where", "how", "why", "while", "after", "before",
        "up", "out", "over", "under", "between", "through", "during", "because", "each", "both", "many", "much",
        "one", "two", "three", "s", "like", "even", "just", "still", "yet", "however", "although", "though",
    ]

    /// Trimmed from the ends of an aligned English span.
    static let englishDeterminers: Set<String> = ["the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "your", "my"]
    /// Trimmed from the end of an aligned English span: no term ends with them (`billion by`).
    static let englishTrailingWords: Set<String> = ["of", "in", "on", "at", "by", "for", "with", "from", "to", "into", "and", "or", "as", "than"]

    // MARK: Suggest

    struct Unit {
        var indonesian: [WordToken]
        var english: [WordToken]
        /// The texts the tokens were taken from: dotted acronyms folded (`U.S.` → `US`).
        var indonesianText: String
        var englishText: String
        var idIDs: [Int32]
        var enIDs: [Int32]
        /// breakAfter[k]: punctuation between Indonesian word k and k+1.
        var breakAfter: [Bool]
        var pair: TermSuggesterPair
    }

    struct Occurrence {
        var unit: Int
        var first: Int
        var count: Int
    }

    /// - Parameter progress: hears the share of the alignment done, 0–1.
    public static func suggest(pairs: [TermSuggesterPair], glossary: Glossary, options: TermSuggesterOptions,
                               progress: ((Double) -> Void)? = nil) throws -> [TermSuggestion] {
        var idVocabulary: [String: Int32] = [:]
        var enVocabulary: [String: Int32] = [:]
        func id(_ word: String, _ vocabulary: inout [String: Int32]) -> Int32 {
            if let known = vocabulary[word] { return known }
            let next = Int32(vocabulary.count + 1)  // 0 is NULL
            vocabulary[word] = next
            return next
        }
        var units: [Unit] = []
        units.reserveCapacity(pairs.count)
        for pair in pairs {
            // Folded, `U.S.` is one word that meets `AS`, and a rendering never ends in `U.S`.
            let indonesianText = AbbreviationFolding.fold(pair.indonesian), englishText = AbbreviationFolding.fold(pair.english)
            let idTokens = WordTokenizer.tokenize(indonesianText)
            let enTokens = WordTokenizer.tokenize(englishText)
            guard !idTokens.isEmpty, !enTokens.isEmpty else { continue }
            let scalars = Array(indonesianText.unicodeScalars)
            var breaks = [Bool](repeating: false, count: idTokens.count)
            for k in 0..<(idTokens.count - 1) {
                breaks[k] = scalars[idTokens[k].end..<idTokens[k + 1].start].contains { !$0.properties.isWhitespace }
            }
            units.append(Unit(indonesian: idTokens, english: enTokens, indonesianText: indonesianText, englishText: englishText,
                              idIDs: idTokens.map { id($0.normalized, &idVocabulary) },
                              enIDs: enTokens.map { id($0.normalized, &enVocabulary) },
                              breakAfter: breaks, pair: pair))
        }

        // Candidates and their occurrences.
        var occurrences: [String: [Occurrence]] = [:]
        for (u, unit) in units.enumerated() {
            let tokens = unit.indonesian
            for first in tokens.indices {
                if !isContentWord(tokens[first]) { continue }
                var length = 1
                while length <= options.maxWords && first + length <= tokens.count {
                    let last = first + length - 1
                    if length > 1 && unit.breakAfter[last - 1] { break }
                    if tokens[last].isNumber { break }
                    if isContentWord(tokens[last]) {
                        let key = tokens[first...last].map(\.normalized).joined(separator: " ")
                        occurrences[key, default: []].append(Occurrence(unit: u, first: first, count: length))
                    }
                    length += 1
                }
            }
        }
        occurrences = occurrences.filter { $0.value.count >= options.minCount }
        // Nesting: a candidate found ≥ 90% of the time inside one longer candidate gives way to it.
        var nestedIn: [String: Set<String>] = [:]
        for (key, list) in occurrences {
            let words = key.split(separator: " ")
            guard words.count >= 2 else { continue }
            let prefix = words.dropLast().joined(separator: " ")
            let suffix = words.dropFirst().joined(separator: " ")
            for part in [prefix, suffix] {
                if let shorter = occurrences[part], Double(list.count) >= 0.9 * Double(shorter.count) { nestedIn[part, default: []].insert(key) }
            }
        }
        // Coordinations of two one-word terms (`Tiongkok dan Italia`) are not terms.
        var coordinations = Set<String>()
        for key in occurrences.keys {
            let words = key.split(separator: " ")
            if words.count == 3, words[1] == "dan" || words[1] == "atau", occurrences[String(words[0])] != nil, occurrences[String(words[2])] != nil {
                coordinations.insert(key)
            }
        }
        // Already in the glossary, in any of the forms written (`ASEAN` matches only in capitals;
        // `kemitraannya` is `kemitraan`).
        let matcher = try GlossaryMatcher(glossary: glossary)
        var known = Set<String>()
        if !glossary.entries.isEmpty {
            for (key, list) in occurrences {
                let forms = Set(list.map { text(units[$0.unit].indonesianText, units[$0.unit].indonesian, $0.first...($0.first + $0.count - 1)) })
                if forms.contains(where: { form in
                    matcher.matches(in: form, language: .indonesian).contains { $0.firstWord == 0 && $0.endWord == list[0].count }
                }) {
                    known.insert(key)
                }
            }
        }
        let candidates = occurrences.filter { !coordinations.contains($0.key) && !known.contains($0.key) }

        let suggestions: [TermSuggestion]
        switch options.method {
        case .alignment:
            // Nested candidates are aligned too: when the longer term finds no rendering (its
            // occurrences belong to the shorter one), the shorter stands.
            let found = alignmentSuggestions(candidates, terms: Set(occurrences.keys), units: units, idVocabulary: idVocabulary.count + 1,
                                             enVocabulary: enVocabulary.count + 1, options: options, stemmer: try IndonesianStemmer.shared,
                                             progress: progress)
            suggestions = found.filter { key, _ in !(nestedIn[key] ?? []).contains { found[$0] != nil || known.contains($0) } }.map(\.value)
        case .baseline:
            suggestions = baselineSuggestions(candidates.filter { nestedIn[$0.key] == nil }, units: units, enVocabulary: enVocabulary)
        }
        return Array(suggestions.sorted { $0.score != $1.score ? $0.score > $1.score : $0.source < $1.source }.prefix(options.limit))
    }

    static func isContentWord(_ token: WordToken) -> Bool {
        !token.isNumber && token.normalized.count >= 2 && !indonesianFunctionWords.contains(token.normalized)
            && !indonesianFunctionVerbs.contains(token.normalized)
            && token.normalized.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    /// Everyday words of news reports: counts, time and the like, translated the same way
    /// everywhere and never what a glossary is for.
    public static let basicNewsWords: Set<String> = [
        "tahun", "bulan", "minggu", "pekan", "hari", "jam", "menit", "kali", "persen", "orang", "negara", "pihak",
        "jumlah", "bagian", "waktu", "hal", "kota", "daerah", "tempat", "triliun", "miliar", "juta", "ribu", "ratus", "puluh",
    ]

    /// A one-word suggestion of the general language, which a glossary seldom needs: a basic news
    /// word (`tahun` → year), or a lower-case verb (`meN-`, `di-`, `ber-`, `ter-` on a known root:
    /// `mencapai` → reached, `dilaporkan` → reported). Nouns made with `peN-…-an` or `ke-…-an`
    /// (`pernapasan`, `kemitraan`) are not: terms are mostly nouns.
    static func isGeneralVocabulary(_ source: String, target: String, stemmer: IndonesianStemmer) -> Bool {
        guard !source.contains(" "), !target.contains(" "), source.first?.isLowercase == true else { return false }
        let word = source.lowercased()
        if basicNewsWords.contains(word) { return true }
        let analysis = stemmer.analyse(word, mode: .derivational)
        guard analysis.stem != word, let prefix = analysis.prefixes.first else { return false }
        return ["me", "di", "ber", "be", "ter", "te"].contains(prefix)
    }

    /// The most frequent written form of a term, preferring occurrences not at the start of a
    /// sentence (where capitals say nothing).
    static func surfaceForm(_ forms: [(text: String, initial: Bool)]) -> String {
        var counts: [String: Int] = [:]
        for form in forms where !form.initial { counts[form.text, default: 0] += 1 }
        if counts.isEmpty { for form in forms { counts[form.text, default: 0] += 1 } }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? ""
    }

    static func text(_ pairText: String, _ tokens: [WordToken], _ range: ClosedRange<Int>) -> String {
        let scalars = Array(pairText.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[tokens[range.lowerBound].start..<tokens[range.upperBound].end])
        return String(view)
    }

    // MARK: Alignment method

    /// The share of its score a general-vocabulary suggestion keeps: below the terms, not gone.
    static let generalVocabularyWeight = 0.5

    /// IBM Model 1 translation table t(target | source) as a sparse map over co-occurring pairs.
    struct LexicalTable {
        var probabilities: [UInt64: Float] = [:]
        @inline(__always) static func key(_ source: Int32, _ target: Int32) -> UInt64 { UInt64(UInt32(source)) << 32 | UInt64(UInt32(target)) }
        func p(_ target: Int32, given source: Int32) -> Float { probabilities[LexicalTable.key(source, target)] ?? 0 }
    }

    /// EM training of IBM Model 1 with a NULL source word (id 0). Every co-occurring pair gets a
    /// parameter number once; each sentence keeps the numbers of its cells, so the iterations run
    /// over flat arrays instead of hashing pairs.
    static func trainModel1(sources: [[Int32]], targets: [[Int32]], sourceVocabulary: Int, iterations: Int,
                            iterationDone: (() -> Void)? = nil) -> LexicalTable {
        var index: [UInt64: Int32] = [:]
        var sourceOf: [Int32] = []
        var cells: [[Int32]] = []
        cells.reserveCapacity(sources.count)
        for (s, t) in zip(sources, targets) {
            var flat: [Int32] = []
            flat.reserveCapacity(t.count * (s.count + 1))
            for target in t {
                for position in -1..<s.count {
                    let source = position < 0 ? 0 : s[position]
                    let key = LexicalTable.key(source, target)
                    if let id = index[key] {
                        flat.append(id)
                    } else {
                        let id = Int32(sourceOf.count)
                        index[key] = id
                        sourceOf.append(source)
                        flat.append(id)
                    }
                }
            }
            cells.append(flat)
        }
        var probabilities = [Float](repeating: 1, count: sourceOf.count)
        for _ in 0..<iterations {
            var counts = [Float](repeating: 0, count: probabilities.count)
            for (n, flat) in cells.enumerated() {
                let width = sources[n].count + 1
                var offset = 0
                while offset < flat.count {
                    var normaliser: Float = 0
                    for cell in offset..<(offset + width) { normaliser += probabilities[Int(flat[cell])] }
                    if normaliser > 0 {
                        for cell in offset..<(offset + width) {
                            let id = Int(flat[cell])
                            counts[id] += probabilities[id] / normaliser
                        }
                    }
                    offset += width
                }
            }
            var totals = [Float](repeating: 0, count: sourceVocabulary)
            for id in counts.indices { totals[Int(sourceOf[id])] += counts[id] }
            for id in probabilities.indices {
                let total = totals[Int(sourceOf[id])]
                probabilities[id] = total > 0 ? counts[id] / total : 0
            }
            iterationDone?()
        }
        var table = LexicalTable()
        table.probabilities.reserveCapacity(index.count)
        for (key, id) in index { table.probabilities[key] = probabilities[Int(id)] }
        return table
    }

    /// Symmetrised word alignment of one unit: links (Indonesian index, English index).
    static func align(_ unit: Unit, forward: LexicalTable, backward: LexicalTable) -> Set<Int> {
        let n = unit.idIDs.count, m = unit.enIDs.count
        func link(_ i: Int, _ j: Int) -> Int { i * m + j }
        var forwardLinks = Set<Int>(), backwardLinks = Set<Int>()
        for j in 0..<m {
            var best = forward.p(unit.enIDs[j], given: 0), bestI = -1
            for i in 0..<n {
                let p = forward.p(unit.enIDs[j], given: unit.idIDs[i])
                if p > best { best = p; bestI = i }
            }
            if bestI >= 0 { forwardLinks.insert(link(bestI, j)) }
        }
        for i in 0..<n {
            var best = backward.p(unit.idIDs[i], given: 0), bestJ = -1
            for j in 0..<m {
                let p = backward.p(unit.idIDs[i], given: unit.enIDs[j])
                if p > best { best = p; bestJ = j }
            }
            if bestJ >= 0 { backwardLinks.insert(link(i, bestJ)) }
        }
        var links = forwardLinks.intersection(backwardLinks)
        let union = forwardLinks.union(backwardLinks)
        // grow-diag: add union links next to an existing link when one of their words is unaligned.
        var alignedI = Set(links.map { $0 / m }), alignedJ = Set(links.map { $0 % m })
        var added = true
        while added {
            added = false
            for l in links {
                let i = l / m, j = l % m
                for (di, dj) in [(-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1)] {
                    let ni = i + di, nj = j + dj
                    guard ni >= 0, ni < n, nj >= 0, nj < m else { continue }
                    let candidate = link(ni, nj)
                    if !links.contains(candidate), union.contains(candidate), !alignedI.contains(ni) || !alignedJ.contains(nj) {
                        links.insert(candidate)
                        alignedI.insert(ni); alignedJ.insert(nj)
                        added = true
                    }
                }
            }
        }
        return links
    }

    /// True when the English span `low...high` begins and ends where written words do: not glued
    /// to a letter, digit or symbol (`US` in `US$1,500` is a piece of a word, not a rendering).
    static func isWholeSpan(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
        func glued(_ scalar: Unicode.Scalar) -> Bool {
            let category = scalar.properties.generalCategory
            return WordTokenizer.isWord(scalar) || category == .currencySymbol || category == .mathSymbol || category == .otherSymbol
        }
        return (start == 0 || !glued(scalars[start - 1])) && (end >= scalars.count || !glued(scalars[end]))
    }

    /// True when a word next to the candidate, which the alignment left unaligned, translates a
    /// word of the span better than the candidate's words do: the span then holds that word's
    /// translation too (`kemitraan` → strategic partnership, `strategis` unaligned).
    static func cutsAPhrase(_ unit: Unit, range: ClosedRange<Int>, span: ClosedRange<Int>, targets: Set<Int>, aligned: Set<Int>,
                            forward: LexicalTable) -> Bool {
        let neighbours = [range.lowerBound - 1, range.upperBound + 1].filter { unit.idIDs.indices.contains($0) && !aligned.contains($0) }
        guard !neighbours.isEmpty else { return false }
        for j in span where targets.contains(j) {
            let english = unit.enIDs[j]
            let inside = range.map { forward.p(english, given: unit.idIDs[$0]) }.max() ?? 0
            if neighbours.contains(where: { forward.p(english, given: unit.idIDs[$0]) > inside }) { return true }
        }
        return false
    }

    /// True when the candidate's end words add nothing to the English span (unaligned, or
    /// aligned only to words trimmed from it) and what is left is a term of its own: the
    /// occurrence belongs to the shorter term (`kemitraan strategis di bidang` → strategic
    /// partnership is `kemitraan strategis`). `Menteri Luar Negeri` keeps an unaligned `Negeri`,
    /// since `menteri luar` is no term.
    static func belongsToShorterTerm(_ unit: Unit, range: ClosedRange<Int>, span: ClosedRange<Int>, links: Set<Int>,
                                     terms: Set<String>) -> Bool {
        let m = unit.english.count
        func contributes(_ i: Int) -> Bool { links.contains { $0 / m == i && span.contains($0 % m) } }
        var first = range.lowerBound, last = range.upperBound
        while first < last, !contributes(first) { first += 1 }
        while last > first, !contributes(last) { last -= 1 }
        guard first != range.lowerBound || last != range.upperBound else { return false }
        return terms.contains(unit.indonesian[first...last].map(\.normalized).joined(separator: " "))
    }

    /// The suggestion for each candidate that found a rendering, by candidate key.
    static func alignmentSuggestions(_ candidates: [String: [Occurrence]], terms: Set<String>, units: [Unit], idVocabulary: Int,
                                     enVocabulary: Int, options: TermSuggesterOptions, stemmer: IndonesianStemmer,
                                     progress: ((Double) -> Void)? = nil) -> [String: TermSuggestion] {
        // Progress in steps: each training iteration both ways, then the candidates as one step.
        let steps = Double(2 * options.iterations + 1)
        var stepsDone = 0.0
        let iterationDone = progress.map { report in { stepsDone += 1; report(stepsDone / steps) } }
        let training = units.prefix(options.maxUnits)
        let forward = trainModel1(sources: training.map(\.idIDs), targets: training.map(\.enIDs), sourceVocabulary: idVocabulary,
                                  iterations: options.iterations, iterationDone: iterationDone)
        let backward = trainModel1(sources: training.map(\.enIDs), targets: training.map(\.idIDs), sourceVocabulary: enVocabulary,
                                   iterations: options.iterations, iterationDone: iterationDone)
        // Align only the units holding a candidate, once each.
        var alignments: [Int: Set<Int>] = [:]
        var suggestions: [String: TermSuggestion] = [:]
        for (done, (key, list)) in candidates.enumerated() {
            if let progress, done % 256 == 0 { progress((stepsDone + Double(done) / Double(candidates.count)) / steps) }
            var renderings: [String: (count: Int, forms: [(String, Bool)], example: Int)] = [:]
            var sourceForms: [(text: String, initial: Bool)] = []
            for occurrence in list {
                let unit = units[occurrence.unit]
                let range = occurrence.first...(occurrence.first + occurrence.count - 1)
                sourceForms.append((text(unit.indonesianText, unit.indonesian, range), occurrence.first == 0))
                let links: Set<Int>
                if let cached = alignments[occurrence.unit] { links = cached } else {
                    links = align(unit, forward: forward, backward: backward)
                    alignments[occurrence.unit] = links
                }
                let m = unit.english.count
                let aligned = Set(links.map { $0 / m })
                let targets = Set(links.filter { range.contains($0 / m) }.map { $0 % m })
                guard var low = targets.min(), var high = targets.max() else { continue }
                // Consistency: nothing inside the span aligned outside the candidate.
                if links.contains(where: { (low...high).contains($0 % m) && !range.contains($0 / m) }) { continue }
                // Indonesian has no articles: an aligned article or determiner at either end is
                // dropped, and so is a preposition at the end; the span then ends again at words
                // aligned to the candidate (`agreed to deepen their` → agreed).
                while low < high, englishDeterminers.contains(unit.english[low].normalized) || !targets.contains(low) { low += 1 }
                while high > low, englishDeterminers.contains(unit.english[high].normalized) || englishTrailingWords.contains(unit.english[high].normalized)
                    || !targets.contains(high) { high -= 1 }
                if englishFunctionWords.contains(unit.english[low].normalized) && low == high { continue }
                if high - low + 1 > occurrence.count + 3 { continue }
                if cutsAPhrase(unit, range: range, span: low...high, targets: targets, aligned: aligned, forward: forward)
                    || belongsToShorterTerm(unit, range: range, span: low...high, links: links, terms: terms) { continue }
                let englishScalars = Array(unit.englishText.unicodeScalars)
                guard isWholeSpan(englishScalars, from: unit.english[low].start, to: unit.english[high].end) else { continue }
                let surface = text(unit.englishText, unit.english, low...high)
                let key = surface.lowercased()
                var entry = renderings[key] ?? (0, [], occurrence.unit)
                entry.count += 1
                entry.forms.append((surface, low == 0))
                if unit.pair.english.count < units[entry.example].pair.english.count { entry.example = occurrence.unit }
                renderings[key] = entry
            }
            guard let best = renderings.max(by: { $0.value.count != $1.value.count ? $0.value.count < $1.value.count : $0.key > $1.key }) else { continue }
            let frequency = list.count
            let confidence = Double(best.value.count) / Double(frequency)
            let words = list[0].count
            let source = surfaceForm(sourceForms), target = surfaceForm(best.value.forms.map { (text: $0.0, initial: $0.1) })
            var score = confidence * log2(1 + Double(best.value.count)) * (1 + 0.3 * Double(words - 1))
            if isGeneralVocabulary(source, target: target, stemmer: stemmer) { score *= generalVocabularyWeight }
            let exampleUnit = units[best.value.example].pair
            let others = renderings.filter { $0.key != best.key }.sorted { $0.value.count > $1.value.count }.prefix(3)
                .map { TermSuggestionRendering(text: surfaceForm($0.value.forms.map { (text: $0.0, initial: $0.1) }), count: $0.value.count) }
            suggestions[key] = TermSuggestion(
                source: source, target: target,
                frequency: frequency, targetCount: best.value.count, confidence: (confidence * 1000).rounded() / 1000,
                score: (score * 1000).rounded() / 1000, otherTargets: Array(others),
                example: TermSuggestionExample(indonesian: exampleUnit.indonesian, english: exampleUnit.english, origin: exampleUnit.origin))
        }
        return suggestions
    }

    // MARK: Baseline

    /// Most frequent n-grams, each with the content word most often found in the same units.
    static func baselineSuggestions(_ candidates: [String: [Occurrence]], units: [Unit], enVocabulary: [String: Int32]) -> [TermSuggestion] {
        var words = [String](repeating: "", count: enVocabulary.count + 1)
        for (word, id) in enVocabulary { words[Int(id)] = word }
        var suggestions: [TermSuggestion] = []
        for (_, list) in candidates {
            let unitSet = Set(list.map(\.unit))
            var counts: [Int32: Int] = [:]
            for u in unitSet {
                for id in Set(units[u].enIDs) where !englishFunctionWords.contains(words[Int(id)]) && !units[u].english.contains(where: { $0.isNumber && $0.normalized == words[Int(id)] }) {
                    counts[id, default: 0] += 1
                }
            }
            guard let best = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else { continue }
            let first = list[0]
            let unit = units[first.unit]
            let source = surfaceForm(list.map { (text(units[$0.unit].indonesianText, units[$0.unit].indonesian, $0.first...($0.first + $0.count - 1)), $0.first == 0) })
            suggestions.append(TermSuggestion(
                source: source, target: words[Int(best.key)], frequency: list.count, targetCount: best.value,
                confidence: (Double(best.value) / Double(unitSet.count) * 1000).rounded() / 1000,
                score: Double(list.count), otherTargets: [],
                example: TermSuggestionExample(indonesian: unit.pair.indonesian, english: unit.pair.english, origin: unit.pair.origin)))
        }
        return suggestions
    }
}
