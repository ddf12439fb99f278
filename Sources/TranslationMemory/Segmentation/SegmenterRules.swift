import Foundation

/// How an abbreviation ending in a full stop behaves before the next word.
public enum SegmenterAbbreviationKind: String, Sendable, Codable, CaseIterable {
    /// A title or prefix before a name or place (`Dr.`, `Jl.`, `Gen.`): never ends a sentence.
    case title
    /// Does not end a sentence before a number (`No. 5`, `Jan. 6`); elsewhere like any word.
    case numeric
    /// May end a sentence (`U.S.`, `Inc.`): ends one only before a typical sentence opener.
    case ambiguous
    /// Often ends a sentence (`dll.`, `etc.`, `a.m.`): ends one before a capitalised word unless
    /// it is in capitals or a word that continues sentences (`10 a.m. Monday`, `WIB`).
    case final
}

/// The data a `SentenceSegmenter` works from: abbreviations and their kinds, and the words that
/// typically open a sentence (the "orthographic context" heuristic of Kiss & Strunk 2006, Punkt,
/// reduced to a closed list so that it needs no training).
public struct SegmenterRules: Sendable {
    /// Keyed by the abbreviation without its final full stop (`Dr`, `U.S`, `dll`).
    public var abbreviations: [String: SegmenterAbbreviationKind]
    /// Words that open sentences (`The`, `Namun`).
    public var starters: Set<String>
    /// Capitalised words that go on a sentence after a time or `dll.` (`Monday`, `WIB`).
    public var continuations: Set<String> = []
    /// Nouns followed by a letter name (`vitamin C.`): the letter is no initial.
    public var letterNouns: Set<String> = []
    /// Lower-case words that go on a sentence after `?` or `!` (`tanya dia`, `he asked`).
    public var attributions: Set<String> = []
    /// Words that open a place's name (`Jalan`): dotted capitals after them are a name's initials
    /// (`Jalan M.H. Thamrin`), not a degree that ends a sentence.
    public var namePrefixes: Set<String> = []

    public init(abbreviations: [String: SegmenterAbbreviationKind], starters: Set<String>) {
        self.abbreviations = abbreviations
        self.starters = starters
    }

    /// The rules shipped with the library for `language`, loaded once.
    public static func shipped(_ language: ArticleLanguage) throws -> SegmenterRules {
        switch language {
        case .indonesian: return try shippedIndonesian.get()
        case .english: return try shippedEnglish.get()
        }
    }

    private static let shippedIndonesian = Result { try load(.indonesian) }
    private static let shippedEnglish = Result { try load(.english) }

    private static func load(_ language: ArticleLanguage) throws -> SegmenterRules {
        var rules = SegmenterRules(abbreviations: [:], starters: [])
        let abbreviations = try ResourceLoader.text(named: "segmentation-abbreviations-\(language.rawValue).txt")
        for (_, line) in meaningfulLines(abbreviations) {
            if let (key, kind) = parseAbbreviation(line) { rules.abbreviations[key] = kind }
        }
        var section = ""
        for (_, line) in meaningfulLines(try ResourceLoader.text(named: "segmentation-words-\(language.rawValue).txt")) {
            if line.hasPrefix("[") { section = line; continue }
            switch section {
            case "[starters]": rules.starters.insert(line)
            case "[continuations]": rules.continuations.insert(line)
            case "[letter-nouns]": rules.letterNouns.insert(line)
            case "[attributions]": rules.attributions.insert(line)
            case "[name-prefixes]": rules.namePrefixes.insert(line)
            default: continue
            }
        }
        return rules
    }

    /// Non-empty, non-comment lines with their 1-based numbers.
    static func meaningfulLines(_ text: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            result.append((index + 1, line))
        }
        return result
    }

    /// `Dr.` → ("Dr", .title); `No. numeric` → ("No", .numeric); nil when malformed.
    static func parseAbbreviation(_ line: String) -> (String, SegmenterAbbreviationKind)? {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = fields.first, fields.count <= 2 else { return nil }
        var word = String(first)
        var kind = SegmenterAbbreviationKind.title
        if fields.count == 2 {
            guard let parsed = SegmenterAbbreviationKind(rawValue: String(fields[1])) else { return nil }
            kind = parsed
        }
        if word.hasSuffix(".") { word.removeLast() }
        guard !word.isEmpty, !word.hasSuffix(".") else { return nil }
        return (word, kind)
    }

    /// Adds abbreviations given as lines (`Kapt.`, `No. numeric`); malformed lines are reported.
    public mutating func add(abbreviationLines lines: [String], path: String = "abbreviations") throws {
        for (number, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let (key, kind) = SegmenterRules.parseAbbreviation(trimmed) else {
                throw TMError(.badAbbreviationLine(text: trimmed), path: path, line: number + 1)
            }
            abbreviations[key] = kind
        }
    }

    /// Reads a user's abbreviation file (same format as the shipped lists).
    public static func readAbbreviationFile(_ path: String) throws -> [String] {
        try TextDecoding.readFile(path).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The kind of the abbreviation `word` (without its final full stop), trying the exact form,
    /// then an all-capitals form of a listed capitalised word (`JL.` for `Jl.`).
    func kind(of word: String) -> SegmenterAbbreviationKind? {
        if let kind = abbreviations[word] { return kind }
        if word.utf8.count > 1, word.utf8.allSatisfy({ !($0 >= 0x61 && $0 <= 0x7A) }), word.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
            let capitalised = String(word.prefix(1)) + word.dropFirst().lowercased()
            if let kind = abbreviations[capitalised] { return kind }
        }
        return nil
    }
}
