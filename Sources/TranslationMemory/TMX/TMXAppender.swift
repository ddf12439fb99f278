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
    /// What an append wrote into the new file.
    struct Result {
        var units: Int
        /// The bytes of the new units in the new file.
        var inserted: Range<Int>
        /// The empty `<body/>` the units replaced, as written in the old file (nil when they went
        /// before `</body>`): taking the units out again must put it back.
        var emptyBody: String?
    }

    /// Writes `temporary` as `path` with the units `body` emits inserted.
    ///
    /// - Complexity: O(size of the file) bytes copied, in blocks; memory O(1) besides the units.
    static func append(to path: String, temporary: String, level: TMXLevel = .markup,
                       _ body: (_ emit: (TranslationUnit) throws -> Void) throws -> Void) throws -> Result {
        let source = try FileDescriptor(reading: path)
        let size = try source.size()
        let encoding = try source.textEncoding()
        let place = try insertionPoint(in: source, size: size, encoding: encoding, path: path)
        let target = try FileDescriptor(writing: temporary)

        try source.copy(to: target, range: 0..<place.prefixEnd, path: path, destination: temporary)
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
        var emptyBody: String?
        if place.openBody != nil {
            let replaced = try source.read(range: place.prefixEnd..<place.suffixStart, path: path)
            emptyBody = encoding.decodeASCII(replaced)
        }
        return Result(units: written, inserted: Int(start)..<Int(end), emptyBody: emptyBody)
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
