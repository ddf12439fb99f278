import Foundation

/// How far the Indonesian stemmer takes a word apart.
public enum IndonesianStemMode: String, Sendable, Codable, CaseIterable {
    /// Particles (`-lah -kah -tah -pun`), possessives (`-ku -mu -nya`) and reduplication only: the
    /// word keeps its meaning (`kemitraan` stays apart from `mitra`). The default for matching.
    case inflectional
    /// Also prefixes, confixes and `-kan/-i/-an`, with nasal assimilation, down to a root
    /// (`melaksanakan`, `dilaksanakan`, `laksanakan` → `laksana`).
    case derivational
}

/// What the stemmer did to a word: the stem and the affixes it took off, outermost first.
public struct IndonesianWordAnalysis: Sendable, Codable, Hashable {
    public var word: String
    public var stem: String
    public var prefixes: [String]
    public var suffixes: [String]
    public var reduplicated: Bool

    /// `di-…-kan`, `-nya`, `reduplication`: a short human description of the form.
    public var formDescription: String {
        var parts: [String] = []
        if reduplicated { parts.append("reduplication") }
        if !prefixes.isEmpty || !suffixes.isEmpty {
            parts.append(prefixes.map { $0 + "-" }.joined() + (prefixes.isEmpty ? "" : "…") + suffixes.reversed().map { "-" + $0 }.joined())
        }
        return parts.isEmpty ? "base form" : parts.joined(separator: " + ")
    }
}

/// An Indonesian stemmer: rules plus a word list, after the confix-stripping algorithm of Nazief &
/// Adriani (1996) as refined by Asian et al. (2005) and Arifin et al. (2009, "ECS"): inflectional
/// suffixes, then derivational suffixes, then up to three prefixes with their morphophonemic
/// variants (`meny`+V ← `s`, `mem`+V ← `p`, `men`+V ← `t`, `meng`+V ← `k`), checking the word list
/// after every step and backtracking to the unsuffixed word when no root is found.
///
/// The word list is FreeDict's Indonesian headwords (CC BY-SA 3.0) plus the project's own roots.
/// A listed word is never stripped further, which is what keeps `pemerintah`, `masalah`, `sekolah`
/// and `langkah` whole although they end like `-tah`, `-lah`, `-kah`. Roots are the listed words
/// that do not themselves reduce to another listed word by a confident derivation.
public struct IndonesianStemmer: Sendable {
    /// Every known word (derived forms included): guards inflectional stripping.
    public let knownWords: Set<String>
    /// Root words: where derivational stripping stops.
    public let roots: Set<String>

    /// The stemmer over the word lists shipped in the library's resources, built once. Throws
    /// `TMError` (`.missingResource`) when a list cannot be loaded: without it the stemmer would strip every word.
    public static var shared: IndonesianStemmer {
        get throws { try sharedLoad.get() }
    }

    private static let sharedLoad = Result {
        IndonesianStemmer(words: try loadList("stemmer-id-words.txt"), protectedRoots: try loadList("stemmer-id-roots.txt"))
    }

    static func loadList(_ name: String) throws -> Set<String> {
        var set = Set<String>()
        for line in try ResourceLoader.text(named: name).split(separator: "\n") where !line.hasPrefix("#") {
            let word = line.trimmingCharacters(in: .whitespaces).lowercased()
            if !word.isEmpty { set.insert(word) }
        }
        return set
    }

    /// - Parameters:
    ///   - words: known words, derived forms included; those that reduce to another known word by a
    ///     confident derivation are not roots.
    ///   - protectedRoots: roots that are never taken apart (`menang`, `terbang`, `kepala`).
    public init(words: Set<String>, protectedRoots: Set<String> = []) {
        let all = words.union(protectedRoots)
        knownWords = all
        var roots = all
        let probe = IndonesianStemmer(knownWords: all, roots: all)
        for word in words where !protectedRoots.contains(word) && word.count >= 5 {
            if let analysis = probe.derive(word, excluding: word), IndonesianStemmer.isConfidentDerivation(analysis) {
                roots.remove(word)
            }
        }
        self.roots = roots
    }

    private init(knownWords: Set<String>, roots: Set<String>) {
        self.knownWords = knownWords
        self.roots = roots
    }

