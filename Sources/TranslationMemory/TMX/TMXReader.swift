import Foundation

/// Reads a TMX file (1.1 to 1.4b, UTF-8 or UTF-16 with BOM, with or without DOCTYPE) one unit at a
/// time, keeping everything: header attributes, props and notes, `tu`/`tuv` attributes, props and
/// notes at every level, and inline markup exactly as written.
///
/// - Complexity: O(n) in the file size, with memory bounded by the largest unit.
public final class TMXReader {
    public let path: String
    public private(set) var header = TMXHeader()
    /// Units passed over (a `tuv` without a language, a `tu` without any `tuv`, a `tu` inside an
    /// element TMX does not define).
    public private(set) var skipped: [SkippedUnit] = []
    /// The line of the `<tu>` start tag of the last unit returned.
    public private(set) var lastUnitLine = 0
    /// Bytes of the file read so far, a few KiB ahead of the last unit: for progress bars.
    public var bytesRead: UInt64 { xml.bytesRead }
    /// The `<tu>` elements read so far, returned or passed over: the last unit returned is the
    /// `unitElements`-th of the file (what `TMXUnitLayout` pairs byte ranges with).
    public private(set) var unitElements = 0

    private let xml: XMLStreamReader
    private var finished = false

    /// Opens the file and reads up to the end of its header.
    public convenience init(path: String) throws {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size == 0 {
            throw TMError(.wrongFormat(format: "TMX", reason: "the file is empty"), path: path, line: 0)
        }
        try self.init(xml: XMLStreamReader(path: path), path: path)
    }

    /// Reads a TMX document held in memory (a unit read back from its file); `path` names it in messages.
    convenience init(bytes: [UInt8], path: String) throws {
        try self.init(xml: XMLStreamReader(bytes: bytes, path: path), path: path)
    }

    private init(xml: XMLStreamReader, path: String) throws {
        self.path = path
        self.xml = xml
        try readPrologue()
    }

    /// Reads every unit of a file. For large files prefer iterating with `next()`.
    public static func readAll(path: String) throws -> (header: TMXHeader, units: [TranslationUnit], skipped: [SkippedUnit]) {
        let reader = try TMXReader(path: path)
        var units: [TranslationUnit] = []
        while let unit = try reader.next() { units.append(unit) }
        return (reader.header, units, reader.skipped)
    }

    /// The next unit, or nil at the end of the file.
    public func next() throws -> TranslationUnit? {
        while !finished {
            guard try xml.read() else {
                finished = true
                break
            }
            switch xml.kind {
            case .startElement:
                if xml.nameIs("tu") {
                    unitElements += 1
                    let line = xml.line
                    if let unit = try readUnit(line: line) {
                        lastUnitLine = line
                        return unit
                    }
                } else if xml.depth >= 2 {
                    try skipUnknownElement()
                }
            case .entityReference:
                throw xml.problem("entity reference &\(xml.name); is not allowed (entities are never expanded)")
            default:
                continue
            }
        }
        return nil
    }

    // MARK: - Structure

    /// Passes over an element TMX does not define inside `<body>` (not ours to interpret), and
    /// reports each `<tu>` in it: its text would otherwise vanish without a word.
    private func skipUnknownElement() throws {
        let container = xml.name
        try forEachElementInside {
            guard xml.nameIs("tu") else { return }
            skipped.append(SkippedUnit(path: path, line: xml.line, reason: "a <tu> inside <\(container)>, which TMX does not define"))
            try xml.skipElement()
        }
    }

    /// Calls `body` at each start tag inside the current element (at every depth, unless `body`
    /// skips the element), up to its end tag; entity references are refused.
    private func forEachElementInside(_ body: () throws -> Void) throws {
        if xml.isEmptyElement { return }
        let depth = xml.depth
        while try xml.read() {
            switch xml.kind {
            case .startElement:
                try body()
            case .endElement where xml.depth == depth:
                return
            case .entityReference:
                throw xml.problem("entity reference &\(xml.name); is not allowed (entities are never expanded)")
            default:
                continue
            }
        }
    }

