import Foundation

/// What a word says about whether two sentences translate each other, by how often a translation
/// keeps a counterpart of it that the aligner can see.
enum AlignmentWordClass: UInt8, Sendable {
    /// A number (`1.500,5`, `2024`): kept in translation, in either convention.
    case number
    /// A word the lexicon (shipped, glossary, learned from the memory) translates.
    case known
    /// A capitalised word the lexicon does not know: a name, an acronym, kept as written.
    case name
    /// Any other word the lexicon does not know: only its spelling can meet its translation.
    case other
    /// A function word or a letter: no evidence.
    case function
}

/// Per form of one side: in how many sentences of the other side a counterpart of it occurs.
/// A word whose counterpart is everywhere in the other text (the topic: `gempa`, `earthquake`)
/// matches any sentence; one whose counterpart is in a single sentence points at it.
struct AlignmentChance {
    var indonesian: [Int32]
    var english: [Int32]
    var indonesianSentences: Int
    var englishSentences: Int

    init(indonesian: AlignmentTokenizedSide, english: AlignmentTokenizedSide, learned: [Int32: [Int32]],
         idFeatures: AlignmentSideFeatures, enFeatures: AlignmentSideFeatures) {
        indonesianSentences = idFeatures.sentence.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
        englishSentences = enFeatures.sentence.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
        let enPostings = AlignmentChance.postings(enFeatures)
        let idPostings = AlignmentChance.postings(idFeatures)
        self.indonesian = AlignmentChance.frequencies(forms: indonesian.formConcepts.indices.map { form in
            indonesian.formConcepts[form] + (learned[Int32(form)] ?? [])
        }, in: enPostings, sentences: englishSentences)
        self.english = AlignmentChance.frequencies(forms: english.formConcepts, in: idPostings, sentences: indonesianSentences)
    }

    /// Concept → the sentences (numbers from 0) holding it, each once.
    private static func postings(_ side: AlignmentSideFeatures) -> [Int32: [Int32]] {
        var result: [Int32: [Int32]] = [:]
        for item in 0..<side.count where !side.isMark[item] {
            let sentence = Int32(side.sentence[item])
            var previous: Int32?
            for index in side.pairStart[item]..<side.pairStart[item + 1] {
                let concept = side.pairConcept[index]
                if concept != previous { result[concept, default: []].append(sentence) }
                previous = concept
            }
        }
        return result
    }

    /// For each form, the number of sentences whose postings meet one of its concepts.
    private static func frequencies(forms: [[Int32]], in postings: [Int32: [Int32]], sentences: Int) -> [Int32] {
        var stamp = [Int32](repeating: -1, count: sentences)
        return forms.indices.map { form in
            var count: Int32 = 0
            for concept in forms[form] {
                guard let list = postings[concept] else { continue }
                for sentence in list where stamp[Int(sentence)] != Int32(form) {
                    stamp[Int(sentence)] = Int32(form)
                    count += 1
                }
                if count == sentences { break }
            }
            return count
        }
    }
}

/// Per token of one side, what the word is worth when found on the other side of a pair and
/// when not (nats; see `AlignmentPass.translationEvidence`), computed once per pass.
struct AlignmentWordValues {
    var found: [Float] = []
    var missing: [Float] = []
    var isContent: [Bool] = []

    init(side: AlignmentSideFeatures, classes: [AlignmentWordClass], counts: [Int32], otherSentences: Int, parameters: AlignmentParameters) {
        for token in side.tokenForm.indices {
            let form = Int(side.tokenForm[token])
            let wordClass = classes[form]
            guard wordClass != .function else {
                found.append(0); missing.append(0); isContent.append(false)
                continue
            }
            // Sentences of the other side, other than the partner, that hold a counterpart (smoothed).
            let kept = parameters.foundRate(wordClass)
            let elsewhereIfFound = max(0, Double(counts[form]) - 1)
            let chanceIfFound = min(0.95, (elsewhereIfFound + 0.5) / Double(otherSentences + 1))
            let chanceIfMissing = min(0.95, (Double(counts[form]) + 0.5) / Double(otherSentences + 1))
            found.append(Float(log(kept / chanceIfFound)))
            missing.append(Float(log((1 - kept) / (1 - chanceIfMissing))))
            isContent.append(true)
        }
    }
}

