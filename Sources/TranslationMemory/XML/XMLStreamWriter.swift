import CLibXML2
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file under an `XMLStreamWriter`: libxml2 hands it bytes through an output buffer's
/// callbacks, and every `write` and the final `close` is checked here, so a full disk or a failing
/// device is reported rather than leaving a truncated file that looks complete. A class because
/// libxml2 holds a pointer to it while the writer lives.
private final class XMLOutputFile {
    let descriptor: Int32
    /// False when the caller keeps writing to the descriptor after the XML (an append).
    let ownsDescriptor: Bool
    /// The first system error a write or the close met (`strerror` text).
    var failure: String?
    var closed = false

    init(descriptor: Int32, ownsDescriptor: Bool = true) {
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
    }

    func write(_ bytes: UnsafeRawPointer, count: Int) -> Bool {
        var offset = 0
        while offset < count {
            let written = Glibc.write(descriptor, bytes + offset, count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = failure ?? String(cString: strerror(errno))
                return false
            }
            offset += written
        }
        return true
    }

    func close() -> Bool {
        guard !closed else { return failure == nil }
        closed = true
        if ownsDescriptor, Glibc.close(descriptor) != 0 {
            failure = failure ?? String(cString: strerror(errno))
        }
        return failure == nil
    }
}

/// A streaming XML writer over libxml2's `xmlTextWriter`, writing UTF-8 to a file. Escaping is
/// libxml2's; characters XML 1.0 forbids (C0 controls other than tab, LF and CR) are dropped so
/// the output always parses. Every write and the final close are checked (`endDocument` throws
/// when any byte did not reach the file).
final class XMLStreamWriter {
    let path: String
    private let output: XMLOutputFile
    private var writerPointer: xmlTextWriterPtr?
    private var writer: xmlTextWriterPtr {
        get throws {
            guard let writerPointer else { throw TMError(.cannotWrite(reason: "the writer is closed"), path: path) }
            return writerPointer
        }
    }

