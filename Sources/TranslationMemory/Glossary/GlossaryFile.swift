import Foundation

/// The glossary file formats tm reads and writes.
public enum GlossaryFormat: String, Sendable, Codable, CaseIterable {
    /// OmegaT's tab-separated text: `source<TAB>target<TAB>comment`, UTF-8; tm's other fields in
    /// further columns named by a `# tm glossary columns:` line (see `GlossaryColumn`).
    case tsv
    /// Comma-separated with a header row naming the columns (RFC 4180 quoting; `GlossaryColumn`).
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

    /// Writes `entries` to `path` atomically in `format`, every field kept (or nothing written,
    /// with the reason, when the format cannot hold an entry).
    public static func write(_ entries: [GlossaryEntry], to path: String, format: GlossaryFormat) throws {
        switch format {
        case .tsv, .csv: try writeText(try text(entries, format: format, path: path), to: path)
        case .tbx: try GlossaryTBX.write(entries, to: path, version: .basic3)
        case .tbx2: try GlossaryTBX.write(entries, to: path, version: .martif2)
        }
    }

    /// A whole TSV or CSV glossary file's text (for standard output); `path` names it in errors.
    public static func text(_ entries: [GlossaryEntry], format: GlossaryFormat, path: String) throws -> String {
        switch format {
        case .tsv:
            let columns = GlossaryColumn.needed(by: entries, always: GlossaryColumn.omegaT)
            let header = columns == GlossaryColumn.omegaT ? "" : columnsLine(columns) + "\n"
            return header + (try entries.map { try tsvRow($0, columns: columns, path: path) + "\n" }.joined())
        case .csv:
            let columns = GlossaryColumn.needed(by: entries, always: GlossaryColumn.csvDefault)
            return csvRow(columns.map(\.name)) + "\n" + entries.map { entry in csvRow(columns.map { $0.cell(entry) }) + "\n" }.joined()
        case .tbx, .tbx2:
            preconditionFailure("TBX is written by GlossaryTBX.write")
        }
    }

    static func writeText(_ text: String, to path: String) throws {
        try AtomicFile.write(Data(text.utf8), to: path)
    }

    // MARK: TSV

    /// The comment line that names the columns of the rows below it. OmegaT skips it (it starts
    /// with `#`) and reads the first three columns of each row, which tm keeps as source, target
    /// and note.
    static let columnsMarker = "tm glossary columns:"

    static func columnsLine(_ columns: [GlossaryColumn]) -> String {
        "# \(columnsMarker) " + columns.map(\.name).joined(separator: "\t")
    }

