import ArgumentParser
import Foundation
import TranslationMemory

struct Lookup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Look a sentence or phrase up in the memory: fuzzy matches and concordance.",
        discussion: """
        Fuzzy score = 100 × (1 − d / max(m, n)) over words (d: word edit distance; m, n: word counts), \
        minus 1 point per number/month that differs (the target shows the query's value), per word \
        differing only in case (at most 2), for different punctuation, and for whitespace-only \
        differences; 100 only for the identical text. Queries of up to 8 words also get a concordance \
        (units containing the words in order). Glossary terms in the query are shown first (from \
        --glossary, $TM_GLOSSARY or Glossaries/). The index is kept in .tm-index/ next to the memory and \
        rebuilt for files that changed.
        """
    )

    @Argument(help: "The sentence or phrase to look up.")
    var query: String

    @OptionGroup var memory: MemoryOptions

    @OptionGroup var glossary: GlossaryOptions

    @Option(name: .customLong("min"), help: "The lowest fuzzy score shown, 1–100.")
    var minimum: Double = 50

    @Option(name: .customShort("n"), help: "How many fuzzy matches (and 2× as many concordance lines).")
    var limit: Int = 5

    @Option(name: .customLong("from"), help: ArgumentHelp("The query's language: id (Indonesian → English) or en.", valueName: "id|en"))
    var from: String = "id"

    @Flag(name: .customLong("target"), help: "Search the target side's concordance (the query is in the target language).")
    var target = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        guard !FuzzySegment(query).tokens.isEmpty else { throw ValidationError("the query has no words to look up") }
        guard minimum >= 1 && minimum <= 100 else { throw ValidationError("--min must be between 1 and 100") }
        guard limit >= 1 && limit <= 1000 else { throw ValidationError("-n must be between 1 and 1000") }
        guard side != nil else { throw ValidationError("--from must be id or en") }
    }

    var side: LookupSide? {
        switch LanguageCode(from).primary {
        case "id": return .indonesian
        case "en": return .english
        default: return nil
        }
    }

    func run() throws {
        let showProgress = Output.stderrIsTerminal && !json
        var lastDrawn = Date.distantPast
        let index = try LookupIndex(memory: memory.store) { progress in
            guard showProgress else { return }
            let now = Date()
            guard now.timeIntervalSince(lastDrawn) > 0.1 || progress.units == 0 else { return }
            lastDrawn = now
            LookupProgressBar.draw(progress)
        }
        if showProgress && !index.rebuilt.isEmpty { LookupProgressBar.clear() }
        for note in index.notes { Output.error("note: \(note)") }
        if !index.skipped.isEmpty { Output.reportSkipped(index.skipped) }

        let request = LookupRequest(query: query, minimum: minimum, limit: limit, from: side ?? .indonesian,
                                    searchTarget: target, concordanceLimit: limit * 2)
        let terms = try glossary.load(report: false)
        let matcher = try terms.entries.isEmpty ? nil : GlossaryMatcher(glossary: terms)
        let report = try LookupEngine.run(request, index: index, glossary: matcher)
        if json {
            try Output.printJSON(report)
        } else {
            LookupPrinter(colour: Output.useColour, searchTarget: target).print(report)
        }
    }
}

/// The progress bar on stderr while indexing (a terminal only).
enum LookupProgressBar {
    static func draw(_ progress: LookupIndexProgress) {
        let width = 24
        let fraction = progress.bytesTotal == 0 ? 0 : Double(progress.bytesDone) / Double(progress.bytesTotal)
        let filled = min(width, Int(fraction * Double(width)))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = "\rindexing [\(bar)] file \(progress.fileIndex + 1)/\(progress.fileCount) \(progress.file): \(progress.units) units\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    static func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// Prints a lookup report for a person.
struct LookupPrinter {
    let colour: Bool
    let searchTarget: Bool

    func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    func print(_ report: LookupReport) {
        if !report.glossary.isEmpty {
            Swift.print("Glossary:")
            for term in report.glossary {
                // With --from en (or --target) the query matched the English side: show the Indonesian.
                let english = report.from == "en" ? !searchTarget : searchTarget
                var line = "  \(paint(term.matched, "1")) → \(english ? term.source : term.target)"
                if !english && !term.alternatives.isEmpty { line += " (also: \(term.alternatives.joined(separator: "; ")))" }
                if !english && !term.forbidden.isEmpty { line += paint(" (not: \(term.forbidden.joined(separator: "; ")))", "31") }
                if let note = term.note { line += " — \(note)" }
                if let origin = term.origin { line += "  " + paint(origin, "2") }
                Swift.print(line)
            }
            Swift.print("")
        }
        if !searchTarget {
            Swift.print("Fuzzy matches (\(report.from), ≥ \(Int(report.minimum))%): \(report.matches.count)")
            for match in report.matches {
                Swift.print("")
                Swift.print("  \(paint("\(match.score)%", "1"))  \(diff(match.diff))")
                Swift.print("        → \(match.target)")
                if let stored = match.storedTarget {
                    Swift.print("          (stored: \(stored))")
                }
                Swift.print("        " + paint(provenance(match.provenance), "2"))
            }
        }
        if let concordance = report.concordance {
            Swift.print("")
            let more = concordance.complete ? "" : "+"
            Swift.print("Concordance (\(concordance.language)): \(concordance.count)\(more) units, showing \(concordance.hits.count)")
            for hit in concordance.hits {
                Swift.print("  \(hit.left)\(paint(hit.match, "1;33"))\(hit.right)")
                Swift.print("        → \(hit.translation)")
                Swift.print("        " + paint(provenance(hit.provenance), "2"))
            }
        }
    }

    /// The source with differences marked: `[-removed-]`, `{+added+}`, `[-old→new-]` for placeables.
    func diff(_ pieces: [FuzzyDiffPiece]) -> String {
        pieces.map { piece in
            switch piece.operation {
            case .equal: return piece.source ?? ""
            case .delete: return paint("[-\(piece.source ?? "")-]", "31")
            case .insert: return paint("{+\(piece.query ?? "")+}", "32")
            case .replace: return paint("[-\(piece.source ?? "")-]", "31") + paint("{+\(piece.query ?? "")+}", "32")
            case .placeable: return paint("[\(piece.source ?? "")→\(piece.query ?? "")]", "33")
            }
        }.joined(separator: " ")
    }

    func provenance(_ provenance: LookupProvenance) -> String {
        var parts: [String] = []
        if let who = provenance.creationID { parts.append(who) }
        if let when = provenance.creationDate {
            parts.append(TMXDate.parse(when).map { String(TMXDate.format($0).prefix(8)) }.map {
                "\($0.prefix(4))-\($0.dropFirst(4).prefix(2))-\($0.suffix(2))"
            } ?? when)
        }
        parts.append("\(provenance.file):\(provenance.line)")
        return parts.joined(separator: " · ")
    }
}
