import Foundation

/// Where a glossary entry was read from.
public struct GlossaryEntryOrigin: Sendable, Codable, Hashable {
    public var path: String
    public var line: Int

    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }

    public var description: String { "\(path):\(line)" }
}

/// A term's administrative status, as TBX records it (`admittedTerm-admn-sts`, …).
public enum TermStatus: String, Sendable, Codable, CaseIterable {
    case preferred, admitted, deprecated, superseded

    /// The TBX value (`preferredTerm-admn-sts`).
    public var tbxValue: String { rawValue + "Term-admn-sts" }

    /// Reads `admitted`, `admittedTerm` or `admittedTerm-admn-sts` (any case); nil for other values.
    public init?(name: String) {
        var text = name.trimmingCharacters(in: .whitespaces).lowercased()
        if text.hasSuffix("-admn-sts") { text.removeLast("-admn-sts".count) }
        if text.hasSuffix("term") { text.removeLast("term".count) }
        guard let status = TermStatus(rawValue: text) else { return nil }
        self = status
    }

    /// True for the statuses of a rendering not to use.
    public var isForbidden: Bool { self == .deprecated || self == .superseded }
}

/// One term pair: an Indonesian source term and its English rendering, with what editors attach
/// to it. Forbidden variants are renderings not to use (TBX `deprecatedTerm-admn-sts`).
///
/// Every field survives every glossary format tm writes (TSV and CSV name their columns, TBX has
/// a data category for each); statuses default to preferred (source, target), admitted
/// (alternatives) and deprecated (forbidden variants), and only other values are recorded.
public struct GlossaryEntry: Sendable, Hashable {
    public var source: String
    public var target: String
    /// Other acceptable English renderings (TBX: further admitted terms).
    public var alternativeTargets: [String]
    /// English renderings editors reject (`Foreign Affairs Ministry` for `Kemenlu`).
    public var forbiddenTargets: [String]
    public var note: String?
    public var partOfSpeech: String?
    public var domain: String?
    /// The status of the source and of the target: preferred or admitted.
    public var sourceStatus: TermStatus
    public var targetStatus: TermStatus
    /// The alternatives that are preferred terms, not admitted ones (TBX keeps the difference).
    public var preferredAlternatives: [String]
    /// The forbidden variants that are superseded, not deprecated.
    public var supersededTargets: [String]
    public var origin: GlossaryEntryOrigin?

    public init(source: String, target: String, alternativeTargets: [String] = [], forbiddenTargets: [String] = [],
                note: String? = nil, partOfSpeech: String? = nil, domain: String? = nil,
                sourceStatus: TermStatus = .preferred, targetStatus: TermStatus = .preferred,
                preferredAlternatives: [String] = [], supersededTargets: [String] = [], origin: GlossaryEntryOrigin? = nil) {
        self.source = source
        self.target = target
        self.alternativeTargets = alternativeTargets
        self.forbiddenTargets = forbiddenTargets
        self.note = note
        self.partOfSpeech = partOfSpeech
        self.domain = domain
        self.sourceStatus = sourceStatus
        self.targetStatus = targetStatus
        self.preferredAlternatives = preferredAlternatives
        self.supersededTargets = supersededTargets
        self.origin = origin
    }

    /// Why an entry whose target is admitted cannot have a preferred alternative: the target is
    /// the first preferred term (as TBX readers take it), so the entry would not read back.
    static let admittedTargetWithPreferredAlternative =
        "the target is admitted but an alternative is preferred; make the preferred term the target"

    /// The status of an alternative or a forbidden variant.
    public func status(ofVariant text: String) -> TermStatus {
        if forbiddenTargets.contains(text) { return supersededTargets.contains(text) ? .superseded : .deprecated }
        return preferredAlternatives.contains(text) ? .preferred : .admitted
    }

    /// The source as compared for duplicates: lower-cased, white space collapsed.
    public var sourceKey: String { GlossaryEntry.normalize(source) }
    public var targetKey: String { GlossaryEntry.normalize(target) }

