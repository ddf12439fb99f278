import Foundation

/// One link of an alignment: which Indonesian sentences translate which English sentences.
/// Indices count sentences across the whole document (paragraph marks excluded). A bead with one
/// side empty is a sentence the other text left out (1-0 / 0-1).
public struct AlignmentBead: Sendable, Codable, Hashable {
    public var indonesian: [Int]
    public var english: [Int]
    /// Estimated probability that the link is right (see `AlignmentCalibration`).
    public var confidence: Double
    /// Share of the words (weighted) on both sides that found a counterpart, in [0, 1].
    public var lexicalCoverage: Double
    /// Gale–Church log-probability of the two lengths (0 is a perfect fit).
    public var lengthScore: Double
    /// Log-likelihood ratio (nats) that the sentences translate each other rather than share
    /// words by chance (`AlignmentPass.translationEvidence`); 0 for a 1-0/0-1 bead.
    public var evidence: Double = 0
    /// The best evidence a competing explanation reaches: one of the bead's sentences with a
    /// sentence next to the bead (for a 1-0/0-1 bead: with a sentence of the beads around it).
    public var competingEvidence: Double = 0
    /// The most negative sum of word values at the start or end of one side (≤ 0): a part of
    /// the bead with no counterpart, such as a sentence glued on.
    public var unmatchedEdge: Double = 0
    /// For a merge, what its weakest sentence adds (nats); for a 1-1 bead, the evidence.
    public var weakestMember: Double = 0
    /// How many of the two beads beside a pair are sentences left out (0–2): a pair between
    /// omissions is more often two leftovers on one topic than a translation.
    public var adjacentOmissions: Int = 0

    /// `1-1`, `2-1`, `1-0`, …
    public var kind: String { "\(indonesian.count)-\(english.count)" }

    /// A sentence one text left out (1-0 / 0-1).
    public var isOmission: Bool { indonesian.isEmpty != english.isEmpty }
}

/// The aligner's knobs. The defaults were set on a development corpus and are meant for news
/// text; `lengthRatio`/`lengthVariance` can come from the memory (`AlignmentLengthModel`).
public struct AlignmentParameters: Sendable, Codable, Hashable {
    /// Expected English characters per Indonesian character (Gale & Church's *c*). Nil: measured
    /// on the two documents themselves.
    public var lengthRatio: Double?
    /// Variance of the English length per Indonesian character (Gale & Church's *s²*).
    public var lengthVariance: Double = 6.8
    public var lengthWeight: Double = 1.0
    /// Score of a word that found its counterpart, and cost of one that did not.
    public var matchReward: Double = 1.0
    public var mismatchCost: Double = 0.3
    /// Weight of a function word (`yang`, `the`) relative to a content word.
    public var functionWordWeight: Double = 0.2
    public var numberWeight: Double = 1.5
    /// Words frequent in the document say less about which sentence is which: a word found in
    /// df of N sentences weighs log(N/df)/log(N) of a word found once (floored at
    /// `minimumRarityWeight`), when `rarityWeighting` is on.
    public var rarityWeighting: Bool = true
    public var minimumRarityWeight: Double = 0.2
    /// Cost of leaving a sentence unaligned (1-0 / 0-1).
    public var skipCost: Double = 3.0
    /// Costs of the many-to-one beads over 1-1.
    public var mergeCost: Double = 3.0
    public var doubleMergeCost: Double = 12.0
    public var tripleMergeCost: Double = 6.0
    /// Paragraph marks matched on both sides (reward) or left unmatched (cost): soft anchors.
    public var paragraphReward: Double = 3.0
    public var paragraphSkipCost: Double = 4.0
    /// Half-width of the band around the length diagonal, in sentences (grows when the path
    /// touches it). Documents whose full table is smaller than `fullTableLimit` cells get no band.
    public var bandWidth: Int = 20
    public var fullTableLimit: Int = 250_000
    /// Half-width of the band around the first alignment's path when the texts are aligned again
    /// after cuts (grows as `bandWidth` does when the path touches it).
    public var guidedBandWidth: Int = 4
    /// Run hunalign's second pass with word pairs learned from the confident links of the first.
    public var realign: Bool = true
    /// How often a translation keeps a counterpart the aligner can see, by word class: a
    /// number, a word the lexicon translates, a name kept as written, any other word.
    public var numberFoundRate: Double = 0.95
    public var knownFoundRate: Double = 0.7
    public var nameFoundRate: Double = 0.85
    public var otherFoundRate: Double = 0.35
    /// How much better (nats) a merge must explain its sentences without an edge sentence for
    /// that sentence to be taken out as untranslated.
    public var mergeSplitMargin: Double = 1
    /// How much a part glued on at a capitalised word, with no sentence end, must take away from
    /// its pair to be cut (nats): a capital inside a sentence is mostly a name, not a new sentence.
    public var splitMargin: Double = 4
    /// Cut a segment where a part of it after a sentence end the segmenter did not take has no
    /// counterpart.
    public var cutUntranslatedParts: Bool = true
    /// How much a part after a sentence end must take away from its pair to be cut (nats). Lower
    /// than `splitMargin`: the aligner pairs the two parts again when both translate. A part
    /// glued on at a capitalised word, with no sentence end, needs `splitMargin`.
    public var sentenceCutMargin: Double = 2
    /// How many times the texts are cut and aligned again at most.
    public var cutRounds: Int = 2
    /// How much the head of a segment that starts in lower case must take away from its pair to
    /// be cut at a capitalised word (nats).
    public var lowerCaseHeadCutMargin: Double = 0
    /// How far (in beads) a sentence left out may find its partner across the others.
    public var crossingWindow: Int = 12

