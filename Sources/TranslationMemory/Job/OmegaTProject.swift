import Foundation

/// Writes a job as an OmegaT project that opens with the exact matches inserted: `omegat.project`,
/// the articles in `source/`, the exact matches in `tm/auto/` (OmegaT inserts those), the fuzzy
/// ones in `tm/`, the glossary terms of the articles in `glossary/`, and tm's segmentation rules
/// in `omegat/segmentation.conf` (the form OmegaT 3.x reads; `segmentation.srx` beside it for
/// later versions), with a break after each article's dateline so OmegaT cuts as tm does.
public enum OmegaTProject {
    /// The language codes written into the project and its TMX files.
    static let sourceLanguage = "id-ID", targetLanguage = "en-US"

    /// What was written, for the command's summary.
    public struct Summary: Sendable, Hashable {
        public var exact: Int
        public var fuzzy: Int
        public var terms: Int
    }

    /// Writes the project into `folder`, which must not exist or be empty. Fuzzy matches below
    /// `minimum` are left out.
    public static func write(_ job: TranslationJob, to folder: String, minimum: Double,
                             rules: SegmenterRules) throws -> Summary {
        let manager = FileManager.default
        if let contents = try? manager.contentsOfDirectory(atPath: folder), !contents.isEmpty {
            throw TMError(.invalidContent(reason: "the folder is not empty; give a new or empty folder for the OmegaT project"), path: folder)
        }
        for sub in ["source", "target", "tm/auto", "glossary", "dictionary", "omegat"] {
            do {
                try manager.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
            } catch {
                throw TMError(.cannotWrite(reason: error.localizedDescription), path: folder + "/" + sub)
            }
        }
        try AtomicFile.write(Data(projectFile.utf8), to: folder + "/omegat.project")
        var names = Set<String>()
        for file in job.files {
            try AtomicFile.write(Data(file.text.utf8), to: folder + "/source/" + sourceName(file.path, taken: &names))
        }

        var exact: [String: JobMatch] = [:], fuzzy: [String: JobMatch] = [:]
        var exactOrder: [String] = [], fuzzyOrder: [String] = []
        var terms: [String: (String, String)] = [:]
        var termOrder: [String] = []
        for segment in job.segments where segment.repetitionOf == nil {
            for match in [segment.best].compactMap({ $0 }) + segment.otherMatches where Double(match.score) >= minimum {
                if match.score == 100 {
                    if exact.updateValue(match, forKey: segment.source) == nil { exactOrder.append(segment.source) }
                } else {
                    let key = match.source + "\u{0}" + match.storedTarget
                    if fuzzy.updateValue(match, forKey: key) == nil { fuzzyOrder.append(key) }
                }
            }
            for term in segment.glossary {
                let key = term.source + "\u{0}" + term.target
                if terms.updateValue((term.source, term.target), forKey: key) == nil {
                    termOrder.append(key)
                }
                if let note = term.note { terms[key] = (term.source, term.target + "\t" + note) }
            }
        }
        try writeTMX(exactOrder.map { ($0, exact[$0]!.target, exact[$0]!) }, to: folder + "/tm/auto/tm-exact.tmx")
        try writeTMX(fuzzyOrder.map { (fuzzy[$0]!.source, fuzzy[$0]!.storedTarget, fuzzy[$0]!) }, to: folder + "/tm/tm-fuzzy.tmx")
        let glossary = termOrder.map { key -> String in
            let (source, target) = terms[key]!
            return tsv(source) + "\t" + target.split(separator: "\t", omittingEmptySubsequences: false).map { tsv(String($0)) }.joined(separator: "\t")
        }
        try AtomicFile.write(Data(glossary.map { $0 + "\n" }.joined().utf8), to: folder + "/glossary/tm-terms.txt")

        var srxRules = SegmenterSRX.rules(for: .indonesian, from: rules)
        srxRules.insert(contentsOf: jobRules(job), at: 0)
        try writeSegmentationConf(srxRules, to: folder + "/omegat/segmentation.conf")
        try SegmenterSRX.export(to: folder + "/omegat/segmentation.srx", rules: [.indonesian: rules])
        return Summary(exact: exactOrder.count, fuzzy: fuzzyOrder.count, terms: termOrder.count)
    }

    /// A break after each article's dateline (`JAKARTA (ANTARA) -`), where tm's segmenter cuts it
    /// off the first sentence, and before each credit line, which OmegaT would otherwise join to
    /// the line above (its text filter makes paragraphs of blank-line blocks).
    static func jobRules(_ job: TranslationJob) -> [SRXSegmentationRule] {
        var seen = Set<String>()
        return job.segments.filter { ($0.kind == .dateline || $0.kind == .credit) && seen.insert($0.kind.rawValue + $0.source).inserted }.map {
            let text = NSRegularExpression.escapedPattern(for: $0.source)
            return $0.kind == .dateline ? SRXSegmentationRule(isBreak: true, before: "^\\s*" + text, after: "\\s")
                : SRXSegmentationRule(isBreak: true, before: "\\n", after: "[ \\t]*" + text)
        }
    }

    /// OmegaT's text filter takes `.txt` (and `.utf8`); other names get `.txt` added.
    static func sourceName(_ path: String, taken: inout Set<String>) -> String {
        var name = URL(fileURLWithPath: path).lastPathComponent
        if !name.hasSuffix(".txt") && !name.hasSuffix(".utf8") { name += ".txt" }
        var candidate = name
        var number = 2
        while !taken.insert(candidate).inserted {
            candidate = "\(number)-\(name)"
            number += 1
        }
        return candidate
    }

