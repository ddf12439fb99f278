import CLibXML2
import Foundation

/// The kind of node the reader stands on (a subset of libxml2's `xmlReaderTypes`).
enum XMLNodeKind {
    case startElement, endElement, text, whitespace, entityReference, other
}

/// Collects the first error libxml2 reports for one reader. A class because libxml2 holds a pointer
/// to it while the reader lives.
private final class XMLErrorSink {
    var firstError: (line: Int, message: String)?
}

/// A streaming pull parser over libxml2's `xmlTextReader`: the file is never held in memory as a
/// tree, so a 2 GB TMX reads in constant memory.
///
/// Safety: opened with `XML_PARSE_NONET` and without `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD` or
/// `XML_PARSE_DTDATTR`: no external entity or DTD is ever fetched, and entities are never
/// substituted, so an entity reference in content is reported as an error rather than expanded
/// (which also defuses "billion laughs").
///
/// Strings handed out by libxml2's `Const…` functions are borrowed from the reader: every accessor
/// copies them into Swift strings before returning.
final class XMLStreamReader {
    let path: String
    private let reader: xmlTextReaderPtr
    private let errorSink = XMLErrorSink()
    private let input: XMLInputGuard
    private var openElements = 0
    /// The line of the last text node past line 65,535 (see `line`).
    private var lastBigTextLine = 0

    /// Opens `path`. The encoding comes from the BOM or the XML declaration (UTF-8, UTF-16 LE/BE, …).
    /// The bytes reach libxml2 through `XMLInputGuard`, which refuses entity declarations and
    /// start tags with absurd numbers of attributes before the parser sees them.
    convenience init(path: String) throws {
        XMLLibrary.initialise()
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else {
            throw TMError(errno == ENOENT ? .noSuchFile : .cannotRead(reason: systemErrorMessage()), path: path)
        }
        try self.init(input: XMLInputGuard(descriptor: descriptor), path: path)
    }

    /// Reads `bytes` held in memory (named `path` in messages), through the same guard.
    convenience init(bytes: [UInt8], path: String) throws {
        XMLLibrary.initialise()
        try self.init(input: XMLInputGuard(bytes: bytes), path: path)
    }