    /// A derivation sure enough to take a dictionary word out of the roots: bare `ke-`/`se-`
    /// (`kepala`, `sebab`) and a bare short suffix (`tangan` is not `tang`+`-an`) are not.
    static func isConfidentDerivation(_ analysis: IndonesianWordAnalysis) -> Bool {
        let stemLength = analysis.stem.count
        guard stemLength >= 3 else { return false }
        if analysis.prefixes.isEmpty {
            guard let suffix = analysis.suffixes.first, analysis.suffixes.count == 1 else { return analysis.suffixes.count > 1 && stemLength >= 4 }
            return suffix == "an" ? stemLength >= 5 : stemLength >= 4
        }
        if analysis.prefixes.count == 1 && analysis.suffixes.isEmpty {
            switch analysis.prefixes[0] {
            case "ke", "se": return false
            case "di", "ber", "ter", "be", "te": return stemLength >= 4
            default: return stemLength >= 4
            }
        }
        return true
    }

    // MARK: - Public entry points

    /// The stem of `word` (any case) in `mode`, lower-cased.
    ///
    /// - Complexity: O(1) set look-ups per candidate; a few dozen candidates at most.
    public func stem(_ word: String, mode: IndonesianStemMode = .inflectional) -> String {
        analyse(word, mode: mode).stem
    }

    /// The stem with the affixes taken off.
    public func analyse(_ word: String, mode: IndonesianStemMode = .inflectional) -> IndonesianWordAnalysis {
        let lower = word.lowercased()
        if let hyphen = lower.firstIndex(of: "-"), hyphen != lower.startIndex, lower.index(after: hyphen) != lower.endIndex {
            let left = String(lower[..<hyphen])
            let right = String(lower[lower.index(after: hyphen)...])
            if left == right {
                // negara-negara, barang-barang: full reduplication, even when listed as a word.
                var result = mode == .derivational ? analyse(left, mode: .derivational) : IndonesianWordAnalysis(word: left, stem: left, prefixes: [], suffixes: [], reduplicated: false)
                result.word = lower
                result.reduplicated = true
                return result
            }
            if !knownWords.contains(lower) {
                let rightInflection = inflectional(right)
                if rightInflection.stem == left {
                    // negara-negara, negara-negaranya
                    var result = mode == .derivational ? analyse(left, mode: .derivational) : IndonesianWordAnalysis(word: left, stem: left, prefixes: [], suffixes: [], reduplicated: false)
                    result.word = lower
                    result.suffixes = rightInflection.suffixes + result.suffixes
                    result.reduplicated = true
                    return result
                }
                if mode == .derivational {
                    // berbagai-bagai, kemerah-merahan, bermain-main
                    let leftStem = analyse(left, mode: .derivational)
                    let rightStem = analyse(right, mode: .derivational)
                    if left.count > right.count, left.hasSuffix(right) {
                        // berbagai-bagai, bermain-main: the prefix is on the first half only.
                        return IndonesianWordAnalysis(word: lower, stem: rightStem.stem, prefixes: [String(left.dropLast(right.count))] + rightStem.prefixes,
                                                      suffixes: rightStem.suffixes, reduplicated: true)
                    }
                    if leftStem.stem == rightStem.stem || leftStem.stem == right || rightStem.stem == left {
                        let stem = min(leftStem.stem.count, rightStem.stem.count) == leftStem.stem.count ? leftStem.stem : rightStem.stem
                        return IndonesianWordAnalysis(word: lower, stem: stem, prefixes: leftStem.prefixes,
                                                      suffixes: rightStem.suffixes, reduplicated: true)
                    }
                }
            }
        }
        switch mode {
        case .inflectional:
            var result = inflectional(lower)
            result.word = lower
            return result
        case .derivational:
            if roots.contains(lower) { return IndonesianWordAnalysis(word: lower, stem: lower, prefixes: [], suffixes: [], reduplicated: false) }
            if let derived = derive(lower, excluding: nil) { return derived }
            var result = inflectional(lower)
            result.word = lower
            return result
        }
    }

    // MARK: - Inflection

    static let particles = ["lah", "kah", "tah", "pun"]
    static let possessives = ["nya", "ku", "mu"]

