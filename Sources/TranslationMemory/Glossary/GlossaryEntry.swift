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

/// One term pair: an Indonesian source term and its English rendering, with what editors attach
/// to it. Forbidden variants are renderings not to use (TBX `deprecatedTerm-admn-sts`).
public struct GlossaryEntry: Sendable, Codable, Hashable {
    public var source: String
    public var target: String
    /// Other acceptable English renderings (TBX: further admitted terms).
    public var alternativeTargets: [String]
    /// English renderings editors reject (`Foreign Affairs Ministry` for `Kemenlu`).
    public var forbiddenTargets: [String]
    public var note: String?
    public var partOfSpeech: String?
    public var domain: String?
    public var origin: GlossaryEntryOrigin?

    public init(source: String, target: String, alternativeTargets: [String] = [], forbiddenTargets: [String] = [],
                note: String? = nil, partOfSpeech: String? = nil, domain: String? = nil, origin: GlossaryEntryOrigin? = nil) {
        self.source = source
        self.target = target
        self.alternativeTargets = alternativeTargets
        self.forbiddenTargets = forbiddenTargets
        self.note = note
        self.partOfSpeech = partOfSpeech
        self.domain = domain
        self.origin = origin
    }

    /// The source as compared for duplicates: lower-cased, white space collapsed.
    public var sourceKey: String { GlossaryEntry.normalize(source) }
    public var targetKey: String { GlossaryEntry.normalize(target) }

    static func normalize(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
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
