import Foundation

/// A TMX `<prop type="…">value</prop>`: tool- or user-defined metadata (`x-Context`,
/// `x-Origin`, memoQ's `x-context-pre`, our own `x-editor`, …).
public struct Property: Sendable, Codable, Hashable {
    public var type: String
    public var value: String
    /// `xml:lang` and `o-encoding`, and any other attribute, in document order.
    public var attributes: [XMLAttribute]

    public init(type: String, value: String, attributes: [XMLAttribute] = []) {
        self.type = type
        self.value = value
        self.attributes = attributes
    }
}

/// A TMX `<note>`.
public struct Note: Sendable, Codable, Hashable {
    public var text: String
    public var attributes: [XMLAttribute]

    public init(_ text: String, attributes: [XMLAttribute] = []) {
        self.text = text
        self.attributes = attributes
    }
}

/// One piece of a segment's content: plain text, or an inline element (`bpt`, `ept`, `ph`, `it`,
/// `hi`, `ut`, `sub`) with its own content.
public enum InlineContent: Sendable, Codable, Hashable {
    case text(String)
    case element(InlineElement)
}

/// An inline element of a `<seg>`, kept exactly (name, attributes in order, children) so that a
/// CAT tool's tags survive a round trip through the memory.
public struct InlineElement: Sendable, Codable, Hashable {
    public var name: String
    public var attributes: [XMLAttribute]
    public var children: [InlineContent]

    public init(name: String, attributes: [XMLAttribute] = [], children: [InlineContent] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// Elements whose content is native code (RTF, HTML, …) rather than translatable text.
    static let codeElements: Set<String> = ["bpt", "ept", "ph", "it", "ut"]
}

/// The content of a `<seg>`: the inline markup as read, and a plain-text view for matching.
public struct Segment: Sendable, Codable, Hashable {
    public var content: [InlineContent]

    public init(content: [InlineContent]) {
        self.content = content
    }

    public init(text: String) {
        self.content = text.isEmpty ? [] : [.text(text)]
    }

    /// The translatable text: text nodes and the content of `hi`, without the native code held in
    /// `bpt`/`ept`/`ph`/`it`/`ut` (nor the `sub` flows inside them).
    public var plainText: String {
        var result = ""
        Segment.appendPlainText(content, to: &result)
        return result
    }

    /// True when a `sub` holds text (an image's alt text, a footnote inside native code): text a
    /// plain-text (level 1) rendering cannot hold.
    public var hasSubflowText: Bool {
        func search(_ pieces: [InlineContent], insideSub: Bool) -> Bool {
            pieces.contains { piece in
                switch piece {
                case .text(let text): return insideSub && text.contains { !$0.isWhitespace }
                case .element(let element): return search(element.children, insideSub: insideSub || element.name == "sub")
                }
            }
        }
        return search(content, insideSub: false)
    }

    /// True when the segment holds inline elements (a level-2 segment).
    public var hasMarkup: Bool {
        content.contains { if case .element = $0 { return true } else { return false } }
    }

    private static func appendPlainText(_ pieces: [InlineContent], to result: inout String) {
        for piece in pieces {
            switch piece {
            case .text(let text):
                result += text
            case .element(let element):
                if !InlineElement.codeElements.contains(element.name) && element.name != "sub" {
                    appendPlainText(element.children, to: &result)
                }
            }
        }
    }
}

/// A `<tuv>`: one language's version of a unit.
public struct Variant: Sendable, Codable, Hashable {
    /// The language code as written in the file (`xml:lang`, or TMX 1.1's `lang`).
    public var language: String
    /// Every other attribute (`creationdate`, `o-encoding`, …) in document order.
    public var attributes: [XMLAttribute]
    public var properties: [Property]
    public var notes: [Note]
    public var segment: Segment

    public init(language: String, segment: Segment, attributes: [XMLAttribute] = [],
                properties: [Property] = [], notes: [Note] = []) {
        self.language = language
        self.segment = segment
        self.attributes = attributes
        self.properties = properties
        self.notes = notes
    }

    public var languageCode: LanguageCode { LanguageCode(language) }
}

/// A translation unit (`<tu>`): attributes, props, notes and one variant per language.
public struct TranslationUnit: Sendable, Codable, Hashable {
    /// `tuid`, `creationdate`, `creationid`, `changedate`, `changeid`, `usagecount`,
    /// `lastusagedate`, `srclang`, … in document order.
    public var attributes: [XMLAttribute]
    public var properties: [Property]
    public var notes: [Note]
    public var variants: [Variant]

    public init(attributes: [XMLAttribute] = [], properties: [Property] = [], notes: [Note] = [],
                variants: [Variant] = []) {
        self.attributes = attributes
        self.properties = properties
        self.notes = notes
        self.variants = variants
    }

    /// The value of a `tu` attribute, if present.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Sets (or adds) a `tu` attribute, keeping the position of an existing one.
    public mutating func setAttribute(_ name: String, _ value: String) {
        if let index = attributes.firstIndex(where: { $0.name == name }) {
            attributes[index].value = value
        } else {
            attributes.append(XMLAttribute(name, value))
        }
    }

    /// The value of the first `prop` of that type.
    public func property(_ type: String) -> String? {
        properties.first { $0.type == type }?.value
    }

    /// The first variant in the language with that primary subtag (`id` also finds `in`).
    public func variant(for language: LanguageCode) -> Variant? {
        variants.first { $0.languageCode.matches(language) }
    }