/// A running sum over a sequence of word values, with its lowest prefix and highest prefix (the
/// lowest suffix is the sum less the highest prefix).
struct AlignmentValueRun {
    var sum = 0.0
    var lowestPrefix = 0.0
    var highestPrefix = 0.0

    mutating func add(_ value: Double) {
        sum += value
        lowestPrefix = min(lowestPrefix, sum)
        highestPrefix = max(highestPrefix, sum)
    }

    /// The most negative sum of a prefix or a suffix (≤ 0).
    var edge: Double { min(lowestPrefix, sum - highestPrefix) }
}

/// The word evidence of a bead (see `AlignmentPass.translationEvidence`).
struct AlignmentTranslationEvidence {
    /// Log-likelihood ratio of both sides' words, and of each side's.
    var total = 0.0
    var indonesian = 0.0
    var english = 0.0
    /// The most negative sum of the values of the words at the start or at the end of one side
    /// (≤ 0): a part of the bead with no counterpart (a sentence glued on, an untranslated clause).
    var unmatchedEdge = 0.0
    /// For a merge, the least its weakest sentence adds (`AlignmentPass.memberGain`); for a 1-1
    /// bead, the total.
    var weakestMember = 0.0
}

typealias AlignmentMask = (UInt64, UInt64)

extension AlignmentPass {
    /// The evidence that Indonesian items `a` translate English items `b`: a log-likelihood
    /// ratio (nats) over the words of both sides. A word that found its counterpart counts
    /// log(p₁/p₀), one that did not log((1−p₁)/(1−p₀)), where p₁ is how often a translation keeps a
    /// visible counterpart of a word of its class (`AlignmentParameters.foundRate`) and p₀ how
    /// often a sentence of the other text that is not its translation holds one by chance
    /// (`AlignmentChance`). Above 0: the words translate each other more than chance explains.
    /// `members`: also measure a merge's weakest sentence (`weakestMember`, for the pair's
    /// evidence as printed); scores that only need the total leave it out.
    func translationEvidence(_ a: Range<Int>, _ b: Range<Int>, members: Bool = true) -> AlignmentTranslationEvidence {
        var result = AlignmentTranslationEvidence()
        guard !a.isEmpty, !b.isEmpty else { return result }
        if a.count == 1 && b.count == 1 {
            guard !id.isMark[a.lowerBound], !en.isMark[b.lowerBound] else { return result }
            let masks = id.matchMasks(item: a.lowerBound, against: en, otherItem: b.lowerBound)
            var idRun = AlignmentValueRun(), enRun = AlignmentValueRun()
            addValues(item: a.lowerBound, indonesian: true, found: masks.mine, to: &idRun)
            addValues(item: b.lowerBound, indonesian: false, found: masks.theirs, to: &enRun)
            result.indonesian = idRun.sum
            result.english = enRun.sum
            result.total = idRun.sum + enRun.sum
            result.unmatchedEdge = min(idRun.edge, enRun.edge)
            result.weakestMember = result.total
            return result
        }
        let a = a.filter { !id.isMark[$0] }, b = b.filter { !en.isMark[$0] }
        guard !a.isEmpty, !b.isEmpty else { return result }
        let masks = pairMasks(a, b)
        var idRun = AlignmentValueRun(), enRun = AlignmentValueRun()
        for (k, x) in a.enumerated() { addValues(item: x, indonesian: true, found: union(masks[k].map(\.mine)), to: &idRun) }
        for (l, y) in b.enumerated() { addValues(item: y, indonesian: false, found: union(masks.map { $0[l].theirs }), to: &enRun) }
        result.indonesian = idRun.sum
        result.english = enRun.sum
        result.total = idRun.sum + enRun.sum
        result.unmatchedEdge = min(idRun.edge, enRun.edge)
        if members && a.count + b.count > 2 {
            result.weakestMember = .infinity
            for k in a.indices where a.count > 1 { result.weakestMember = min(result.weakestMember, memberGain(a, b, indonesianMember: k, masks: masks)) }
            for l in b.indices where b.count > 1 { result.weakestMember = min(result.weakestMember, memberGain(a, b, englishMember: l, masks: masks)) }
        } else {
            result.weakestMember = result.total
        }
        return result
    }

