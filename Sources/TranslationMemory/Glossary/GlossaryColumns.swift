import Foundation

/// The named columns of tm's TSV and CSV glossaries: one list of names for both formats, so that
/// every field of a `GlossaryEntry` has a column and reads back as it was written.
///
/// OmegaT reads the first three columns of a TSV row (source, target, comment) and ignores the
/// rest, so tm's TSV keeps those three first and puts the other fields after them.
public enum GlossaryColumn: String, Sendable, CaseIterable {
    case source, target, note
    case partOfSpeech = "pos"
    case domain
    case status
    case sourceStatus = "source status"
    case alternatives
    case preferredAlternatives = "preferred alternatives"
    case forbidden
    case superseded

    /// The names a header may use for the column (lower case); the first is the one tm writes.
    var names: [String] {
        switch self {
        case .source: return ["source", "src", "id", "in", "id-id", "indonesian", "indonesia", "bahasa indonesia", "term", "source term", "istilah"]
        case .target: return ["target", "tgt", "en", "en-us", "en-gb", "english", "inggris", "translation", "target term", "terjemahan"]
        case .note: return ["note", "notes", "comment", "comments", "catatan", "definition", "description"]
        case .partOfSpeech: return ["pos", "part of speech", "partofspeech", "part_of_speech", "part-of-speech"]
        case .domain: return ["domain", "subject", "subjectfield", "subject field", "category", "bidang"]
        case .status: return ["status", "target status", "administrative status", "administrativestatus"]
        case .sourceStatus: return ["source status"]
        case .alternatives: return ["alternatives", "alternative", "alternative targets", "synonyms", "admitted"]
        case .preferredAlternatives: return ["preferred alternatives"]
        case .forbidden: return ["forbidden", "forbidden targets", "deprecated", "do not use", "avoid"]
        case .superseded: return ["superseded", "superseded targets"]
        }
    }

    /// The column a header cell names (case and surrounding spaces ignored).
    public init?(name: String) {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let column = GlossaryColumn.allCases.first(where: { $0.names.contains(key) }) else { return nil }
        self = column
    }

    /// The name tm writes in a header.
    public var name: String { rawValue }

    /// Whether `entry` has something to put in this column.
    func isUsed(by entry: GlossaryEntry) -> Bool {
        switch self {
        case .source, .target: return true
        case .note: return !(entry.note ?? "").isEmpty
        case .partOfSpeech: return !(entry.partOfSpeech ?? "").isEmpty
        case .domain: return !(entry.domain ?? "").isEmpty
        case .status: return entry.targetStatus != .preferred
        case .sourceStatus: return entry.sourceStatus != .preferred
        case .alternatives: return !entry.alternativeTargets.isEmpty
        case .preferredAlternatives: return !entry.preferredAlternatives.isEmpty
        case .forbidden: return !entry.forbiddenTargets.isEmpty
        case .superseded: return !entry.supersededTargets.isEmpty
        }
    }

    /// The text of this column for `entry` (not yet escaped for TSV or CSV).
    func cell(_ entry: GlossaryEntry) -> String {
        switch self {
        case .source: return entry.source
        case .target: return entry.target
        case .note: return entry.note ?? ""
        case .partOfSpeech: return entry.partOfSpeech ?? ""
        case .domain: return entry.domain ?? ""
        case .status: return entry.targetStatus == .preferred ? "" : entry.targetStatus.rawValue
        case .sourceStatus: return entry.sourceStatus == .preferred ? "" : entry.sourceStatus.rawValue
        case .alternatives: return DelimitedText.listField(entry.alternativeTargets)
        case .preferredAlternatives: return DelimitedText.listField(entry.preferredAlternatives)
        case .forbidden: return DelimitedText.listField(entry.forbiddenTargets)
        case .superseded: return DelimitedText.listField(entry.supersededTargets)
        }
    }

    /// The columns that hold every field of `entries`: `always`, plus each other column some entry
    /// uses, in the order of `allCases`.
    static func needed(by entries: [GlossaryEntry], always: [GlossaryColumn]) -> [GlossaryColumn] {
        allCases.filter { column in always.contains(column) || entries.contains { column.isUsed(by: $0) } }
    }

    /// OmegaT's three columns, what a TSV row without a columns line holds.
    static let omegaT: [GlossaryColumn] = [.source, .target, .note]

    /// The columns of a CSV glossary tm writes (others are added when an entry uses them).
    static let csvDefault: [GlossaryColumn] = [.source, .target, .note, .partOfSpeech, .domain, .alternatives, .forbidden]

    /// The entry a row's cells make, or why the row cannot be one. `cell` gives a column's
    /// trimmed text, nil when the row has no such column or the cell is empty.
    static func entry(_ cell: (GlossaryColumn) -> String?, origin: GlossaryEntryOrigin) -> Result<GlossaryEntry, GlossaryRowProblem> {
        guard let source = cell(.source), let target = cell(.target) else { return .failure(.emptySourceOrTarget) }
        func status(_ column: GlossaryColumn) -> Result<TermStatus, GlossaryRowProblem> {
            guard let text = cell(column) else { return .success(.preferred) }
            // A target not to use is a forbidden variant; a source term keeps any status.
            guard let status = TermStatus(name: text), column == .sourceStatus || !status.isForbidden else {
                return .failure(.badStatus(column: column, value: text))
            }
            return .success(status)
        }
        func list(_ column: GlossaryColumn) -> [String] { cell(column).map(DelimitedText.listItems) ?? [] }
        /// A list and its subset with another status: items only in the subset join the list.
        func union(_ list: [String], _ subset: [String]) -> [String] { list + subset.filter { !list.contains($0) } }
        let sourceStatus: TermStatus, targetStatus: TermStatus
        switch (status(.sourceStatus), status(.status)) {
        case (.success(let s), .success(let t)): (sourceStatus, targetStatus) = (s, t)
        case (.failure(let problem), _), (_, .failure(let problem)): return .failure(problem)
        }
        let preferred = list(.preferredAlternatives), superseded = list(.superseded)
        if targetStatus != .preferred, !preferred.isEmpty { return .failure(.preferredAlternativeOfAdmittedTarget) }
        return .success(GlossaryEntry(
            source: source, target: target,
            alternativeTargets: union(list(.alternatives), preferred), forbiddenTargets: union(list(.forbidden), superseded),
            note: cell(.note), partOfSpeech: cell(.partOfSpeech), domain: cell(.domain),
            sourceStatus: sourceStatus, targetStatus: targetStatus,
            preferredAlternatives: preferred, supersededTargets: superseded, origin: origin))
    }
}

/// Why a row of a TSV or CSV glossary is not an entry.
enum GlossaryRowProblem: Error {
    case emptySourceOrTarget
    case badStatus(column: GlossaryColumn, value: String)
    case extraCells(count: Int, columns: Int, headerLine: Int)
    case preferredAlternativeOfAdmittedTarget

    var message: String {
        switch self {
        case .emptySourceOrTarget: return "empty source or target"
        case .badStatus(let column, let value):
            return column == .sourceStatus
                ? "the source status column says '\(value)'; a status is preferred, admitted, deprecated or superseded"
                : "the status column says '\(value)'; a target is preferred or admitted (deprecated and superseded renderings go in the forbidden and superseded columns)"
        case .preferredAlternativeOfAdmittedTarget: return GlossaryEntry.admittedTargetWithPreferredAlternative
        case .extraCells(let count, let columns, let headerLine):
            return "\(count) cells, but the columns line at line \(headerLine) names \(columns) columns"
        }
    }
}
