#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file for libxml2 and looks at the markup as it goes by, refusing what libxml2 would
/// expand or choke on before the parser sees it:
/// - an entity declaration (`<!ENTITY …>`): libxml2 substitutes entities inside attribute values
///   even without `XML_PARSE_NOENT` (`tuid="&x;"`), so "billion laughs" and quadratic blow-ups
///   hide there; no TMX, TBX, SRX or XLIFF file needs one, so none is accepted;
/// - a start tag with more than `maximumAttributes` attributes: libxml2 2.9 checks each new
///   attribute against all earlier ones, so 100,000 of them take seconds before any reader
///   callback runs.
///
/// The scan is a small state machine over code units (bytes, or UTF-16 units when the file starts
/// with a UTF-16 BOM or `<?` in UTF-16), costing one pass over bytes read anyway. It knows comments,
/// CDATA sections, processing instructions and quoted attribute values, so text that merely
/// looks like markup there is left alone. A class because libxml2 holds a pointer to it.
final class XMLInputGuard {
    /// No element of the formats tm reads has more than a few dozen attributes.
    static let maximumAttributes = 1_000

    private let descriptor: Int32
    /// What the scan refused, and on which line; set once, then every read fails.
    private(set) var refusal: (line: Int, message: String)?
    /// The system's reason when a read failed.
    private(set) var readFailure: String?
    /// True once the whole file was handed to libxml2.
    private(set) var reachedEnd = false
    /// Bytes handed to libxml2 so far.
    private(set) var bytesRead: UInt64 = 0
    /// The first bytes of the file, to say what an unreadable start looks like (UTF-16 without BOM).
    private(set) var head: [UInt8] = []
    static let headSize = 4096

    private enum Width { case unknown, byte, utf16LittleEndian, utf16BigEndian }
    private enum State { case content, afterLessThan, startTag, quoted(UInt32), endTag, comment, cdata, instruction, declaration }

    private var width = Width.unknown
    private var state = State.content
    private var attributes = 0
    /// The line the scan has reached: at the end, the file's last line.
    private(set) var line = 1
    /// The last eight ASCII code units (anything else as 0), newest in the low byte.
    private var recent: UInt64 = 0
    private var pendingByte: UInt8?
    private var insideInternalSubset = false

    /// Bytes held in memory instead of a file (a unit read back at its offset), and how far
    /// they were handed out.
    private var memory: [UInt8]?
    private var memoryPosition = 0

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Serves `bytes` instead of a file, through the same scan.
    init(bytes: [UInt8]) {
        self.descriptor = -1
        self.memory = bytes
    }

