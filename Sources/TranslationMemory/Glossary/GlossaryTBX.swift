import Foundation

/// TBX reading and writing through the project's libxml2 stream classes: TBX v2 (`<martif>`,
/// `termEntry/langSet/tig|ntig`, as OmegaT and translate-toolkit write it) and TBX-Basic v3
/// (ISO 30042:2019, `<tbx>`/`conceptEntry/langSec/termSec`, DCT or DCA style).
///
/// A file that declares entities is refused before parsing (no entity is ever expanded or
/// fetched; see `XMLStreamReader`), so an XXE or "billion laughs" file cannot leak or blow up.
public enum GlossaryTBX {
    public enum Version: Sendable {
        case martif2, basic3
    }

    /// One term of a concept as TBX holds it.
    struct Term {
        var text = ""
        var partOfSpeech: String?
        var status: String?
        var notes: [String] = []
        var isForbidden: Bool {
            guard let status = status?.lowercased() else { return false }
            return status.hasPrefix("deprecated") || status.hasPrefix("superseded") || status.hasPrefix("forbidden")
        }
        /// The status as tm records it; a missing or unknown one counts as `fallback`.
        func termStatus(or fallback: TermStatus) -> TermStatus {
            if let known = status.flatMap(TermStatus.init(name:)) { return known }
            guard isForbidden else { return fallback }
            return status!.lowercased().hasPrefix("superseded") ? .superseded : .deprecated
        }
    }

    /// The note tm writes beside TBX-Basic's `partOfSpeech` when the entry's own value is not one of
    /// its five (`proper noun` is written `noun` plus this note), so that the value reads back.
    static let partOfSpeechNotePrefix = "part of speech: "

    struct Concept {
        var line = 0
        var domain: String?
        var notes: [String] = []
        var terms: [(language: LanguageCode, term: Term)] = []
    }

    /// Which TBX version a file is, from its root element.
    public static func detectVersion(path: String) throws -> Version {
        try refuseEntityDeclarations(path: path)
        let reader = try openReader(path)
        do {
            while try reader.read() {
                if reader.kind == .startElement {
                    switch localName(reader.name) {
                    case "martif": return .martif2
                    case "tbx": return .basic3
                    default: throw TMError.notTBX(path: path, line: reader.line, reason: "the root element is <\(reader.name)>, expected <martif> or <tbx>")
                    }
                }
            }
        } catch let problem as TMError {
            throw problem
        }
        throw TMError.notTBX(path: path, line: 0, reason: "no root element")
    }

    private static func openReader(_ path: String) throws -> XMLStreamReader {
        do { return try XMLStreamReader(path: path) } catch let problem as TMError {
            throw problem.kind == .noSuchFile ? TMError(.noSuchGlossary, path: path) : problem
        }
    }

