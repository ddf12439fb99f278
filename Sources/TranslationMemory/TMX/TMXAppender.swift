import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Adds units to an existing TMX file and keeps every byte of what it held: its declaration,
/// DOCTYPE, header (with `ude`, `map`, a CAT tool's props and notes), units the reader passes
/// over, unknown elements, comments and layout. The new units go in just before `</body>`, in
/// the file's own encoding (UTF-8, UTF-16 LE/BE, or what its XML declaration names).
///
/// A rewrite from what the reader understood would silently drop whatever it does not model;
/// a translator's memory from another tool must come back as it went in.
enum TMXAppender {
    /// Writes `temporary` as `path` with the units `body` emits inserted; returns how many.
    ///
    /// - Complexity: O(size of the file) bytes copied, in blocks; memory O(1) besides the units.
    static func append(to path: String, temporary: String, level: TMXLevel = .markup,
                       _ body: (_ emit: (TranslationUnit) throws -> Void) throws -> Void) throws -> Int {
        let source = try FileDescriptor(reading: path)
        let size = try source.size()
        let encoding = try source.textEncoding()
        let place = try insertionPoint(in: source, size: size, encoding: encoding, path: path)
        let target = try FileDescriptor(writing: temporary)

        try source.copy(to: target, range: 0..<place.prefixEnd, path: path, destination: temporary)
        if let open = place.openBody { try target.write(encoding.encode(open), path: temporary) }
        let xml = try XMLStreamWriter(appendingTo: target.descriptor, path: temporary, encoding: encoding.libxmlName)
        let writer = TMXWriter(fragment: xml, level: level)
        var written = 0
        try body { unit in
            try writer.write(unit)
            written += 1
        }
        try writer.finishFragment()
        if let close = place.closeBody { try target.write(encoding.encode(close), path: temporary) }
        try source.copy(to: target, range: place.suffixStart..<size, path: path, destination: temporary)
        try target.close(path: temporary)
        return written
    }

    /// Where the new units go: after the last non-blank character before the last `</body>` (so
    /// the file's own layout before `</body>` stays), or in place of an empty `<body/>`.
    private struct InsertionPoint {
        var prefixEnd: UInt64
        var suffixStart: UInt64
        var openBody: String?
        var closeBody: String?
    }

    private static func insertionPoint(in file: FileDescriptor, size: UInt64, encoding: TextEncoding,
                                       path: String) throws -> InsertionPoint {
        // `</body>` is near the end: look at the tail first, then further back.
        var window: UInt64 = 64 * 1024
        while true {
            let start = size > window ? size - window : 0
            let tail = try file.read(range: start..<size, path: path)
            if let end = encoding.lastRange(of: "</body>", in: tail) {
                var prefixEnd = end.lowerBound
                while prefixEnd >= encoding.width, encoding.isBlank(tail, at: prefixEnd - encoding.width) {
                    prefixEnd -= encoding.width
                }
                return InsertionPoint(prefixEnd: start + UInt64(prefixEnd), suffixStart: start + UInt64(prefixEnd),
                                      openBody: nil, closeBody: nil)
            }
            for empty in ["<body/>", "<body />"] {
                if let found = encoding.lastRange(of: empty, in: tail) {
                    return InsertionPoint(prefixEnd: start + UInt64(found.lowerBound), suffixStart: start + UInt64(found.upperBound),
                                          openBody: "<body>", closeBody: "\n  </body>")
                }
            }
            if start == 0 {
                throw TMError(.wrongFormat(format: "TMX", reason: "no </body> to add units before"), path: path)
            }
            window *= 8
        }
    }
}

/// The encoding of an existing XML file, enough to find markup in its bytes and to write more.
struct TextEncoding {
    enum Form { case utf8, utf16LittleEndian, utf16BigEndian, byteEncoding(String) }
    let form: Form

    /// Bytes per code unit of ASCII markup.
    var width: Int {
        switch form {
        case .utf16LittleEndian, .utf16BigEndian: return 2
        default: return 1
        }
    }

    /// The name libxml2's encoder takes (nil: UTF-8, libxml2's own).
    var libxmlName: String? {
        switch form {
        case .utf8: return nil
        case .utf16LittleEndian: return "UTF-16LE"
        case .utf16BigEndian: return "UTF-16BE"
        case .byteEncoding(let name): return name
        }
    }

