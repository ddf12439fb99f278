import Foundation

/// Where each `<tu>` of a TMX file lies in its bytes, so that units can be taken out with every
/// other byte kept (undo, remove). The XML reader cannot say: libxml2 knows a node's line but not
/// its byte offset. A byte scan of the markup (comments, CDATA, processing instructions, the
/// DOCTYPE and quoted attribute values passed over), in the file's own encoding, finds the units
/// the reader reads, in the same order: a `<tu>` once `<body>` has started, not inside an element
/// the reader skips. Callers check the scan against the reader (count and lines) before cutting.
struct TMXUnitLayout {
    /// A `<tu>` element from its `<` to the end of `</tu>` (or of `<tu/>`), and its line.
    struct Span: Hashable {
        var bytes: Range<Int>
        var line: Int
    }

    var units: [Span] = []
    /// The `<body>` start tag, and the `</body>` end tag (nil for `<body/>`).
    var bodyOpen: Range<Int>?
    var bodyClose: Range<Int>?

    /// Scans a whole file. Pages already scanned are given back as the scan goes (a 2 GB file
    /// is never resident at once).
    ///
    /// - Complexity: O(size of the file), one pass.
    static func scan(_ file: MappedFile, encoding: XMLFileEncoding) -> TMXUnitLayout {
        var hashed = (count: 0, digest: UInt64(0))
        return scan(file, range: 0..<file.bytes.count, encoding: encoding, insideBody: false, countingLines: true, hashed: &hashed)
    }

    /// The number of units and their `digest`, in the units `TMXAppender` inserted (`range`) or
    /// in a whole file `tm` just wrote; without counting lines, each unit hashed as it closes.
    static func digestOfWritten(_ file: MappedFile, range: Range<Int>?, encoding: XMLFileEncoding) -> (count: Int, digest: UInt64) {
        var hashed = (count: 0, digest: UInt64(0))
        _ = scan(file, range: range ?? 0..<file.bytes.count, encoding: encoding, insideBody: range != nil, countingLines: false,
                 hashed: &hashed)
        return hashed
    }

    /// Hands each unit's byte range to `body` as the scan finds it, keeping none (lines are not
    /// counted: 0): what the lookup index records as each unit's locator, in memory bounded by
    /// one unit whatever the file's size.
    static func forEachUnit(_ file: MappedFile, encoding: XMLFileEncoding, _ body: @escaping (Range<Int>) -> Void) {
        var hashed = (count: 0, digest: UInt64(0))
        _ = scan(file, range: 0..<file.bytes.count, encoding: encoding, insideBody: false, countingLines: false,
                 hashed: &hashed, visit: body)
    }

    private static func scan(_ file: MappedFile, range: Range<Int>, encoding: XMLFileEncoding, insideBody: Bool,
                             countingLines: Bool, hashed: inout (count: Int, digest: UInt64),
                             visit: ((Range<Int>) -> Void)? = nil) -> TMXUnitLayout {
        guard !range.isEmpty, let base = file.bytes.baseAddress else { return TMXUnitLayout() }
        func run<Units: CodeUnits>(_: Units.Type) -> TMXUnitLayout {
            var scanner = Scanner<Units>(base: base, position: range.lowerBound, end: range.upperBound, release: file.release)
            scanner.countsLines = countingLines
            scanner.hashes = !countingLines && visit == nil
            scanner.visit = visit
            let layout = scanner.run(insideBody: insideBody)
            hashed = (scanner.hashedUnits, scanner.digest)
            return layout
        }
        switch encoding.form {
        case .utf16LittleEndian: return run(LittleEndianUnits.self)
        case .utf16BigEndian: return run(BigEndianUnits.self)
        default: return run(ByteUnits.self)
        }
    }

    /// A unit's bytes with the blank layout before it (back to the previous markup or text), so
    /// that taking out a unit `TMXWriter` wrote also takes out the line break and indent it wrote.
    static func removalRange(of span: Span, in bytes: UnsafeRawBufferPointer, encoding: XMLFileEncoding) -> Range<Int> {
        var start = span.bytes.lowerBound
        let width = encoding.width
        while start >= width, encoding.isBlank(bytes, at: start - width) { start -= width }
        return start..<span.bytes.upperBound
    }