    static func normalize(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// JSON leaves out statuses that are the default and empty status lists, so that a plain
/// glossary lists as it always did.
extension GlossaryEntry: Codable {
    enum CodingKeys: String, CodingKey {
        case source, target, alternativeTargets, forbiddenTargets, note, partOfSpeech, domain
        case sourceStatus, targetStatus, preferredAlternatives, supersededTargets, origin
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(source: try c.decode(String.self, forKey: .source), target: try c.decode(String.self, forKey: .target),
                  alternativeTargets: try c.decodeIfPresent([String].self, forKey: .alternativeTargets) ?? [],
                  forbiddenTargets: try c.decodeIfPresent([String].self, forKey: .forbiddenTargets) ?? [],
                  note: try c.decodeIfPresent(String.self, forKey: .note),
                  partOfSpeech: try c.decodeIfPresent(String.self, forKey: .partOfSpeech),
                  domain: try c.decodeIfPresent(String.self, forKey: .domain),
                  sourceStatus: try c.decodeIfPresent(TermStatus.self, forKey: .sourceStatus) ?? .preferred,
                  targetStatus: try c.decodeIfPresent(TermStatus.self, forKey: .targetStatus) ?? .preferred,
                  preferredAlternatives: try c.decodeIfPresent([String].self, forKey: .preferredAlternatives) ?? [],
                  supersededTargets: try c.decodeIfPresent([String].self, forKey: .supersededTargets) ?? [],
                  origin: try c.decodeIfPresent(GlossaryEntryOrigin.self, forKey: .origin))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encode(target, forKey: .target)
        try c.encode(alternativeTargets, forKey: .alternativeTargets)
        try c.encode(forbiddenTargets, forKey: .forbiddenTargets)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encodeIfPresent(partOfSpeech, forKey: .partOfSpeech)
        try c.encodeIfPresent(domain, forKey: .domain)
        if sourceStatus != .preferred { try c.encode(sourceStatus, forKey: .sourceStatus) }
        if targetStatus != .preferred { try c.encode(targetStatus, forKey: .targetStatus) }
        if !preferredAlternatives.isEmpty { try c.encode(preferredAlternatives, forKey: .preferredAlternatives) }
        if !supersededTargets.isEmpty { try c.encode(supersededTargets, forKey: .supersededTargets) }
        try c.encodeIfPresent(origin, forKey: .origin)
    }
}

/// A problem found in a glossary that does not stop reading it: a duplicate, a conflicting
/// translation, a row passed over.
public struct GlossaryProblem: Sendable, Codable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        case duplicate, conflict, skippedRow
    }
    public var kind: Kind
    public var path: String
    public var line: Int
    public var message: String

    public var description: String { "\(path):\(line): \(message)" }
}

/// A set of glossary entries read from one or more files, with the problems found on the way.
/// Duplicates and conflicts are reported, never merged: every entry keeps its own origin.
public struct Glossary: Sendable, Codable {
    public var entries: [GlossaryEntry]
    public var problems: [GlossaryProblem]

    public init(entries: [GlossaryEntry] = [], problems: [GlossaryProblem] = []) {
        self.entries = entries
        self.problems = problems
    }

    /// Reads glossary files; a folder contributes the glossary files directly inside it (not its
    /// subfolders, where exchange copies in other formats can live). Duplicates (same source and
    /// target) and conflicts (same source, other target) across all files are listed in `problems`.
    ///
    /// - Complexity: O(total size of the files).
    public static func load(paths: [String]) throws -> Glossary {
        var glossary = Glossary()
        for path in paths {
            for file in try GlossaryLocation.files(at: path) {
                let read = try GlossaryFile.read(path: file)
                glossary.entries += read.entries
                glossary.problems += read.problems
            }
        }
        glossary.problems += glossary.findDuplicatesAndConflicts()
        return glossary
    }

    /// Duplicates and conflicting translations, each reported at the later entry.
    public func findDuplicatesAndConflicts() -> [GlossaryProblem] {
        var firstBySource: [String: [GlossaryEntry]] = [:]
        var problems: [GlossaryProblem] = []
        for entry in entries {
            let key = entry.sourceKey
            let place = entry.origin ?? GlossaryEntryOrigin(path: "-", line: 0)
            if let earlier = firstBySource[key] {
                if let same = earlier.first(where: { $0.targetKey == entry.targetKey }) {
                    problems.append(GlossaryProblem(kind: .duplicate, path: place.path, line: place.line,
                                                    message: "duplicate of \(same.origin?.description ?? "an earlier entry"): \(entry.source) → \(entry.target)"))
                } else if let other = earlier.first {
                    problems.append(GlossaryProblem(kind: .conflict, path: place.path, line: place.line,
                                                    message: "\(entry.source) → \(entry.target) conflicts with \(other.target) at \(other.origin?.description ?? "an earlier entry")"))
                }
            }
            firstBySource[key, default: []].append(entry)
        }
        return problems
    }

