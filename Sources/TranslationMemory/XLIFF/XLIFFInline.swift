import Foundation

/// Maps the memory's inline markup (TMX `bpt`/`ept`/`ph`/`it`/`ut`/`hi`/`sub`) to XLIFF 1.2's and
/// back, so a CAT tool's tags survive the trip memory → XLIFF → memory. XLIFF pairs `bpt`/`ept`
/// by `rid` (TMX by `i`) and wants an `id` on each code; TMX `type` is XLIFF `ctype`.
enum XLIFFInline {
    /// `ctype` values the strict schema lists for paired codes; any other type is written `x-TYPE`.
    private static let delimiterTypes: Set<String> = ["bold", "italic", "underline", "link"]
    /// `ctype` values the strict schema lists for `ph` and `x`.
    private static let placeholderTypes: Set<String> = ["image", "pb", "lb"]
    /// TMX's names for the schema's values where they differ.
    private static let tmxToXLIFF = ["ulined": "underline"]
    /// TMX's `assoc` (which text a placeholder belongs with) and XLIFF's words for it.
    private static let associations = ["p": "preceding", "f": "following", "b": "both"]
    /// `g` with this `ctype` carries TMX's `hi` (highlighted text of the segment).
    static let highlightType = "x-tmx-hi"

    // MARK: Memory → XLIFF

    /// The segment's content with XLIFF element names and attributes; ids number the codes from 1.
    static func toXLIFF(_ content: [InlineContent]) -> [InlineContent] {
        var next = 0
        return toXLIFF(content, next: &next, insideCode: false)
    }

    private static func toXLIFF(_ content: [InlineContent], next: inout Int, insideCode: Bool) -> [InlineContent] {
        content.map { piece in
            guard case .element(let element) = piece else { return piece }
            return .element(convert(element, next: &next, insideCode: insideCode))
        }
    }

    private static func convert(_ element: InlineElement, next: inout Int, insideCode: Bool) -> InlineElement {
        func value(_ name: String) -> String? { element.attributes.first { $0.name == name }?.value }
        func ctype(_ type: String?, allowed: Set<String>) -> [XMLAttribute] {
            guard let type, !type.isEmpty else { return [] }
            let mapped = tmxToXLIFF[type] ?? type
            if allowed.contains(mapped) || mapped.hasPrefix("x-") { return [XMLAttribute("ctype", mapped.contains(" ") ? "x-code" : mapped)] }
            return [XMLAttribute("ctype", "x-" + mapped.replacingOccurrences(of: " ", with: "-"))]
        }
        // A `sub` (text inside native code) keeps only its content: its attributes are TMX's.
        if element.name == "sub", insideCode {
            return InlineElement(name: "sub", attributes: ctype(value("type"), allowed: delimiterTypes),
                                 children: toXLIFF(element.children, next: &next, insideCode: false))
        }
        next += 1
        let id = XMLAttribute("id", String(next))
        let code = element.children.map { piece -> InlineContent in
            if case .element(let child) = piece, child.name == "sub" {
                return .element(convert(child, next: &next, insideCode: true))
            }
            if case .element(let child) = piece { return .text(nativeText(child)) }
            return piece
        }
        switch element.name {
        case "bpt", "ept":
            var attributes = [id]
            if let pair = value("i"), isNMToken(pair) { attributes.append(XMLAttribute("rid", pair)) }
            if element.name == "bpt" { attributes += ctype(value("type"), allowed: delimiterTypes) }
            return InlineElement(name: element.name, attributes: attributes, children: code)
        case "it":
            let position = value("pos") == "end" ? "close" : "open"
            return InlineElement(name: "it", attributes: [id, XMLAttribute("pos", position)] + ctype(value("type"), allowed: delimiterTypes), children: code)
        case "ph":
            var attributes = [id] + ctype(value("type"), allowed: placeholderTypes)
            if let assoc = value("assoc").flatMap({ associations[$0] }) { attributes.append(XMLAttribute("assoc", assoc)) }
            return InlineElement(name: "ph", attributes: attributes, children: code)
        case "ut":
            return InlineElement(name: "ph", attributes: [id, XMLAttribute("ctype", "x-tmx-ut")], children: code)
        case "hi":
            return InlineElement(name: "g", attributes: [id, XMLAttribute("ctype", highlightType)],
                                 children: toXLIFF(element.children, next: &next, insideCode: false))
        case _ where isXLIFFMarkup(element):
            // XLIFF's own markup, stored as it came from an XLIFF file: written back as it was.
            return InlineElement(name: element.name, attributes: element.attributes,
                                 children: toXLIFF(element.children, next: &next, insideCode: false))
        default:
            // Foreign markup (HTML's `<b>`): its tags become native code, its text stays text.
            if element.children.isEmpty {
                return InlineElement(name: "ph", attributes: [id, XMLAttribute("ctype", "x-" + element.name)], children: [.text(nativeText(element))])
            }
            return InlineElement(name: "g", attributes: [id, XMLAttribute("ctype", "x-" + element.name)],
                                 children: toXLIFF(element.children, next: &next, insideCode: false))
        }
    }

