import Foundation

/// The glossary file formats tm reads and writes.
public enum GlossaryFormat: String, Sendable, Codable, CaseIterable {
    /// OmegaT's tab-separated text: `source<TAB>target<TAB>comment`, UTF-8.
    case tsv
    /// Comma-separated with a header row naming the columns (RFC 4180 quoting).
    case csv
    /// TBX-Basic v3 (ISO 30042:2019, `<tbx>`/`conceptEntry`).
    case tbx
    /// TBX v2 (`<martif>`/`termEntry`, what OmegaT and translate-toolkit read and write).
    case tbx2

    /// The format a file's extension names (`.tbx` is read as either TBX version).
    public static func forPath(_ path: String) -> GlossaryFormat? {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "txt", "utf8", "tsv", "tab": return .tsv
        case "csv": return .csv
        case "tbx": return .tbx
        default: return nil
        }
    }
}

/// Reads and writes one glossary file in any `GlossaryFormat`.
public enum GlossaryFile {
    /// The entries of one file, and the rows passed over.
    ///
    /// - Complexity: O(size of the file).
    public static func read(path: String) throws -> Glossary {
        guard let format = GlossaryFormat.forPath(path) else { throw TMError(.unsupportedGlossaryFormat, path: path) }
        switch format {
        case .tsv: return try readTSV(path: path)
        case .csv: return try readCSV(path: path)
        case .tbx, .tbx2: return try GlossaryTBX.read(path: path)
        }
    }

    /// Writes `entries` to `path` atomically in `format`.
    public static func write(_ entries: [GlossaryEntry], to path: String, format: GlossaryFormat) throws {
        switch format {
        case .tsv: try writeText(tsvText(entries), to: path)
        case .csv: try writeText(csvText(entries), to: path)
        case .tbx: try GlossaryTBX.write(entries, to: path, version: .basic3)
        case .tbx2: try GlossaryTBX.write(entries, to: path, version: .martif2)
        }
    }

    static func writeText(_ text: String, to path: String) throws {
        try AtomicFile.write(Data(text.utf8), to: path)
    }

    // MARK: TSV

