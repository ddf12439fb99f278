import Foundation

/// How a glossary term was found in a text.
public enum GlossaryMatchKind: String, Sendable, Codable, Hashable {
    /// Word for word as in the glossary (case aside).
    case exact
    /// Through inflection: `-nya`/`-lah`/…, reduplication, English plurals and verb endings.
    case inflection
    /// Through derivation (derivational mode only): `melaksanakan` for `laksanakan`.
    case derivation
}

/// Which of an entry's terms matched.
public enum GlossaryTermRole: String, Sendable, Codable, Hashable {
    case source, target, alternative, forbidden
}

/// One occurrence of a glossary term in a text.
public struct GlossaryHit: Sendable, Codable, Hashable {
    public var entry: GlossaryEntry
    /// Index of the entry in the glossary the matcher was built from.
    public var entryIndex: Int
    /// The glossary term that matched (the source, or on the English side a target, an
    /// alternative, or a forbidden variant).
    public var term: String
    public var role: GlossaryTermRole
    /// The words of the text as written, from the first matched word to the last.
    public var matchedText: String
    /// Offsets in Unicode scalars from the start of the text (as `WordToken`).
    public var start: Int
    public var end: Int
    /// Indices of the first and one-past-last matched words in `WordTokenizer.tokenize(text)`.
    public var firstWord: Int
    public var endWord: Int
    public var kind: GlossaryMatchKind
    /// For each matched word that is not written as in the glossary: `strategisnya = strategis + -nya`.
    public var forms: [String]

    /// The hit's range in `text` (which must be the text it was found in).
    public func range(in text: String) -> Range<String.Index> {
        let scalars = text.unicodeScalars
        let lower = scalars.index(scalars.startIndex, offsetBy: start)
        let upper = scalars.index(lower, offsetBy: end - start)
        return lower..<upper
    }
}

/// Finds glossary terms in Indonesian or English text across word forms. Every term is split into
/// words and each word reduced to a key (Indonesian: `IndonesianStemmer` in the chosen mode;
/// English: `EnglishInflections`); a multiword term matches consecutive words whose keys all
/// agree, so `kemitraan strategis` matches `kemitraan strategisnya`. Terms written in capitals
/// (`AS`, `US`, `DPR`) match only in capitals, so `us` is not the United States.
///
/// The index maps a term's first key to the terms starting with it, so matching costs one hash
/// look-up per word of the text plus the comparison of the candidates, whatever the glossary size.
public struct GlossaryMatcher: Sendable {
    struct Pattern: Sendable {
        var entryIndex: Int
        var term: String
        var role: GlossaryTermRole
        var keys: [String]
        var words: [String]           // lower-cased words as in the glossary
        var capitalsOnly: [String?]   // the exact spelling required, for acronyms
    }

    public let glossary: Glossary
    public let mode: IndonesianStemMode
    let stemmer: IndonesianStemmer
    private var indonesian: [String: [Pattern]] = [:]
    private var english: [String: [Pattern]] = [:]
    /// Keys of the glossary's own words, computed once: most words of a text that matter are these.
    private var indonesianKeys: [String: String] = [:]
    private var englishKeys: [String: String] = [:]

    /// `stemmer` defaults to the shipped one (`IndonesianStemmer.shared`, which may throw).
    ///
    /// - Complexity: O(total words of the glossary's terms).
    public init(glossary: Glossary, mode: IndonesianStemMode = .inflectional, stemmer: IndonesianStemmer? = nil) throws {
        self.glossary = glossary
        self.mode = mode
        self.stemmer = try stemmer ?? .shared
        var indonesianCache: [String: String] = [:]
        var englishCache: [String: String] = [:]
        for (index, entry) in glossary.entries.enumerated() {
            if let pattern = makePattern(entry.source, entryIndex: index, role: .source, isIndonesian: true, cache: &indonesianCache) {
                indonesian[pattern.keys[0], default: []].append(pattern)
            }
            var englishTerms: [(String, GlossaryTermRole)] = [(entry.target, .target)]
            englishTerms += entry.alternativeTargets.map { ($0, .alternative) }
            englishTerms += entry.forbiddenTargets.map { ($0, .forbidden) }
            for (term, role) in englishTerms {
                if let pattern = makePattern(term, entryIndex: index, role: role, isIndonesian: false, cache: &englishCache) {
                    english[pattern.keys[0], default: []].append(pattern)
                }
            }
        }
        indonesianKeys = indonesianCache
        englishKeys = englishCache
    }