    private static func tsv(_ text: String) -> String {
        text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    private static func writeTMX(_ pairs: [(String, String, JobMatch)], to path: String) throws {
        try AtomicFile.write(to: path) { temporary in
            let writer = try TMXWriter(path: temporary, header: TMXWriter.standardHeader(sourceLanguage: sourceLanguage), level: .plainText)
            for (source, target, match) in pairs {
                var properties = [Property(type: "x-tm-origin", value: "\(match.origin):\(match.provenance.line)"),
                                  Property(type: "x-tm-score", value: String(match.score))]
                if let creator = match.provenance.creationID { properties.append(Property(type: "x-tm-creationid", value: creator)) }
                try writer.write(TranslationUnit(properties: properties, variants: [
                    Variant(language: sourceLanguage, segment: Segment(text: source)),
                    Variant(language: targetLanguage, segment: Segment(text: target)),
                ]))
            }
            try writer.finish()
        }
    }

    static let projectFile = """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <omegat>
          <project version="1.0">
            <source_dir>__DEFAULT__</source_dir>
            <source_dir_excludes>
              <mask>**/.svn/**</mask>
              <mask>**/CVS/**</mask>
              <mask>**/.cvs/**</mask>
              <mask>**/desktop.ini</mask>
              <mask>**/Thumbs.db</mask>
              <mask>**/.DS_Store</mask>
            </source_dir_excludes>
            <target_dir>__DEFAULT__</target_dir>
            <tm_dir>__DEFAULT__</tm_dir>
            <glossary_dir>__DEFAULT__</glossary_dir>
            <glossary_file>__DEFAULT__</glossary_file>
            <dictionary_dir>__DEFAULT__</dictionary_dir>
            <source_lang>\(sourceLanguage)</source_lang>
            <target_lang>\(targetLanguage)</target_lang>
            <sentence_seg>true</sentence_seg>
            <support_default_translations>true</support_default_translations>
            <remove_tags>false</remove_tags>
          </project>
        </omegat>

        """

    /// OmegaT 3.x keeps a project's segmentation in `omegat/segmentation.conf`, a
    /// `java.beans.XMLEncoder` file of its `SRX` class (version 0.2.2, so that OmegaT adds none of
    /// its own rules).
    static func writeSegmentationConf(_ rules: [SRXSegmentationRule], to path: String) throws {
        try AtomicFile.write(to: path) { temporary in
            let xml = try XMLStreamWriter(path: temporary)
            /// Opens `<name key="value">` on a new line indented by `depth` spaces.
            func open(_ name: String, _ key: String, _ value: String, _ depth: Int) throws {
                try xml.layout("\n" + String(repeating: " ", count: depth))
                try xml.startElement(name)
                try xml.attribute(key, value)
            }
            func close(_ depth: Int) throws {
                try xml.layout("\n" + String(repeating: " ", count: depth))
                try xml.endElement()
            }
            func property(_ name: String, _ type: String, _ value: String, _ depth: Int) throws {
                try open("void", "property", name, depth)
                try xml.element(type, text: value)
                try xml.endElement()
            }
            try xml.startDocument()
            try xml.startElement("java")
            try xml.attribute("version", "1.8.0")
            try xml.attribute("class", "java.beans.XMLDecoder")
            try open("object", "class", "org.omegat.core.segmentation.SRX", 1)
            try open("void", "property", "mappingRules", 2)
            try open("void", "method", "add", 3)
            try open("object", "class", "org.omegat.core.segmentation.MapRule", 4)
            try property("language", "string", "Indonesian (tm news)", 5)
            try property("pattern", "string", "(?i)(id|in)([-_].*)?", 5)
            try open("void", "property", "rules", 5)
            try open("object", "class", "java.util.ArrayList", 6)
            for rule in rules {
                try open("void", "method", "add", 7)
                try open("object", "class", "org.omegat.core.segmentation.Rule", 8)
                try property("afterbreak", "string", rule.after, 9)
                try property("beforebreak", "string", rule.before, 9)
                try property("breakRule", "boolean", rule.isBreak ? "true" : "false", 9)
                try close(8)
                try close(7)
            }
            for depth in [6, 5, 4, 3, 2] { try close(depth) }
            try property("version", "string", "0.2.2", 2)
            try close(1)
            try close(0)
            try xml.layout("\n")
            try xml.endDocument()
        }
    }
}

/// The English draft of an article: each segment with a match at or above the threshold
/// replaced by the match's target (fuzzy ones marked `[87%]`), the rest left in Indonesian and
/// marked `[ID]`; credit lines as they are.
public enum JobDraft {
    public static func render(_ file: JobFile, minimum: Double) -> String {
        var scalars = Array(file.text.unicodeScalars)
        for segment in file.segments.reversed() where segment.kind != .credit {
            let replacement: String
            if let best = segment.best, Double(best.score) >= minimum {
                replacement = best.score == 100 ? best.target : "[\(best.score)%] " + best.target
            } else {
                replacement = "[ID] " + segment.source
            }
            scalars.replaceSubrange(segment.start..<segment.end, with: replacement.unicodeScalars)
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