    func foundRate(_ wordClass: AlignmentWordClass) -> Double {
        switch wordClass {
        case .number: return numberFoundRate
        case .known: return knownFoundRate
        case .name: return nameFoundRate
        case .other, .function: return otherFoundRate
        }
    }

    public init() {}
}

/// The result of aligning two documents.
public struct AlignmentResult: Sendable, Codable, Hashable {
    public var indonesianSentences: [String]
    public var englishSentences: [String]
    /// Paragraph number of each sentence.
    public var indonesianParagraphs: [Int]
    public var englishParagraphs: [Int]
    public var beads: [AlignmentBead]
    /// Word pairs learned from the first pass and used in the second.
    public var learnedPairs: Int
    /// The length ratio used (English characters per Indonesian character).
    public var lengthRatio: Double
}

/// A sentence aligner for Indonesian–English documents: dynamic programming over beads 1-1, 1-0,
/// 0-1, 2-1, 1-2, 2-2, 1-3 and 3-1 (Gale & Church 1993), each scored by the length model plus word
/// evidence from a lexicon, identical tokens, numbers and cognates (as hunalign, Varga et al.
/// 2005, combines them), with paragraph marks as soft anchors, and hunalign's second pass with a
/// lexicon learned from the first.
///
/// The table is restricted to a band around the diagonal drawn by cumulative text length, widened
/// only when the best path touches its edge, so time and memory grow linearly with the document.
public struct SentenceAligner: Sendable {
    public var lexicon: AlignmentLexicon
    public var parameters: AlignmentParameters
    /// Called now and then with the fraction done (for a progress bar).
    public var progress: (@Sendable (Double) -> Void)?

    public init(lexicon: AlignmentLexicon, parameters: AlignmentParameters = AlignmentParameters()) {
        self.lexicon = lexicon
        self.parameters = parameters
    }

    /// Aligns two documents given as paragraphs of sentences.
    ///
    /// - Complexity: O((n + m) · w) time and memory for n and m sentences and band half-width w
    ///   (20 unless the path runs along the band's edge), plus O(n + m) tokenisation; twice with `realign`.
    public func align(indonesian: [[String]], english: [[String]]) -> AlignmentResult {
        var (result, pass) = alignOnce(indonesian: indonesian, english: english, progressShare: 1)
        // A segment that holds a sentence with no counterpart after one that has one (the
        // segmenter took the end for an abbreviation's, or the next starts in lower case) is
        // cut, and the texts are aligned again.
        // The cuts move the path by a sentence or two where they are: the second alignment
        // searches a narrow band around the first one's path, not the whole length diagonal.
        // A part a cut made can hold another glued part (a line of dialogue glued to a sentence
        // that was itself glued on after a stop): the cuts are looked for again, up to
        // `cutRounds` times.
        var texts = (indonesian: indonesian, english: english)
        var round = 0
        while parameters.cutUntranslatedParts, round < parameters.cutRounds, let current = pass,
              let cut = current.cutUntranslatedParts(result.beads, indonesian: texts.indonesian, english: texts.english) {
            let guide = current.guide(for: result.beads, indonesianParts: cut.indonesianParts, englishParts: cut.englishParts)
            texts = (cut.indonesian, cut.english)
            (result, pass) = alignOnce(indonesian: cut.indonesian, english: cut.english, progressShare: nil, guide: guide)
            round += 1
        }
        return result
    }