    private func makePattern(_ term: String, entryIndex: Int, role: GlossaryTermRole, isIndonesian: Bool,
                             cache: inout [String: String]) -> Pattern? {
        let tokens = WordTokenizer.tokenize(term)
        guard !tokens.isEmpty else { return nil }
        let keys = tokens.map { key(for: $0.normalized, isIndonesian: isIndonesian, cache: &cache) }
        let capitals: [String?] = tokens.map { token in
            let letters = token.text.unicodeScalars.filter { $0.properties.isAlphabetic }
            let isAcronym = letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
            return isAcronym ? token.text : nil
        }
        return Pattern(entryIndex: entryIndex, term: term, role: role, keys: keys, words: tokens.map(\.normalized), capitalsOnly: capitals)
    }

    private func key(for word: String, isIndonesian: Bool, cache: inout [String: String]) -> String {
        if let known = cache[word] { return known }
        let key = isIndonesian ? stemmer.stem(word, mode: mode) : EnglishInflections.key(word)
        cache[word] = key
        return key
    }

    /// Every occurrence of a glossary term in `text`, in text order (longer terms first at the
    /// same place). Overlapping hits are all returned; see `preferLongest`.
    ///
    /// - Parameter language: `.indonesian` matches the entries' sources; `.english` their targets,
    ///   alternatives and forbidden variants.
    /// - Complexity: O(words of the text × candidates per first word), independent of glossary size.
    public func matches(in text: String, language: LanguageCode) -> [GlossaryHit] {
        let isIndonesian = !language.matches(.english)
        let index = isIndonesian ? indonesian : english
        let tokens = WordTokenizer.tokenize(text)
        // Words the glossary has are looked up; others are keyed in a small local cache (adding
        // them to a copy of the glossary's cache would copy all of it, on every call).
        let known = isIndonesian ? indonesianKeys : englishKeys
        var cache: [String: String] = [:]
        let keys = tokens.map { known[$0.normalized] ?? key(for: $0.normalized, isIndonesian: isIndonesian, cache: &cache) }
        var hits: [GlossaryHit] = []
        var scalars: [Unicode.Scalar] = []
        for position in tokens.indices {
            guard let candidates = index[keys[position]] else { continue }
            for pattern in candidates where position + pattern.keys.count <= tokens.count {
                var ok = true
                for offset in 0..<pattern.keys.count {
                    let token = tokens[position + offset]
                    if keys[position + offset] != pattern.keys[offset] { ok = false; break }
                    if let exact = pattern.capitalsOnly[offset], token.text != exact { ok = false; break }
                }
                guard ok else { continue }
                let last = position + pattern.keys.count - 1
                var kind = GlossaryMatchKind.exact
                var forms: [String] = []
                for offset in 0..<pattern.keys.count {
                    let token = tokens[position + offset]
                    if token.normalized == pattern.words[offset] { continue }
                    if isIndonesian {
                        let analysis = stemmer.analyse(token.normalized, mode: mode)
                        let inflectionalOnly = mode == .inflectional
                            || stemmer.stem(token.normalized, mode: .inflectional) == stemmer.stem(pattern.words[offset], mode: .inflectional)
                        if !inflectionalOnly { kind = .derivation } else if kind == .exact { kind = .inflection }
                        forms.append("\(token.text) = \(analysis.stem) (\(analysis.formDescription))")
                    } else {
                        if kind == .exact { kind = .inflection }
                        forms.append("\(token.text) = \(pattern.words[offset]) (inflected)")
                    }
                }
                let matched: String
                if pattern.keys.count == 1 {
                    matched = tokens[position].text
                } else {
                    if scalars.isEmpty { scalars = Array(text.unicodeScalars) }
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: scalars[tokens[position].start..<tokens[last].end])
                    matched = String(view)
                }
                hits.append(GlossaryHit(entry: glossary.entries[pattern.entryIndex], entryIndex: pattern.entryIndex,
                                        term: pattern.term, role: pattern.role, matchedText: matched,
                                        start: tokens[position].start, end: tokens[last].end,
                                        firstWord: position, endWord: last + 1, kind: kind, forms: forms))
            }
        }
        hits.sort { $0.start != $1.start ? $0.start < $1.start : ($0.end != $1.end ? $0.end > $1.end : $0.entryIndex < $1.entryIndex) }
        return hits
    }

    /// Drops hits lying inside a longer hit (`Menteri` inside `Menteri Luar Negeri`), keeping every
    /// hit of the same span (conflicting entries stay visible).
    public static func preferLongest(_ hits: [GlossaryHit]) -> [GlossaryHit] {
        hits.filter { hit in
            !hits.contains { other in
                other.start <= hit.start && other.end >= hit.end && (other.end - other.start) > (hit.end - hit.start)
            }
        }
    }
}
