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
        let separator = separator.unicodeScalars.first!
        let quoting = separator == ","
        var rows: [(Int, [String])] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var atFieldStart = true
        var line = 1
        var rowLine = 1
        var iterator = text.unicodeScalars.makeIterator()
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
                rows.append((rowLine, fields))
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
            rows.append((rowLine, fields))
        }
        return rows
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
