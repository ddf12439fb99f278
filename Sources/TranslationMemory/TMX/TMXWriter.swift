import Foundation

/// How much of a segment's markup to write: TMX level 1 (plain text) or level 2 (inline markup).
public enum TMXLevel: Int, Sendable, Codable {
    case plainText = 1
    case markup = 2
}

/// Writes a TMX 1.4b document, one unit at a time, in UTF-8, with a complete header. The file is
/// written as given; `AtomicFile` wraps it to make the write atomic.
public final class TMXWriter {
    public let path: String
    public let level: TMXLevel
    private let xml: XMLStreamWriter
    private var open = true
    /// Numbers the `bpt`/`ept` pairs made for foreign markup in a unit (from 1000, clear of a tool's own `i`).
    private var foreignPairs = 999

    /// Version of `tm` written as `creationtoolversion`.
    public static let toolVersion = "0.1.0"

    /// The header `tm` writes: every attribute TMX 1.4b requires.
    public static func standardHeader(sourceLanguage: String = "id-ID", properties: [Property] = [],
                                      notes: [Note] = [], date: Date = Date()) -> TMXHeader {
        TMXHeader(attributes: [
            XMLAttribute("creationtool", "tm"),
            XMLAttribute("creationtoolversion", toolVersion),
            XMLAttribute("segtype", "sentence"),
            XMLAttribute("o-tmf", "tm"),
            XMLAttribute("adminlang", "en-US"),
            XMLAttribute("srclang", sourceLanguage),
            XMLAttribute("datatype", "plaintext"),
            XMLAttribute("creationdate", TMXDate.format(date)),
        ], properties: properties, notes: notes, version: "1.4")
    }

    public init(path: String, header: TMXHeader, level: TMXLevel = .markup) throws {
        self.path = path
        self.level = level
        xml = try XMLStreamWriter(path: path)
        try xml.startDocument()
        try xml.doctype(name: "tmx", systemID: "tmx14.dtd")
        try xml.layout("\n")
        try xml.startElement("tmx")
        try xml.attribute("version", "1.4")
        try xml.layout("\n  ")
        try xml.startElement("header")
        // The DTD requires these attributes; fill any a foreign header lacks.
        var attributes = header.attributes
        for required in TMXWriter.standardHeader().attributes where !attributes.contains(where: { $0.name == required.name }) {
            attributes.append(required)
        }
        for attribute in attributes { try xml.attribute(attribute.name, attribute.value) }
        try writeHeaderItems(header)
        if !header.notes.isEmpty || !header.properties.isEmpty || !header.userDefinedEncodings.isEmpty { try xml.layout("\n  ") }
        try xml.fullEndElement()
        try xml.layout("\n  ")
        try xml.startElement("body")
    }

    /// The header's notes, props and user-defined encodings, each on a line of its own (DTD:
    /// `(note|prop|ude)*`, any order); the header's start tag is written, its end tag is not.
    func writeHeaderItems(_ header: TMXHeader) throws {
        for note in header.notes {
            try xml.layout("\n    ")
            try xml.element("note", attributes: note.attributes, text: note.text)
        }
        for property in header.properties {
            try xml.layout("\n    ")
            try writeProperty(property)
        }
        for encoding in header.userDefinedEncodings where !encoding.maps.isEmpty {
            try xml.layout("\n    ")
            try xml.startElement("ude")
            for attribute in encoding.attributes { try xml.attribute(attribute.name, attribute.value) }
            for map in encoding.maps {
                try xml.layout("\n      ")
                try xml.startElement("map")
                for attribute in map { try xml.attribute(attribute.name, attribute.value) }
                try xml.endElement()
            }
            try xml.layout("\n    ")
            try xml.fullEndElement()
        }
    }

    /// Writes units only, into a file that already has its header and units (`TMXAppender`).
    init(fragment xml: XMLStreamWriter, level: TMXLevel = .markup) {
        self.path = xml.path
        self.level = level
        self.xml = xml
    }

    /// Ends a fragment started with `init(fragment:)`: flushes the units to the file.
    func finishFragment() throws {
        guard open else { return }
        open = false
        try xml.endFragment()
    }

