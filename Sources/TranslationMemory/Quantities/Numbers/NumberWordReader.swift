import Foundation

/// The number-word tables of one language, built once with the lexicon.
struct NumberWordTables: Sendable {
    let units: [String: Int]
    let tens: [String: Int]
    let hundred: String
    let round: [String: Int]
    let dozen: [String: Int]
    let fractions: [String: Decimal]
    let scales: [String: QuantityScale]
    /// Every word a number in words can start with (a key of any table above, or `hundred`):
    /// `readNumberWords` reads nothing at any other lexeme.
    let starts: Set<String>
    /// The shapes (`QuantityLexicon.shape(of:)`) of `starts`: most words are told apart by
    /// their shape, without hashing them.
    let startShapes: ShapeSet

    init(_ language: ArticleLanguage) {
        typealias V = NumberWordVocabulary
        units = V.units[language] ?? [:]
        tens = V.tens[language] ?? [:]
        hundred = V.hundredWords[language] ?? ""
        round = V.roundWords[language] ?? [:]
        dozen = V.dozenWords[language] ?? [:]
        fractions = V.fractionWords[language] ?? [:]
        scales = V.scaleWords[language] ?? [:]
        var starts = Set(units.keys).union(tens.keys).union(round.keys).union(dozen.keys).union(fractions.keys).union(scales.keys)
        starts.insert(hundred)
        self.starts = starts
        startShapes = QuantityLexicon.shapes(of: starts)
    }

    /// False when no number in words starts with `lower` (a lower-cased word). The shape rules
    /// out ASCII words only: a word in another normal form has other bytes.
    @inline(__always)
    func mayStart(_ lower: String) -> Bool {
        if !startShapes[QuantityLexicon.shape(of: lower)], lower.utf8.allSatisfy({ $0 < 0x80 }) { return false }
        return starts.contains(lower)
    }
}

/// Reads numbers written in words, compound ones included: `dua puluh lima` (25), `seratus dua
/// puluh` (120), `dua ribu lima ratus` (2,500), `satu setengah` (1.5), `dua lusin` (24);
/// `twenty-five`, `one hundred and twenty`, `two thousand five hundred`, `two and a half`,
/// `a dozen`, `half a` (million). The grammar is a place-value one: in a group below a thousand
/// the hundreds, then the tens or a teen, then the units, each at most once and in that order
/// (so `dua lima` is two numbers, not 25); groups run on through scale words of falling value.
/// A scale word after the last group is left to the amount reader (`dua puluh lima juta` is 25
/// at the million scale, as `25 juta` is) unless the number ran through a scale already.
extension QuantityScan {
    /// The value of the number words at `i` and the lexeme after them; nil when none start there.
    func readNumberWords(at i: Int) -> (value: Decimal, end: Int)? {
        let t = lexicon.numberWordTables
        // Every way below reads a word of `starts` at `i` first.
        guard isWord(i), t.mayStart(lower(i)) else { return nil }
        var total: Decimal = 0
        var index = i
        var smallest: QuantityScale?
        var read = false
        func smaller(_ scale: QuantityScale) -> Bool { smallest.map { scale < $0 } ?? true }
        while true {
            // `seribu`, `sejuta`: a whole thousand or million in one word.
            if isWord(index), let round = t.round[lower(index)], round >= 1_000, let scale = Self.scale(of: round), smaller(scale) {
                total += Decimal(round)
                smallest = scale
                index += 1
                read = true
                continue
            }
            guard let (group, end) = readNumberWordGroup(at: index, t) else { break }
            read = true
            index = end
            if isWord(index), let scale = t.scales[lower(index)], smaller(scale) {
                var next = index + 1
                if language == .english, lower(next) == "and" { next += 1 }
                let runsOn = readNumberWordGroup(at: next, t) != nil
                    || (isWord(next) && t.round[lower(next)].flatMap(Self.scale(of:)).map { $0 < scale } == true)
                if runsOn {
                    total += group * scale.multiplier
                    smallest = scale
                    index = next
                    continue
                }
                if smallest != nil {
                    // The number ran through a scale before: the last scale word is its own.
                    total += group * scale.multiplier
                    return (total, index + 1)
                }
            }
            total += group
            break
        }
        if read {
            if language == .indonesian, isWord(index), let fraction = t.fractions[lower(index)] {
                total += fraction
                index += 1
            } else if language == .english, let (fraction, end) = readAndAHalf(at: index, t) {
                total += fraction
                index = end
            }
            if isWord(index), let dozen = t.dozen[lower(index)], lower(index) == "lusin" || lower(index) == "dozen" {
                total *= Decimal(dozen)
                index += 1
            }
            return (total, index)
        }
        guard isWord(i) else { return nil }
        let word = lower(i)
        if let fraction = t.fractions[word] {
            // `half a million`, `half an hour`: the article goes with the fraction.
            let article = language == .english && (lower(i + 1) == "a" || lower(i + 1) == "an")
            return (fraction, article ? i + 2 : i + 1)
        }
        if let dozen = t.dozen[word] { return (Decimal(dozen), i + 1) }
        // `a thousand`, `a million`: one of the scale, which the amount reader reads after this.
        if language == .english, t.scales[word] != nil, i > 0, isWord(i - 1), lower(i - 1) == "a" { return (1, i) }
        return nil
    }