    /// One alignment (both passes); the pass is nil when a side is empty. `progressShare` nil:
    /// no progress reported.
    /// `guide`: points (Indonesian items, English items) the path is expected near (`AlignmentPass.guide`).
    private func alignOnce(indonesian: [[String]], english: [[String]], progressShare: Double?,
                           guide: [(Int, Int)]? = nil) -> (result: AlignmentResult, pass: AlignmentPass?) {
        let idSentences = indonesian.flatMap { $0 }
        let enSentences = english.flatMap { $0 }
        let idParagraphs = indonesian.enumerated().flatMap { index, paragraph in Array(repeating: index, count: paragraph.count) }
        let enParagraphs = english.enumerated().flatMap { index, paragraph in Array(repeating: index, count: paragraph.count) }
        var result = AlignmentResult(indonesianSentences: idSentences, englishSentences: enSentences,
                                     indonesianParagraphs: idParagraphs, englishParagraphs: enParagraphs,
                                     beads: [], learnedPairs: 0, lengthRatio: 1)
        if idSentences.isEmpty || enSentences.isEmpty {
            result.beads = idSentences.indices.map { AlignmentBead(indonesian: [$0], english: [], confidence: 0.99, lexicalCoverage: 0, lengthScore: 0) }
                + enSentences.indices.map { AlignmentBead(indonesian: [], english: [$0], confidence: 0.99, lexicalCoverage: 0, lengthScore: 0) }
            return (result, nil)
        }
        let progress = progressShare == nil ? nil : self.progress
        var table = AlignmentConceptTable(lexicon: lexicon)
        let idSide = AlignmentTokenizedSide(paragraphs: indonesian, indonesian: true, lexicon: lexicon, table: &table)
        let enSide = AlignmentTokenizedSide(paragraphs: english, indonesian: false, lexicon: lexicon, table: &table)
        var pass = AlignmentPass(indonesian: idSide, english: enSide, parameters: parameters)
        pass.guide = guide
        if let progress { pass.progress = { progress($0 * (parameters.realign ? 0.5 : 1)) } }
        var beads = pass.run()
        result.lengthRatio = pass.ratio
        if parameters.realign {
            let idWords = idSide.paragraphs.flatMap { $0 }, enWords = enSide.paragraphs.flatMap { $0 }
            let links = beads.filter { $0.indonesian.count == 1 && $0.english.count == 1 && AlignmentCalibration.fittedProbability($0) >= 0.9 }
                .map { (indonesian: idWords[$0.indonesian[0]], english: enWords[$0.english[0]]) }
            let learned = AlignmentTokenizedSide.learnedConcepts(indonesian: idSide, english: enSide, links: links)
            if !learned.isEmpty {
                pass = AlignmentPass(indonesian: idSide, english: enSide, learned: learned, parameters: parameters)
                pass.guide = guide
                if let progress { pass.progress = { progress(0.5 + $0 * 0.5) } }
                beads = pass.run()
                result.learnedPairs = learned.count
            }
        }
        result.beads = beads
        return (result, pass)
    }
}

/// One side of the alignment problem, flattened for the inner loop: items are sentences and
/// paragraph marks; each sentence has weighted words, and its (concept, word) pairs sorted by
/// concept so that two sentences are compared by one merge walk.
struct AlignmentSideFeatures {
    var isMark: [Bool] = []
    var length: [Double] = []
    var sentence: [Int] = []
    var tokenStart: [Int] = [0]
    var tokenWeight: [Float] = []
    /// The form (word number of `AlignmentTokenizedSide`) of each token.
    var tokenForm: [Int32] = []
    var totalWeight: [Float] = []
    /// Per sentence, (concept, word number in the sentence) sorted by concept, for merge walks.
    var pairStart: [Int] = [0]
    var pairConcept: [Int32] = []
    var pairToken: [UInt8] = []

    static let maximumTokens = 128

    /// - Parameter extra: concepts learned for some word numbers (the second pass).
    init(side: AlignmentTokenizedSide, extra: [Int32: [Int32]] = [:], parameters: AlignmentParameters) {
        var sentenceNumber = 0
        var documentFrequency = [Int](repeating: 0, count: side.forms.count)
        var sentenceTotal = 0
        var seen = [Int](repeating: -1, count: side.forms.count)
        for paragraph in side.paragraphs {
            for words in paragraph {
                for word in words where seen[Int(word)] != sentenceTotal {
                    seen[Int(word)] = sentenceTotal
                    documentFrequency[Int(word)] += 1
                }
                sentenceTotal += 1
            }
        }
        let logTotal = log(Double(max(sentenceTotal, 2)))
        var formWeight = [Float](repeating: 1, count: side.forms.count)
        for form in side.forms.indices {
            var weight: Float = side.formIsNumber[form] ? Float(parameters.numberWeight) : side.formIsFunction[form] ? Float(parameters.functionWordWeight) : 1
            if parameters.rarityWeighting, documentFrequency[form] > 1 {
                weight *= Float(max(parameters.minimumRarityWeight, log(Double(sentenceTotal) / Double(documentFrequency[form])) / logTotal))
            }
            formWeight[form] = weight
        }
        var conceptTokens: [UInt64] = []
        for (paragraphIndex, paragraph) in side.paragraphs.enumerated() {
            if paragraphIndex > 0 { appendMark() }
            for (sentenceInParagraph, words) in paragraph.enumerated() {
                isMark.append(false)
                length.append(Double(side.lengths[paragraphIndex][sentenceInParagraph]))
                sentence.append(sentenceNumber)
                sentenceNumber += 1
                conceptTokens.removeAll(keepingCapacity: true)
                var total: Float = 0
                // Words past the 128th are not used (they would not fit the per-sentence masks of
                // the dynamic programme); such sentences are rare and long enough without them.
                for (local, word) in words.prefix(AlignmentSideFeatures.maximumTokens).enumerated() {
                    let weight = formWeight[Int(word)]
                    tokenWeight.append(weight)
                    tokenForm.append(word)
                    total += weight
                    for value in side.formConcepts[Int(word)] {
                        conceptTokens.append(UInt64(UInt32(bitPattern: value)) << 8 | UInt64(local))
                    }
                    if let learned = extra[word] {
                        for value in learned {
                            conceptTokens.append(UInt64(UInt32(bitPattern: value)) << 8 | UInt64(local))
                        }
                    }
                }
                tokenStart.append(tokenWeight.count)
                conceptTokens.sort()
                for packed in conceptTokens {
                    pairConcept.append(Int32(bitPattern: UInt32(truncatingIfNeeded: packed >> 8)))
                    pairToken.append(UInt8(truncatingIfNeeded: packed))
                }
                pairStart.append(pairConcept.count)
                totalWeight.append(total)
            }
        }
    }

