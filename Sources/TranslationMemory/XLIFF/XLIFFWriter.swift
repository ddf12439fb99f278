import Foundation

/// Writes an XLIFF 1.2 document valid against the strict schema, one unit at a time, in UTF-8:
/// `startFile`, `write` each unit, `endFile`, then `finish`. Inline markup is mapped from the
/// memory's TMX codes (`XLIFFInline`). The file is written as given; `AtomicFile` makes it atomic.
public final class XLIFFWriter {
    public let path: String
    private let xml: XMLStreamWriter
    private var fileOpen = false
    private var open = true

    public init(path: String) throws {
        self.path = path
        xml = try XMLStreamWriter(path: path)
        try xml.startDocument()
        try xml.startElement("xliff")
        try xml.attribute("version", "1.2")
        try xml.attribute("xmlns", XLIFF.namespace)
    }

    /// Starts a `<file>` with its header (phases, then notes, in the schema's order).
    public func startFile(_ file: XLIFFFile) throws {
        if fileOpen { try endFile() }
        try xml.layout("\n  ")
        try xml.startElement("file")
        try xml.attribute("original", file.original)
        try xml.attribute("source-language", file.sourceLanguage)
        if let target = file.targetLanguage { try xml.attribute("target-language", target) }
        try xml.attribute("datatype", file.datatype)
        if let date = file.date { try xml.attribute("date", XLIFF.formatDate(date)) }
        if !file.phases.isEmpty || !file.notes.isEmpty {
            try xml.layout("\n    ")
            try xml.startElement("header")
            if !file.phases.isEmpty {
                try xml.layout("\n      ")
                try xml.startElement("phase-group")
                for phase in file.phases {
                    try xml.layout("\n        ")
                    try xml.startElement("phase")
                    try xml.attribute("phase-name", phase.name)
                    try xml.attribute("process-name", phase.process)
                    if let date = phase.date { try xml.attribute("date", XLIFF.formatDate(date)) }
                    if let contact = phase.contactName { try xml.attribute("contact-name", contact) }
                    try xml.endElement()
                }
                try xml.layout("\n      ")
                try xml.fullEndElement()
            }
            for note in file.notes { try writeNote(note, indent: "\n      ") }
            try xml.layout("\n    ")
            try xml.fullEndElement()
        }
        try xml.layout("\n    ")
        try xml.startElement("body")
        fileOpen = true
    }

    /// Writes one `<trans-unit>`: source, target, then notes and `alt-trans` (the schema's order).
    public func write(_ unit: XLIFFUnit) throws {
        guard fileOpen else { throw TMError(.cannotWrite(reason: "a trans-unit outside a <file>"), path: path) }
        try xml.layout("\n      ")
        try xml.startElement("trans-unit")
        try xml.attribute("id", unit.id)
        if let restype = unit.restype { try xml.attribute("restype", restype) }
        if let approved = unit.approved { try xml.attribute("approved", approved ? "yes" : "no") }
        if !unit.translatable { try xml.attribute("translate", "no") }
        if unit.preservesSpace { try xml.attribute("xml:space", "preserve") }
        try xml.layout("\n        ")
        try writeContent("source", unit.source)
        if let target = unit.target {
            try xml.layout("\n        ")
            try writeTarget(target)
        }
        for note in unit.notes { try writeNote(note, indent: "\n        ") }
        for alternative in unit.alternatives {
            try xml.layout("\n        ")
            try xml.startElement("alt-trans")
            if let quality = alternative.matchQuality { try xml.attribute("match-quality", quality) }
            if let origin = alternative.origin { try xml.attribute("origin", origin) }
            if let source = alternative.source {
                try xml.layout("\n          ")
                try writeContent("source", source)
            }
            try xml.layout("\n          ")
            try writeTarget(alternative.target)
            for note in alternative.notes { try writeNote(note, indent: "\n          ") }
            try xml.layout("\n        ")
            try xml.fullEndElement()
        }
        try xml.layout("\n      ")
        try xml.fullEndElement()
    }

    public func endFile() throws {
        guard fileOpen else { return }
        fileOpen = false
        try xml.layout("\n    ")
        try xml.fullEndElement() // body
        try xml.layout("\n  ")
        try xml.fullEndElement() // file
    }

    /// Closes the document and flushes it to the file.
    public func finish() throws {
        guard open else { return }
        try endFile()
        open = false
        try xml.layout("\n")
        try xml.fullEndElement() // xliff
        try xml.layout("\n")
        try xml.endDocument()
    }

    private func writeTarget(_ target: XLIFFTarget) throws {
        var attributes: [XMLAttribute] = []
        if let state = target.state { attributes.append(XMLAttribute("state", state.rawValue)) }
        if let qualifier = target.stateQualifier { attributes.append(XMLAttribute("state-qualifier", qualifier)) }
        if let language = target.language { attributes.append(XMLAttribute("xml:lang", language)) }
        try writeContent("target", target.content, attributes: attributes)
    }

    private func writeNote(_ note: XLIFFNote, indent: String) throws {
        try xml.layout(indent)
        var attributes: [XMLAttribute] = []
        if let from = note.from { attributes.append(XMLAttribute("from", from)) }
        if let annotates = note.annotates { attributes.append(XMLAttribute("annotates", annotates)) }
        try xml.element("note", attributes: attributes, text: note.text)
    }

    private func writeContent(_ name: String, _ segment: Segment, attributes: [XMLAttribute] = []) throws {
        try xml.startElement(name)
        for attribute in attributes { try xml.attribute(attribute.name, attribute.value) }
        try writeInline(XLIFFInline.toXLIFF(segment.content))
        try xml.fullEndElement()
    }

    private func writeInline(_ content: [InlineContent]) throws {
        for piece in content {
            switch piece {
            case .text(let text):
                try xml.text(text)
            case .element(let element):
                try xml.startElement(element.name)
                for attribute in element.attributes { try xml.attribute(attribute.name, attribute.value) }
                try writeInline(element.children)
                if element.children.isEmpty { try xml.endElement() } else { try xml.fullEndElement() }
            }
        }
    }
}