    /// A checksum of each unit's bytes, summed: it does not depend on the units' order, and one
    /// unit taken out is one term subtracted.
    static func digest(of spans: [Span], in bytes: UnsafeRawBufferPointer) -> UInt64 {
        spans.reduce(UInt64(0)) { $0 &+ checksum(UnsafeRawBufferPointer(rebasing: bytes[$1.bytes])) }
    }

    private static func checksum(_ unit: UnsafeRawBufferPointer) -> UInt64 { IndexChecksum.of(unit, seed: 0x7475) }

    private enum Name { case tu, body, other }

    /// How code units are read: markup is ASCII in every encoding tm appends to, one byte wide in
    /// UTF-8 and the byte encodings, two in UTF-16. A type each, so the scan is compiled per width.
    private protocol CodeUnits {
        static var width: Int { get }
        static func unit(_ base: UnsafeRawPointer, _ index: Int) -> UInt16
    }

    private enum ByteUnits: CodeUnits {
        static var width: Int { 1 }
        @inline(__always) static func unit(_ base: UnsafeRawPointer, _ index: Int) -> UInt16 {
            UInt16(base.load(fromByteOffset: index, as: UInt8.self))
        }
    }

    private enum LittleEndianUnits: CodeUnits {
        static var width: Int { 2 }
        @inline(__always) static func unit(_ base: UnsafeRawPointer, _ index: Int) -> UInt16 {
            UInt16(base.load(fromByteOffset: index, as: UInt8.self)) | UInt16(base.load(fromByteOffset: index + 1, as: UInt8.self)) << 8
        }
    }

    private enum BigEndianUnits: CodeUnits {
        static var width: Int { 2 }
        @inline(__always) static func unit(_ base: UnsafeRawPointer, _ index: Int) -> UInt16 {
            UInt16(base.load(fromByteOffset: index, as: UInt8.self)) << 8 | UInt16(base.load(fromByteOffset: index + 1, as: UInt8.self))
        }
    }

    private struct Scanner<Units: CodeUnits> {
        let base: UnsafeRawPointer
        var position: Int
        let end: Int
        var line = 1
        /// Without lines, one-byte text between tags is passed over with `memchr`.
        var countsLines = true
        /// Units are hashed as they close, while their bytes are still resident.
        var hashes = false
        var hashedUnits = 0
        var digest: UInt64 = 0
        /// Gives back the pages before an offset the scan will not look at again.
        let release: (Int) -> Void
        private var nextRelease = 0

        init(base: UnsafeRawPointer, position: Int, end: Int, release: @escaping (Int) -> Void) {
            self.base = base
            self.position = position
            self.end = end
            self.release = release
            nextRelease = position + MappedFile.releaseStep
        }

        /// Called with each unit instead of keeping it (`forEachUnit`).
        var visit: ((Range<Int>) -> Void)?

        mutating func closeUnit(_ bytes: Range<Int>, line: Int, in layout: inout TMXUnitLayout) {
            if let visit {
                visit(bytes)
            } else if hashes {
                hashedUnits += 1
                digest &+= TMXUnitLayout.checksum(UnsafeRawBufferPointer(start: base + bytes.lowerBound, count: bytes.count))
            } else {
                layout.units.append(Span(bytes: bytes, line: line))
            }
        }

        @inline(__always) func unit(at index: Int) -> UInt16 { Units.unit(base, index) }

        var atEnd: Bool { position + Units.width > end }

        /// One code unit on, counting line breaks as libxml2 does (CR LF, LF, a lone CR).
        @inline(__always) mutating func advance() {
            let current = unit(at: position)
            if current <= 0x0D {
                if current == 0x0A {
                    line += 1
                } else if current == 0x0D {
                    let next = position + Units.width
                    if next + Units.width > end || unit(at: next) != 0x0A { line += 1 }
                }
            }
            position += Units.width
        }

        func looksAt(_ ascii: StaticString) -> Bool {
            var index = position
            for offset in 0..<ascii.utf8CodeUnitCount {
                guard index + Units.width <= end, unit(at: index) == UInt16(ascii.utf8Start[offset]) else { return false }
                index += Units.width
            }
            return true
        }

