import Foundation

/// Reads an XLIFF 1.0–1.2 file one `trans-unit` at a time (on `XMLStreamReader`, so entity
/// declarations are refused and nothing is expanded). `file` is the `<file>` the last unit
/// belongs to. XLIFF 2.x is refused with a message that says so; malformed files throw `TMError`
/// with `path:line`; a unit without an id or a source is reported in `skipped`.
public final class XLIFFReader {
    public let path: String
    /// The `<file>` (attributes and header) of the last unit returned.
    public private(set) var file: XLIFFFile?
    public private(set) var skipped: [SkippedUnit] = []
    /// The line of the `<trans-unit>` start tag of the last unit returned.
    public private(set) var lastUnitLine = 0
    public var bytesRead: UInt64 { xml.bytesRead }

    private let xml: XMLStreamReader
    private var finished = false

    /// Opens the file and checks its root: `<xliff>` of version 1.x.
    public init(path: String) throws {
        self.path = path
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size == 0 {
            throw TMError(.invalidContent(reason: "not an XLIFF file: the file is empty"), path: path, line: 0)
        }
        xml = try XMLStreamReader(path: path)
        while try xml.read() {
            if xml.kind == .entityReference { throw entityProblem() }
            guard xml.kind == .startElement else { continue }
            guard xml.nameIs("xliff") else {
                throw TMError(.invalidContent(reason: "not an XLIFF file: the root element is <\(xml.name)>, not <xliff>"), path: path, line: xml.line)
            }
            let attributes = xml.attributes()
            let version = attributes.first { $0.name == "version" }?.value ?? ""
            let namespace = attributes.first { $0.name == "xmlns" }?.value ?? ""
            if version.hasPrefix("2") || namespace.hasPrefix("urn:oasis:names:tc:xliff:document:2") {
                throw TMError(.invalidContent(reason: "this is XLIFF \(version.isEmpty ? "2" : version), which tm does not read: save or export it as XLIFF 1.2 in the CAT tool"),
                              path: path, line: xml.line)
            }
            if xml.isEmptyElement { finished = true }
            return
        }
        throw TMError(.invalidContent(reason: "not an XLIFF file: no <xliff> element"), path: path, line: xml.line)
    }

    /// True when the first bytes of a file (any of UTF-8, UTF-16) open an `<xliff` element.
    public static func startsLikeXLIFF(_ head: [UInt8]) -> Bool {
        // UTF-16's zero bytes dropped, ASCII is what the root element's name is spelled in.
        let text = String(decoding: head.filter { $0 != 0 }, as: UTF8.self)
        return text.contains("<xliff ") || text.contains("<xliff>") || text.contains("<xliff\n") || text.contains("<xliff\t")
    }

    /// Reads every unit of a file, each with its `<file>`.
    public static func readAll(path: String) throws -> (units: [(file: XLIFFFile, unit: XLIFFUnit)], skipped: [SkippedUnit]) {
        let reader = try XLIFFReader(path: path)
        var units: [(XLIFFFile, XLIFFUnit)] = []
        while let unit = try reader.next() { units.append((reader.file!, unit)) }
        return (units, reader.skipped)
    }

    /// The next unit (inside `group`s too), or nil at the end of the document.
    public func next() throws -> XLIFFUnit? {
        while !finished {
            guard try xml.read() else {
                finished = true
                break
            }
            switch xml.kind {
            case .startElement:
                if xml.nameIs("file") {
                    try readFileStart()
                } else if xml.nameIs("header") {
                    try readHeader()
                } else if xml.nameIs("trans-unit") {
                    let line = xml.line
                    if file == nil { throw xml.problem("a <trans-unit> outside a <file>") }
                    if let unit = try readUnit(line: line) {
                        lastUnitLine = line
                        return unit
                    }
                } else if xml.nameIs("body") || xml.nameIs("group") {
                    continue
                } else {
                    try xml.skipElement()
                }
            case .entityReference:
                throw entityProblem()
            default:
                continue
            }
        }
        return nil
    }

    private func entityProblem() -> TMError {
        xml.problem("entity reference &\(xml.name); is not allowed (entities are never expanded)")
    }

