import Foundation

/// Puts the query's numbers and months into a memory target, converting between the Indonesian
/// and English conventions (`1.500.000,5` ↔ `1,500,000.5`; `Februari` ↔ `Feb.`/`February`), as
/// CAT tools do for auto-localizable placeables.
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

    /// The target with each changed placeable of the source replaced by the query's value. A
    /// placeable the target does not contain (in either convention) is left for the translator.
    ///
    /// - Returns: the adapted target and the changes that were applied.
    public static func substitute(target: String, changes: [FuzzyPlaceableChange], sourceLanguage: LanguageCode,
                                  targetLanguage: LanguageCode) -> (text: String, applied: [FuzzyPlaceableChange]) {
        guard !changes.isEmpty else { return (target, []) }
        var scalars = Array(target.unicodeScalars)
        let words = WordTokenizer.tokenize(target)
        var used = Set<Int>()
        var replacements: [(start: Int, end: Int, text: String)] = []
        var applied: [FuzzyPlaceableChange] = []
        for change in changes {
            switch change.kind {
            case .number:
                let forms = [convertNumber(change.from, from: sourceLanguage, to: targetLanguage), change.from]
                guard let index = words.indices.first(where: { !used.contains($0) && words[$0].isNumber && forms.contains(words[$0].text) })
                else { continue }
                used.insert(index)
                let converted = words[index].text == forms[0]
                    ? convertNumber(change.to, from: sourceLanguage, to: targetLanguage) : change.to
                replacements.append((words[index].start, words[index].end, converted))
                applied.append(change)
            case .month(let newMonth):
                let oldMonth = monthNumber(change.from)
                guard let oldMonth, let index = words.indices.first(where: {
                    !used.contains($0) && monthNumber(words[$0].text) == oldMonth
                }) else { continue }
                used.insert(index)
                let word = words[index]
                var end = word.end
                var replacement: String
                if targetLanguage.matches(.english) {
                    if word.text.count < englishMonthNames[oldMonth - 1].count {
                        // An abbreviation (`Feb.`) is replaced by one, its period with it.
                        replacement = englishMonthAbbreviations[newMonth - 1]
                        if end < scalars.count, scalars[end] == "." { end += 1 }
                    } else {
                        replacement = englishMonthNames[newMonth - 1]
                    }
                } else {
                    replacement = indonesianMonthNames[newMonth - 1]
                }
                if word.text.uppercased() == word.text && word.text.count > 1 { replacement = replacement.uppercased() }
                replacements.append((word.start, end, replacement))
                applied.append(change)
            }
        }
        for replacement in replacements.sorted(by: { $0.start > $1.start }) {
            scalars.replaceSubrange(replacement.start..<replacement.end, with: Array(replacement.text.unicodeScalars))
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return (String(view), applied)
    }

    /// The month (1…12) a word names in Indonesian or English, if any.
    static func monthNumber(_ word: String) -> Int? {
        let lower = word.lowercased().trimmingCharacters(in: ["."])
        return FuzzyTokenizer.indonesianMonths[lower] ?? FuzzyTokenizer.englishMonths[lower]
    }
}