    /// Fills `buffer` for libxml2; -1 on a read error or a refusal (libxml2 then stops parsing).
    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int32 {
        if refusal != nil || readFailure != nil { return -1 }
        var count: Int
        if let memory {
            count = min(capacity, memory.count - memoryPosition)
            memory.withUnsafeBytes { source in
                if count > 0 { UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + memoryPosition, byteCount: count) }
            }
            memoryPosition += count
        } else {
            repeat {
                count = Glibc.read(descriptor, buffer, capacity)
            } while count < 0 && errno == EINTR
        }
        if count < 0 {
            readFailure = String(cString: strerror(errno))
            return -1
        }
        if count == 0 { reachedEnd = true }
        bytesRead += UInt64(count)
        let bytes = UnsafeRawBufferPointer(start: buffer, count: count)
        if head.count < XMLInputGuard.headSize { head += bytes.prefix(XMLInputGuard.headSize - head.count) }
        scan(bytes)
        return refusal == nil ? Int32(count) : -1
    }

    func close() -> Int32 {
        descriptor >= 0 ? Glibc.close(descriptor) : 0
    }

    // MARK: - The scan

    private func scan(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        if width == .unknown {
            guard bytes.count >= 2 else {
                if bytes.count == 1 { width = .byte }
                return scanBytes(bytes, from: 0)
            }
            switch (bytes[0], bytes[1]) {
            case (0xFF, 0xFE), (0x3C, 0x00): width = .utf16LittleEndian
            case (0xFE, 0xFF), (0x00, 0x3C): width = .utf16BigEndian
            default: width = .byte
            }
            if width != .byte, bytes[0] == 0xFF || bytes[0] == 0xFE { index = 2 }
        }
        if width == .byte { return scanBytes(bytes, from: index) }
        // UTF-16: pair bytes into units, carrying an odd byte over to the next read.
        while index < bytes.count, refusal == nil {
            let byte = bytes[index]
            index += 1
            guard let first = pendingByte else { pendingByte = byte; continue }
            pendingByte = nil
            let unit = width == .utf16LittleEndian ? UInt32(first) | UInt32(byte) << 8 : UInt32(first) << 8 | UInt32(byte)
            step(unit, upcoming: bytes, at: index)
        }
    }

    private func scanBytes(_ bytes: UnsafeRawBufferPointer, from start: Int) {
        var index = start
        while index < bytes.count, refusal == nil {
            let unit = UInt32(bytes[index])
            index += 1
            // Outside markup only '<' and newlines matter: skip ahead quickly.
            if case .content = state, unit != 0x3C, unit != 0x0A { recent = recent << 8 | (unit < 0x80 ? UInt64(unit) : 0); continue }
            step(unit, upcoming: bytes, at: index)
        }
    }

    /// Ends with the ASCII text `suffix` (at most 8 characters)?
    private func recentEnds(with suffix: StaticString) -> Bool {
        var value: UInt64 = 0
        var mask: UInt64 = 0
        for byte in UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount) {
            value = value << 8 | UInt64(byte)
            mask = mask << 8 | 0xFF
        }
        return recent & mask == value
    }

    private func step(_ unit: UInt32, upcoming bytes: UnsafeRawBufferPointer, at index: Int) {
        if unit == 0x0A { line += 1 }
        recent = recent << 8 | (unit < 0x80 ? UInt64(unit) : 0)
        switch state {
        case .content:
            if unit == 0x3C { state = .afterLessThan }
        case .afterLessThan:
            switch unit {
            case 0x21: state = .declaration // '!'
            case 0x3F: state = .instruction // '?'
            case 0x2F: state = .endTag // '/'
            case 0x3C: state = .afterLessThan
            default:
                attributes = 0
                state = .startTag
            }
        case .startTag:
            switch unit {
            case 0x22, 0x27: state = .quoted(unit)
            case 0x3D: // '=' outside quotes: one more attribute
                attributes += 1
                if attributes > XMLInputGuard.maximumAttributes {
                    refuse("an element has more than \(XMLInputGuard.maximumAttributes) attributes; tm refuses such files (they take libxml2 minutes to parse)")
                }
            case 0x3E: state = .content
            default: break
            }
        case .quoted(let quote):
            if unit == quote { state = .startTag }
        case .endTag:
            if unit == 0x3E { state = .content }
        case .comment:
            if recentEnds(with: "-->") { state = .content }
        case .cdata:
            if recentEnds(with: "]]>") { state = .content }
        case .instruction:
            if recentEnds(with: "?>") { state = .content }
        case .declaration:
            // Inside `<!…`: a DOCTYPE and its internal subset, or the start of a comment or CDATA.
            if recentEnds(with: "<!--") {
                state = .comment
                recent = 0
            } else if recentEnds(with: "<![CDATA") {
                state = .cdata
            } else if recentEnds(with: "<!ENTITY") {
                let ahead = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[index..<min(bytes.count, index + 800)])
                    .filter { $0 != 0 }, as: UTF8.self)
                let declaration = ahead.prefix { $0 != ">" }
                let external = declaration.contains("SYSTEM") || declaration.contains("PUBLIC")
                refuse(external
                    ? "the document declares an external entity; tm never loads external entities (XXE) and refuses the file"
                    : "the document declares entities; tm never expands entities and refuses the file")
            } else if unit == 0x3E, !insideInternalSubset {
                state = .content
            }
            if unit == 0x5B { insideInternalSubset = true } // '['
            if unit == 0x5D { insideInternalSubset = false } // ']'
        }
    }

    private func refuse(_ message: String) {
        if refusal == nil { refusal = (line, message) }
    }
}
