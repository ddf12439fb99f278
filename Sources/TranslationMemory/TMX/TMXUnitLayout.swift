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

    /// Scans a whole file.
    ///
    /// - Complexity: O(size of the file), one pass.
    static func scan(_ bytes: UnsafeRawBufferPointer, encoding: XMLFileEncoding) -> TMXUnitLayout {
        var scanner = Scanner(bytes: bytes, encoding: encoding, range: 0..<bytes.count)
        return scanner.run(insideBody: false)
    }

    /// Scans units written inside `<body>` (what `TMXAppender` inserted).
    static func scanFragment(_ bytes: UnsafeRawBufferPointer, range: Range<Int>, encoding: XMLFileEncoding) -> [Span] {
        var scanner = Scanner(bytes: bytes, encoding: encoding, range: range)
        return scanner.run(insideBody: true).units
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
        spans.reduce(UInt64(0)) { $0 &+ IndexChecksum.of(UnsafeRawBufferPointer(rebasing: bytes[$1.bytes]), seed: 0x7475) }
    }

    private enum Name { case tu, body, other }

    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        let encoding: XMLFileEncoding
        let width: Int
        let littleEndian: Bool
        var position: Int
        let end: Int
        var line = 1

        init(bytes: UnsafeRawBufferPointer, encoding: XMLFileEncoding, range: Range<Int>) {
            self.bytes = bytes
            self.encoding = encoding
            width = encoding.width
            if case .utf16LittleEndian = encoding.form { littleEndian = true } else { littleEndian = false }
            position = range.lowerBound
            end = range.upperBound
        }

        /// The code unit at `index` (a byte, or a UTF-16 unit); markup is ASCII in every encoding.
        @inline(__always) func unit(at index: Int) -> UInt16 {
            if width == 1 { return UInt16(bytes[index]) }
            return littleEndian ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                                : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
        }

        var atEnd: Bool { position + width > end }

        /// One code unit on, counting line breaks as libxml2 does (CR LF, LF, a lone CR).
        @inline(__always) mutating func advance() {
            let current = unit(at: position)
            if current == 0x0A {
                line += 1
            } else if current == 0x0D {
                let next = position + width
                if next + width > end || unit(at: next) != 0x0A { line += 1 }
            }
            position += width
        }

        func looksAt(_ ascii: String) -> Bool {
            var index = position
            for byte in ascii.utf8 {
                guard index + width <= end, unit(at: index) == UInt16(byte) else { return false }
                index += width
            }
            return true
        }

        /// Moves past the next `ascii`, or to the end.
        mutating func skip(past ascii: String) {
            let first = UInt16(ascii.utf8.first!)
            while !atEnd {
                if unit(at: position) == first, looksAt(ascii) {
                    for _ in ascii.utf8 { advance() }
                    return
                }
                advance()
            }
        }

        static func isNameEnd(_ unit: UInt16) -> Bool {
            unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D || unit == 0x2F || unit == 0x3E
        }

        /// Reads a tag's name from the current position.
        mutating func readName() -> Name {
            var letters: [UInt16] = []
            while !atEnd, !Scanner.isNameEnd(unit(at: position)) {
                if letters.count < 5 { letters.append(unit(at: position)) }
                advance()
            }
            if letters == [0x74, 0x75] { return .tu }
            if letters == [0x62, 0x6F, 0x64, 0x79] { return .body }
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
                guard unit(at: position) == 0x3C else { advance(); continue }
                let start = position
                let startLine = line
                if looksAt("<!--") { skip(past: "-->"); continue }
                if looksAt("<![CDATA[") { skip(past: "]]>"); continue }
                if looksAt("<?") { skip(past: "?>"); continue }
                if looksAt("<!") { skipDeclaration(); continue }
                advance()
                if !atEnd, unit(at: position) == 0x2F {
                    advance()
                    let name = readName()
                    _ = finishTag()
                    depth -= 1
                    if let level = skippingTo {
                        if depth == level { skippingTo = nil }
                    } else if let open = openUnit {
                        if depth == open.depth {
                            layout.units.append(Span(bytes: open.start..<position, line: open.line))
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
                        layout.units.append(Span(bytes: start..<position, line: startLine))
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