    /// The Indonesian and English plain texts, when the unit has both sides.
    /// (The first variant of each language, as `variant(for:)`, in one pass that reads each
    /// variant's language once: every unit of an index build asks.)
    public var indonesianEnglishPair: (indonesian: String, english: String)? {
        var indonesian: Int?, english: Int?
        for index in variants.indices where indonesian == nil || english == nil {
            let code = variants[index].languageCode
            if indonesian == nil && code.matches(.indonesian) {
                indonesian = index
            } else if english == nil && code.matches(.english) {
                english = index
            }
        }
        guard let indonesian, let english else { return nil }
        return (variants[indonesian].segment.plainText, variants[english].segment.plainText)
    }

    public var creationDate: Date? { attribute("creationdate").flatMap(TMXDate.parse) }
    public var changeDate: Date? { attribute("changedate").flatMap(TMXDate.parse) }
}

/// The header of a TMX file: its attributes in order, props and notes.
public struct TMXHeader: Sendable, Codable, Hashable {
    public var attributes: [XMLAttribute]
    public var properties: [Property]
    public var notes: [Note]
    /// `<ude>` elements: a CAT tool's user-defined encodings and their `<map>`s (Trados, memoQ).
    public var userDefinedEncodings: [UserDefinedEncoding] = []
    /// The `version` attribute of the root `tmx` element (`1.4`, `1.1`, …).
    public var version: String

    public init(attributes: [XMLAttribute] = [], properties: [Property] = [], notes: [Note] = [],
                version: String = "1.4") {
        self.attributes = attributes
        self.properties = properties
        self.notes = notes
        self.version = version
    }

    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Attributes that describe the units' data rather than the file's writer: carried into a
    /// file that merges memories when every source agrees on them.
    static let dataAttributes = ["datatype", "o-encoding", "segtype", "o-tmf"]

    /// `base` with what `headers` hold that a merged file must keep: their props, notes and user
    /// defined encodings (each once, in order), and the data attributes all of them agree on.
    /// Where they do not agree, the merged header says tm's default (or, for `o-encoding`,
    /// nothing) and each unit carries its own file's value (`dataAttributes(missingFrom:)`).
    public static func merging(_ headers: [TMXHeader], into base: TMXHeader) -> TMXHeader {
        var merged = base
        for name in dataAttributes {
            let values = Set(headers.compactMap { $0.attribute(name) })
            let agreed = values.count == 1 && headers.allSatisfy({ $0.attribute(name) != nil }) ? values.first : nil
            let value = agreed ?? TMXWriter.standardHeader().attribute(name)
            if let index = merged.attributes.firstIndex(where: { $0.name == name }) {
                if let value { merged.attributes[index].value = value } else { merged.attributes.remove(at: index) }
            } else if let value {
                merged.attributes.append(XMLAttribute(name, value))
            }
        }
        for header in headers {
            for property in header.properties where !merged.properties.contains(property) { merged.properties.append(property) }
            for note in header.notes where !merged.notes.contains(note) { merged.notes.append(note) }
            for encoding in header.userDefinedEncodings where !merged.userDefinedEncodings.contains(encoding) {
                merged.userDefinedEncodings.append(encoding)
            }
        }
        return merged
    }
}

extension TMXHeader {
    /// What this header (a unit's own file's) says of its units' data that `target` (the header of
    /// the file the unit goes to) does not say alike. Set on the unit (`addingDefaults`), they keep
    /// a Trados unit `rtf` among memoQ units; a `tu` may carry each of them. What this header
    /// leaves unsaid and `target` says cannot be taken back.
    public func dataAttributes(missingFrom target: TMXHeader) -> [XMLAttribute] {
        TMXHeader.dataAttributes.compactMap { name in
            guard let value = attribute(name), target.attribute(name) != value else { return nil }
            return XMLAttribute(name, value)
        }
    }
}

extension TranslationUnit {
    /// The unit with each of `defaults` it does not set itself.
    public func addingDefaults(_ defaults: [XMLAttribute]) -> TranslationUnit {
        var unit = self
        for attribute in defaults where unit.attribute(attribute.name) == nil { unit.attributes.append(attribute) }
        return unit
    }
}

/// A TMX `<ude>`: a user-defined encoding (`name`, `base`) and the `<map>`s from its code points
/// to Unicode, kept attribute for attribute.
public struct UserDefinedEncoding: Sendable, Codable, Hashable {
    public var attributes: [XMLAttribute]
    public var maps: [[XMLAttribute]]

    public init(attributes: [XMLAttribute], maps: [[XMLAttribute]] = []) {
        self.attributes = attributes
        self.maps = maps
    }
}

/// TMX dates: `YYYYMMDDThhmmssZ`, always UTC.
public enum TMXDate {
    public static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// Parses `YYYYMMDDThhmmssZ` (the TMX form); returns nil for anything else.
    public static func parse(_ text: String) -> Date? {
        // Read the string's own UTF-8 storage: no array per date (`tm stats` parses two per unit).
        if let date = text.utf8.withContiguousStorageIfAvailable({ parse(bytes: $0) }) { return date }
        return Array(text.utf8).withUnsafeBufferPointer { parse(bytes: $0) }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
              let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        // Days since 1970-01-01 by Howard Hinnant's days_from_civil: no Calendar on the hot path
        // (`tm stats` parses two dates per unit).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }
}
