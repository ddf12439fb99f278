import Foundation

/// Corrections to the dynamic programme's path that its monotonic, additive score cannot make:
/// a merge that swallowed a sentence with no counterpart, and links that cross (a paragraph the
/// editor moved).
extension AlignmentPass {
    /// The items of consecutive sentence numbers (a bead's side never crosses a paragraph mark).
    func indonesianItems(_ sentences: [Int]) -> Range<Int> {
        guard let first = sentences.first, let last = sentences.last else { return 0..<0 }
        return idItem[first]..<(idItem[last] + 1)
    }

    func englishItems(_ sentences: [Int]) -> Range<Int> {
        guard let first = sentences.first, let last = sentences.last else { return 0..<0 }
        return enItem[first]..<(enItem[last] + 1)
    }

    /// How well a bead explains its sentences, in nats: the words' log-likelihood ratio plus
    /// the Gale–Church length log-probability. An omission (1-0/0-1) scores 0: it claims nothing.
    func explanationScore(_ indonesian: [Int], _ english: [Int]) -> Double {
        guard !indonesian.isEmpty, !english.isEmpty else { return 0 }
        let a = indonesianItems(indonesian), b = englishItems(english)
        let length = lengthScore(idLength: a.reduce(0) { $0 + id.length[$1] }, enLength: b.reduce(0) { $0 + en.length[$1] })
        return translationEvidence(a, b, members: false).total + length
    }

    /// A bead with its coverage and length score (confidence comes later, from `calibrate`).
    func makeBead(_ indonesian: [Int], _ english: [Int]) -> AlignmentBead {
        let found = evidence(indonesianItems(indonesian), englishItems(english))
        return AlignmentBead(indonesian: indonesian, english: english, confidence: 0,
                             lexicalCoverage: found?.coverage ?? 0, lengthScore: found?.lengthScore ?? 0)
    }

    /// Takes out of each merge (2-1, 1-2, 2-2, 1-3, 3-1) an edge sentence that adds less than
    /// `-mergeSplitMargin` nats to it (`memberGain`): told better as left untranslated.
    func splitMerges(_ beads: inout [AlignmentBead]) {
        var result: [AlignmentBead] = []
        result.reserveCapacity(beads.count)
        for bead in beads {
            guard !bead.indonesian.isEmpty, !bead.english.isEmpty, bead.indonesian.count + bead.english.count > 2 else {
                result.append(bead)
                continue
            }
            var ids = bead.indonesian, ens = bead.english
            var before: [AlignmentBead] = [], after: [AlignmentBead] = []
            while ids.count + ens.count > 2 {
                let a = Array(indonesianItems(ids)), b = Array(englishItems(ens))
                let masks = pairMasks(a, b)
                var weakest: (gain: Double, indonesianSide: Bool, first: Bool)?
                for indonesianSide in [true, false] where (indonesianSide ? ids.count : ens.count) >= 2 {
                    for first in [true, false] {
                        let index = first ? 0 : (indonesianSide ? ids.count : ens.count) - 1
                        let gain = indonesianSide ? memberGain(a, b, indonesianMember: index, masks: masks) : memberGain(a, b, englishMember: index, masks: masks)
                        if gain < -parameters.mergeSplitMargin && gain < (weakest?.gain ?? .infinity) { weakest = (gain, indonesianSide, first) }
                    }
                }
                guard let weakest else { break }
                let sentence: Int
                if weakest.indonesianSide { sentence = weakest.first ? ids.removeFirst() : ids.removeLast() } else { sentence = weakest.first ? ens.removeFirst() : ens.removeLast() }
                let omission = weakest.indonesianSide ? makeBead([sentence], []) : makeBead([], [sentence])
                if weakest.first { before.append(omission) } else { after.insert(omission, at: 0) }
            }
            result += before
            result.append(ids.count + ens.count == bead.indonesian.count + bead.english.count ? bead : makeBead(ids, ens))
            result += after
        }
        beads = result
    }