    /// Attributes the TMX 1.4b DTD declares on `tu` and `tuv`. Others (a tool's own) are written
    /// as `<prop type="x-tm-attribute:NAME">` so the file stays valid, and read back as attributes.
    static let unitAttributes: Set<String> = ["tuid", "o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool",
                                              "creationtoolversion", "creationdate", "creationid", "changedate", "segtype",
                                              "changeid", "o-tmf", "srclang"]
    static let variantAttributes: Set<String> = ["o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool",
                                                 "creationtoolversion", "creationdate", "creationid", "changedate", "o-tmf", "changeid"]
    static let segtypes: Set<String> = ["block", "paragraph", "sentence", "phrase"]
    static let foreignAttributePrefix = "x-tm-attribute:"

    /// Splits attributes into those the DTD allows and props that carry the others.
    static func declared(_ attributes: [XMLAttribute], allowed: Set<String>) -> (attributes: [XMLAttribute], carried: [Property]) {
        var kept: [XMLAttribute] = []
        var carried: [Property] = []
        for attribute in attributes {
            if allowed.contains(attribute.name) && (attribute.name != "segtype" || segtypes.contains(attribute.value)) {
                kept.append(attribute)
            } else {
                carried.append(Property(type: foreignAttributePrefix + attribute.name, value: attribute.value))
            }
        }
        return (kept, carried)
    }

    /// libxml2 reads no text node or attribute value over 10,000,000 bytes without
    /// `XML_PARSE_HUGE` (which also lifts its other safety limits), so no reader of the file
    /// could: `tm` never writes one.
    public static let maximumTextBytes = 10_000_000

    /// The size in bytes of the first text of `unit` too long to be read back (a segment's text
    /// run, a prop, a note or an attribute value), or nil when every one fits.
    public static func oversizedText(in unit: TranslationUnit) -> Int? {
        func check(_ text: String) -> Int? { text.utf8.count > maximumTextBytes ? text.utf8.count : nil }
        func check(_ content: [InlineContent]) -> Int? {
            for piece in content {
                switch piece {
                case .text(let text): if let size = check(text) { return size }
                case .element(let element):
                    if let size = element.attributes.lazy.compactMap({ check($0.value) }).first ?? check(element.children) { return size }
                }
            }
            return nil
        }
        func check(_ attributes: [XMLAttribute], _ properties: [Property], _ notes: [Note]) -> Int? {
            attributes.lazy.compactMap { check($0.value) }.first
                ?? properties.lazy.compactMap { check($0.value) }.first
                ?? notes.lazy.compactMap { check($0.text) }.first
        }
        if let size = check(unit.attributes, unit.properties, unit.notes) { return size }
        for variant in unit.variants {
            if let size = check(variant.attributes, variant.properties, variant.notes) ?? check(variant.segment.content) { return size }
        }
        return nil
    }

    /// Why `oversizedText` refuses a unit, in the user's terms.
    public static func oversizedReason(_ size: Int) -> String {
        "a text of \(size) bytes is over the \(maximumTextBytes) bytes one TMX text can hold; not stored (split it)"
    }

    /// Writes one unit. Throws, writing nothing of it, when a text is too long to be read back.
    public func write(_ unit: TranslationUnit) throws {
        if let size = TMXWriter.oversizedText(in: unit) {
            throw TMError(.invalidContent(reason: TMXWriter.oversizedReason(size)), path: path)
        }
        foreignPairs = 999
        try xml.layout("\n    ")
        try xml.startElement("tu")
        // DTD: <!ELEMENT tu ((note|prop)*, tuv+)>
        try writeAttributesNotesAndProps(unit.attributes, allowed: TMXWriter.unitAttributes, unit.notes, unit.properties, indent: "\n      ")
        for variant in unit.variants {
            try xml.layout("\n      ")
            try writeVariant(variant)
        }
        try xml.layout("\n    ")
        try xml.fullEndElement()
    }

    /// Closes the document and flushes it to the file.
    public func finish() throws {
        guard open else { return }
        open = false
        try xml.layout("\n  ")
        try xml.fullEndElement() // body
        try xml.layout("\n")
        try xml.fullEndElement() // tmx
        try xml.layout("\n")
        try xml.endDocument()
    }