    /// Checks the root element and reads the header; stops at `<body>`.
    private func readPrologue() throws {
        while try xml.read() {
            guard xml.kind == .startElement else {
                if xml.kind == .entityReference {
                    throw xml.problem("entity reference &\(xml.name); is not allowed (entities are never expanded)")
                }
                continue
            }
            if xml.depth == 0 {
                guard xml.nameIs("tmx") else {
                    throw TMError(.wrongFormat(format: "TMX", reason: "the root element is <\(xml.name)>, not <tmx>"), path: path, line: xml.line)
                }
                header.version = xml.attributes().first { $0.name == "version" }?.value ?? ""
                if xml.isEmptyElement {
                    throw TMError(.wrongFormat(format: "TMX", reason: "<tmx> has no <body>"), path: path, line: xml.line)
                }
            } else if xml.nameIs("header") {
                try readHeader()
            } else if xml.nameIs("body") {
                if xml.isEmptyElement { finished = true }
                return
            } else {
                try xml.skipElement()
            }
        }
        throw TMError(.wrongFormat(format: "TMX", reason: "no <body> element"), path: path, line: xml.line)
    }

    private func readHeader() throws {
        header.attributes = xml.attributes()
        try forEachElementInside {
            if xml.nameIs("prop") {
                header.properties.append(try readProperty())
            } else if xml.nameIs("note") {
                header.notes.append(try readNote())
            } else if xml.nameIs("ude") {
                header.userDefinedEncodings.append(try readUserDefinedEncoding())
            } else {
                try xml.skipElement()
            }
        }
    }

    /// A `<ude>` and its `<map/>`s (TMX 1.4b: `<!ELEMENT ude (map+)>`, maps are empty).
    private func readUserDefinedEncoding() throws -> UserDefinedEncoding {
        var encoding = UserDefinedEncoding(attributes: xml.attributes())
        if xml.isEmptyElement { return encoding }
        let depth = xml.depth
        while try xml.read() {
            switch xml.kind {
            case .startElement:
                if xml.nameIs("map") { encoding.maps.append(xml.attributes()) }
                try xml.skipElement()
            case .endElement where xml.depth == depth:
                return encoding
            default:
                continue
            }
        }
        return encoding
    }

    private func readProperty() throws -> Property {
        var attributes = xml.attributes()
        let type = attributes.first { $0.name == "type" }?.value ?? ""
        attributes.removeAll { $0.name == "type" }
        return Property(type: type, value: try xml.readElementText(), attributes: attributes)
    }

    private func readNote() throws -> Note {
        let attributes = xml.attributes()
        return Note(try xml.readElementText(), attributes: attributes)
    }

    /// Reads a `<tu>`; returns nil (and records why) for a unit that cannot be used.
    private func readUnit(line: Int) throws -> TranslationUnit? {
        var unit = TranslationUnit(attributes: xml.attributes())
        var problem: String?
        if !xml.isEmptyElement {
            let depth = xml.depth
            reading: while try xml.read() {
                switch xml.kind {
                case .startElement:
                    if xml.nameIs("tuv") {
                        let tuvLine = xml.line
                        let (variant, variantProblem) = try readVariant()
                        if let variantProblem {
                            problem = problem ?? variantProblem
                        } else if variant.language.isEmpty {
                            problem = problem ?? "line \(tuvLine): <tuv> has no xml:lang"
                        } else {
                            unit.variants.append(variant)
                        }
                    } else if xml.nameIs("prop") {
                        unit.properties.append(try readProperty())
                    } else if xml.nameIs("note") {
                        unit.notes.append(try readNote())
                    } else if xml.nameIs("tu") {
                        // A unit inside a unit is no TMX; reading either would drop the other's text.
                        problem = problem ?? "line \(xml.line): a <tu> inside a <tu>"
                        try xml.skipElement()
                    } else {
                        try xml.skipElement()
                    }
                case .endElement where xml.depth == depth:
                    break reading
                case .entityReference:
                    throw xml.problem("entity reference &\(xml.name); is not allowed (entities are never expanded)")
                default:
                    continue
                }
            }
        }
        if problem == nil && unit.variants.isEmpty { problem = "<tu> has no <tuv>" }
        TMXReader.restoreCarriedAttributes(&unit.attributes, &unit.properties)
        if let problem {
            skipped.append(SkippedUnit(path: path, line: line, reason: problem))
            return nil
        }
        return unit
    }