    /// OmegaT's glossary text: lines starting with `#` are comments, blank lines are skipped; a
    /// row needs a source and a target.
    static func readTSV(path: String) throws -> Glossary {
        let text = try TextDecoding.readFile(path)
        var glossary = Glossary()
        for (lineNumber, fields) in try DelimitedText.commentedRows(of: text, path: path) {
            guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                glossary.problems.append(GlossaryProblem(kind: .skippedRow, path: path, line: lineNumber,
                                                         message: fields.count < 2 ? "expected source<TAB>target[<TAB>comment], found no tab" : "empty source or target"))
                continue
            }
            let comment = fields.count > 2 ? fields[2...].filter { !$0.isEmpty }.joined(separator: " ") : ""
            glossary.entries.append(GlossaryEntry(source: fields[0], target: fields[1], note: comment.isEmpty ? nil : comment,
                                                  origin: GlossaryEntryOrigin(path: path, line: lineNumber)))
        }
        return glossary
    }

    /// OmegaT's three columns; part of speech, domain and variants have no column and are lost
    /// (use CSV or TBX to keep them).
    public static func tsvLine(_ entry: GlossaryEntry) -> String {
        var line = DelimitedText.tsvField(entry.source) + "\t" + DelimitedText.tsvField(entry.target)
        if let note = entry.note, !note.isEmpty { line += "\t" + DelimitedText.tsvField(note) }
        return line
    }

    static func tsvText(_ entries: [GlossaryEntry]) -> String {
        entries.map { tsvLine($0) + "\n" }.joined()
    }

    // MARK: CSV

    enum CSVColumn: CaseIterable { case source, target, note, partOfSpeech, domain, alternatives, forbidden }

    static let csvHeaders: [CSVColumn: Set<String>] = [
        .source: ["source", "src", "id", "in", "id-id", "indonesian", "indonesia", "bahasa indonesia", "term", "source term", "istilah"],
        .target: ["target", "tgt", "en", "en-us", "en-gb", "english", "inggris", "translation", "target term", "terjemahan"],
        .note: ["note", "notes", "comment", "comments", "catatan", "definition", "description"],
        .partOfSpeech: ["pos", "part of speech", "partofspeech", "part_of_speech", "part-of-speech"],
        .domain: ["domain", "subject", "subjectfield", "subject field", "category", "bidang"],
        .alternatives: ["alternatives", "alternative", "alternative targets", "synonyms", "admitted"],
        .forbidden: ["forbidden", "forbidden targets", "deprecated", "do not use", "avoid"],
    ]

    static func readCSV(path: String) throws -> Glossary {
        let text = try TextDecoding.readFile(path)
        let rows = try DelimitedText.rows(of: text, separator: ",", path: path)
        guard let header = rows.first(where: { !$0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }) else {
            return Glossary()
        }
        var columns: [CSVColumn: Int] = [:]
        for (index, cell) in header.fields.enumerated() {
            let name = cell.trimmingCharacters(in: .whitespaces).lowercased()
            for column in CSVColumn.allCases where columns[column] == nil && csvHeaders[column]!.contains(name) {
                columns[column] = index
                break
            }
        }
        guard let sourceColumn = columns[.source], let targetColumn = columns[.target] else {
            throw TMError.invalidContent(path: path, line: header.line,
                                               reason: "a CSV glossary needs a header row naming its source and target columns (source,target or id,en), found: \(header.fields.joined(separator: ","))")
        }
        var glossary = Glossary()
        for (line, fields) in rows where line > header.line {
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func cell(_ column: CSVColumn) -> String? {
                guard let index = columns[column], index < fields.count else { return nil }
                let value = fields[index].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            func list(_ column: CSVColumn) -> [String] {
                (cell(column) ?? "").split(whereSeparator: { $0 == ";" || $0 == "|" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            guard let source = cell(.source), let target = cell(.target) else {
                glossary.problems.append(GlossaryProblem(kind: .skippedRow, path: path, line: line,
                                                         message: fields.count <= max(sourceColumn, targetColumn) ? "expected \(max(sourceColumn, targetColumn) + 1) columns, found \(fields.count)" : "empty source or target"))
                continue
            }
            glossary.entries.append(GlossaryEntry(source: source, target: target, alternativeTargets: list(.alternatives),
                                                  forbiddenTargets: list(.forbidden), note: cell(.note),
                                                  partOfSpeech: cell(.partOfSpeech), domain: cell(.domain),
                                                  origin: GlossaryEntryOrigin(path: path, line: line)))
        }
        return glossary
    }

    static let csvHeaderLine = "source,target,note,pos,domain,alternatives,forbidden\n"
    public static var csvHeaderLineText: String { csvHeaderLine }

    public static func csvLine(_ entry: GlossaryEntry) -> String {
        [entry.source, entry.target, entry.note ?? "", entry.partOfSpeech ?? "", entry.domain ?? "",
         entry.alternativeTargets.joined(separator: "; "), entry.forbiddenTargets.joined(separator: "; ")]
            .map(DelimitedText.csvField).joined(separator: ",")
    }

    static func csvText(_ entries: [GlossaryEntry]) -> String {
        csvHeaderLine + entries.map { csvLine($0) + "\n" }.joined()
    }

    // MARK: Adding

    /// Takes the writer lock of a glossary file (a hidden `.NAME.lock` beside it, which glossary
    /// loading skips), so that two `tm glossary add` runs never lose each other's entry. Hold it
    /// from reading the glossary for duplicates until `append` returns.
    public static func lock(_ path: String) throws -> FileLock {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw TMError.cannotWrite(path: path, reason: "cannot create the folder \(folder)")
        }
        return try FileLock(path: folder + "/." + url.lastPathComponent + ".lock")
    }

    /// Adds entries to a glossary file, creating it if needed: TSV and CSV get new lines after the
    /// existing text (kept byte for byte), TBX is rewritten. Atomic either way.
    public static func append(_ entries: [GlossaryEntry], to path: String) throws {
        guard let format = GlossaryFormat.forPath(path) else { throw TMError(.unsupportedGlossaryFormat, path: path) }
        let exists = FileManager.default.fileExists(atPath: path)
        switch format {
        case .tsv, .csv:
            var text = exists ? try TextDecoding.readFile(path) : (format == .csv ? csvHeaderLine : "")
            if format == .csv, exists, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { text = csvHeaderLine }
            if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
            if format == .csv, exists, !text.isEmpty { _ = try readCSV(path: path) }  // refuses a CSV without a header
            text += entries.map { (format == .tsv ? tsvLine($0) : csvLine($0)) + "\n" }.joined()
            try writeText(text, to: path)
        case .tbx, .tbx2:
            var all = exists ? try GlossaryTBX.read(path: path).entries : []
            let version: GlossaryTBX.Version = exists ? (try GlossaryTBX.detectVersion(path: path)) : .basic3
            all += entries
            try GlossaryTBX.write(all, to: path, version: version)
        }
    }
}