    convenience init(path: String) throws {
        XMLLibrary.initialise()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw TMError(.cannotWrite(reason: systemErrorMessage()), path: path)
        }
        try self.init(output: XMLOutputFile(descriptor: descriptor), path: path, encoding: nil)
    }

    /// Writes markup into a file the caller has open and goes on writing after `endFragment()`,
    /// in `encoding` (a name libxml2 knows, e.g. `UTF-16LE`, `ISO-8859-1`; nil for UTF-8): how
    /// units are inserted into an existing file in its own encoding.
    convenience init(appendingTo descriptor: Int32, path: String, encoding: String?) throws {
        XMLLibrary.initialise()
        try self.init(output: XMLOutputFile(descriptor: descriptor, ownsDescriptor: false), path: path, encoding: encoding)
    }

    private init(output: XMLOutputFile, path: String, encoding: String?) throws {
        self.path = path
        self.output = output
        var encoder: xmlCharEncodingHandlerPtr?
        if let encoding {
            guard let handler = xmlFindCharEncodingHandler(encoding) else {
                _ = output.close()
                throw TMError(.cannotWrite(reason: "tm cannot write the file's encoding \(encoding)"), path: path)
            }
            encoder = handler
        }
        let context = Unmanaged.passUnretained(output).toOpaque()
        let buffer = xmlOutputBufferCreateIO({ context, bytes, count in
            guard let context, let bytes else { return -1 }
            let file = Unmanaged<XMLOutputFile>.fromOpaque(context).takeUnretainedValue()
            return file.write(bytes, count: Int(count)) ? count : -1
        }, { context in
            guard let context else { return -1 }
            return Unmanaged<XMLOutputFile>.fromOpaque(context).takeUnretainedValue().close() ? 0 : -1
        }, context, encoder)
        guard let buffer, let writer = xmlNewTextWriter(buffer) else {
            // Without a writer nothing owns the buffer: it is closed (and the file with it) here.
            if let buffer { xmlOutputBufferClose(buffer) } else { _ = output.close() }
            throw TMError(.cannotWrite(reason: "cannot start the XML writer"), path: path)
        }
        self.writerPointer = writer
    }

    deinit {
        if let writerPointer { xmlFreeTextWriter(writerPointer) }
        _ = output.close()
    }

    /// Throws when libxml2 reports a failed write: the system's reason when the file refused the
    /// bytes (a full disk), else what could not be written.
    private func check(_ status: Int32, _ what: String) throws {
        if status < 0 { throw TMError(.cannotWrite(reason: output.failure ?? "could not write \(what)"), path: path) }
    }

    func startDocument() throws {
        try check(xmlTextWriterStartDocument(try writer, "1.0", "UTF-8", nil), "the XML declaration")
    }

    func doctype(name: String, systemID: String) throws {
        try check(xmlTextWriterWriteDTD(try writer, name, nil, systemID, nil), "the DOCTYPE")
    }

    func startElement(_ name: String) throws {
        let writer = try writer
        try check(XMLStreamWriter.withXMLChars(name) { xmlTextWriterStartElement(writer, $0) }, "<\(name)>")
    }

    func attribute(_ name: String, _ value: String) throws {
        let writer = try writer
        let status = XMLStreamWriter.withXMLChars(name) { name in
            XMLStreamWriter.withXMLChars(XMLStreamWriter.clean(value)) { xmlTextWriterWriteAttribute(writer, name, $0) }
        }
        try check(status, "attribute \(name)")
    }

    func text(_ text: String) throws {
        guard !text.isEmpty else { return }
        let writer = try writer
        try check(XMLStreamWriter.withXMLChars(XMLStreamWriter.clean(text)) { xmlTextWriterWriteString(writer, $0) }, "text")
    }

    /// Writes raw markup; only for layout white space between elements.
    func layout(_ whitespace: String) throws {
        let writer = try writer
        try check(XMLStreamWriter.withXMLChars(whitespace) { xmlTextWriterWriteRaw(writer, $0) }, "white space")
    }

    func endElement() throws {
        try check(xmlTextWriterEndElement(try writer), "an end tag")
    }

    /// Writes `<name>` even when empty, as `<name></name>`, so that simple elements keep their shape.
    func fullEndElement() throws {
        try check(xmlTextWriterFullEndElement(try writer), "an end tag")
    }

    func element(_ name: String, attributes: [XMLAttribute] = [], text: String) throws {
        try startElement(name)
        for attribute in attributes { try self.attribute(attribute.name, attribute.value) }
        try self.text(text)
        try fullEndElement()
    }

    /// Ends the document, flushes libxml2's buffer and closes the file; throws when any write or
    /// the close failed.
    func endDocument() throws {
        try check(xmlTextWriterEndDocument(try writer), "the end of the document")
        try check(xmlTextWriterFlush(try writer), "the file")
        // Freeing the writer closes its output buffer, which calls `XMLOutputFile.close`.
        xmlFreeTextWriter(try writer)
        writerPointer = nil
        if let failure = output.failure { throw TMError(.cannotWrite(reason: failure), path: path) }
    }

    /// Flushes what was written since `init(appendingTo:…)` to the descriptor, which stays open;
    /// throws when any write failed.
    func endFragment() throws {
        try check(xmlTextWriterFlush(try writer), "the file")
        xmlFreeTextWriter(try writer)
        writerPointer = nil
        if let failure = output.failure { throw TMError(.cannotWrite(reason: failure), path: path) }
    }

    /// Hands libxml2 the string's own NUL-terminated UTF-8 bytes, without the copy that Swift's
    /// implicit String → pointer conversion makes (the pointer lives only inside `body`).
    static func withXMLChars(_ text: String, _ body: (UnsafePointer<xmlChar>) -> Int32) -> Int32 {
        text.withCString { pointer in
            pointer.withMemoryRebound(to: xmlChar.self, capacity: 1, body)
        }
    }

    /// Drops the characters XML 1.0 cannot carry; the common case (nothing to drop) costs one scan.
    static func clean(_ text: String) -> String {
        // One pass over the UTF-8 bytes: C0 controls, or EF BF BE / EF BF BF (U+FFFE, U+FFFF).
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x20 {
                    if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
                } else if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                    return true
                }
                index += 1
            }
            return false
        }
        var copy = text
        let forbidden = copy.withUTF8(scan)
        guard forbidden else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF {
                continue
            }
            scalars.append(scalar)
        }
        return String(scalars)
    }
}
