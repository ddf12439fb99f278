import Foundation

/// The namespace of XLIFF 1.2 documents.
public enum XLIFF {
    public static let namespace = "urn:oasis:names:tc:xliff:document:1.2"
    /// The phase `tm pretranslate` records; import credits the translator of any other phase.
    public static let pretranslationPhase = "tm-pretranslation"
}

/// An XLIFF 1.2 `<file>`: one article, its languages and the phases of work on it.
public struct XLIFFFile: Sendable, Codable, Hashable {
    /// The article's name (`original`, required).
    public var original: String
    public var sourceLanguage: String
    public var targetLanguage: String?
    /// Required by the schema; `plaintext` for news articles.
    public var datatype: String
    public var date: Date?
    public var phases: [XLIFFPhase]
    public var notes: [XLIFFNote]

    public init(original: String, sourceLanguage: String, targetLanguage: String? = nil, datatype: String = "plaintext",
                date: Date? = nil, phases: [XLIFFPhase] = [], notes: [XLIFFNote] = []) {
        self.original = original
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.datatype = datatype
        self.date = date
        self.phases = phases
        self.notes = notes
    }

    /// Who translated: the `contact-name` of the last phase that is not tm's own pre-translation.
    public var translator: String? {
        phases.last { $0.name != XLIFF.pretranslationPhase && !($0.contactName ?? "").isEmpty }?.contactName
    }
}

/// A `<phase>` of the header's `phase-group`: a step of work and who did it.
public struct XLIFFPhase: Sendable, Codable, Hashable {
    public var name: String
    public var process: String
    public var contactName: String?
    public var date: Date?

    public init(name: String, process: String, contactName: String? = nil, date: Date? = nil) {
        self.name = name
        self.process = process
        self.contactName = contactName
        self.date = date
    }
}

/// A `<note>`; `annotates` is `source`, `target` or `general`.
public struct XLIFFNote: Sendable, Codable, Hashable {
    public var text: String
    public var from: String?
    public var annotates: String?

    public init(_ text: String, from: String? = nil, annotates: String? = nil) {
        self.text = text
        self.from = from
        self.annotates = annotates
    }
}

/// A target's `state`: the ten values of the strict schema, or a tool's own `x-` value.
public struct XLIFFState: RawRepresentable, Sendable, Codable, Hashable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let new = XLIFFState(rawValue: "new")
    public static let needsTranslation = XLIFFState(rawValue: "needs-translation")
    public static let needsReviewTranslation = XLIFFState(rawValue: "needs-review-translation")
    public static let translated = XLIFFState(rawValue: "translated")
    public static let final = XLIFFState(rawValue: "final")
    public static let signedOff = XLIFFState(rawValue: "signed-off")

    /// A person confirmed the target: what `tm import` takes into the memory.
    public var isConfirmed: Bool { self == .translated || self == .final || self == .signedOff }
}

/// A `<target>` (of a unit or an `alt-trans`).
public struct XLIFFTarget: Sendable, Codable, Hashable {
    /// In the memory's inline model (TMX `bpt`/`ept`/`ph`/`it`); mapped to XLIFF's on writing.
    public var content: Segment
    public var state: XLIFFState?
    /// `exact-match`, `fuzzy-match`, `leveraged-glossary`, …
    public var stateQualifier: String?
    public var language: String?

    public init(content: Segment, state: XLIFFState? = nil, stateQualifier: String? = nil, language: String? = nil) {
        self.content = content
        self.state = state
        self.stateQualifier = stateQualifier
        self.language = language
    }
}

/// An `<alt-trans>`: a match offered beside the unit, with its score and where it came from.
public struct XLIFFAlternative: Sendable, Codable, Hashable {
    /// `match-quality` as written (tm writes the score, `87`).
    public var matchQuality: String?
    /// `origin`: the memory file the match came from.
    public var origin: String?
    public var source: Segment?
    public var target: XLIFFTarget
    public var notes: [XLIFFNote]

    public init(matchQuality: String? = nil, origin: String? = nil, source: Segment? = nil, target: XLIFFTarget, notes: [XLIFFNote] = []) {
        self.matchQuality = matchQuality
        self.origin = origin
        self.source = source
        self.target = target
        self.notes = notes
    }
}

/// A `<trans-unit>`.
public struct XLIFFUnit: Sendable, Codable, Hashable {
    public var id: String
    /// `x-credit`, `x-dateline`, or nil for body text.
    public var restype: String?
    public var approved: Bool?
    /// `translate="no"`: not for translation.
    public var translatable: Bool
    /// `xml:space="preserve"`: white space in the texts is significant.
    public var preservesSpace: Bool
    public var source: Segment
    public var target: XLIFFTarget?
    public var alternatives: [XLIFFAlternative]
    public var notes: [XLIFFNote]

    public init(id: String, restype: String? = nil, approved: Bool? = nil, translatable: Bool = true, preservesSpace: Bool = false,
                source: Segment, target: XLIFFTarget? = nil, alternatives: [XLIFFAlternative] = [], notes: [XLIFFNote] = []) {
        self.id = id
        self.restype = restype
        self.approved = approved
        self.translatable = translatable
        self.preservesSpace = preservesSpace
        self.source = source
        self.target = target
        self.alternatives = alternatives
        self.notes = notes
    }

    /// A target a person confirmed: state `translated`, `final`, `signed-off`, or `approved="yes"`.
    public var isConfirmed: Bool {
        guard translatable, let target else { return false }
        return approved == true || (target.state?.isConfirmed ?? false)
    }

    /// True when `text` needs `xml:space="preserve"` to survive: white space at either end, runs
    /// of spaces, tabs or line breaks, which XML tools may otherwise collapse.
    public static func needsPreservedSpace(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        let space = CharacterSet.whitespacesAndNewlines
        if space.contains(first) || space.contains(last) { return true }
        return text.contains("  ") || text.contains("\n") || text.contains("\t") || text.contains("\r")
    }
}

extension XLIFF {
    /// `xsd:dateTime` in UTC, as the schema's `date` attributes want it.
    static func formatDate(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
