import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Adds units to an existing TMX file and keeps every byte of what it held: its declaration,
/// DOCTYPE, header (with `ude`, `map`, a CAT tool's props and notes), units the reader passes
/// over, unknown elements, comments and layout. The new units go in just before `</body>`, in
/// the file's own encoding (UTF-8, UTF-16 LE/BE, or what its XML declaration names). The notes,
/// props and `ude`s of the units' own header that the file's header lacks go into it, before
/// `</header>`: the units' file said them, and an export must carry them on.
///
/// A rewrite from what the reader understood would silently drop whatever it does not model;
/// a translator's memory from another tool must come back as it went in.
enum TMXAppender {
    /// What an append wrote into the new file.
    struct Result {
        var units: Int
        /// The bytes of the new units in the new file.
        var inserted: Range<Int>
        /// The empty `<body/>` the units replaced, as written in the old file (nil when they went
        /// before `</body>`): taking the units out again must put it back.
        var emptyBody: String?
        /// The bytes added to the file's header, and those they replaced (an empty header's `/>`):
        /// taking the run back puts the header back too.
        var header: HeaderEdit?
    }

    /// A change to a file's header bytes, in the file's own encoding.
    struct HeaderEdit: Codable, Hashable {
        var added: Data
        var replaced: Data
    }

    /// Writes `temporary` as `path` with the units `body` emits inserted, and the items of
    /// `header` the file's header lacks added to it.
    ///
    /// - Complexity: O(size of the file) bytes copied, in blocks; memory O(1) besides the units.
    static func append(to path: String, temporary: String, level: TMXLevel = .markup, header: TMXHeader = TMXHeader(),
                       _ body: (_ emit: (TranslationUnit) throws -> Void) throws -> Void) throws -> Result {
        let source = try FileDescriptor(reading: path)
        let size = try source.size()
        let encoding = try source.textEncoding()
        let place = try insertionPoint(in: source, size: size, encoding: encoding, path: path)
        let target = try FileDescriptor(writing: temporary)

        var copied: UInt64 = 0
        var headerEdit: (added: Range<UInt64>, replaced: [UInt8])?
        let additions = try missingHeaderItems(header, path: path)
        if additions.notes.count + additions.properties.count + additions.userDefinedEncodings.count > 0,
           let spot = try headerPoint(in: source, size: size, encoding: encoding, path: path), spot.resumeAt <= place.prefixEnd {
            try source.copy(to: target, range: 0..<spot.insertAt, path: path, destination: temporary)
            let addedStart = try target.position(path: temporary)
            if spot.selfClosing { try target.write(encoding.encode(">"), path: temporary) }
            let xml = try XMLStreamWriter(appendingTo: target.descriptor, path: temporary, encoding: encoding.libxmlName)
            try TMXWriter(fragment: xml).writeHeaderItems(additions)
            try xml.endFragment()
            if spot.selfClosing { try target.write(encoding.encode("\n  </header>"), path: temporary) }
            let addedEnd = try target.position(path: temporary)
            headerEdit = (addedStart..<addedEnd, try source.read(range: spot.insertAt..<spot.resumeAt, path: path))
            copied = spot.resumeAt
        }
        try source.copy(to: target, range: copied..<place.prefixEnd, path: path, destination: temporary)
        if let open = place.openBody { try target.write(encoding.encode(open), path: temporary) }
        let start = try target.position(path: temporary)
        let xml = try XMLStreamWriter(appendingTo: target.descriptor, path: temporary, encoding: encoding.libxmlName)
        let writer = TMXWriter(fragment: xml, level: level)
        var written = 0
        try body { unit in
            try writer.write(unit)
            written += 1
        }
        try writer.finishFragment()
        let end = try target.position(path: temporary)
        if let close = place.closeBody { try target.write(encoding.encode(close), path: temporary) }
        try source.copy(to: target, range: place.suffixStart..<size, path: path, destination: temporary)
        try target.close(path: temporary)
        let header = try headerEdit.map { edit in
            HeaderEdit(added: Data(try FileDescriptor(reading: temporary).read(range: edit.added, path: temporary)),
                       replaced: Data(edit.replaced))
        }
        var emptyBody: String?
        if place.openBody != nil {
            let replaced = try source.read(range: place.prefixEnd..<place.suffixStart, path: path)
            emptyBody = encoding.decodeASCII(replaced)
        }
        return Result(units: written, inserted: Int(start)..<Int(end), emptyBody: emptyBody, header: header)
    }