    private init(input: XMLInputGuard, path: String) throws {
        self.path = path
        self.input = input
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue)
        // The reader owns the input from here: it calls the close callback when freed.
        guard let reader = xmlReaderForIO({ context, buffer, length in
            guard let context, let buffer else { return -1 }
            return Unmanaged<XMLInputGuard>.fromOpaque(context).takeUnretainedValue().read(into: buffer, capacity: Int(length))
        }, { context in
            guard let context else { return -1 }
            return Unmanaged<XMLInputGuard>.fromOpaque(context).takeUnretainedValue().close()
        }, Unmanaged.passUnretained(input).toOpaque(), path, nil, options) else {
            throw TMError(.cannotRead(reason: "libxml2 could not start a reader"), path: path)
        }
        self.reader = reader
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            let sink = Unmanaged<XMLErrorSink>.fromOpaque(context).takeUnretainedValue()
            guard sink.firstError == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            var message = error.pointee.message.map { String(cString: $0) } ?? "malformed XML"
            message = message.trimmingCharacters(in: .whitespacesAndNewlines)
            sink.firstError = (Int(error.pointee.line), message)
        }, Unmanaged.passUnretained(errorSink).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
    }

    /// Moves to the next node. Returns false at the end of the document; throws on malformed XML.
    func read() throws -> Bool {
        let status = xmlTextReaderRead(reader)
        if status == 1 {
            // Elements opened and not yet closed: a file that ends with some open is cut off.
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue): if xmlTextReaderIsEmptyElement(reader) != 1 { openElements += 1 }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): openElements -= 1
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_WHITESPACE.rawValue),
                 Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                if let node = xmlTextReaderCurrentNode(reader), node.pointee.line == UInt16.max {
                    lastBigTextLine = Int(xmlGetLineNo(node))
                }
            default: break
            }
            return true
        }
        // What the input guard refused, or a failed read, explains a stop better than libxml2.
        if let refusal = input.refusal { throw problem(refusal.message, line: refusal.line) }
        if let failure = input.readFailure { throw problem("cannot read: \(failure)") }
        if status == 0, errorSink.firstError == nil { return false }
        // An error on the last line with elements still open, other than a tag mismatch: the
        // file was cut off (libxml2 says "Extra content", "Premature end", "expected '>'", …).
        if input.reachedEnd, openElements > 0, let first = errorSink.firstError, first.line >= input.line - 1,
           !first.message.contains("mismatch") {
            throw problem("the file ends before its elements are closed: it looks cut off", line: errorSink.firstError?.line)
        }
        let message = errorSink.firstError?.message ?? "malformed XML"
        // libxml2 reads UTF-16 without a BOM and without `<?xml` as UTF-8, and stops at the first NUL.
        if let utf16 = TextDecoding.utf16WithoutMark(input.head),
           message.lowercased().hasPrefix("char 0x0 out of allowed range") || message.lowercased() == "document is empty" {
            throw problem("it looks like \(utf16) without a byte order mark: convert it (iconv -f \(utf16) -t UTF-8 FILE > NEW) or save it with its byte order mark",
                          line: errorSink.firstError?.line)
        }
        throw problem(XMLStreamReader.inUserTerms(message), line: errorSink.firstError?.line)
    }

    /// libxml2's wording where it speaks of its own options or internals, said as a user sees it;
    /// other messages (a tag mismatch names both tags and lines) are kept as they are.
    static func inUserTerms(_ message: String) -> String {
        let lower = message.lowercased()
        if lower.contains("huge text node") || lower.contains("xml_parse_huge") || lower.contains("huge input lookup")
            || lower.contains("too long") || lower.contains("excessive depth") {
            return "a text, a value or a nesting here is beyond what an XML file tm reads may hold (a text of at most 10,000,000 bytes); tm cannot read it"
        }
        if lower.hasPrefix("premature end of data in tag ") {
            let tag = message.dropFirst("Premature end of data in tag ".count).split(separator: " ").first.map(String.init) ?? ""
            return "the file ends inside <\(tag)>: it looks cut off"
        }
        if lower.hasPrefix("input is not proper utf-8") {
            return "bytes that are not UTF-8, in a file that declares no other encoding; if it is Latin-1, convert it (iconv -f latin1 -t utf-8 FILE > NEW) or declare encoding=\"ISO-8859-1\""
        }
        if lower.hasPrefix("char 0x0 out of allowed range") {
            return "a NUL byte: this looks like a binary file, not XML"
        }
        if lower == "document is empty" {
            return "the file holds no XML (is it empty, or a UTF-16 file without its byte order mark?)"
        }
        return message
    }

    /// A problem at the current position (or at `line`).
    func problem(_ message: String, line: Int? = nil) -> TMError {
        TMError(.malformedXML(message), path: path, line: line ?? self.line)
    }

    /// The line of the current node (the parser's line when there is no node yet).
    ///
    /// libxml2 keeps an element's line in 16 bits: past line 65,535 it stores 65,535 and
    /// `xmlGetLineNo` guesses from a child, which the streaming reader may not have parsed yet
    /// (or which starts a line later). A text node's full line (`XML_PARSE_BIG_LINES`) is the
    /// line where the text ends, that is where the next tag starts: the element's line there.
    var line: Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            if node.pointee.type == XML_ELEMENT_NODE, node.pointee.line == UInt16.max {
                return max(lastBigTextLine, Int(UInt16.max))
            }
            let line = Int(xmlGetLineNo(node))
            if line > 0 { return line }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }
    var depth: Int { Int(xmlTextReaderDepth(reader)) }
    /// Bytes of the file read so far (libxml2 reads a few KiB ahead of the node it is on).
    var bytesRead: UInt64 { input.bytesRead }
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    var kind: XMLNodeKind {
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue): return .startElement
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): return .endElement
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue): return .text
        case Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            return .whitespace
        case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue): return .entityReference
        default: return .other
        }
    }

    /// The qualified name of the current node (`seg`, `xml:lang`), copied.
    var name: String {
        guard let pointer = xmlTextReaderConstName(reader) else { return "" }
        return String(cString: pointer)
    }

    /// Compares the current node's qualified name without copying it.
    func nameIs(_ expected: StaticString) -> Bool {
        guard let pointer = xmlTextReaderConstName(reader) else { return false }
        return strcmp(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self),
                      UnsafeRawPointer(expected.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// The text value of the current text node, copied.
    var value: String {
        guard let pointer = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: pointer)
    }

    /// The attributes of the current element in document order (namespace declarations included).
    func attributes() -> [XMLAttribute] {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return [] }
        var result: [XMLAttribute] = []
        var status = xmlTextReaderMoveToFirstAttribute(reader)
        while status == 1 {
            let name = xmlTextReaderConstName(reader).map { String(cString: $0) } ?? ""
            let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
            result.append(XMLAttribute(name, value))
            status = xmlTextReaderMoveToNextAttribute(reader)
        }
        xmlTextReaderMoveToElement(reader)
        return result
    }

    /// Reads the text content of the current element up to its end tag (the element must be
    /// simple: text only). Child elements' text is included.
    func readElementText() throws -> String {
        if isEmptyElement { return "" }
        let startDepth = depth
        var text = ""
        while try read() {
            switch kind {
            case .text, .whitespace: text += value
            case .entityReference: throw problem("entity reference &\(name); is not allowed (entities are never expanded)")
            case .endElement where depth == startDepth: return text
            default: continue
            }
        }
        throw problem("unexpected end of file inside <\(name)>")
    }

    /// Skips the current element and everything inside it.
    func skipElement() throws {
        if isEmptyElement { return }
        let startDepth = depth
        while try read() {
            if kind == .endElement && depth == startDepth { return }
            if kind == .entityReference {
                throw problem("entity reference &\(name); is not allowed (entities are never expanded)")
            }
        }
    }
}