    /// ASCII markup in this encoding.
    func encode(_ ascii: String) -> [UInt8] {
        switch form {
        case .utf16LittleEndian: return ascii.utf8.flatMap { [$0, 0] }
        case .utf16BigEndian: return ascii.utf8.flatMap { [0, $0] }
        default: return Array(ascii.utf8)
        }
    }

    func lastRange(of ascii: String, in bytes: [UInt8]) -> Range<Int>? {
        let pattern = encode(ascii)
        guard bytes.count >= pattern.count else { return nil }
        var start = bytes.count - pattern.count
        while start >= 0 {
            if start % width == 0, bytes[start] == pattern[0], Array(bytes[start..<start + pattern.count]) == pattern {
                return start..<start + pattern.count
            }
            start -= 1
        }
        return nil
    }

    func isBlank(_ bytes: [UInt8], at index: Int) -> Bool {
        let unit: UInt8
        switch form {
        case .utf16LittleEndian:
            guard bytes[index + 1] == 0 else { return false }
            unit = bytes[index]
        case .utf16BigEndian:
            guard bytes[index] == 0 else { return false }
            unit = bytes[index + 1]
        default:
            unit = bytes[index]
        }
        return unit == 0x20 || unit == 0x0A || unit == 0x0D || unit == 0x09
    }

    /// From the BOM, the first characters, or the XML declaration's `encoding`.
    static func detect(head: [UInt8]) -> TextEncoding {
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0x3C, 0x00, 0x3F, 0x00]) { return TextEncoding(form: .utf16LittleEndian) }
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return TextEncoding(form: .utf16BigEndian) }
        let text = String(decoding: head.prefix(200), as: UTF8.self)
        guard text.hasPrefix("<?xml") || text.hasPrefix("\u{FEFF}<?xml"),
              let declarationEnd = text.range(of: "?>"),
              let match = text[..<declarationEnd.lowerBound].range(of: #"encoding\s*=\s*["']([A-Za-z0-9._-]+)["']"#, options: .regularExpression)
        else { return TextEncoding(form: .utf8) }
        let name = text[match].split(whereSeparator: { $0 == "\"" || $0 == "'" })[1]
        let upper = name.uppercased()
        if upper == "UTF-8" || upper == "UTF8" || upper == "US-ASCII" || upper == "ASCII" { return TextEncoding(form: .utf8) }
        return TextEncoding(form: .byteEncoding(String(name)))
    }
}

/// A file opened with `open(2)`, for byte-exact copies; closed when released.
final class FileDescriptor {
    let descriptor: Int32
    private var isOpen = true

    init(reading path: String) throws {
        descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw TMError(errno == ENOENT ? .noSuchFile : .cannotRead(reason: systemErrorMessage()), path: path)
        }
    }

    init(writing path: String) throws {
        descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw TMError(.cannotWrite(reason: systemErrorMessage()), path: path) }
    }

    deinit {
        if isOpen { Glibc.close(descriptor) }
    }

    func size() throws -> UInt64 {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw TMError(.cannotRead(reason: systemErrorMessage()), path: "") }
        return UInt64(info.st_size)
    }

    func textEncoding() throws -> TextEncoding {
        var head = [UInt8](repeating: 0, count: 200)
        let count = pread(descriptor, &head, head.count, 0)
        return TextEncoding.detect(head: Array(head.prefix(max(0, count))))
    }

    func read(range: Range<UInt64>, path: String) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Int(range.upperBound - range.lowerBound))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(range.lowerBound) + off_t(done))
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                throw TMError(.cannotRead(reason: count < 0 ? systemErrorMessage() : "the file shrank while it was read"), path: path)
            }
            done += count
        }
        return bytes
    }

    func write(_ bytes: [UInt8], path: String) throws {
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + done, $0.count - done) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw TMError(.cannotWrite(reason: systemErrorMessage()), path: path) }
            done += count
        }
    }

    /// Copies `range` of this file to the end of `target`, in 1 MiB blocks.
    func copy(to target: FileDescriptor, range: Range<UInt64>, path: String, destination: String) throws {
        var offset = range.lowerBound
        while offset < range.upperBound {
            let block = try read(range: offset..<min(range.upperBound, offset + 1 << 20), path: path)
            try target.write(block, path: destination)
            offset += UInt64(block.count)
        }
    }

    func close(path: String) throws {
        isOpen = false
        guard Glibc.close(descriptor) == 0 else { throw TMError(.cannotWrite(reason: systemErrorMessage()), path: path) }
    }
}