    private mutating func appendMark() {
        isMark.append(true)
        length.append(0)
        sentence.append(-1)
        tokenStart.append(tokenWeight.count)
        pairStart.append(pairConcept.count)
        totalWeight.append(0)
    }

    /// The words of `item` that have a concept in `other`'s `otherItem`, and the words of
    /// `otherItem` that have one in `item`, as 128-bit masks: one merge walk over the two
    /// concept-sorted lists.
    @inline(__always)
    func matchMasks(item: Int, against other: AlignmentSideFeatures, otherItem: Int) -> (mine: (UInt64, UInt64), theirs: (UInt64, UInt64)) {
        var mine: (UInt64, UInt64) = (0, 0), theirs: (UInt64, UInt64) = (0, 0)
        var p = pairStart[item]
        let pEnd = pairStart[item + 1]
        var q = other.pairStart[otherItem]
        let qEnd = other.pairStart[otherItem + 1]
        if p == pEnd || q == qEnd { return (mine, theirs) }
        @inline(__always) func mark(_ mask: inout (UInt64, UInt64), _ t: UInt8) {
            if t < 64 { mask.0 |= UInt64(1) << UInt64(t) } else { mask.1 |= UInt64(1) << UInt64(t - 64) }
        }
        pairConcept.withUnsafeBufferPointer { concepts in
            other.pairConcept.withUnsafeBufferPointer { otherConcepts in
                pairToken.withUnsafeBufferPointer { tokens in
                    other.pairToken.withUnsafeBufferPointer { otherTokens in
                        while p < pEnd && q < qEnd {
                            let a = concepts[p], b = otherConcepts[q]
                            if a < b { p += 1 } else if a > b { q += 1 } else {
                                while p < pEnd && concepts[p] == a { mark(&mine, tokens[p]); p += 1 }
                                while q < qEnd && otherConcepts[q] == a { mark(&theirs, otherTokens[q]); q += 1 }
                            }
                        }
                    }
                }
            }
        }
        return (mine, theirs)
    }

    /// The concepts of the word at `token` (its place in the sentence) of `item`.
    func concepts(item: Int, token: Int) -> [Int32] {
        (pairStart[item]..<pairStart[item + 1]).compactMap { pairToken[$0] == UInt8(token) ? pairConcept[$0] : nil }
    }

    /// How many words of `item` have a concept in `concepts`.
    func tokens(item: Int, meeting concepts: [Int32]) -> Int {
        var seen: (UInt64, UInt64) = (0, 0)
        for index in pairStart[item]..<pairStart[item + 1] where concepts.contains(pairConcept[index]) {
            let token = pairToken[index]
            if token < 64 { seen.0 |= UInt64(1) << UInt64(token) } else { seen.1 |= UInt64(1) << UInt64(token - 64) }
        }
        return seen.0.nonzeroBitCount + seen.1.nonzeroBitCount
    }

    /// The weight of the words of `item` set in the mask.
    @inline(__always)
    func weight(item: Int, mask: (UInt64, UInt64)) -> Float {
        let base = tokenStart[item]
        var total: Float = 0
        var low = mask.0, high = mask.1
        while low != 0 {
            total += tokenWeight[base + low.trailingZeroBitCount]
            low &= low - 1
        }
        while high != 0 {
            total += tokenWeight[base + 64 + high.trailingZeroBitCount]
            high &= high - 1
        }
        return total
    }

