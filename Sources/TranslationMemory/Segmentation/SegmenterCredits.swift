import Foundation

/// Recognises the credit lines of a news article (ANTARA's foot and its English equivalents)
/// and pulls out the names they carry.
enum SegmenterCredits {
    /// Lower-cased labels, Indonesian and English (either may occur in either language's text).
    static let labels: [String: CreditKind] = [
        "sumber": .source, "source": .source, "sources": .source,
        "baca juga": .readAlso, "baca pula": .readAlso, "lihat juga": .readAlso, "simak juga": .readAlso,
        "berita terkait": .readAlso, "read also": .readAlso, "also read": .readAlso, "see also": .readAlso,
        "related news": .readAlso, "related": .readAlso, "read more": .readAlso,
        "penerjemah": .translator, "alih bahasa": .translator, "penerjemah/editor": .translator,
        "translator": .translator, "translated by": .translator, "translation": .translator,
        "pewarta": .reporter, "wartawan": .reporter, "penulis": .reporter, "reporter": .reporter,
        "reporters": .reporter, "reported by": .reporter, "reporting by": .reporter, "writer": .reporter,
        "written by": .reporter, "kontributor": .reporter, "contributor": .reporter,
        "editor": .editor, "editors": .editor, "redaktur": .editor, "penyunting": .editor,
        "edited by": .editor, "editing by": .editor, "redaktur pelaksana": .editor,
        "pewarta foto": .photographer, "fotografer": .photographer, "foto": .photographer,
        "photographer": .photographer, "photo": .photographer, "photo by": .photographer,
        "copyright": .copyright, "hak cipta": .copyright,
        "infografis": .other, "grafis": .other, "video": .other, "narasumber": .other,
    ]

    /// The credits on the line `p[a..<e]`, or nil when it is not a credit line.
    static func parse(_ p: SegmenterBytes.Buffer, _ a0: Int, _ e0: Int, line: Int, language: ArticleLanguage) -> [CreditLine]? {
        let a = SegmenterBytes.skipSpace(p, a0, e0)
        let e = SegmenterBytes.trimEnd(p, a, e0)
        guard e > a, e - a <= 400 else { return nil }
        // Cheap filter: a colon in the first 32 bytes, or a copyright sign / word at the start,
        // or Reuters' "(Reporting by …; Editing by …)".
        var colon = false
        var k = a
        while k < e && k - a < 32 { if p[k] == 0x3A { colon = true; break }; k += 1 }
        let b = p[a]
        let maybeCopyright = b == 0xC2 || b == 0x43 || b == 0x63 || b == 0x48 || b == 0x68 || b == 0x28
        guard colon || maybeCopyright else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: p[a..<e]), as: UTF8.self)
        if let copyright = parseCopyright(text, line: line) { return [copyright] }
        if text.hasPrefix("(") && text.hasSuffix(")") { return parseParenthesised(text, line: line) }
        guard colon, let colonIndex = text.firstIndex(of: ":") else { return nil }
        let label = text[..<colonIndex].trimmingCharacters(in: .whitespaces)
        let value = text[text.index(after: colonIndex)...].trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty, let kind = labels[label.lowercased()] else { return nil }
        // A credit names people or a source, briefly; a long sentence after "Sumber:" is body text.
        if kind != .readAlso && kind != .other && value.count > 120 { return nil }
        return [CreditLine(kind: kind, label: label, value: value, names: names(kind: kind, value), line: line)]
    }

    /// `Copyright © ANTARA 2023`, `COPYRIGHT © 2023 ANTARA`, `© ANTARA 2023`, `Hak Cipta © …`.
    static func parseCopyright(_ text: String, line: Int) -> CreditLine? {
        let lower = text.lowercased()
        var label: String
        var rest: Substring
        if lower.hasPrefix("copyright") {
            label = String(text.prefix(9)); rest = text.dropFirst(9)
        } else if lower.hasPrefix("hak cipta") {
            label = String(text.prefix(9)); rest = text.dropFirst(9)
        } else if text.hasPrefix("©") {
            label = "©"; rest = text.dropFirst(1)
        } else {
            return nil
        }
        var value = rest.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix(":") { value = value.dropFirst().trimmingCharacters(in: .whitespaces) }
        guard !value.isEmpty, value.count <= 120 else { return nil }
        if label != "©" && !(value.hasPrefix("©") || value.lowercased().hasPrefix("(c)")) {
            // "Copyright law says …" is a sentence, not a credit: require the sign or a short holder.
            if value.hasSuffix(".") || value.split(separator: " ").count > 6 { return nil }
        }
        var holder = value
        for sign in ["©", "(c)", "(C)"] { holder = holder.replacingOccurrences(of: sign, with: " ") }
        let words = holder.split(separator: " ").filter { word in
            !(word.count == 4 && word.allSatisfy(\.isNumber)) && !(word.contains("-") && word.allSatisfy { $0.isNumber || $0 == "-" })
        }
        var name = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,.;"))
        if name.lowercased().hasSuffix("all rights reserved") {
            name = String(name.dropLast("all rights reserved".count)).trimmingCharacters(in: CharacterSet(charactersIn: " ,.;"))
        }
        return CreditLine(kind: .copyright, label: label, value: value, names: name.isEmpty ? [] : [name], line: line)
    }

    /// `(Reporting by A and B; Editing by C)`.
    static func parseParenthesised(_ text: String, line: Int) -> [CreditLine]? {
        let inner = text.dropFirst().dropLast()
        var result: [CreditLine] = []
        for part in inner.split(separator: ";") {
            let piece = part.trimmingCharacters(in: .whitespaces)
            let lower = piece.lowercased()
            var matched = false
            for label in ["reporting by", "editing by", "writing by", "additional reporting by", "compiled by", "translated by"] where lower.hasPrefix(label) {
                let value = piece.dropFirst(label.count).trimmingCharacters(in: .whitespaces)
                guard !value.isEmpty else { continue }
                let kind: CreditKind = label.hasPrefix("editing") ? .editor : label.hasPrefix("translated") ? .translator : .reporter
                result.append(CreditLine(kind: kind, label: String(piece.prefix(label.count)), value: value,
                                         names: names(kind: kind, value), line: line))
                matched = true
                break
            }
            if !matched { return nil }
        }
        return result.isEmpty ? nil : result
    }

    /// The people or organisations named in a credit's value: split at `,` `;` `/` `&` and the
    /// words `dan` / `and`.
    static func names(kind: CreditKind, _ value: String) -> [String] {
        switch kind {
        case .readAlso, .other, .copyright: return []
        default: break
        }
        var parts = [value]
        for separator in [",", ";", "/", "&", " dan ", " and ", " serta "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " .\t")) }.filter { !$0.isEmpty }
    }
}

