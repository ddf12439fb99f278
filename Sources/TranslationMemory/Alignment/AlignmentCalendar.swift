/// Month and weekday names in alignment. A translation keeps them as it keeps a figure (`Maret` ↔
/// `March`, `Senin` ↔ `Monday`), so they count as figures: found, they point at the partner;
/// missing (`Maret` against `January`), they count against the pair as a wrong number does.
enum AlignmentCalendar {
    /// Lower-case full names → the concept key of the month or weekday they name.
    private static let indonesianKeys = keys(.indonesian)
    private static let englishKeys = keys(.english)

    private static func keys(_ language: ArticleLanguage) -> [String: String] {
        var table: [String: String] = [:]
        for (index, name) in (CalendarVocabulary.monthNames[language] ?? []).enumerated() {
            table[name.lowercased()] = "\u{1F}month \(index + 1)"
        }
        for (spelling, month) in CalendarVocabulary.otherMonthSpellings[language] ?? [] where !spelling.hasSuffix(".") {
            table[spelling.lowercased()] = "\u{1F}month \(month)"
        }
        for (index, name) in (CalendarVocabulary.weekdayNames[language] ?? []).enumerated() {
            table[name.lowercased()] = "\u{1F}weekday \(index + 1)"
        }
        if language == .indonesian { table["jumat"] = "\u{1F}weekday 5" }
        return table
    }

    /// Names that are common words too: English `may` and `march`, Indonesian `minggu` (week).
    private static let alsoCommonWords: Set<String> = ["may", "march", "minggu"]

    /// The concept key of the token at `index` when it names a month or a weekday. A name that is a
    /// common word too counts only written with a capital and either inside the sentence or next
    /// to a figure (`May 5`, `Minggu (5/4)`): `May I ask`, `Minggu lalu` are no dates.
    static func key(of tokens: [WordToken], at index: Int, indonesian: Bool) -> String? {
        let token = tokens[index]
        guard let key = (indonesian ? indonesianKeys : englishKeys)[token.normalized] else { return nil }
        guard alsoCommonWords.contains(token.normalized) else { return key }
        guard token.text.unicodeScalars.first?.properties.isUppercase == true else { return nil }
        let besideFigure = (index > 0 && tokens[index - 1].isNumber) || (index + 1 < tokens.count && tokens[index + 1].isNumber)
        return index > 0 || besideFigure ? key : nil
    }
}