    /// The columns a `# tm glossary columns:` line names; nil for any other comment.
    static func columns(ofComment comment: String, path: String, line: Int) throws -> [GlossaryColumn]? {
        let body = comment.dropFirst().trimmingCharacters(in: .whitespaces)
        guard let marker = body.range(of: columnsMarker, options: [.caseInsensitive, .anchored]) else { return nil }
        var names = body[marker.upperBound...].split(separator: "\t", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        while names.last?.isEmpty == true { names.removeLast() }
        var columns: [GlossaryColumn] = []
        for name in names {
            guard let column = GlossaryColumn(name: name) else {
                throw TMError.invalidContent(path: path, line: line, reason: "the columns line names an unknown column '\(name)'; tm knows "
                                             + GlossaryColumn.allCases.map(\.name).joined(separator: ", ") + " (separated by tabs)")
            }
            guard !columns.contains(column) else {
                throw TMError.invalidContent(path: path, line: line, reason: "the columns line names \(column.name) twice")
            }
            columns.append(column)
        }
        guard columns.contains(.source), columns.contains(.target) else {
            throw TMError.invalidContent(path: path, line: line, reason: "the columns line must name the source and target columns")
        }
        return columns
    }

    /// OmegaT's glossary text: lines starting with `#` are comments, blank lines are skipped; a
    /// row needs a source and a target. Without a columns line a row is `source<TAB>target`, and
    /// any further cells are its comment (as tm always read them); below a `# tm glossary
    /// columns:` line each cell is the field the line names.
    static func readTSV(path: String) throws -> Glossary {
        try parseTSV(try TextDecoding.readFile(path), path: path).glossary
    }

    /// The entries of a TSV text, and the columns in force at its end (nil: OmegaT's three).
    static func parseTSV(_ text: String, path: String) throws -> (glossary: Glossary, columns: [GlossaryColumn]?) {
        var glossary = Glossary()
        var header: (columns: [GlossaryColumn], line: Int)?
        for (lineNumber, cells) in try DelimitedText.rows(of: text, separator: "\t", path: path) {
            let line = cells.joined(separator: "\t").trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                if let columns = try columns(ofComment: line, path: path, line: lineNumber) { header = (columns, lineNumber) }
                continue
            }
            let fields = cells.map { $0.trimmingCharacters(in: .whitespaces) }
            let origin = GlossaryEntryOrigin(path: path, line: lineNumber)
            let result: Result<GlossaryEntry, GlossaryRowProblem>
            if let header {
                if fields.dropFirst(header.columns.count).contains(where: { !$0.isEmpty }) {
                    result = .failure(.extraCells(count: fields.count, columns: header.columns.count, headerLine: header.line))
                } else {
                    result = GlossaryColumn.entry({ column in
                        header.columns.firstIndex(of: column).flatMap { $0 < fields.count && !fields[$0].isEmpty ? fields[$0] : nil }
                    }, origin: origin)
                }
            } else if fields.count < 2 {
                glossary.problems.append(GlossaryProblem(kind: .skippedRow, path: path, line: lineNumber,
                                                         message: "expected source<TAB>target[<TAB>comment], found no tab"))
                continue
            } else {
                let comment = fields[2...].filter { !$0.isEmpty }.joined(separator: " ")
                result = GlossaryColumn.entry({ column in
                    let text = column == .source ? fields[0] : column == .target ? fields[1] : column == .note ? comment : ""
                    return text.isEmpty ? nil : text
                }, origin: origin)
            }
            switch result {
            case .success(let entry): glossary.entries.append(entry)
            case .failure(let problem):
                glossary.problems.append(GlossaryProblem(kind: .skippedRow, path: path, line: lineNumber, message: problem.message))
            }
        }
        return (glossary, header?.columns)
    }

    /// One TSV row: the entry's cells in `columns`, empty cells at the end left out. A first cell
    /// starting with `#` is refused: OmegaT and tm would read the row as a comment.
    public static func tsvRow(_ entry: GlossaryEntry, columns: [GlossaryColumn], path: String) throws -> String {
        var cells = columns.map { DelimitedText.tsvField($0.cell(entry)) }
        if cells.first?.trimmingCharacters(in: .whitespaces).hasPrefix("#") == true {
            throw TMError(.glossaryCannotHold(reason: "\(cells[0]) → \(entry.target): a TSV row starting with '#' is a comment to OmegaT and tm; use a .csv or .tbx glossary for it"), path: path)
        }
        while cells.count > 2, cells.last?.isEmpty == true { cells.removeLast() }
        return cells.joined(separator: "\t")
    }

    /// The lines that add `entries` below `text` (a TSV file's content): rows in the columns in
    /// force at its end, after a new columns line when the entries use a column those lack (in
    /// tm's order, or after the file's own columns when it has an order of its own). The rows
    /// above keep their meaning: a columns line applies to the rows below it.
    static func tsvAppendix(_ entries: [GlossaryEntry], after text: String, path: String) throws -> String {
        let layout = try parseTSV(text, path: path).columns ?? GlossaryColumn.omegaT
        let missing = GlossaryColumn.needed(by: entries, always: []).filter { !layout.contains($0) }
        let inTMOrder = GlossaryColumn.allCases.filter(layout.contains) == layout
        let columns = inTMOrder ? GlossaryColumn.allCases.filter { layout.contains($0) || missing.contains($0) } : layout + missing
        let header = missing.isEmpty ? "" : columnsLine(columns) + "\n"
        return header + (try entries.map { try tsvRow($0, columns: columns, path: path) + "\n" }.joined())
    }

    // MARK: CSV