/// Recognises a news dateline at the start of the first body paragraph: `Shanghai (ANTARA) -`,
/// `JAKARTA, 5 Feb (Reuters) -`, `Nusa Dua, Bali (ANTARA) -`.
enum SegmenterDateline {
    private static let pattern = try! NSRegularExpression(pattern: """
        ^(\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|de|da|di|van|el|al|la|es))*)\
        (?:\\s*,\\s*([\\p{L}\\p{N}./ ]{0,30}?))?\
        \\s*(?:\\(([\\p{L}\\p{N} ./&-]{2,30})\\))?\
        \\s*[-–—]{1,2}\\s+
        """, options: [])

    /// The dateline and the byte offset where the first sentence starts, or nil.
    static func parse(_ p: SegmenterBytes.Buffer, _ a0: Int, _ e: Int) -> (Dateline, Int)? {
        let a = SegmenterBytes.skipSpace(p, a0, e)
        guard e - a > 4 else { return nil }
        // Cheap filter: a dash with a space before it in the first 120 bytes.
        var k = a
        let limit = min(e, a + 120)
        var found = false
        while k + 1 < limit {
            if p[k] == 0x20 && (p[k + 1] == 0x2D || p[k + 1] == 0xE2) { found = true; break }
            k += 1
        }
        guard found else { return nil }
        let headEnd = min(e, a + 160)
        var cut = headEnd
        while cut > a, cut < e, p[cut] & 0xC0 == 0x80 { cut -= 1 }
        let head = String(decoding: UnsafeBufferPointer(rebasing: p[a..<cut]), as: UTF8.self)
        let ns = head as NSString
        guard let match = pattern.firstMatch(in: head, range: NSRange(location: 0, length: ns.length)) else { return nil }
        func group(_ i: Int) -> String? {
            let r = match.range(at: i)
            guard r.location != NSNotFound else { return nil }
            let s = ns.substring(with: r).trimmingCharacters(in: .whitespaces)
            return s.isEmpty ? nil : s
        }
        guard let place = group(1) else { return nil }
        let agency = group(3)
        let date = group(2)
        let letters = place.filter(\.isLetter)
        let allCaps = letters.count >= 3 && letters.allSatisfy { $0.isUppercase }
        guard agency != nil || allCaps else { return nil }
        guard place.split(separator: " ").count <= 4 else { return nil }
        // The dash's own text, without the space after it.
        let whole = ns.substring(with: match.range)
        let datelineText = whole.trimmingCharacters(in: .whitespaces)
        let after = a + whole.utf8.count
        guard after < e else { return nil }
        return (Dateline(text: datelineText, place: place, agency: agency, date: date), after)
    }
}
