import Foundation

extension AlignmentLexicon {
    /// The words of a sentence for matching, lower-cased: `WordTokenizer`'s rules (letters and
    /// digits; `-` inside words, `'` between letters, `.`/`,`/`:` between digits), with dotted
    /// acronyms (`U.S.`, `U.N.`) read as one word. ASCII text takes a byte-level fast path with
    /// the same rules; anything else goes through `WordTokenizer`.
    ///
    /// - Complexity: O(n) in the length of the text.
    static func wordForms(_ text: String) -> [String] {
        var scalars = Array(text.unicodeScalars)
        @inline(__always) func isLetter(_ s: Unicode.Scalar) -> Bool {
            s.value < 128 ? (s.value | 0x20) >= 97 && (s.value | 0x20) <= 122 : s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark
        }
        @inline(__always) func isDigit(_ s: Unicode.Scalar) -> Bool {
            s.value < 128 ? s.value >= 48 && s.value <= 57 : s.properties.numericType != nil
        }
        @inline(__always) func isWord(_ s: Unicode.Scalar) -> Bool { isLetter(s) || isDigit(s) }
        // Dotted acronyms: drop the dots of runs `X.Y.` (two or more capitals each followed by a dot).
        if text.utf8.contains(46) {
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(scalars.count)
            var index = 0
            while index < scalars.count {
                if index == 0 || !isLetter(scalars[index - 1]) {
                    var end = index
                    while end + 1 < scalars.count, scalars[end].value >= 65, scalars[end].value <= 90, scalars[end + 1] == "." { end += 2 }
                    if end - index >= 4 {
                        for k in stride(from: index, to: end, by: 2) { out.append(scalars[k]) }
                        index = end
                        continue
                    }
                }
                out.append(scalars[index])
                index += 1
            }
            scalars = out
        }
        var result: [String] = []
        var index = 0
        let count = scalars.count
        while index < count {
            guard isWord(scalars[index]) else { index += 1; continue }
            let start = index
            index += 1
            var ascii = scalars[start].value < 128
            while index < count {
                let s = scalars[index]
                if isWord(s) { ascii = ascii && s.value < 128; index += 1; continue }
                if index + 1 < count, isWord(scalars[index + 1]) {
                    let previous = scalars[index - 1], next = scalars[index + 1]
                    switch s {
                    case "-", "\u{2010}", "\u{2011}":
                        index += 1; continue
                    case "'", "\u{2019}":
                        if !isDigit(previous) && !isDigit(next) { ascii = ascii && s.value < 128; index += 1; continue }
                    case ".", ",", ":":
                        if isDigit(previous) && isDigit(next) { index += 1; continue }
                    default:
                        break
                    }
                }
                break
            }
            if ascii {
                result.append(String(decoding: scalars[start..<index].map { UInt8($0.value >= 65 && $0.value <= 90 ? $0.value | 0x20 : $0.value) }, as: UTF8.self))
            } else {
                var word = String.UnicodeScalarView()
                word.append(contentsOf: scalars[start..<index])
                result.append(String(word).lowercased())
            }
        }
        return result
    }
}

/// One side's text prepared once for both passes: each distinct word form (lower case) gets a
/// number, with its concepts and kind; sentences are lists of word numbers.
struct AlignmentTokenizedSide {
    var forms: [String] = []
    var formConcepts: [[Int32]] = []
    var formIsNumber: [Bool] = []
    var formIsFunction: [Bool] = []
    /// Paragraphs of sentences of word numbers.
    var paragraphs: [[[Int32]]] = []
    var lengths: [[Int]] = []

    init(paragraphs texts: [[String]], indonesian: Bool, lexicon: AlignmentLexicon, table: inout AlignmentConceptTable) {
        var numbers: [String: Int32] = [:]
        let functionWords = indonesian ? lexicon.indonesianFunctionWords : lexicon.englishFunctionWords
        for paragraph in texts {
            var sentences: [[Int32]] = []
            var sentenceLengths: [Int] = []
            for text in paragraph {
                var words: [Int32] = []
                for form in AlignmentLexicon.wordForms(text) {
                    if let known = numbers[form] { words.append(known); continue }
                    let number = Int32(forms.count)
                    numbers[form] = number
                    forms.append(form)
                    let isNumber = form.unicodeScalars.first!.properties.numericType != nil
                    let token = WordToken(text: form, normalized: form, start: 0, end: form.unicodeScalars.count, isNumber: isNumber)
                    formConcepts.append(indonesian ? lexicon.indonesianConcepts(token, table: &table) : lexicon.englishConcepts(token, table: &table))
                    formIsNumber.append(isNumber)
                    formIsFunction.append(functionWords.contains(form) || form.unicodeScalars.count == 1)
                    words.append(number)
                }
                sentences.append(words)
                sentenceLengths.append(text.unicodeScalars.count)
            }
            paragraphs.append(sentences)
            lengths.append(sentenceLengths)
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