        /// Moves past the next `ascii`, or to the end.
        mutating func skip(past ascii: StaticString) {
            let first = UInt16(ascii.utf8Start[0])
            while !atEnd {
                if unit(at: position) == first, looksAt(ascii) {
                    for _ in 0..<ascii.utf8CodeUnitCount { advance() }
                    return
                }
                advance()
            }
        }

        /// Reads a tag's name from the current position.
        mutating func readName() -> Name {
            var packed: UInt64 = 0
            var length = 0
            while !atEnd {
                let current = unit(at: position)
                if current == 0x20 || current == 0x09 || current == 0x0A || current == 0x0D || current == 0x2F || current == 0x3E { break }
                if length < 5 { packed = packed << 16 | UInt64(current) }
                length += 1
                advance()
            }
            if length == 2 && packed == 0x0074_0075 { return .tu }
            if length == 4 && packed == 0x0062_006F_0064_0079 { return .body }
            return .other
        }

        /// Moves past the `>` of the tag, over quoted values; true when it was `/>`.
        mutating func finishTag() -> Bool {
            var previous: UInt16 = 0
            while !atEnd {
                let current = unit(at: position)
                if current == 0x22 || current == 0x27 {
                    advance()
                    while !atEnd, unit(at: position) != current { advance() }
                } else if current == 0x3E {
                    advance()
                    return previous == 0x2F
                }
                previous = current
                advance()
            }
            return false
        }

        /// Moves past a `<!DOCTYPE …>` or other declaration, over its internal subset and quotes.
        mutating func skipDeclaration() {
            var brackets = 0
            while !atEnd {
                let current = unit(at: position)
                advance()
                switch current {
                case 0x22, 0x27: while !atEnd, unit(at: position) != current { advance() }; if !atEnd { advance() }
                case 0x5B: brackets += 1
                case 0x5D: brackets -= 1
                case 0x3E where brackets <= 0: return
                default: break
                }
            }
        }

        mutating func run(insideBody: Bool) -> TMXUnitLayout {
            var layout = TMXUnitLayout()
            var depth = insideBody ? 2 : 0
            var bodyStarted = insideBody
            var skippingTo: Int?
            var openUnit: (start: Int, line: Int, depth: Int)?
            while !atEnd {
                if position >= nextRelease {
                    release(min(position, openUnit?.start ?? position))
                    nextRelease = position + MappedFile.releaseStep
                }
                guard unit(at: position) == 0x3C else {
                    if !countsLines && Units.width == 1 {
                        let next = memchr(base + position, 0x3C, end - position)
                        position = next.map { UnsafeRawPointer($0) - base } ?? end
                    } else {
                        advance()
                    }
                    continue
                }
                let start = position
                let startLine = countsLines ? line : 0
                advance()
                if !atEnd {
                    switch unit(at: position) {
                    case 0x21: // <!
                        position = start
                        if looksAt("<!--") { skip(past: "-->") } else if looksAt("<![CDATA[") { skip(past: "]]>") } else { skipDeclaration() }
                        continue
                    case 0x3F: // <?
                        skip(past: "?>")
                        continue
                    default: break
                    }
                }
                if !atEnd, unit(at: position) == 0x2F {
                    advance()
                    let name = readName()
                    _ = finishTag()
                    depth -= 1
                    if let level = skippingTo {
                        if depth == level { skippingTo = nil }
                    } else if let open = openUnit {
                        if depth == open.depth {
                            closeUnit(open.start..<position, line: open.line, in: &layout)
                            openUnit = nil
                        }
                    } else if bodyStarted, name == .body, depth == 1, layout.bodyClose == nil {
                        layout.bodyClose = start..<position
                    }
                    continue
                }
                let name = readName()
                let empty = finishTag()
                let level = depth
                if !empty { depth += 1 }
                guard skippingTo == nil, openUnit == nil else { continue }
                if !bodyStarted {
                    if level == 1 && name == .body {
                        bodyStarted = true
                        layout.bodyOpen = start..<position
                        if empty { return layout } // the reader reads no unit after `<body/>`
                    } else if level >= 1 && !empty {
                        skippingTo = level
                    }
                } else if name == .tu {
                    if empty {
                        closeUnit(start..<position, line: startLine, in: &layout)
                    } else {
                        openUnit = (start, startLine, level)
                    }
                } else if level >= 2 && !empty {
                    skippingTo = level
                }
            }
            return layout
        }
    }
}
