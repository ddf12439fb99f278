import Foundation

/// Reads a two-column file of Indonesian/English pairs into translation units.
public enum PairFileReader {
    private static let indonesianHeaders: Set<String> = ["id", "in", "id-id", "indonesian", "bahasa indonesia", "indonesia", "source", "src", "sumber"]
    private static let englishHeaders: Set<String> = ["en", "en-us", "en-gb", "english", "inggris", "bahasa inggris", "target", "tgt", "sasaran"]

    /// Units read and rows passed over (with reasons). The first row is taken as a header when its
    /// cells name languages (`id`/`en`, `Indonesian`/`English`, `source`/`target`); a header may put
    /// English first.
    public static func read(path: String, creator: String, date: Date) throws -> (units: [TranslationUnit], skipped: [SkippedUnit]) {
        var units: [TranslationUnit] = []
        let skipped = try forEachUnit(path: path, creator: creator, date: date) { units.append($0) }
        return (units, skipped)
    }

    /// `read`, one unit at a time (the file streams: `DelimitedText.forEachRow(ofFile:)`);
    /// returns the rows passed over.
    public static func forEachUnit(path: String, creator: String, date: Date, _ body: (TranslationUnit) throws -> Void) throws -> [SkippedUnit] {
        var indonesianColumn = 0
        var englishColumn = 1
        var firstRow = true
        var unitCount = 0
        var skipped: [SkippedUnit] = []
        let stamp = TMXDate.format(date)
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        try DelimitedText.forEachRow(ofFile: path) { line, fields in
            if firstRow {
                firstRow = false
                let cells = fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                if cells.count >= 2 {
                    if let i = cells.firstIndex(where: indonesianHeaders.contains), let e = cells.firstIndex(where: englishHeaders.contains), i != e {
                        indonesianColumn = i
                        englishColumn = e
                        return
                    } else if let e = cells.firstIndex(where: { $0 == "en" || $0 == "english" }), let i = cells.firstIndex(where: { $0.hasPrefix("id") || $0.hasPrefix("indonesia") }), i != e {
                        indonesianColumn = i
                        englishColumn = e
                        return
                    }
                }
            }
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { return }
            guard fields.count > max(indonesianColumn, englishColumn) else {
                skipped.append(SkippedUnit(path: path, line: line, reason: "expected two columns, found \(fields.count)"))
                return
            }
            let indonesian = fields[indonesianColumn].trimmingCharacters(in: .whitespaces)
            let english = fields[englishColumn].trimmingCharacters(in: .whitespaces)
            guard !indonesian.isEmpty, !english.isEmpty else {
                skipped.append(SkippedUnit(path: path, line: line, reason: indonesian.isEmpty ? "the Indonesian column is empty" : "the English column is empty"))
                return
            }
            unitCount += 1
            try body(TranslationUnit(
                attributes: [XMLAttribute("creationdate", stamp), XMLAttribute("creationid", creator), XMLAttribute("srclang", "id")],
                properties: [Property(type: "x-document", value: "\(fileName):\(line)")],
                variants: [Variant(language: "id", segment: Segment(text: indonesian)),
                           Variant(language: "en", segment: Segment(text: english))]))
        }
        if unitCount == 0 && skipped.isEmpty { throw TMError(.noPairs, path: path) }
        return skipped
    }
}
