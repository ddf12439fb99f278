import Foundation

/// The rules of tab- and comma-separated text, read and written, in one place: rows as people save
/// them from spreadsheets and CAT tools (RFC 4180 quoting for CSV; none for TSV, where a field
/// cannot hold a tab or a line break), and fields written so that they read back.
public enum DelimitedText {
    /// Rows of fields with the line each row starts on. Read scalar by scalar, as `tsvField` and
    /// `csvField` write, so a combining mark after a comma or quote does not hide it. A quote
    /// opens a quoted field only at the start of a CSV field; line ends are LF (`TextDecoding`
    /// turns CRLF and CR into LF).
    ///
    /// - Complexity: O(n) in the length of the text.
    public static func rows(of text: String, separator: Character, path: String) throws -> [(line: Int, fields: [String])] {
        precondition(separator.unicodeScalars.count == 1, "a separator is one scalar")
        var rows: [(Int, [String])] = []
        var iterator = text.unicodeScalars.makeIterator()
        try forEachRow(&iterator, separator: separator.unicodeScalars.first!, path: path) { rows.append(($0, $1)) }
        return rows
    }

    /// The rows of a file, one at a time, without holding the file or its rows: UTF-8 (the
    /// common case: no NUL, no UTF-16 mark) is decoded straight from the mapped bytes, which are
    /// given back as the read goes (CRLF and CR read as LF, as `TextDecoding` does); any other
    /// file is decoded whole by `TextDecoding`, which also says where a bad byte is. The
    /// separator is `separator(for:text:)` of the file's start.
    ///
    /// - Complexity: O(n) time; memory O(longest row) for UTF-8 files.
    public static func forEachRow(ofFile path: String, _ body: (Int, [String]) throws -> Void) throws {
        let file: MappedFile
        do {
            file = try MappedFile(path: path)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a regular file" : "no such file"
            throw TMError(.cannotRead(reason: reason), path: path)
        }
        let bytes = file.bytes
        let streamable = bytes.count > 0
            && !(bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            && isValidUTF8WithoutNUL(bytes, release: file.release)
        guard streamable else {
            let text = try TextDecoding.readFile(path)
            let separator = separator(for: path, text: text)
            var iterator = text.unicodeScalars.makeIterator()
            try forEachRow(&iterator, separator: separator.unicodeScalars.first!, path: path, body)
            return
        }
        let skip = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        let head = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[skip..<min(bytes.count, skip + 16_384)]), as: UTF8.self)
        let separator = separator(for: path, text: head)
        var iterator = MappedScalars(bytes: bytes, position: skip, release: file.release)
        try forEachRow(&iterator, separator: separator.unicodeScalars.first!, path: path, body)
        withExtendedLifetime(file) {}
    }

    /// True when `bytes` are valid UTF-8 without a NUL (checked in one pass, the pages given
    /// back behind it, so a file larger than memory is never resident).
    static func isValidUTF8WithoutNUL(_ bytes: UnsafeRawBufferPointer, release: (Int) -> Void) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var consumed = 0
        var nextRelease = MappedFile.releaseStep
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value == 0 { return false }
                consumed += UTF8.width(scalar)
                if consumed >= nextRelease {
                    release(consumed)
                    nextRelease = consumed + MappedFile.releaseStep
                }
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// The scalars of mapped UTF-8 bytes (already validated), CRLF and CR as LF.
    struct MappedScalars: IteratorProtocol {
        let bytes: UnsafeRawBufferPointer
        var position: Int
        let release: (Int) -> Void
        var nextRelease = MappedFile.releaseStep

        init(bytes: UnsafeRawBufferPointer, position: Int, release: @escaping (Int) -> Void) {
            self.bytes = bytes
            self.position = position
            self.release = release
        }

        mutating func next() -> Unicode.Scalar? {
            guard position < bytes.count else { return nil }
            if position >= nextRelease {
                release(position)
                nextRelease = position + MappedFile.releaseStep
            }
            let lead = bytes[position]
            if lead < 0x80 {
                position += 1
                if lead == 0x0D {
                    if position < bytes.count && bytes[position] == 0x0A { position += 1 }
                    return "\n"
                }
                return Unicode.Scalar(lead)
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { value = value << 6 | UInt32(bytes[position + offset] & 0x3F) }
            position += length
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        }
    }

    /// The row parser: scalar by scalar, as `tsvField` and `csvField` write, so a combining mark
    /// after a comma or quote does not hide it. A quote opens a quoted field only at the start
    /// of a CSV field; line ends are LF.
    static func forEachRow<Scalars: IteratorProtocol>(_ iterator: inout Scalars, separator: Unicode.Scalar, path: String,
                                                       _ body: (Int, [String]) throws -> Void) throws where Scalars.Element == Unicode.Scalar {
        let quoting = separator == ","
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var atFieldStart = true
        var line = 1
        var rowLine = 1
        var pending: Unicode.Scalar? = nil
        func nextScalar() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let scalar = nextScalar() {
            if inQuotes {
                if scalar == "\"" {
                    if let following = nextScalar() {
                        if following == "\"" { field.append("\"") } else { inQuotes = false; pending = following }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where atFieldStart && quoting:
                inQuotes = true
                atFieldStart = false
            case separator:
                fields.append(String(field))
                field = String.UnicodeScalarView()
                atFieldStart = true
            case "\n":
                fields.append(String(field))
                try body(rowLine, fields)
                fields = []
                field = String.UnicodeScalarView()
                atFieldStart = true
                line += 1
                rowLine = line
            default:
                field.append(scalar)
                atFieldStart = false
            }
        }
        if inQuotes { throw TMError(.unterminatedQuote, path: path, line: rowLine) }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(String(field))
            try body(rowLine, fields)
        }
    }

    /// The rows of a TSV data file in OmegaT's glossary style, fields trimmed of spaces and tabs:
    /// lines that are blank or start with `#` (after white space) are comments and skipped.
    public static func commentedRows(of text: String, path: String) throws -> [(line: Int, fields: [String])] {
        try rows(of: text, separator: "\t", path: path).compactMap { row in
            let line = row.fields.joined(separator: "\t").trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { return nil }
            return (row.line, row.fields.map { $0.trimmingCharacters(in: .whitespaces) })
        }
    }

    /// Guesses the separator from the first lines: a tab if any line has one, else a comma.
    public static func separator(for path: String, text: String) -> Character {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") { return "," }
        if lower.hasSuffix(".tsv") || lower.hasSuffix(".txt") || lower.hasSuffix(".utf8") { return "\t" }
        return text.prefix(4096).contains("\t") ? "\t" : ","
    }

    /// True when `tsvField` keeps `text` as it is: it holds no tab, line feed or carriage return.
    public static func fitsTSVField(_ text: String) -> Bool {
        !text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
    }

    /// A text as one TSV field: each tab, line feed and carriage return becomes a space (scalar by
    /// scalar, so a CRLF pair becomes two), which keeps the row and the text's length.
    ///
    /// - Complexity: O(n) in the length of the text.
    public static func tsvField(_ text: String) -> String {
        guard !fitsTSVField(text) else { return text }
        var field = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            field.append(scalar == "\t" || scalar == "\n" || scalar == "\r" ? " " : scalar)
        }
        return String(field)
    }

    /// A list of terms as one field: items joined by `|`, each backslash, `|` and `;` in an item
    /// escaped with a backslash, so that `listItems` gives the items back.
    public static func listField(_ items: [String]) -> String {
        items.map { item in
            guard item.contains(where: { $0 == "\\" || $0 == "|" || $0 == ";" }) else { return item }
            var escaped = ""
            for character in item {
                if character == "\\" || character == "|" || character == ";" { escaped.append("\\") }
                escaped.append(character)
            }
            return escaped
        }.joined(separator: "|")
    }

    /// The items of a list field: split at each `|` or `;` not escaped by a backslash (files
    /// written by hand or by older tm use `;`), each trimmed, empty ones dropped. A backslash
    /// before any other character is kept as it is.
    public static func listItems(_ field: String) -> [String] {
        var items: [String] = []
        var item = ""
        var escaping = false
        for character in field {
            if escaping {
                if character != "\\" && character != "|" && character != ";" { item.append("\\") }
                item.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "|" || character == ";" {
                items.append(item)
                item = ""
            } else {
                item.append(character)
            }
        }
        if escaping { item.append("\\") }
        items.append(item)
        return items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A text as one CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a
    /// quote or a line break, or starts or ends with a space (which readers trim).
    public static func csvField(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) || text.utf8.first == 0x20 || text.utf8.last == 0x20 else {
            return text
        }
        var field = String.UnicodeScalarView(["\""])
        for scalar in text.unicodeScalars {
            field.append(scalar)
            if scalar == "\"" { field.append("\"") }
        }
        field.append("\"")
        return String(field)
    }
}