    /// Entries whose source is `source` (case and spacing ignored).
    public func entries(forSource source: String) -> [GlossaryEntry] {
        let key = GlossaryEntry.normalize(source)
        return entries.filter { $0.sourceKey == key }
    }
}

/// Where glossaries are: `--glossary PATH` (a file or a folder, several allowed), else the
/// `TM_GLOSSARY` environment variable, else `Glossaries/` in the current directory.
public enum GlossaryLocation {
    public static let defaultFolder = "Glossaries"
    static let extensions: Set<String> = ["txt", "utf8", "tsv", "tab", "csv", "tbx"]

    public static func resolve(_ explicit: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        let given = explicit.filter { !$0.isEmpty }
        if !given.isEmpty { return given }
        if let fromEnvironment = environment["TM_GLOSSARY"], !fromEnvironment.isEmpty {
            return fromEnvironment.split(separator: ":").map(String.init)
        }
        return [defaultFolder]
    }

    public static func resolve(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        resolve(explicit.map { [$0] } ?? [], environment: environment)
    }

    /// True when `path` has an extension tm reads as a glossary.
    public static func isGlossaryFile(_ path: String) -> Bool {
        extensions.contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    /// The glossary files at `path`: the file itself, or the glossary files directly in a folder
    /// (README and other files skipped), sorted. A missing default folder is no glossary.
    public static func files(at path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if path == defaultFolder { return [] }
            throw TMError(.noSuchGlossary, path: path)
        }
        if !isDirectory.boolValue { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") && isGlossaryFile($0) }.sorted().map {
            path.hasSuffix("/") ? path + $0 : path + "/" + $0
        }.filter { var dir: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &dir) && !dir.boolValue }
    }
}

extension GlossaryLocation {
    /// The file that `add`, `import` and `suggest --accept` write to: the given file, or
    /// `glossary.tsv` in the given (or default) folder.
    public static func writableFile(_ paths: [String]) -> String {
        let first = paths.first ?? defaultFolder
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: first, isDirectory: &isDirectory), isDirectory.boolValue {
            return first.hasSuffix("/") ? first + "glossary.tsv" : first + "/glossary.tsv"
        }
        if isGlossaryFile(first) { return first }
        return first.hasSuffix("/") ? first + "glossary.tsv" : first + "/glossary.tsv"
    }
}

/// Adding entries to a glossary without merging anything silently.
public enum GlossaryMerge {
    public struct Outcome: Sendable, Codable {
        public var added: [GlossaryEntry]
        public var duplicates: [GlossaryProblem]
        public var conflicts: [GlossaryProblem]
    }

    /// Splits `incoming` into entries to add, duplicates of `existing` (or of an earlier incoming
    /// entry) and conflicts (same source, another target). Conflicts are added only when
    /// `allowConflicts`; they are reported either way.
    public static func plan(incoming: [GlossaryEntry], existing: [GlossaryEntry], allowConflicts: Bool) -> Outcome {
        var bySource: [String: [GlossaryEntry]] = [:]
        for entry in existing { bySource[entry.sourceKey, default: []].append(entry) }
        var outcome = Outcome(added: [], duplicates: [], conflicts: [])
        for entry in incoming {
            let place = entry.origin ?? GlossaryEntryOrigin(path: "-", line: 0)
            let known = bySource[entry.sourceKey] ?? []
            if let same = known.first(where: { $0.targetKey == entry.targetKey }) {
                outcome.duplicates.append(GlossaryProblem(kind: .duplicate, path: place.path, line: place.line,
                                                          message: "\(entry.source) → \(entry.target) is already in the glossary (\(same.origin?.description ?? "added above"))"))
                continue
            }
            if let other = known.first {
                outcome.conflicts.append(GlossaryProblem(kind: .conflict, path: place.path, line: place.line,
                                                         message: "\(entry.source) → \(entry.target) conflicts with \(entry.source) → \(other.target) (\(other.origin?.description ?? "added above"))"))
                if !allowConflicts { continue }
            }
            outcome.added.append(entry)
            bySource[entry.sourceKey, default: []].append(entry)
        }
        return outcome
    }
}
