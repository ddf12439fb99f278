import Foundation

/// Repairs a memory target for the query's quantities (money with its scale and currency,
/// times, dates, weekdays, ordinals, …) and for the numbers and months the recogniser passes
/// over, converting between the Indonesian and English conventions (`1.500.000,5` ↔
/// `1,500,000.5`; `Februari` ↔ `Feb.`/`February`), as CAT tools do for auto-localizable placeables.
public enum FuzzyPlaceables {
    static let englishMonthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                    "September", "October", "November", "December"]
    /// AP style: March–July are never abbreviated.
    static let englishMonthAbbreviations = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
                                            "Sept.", "Oct.", "Nov.", "Dec."]
    static let indonesianMonthNames = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                                       "September", "Oktober", "November", "Desember"]

    /// A number written in the `from` convention, in the `to` convention. Indonesian groups
    /// thousands with `.` and writes decimals with `,`; English the other way round. A number such
    /// as `10.30` (a time in Indonesian) is left alone.
    public static func convertNumber(_ number: String, from: LanguageCode, to: LanguageCode) -> String {
        guard !from.matches(to) else { return number }
        func swapped(_ text: String) -> String {
            String(text.map { $0 == "." ? "," : $0 == "," ? "." : $0 })
        }
        func isGrouped(_ text: String, separator: Character) -> Bool {
            let parts = text.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count >= 2, let head = parts.first, (1...3).contains(head.count) else { return false }
            return parts.allSatisfy { $0.allSatisfy(\.isNumber) } && parts.dropFirst().allSatisfy { $0.count == 3 }
        }
        if from.matches(.indonesian) {
            if number.contains(",") { return swapped(number) }
            if isGrouped(number, separator: ".") { return number.replacingOccurrences(of: ".", with: ",") }
            return number
        }
        if number.contains(".") && number.contains(",") { return swapped(number) }
        if isGrouped(number, separator: ",") { return number.replacingOccurrences(of: ",", with: ".") }
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 2 && parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) {
            return number.replacingOccurrences(of: ".", with: ",")
        }
        return number
    }

    /// The stored target repaired for the query: for each pair (`FuzzyScorer.placeablePairs`)
    /// the target's quantity with the stored source's value is rewritten as the query's quantity
    /// in the target language, in the form the target wrote it (`QuantityRenderer`); a number or
    /// month the recogniser did not read is converted as written. A pair the target has no place
    /// for is returned with `placed` false and the target left as it is there.
    ///
    /// - Returns: the repaired target and one change per pair, in source order.
    public static func repair(target: String, pairs: [(query: FuzzyToken, unit: FuzzyToken)], sourceLanguage: ArticleLanguage,
                              targetLanguage: ArticleLanguage, renderer: QuantityRenderer = QuantityRenderer())
        -> (text: String, changes: [FuzzyPlaceableChange]) {
        guard !pairs.isEmpty else { return (target, []) }
        var scalars = Array(target.unicodeScalars)
        let quantities = QuantityRecognizer(language: targetLanguage).quantities(in: target)
        let words = WordTokenizer.tokenize(target)
        var taken: [Range<Int>] = []
        func free(_ range: Range<Int>) -> Bool { !taken.contains { $0.overlaps(range) } }
        var replacements: [(range: Range<Int>, text: String)] = []
        var changes: [FuzzyPlaceableChange] = []
        for (asked, stored) in pairs {
            let change: FuzzyPlaceableChange
            if let query = asked.quantity, let unit = stored.quantity {
                let spot = quantities.first { free($0.range) && $0.sameValue(as: unit) }
                    ?? quantities.first { free($0.range) && $0.maySayTheSame(as: unit) }
                    ?? quantities.first { free($0.range) && !unit.value.key.isEmpty && $0.value.key == unit.value.key }
                if let spot {
                    let text = renderer.render(query, in: targetLanguage, like: spot)
                    replacements.append((spot.range, text))
                    taken.append(spot.range)
                    change = FuzzyPlaceableChange(kind: query.kind, from: spot.text, to: text, placed: true)
                } else {
                    change = FuzzyPlaceableChange(kind: query.kind, from: unit.text,
                                                  to: renderer.render(query, in: targetLanguage), placed: false)
                }
            } else if case .month(let newMonth) = asked.placeable, let oldMonth = monthNumber(stored.text) {
                let index = words.indices.first { free(words[$0].start..<words[$0].end) && monthNumber(words[$0].text) == oldMonth }
                guard let index else {
                    changes.append(FuzzyPlaceableChange(kind: .date, from: stored.text, to: asked.text, placed: false))
                    continue
                }
                let (range, text) = month(newMonth, replacing: words[index], in: scalars, language: targetLanguage)
                replacements.append((range, text))
                taken.append(range)
                change = FuzzyPlaceableChange(kind: .date, from: words[index].text, to: text, placed: true)
            } else {
                let (from, to) = (LanguageCode(sourceLanguage.rawValue), LanguageCode(targetLanguage.rawValue))
                let forms = [convertNumber(stored.text, from: from, to: to), stored.text]
                let index = words.indices.first {
                    free(words[$0].start..<words[$0].end) && words[$0].isNumber && forms.contains(words[$0].text)
                }
                let converted = index.map { words[$0].text == forms[0] } ?? true ? convertNumber(asked.text, from: from, to: to) : asked.text
                if let index {
                    let range = words[index].start..<words[index].end
                    replacements.append((range, converted))
                    taken.append(range)
                }
                change = FuzzyPlaceableChange(kind: asked.quantity?.kind ?? .number, from: index.map { words[$0].text } ?? stored.text,
                                              to: converted, placed: index != nil)
            }
            changes.append(change)
        }
        for replacement in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            scalars.replaceSubrange(replacement.range, with: Array(replacement.text.unicodeScalars))
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return (String(view), changes)
    }

    /// A month name of the target replaced by another in its form: an English abbreviation
    /// (`Feb.`) by one, its period with it; capitals kept.
    static func month(_ newMonth: Int, replacing word: WordToken, in scalars: [Unicode.Scalar],
                      language: ArticleLanguage) -> (Range<Int>, String) {
        var end = word.end
        var replacement: String
        if language == .english {
            let oldMonth = monthNumber(word.text) ?? newMonth
            if word.text.count < englishMonthNames[oldMonth - 1].count {
                replacement = englishMonthAbbreviations[newMonth - 1]
                if end < scalars.count, scalars[end] == "." { end += 1 }
            } else {
                replacement = englishMonthNames[newMonth - 1]
            }
        } else {
            replacement = indonesianMonthNames[newMonth - 1]
        }
        if word.text.uppercased() == word.text && word.text.count > 1 { replacement = replacement.uppercased() }
        return (word.start..<end, replacement)
    }

    /// The month (1…12) a word names in Indonesian or English, if any.
    static func monthNumber(_ word: String) -> Int? {
        let lower = word.lowercased().trimmingCharacters(in: ["."])
        return FuzzyTokenizer.indonesianMonths[lower] ?? FuzzyTokenizer.englishMonths[lower]
    }
}