    /// Takes off one particle then one possessive, unless the word is a known word or too little
    /// would be left (`buku` is not `bu`+`-ku`).
    func inflectional(_ word: String) -> IndonesianWordAnalysis {
        var current = word
        var suffixes: [String] = []
        for group in [IndonesianStemmer.particles, IndonesianStemmer.possessives] {
            if knownWords.contains(current) { break }
            for suffix in group where IndonesianStemmer.canStrip(suffix, from: current) {
                current = String(current.dropLast(suffix.count))
                suffixes.append(suffix)
                break
            }
        }
        return IndonesianWordAnalysis(word: word, stem: current, prefixes: [], suffixes: suffixes, reduplicated: false)
    }

    /// A suffix comes off only when at least three letters stay before it, in the last part of a
    /// hyphenated word too (`cov-hku` is not `cov-h`+`-ku`), and never from a word with digits.
    static func canStrip(_ suffix: String, from word: String) -> Bool {
        guard word.hasSuffix(suffix), !word.contains(where: \.isNumber) else { return false }
        let rest = word.dropLast(suffix.count)
        let lastPart = rest.split(separator: "-", omittingEmptySubsequences: false).last ?? rest
        return rest.count >= 3 && lastPart.count >= 3
    }

    // MARK: - Derivation (confix stripping)

    /// Every way of taking the inflectional suffixes off, longest first as ECS does.
    private func inflectionCandidates(_ word: String) -> [(String, [String])] {
        var out: [(String, [String])] = [(word, [])]
        var current = word
        var suffixes: [String] = []
        for group in [IndonesianStemmer.particles, IndonesianStemmer.possessives] {
            for suffix in group where IndonesianStemmer.canStrip(suffix, from: current) {
                current = String(current.dropLast(suffix.count))
                suffixes.append(suffix)
                out.append((current, suffixes))
                break
            }
        }
        return out
    }

    /// Finds a root for `word`, or nil. `excluding` is a root not to stop at (used when deciding
    /// whether a dictionary word is itself derived).
    func derive(_ word: String, excluding: String?) -> IndonesianWordAnalysis? {
        func isRoot(_ candidate: String) -> Bool { candidate != excluding && candidate.count >= 3 && roots.contains(candidate) }
        for (base, inflections) in inflectionCandidates(word).reversed() {
            if base != word, isRoot(base) {
                return IndonesianWordAnalysis(word: word, stem: base, prefixes: [], suffixes: inflections, reduplicated: false)
            }
            // Derivational suffix first (Nazief & Adriani), then prefixes; then prefixes on the
            // unsuffixed word (ECS backtracking).
            var suffixOptions: [(String, String?)] = []
            for suffix in ["kan", "an", "i"] where base.hasSuffix(suffix) && base.count - suffix.count >= 3 {
                suffixOptions.append((String(base.dropLast(suffix.count)), suffix))
            }
            // ECS precedence adjustment (Arifin et al. 2009): `di-/meng-/ter-…-i` and `be-…-lah/-an`
            // try the prefix first, so `dinilai` is `nilai`, not `nila`+`-i`.
            let prefixFirst = (base.hasSuffix("i") && (base.hasPrefix("di") || base.hasPrefix("me") || base.hasPrefix("ter")))
                || (base.hasPrefix("be") && (base.hasSuffix("lah") || base.hasSuffix("an")))
            if prefixFirst { suffixOptions.insert((base, nil), at: 0) } else { suffixOptions.append((base, nil)) }
            for (body, suffix) in suffixOptions {
                let suffixes = inflections + (suffix.map { [$0] } ?? [])
                // A bare suffix on a short root is too often a coincidence (`mapan` is not `map`+`-an`).
                if suffix != nil, body.count >= 4, isRoot(body) {
                    return IndonesianWordAnalysis(word: word, stem: body, prefixes: [], suffixes: suffixes, reduplicated: false)
                }
                if let (root, prefixes) = stripPrefixes(body, suffix: suffix, taken: [], isRoot: isRoot) {
                    return IndonesianWordAnalysis(word: word, stem: root, prefixes: prefixes, suffixes: suffixes, reduplicated: false)
                }
                // `-kan` may really be `-an` after a root ending in k (`masukan` is not meant; `tindakan`).
                if suffix == "kan", isRoot(body + "k") {
                    return IndonesianWordAnalysis(word: word, stem: body + "k", prefixes: [], suffixes: inflections + ["an"], reduplicated: false)
                }
            }
        }
        return nil
    }