    /// `and a half`, `-and-a-half` after a whole number.
    private func readAndAHalf(at i: Int, _ t: NumberWordTables) -> (Decimal, Int)? {
        var j = i
        var fraction: Decimal?
        for word in ["and", "a", "half"] {
            if j != i || attached(j) {
                // Hyphens join the words or none do: `one-and-a-half`, `one and a half`.
                if isSymbol(j, "-"), attached(j), attached(j + 1) { j += 1 } else if attached(j) { return nil }
            }
            guard isWord(j), lower(j) == word else { return nil }
            if word == "half" { fraction = t.fractions[word] }
            j += 1
        }
        return fraction.map { ($0, j) }
    }

    /// A number below a thousand in words: hundreds, then tens or a teen, then units.
    private func readNumberWordGroup(at i: Int, _ t: NumberWordTables) -> (value: Decimal, end: Int)? {
        var value = 0
        var j = i
        var read = false
        func unit(_ k: Int) -> Int? { isWord(k) ? t.units[lower(k)] : nil }
        // Hundreds: `seratus`, `dua ratus`, `two hundred`, `hundred` (after `a`).
        if isWord(j), t.round[lower(j)] == 100 {
            value = 100
            j += 1
            read = true
        } else if let u = unit(j), lower(j + 1) == t.hundred {
            value = u * 100
            j += 2
            read = true
        } else if language == .english, lower(j) == t.hundred {
            value = 100
            j += 1
            read = true
        }
        if read, language == .english, lower(j) == "and", unit(j + 1) != nil || t.tens[lower(j + 1)] != nil { j += 1 }
        // Tens or a teen: `sepuluh`, `dua belas`, `dua puluh`, `twelve`, `twenty`.
        if isWord(j), let ten = t.tens[lower(j)] {
            value += ten
            j += 1
            read = true
            guard ten >= 20 else { return (Decimal(value), j) }
            if isSymbol(j, "-"), attached(j), attached(j + 1), let u = unit(j + 1) {
                return (Decimal(value + u), j + 2)
            }
            if let u = unit(j) { return (Decimal(value + u), j + 1) }
            return (Decimal(value), j)
        }
        if language == .indonesian, let u = unit(j) {
            if lower(j + 1) == NumberWordVocabulary.teenWord { return (Decimal(value + 10 + u), j + 2) }
            if lower(j + 1) == NumberWordVocabulary.tensWord {
                value += u * 10
                j += 2
                if let v = unit(j), lower(j + 1) != NumberWordVocabulary.teenWord, lower(j + 1) != NumberWordVocabulary.tensWord,
                   lower(j + 1) != t.hundred {
                    return (Decimal(value + v), j + 1)
                }
                return (Decimal(value), j)
            }
        }
        if let u = unit(j), lower(j + 1) != t.hundred {
            return (Decimal(value + u), j + 1)
        }
        return read ? (Decimal(value), j) : nil
    }

    private static func scale(of round: Int) -> QuantityScale? {
        switch round {
        case 1_000: return .thousand
        case 1_000_000: return .million
        default: return nil
        }
    }
}