    /// Adds the values of the words of `item` (function words left out) to `run`.
    private func addValues(item: Int, indonesian: Bool, found: AlignmentMask, to run: inout AlignmentValueRun) {
        let side = indonesian ? id : en
        let values = indonesian ? idValues : enValues
        let start = side.tokenStart[item]
        for token in start..<side.tokenStart[item + 1] where values.isContent[token] {
            let local = token - start
            let isFound = (local < 64 ? found.0 : found.1) & (UInt64(1) << UInt64(local & 63)) != 0
            run.add(Double(isFound ? values.found[token] : values.missing[token]))
        }
    }

    /// What one sentence of a merge adds to it, in nats: its own words' values (a word that also
    /// occurs in the merge's other sentences counts nothing when found: they explain its
    /// counterpart), what the other side's words gain by having it, and the length's change.
    /// Below 0 the merge is better told as that sentence left untranslated.
    func memberGain(_ a: [Int], _ b: [Int], indonesianMember k: Int? = nil, englishMember l: Int? = nil,
                    masks given: [[(mine: AlignmentMask, theirs: AlignmentMask)]]? = nil) -> Double {
        let masks = given ?? pairMasks(a, b)
        var gain = 0.0
        let length = { (a: [Int], b: [Int]) in
            self.lengthScore(idLength: a.reduce(0) { $0 + self.id.length[$1] }, enLength: b.reduce(0) { $0 + self.en.length[$1] })
        }
        if let k {
            let member = a[k]
            let (found, neutral) = sharedCounterparts(member: member, indonesian: true, siblings: a.filter { $0 != member }, partners: b,
                                                      found: union(masks[k].map(\.mine)))
            gain += wordValues(item: member, indonesian: true, found: found, neutral: neutral).reduce(0, +)
            var used: [Int32: Int] = [:]
            for (l, y) in b.enumerated() {
                let without = union(masks.indices.filter { $0 != k }.map { masks[$0][l].theirs })
                let with = explained(by: member, indonesian: true, item: y, found: union(masks.map { $0[l].theirs }), without: without, used: &used)
                gain += wordValues(item: y, indonesian: false, found: with).reduce(0, +) - wordValues(item: y, indonesian: false, found: without).reduce(0, +)
            }
            var rest = a
            rest.remove(at: k)
            gain += length(a, b) - length(rest, b)
        } else if let l {
            let member = b[l]
            let (found, neutral) = sharedCounterparts(member: member, indonesian: false, siblings: b.filter { $0 != member }, partners: a,
                                                      found: union(masks.map { $0[l].theirs }))
            gain += wordValues(item: member, indonesian: false, found: found, neutral: neutral).reduce(0, +)
            var used: [Int32: Int] = [:]
            for (k, x) in a.enumerated() {
                let without = union(masks[k].indices.filter { $0 != l }.map { masks[k][$0].mine })
                let with = explained(by: member, indonesian: false, item: x, found: union(masks[k].map(\.mine)), without: without, used: &used)
                gain += wordValues(item: x, indonesian: true, found: with).reduce(0, +) - wordValues(item: x, indonesian: true, found: without).reduce(0, +)
            }
            var rest = b
            rest.remove(at: l)
            gain += length(a, b) - length(a, rest)
        }
        return gain
    }

    /// The words of `item` (other side) found with a merge's `member` (`found`), of which those
    /// found only through it (not in `without`) count at most once per copy of their counterpart
    /// the member holds: `hands` once explains one `tangan`, not two. `used`: per form, how many
    /// copies the member has already given, across the other side's items.
    func explained(by member: Int, indonesian memberIsIndonesian: Bool, item: Int, found: AlignmentMask, without: AlignmentMask,
                   used: inout [Int32: Int]) -> AlignmentMask {
        let side = memberIsIndonesian ? en : id, memberSide = memberIsIndonesian ? id : en
        var result = found
        let start = side.tokenStart[item]
        for local in 0..<min(side.tokenStart[item + 1] - start, AlignmentSideFeatures.maximumTokens) {
            let bit = UInt64(1) << UInt64(local & 63)
            let isNew = (local < 64 ? found.0 & ~without.0 : found.1 & ~without.1) & bit != 0
            guard isNew else { continue }
            let form = side.tokenForm[start + local]
            let given = used[form, default: 0]
            if given < memberSide.tokens(item: member, meeting: side.concepts(item: item, token: local)) {
                used[form] = given + 1
            } else if local < 64 { result.0 &= ~bit } else { result.1 &= ~bit }
        }
        return result
    }