    private func value(_ attributes: [XMLAttribute], _ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    private func readFileStart() throws {
        let attributes = xml.attributes()
        guard let original = value(attributes, "original") else {
            throw TMError(.invalidContent(reason: "<file> has no original attribute (the document's name)"), path: path, line: xml.line)
        }
        guard let source = value(attributes, "source-language"), !source.isEmpty else {
            throw TMError(.invalidContent(reason: "<file> has no source-language"), path: path, line: xml.line)
        }
        file = XLIFFFile(original: original, sourceLanguage: source, targetLanguage: value(attributes, "target-language"),
                         datatype: value(attributes, "datatype") ?? "plaintext", date: value(attributes, "date").flatMap(XLIFF.parseDate))
    }

    /// Calls `body` on each child element of the current element (`body` reads or skips it),
    /// refusing entity references, until the element's end tag.
    private func forEachChild(_ body: () throws -> Void) throws {
        if xml.isEmptyElement { return }
        let depth = xml.depth
        let element = xml.name
        while try xml.read() {
            switch xml.kind {
            case .startElement: try body()
            case .endElement where xml.depth == depth: return
            case .entityReference: throw entityProblem()
            default: continue
            }
        }
        throw xml.problem("unexpected end of file inside <\(element)>")
    }

    /// The header's phases and notes; anything else there (skeleton, tools, glossaries) is passed over.
    private func readHeader() throws {
        try forEachChild {
            if xml.nameIs("phase-group") {
                try forEachChild {
                    if xml.nameIs("phase") {
                        let attributes = xml.attributes()
                        file?.phases.append(XLIFFPhase(name: value(attributes, "phase-name") ?? "", process: value(attributes, "process-name") ?? "",
                                                       contactName: value(attributes, "contact-name"),
                                                       date: value(attributes, "date").flatMap(XLIFF.parseDate)))
                    }
                    try xml.skipElement()
                }
            } else if xml.nameIs("note") {
                file?.notes.append(try readNote())
            } else {
                try xml.skipElement()
            }
        }
    }

    private func readNote() throws -> XLIFFNote {
        let attributes = xml.attributes()
        return XLIFFNote(try xml.readElementText(), from: value(attributes, "from"), annotates: value(attributes, "annotates"))
    }

    /// The content of a `source` or `target` in the memory's inline model.
    private func readSegment() throws -> Segment {
        Segment(content: XLIFFInline.fromXLIFF(try xml.readInlineContent()))
    }

    private func readTarget() throws -> XLIFFTarget {
        let attributes = xml.attributes()
        return XLIFFTarget(content: try readSegment(), state: value(attributes, "state").map(XLIFFState.init(rawValue:)),
                           stateQualifier: value(attributes, "state-qualifier"), language: value(attributes, "xml:lang"))
    }

    /// Reads a `<trans-unit>`; nil (with the reason in `skipped`) for one without an id or a source.
    private func readUnit(line: Int) throws -> XLIFFUnit? {
        let attributes = xml.attributes()
        var unit = XLIFFUnit(id: value(attributes, "id") ?? "", restype: value(attributes, "restype"),
                             approved: value(attributes, "approved").map { $0 == "yes" }, translatable: value(attributes, "translate") != "no",
                             preservesSpace: value(attributes, "xml:space") == "preserve", source: Segment(content: []))
        var sawSource = false
        try forEachChild {
            if xml.nameIs("source") {
                sawSource = true
                unit.source = try readSegment()
            } else if xml.nameIs("target") {
                unit.target = try readTarget()
            } else if xml.nameIs("note") {
                unit.notes.append(try readNote())
            } else if xml.nameIs("alt-trans") {
                unit.alternatives.append(try readAlternative())
            } else {
                try xml.skipElement()
            }
        }
        if unit.id.isEmpty || !sawSource {
            skipped.append(SkippedUnit(path: path, line: line, reason: unit.id.isEmpty ? "<trans-unit> has no id" : "<trans-unit> has no <source>"))
            return nil
        }
        return unit
    }

    private func readAlternative() throws -> XLIFFAlternative {
        let attributes = xml.attributes()
        var alternative = XLIFFAlternative(matchQuality: value(attributes, "match-quality"), origin: value(attributes, "origin"),
                                           target: XLIFFTarget(content: Segment(content: [])))
        try forEachChild {
            if xml.nameIs("source") {
                alternative.source = try readSegment()
            } else if xml.nameIs("target") {
                alternative.target = try readTarget()
            } else if xml.nameIs("note") {
                alternative.notes.append(try readNote())
            } else {
                try xml.skipElement()
            }
        }
        return alternative
    }
}