    /// The header row of a CSV glossary (the first row that is not blank) and the column each of
    /// its cells names (nil for a cell tm has no field for; a column named twice counts once).
    static func csvHeader(_ rows: [(line: Int, fields: [String])], path: String) throws -> (line: Int, columns: [GlossaryColumn?])? {
        guard let header = rows.first(where: { !$0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }) else {
            return nil
        }
        var columns: [GlossaryColumn?] = []
        for cell in header.fields {
            let column = GlossaryColumn(name: cell)
            columns.append(column.flatMap { columns.contains($0) ? nil : $0 })
        }
        guard columns.contains(.source), columns.contains(.target) else {
            throw TMError.invalidContent(path: path, line: header.line,
                                         reason: "a CSV glossary needs a header row naming its source and target columns (source,target or id,en), found: \(header.fields.joined(separator: ","))")
        }
        return (header.line, columns)
    }

    static func readCSV(path: String) throws -> Glossary {
        let text = try TextDecoding.readFile(path)
        let rows = try DelimitedText.rows(of: text, separator: ",", path: path)
        guard let header = try csvHeader(rows, path: path) else { return Glossary() }
        let sourceColumn = header.columns.firstIndex(of: .source)!, targetColumn = header.columns.firstIndex(of: .target)!
        var glossary = Glossary()
        for (line, fields) in rows where line > header.line {
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            let result = GlossaryColumn.entry({ column in
                guard let index = header.columns.firstIndex(of: column), index < fields.count else { return nil }
                let value = fields[index].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }, origin: GlossaryEntryOrigin(path: path, line: line))
            switch result {
            case .success(let entry): glossary.entries.append(entry)
            case .failure(let problem):
                let needed = max(sourceColumn, targetColumn) + 1
                glossary.problems.append(GlossaryProblem(kind: .skippedRow, path: path, line: line,
                                                         message: fields.count < needed ? "expected \(needed) columns, found \(fields.count)" : problem.message))
            }
        }
        return glossary
    }

    static func csvRow(_ cells: [String]) -> String {
        cells.map(DelimitedText.csvField).joined(separator: ",")
    }

    /// The rows that add `entries` to a CSV file with this header, cells in the file's own column
    /// order. A column the entries need and the header lacks is refused, naming it: a CSV has one
    /// header, and rewriting it would move the user's columns.
    static func csvAppendix(_ entries: [GlossaryEntry], header: [GlossaryColumn?], path: String) throws -> String {
        let missing = GlossaryColumn.needed(by: entries, always: []).filter { !header.contains($0) }
        guard missing.isEmpty else {
            let names = missing.map(\.name).joined(separator: ", ")
            throw TMError(.glossaryCannotHold(reason: "the CSV header has no column for \(names); add \(missing.count == 1 ? "that column" : "those columns") to its header row, or use a .tsv or .tbx glossary"), path: path)
        }
        return entries.map { entry in csvRow(header.map { $0?.cell(entry) ?? "" }) + "\n" }.joined()
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

    /// Adds entries to a glossary file, creating it if needed, every field kept: TSV and CSV get
    /// new lines after the existing text (kept byte for byte), TBX is rewritten, which is refused
    /// when the file holds concepts tm does not read (they would be lost). Atomic either way.
    public static func append(_ entries: [GlossaryEntry], to path: String) throws {
        guard let format = GlossaryFormat.forPath(path) else { throw TMError(.unsupportedGlossaryFormat, path: path) }
        let exists = FileManager.default.fileExists(atPath: path)
        func existingText() throws -> String {
            let text = exists ? try TextDecoding.readFile(path) : ""
            return text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
        }
        switch format {
        case .tsv:
            let text = try existingText()
            try writeText(text + (try tsvAppendix(entries, after: text, path: path)), to: path)
        case .csv:
            let text = try existingText()
            guard let header = try csvHeader(try DelimitedText.rows(of: text, separator: ",", path: path), path: path) else {
                return try write(entries, to: path, format: .csv)
            }
            try writeText(text + (try csvAppendix(entries, header: header.columns, path: path)), to: path)
        case .tbx, .tbx2:
            let existing = exists ? try GlossaryTBX.read(path: path) : Glossary()
            if let first = existing.problems.first {
                throw TMError(.glossaryCannotHold(reason: "tm rewrites a TBX file to add to it, and this one holds \(Plural.count(existing.problems.count, "concept")) tm does not read (\(first)), which would be lost; add to a .tsv glossary instead"), path: path)
            }
            let version: GlossaryTBX.Version = exists ? (try GlossaryTBX.detectVersion(path: path)) : .basic3
            try GlossaryTBX.write(existing.entries + entries, to: path, version: version)
        }
    }
}