    /// The notes, props and `ude`s of `header` that the file's own header does not hold, each once.
    private static func missingHeaderItems(_ header: TMXHeader, path: String) throws -> TMXHeader {
        if header.notes.isEmpty && header.properties.isEmpty && header.userDefinedEncodings.isEmpty { return TMXHeader() }
        let existing = try TMXReader(path: path).header
        let merged = TMXHeader.merging([header], into: existing)
        var additions = TMXHeader()
        additions.notes = Array(merged.notes.dropFirst(existing.notes.count))
        additions.properties = Array(merged.properties.dropFirst(existing.properties.count))
        additions.userDefinedEncodings = Array(merged.userDefinedEncodings.dropFirst(existing.userDefinedEncodings.count))
        return additions
    }

    /// Where header items go: after the last non-blank character before `</header>`, or in place
    /// of the `/>` of an empty `<header/>` (which becomes `<header …>` items `</header>`).
    private struct HeaderPoint {
        var insertAt: UInt64
        var resumeAt: UInt64
        var selfClosing: Bool
    }

    /// nil when the file has no `<header>` before `<body>` (TMX requires one; the reader does not).
    private static func headerPoint(in file: FileDescriptor, size: UInt64, encoding: XMLFileEncoding,
                                    path: String) throws -> HeaderPoint? {
        // The header is near the start: look at the head first, then further on.
        var window: UInt64 = 64 * 1024
        while true {
            let head = try file.read(range: 0..<min(size, window), path: path)
            if let found = scanForHeader(head, encoding: encoding) { return found }
            if window >= size { return nil }
            window *= 8
        }
    }

    /// Scans markup from the start of the file, over comments, processing instructions, CDATA,
    /// the DOCTYPE and quoted values, for the header. nil when `bytes` end before it is found.
    private static func scanForHeader(_ bytes: [UInt8], encoding: XMLFileEncoding) -> HeaderPoint?? {
        let width = encoding.width
        var index = 0
        func skip(past ascii: String) -> Bool {
            while index + width <= bytes.count {
                if encoding.matches(ascii, in: bytes, at: index) {
                    index += ascii.utf8.count * width
                    return true
                }
                index += width
            }
            return false
        }
        /// Moves past the `>` that ends a tag or declaration; the code unit before it, or nil.
        func finishTag() -> UInt16? {
            var brackets = 0
            var previous: UInt16 = 0
            while index + width <= bytes.count {
                let current = encoding.unit(bytes, at: index)
                index += width
                switch current {
                case 0x22, 0x27:
                    while index + width <= bytes.count, encoding.unit(bytes, at: index) != current { index += width }
                    index += width
                case 0x5B: brackets += 1
                case 0x5D: brackets -= 1
                case 0x3E where brackets <= 0: return previous
                default: break
                }
                previous = current
            }
            return nil
        }
        func isTag(_ name: String) -> Bool {
            let after = index + name.utf8.count * width
            guard encoding.matches(name, in: bytes, at: index), after + width <= bytes.count else { return false }
            return [0x20, 0x09, 0x0A, 0x0D, 0x2F, 0x3E].contains(encoding.unit(bytes, at: after))
        }
        var contentStart: Int?
        while index + width <= bytes.count {
            guard encoding.unit(bytes, at: index) == 0x3C else {
                index += width
                continue
            }
            let start = index
            if encoding.matches("<!--", in: bytes, at: index) {
                guard skip(past: "-->") else { return nil }
            } else if encoding.matches("<![CDATA[", in: bytes, at: index) {
                guard skip(past: "]]>") else { return nil }
            } else if encoding.matches("<?", in: bytes, at: index) {
                guard skip(past: "?>") else { return nil }
            } else if encoding.matches("<!", in: bytes, at: index) {
                guard finishTag() != nil else { return nil }
            } else if let open = contentStart {
                if isTag("</header") {
                    var end = start
                    while end - width >= open, encoding.isBlank(bytes, at: end - width) { end -= width }
                    return .some(HeaderPoint(insertAt: UInt64(end), resumeAt: UInt64(end), selfClosing: false))
                }
                index += width
            } else if isTag("<header") {
                guard let previous = finishTag() else { return nil }
                if previous == 0x2F {
                    return .some(HeaderPoint(insertAt: UInt64(index - 2 * width), resumeAt: UInt64(index), selfClosing: true))
                }
                contentStart = index
            } else if isTag("<body") {
                return .some(nil)
            } else {
                index += width
            }
        }
        return nil
    }

    /// Where the new units go: after the last non-blank character before the last `</body>` (so
    /// the file's own layout before `</body>` stays), or in place of an empty `<body/>`.
    private struct InsertionPoint {
        var prefixEnd: UInt64
        var suffixStart: UInt64
        var openBody: String?
        var closeBody: String?
    }

    private static func insertionPoint(in file: FileDescriptor, size: UInt64, encoding: XMLFileEncoding,
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