    /// Pairs a sentence left out on one side with one left out on the other, nearby, when each is
    /// the other's best partner and their words explain the pair: the links a moved paragraph
    /// makes cross the others, and a monotonic path leaves both ends out. The pair takes the
    /// Indonesian sentence's place.
    func pairCrossingOmissions(_ beads: inout [AlignmentBead]) {
        let window = parameters.crossingWindow
        let idOmissions = beads.indices.filter { beads[$0].english.isEmpty && beads[$0].indonesian.count == 1 }
        let enOmissions = beads.indices.filter { beads[$0].indonesian.isEmpty && beads[$0].english.count == 1 }
        guard !idOmissions.isEmpty, !enOmissions.isEmpty else { return }
        var bestForId: [Int: (bead: Int, score: Double)] = [:], bestForEn: [Int: (bead: Int, score: Double)] = [:]
        var lower = 0
        for p in idOmissions {
            while lower < enOmissions.count && enOmissions[lower] < p - window { lower += 1 }
            var k = lower
            while k < enOmissions.count && enOmissions[k] <= p + window {
                let q = enOmissions[k]
                let score = explanationScore(beads[p].indonesian, beads[q].english)
                if score > 0 {
                    if score > (bestForId[p]?.score ?? 0) { bestForId[p] = (q, score) }
                    if score > (bestForEn[q]?.score ?? 0) { bestForEn[q] = (p, score) }
                }
                k += 1
            }
        }
        var removed = Set<Int>()
        for (p, best) in bestForId where bestForEn[best.bead]?.bead == p {
            beads[p] = makeBead(beads[p].indonesian, beads[best.bead].english)
            removed.insert(best.bead)
        }
        if !removed.isEmpty {
            beads = beads.indices.filter { !removed.contains($0) }.map { beads[$0] }
        }
    }

    /// The corrections, in order.
    func refine(_ beads: inout [AlignmentBead]) {
        splitMerges(&beads)
        pairCrossingOmissions(&beads)
    }

    /// The places where a segment may hold two sentences the segmenter kept together: after a
    /// sentence end followed by another word (`… 2020). dan terasa nyeri …`, an end it took for an
    /// abbreviation's). Each is the index where the white space between the two parts starts.
    static func cutPoints(_ text: String) -> [String.Index] {
        cutPoints(text, atCapitals: false).map(\.index)
    }

    /// The cut points, and with `atCapitals` also the places where a capitalised word follows a
    /// word in lower case, a digit, `)` or `:` with no sentence end (`… chest pain North America
    /// …`, `… guidelines: Other …`): a line without final punctuation (a heading, a line of
    /// dialogue) glued to the next sentence. Those are weak (`sentenceEnd` false): a name inside a
    /// sentence starts the same way.
    static func cutPoints(_ text: String, atCapitals: Bool) -> [(index: String.Index, sentenceEnd: Bool)] {
        var points: [(index: String.Index, sentenceEnd: Bool)] = []
        let closing: Set<Character> = ["\"", "”", "’", "»", ")", "]", "'"]
        let bytes = text.utf8
        var index = bytes.startIndex
        // Whether the word being read started with a capital (ASCII is enough for this hint).
        var wordStart = true, wordCapitalised = false, previous: UInt8 = 0
        while index < bytes.endIndex {
            // Most segments hold no sentence end before their last word: one byte scan.
            let byte = bytes[index]
            let here = index
            index = bytes.index(after: index)
            defer { previous = byte }
            if byte == 0x20 {
                let afterWord = (0x61...0x7A).contains(previous) && !wordCapitalised
                if atCapitals, index < bytes.endIndex, (0x41...0x5A).contains(bytes[index]),
                   afterWord || (0x30...0x39).contains(previous) || previous == 0x29 || previous == 0x3A {
                    points.append((here, false))
                }
                wordStart = true
                continue
            }
            if wordStart { wordCapitalised = (0x41...0x5A).contains(byte); wordStart = false }
            guard byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0xA6 else { continue }  // . ! ? …'s last byte
            if byte == 0xA6 && text[text.index(before: index)] != "…" { continue }
            var end = index
            while end < bytes.endIndex && closing.contains(text[end]) { end = text.index(after: end) }
            guard end < bytes.endIndex, text[end].isWhitespace else { continue }
            if let next = text[end...].firstIndex(where: { !$0.isWhitespace }), text[next].isLetter || text[next].isNumber {
                points.append((end, true))
            }
        }
        return points
    }