    /// Reads a `<tuv>`, with the reason it cannot be used (a second `<seg>`, whose text one
    /// segment cannot hold) when there is one.
    private func readVariant() throws -> (Variant, problem: String?) {
        var attributes = xml.attributes()
        var language = ""
        if let index = attributes.firstIndex(where: { $0.name == "xml:lang" }) ?? attributes.firstIndex(where: { $0.name == "lang" }) {
            language = attributes[index].value
            attributes.remove(at: index)
        }
        var variant = Variant(language: language, segment: Segment(content: []), attributes: attributes)
        if xml.isEmptyElement { return (variant, nil) }
        let depth = xml.depth
        var segments = 0
        var problem: String?
        while try xml.read() {
            switch xml.kind {
            case .startElement:
                if xml.nameIs("seg") {
                    segments += 1
                    if segments == 2 { problem = "line \(xml.line): a <tuv> with a second <seg>" }
                    variant.segment = Segment(content: try readInline())
                } else if xml.nameIs("prop") {
                    variant.properties.append(try readProperty())
                } else if xml.nameIs("note") {
                    variant.notes.append(try readNote())
                } else {
                    try xml.skipElement()
                }
            case .endElement where xml.depth == depth:
                TMXReader.restoreCarriedAttributes(&variant.attributes, &variant.properties)
                return (variant, problem)
            case .entityReference:
                throw xml.problem("entity reference &\(xml.name); is not allowed (entities are never expanded)")
            default:
                continue
            }
        }
        return (variant, problem)
    }

    /// Turns the props `TMXWriter` uses to carry attributes the DTD does not declare back into
    /// attributes, so a unit survives a round trip unchanged.
    static func restoreCarriedAttributes(_ attributes: inout [XMLAttribute], _ properties: inout [Property]) {
        guard properties.contains(where: { $0.type.hasPrefix(TMXWriter.foreignAttributePrefix) }) else { return }
        properties.removeAll { property in
            guard property.type.hasPrefix(TMXWriter.foreignAttributePrefix) else { return false }
            attributes.append(XMLAttribute(String(property.type.dropFirst(TMXWriter.foreignAttributePrefix.count)), property.value))
            return true
        }
    }

    /// Reads the content of the current element (a `seg` or an inline element) as inline content,
    /// every character of text kept.
    private func readInline() throws -> [InlineContent] {
        try xml.readInlineContent()
    }
}

extension XMLStreamReader {
    /// The content of the current element (a TMX `seg`, an XLIFF `source` or `target`, or an inline
    /// element) as inline content: text with every character kept, elements with their attributes
    /// in order and their own content.
    func readInlineContent() throws -> [InlineContent] {
        if isEmptyElement { return [] }
        let startDepth = depth
        let element = name
        var content: [InlineContent] = []
        var pendingText = ""
        while try read() {
            switch kind {
            case .text, .whitespace:
                pendingText += value
            case .startElement:
                if !pendingText.isEmpty {
                    content.append(.text(pendingText))
                    pendingText = ""
                }
                let name = self.name
                let attributes = attributes()
                content.append(.element(InlineElement(name: name, attributes: attributes, children: try readInlineContent())))
            case .endElement where depth == startDepth:
                if !pendingText.isEmpty { content.append(.text(pendingText)) }
                return content
            case .entityReference:
                throw problem("entity reference &\(name); is not allowed (entities are never expanded)")
            default:
                continue
            }
        }
        throw problem("unexpected end of file inside <\(element)>")
    }
}