    /// Prefix and suffix pairs that never occur together (Nazief & Adriani's disallowed confixes).
    static func isDisallowed(prefix: String, suffix: String?) -> Bool {
        guard let suffix else { return false }
        switch (prefix, suffix) {
        case ("be", "i"), ("ber", "i"), ("di", "an"), ("ke", "i"), ("ke", "kan"), ("me", "an"), ("se", "i"), ("se", "kan"), ("te", "an"), ("ter", "an"):
            return true
        default: return false
        }
    }

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    /// The words a prefix may leave behind, with the prefix's canonical name (`me`, `pe`, `ber`, …).
    static func prefixRemovals(_ word: String) -> [(rest: String, prefix: String)] {
        let c = Array(word)
        guard c.count >= 4 else { return [] }
        func from(_ index: Int) -> String { String(c[index...]) }
        func isVowel(_ index: Int) -> Bool { index < c.count && vowels.contains(c[index]) }
        func at(_ index: Int) -> Character? { index < c.count ? c[index] : nil }
        var out: [(String, String)] = []
        let w = word
        // me- and pe- with nasal assimilation.
        for (head, name) in [("me", "me"), ("pe", "pe")] where w.hasPrefix(head) {
            if w.hasPrefix(head + "ng") {
                if let next = at(4), "ghqkx".contains(next) { out.append((from(4), name)) }
                if isVowel(4) { out.append((from(4), name)); out.append(("k" + from(4), name)) }
                if w.hasPrefix(head + "nge"), c.count > 5 { out.append((from(5), name)) }  // mengebom
            } else if w.hasPrefix(head + "ny") {
                if isVowel(4) { out.append(("s" + from(4), name)); out.append(("ny" + from(4), name)) }
            } else if w.hasPrefix(head + "m") {
                if let next = at(3), "bfv".contains(next) { out.append((from(3), name)) }
                if at(3) == "p" { out.append((from(3), name)) }  // memperbaiki → perbaiki
                if isVowel(3) { out.append(("p" + from(3), name)); out.append(("m" + from(3), name)) }
            } else if w.hasPrefix(head + "n") {
                if let next = at(3), "cdjzst".contains(next) { out.append((from(3), name)) }
                if isVowel(3) { out.append(("t" + from(3), name)); out.append(("n" + from(3), name)) }
            } else if name == "pe", w.hasPrefix("per") {
                out.append((from(3), "per"))
                if isVowel(3) { out.append((from(2), name)) }  // perawat → rawat
            } else if name == "pe", w.hasPrefix("pelajar") {
                out.append((from(3), name))  // pelajar → ajar
            } else if let next = at(2), "lmnrwy".contains(next) {
                out.append((from(2), name))
            } else if name == "pe", at(2).map({ !vowels.contains($0) }) == true {
                out.append((from(2), name))  // pekerja → kerja
            }
        }
        if w.hasPrefix("ber") {
            out.append((from(3), "ber"))
            if isVowel(3) { out.append((from(2), "ber")) }  // berusaha; berantas
        } else if w.hasPrefix("bel") && w.hasPrefix("belajar") {
            out.append((from(3), "ber"))
        } else if w.hasPrefix("be"), c.count > 5, !isVowel(2), c[3] == "e", c[4] == "r" {
            out.append((from(2), "ber"))  // bekerja → kerja
        }
        if w.hasPrefix("ter") {
            out.append((from(3), "ter"))
            if isVowel(3) { out.append((from(2), "ter")) }
        } else if w.hasPrefix("te"), c.count > 5, !isVowel(2), c[3] == "e", c[4] == "r" {
            out.append((from(2), "ter"))
        }
        for head in ["di", "ke", "se"] where w.hasPrefix(head) {
            out.append((from(2), head))
        }
        return out
    }

    private func stripPrefixes(_ word: String, suffix: String?, taken: [String],
                               isRoot: (String) -> Bool) -> (String, [String])? {
        guard taken.count < 3 else { return nil }
        for (rest, prefix) in IndonesianStemmer.prefixRemovals(word) {
            if taken.contains(prefix) { continue }
            if taken.isEmpty, IndonesianStemmer.isDisallowed(prefix: prefix, suffix: suffix) { continue }
            if isRoot(rest) { return (rest, taken + [prefix]) }
            if let deeper = stripPrefixes(rest, suffix: suffix, taken: taken + [prefix], isRoot: isRoot) { return deeper }
        }
        return nil
    }
}