    var count: Int { isMark.count }

}

/// One dynamic-programming pass over two documents.
struct AlignmentPass {
    let id: AlignmentSideFeatures
    let en: AlignmentSideFeatures
    let parameters: AlignmentParameters
    let ratio: Double
    var progress: (@Sendable (Double) -> Void)?
    /// Path points (Indonesian items, English items) from an earlier alignment of nearly the same
    /// texts: the band follows them (± `guidedBandWidth`) instead of the best cell of each row.
    var guide: [(Int, Int)]?
    let idClasses: [AlignmentWordClass]
    let enClasses: [AlignmentWordClass]
    let chance: AlignmentChance
    let idValues: AlignmentWordValues
    let enValues: AlignmentWordValues
    /// The item of each sentence number.
    let idItem: [Int]
    let enItem: [Int]

    /// Bead shapes (Indonesian items, English items).
    static let shapes: [(Int, Int)] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (1, 3), (3, 1)]

    /// A pass over raw paragraphs (prepares the words itself).
    init(indonesian: [[String]], english: [[String]], lexicon: AlignmentLexicon, parameters: AlignmentParameters) {
        var table = AlignmentConceptTable(lexicon: lexicon)
        self.init(indonesian: AlignmentTokenizedSide(paragraphs: indonesian, indonesian: true, lexicon: lexicon, table: &table),
                  english: AlignmentTokenizedSide(paragraphs: english, indonesian: false, lexicon: lexicon, table: &table),
                  parameters: parameters)
    }

    init(indonesian: AlignmentTokenizedSide, english: AlignmentTokenizedSide, learned: [Int32: [Int32]] = [:], parameters: AlignmentParameters) {
        id = AlignmentSideFeatures(side: indonesian, extra: learned, parameters: parameters)
        en = AlignmentSideFeatures(side: english, parameters: parameters)
        self.parameters = parameters
        idClasses = indonesian.formClass
        enClasses = english.formClass
        chance = AlignmentChance(indonesian: indonesian, english: english, learned: learned, idFeatures: id, enFeatures: en)
        idValues = AlignmentWordValues(side: id, classes: idClasses, counts: chance.indonesian, otherSentences: chance.englishSentences, parameters: parameters)
        enValues = AlignmentWordValues(side: en, classes: enClasses, counts: chance.english, otherSentences: chance.indonesianSentences, parameters: parameters)
        let idFeatures = id, enFeatures = en
        idItem = idFeatures.sentence.indices.filter { idFeatures.sentence[$0] >= 0 }
        enItem = enFeatures.sentence.indices.filter { enFeatures.sentence[$0] >= 0 }
        if let given = parameters.lengthRatio {
            ratio = given
        } else {
            let idTotal = id.length.reduce(0, +)
            let enTotal = en.length.reduce(0, +)
            // Short texts say little about their ratio: lean on the usual ~0.88 (Indonesian runs
            // ~1.1–1.2× English), and never leave a plausible range.
            let prior = 0.88, priorWeight = 2000.0
            let measured = (enTotal + prior * priorWeight) / (idTotal + priorWeight)
            ratio = min(1.3, max(0.6, measured))
        }
    }

    /// Gale & Church's length log-probability: log P(|δ|) with δ = (l_en − c·l_id) / √(s²·l_id).
    func lengthScore(idLength: Double, enLength: Double) -> Double {
        let mean = (idLength + enLength / ratio) / 2
        guard mean > 0 else { return 0 }
        let delta = (enLength - ratio * idLength) / (parameters.lengthVariance * mean).squareRoot()
        let tail = erfc(abs(delta) / 2.0.squareRoot())
        return log(max(tail, 1e-12))
    }

    struct BeadEvidence {
        var score: Double
        var coverage: Double
        var lengthScore: Double
    }

    /// The score of the bead made of Indonesian items `a` and English items `b`, or nil when the
    /// shape is not allowed there (a paragraph mark inside a sentence bead).
    func evidence(_ a: Range<Int>, _ b: Range<Int>) -> BeadEvidence? {
        var marksA = 0, marksB = 0
        for item in a where id.isMark[item] { marksA += 1 }
        for item in b where en.isMark[item] { marksB += 1 }
        if marksA + marksB > 0 {
            if a.count + b.count == 1 { return BeadEvidence(score: -parameters.paragraphSkipCost, coverage: 0, lengthScore: 0) }
            if a.count == 1 && b.count == 1 && marksA == 1 && marksB == 1 {
                return BeadEvidence(score: parameters.paragraphReward, coverage: 1, lengthScore: 0)
            }
            return nil
        }
        if a.isEmpty || b.isEmpty { return BeadEvidence(score: -parameters.skipCost, coverage: 0, lengthScore: 0) }
        var idLength = 0.0, enLength = 0.0
        var idTotal: Float = 0, enTotal: Float = 0
        for item in a { idLength += id.length[item]; idTotal += id.totalWeight[item] }
        for item in b { enLength += en.length[item]; enTotal += en.totalWeight[item] }
        var matched: Float = 0
        for x in a {
            var mask: (UInt64, UInt64) = (0, 0)
            for y in b { let k = id.matchMasks(item: x, against: en, otherItem: y).mine; mask.0 |= k.0; mask.1 |= k.1 }
            matched += id.weight(item: x, mask: mask)
        }
        for y in b {
            var mask: (UInt64, UInt64) = (0, 0)
            for x in a { let k = id.matchMasks(item: x, against: en, otherItem: y).theirs; mask.0 |= k.0; mask.1 |= k.1 }
            matched += en.weight(item: y, mask: mask)
        }
        return combine(shape: (a.count, b.count), matched: Double(matched), total: Double(idTotal + enTotal), idLength: idLength, enLength: enLength)
    }

    /// A sentence bead's score: shape prior, Gale–Church length term, and the word evidence
    /// (matched weight rewarded, unmatched weight charged).
    @inline(__always)
    func combine(shape: (Int, Int), matched: Double, total: Double, idLength: Double, enLength: Double) -> BeadEvidence {
        let length = lengthScore(idLength: idLength, enLength: enLength)
        let lexical = parameters.matchReward * matched - parameters.mismatchCost * (total - matched)
        var prior = 0.0
        switch shape {
        case (1, 1): prior = 0
        case (2, 1), (1, 2): prior = -parameters.mergeCost
        case (2, 2): prior = -parameters.doubleMergeCost
        default: prior = -parameters.tripleMergeCost
        }
        return BeadEvidence(score: prior + parameters.lengthWeight * length + lexical,
                            coverage: total > 0 ? matched / total : 0, lengthScore: length)
    }

    /// Runs the banded dynamic programme and returns the sentence beads with their confidence.
    mutating func run() -> [AlignmentBead] {
        let n = id.count, m = en.count
        var width = guide == nil ? parameters.bandWidth : parameters.guidedBandWidth
        while true {
            let full = (n + 1) * (m + 1) <= parameters.fullTableLimit || width >= max(n, m)
            if var path = solve(width: full ? nil : width) {
                refine(&path)
                calibrate(&path)
                return path
            }
            width *= 2
        }
    }

    /// The guide for aligning the texts again after `cutUntranslatedParts`: the end of each bead
    /// of `beads` (this pass's alignment) with both sides, in the items of the cut texts, where
    /// sentence s became `parts[s]` segments.
    func guide(for beads: [AlignmentBead], indonesianParts: [Int: Int], englishParts: [Int: Int]) -> [(Int, Int)] {
        let idSorted = indonesianParts.sorted { $0.key < $1.key }, enSorted = englishParts.sorted { $0.key < $1.key }
        // Extra segments before each sentence, by one walk over the sorted cuts.
        var points: [(Int, Int)] = []
        var idExtra = 0, enExtra = 0, idNext = 0, enNext = 0
        for bead in beads {
            guard let a = bead.indonesian.max(), let b = bead.english.max() else { continue }
            while idNext < idSorted.count && idSorted[idNext].key <= a { idExtra += idSorted[idNext].value - 1; idNext += 1 }
            while enNext < enSorted.count && enSorted[enNext].key <= b { enExtra += enSorted[enNext].value - 1; enNext += 1 }
            points.append((idItem[a] + idExtra + 1, enItem[b] + enExtra + 1))
        }
        return points
    }

    /// Each row's band around the guide: ± `width` around the columns the guide crosses there
    /// (interpolated between its points), from (0, 0) to (n, m).
    func guideBand(_ guide: [(Int, Int)], width: Int) -> (lo: [Int], hi: [Int]) {
        let n = id.count, m = en.count
        var sorted = [(0, 0)] + guide.filter { $0.0 <= n && $0.1 <= m } + [(n, m)]
        sorted.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        // A monotone path: points of beads the refinement moved across others are left out.
        var points: [(Int, Int)] = []
        for point in sorted where point.1 >= (points.last?.1 ?? 0) { points.append(point) }
        var low = [Int](repeating: m, count: n + 1), high = [Int](repeating: 0, count: n + 1)
        for (p, q) in zip(points, points.dropFirst()) {
            let (i0, j0) = p, (i1, j1) = q
            guard j1 >= j0 else { continue }
            for i in i0...i1 {
                // The columns between the rows' interpolated positions (a 1-3 bead crosses several).
                let from = i1 == i0 ? j0 : j0 + (j1 - j0) * (i - i0) / (i1 - i0)
                let to = i1 == i0 ? j1 : j0 + ((j1 - j0) * (i - i0) + (i1 - i0) - 1) / (i1 - i0)
                low[i] = min(low[i], from)
                high[i] = max(high[i], to)
            }
        }
        for i in 0...n {
            if low[i] > high[i] { (low[i], high[i]) = (i > 0 ? low[i - 1] : 0, i > 0 ? high[i - 1] : 0) }
            low[i] = max(0, low[i] - width)
            high[i] = min(m, high[i] + width)
            // Never narrowing to the left: every cell from a row's low end on can then be reached
            // from the row before (down, then along).
            if i > 0 { (low[i], high[i]) = (max(low[i], low[i - 1]), max(high[i], high[i - 1])) }
        }
        return (low, high)
    }

    /// The best path, or nil when it runs along the band's edge (the band must grow).
    ///
    /// With a `width`, row i of the table covers English item counts within `width` of the best
    /// cell of row i − 1 (plus one): the band follows the alignment as it goes, so local drifts
    /// (a block of untranslated sentences, a change of length ratio) never push the path out of
    /// it, and the table holds (n + 1)(2w + 1) cells. Without, the full table.
    func solve(width: Int?) -> [AlignmentBead]? {
        let n = id.count, m = en.count
        var lo = [Int](repeating: 0, count: n + 1), hi = [Int](repeating: m, count: n + 1)
        var rowStart = [Int](repeating: 0, count: n + 2)
        var best: [Double] = []
        var back: [UInt8] = []
        best.reserveCapacity(width.map { (n + 1) * (2 * $0 + 2) } ?? (n + 1) * (m + 1))
        back.reserveCapacity(best.capacity)
        let shapes = AlignmentPass.shapes
        let maximumShape = 3
        // Match masks of Indonesian item a against English item b for the last rows: a ring of
        // `maximumShape + 1` rows; masks outside a row's stored range are computed on the spot.
        let capacity = width.map { 2 * $0 + 2 * maximumShape + 2 } ?? m + 1
        let ringLow = UnsafeMutablePointer<Int>.allocate(capacity: maximumShape + 1)
        let ringHigh = UnsafeMutablePointer<Int>.allocate(capacity: maximumShape + 1)
        ringLow.initialize(repeating: 0, count: maximumShape + 1)
        ringHigh.initialize(repeating: -1, count: maximumShape + 1)
        let idMasks = UnsafeMutablePointer<(UInt64, UInt64)>.allocate(capacity: (maximumShape + 1) * capacity)
        let enMasks = UnsafeMutablePointer<(UInt64, UInt64)>.allocate(capacity: (maximumShape + 1) * capacity)
        idMasks.initialize(repeating: (0, 0), count: (maximumShape + 1) * capacity)
        enMasks.initialize(repeating: (0, 0), count: (maximumShape + 1) * capacity)
        defer {
            ringLow.deallocate()
            ringHigh.deallocate()
            idMasks.deallocate()
            enMasks.deallocate()
        }
        let isIdMark = id.isMark, isEnMark = en.isMark
        let skipScore = -parameters.skipCost, markSkipScore = -parameters.paragraphSkipCost, markScore = parameters.paragraphReward
        let progressStep = max(1, n / 100)
        var bestColumn = 0
        let guided = width.flatMap { width in guide.map { guideBand($0, width: width) } }
        for i in 0...n {
            if let progress, i % progressStep == 0 { progress(Double(i) / Double(max(1, n))) }
            if let guided {
                lo[i] = i == 0 ? 0 : min(guided.lo[i], hi[i - 1])
                hi[i] = i == 0 ? guided.hi[0] : max(guided.hi[i], lo[i - 1])
                if i == n { hi[i] = m }
            } else if let width {
                if i == 0 {
                    lo[0] = 0
                    hi[0] = min(m, width)
                } else {
                    let centre = min(m, bestColumn + 1)
                    lo[i] = min(max(0, centre - width), hi[i - 1])
                    hi[i] = max(min(m, centre + width), lo[i - 1])
                }
                if i == n { hi[i] = m }
            }
            rowStart[i + 1] = rowStart[i] + hi[i] - lo[i] + 1
            best.append(contentsOf: repeatElement(-Double.infinity, count: hi[i] - lo[i] + 1))
            back.append(contentsOf: repeatElement(255, count: hi[i] - lo[i] + 1))
            if i == 0 { best[0] = 0 }
            if i > 0 && !id.isMark[i - 1] {
                let a = i - 1, slot = a % (maximumShape + 1)
                let low = max(0, lo[i] - maximumShape), high = min(m - 1, low + capacity - 1)
                ringLow[slot] = low
                ringHigh[slot] = high
                if high >= low {
                    for b in low...high where !en.isMark[b] {
                        let both = id.matchMasks(item: a, against: en, otherItem: b)
                        idMasks[slot * capacity + b - low] = both.mine
                        enMasks[slot * capacity + b - low] = both.theirs
                    }
                }
            }
            @inline(__always) func masks(_ a: Int, _ b: Int) -> (id: (UInt64, UInt64), en: (UInt64, UInt64)) {
                let slot = a % (maximumShape + 1)
                if b >= ringLow[slot] && b <= ringHigh[slot] {
                    let k = slot * capacity + b - ringLow[slot]
                    return (idMasks[k], enMasks[k])
                }
                let both = id.matchMasks(item: a, against: en, otherItem: b)
                return (both.mine, both.theirs)
            }
            var rowBest = -Double.infinity
            for j in lo[i]...hi[i] {
                if i == 0 && j == 0 { continue }
                var bestScore = -Double.infinity
                var bestShape: UInt8 = 255
                for (s, shape) in shapes.enumerated() {
                    let pi = i - shape.0, pj = j - shape.1
                    guard pi >= 0, pj >= 0, pj >= lo[pi], pj <= hi[pi] else { continue }
                    let previous = best[rowStart[pi] + pj - lo[pi]]
                    if previous == -Double.infinity { continue }
                    let score: Double
                    if shape.1 == 0 {
                        score = isIdMark[pi] ? markSkipScore : skipScore
                    } else if shape.0 == 0 {
                        score = isEnMark[pj] ? markSkipScore : skipScore
                    } else {
                        var marks = 0
                        for a in pi..<i where isIdMark[a] { marks += 1 }
                        for b in pj..<j where isEnMark[b] { marks += 1 }
                        if marks == 2 && shape.0 == 1 && shape.1 == 1 {
                            score = markScore
                            let total = previous + score
                            if total > bestScore { bestScore = total; bestShape = UInt8(s) }
                            continue
                        }
                        if marks > 0 { continue }
                        var idMatched: Float = 0, enMatched: Float = 0, idTotal: Float = 0, enTotal: Float = 0
                        var idLength = 0.0, enLength = 0.0
                        for a in pi..<i {
                            var mask: (UInt64, UInt64) = (0, 0)
                            for b in pj..<j {
                                let k = masks(a, b).id
                                mask.0 |= k.0
                                mask.1 |= k.1
                            }
                            idMatched += id.weight(item: a, mask: mask)
                            idTotal += id.totalWeight[a]
                            idLength += id.length[a]
                        }
                        for b in pj..<j {
                            var mask: (UInt64, UInt64) = (0, 0)
                            for a in pi..<i {
                                let k = masks(a, b).en
                                mask.0 |= k.0
                                mask.1 |= k.1
                            }
                            enMatched += en.weight(item: b, mask: mask)
                            enTotal += en.totalWeight[b]
                            enLength += en.length[b]
                        }
                        score = combine(shape: shape, matched: Double(idMatched + enMatched), total: Double(idTotal + enTotal),
                                        idLength: idLength, enLength: enLength).score
                    }
                    let total = previous + score
                    if total > bestScore { bestScore = total; bestShape = UInt8(s) }
                }
                best[rowStart[i] + j - lo[i]] = bestScore
                back[rowStart[i] + j - lo[i]] = bestShape
                if bestScore > rowBest { rowBest = bestScore; bestColumn = j }
            }
            if i == 0 { bestColumn = 0 }
        }
        var beads: [AlignmentBead] = []
        var i = n, j = m
        var touchesEdge = false
        while i > 0 || j > 0 {
            if (j == lo[i] && lo[i] > 0) || (j == hi[i] && hi[i] < m) {
                touchesEdge = true
            }
            let shape = shapes[Int(back[rowStart[i] + j - lo[i]])]
            let a = (i - shape.0)..<i, b = (j - shape.1)..<j
            if !a.contains(where: { id.isMark[$0] }) && !b.contains(where: { en.isMark[$0] }), let bead = evidence(a, b) {
                beads.append(AlignmentBead(indonesian: a.map { id.sentence[$0] }, english: b.map { en.sentence[$0] },
                                           confidence: 0, lexicalCoverage: bead.coverage, lengthScore: bead.lengthScore))
            }
            i = a.lowerBound
            j = b.lowerBound
        }
        if touchesEdge && width != nil { return nil }
        beads.reverse()
        return beads
    }
}

extension AlignmentParameters {
    /// The parameters with some fields replaced by those of a JSON object (for experiments).
    public static func overriding(_ base: AlignmentParameters, with json: Data) throws -> AlignmentParameters {
        let encoder = JSONEncoder()
        var merged = try JSONSerialization.jsonObject(with: encoder.encode(base)) as? [String: Any] ?? [:]
        guard let changes = try JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw TMError(.invalidContent(reason: "expected a JSON object"), path: "--parameters")
        }
        for (key, value) in changes { merged[key] = value }
        return try JSONDecoder().decode(AlignmentParameters.self, from: JSONSerialization.data(withJSONObject: merged))
    }
}