    /// The DTD's attributes of a `tu` or `tuv` (the others carried as props), then its notes and
    /// props, each on its own line. Returns how many attributes travel as props.
    @discardableResult
    private func writeAttributesNotesAndProps(_ all: [XMLAttribute], allowed: Set<String>, _ notes: [Note],
                                              _ properties: [Property], indent: String) throws -> Int {
        let (attributes, carried) = TMXWriter.declared(all, allowed: allowed)
        for attribute in attributes { try xml.attribute(attribute.name, attribute.value) }
        for note in notes {
            try xml.layout(indent)
            try xml.element("note", attributes: note.attributes, text: note.text)
        }
        for property in carried + properties {
            try xml.layout(indent)
            try writeProperty(property)
        }
        return carried.count
    }

    private func writeProperty(_ property: Property) throws {
        try xml.startElement("prop")
        try xml.attribute("type", property.type)
        for attribute in property.attributes { try xml.attribute(attribute.name, attribute.value) }
        try xml.text(property.value)
        try xml.fullEndElement()
    }

    private func writeVariant(_ variant: Variant) throws {
        try xml.startElement("tuv")
        try xml.attribute("xml:lang", variant.language)
        // DTD: <!ELEMENT tuv ((note|prop)*, seg)>
        let carried = try writeAttributesNotesAndProps(variant.attributes.filter { $0.name != "lang" }, allowed: TMXWriter.variantAttributes,
                                                       variant.notes, variant.properties, indent: "\n        ")
        if !variant.notes.isEmpty || !variant.properties.isEmpty || carried > 0 { try xml.layout("\n        ") }
        try xml.startElement("seg")
        switch level {
        case .plainText: try xml.text(variant.segment.plainText)
        case .markup: try writeInline(variant.segment.content)
        }
        try xml.fullEndElement()
        try xml.fullEndElement()
    }

    /// Inline elements of TMX 1.4b and the attributes the DTD declares on each.
    static let inlineAttributes: [String: Set<String>] = [
        "bpt": ["i", "x", "type"], "ept": ["i"], "it": ["pos", "x", "type"], "ph": ["x", "assoc", "type"],
        "hi": ["x", "type"], "ut": ["x"], "sub": ["datatype", "type"],
    ]

    /// Writes a segment's content. Markup TMX 1.4b does not allow at that place (XLIFF's `<g>` or
    /// `<x/>`, HTML's `<b>`, a `<sub>` straight in the segment) is written as native code, so the
    /// file stays valid and no text is lost: a paired element becomes `<bpt>`/`<ept>` around its
    /// content holding the original tags, an empty one a `<ph>`. Undeclared attributes of TMX
    /// elements (e.g. `ctype` on `<bpt>`) are left out.
    private func writeInline(_ content: [InlineContent], inSegment: Bool = true) throws {
        for piece in content {
            switch piece {
            case .text(let text):
                try xml.text(text)
            case .element(let element):
                let declared = TMXWriter.inlineAttributes[element.name]
                if let declared, !(inSegment && element.name == "sub") {
                    try xml.startElement(element.name)
                    for attribute in element.attributes where declared.contains(attribute.name) {
                        try xml.attribute(attribute.name, attribute.value)
                    }
                    try writeInline(element.children, inSegment: TMXWriter.isTextFlow(element.name))
                    if element.children.isEmpty { try xml.endElement() } else { try xml.fullEndElement() }
                } else {
                    try writeForeign(element)
                }
            }
        }
    }

    /// `hi` carries text of the segment; the others carry native code, in which `sub` may appear.
    private static func isTextFlow(_ name: String) -> Bool { name == "hi" }

    private func writeForeign(_ element: InlineElement) throws {
        let attributes = element.attributes.map { " \($0.name)=\"\(TMXWriter.escapeAttribute($0.value))\"" }.joined()
        if element.children.isEmpty {
            try xml.element("ph", attributes: [XMLAttribute("type", "x-" + element.name)], text: "<\(element.name)\(attributes)/>")
            return
        }
        foreignPairs += 1
        let index = String(foreignPairs)
        try xml.element("bpt", attributes: [XMLAttribute("i", index), XMLAttribute("type", "x-" + element.name)],
                        text: "<\(element.name)\(attributes)>")
        try writeInline(element.children)
        try xml.element("ept", attributes: [XMLAttribute("i", index)], text: "</\(element.name)>")
    }

    private static func escapeAttribute(_ value: String) -> String {
        value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
    }
}
