import Foundation

/// One side's text prepared once for both passes: each distinct word form (lower case) gets a
/// number, with its concepts and kind; sentences are lists of word numbers.
///
/// A word inside a news quantity (`QuantityRecognizer`: `Rp3,2 triliun`, `Senin (7/8)`, `ke-78`)
/// is a form of its own that also carries the quantity's value (`Quantity.key`), so that
/// quantities meet by value across languages and forms (`3.2 trillion rupiah`, `Monday, Aug. 7`,
/// `78th`). The figure of a quantity with a scale word keeps only that value: `1,5 juta` does not
/// meet the `1.5` of `1.5 billion`, and the figure without a counterpart counts against the pair.
/// Month and weekday names count as figures too (`AlignmentCalendar`).
struct AlignmentTokenizedSide {
    /// The word of each form (a word inside a quantity may have several forms).
    var forms: [String] = []
    var formConcepts: [[Int32]] = []
    var formIsNumber: [Bool] = []
    var formIsFunction: [Bool] = []
    /// What kind of evidence each form gives (`AlignmentWordClass`).
    var formClass: [AlignmentWordClass] = []
    /// Paragraphs of sentences of word numbers.
    var paragraphs: [[[Int32]]] = []
    var lengths: [[Int]] = []

    init(paragraphs texts: [[String]], indonesian: Bool, lexicon: AlignmentLexicon, table: inout AlignmentConceptTable) {
        var numbers: [String: Int32] = [:]
        let functionWords = indonesian ? lexicon.indonesianFunctionWords : lexicon.englishFunctionWords
        // Per form: written with a capital every time, and with capitals inside (`COVID`, `McKinsey`).
        var alwaysCapitalised: [Bool] = [], innerCapital: [Bool] = []
        let recognizer = QuantityRecognizer(language: indonesian ? .indonesian : .english)
        for paragraph in texts {
            var sentences: [[Int32]] = []
            var sentenceLengths: [Int] = []
            for text in paragraph {
                var words: [Int32] = []
                let folded = AbbreviationFolding.fold(text)
                // Only a sentence with a figure is read for quantities (the recogniser is most of
                // the cost of preparing a text); quantities in words meet through the lexicon.
                let quantities = folded.utf8.contains(where: { (0x30...0x39).contains($0) }) ? recognizer.quantities(in: folded) : []
                var nextQuantity = 0
                let tokens = WordTokenizer.tokenize(folded)
                for (index, token) in tokens.enumerated() {
                    while nextQuantity < quantities.count && quantities[nextQuantity].range.upperBound <= token.start { nextQuantity += 1 }
                    let quantity = nextQuantity < quantities.count && quantities[nextQuantity].range.contains(token.start) ? quantities[nextQuantity] : nil
                    let scaled = quantity?.value.amounts.contains { $0.scale != nil } ?? false
                    let calendar = AlignmentCalendar.key(of: tokens, at: index, indonesian: indonesian)
                    let form = (quantity.map { token.normalized + "\u{1F}" + $0.key + (scaled ? "\u{1F}scaled" : "") } ?? token.normalized)
                        + (calendar == nil ? "" : "\u{1F}calendar")
                    let capitalised = token.text.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
                    if let known = numbers[form] {
                        words.append(known)
                        alwaysCapitalised[Int(known)] = alwaysCapitalised[Int(known)] && capitalised
                        continue
                    }
                    alwaysCapitalised.append(capitalised)
                    innerCapital.append(token.text.unicodeScalars.dropFirst().contains { $0.properties.isUppercase })
                    let number = Int32(forms.count)
                    numbers[form] = number
                    let word = token.normalized
                    forms.append(word)
                    let isNumber = word.unicodeScalars.first!.properties.numericType != nil
                    let plain = WordToken(text: word, normalized: word, start: 0, end: word.unicodeScalars.count, isNumber: isNumber)
                    var concepts = calendar.map { [table.number(for: $0, lexicon: lexicon)] }
                        ?? (indonesian ? lexicon.indonesianConcepts(plain, table: &table) : lexicon.englishConcepts(plain, table: &table))
                    if let quantity {
                        if scaled, let digit = word.firstIndex(where: \.isNumber) {
                            let figure = Set(AlignmentLexicon.numberKeys(String(word[digit...]), indonesian: indonesian).map { table.number(for: $0, lexicon: lexicon) })
                            concepts.removeAll(where: figure.contains)
                        }
                        concepts.append(table.number(for: "\u{1F}" + quantity.key, lexicon: lexicon))
                    }
                    formConcepts.append(concepts)
                    formIsNumber.append(isNumber || calendar != nil)
                    formIsFunction.append(functionWords.contains(word) || word.unicodeScalars.count == 1)
                    words.append(number)
                }
                sentences.append(words)
                sentenceLengths.append(text.unicodeScalars.count)
            }
            paragraphs.append(sentences)
            lengths.append(sentenceLengths)
        }
        formClass = forms.indices.map { form in
            if formIsNumber[form] { return .number }
            if formIsFunction[form] { return .function }
            if formConcepts[form].contains(where: table.isLexiconConcept) { return .known }
            return alwaysCapitalised[form] || innerCapital[form] ? .name : .other
        }
    }
}