    /// Which found words of a merge's `member` count nothing (`neutral`) and which count as found.
    /// A word the member shares with a sibling sentence is explained by the sibling when the other
    /// side holds one counterpart for each: it counts nothing. When the other side holds fewer
    /// counterparts than the merge holds copies (`mata` twice, `eyes` once), the member's copy has
    /// none left: it counts as missing. Counting copies is what tells a sentence on the same topic
    /// glued to a merge from a translated one (one-to-one links, as Melamed's competitive linking).
    func sharedCounterparts(member: Int, indonesian: Bool, siblings: [Int], partners: [Int], found: AlignmentMask)
        -> (found: AlignmentMask, neutral: AlignmentMask) {
        let side = indonesian ? id : en, other = indonesian ? en : id
        var shared: AlignmentMask = (0, 0)
        for sibling in siblings { shared = union([shared, side.matchMasks(item: member, against: side, otherItem: sibling).mine]) }
        var kept = found, neutral: AlignmentMask = (0, 0)
        let words = side.tokenStart[member + 1] - side.tokenStart[member]
        for local in 0..<min(words, AlignmentSideFeatures.maximumTokens) {
            let bit = UInt64(1) << UInt64(local & 63)
            guard (local < 64 ? shared.0 & found.0 : shared.1 & found.1) & bit != 0 else { continue }
            let concepts = side.concepts(item: member, token: local)
            let copies = ([member] + siblings).reduce(0) { $0 + side.tokens(item: $1, meeting: concepts) }
            let counterparts = partners.reduce(0) { $0 + other.tokens(item: $1, meeting: concepts) }
            if counterparts >= copies {
                if local < 64 { neutral.0 |= bit } else { neutral.1 |= bit }
            } else if local < 64 { kept.0 &= ~bit } else { kept.1 &= ~bit }
        }
        return (kept, neutral)
    }

    /// The match masks of every Indonesian item of `a` against every English item of `b`.
    func pairMasks(_ a: [Int], _ b: [Int]) -> [[(mine: AlignmentMask, theirs: AlignmentMask)]] {
        a.map { x in b.map { y in id.matchMasks(item: x, against: en, otherItem: y) } }
    }

    func union(_ masks: [AlignmentMask]) -> AlignmentMask {
        masks.reduce((0, 0)) { ($0.0 | $1.0, $0.1 | $1.1) }
    }

    /// The values (nats) of the words of `item`, function words left out, given which found a
    /// counterpart (`found`). A found word in `neutral` is worth nothing. `tokens`: only the
    /// words at those places in the sentence.
    func wordValues(item: Int, indonesian: Bool, found: AlignmentMask, neutral: AlignmentMask = (0, 0), tokens: Range<Int>? = nil) -> [Double] {
        let side = indonesian ? id : en
        let values = indonesian ? idValues : enValues
        var result: [Double] = []
        let start = side.tokenStart[item]
        for token in start..<side.tokenStart[item + 1] where values.isContent[token] {
            let local = token - start
            if let tokens, !tokens.contains(local) { continue }
            let bit = UInt64(1) << UInt64(local & 63)
            let isFound = (local < 64 ? found.0 : found.1) & bit != 0
            if isFound && (local < 64 ? neutral.0 : neutral.1) & bit != 0 { result.append(0); continue }
            result.append(Double(isFound ? values.found[token] : values.missing[token]))
        }
        return result
    }
}

extension AlignmentPass {
    /// Fills in each bead's evidence, its competitors' and its confidence (`AlignmentCalibration`).
    /// A pair's competitors are its sentences paired with the two sentences on either side of
    /// the bead on the other side; a sentence left out competes with the sentences of the two
    /// beads on either side.
    func calibrate(_ beads: inout [AlignmentBead]) {
        let idCount = chance.indonesianSentences, enCount = chance.englishSentences
        func pairEvidence(_ i: Int, _ j: Int) -> Double {
            guard i >= 0, j >= 0, i < idCount, j < enCount else { return -.infinity }
            return translationEvidence(idItem[i]..<(idItem[i] + 1), enItem[j]..<(enItem[j] + 1)).total
        }
        for index in beads.indices {
            let bead = beads[index]
            var competing = -Double.infinity
            if let firstId = bead.indonesian.first, let firstEn = bead.english.first, let lastId = bead.indonesian.last, let lastEn = bead.english.last {
                for i in bead.indonesian {
                    for j in [firstEn - 2, firstEn - 1, lastEn + 1, lastEn + 2] { competing = max(competing, pairEvidence(i, j)) }
                }
                for j in bead.english {
                    for i in [firstId - 2, firstId - 1, lastId + 1, lastId + 2] { competing = max(competing, pairEvidence(i, j)) }
                }
                let words = translationEvidence(indonesianItems(bead.indonesian), englishItems(bead.english))
                beads[index].evidence = words.total
                beads[index].unmatchedEdge = words.unmatchedEdge
                beads[index].weakestMember = words.weakestMember
                beads[index].adjacentOmissions = [index - 1, index + 1].filter { beads.indices.contains($0) && beads[$0].isOmission }.count
            } else {
                let nearby = beads[max(0, index - 2)...min(beads.count - 1, index + 2)]
                if let sentence = bead.indonesian.first {
                    for other in nearby.flatMap(\.english) { competing = max(competing, pairEvidence(sentence, other)) }
                } else if let sentence = bead.english.first {
                    for other in nearby.flatMap(\.indonesian) { competing = max(competing, pairEvidence(other, sentence)) }
                }
            }
            beads[index].competingEvidence = competing.isFinite ? competing : 0
            beads[index].confidence = AlignmentCalibration.confidence(beads[index])
        }
    }
}