    /// Refuses a file whose prolog declares entities (`<!ENTITY …>` in the DOCTYPE's internal
    /// subset): TBX never needs them, and an external one is how XXE attacks start.
    static func refuseEntityDeclarations(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileManager.default.fileExists(atPath: path) ? TMError(.cannotRead(reason: systemErrorMessage()), path: path) : TMError(.noSuchGlossary, path: path)
        }
        defer { try? handle.close() }
        let head = handle.readData(ofLength: 65_536)
        if head.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw TMError.notTBX(path: path, line: 0, reason: "the file is empty")
        }
        // UTF-16 files: drop the zero bytes so the declaration is found either way.
        let bytes = head.count > 1 && (head[0] == 0xFF || head[0] == 0xFE || head[0] == 0 || head[1] == 0) ? head.filter { $0 != 0 } : head
        let text = String(decoding: bytes, as: UTF8.self)
        guard let doctype = text.range(of: "<!DOCTYPE") else { return }
        let rest = text[doctype.lowerBound...]
        if let entity = rest.range(of: "<!ENTITY") {
            let line = text[..<entity.lowerBound].filter { $0 == "\n" }.count + 1
            let external = rest[entity.lowerBound...].prefix(400).contains("SYSTEM") || rest[entity.lowerBound...].prefix(400).contains("PUBLIC")
            throw TMError.notTBX(path: path, line: line, reason: external
                ? "the document declares an external entity; tm never loads external entities (XXE) and refuses the file"
                : "the document declares entities; tm never expands entities and refuses the file")
        }
    }

    static func localName(_ qualified: String) -> String {
        if let colon = qualified.lastIndex(of: ":") { return String(qualified[qualified.index(after: colon)...]) }
        return qualified
    }

    /// Reads the Indonesian–English entries of a TBX file: one entry per Indonesian term of a
    /// concept; the concept's first preferred/admitted English term is the target, further ones
    /// alternatives, deprecated/superseded ones forbidden. Concepts without both languages are
    /// reported as skipped rows.
    ///
    /// - Complexity: O(size of the file), streaming; memory bounded by one concept.
    public static func read(path: String) throws -> Glossary {
        try refuseEntityDeclarations(path: path)
        let reader = try openReader(path)
        var glossary = Glossary()
        var defaultLanguage = LanguageCode("")
        var sawRoot = false
        var concept: Concept?
        var language = LanguageCode("")
        var term: Term?
        do {
            while try reader.read() {
                switch reader.kind {
                case .entityReference:
                    throw TMError.notTBX(path: path, line: reader.line, reason: "entity reference &\(reader.name); (entities are never expanded)")
                case .startElement:
                    let name = localName(reader.name)
                    if !sawRoot {
                        guard name == "martif" || name == "tbx" else {
                            throw TMError.notTBX(path: path, line: reader.line, reason: "the root element is <\(reader.name)>, expected <martif> or <tbx>")
                        }
                        sawRoot = true
                        defaultLanguage = LanguageCode(reader.attributes().first { $0.name == "xml:lang" }?.value ?? "")
                        continue
                    }
                    let attributes = reader.attributes()
                    let type = attributes.first { $0.name == "type" }?.value
                    switch name {
                    case "termEntry", "conceptEntry":
                        concept = Concept(line: reader.line)
                        if reader.isEmptyElement { concept = nil }
                    case "langSet", "langSec":
                        language = attributes.first { $0.name == "xml:lang" }.map { LanguageCode($0.value) } ?? defaultLanguage
                    case "tig", "ntig", "termSec":
                        term = Term()
                    case "term":
                        let text = try reader.readElementText().trimmingCharacters(in: .whitespacesAndNewlines)
                        if term != nil { term!.text = text } else if concept != nil {
                            concept!.terms.append((language, Term(text: text)))  // a bare <term> in a langSet
                        }
                    case "termNote", "partOfSpeech", "administrativeStatus", "normativeAuthorization":
                        let kind = name == "termNote" ? (type ?? "") : name
                        let value = try reader.readElementText().trimmingCharacters(in: .whitespacesAndNewlines)
                        // The note tm writes for a value outside TBX-Basic's list comes after, and wins.
                        if kind == "partOfSpeech", term?.partOfSpeech == nil { term?.partOfSpeech = value }
                        if kind == "administrativeStatus" || kind == "normativeAuthorization" { term?.status = value }
                    case "descrip", "subjectField", "definition":
                        let kind = name == "descrip" ? (type ?? "") : name
                        let value = try reader.readElementText().trimmingCharacters(in: .whitespacesAndNewlines)
                        if kind == "subjectField" { concept?.domain = value }
                        if kind == "definition", !value.isEmpty {
                            if term != nil { term!.notes.append(value) } else { concept?.notes.append(value) }
                        }
                    case "note":
                        let value = try reader.readElementText().trimmingCharacters(in: .whitespacesAndNewlines)
                        if value.isEmpty { break }
                        if term != nil, value.hasPrefix(partOfSpeechNotePrefix) {
                            term!.partOfSpeech = String(value.dropFirst(partOfSpeechNotePrefix.count))
                        } else if term != nil { term!.notes.append(value) } else { concept?.notes.append(value) }
                    default:
                        break
                    }
                case .endElement:
                    switch localName(reader.name) {
                    case "tig", "ntig", "termSec":
                        if let finished = term, !finished.text.isEmpty { concept?.terms.append((language, finished)) }
                        term = nil
                    case "termEntry", "conceptEntry":
                        if let finished = concept { entries(of: finished, path: path, into: &glossary) }
                        concept = nil
                    default: break
                    }
                default:
                    break
                }
            }
        } catch let problem as TMError {
            throw problem
        }
        guard sawRoot else { throw TMError.notTBX(path: path, line: 0, reason: "no root element") }
        return glossary
    }

    /// One entry per Indonesian term (whatever its status: a deprecated Indonesian term still
    /// needs its translation when a text uses it). The first English term marked preferred is the
    /// target (else the first one not forbidden), the other allowed ones alternatives in document
    /// order, the deprecated and superseded ones forbidden variants; each keeps its status (an
    /// unknown or missing one reads as the default of its place), and every term's note is kept.
    private static func entries(of concept: Concept, path: String, into glossary: inout Glossary) {
        let sources = concept.terms.filter { $0.language.matches(.indonesian) }.map(\.term)
        let english = concept.terms.filter { $0.language.matches(.english) }.map(\.term)
        let allowed = english.filter { !$0.isForbidden }
        let isPreferred = { (term: Term) in term.termStatus(or: .admitted) == .preferred }
        guard !sources.isEmpty, let targetIndex = allowed.firstIndex(where: isPreferred) ?? allowed.indices.first else {
            glossary.problems.append(GlossaryProblem(kind: .skippedRow, path: path, line: concept.line,
                                                     message: sources.isEmpty ? "concept has no Indonesian term" : "concept has no English term"))
            return
        }
        let target = allowed[targetIndex]
        var alternatives = allowed
        alternatives.remove(at: targetIndex)
        let forbidden = english.filter(\.isForbidden)
        for source in sources {
            let notes = concept.notes + source.notes + english.flatMap(\.notes)
            glossary.entries.append(GlossaryEntry(
                source: source.text, target: target.text,
                alternativeTargets: alternatives.map(\.text),
                forbiddenTargets: forbidden.map(\.text),
                note: notes.isEmpty ? nil : notes.joined(separator: " "),
                partOfSpeech: source.partOfSpeech ?? target.partOfSpeech,
                domain: concept.domain,
                sourceStatus: source.termStatus(or: .preferred),
                targetStatus: target.termStatus(or: .preferred),
                preferredAlternatives: alternatives.filter(isPreferred).map(\.text),
                supersededTargets: forbidden.filter { $0.termStatus(or: .deprecated) == .superseded }.map(\.text),
                origin: GlossaryEntryOrigin(path: path, line: concept.line)))
        }
    }

    /// TBX-Basic's part-of-speech values; anything else is written as `other`.
    static func basicPartOfSpeech(_ value: String) -> String {
        switch value.lowercased() {
        case "noun", "n", "kb", "nomina", "proper noun", "propernoun", "n-prop": return "noun"
        case "verb", "v", "kk", "verba": return "verb"
        case "adjective", "adj", "a", "ks", "adjektiva": return "adjective"
        case "adverb", "adv", "kket", "adverbia": return "adverb"
        default: return "other"
        }
    }

    /// Writes entries as TBX, atomically: each entry one concept with an Indonesian and an English
    /// language section; v3 is TBX-Basic DCT style and validates against the TBX core RNG.
    public static func write(_ entries: [GlossaryEntry], to path: String, version: Version) throws {
        if let odd = entries.first(where: { $0.targetStatus != .preferred && !$0.preferredAlternatives.isEmpty }) {
            throw TMError(.glossaryCannotHold(reason: "\(odd.source) → \(odd.target): " + GlossaryEntry.admittedTargetWithPreferredAlternative), path: path)
        }
        try AtomicFile.write(to: path) { temporary in
            let writer = try XMLStreamWriter(path: temporary)
            try writer.startDocument()
            switch version {
            case .martif2: try writeMartif(entries, writer)
            case .basic3: try writeBasic(entries, writer)
            }
            try writer.endDocument()
        }
    }

    private static func writeBasic(_ entries: [GlossaryEntry], _ w: XMLStreamWriter) throws {
        try w.startElement("tbx")
        try w.attribute("type", "TBX-Basic")
        try w.attribute("style", "dct")
        try w.attribute("xml:lang", "id")
        try w.attribute("xmlns", "urn:iso:std:iso:30042:ed-2")
        try w.attribute("xmlns:min", "http://www.tbxinfo.net/ns/min")
        try w.attribute("xmlns:basic", "http://www.tbxinfo.net/ns/basic")
        try w.layout("\n  ")
        try w.startElement("tbxHeader"); try w.startElement("fileDesc"); try w.startElement("sourceDesc")
        try w.element("p", text: "Indonesian–English glossary written by tm")
        try w.endElement(); try w.endElement(); try w.endElement()
        try w.layout("\n  ")
        try w.startElement("text"); try w.startElement("body")
        for (index, entry) in entries.enumerated() {
            try w.layout("\n    ")
            try w.startElement("conceptEntry")
            try w.attribute("id", "c\(index + 1)")
            if let domain = entry.domain, !domain.isEmpty { try w.element("min:subjectField", text: domain) }
            if let note = entry.note, !note.isEmpty { try w.element("note", text: note) }
            try writeLanguageSections(entry, w, v3: true)
            try w.endElement()
        }
        try w.layout("\n  ")
        try w.endElement(); try w.endElement()
        try w.layout("\n")
        try w.endElement()
        try w.layout("\n")
    }

    /// The Indonesian and English sections of one entry (`langSec` in v3, `langSet` in v2): the
    /// source and the target, then the English alternatives and forbidden variants, each with its
    /// administrative status.
    private static func writeLanguageSections(_ entry: GlossaryEntry, _ w: XMLStreamWriter, v3: Bool) throws {
        let section = v3 ? "langSec" : "langSet"
        try w.startElement(section); try w.attribute("xml:lang", "id")
        try writeTermSec(entry.source, pos: entry.partOfSpeech, status: entry.sourceStatus, w, v3: v3)
        try w.endElement()
        try w.startElement(section); try w.attribute("xml:lang", "en")
        try writeTermSec(entry.target, pos: entry.partOfSpeech, status: entry.targetStatus, w, v3: v3)
        for variant in entry.alternativeTargets + entry.forbiddenTargets {
            try writeTermSec(variant, pos: entry.partOfSpeech, status: entry.status(ofVariant: variant), w, v3: v3)
        }
        try w.endElement()
    }

    private static func writeTermSec(_ text: String, pos: String?, status: TermStatus, _ w: XMLStreamWriter, v3: Bool) throws {
        try w.startElement(v3 ? "termSec" : "tig")
        try w.element("term", text: text)
        if v3 {
            if let pos, !pos.isEmpty { try w.element("min:partOfSpeech", text: basicPartOfSpeech(pos)) }
            try w.element("min:administrativeStatus", text: status.tbxValue)
            if let pos, !pos.isEmpty, basicPartOfSpeech(pos) != pos { try w.element("note", text: partOfSpeechNotePrefix + pos) }
        } else {
            if let pos, !pos.isEmpty { try w.element("termNote", attributes: [XMLAttribute("type", "partOfSpeech")], text: pos) }
            try w.element("termNote", attributes: [XMLAttribute("type", "administrativeStatus")], text: status.tbxValue)
        }
        try w.endElement()
    }

    private static func writeMartif(_ entries: [GlossaryEntry], _ w: XMLStreamWriter) throws {
        try w.doctype(name: "martif", systemID: "TBXcoreStructV02.dtd")
        try w.startElement("martif")
        try w.attribute("type", "TBX")
        try w.attribute("xml:lang", "id")
        try w.layout("\n  ")
        try w.startElement("martifHeader"); try w.startElement("fileDesc"); try w.startElement("sourceDesc")
        try w.element("p", text: "Indonesian–English glossary written by tm")
        try w.endElement(); try w.endElement(); try w.endElement()
        try w.layout("\n  ")
        try w.startElement("text"); try w.startElement("body")
        for (index, entry) in entries.enumerated() {
            try w.layout("\n    ")
            try w.startElement("termEntry")
            try w.attribute("id", "e\(index + 1)")
            if let domain = entry.domain, !domain.isEmpty {
                try w.element("descrip", attributes: [XMLAttribute("type", "subjectField")], text: domain)
            }
            if let note = entry.note, !note.isEmpty { try w.element("note", text: note) }
            try writeLanguageSections(entry, w, v3: false)
            try w.endElement()
        }
        try w.layout("\n  ")
        try w.endElement(); try w.endElement()
        try w.layout("\n")
        try w.endElement()
        try w.layout("\n")
    }
}