extension AlignmentTokenizedSide {
    /// hunalign's realign on prepared text: among the words of confident 1-1 links that found no
    /// counterpart, pairs that occur together at least `minimumCount` times with a Dice coefficient
    /// of at least `minimumDice` become translations. Returns, per Indonesian word number, the
    /// English concepts to add.
    static func learnedConcepts(indonesian: AlignmentTokenizedSide, english: AlignmentTokenizedSide,
                                links: [(indonesian: [Int32], english: [Int32])],
                                minimumCount: Int = 2, minimumDice: Double = 0.5) -> [Int32: [Int32]] {
        var result: [Int32: [Int32]] = [:]
        for (a, b) in learnedWords(indonesian: indonesian, english: english, links: links, minimumCount: minimumCount, minimumDice: minimumDice) {
            if let concept = english.formConcepts[Int(b)].first { result[a] = [concept] }
        }
        return result
    }

    /// The word pairs (Indonesian word number → English word number) of `learnedConcepts`.
    static func learnedWords(indonesian: AlignmentTokenizedSide, english: AlignmentTokenizedSide,
                             links: [(indonesian: [Int32], english: [Int32])],
                             minimumCount: Int, minimumDice: Double) -> [Int32: Int32] {
        var idFrequency: [Int32: Int] = [:], enFrequency: [Int32: Int] = [:]
        var together: [UInt64: Int] = [:]
        for link in links {
            var enSet = Set<Int32>(), idSet = Set<Int32>()
            for word in link.english { enSet.formUnion(english.formConcepts[Int(word)]) }
            for word in link.indonesian { idSet.formUnion(indonesian.formConcepts[Int(word)]) }
            var idFree = Set<Int32>(), enFree = Set<Int32>()
            for word in link.indonesian where !indonesian.formIsNumber[Int(word)] && !indonesian.formIsFunction[Int(word)]
                && indonesian.forms[Int(word)].count >= 3 && !indonesian.formConcepts[Int(word)].contains(where: enSet.contains) {
                idFree.insert(word)
            }
            for word in link.english where !english.formIsNumber[Int(word)] && !english.formIsFunction[Int(word)]
                && english.forms[Int(word)].count >= 3 && !english.formConcepts[Int(word)].contains(where: idSet.contains) {
                enFree.insert(word)
            }
            guard idFree.count * enFree.count <= 900 else { continue }
            for a in idFree { idFrequency[a, default: 0] += 1 }
            for b in enFree { enFrequency[b, default: 0] += 1 }
            for a in idFree {
                for b in enFree { together[UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)), default: 0] += 1 }
            }
        }
        var best: [Int32: (english: Int32, dice: Double)] = [:]
        for (key, count) in together where count >= minimumCount {
            let a = Int32(truncatingIfNeeded: key >> 32), b = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
            let dice = 2 * Double(count) / Double(idFrequency[a, default: 0] + enFrequency[b, default: 0])
            guard dice >= minimumDice else { continue }
            if let current = best[a], current.dice > dice || (current.dice == dice && current.english < b) { continue }
            best[a] = (b, dice)
        }
        return best.mapValues(\.english)
    }
}