    /// Abbreviations a word in lower case may follow inside a sentence (`beras, gula, dll. yang …`).
    static let gluedEndAbbreviations: Set<String> = ["dll", "dsb", "dkk", "tsb", "yth", "etc", "resp", "approx", "incl", "ibid", "hlm", "mis"]

    /// The sentences of `text` when it holds a sentence end followed by a word in lower case that
    /// the segmenter kept together (it reads such a word as the sentence going on), each part at
    /// least three words long and the word before the stop a word of three letters or more that is
    /// no abbreviation (`dll.`, `Prof.`), a number or a closing bracket; nil when none.
    static func gluedSentences(_ text: String) -> [String]? {
        guard text.utf8.count > 24 else { return nil }
        var parts: [String] = []
        var start = text.startIndex
        for (point, sentenceEnd) in cutPoints(text, atCapitals: false) where sentenceEnd {
            guard let next = text[point...].firstIndex(where: { !$0.isWhitespace }), text[next].isLowercase else { continue }
            let head = text[start..<point]
            let lastWord = head.split(separator: " ").last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".!?…\"”’»)]'")) } ?? ""
            let closesBracket = head.split(separator: " ").last?.contains(")") ?? false
            let wordLike = (lastWord.count >= 3 && !lastWord.contains(".") && !gluedEndAbbreviations.contains(lastWord.lowercased())
                && !(lastWord.first?.isUppercase == true && lastWord.count <= 4 && lastWord.dropFirst().allSatisfy(\.isLowercase)))
                || (!lastWord.isEmpty && lastWord.allSatisfy(\.isNumber)) || closesBracket
            guard wordLike, head.split(separator: " ").count >= 3, text[next...].split(separator: " ").count >= 3 else { continue }
            parts.append(String(head))
            start = next
        }
        guard !parts.isEmpty else { return nil }
        parts.append(String(text[start...]))
        return parts
    }

    /// The paragraphs with each segment of a pair cut where a part at its start or end takes more
    /// than its margin (nats) from the pair (`sentenceCutMargin` after a sentence end,
    /// `splitMargin` at a capital): its words without counterpart outweigh the length fit it
    /// brings. Nil when nothing is cut. The parts are the segment's own text.
    /// `indonesianParts`/`englishParts`: how many segments each cut sentence became.
    func cutUntranslatedParts(_ beads: [AlignmentBead], indonesian: [[String]], english: [[String]])
        -> (indonesian: [[String]], english: [[String]], indonesianParts: [Int: Int], englishParts: [Int: Int])? {
        let idTexts = indonesian.flatMap { $0 }, enTexts = english.flatMap { $0 }
        var idCuts: [Int: [String]] = [:], enCuts: [Int: [String]] = [:]
        for bead in beads where !bead.indonesian.isEmpty && !bead.english.isEmpty {
            // Both sides hold a sentence end the segmenter did not take (`… hipoksemia berat.
            // pneumonia dalam …` ↔ `… severe hypoxemia. healing pneumonia …`): two sentences
            // a line each side. Cut both; aligned again, they pair one to one when their words
            // say so, and as the merge they were when not.
            let idGlued = bead.indonesian.compactMap { s in AlignmentPass.gluedSentences(idTexts[s]).map { (s, $0) } }
            let enGlued = bead.english.compactMap { s in AlignmentPass.gluedSentences(enTexts[s]).map { (s, $0) } }
            if (!idGlued.isEmpty && (!enGlued.isEmpty || bead.english.count > 1)) || (!enGlued.isEmpty && bead.indonesian.count > 1) {
                for (s, parts) in idGlued { idCuts[s] = parts }
                for (s, parts) in enGlued { enCuts[s] = parts }
            }
            let a = Array(indonesianItems(bead.indonesian)), b = Array(englishItems(bead.english))
            let masks = pairMasks(a, b)
            let idLength = a.reduce(0) { $0 + id.length[$1] }, enLength = b.reduce(0) { $0 + en.length[$1] }
            let whole = lengthScore(idLength: idLength, enLength: enLength)
            for (k, sentence) in bead.indonesian.enumerated() where idCuts[sentence] == nil {
                let found = union(masks[k].map(\.mine))
                if let parts = cut(idTexts[sentence], item: a[k], indonesian: true, found: found) { part in
                    whole - lengthScore(idLength: idLength - part, enLength: enLength)
                } { idCuts[sentence] = parts }
            }
            for (l, sentence) in bead.english.enumerated() where enCuts[sentence] == nil {
                let found = union(masks.map { $0[l].theirs })
                if let parts = cut(enTexts[sentence], item: b[l], indonesian: false, found: found) { part in
                    whole - lengthScore(idLength: idLength, enLength: enLength - part)
                } { enCuts[sentence] = parts }
            }
        }
        guard !idCuts.isEmpty || !enCuts.isEmpty else { return nil }
        func apply(_ paragraphs: [[String]], _ cuts: [Int: [String]]) -> [[String]] {
            var number = 0
            return paragraphs.map { paragraph in
                paragraph.flatMap { sentence -> [String] in
                    defer { number += 1 }
                    return cuts[number] ?? [sentence]
                }
            }
        }
        return (apply(indonesian, idCuts), apply(english, enCuts), idCuts.mapValues(\.count), enCuts.mapValues(\.count))
    }

    /// The two parts of `text` at the cut whose start or end part adds least, when that takes
    /// more than its margin and the other part's words do translate (a pair that is no translation is
    /// left whole). `lengthGain(characters)`: what the pair's length fit loses without them.
    private func cut(_ text: String, item: Int, indonesian: Bool, found: AlignmentMask, lengthGain: (Double) -> Double) -> [String]? {
        let side = indonesian ? id : en
        let values = indonesian ? idValues : enValues
        let start = side.tokenStart[item]
        let tokenCount = min(side.tokenStart[item + 1] - start, AlignmentSideFeatures.maximumTokens)
        // Sums and counts of the content words' values before each word: every cut in one walk.
        var valueBefore = [0.0], contentBefore = [0]
        for local in 0..<tokenCount {
            var value = 0.0, content = 0
            if values.isContent[start + local] {
                let isFound = (local < 64 ? found.0 : found.1) & (UInt64(1) << UInt64(local & 63)) != 0
                value = Double(isFound ? values.found[start + local] : values.missing[start + local])
                content = 1
            }
            valueBefore.append(valueBefore[local] + value)
            contentBefore.append(contentBefore[local] + content)
        }
        var best: (gain: Double, parts: [String])?
        var headTokens = 0, counted = text.startIndex
        // A segment that starts in lower case holds no sentence's start there: a line of dialogue
        // or a heading glued on without a stop (`ceritakan mengenai nyeri dada Anda COVID-19
        // juga …`). Its head is cut as soon as it takes away from the pair.
        let startsInLowerCase = text.first?.isLowercase ?? false
        for (point, sentenceEnd) in AlignmentPass.cutPoints(text, atCapitals: true) {
            let margin = sentenceEnd ? parameters.sentenceCutMargin : parameters.splitMargin
            let headMargin = startsInLowerCase ? parameters.lowerCaseHeadCutMargin : margin
            // Points are at white space, which no word crosses: count the words since the last one.
            headTokens += AlignmentLexicon.words(String(text[counted..<point])).count
            counted = point
            guard headTokens < tokenCount else { break }
            let head = String(text[..<point]), tail = String(text[point...].drop { $0.isWhitespace })
            let headSum = valueBefore[headTokens], tailSum = valueBefore[tokenCount] - headSum
            let headCount = contentBefore[headTokens], tailCount = contentBefore[tokenCount] - headCount
            for (part, sum, count, kept, partMargin) in [(head, headSum, headCount, tailSum, headMargin), (tail, tailSum, tailCount, headSum, margin)] {
                guard count >= 2, kept > 0 else { continue }
                let gain = sum + lengthGain(Double(part.unicodeScalars.count))
                if gain < -partMargin && gain < (best?.gain ?? .infinity) { best = (gain, [head, tail]) }
            }
        }
        return best?.parts
    }
}