    /// `g`, `x`, `bx`, `ex` with an `id`, or `mrk` with an `mtype`: markup read from an XLIFF file.
    private static func isXLIFFMarkup(_ element: InlineElement) -> Bool {
        switch element.name {
        case "g", "x", "bx", "ex": return element.attributes.contains { $0.name == "id" }
        case "mrk": return element.attributes.contains { $0.name == "mtype" }
        default: return false
        }
    }

    /// An element inside native code that XLIFF cannot hold there, written out as its markup.
    private static func nativeText(_ element: InlineElement) -> String {
        let attributes = element.attributes.map { " \($0.name)=\"\($0.value)\"" }.joined()
        if element.children.isEmpty { return "<\(element.name)\(attributes)/>" }
        let inner = element.children.map { piece -> String in
            switch piece {
            case .text(let text): return text
            case .element(let child): return nativeText(child)
            }
        }.joined()
        return "<\(element.name)\(attributes)>\(inner)</\(element.name)>"
    }

    private static func isNMToken(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_.:".unicodeScalars.contains($0) }
    }

    // MARK: XLIFF → memory

    /// XLIFF inline content as the memory holds it: `bpt`/`ept`/`ph`/`it` with TMX's attributes;
    /// a segment marker (`mrk mtype="seg"`, as Okapi and Trados cut a target) gives its content;
    /// `g`, `x`, `bx`, `ex`, other `mrk`s are kept as they are (the TMX writer stores them as
    /// native code).
    static func fromXLIFF(_ content: [InlineContent]) -> [InlineContent] {
        var result: [InlineContent] = []
        for piece in content {
            guard case .element(let element) = piece else {
                appendJoiningText(piece, to: &result)
                continue
            }
            if element.name == "mrk", element.attributes.contains(XMLAttribute("mtype", "seg")) {
                for inner in fromXLIFF(element.children) { appendJoiningText(inner, to: &result) }
            } else {
                result.append(.element(back(element)))
            }
        }
        return result
    }

    /// Appends `piece`, joining text to text before it (one text node, as a reader gives it).
    private static func appendJoiningText(_ piece: InlineContent, to content: inout [InlineContent]) {
        if case .text(let text) = piece, case .text(let previous)? = content.last {
            content[content.count - 1] = .text(previous + text)
        } else {
            content.append(piece)
        }
    }

    private static func back(_ element: InlineElement) -> InlineElement {
        func value(_ name: String) -> String? { element.attributes.first { $0.name == name }?.value }
        func type() -> [XMLAttribute] {
            guard let ctype = value("ctype"), !ctype.isEmpty else { return [] }
            if let tmx = tmxToXLIFF.first(where: { $0.value == ctype })?.key { return [XMLAttribute("type", tmx)] }
            return [XMLAttribute("type", ctype.hasPrefix("x-") ? String(ctype.dropFirst(2)) : ctype)]
        }
        let children = fromXLIFF(element.children)
        switch element.name {
        case "bpt":
            return InlineElement(name: "bpt", attributes: [XMLAttribute("i", value("rid") ?? value("id") ?? "")] + type(), children: children)
        case "ept":
            return InlineElement(name: "ept", attributes: [XMLAttribute("i", value("rid") ?? value("id") ?? "")], children: children)
        case "it":
            return InlineElement(name: "it", attributes: [XMLAttribute("pos", value("pos") == "close" ? "end" : "begin")] + type(), children: children)
        case "ph":
            if value("ctype") == "x-tmx-ut" { return InlineElement(name: "ut", children: children) }
            var attributes = type()
            if let assoc = value("assoc"), let tmx = associations.first(where: { $0.value == assoc })?.key {
                attributes.append(XMLAttribute("assoc", tmx))
            }
            return InlineElement(name: "ph", attributes: attributes, children: children)
        case "g" where value("ctype") == highlightType:
            return InlineElement(name: "hi", children: children)
        case "sub":
            return InlineElement(name: "sub", attributes: type(), children: children)
        default:
            return InlineElement(name: element.name, attributes: element.attributes, children: children)
        }
    }
}