/// Turns a bead's evidence into a probability of being right.
///
/// A pair whose words say it is no translation (evidence ≤ 0) gets the likelihood ratio itself
/// as its odds, σ(evidence) < 0.5: its place on the path cannot lift it. Above 0, a logistic
/// model per bead group on the evidence, the part with no counterpart at an edge, the length fit,
/// how far a competitor comes (1-1), and how many of the two beads beside it are sentences left
/// out: a pair between omissions is more often two leftovers on one topic. A merge's weakest
/// sentence is not in the model: a merge whose edge sentence takes more than
/// `AlignmentParameters.mergeSplitMargin` away is split before (`splitMerges`; fitted, its weight
/// came out with the wrong sign). A sentence left out is more likely right the less any sentence
/// nearby matches it. Fitted on the noisy track of the
/// yardstick, seeds 1, 2, 5 and 6, by `Benchmarks/alignment/fit_calibration.py`; BENCHMARKS.md
/// shows the buckets on other seeds.
public enum AlignmentCalibration {
    /// How much worse a wrong pair stored is than a right pair left out: the wrong one is served
    /// later as a match and may be copied into a published article; the missed one costs a
    /// translation done again. A pair's odds are divided by this (cost-sensitive decision, Elkan
    /// 2001), so that 0.5 is the point where storing it pays: a pair stored at 0.5 is right about
    /// 16 times in 17 by the fitted model. Chosen on seeds 1, 2, 5 and 6 of the noisy track as the
    /// lowest cost at which about one stored link in 200 is wrong (cost 4 stored about one in 120,
    /// with two to three points more recall).
    public static let wrongPairCost = 16.0

    public static func confidence(_ bead: AlignmentBead) -> Double {
        let hasBothSides = !bead.indonesian.isEmpty && !bead.english.isEmpty
        return 1 / (1 + exp(-(fittedLogOdds(bead) - (hasBothSides ? log(wrongPairCost) : 0))))
    }

    /// The fitted model's probability that the bead is right, before the cost of a wrong pair.
    static func fittedProbability(_ bead: AlignmentBead) -> Double {
        1 / (1 + exp(-fittedLogOdds(bead)))
    }

    /// The fitted model's log-odds that the bead is right.
    static func fittedLogOdds(_ bead: AlignmentBead) -> Double {
        let z: Double
        if bead.indonesian.isEmpty || bead.english.isEmpty {
            z = 2.61 - 0.432 * log1p(max(0, bead.competingEvidence)) - 0.0637 * min(0, bead.competingEvidence)
        } else if bead.evidence <= 0 {
            z = bead.evidence
        } else if bead.indonesian.count == 1 && bead.english.count == 1 {
            let margin = min(0, bead.evidence - bead.competingEvidence)
            z = 1.637 + 1.447 * log1p(bead.evidence) + 0.3974 * bead.unmatchedEdge + 0.5745 * bead.lengthScore + 0.3921 * margin
                - 0.3701 * Double(bead.adjacentOmissions)
        } else {
            z = 3.305 + 0.9606 * log1p(bead.evidence) + 0.3777 * bead.unmatchedEdge + 0.596 * bead.lengthScore
                - 1.367 * Double(bead.adjacentOmissions)
        }
        return z
    }
}
