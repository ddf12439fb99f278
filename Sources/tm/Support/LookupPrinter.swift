import TranslationMemory

/// Prints a lookup report for a person.
struct LookupPrinter {
    let colours: Colours
    let searchTarget: Bool

    private func paint(_ text: String, _ style: Colours.Style) -> String { colours.paint(text, style) }

    func print(_ report: LookupReport) {
        if !report.glossary.isEmpty {
            Swift.print("Glossary:")
            for (position, term) in report.glossary.enumerated() {
                // With --from en (or --target) the query matched the English side: show the Indonesian.
                let english = report.from == "en" ? !searchTarget : searchTarget
                var line = "  \(paint(term.matched, .bold)) → \(english ? term.source : term.target)"
                if !english && !term.alternatives.isEmpty { line += " (also: \(term.alternatives.joined(separator: "; ")))" }
                if !english && !term.forbidden.isEmpty { line += paint(" (not: \(term.forbidden.joined(separator: "; ")))", .red) }
                if let note = term.note { line += " — \(note)" }
                if let origin = term.origin { line += "  " + paint(origin, .dim) }
                Swift.print(line)
                if let conflict = conflict(after: position, in: report.glossary) { Swift.print(paint(conflict, .red)) }
            }
            Swift.print("")
        }
        if !searchTarget {
            Swift.print("Fuzzy matches (\(report.from), ≥ \(Int(report.minimum))%): \(report.matches.count)")
            for match in report.matches {
                Swift.print("")
                Swift.print("  \(paint("\(match.score)%", .bold))  \(diff(match.diff))")
                Swift.print("        → \(match.target)")
                if let stored = match.storedTarget {
                    Swift.print("          (stored: \(stored))")
                }
                for change in match.placeables where !change.placed {
                    // Said rather than left stale: the translator must put the query's value in.
                    Swift.print(paint("          not placed: \(change.kind.rawValue) \(change.from) → \(change.to)", .red))
                }
                Swift.print("        " + paint(provenance(match.provenance), .dim))
            }
        }
        if let concordance = report.concordance {
            Swift.print("")
            let more = concordance.complete ? "" : "+"
            Swift.print("Concordance (\(concordance.language)): \(concordance.count)\(more) \(concordance.count == 1 && more.isEmpty ? "unit" : "units"), showing \(concordance.hits.count)")
            for hit in concordance.hits {
                Swift.print("  \(hit.left)\(paint(hit.match, .boldYellow))\(hit.right)")
                Swift.print("        → \(hit.translation)")
                Swift.print("        " + paint(provenance(hit.provenance), .dim))
            }
        }
    }

    /// Under the last of the entries that give one term different translations, a line saying so.
    func conflict(after position: Int, in terms: [LookupGlossaryTerm]) -> String? {
        let term = terms[position]
        func conflicting(_ other: LookupGlossaryTerm) -> Bool { other.conflictsWith != nil && other.matched == term.matched }
        guard conflicting(term), position + 1 == terms.count || !conflicting(terms[position + 1]) else { return nil }
        let first = terms[..<position].lastIndex { !conflicting($0) }.map { $0 + 1 } ?? 0
        var translations: [String] = []
        for other in terms[first...position] where !translations.contains(other.target) { translations.append(other.target) }
        return "    conflict: the glossary gives \(term.source) \(translations.count) translations (\(translations.joined(separator: "; "))): "
            + "choose one; tm glossary list shows where they are"
    }

    /// The source with differences marked: `[-removed-]`, `{+added+}`, `[old→new]` for a placeable
    /// or a word in another case; punctuation and white space are marked as words are.
    func diff(_ pieces: [FuzzyDiffPiece]) -> String {
        pieces.map { piece in
            let source = piece.source ?? "", query = piece.query ?? ""
            switch piece.operation {
            case .equal: return LookupPrinter.oneLine(source)
            case .delete: return paint("[-\(LookupPrinter.marked(source))-]", .red)
            case .insert: return paint("{+\(LookupPrinter.marked(query))+}", .green)
            case .replace: return paint("[-\(LookupPrinter.marked(source))-]", .red) + paint("{+\(LookupPrinter.marked(query))+}", .green)
            case .placeable: return paint("[\(source)→\(query)]", .yellow)
            }
        }.joined()
    }

    /// Line breaks and tabs shown as spaces, so that a match stays on its line.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
    }

    /// A change as shown between its marks: white space made visible when it is all the change
    /// holds, which would otherwise show as nothing (`␣` a space, `⇥` a tab, `↵` a line break).
    static func marked(_ text: String) -> String {
        guard !text.isEmpty, text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { return oneLine(text) }
        return String(text.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case " ": return "␣"
            case "\t": return "⇥"
            case "\n", "\r": return "↵"
            default: return "·"
            }
        })
    }

    func provenance(_ provenance: LookupProvenance) -> String {
        LookupPrinter.provenance(creator: provenance.creationID, date: provenance.creationDate, file: provenance.file, line: provenance.line)
    }

    /// `creator · 2024-05-01 · file:line`, each part when known.
    static func provenance(creator: String?, date: String?, file: String, line: Int) -> String {
        var parts: [String] = []
        if let creator { parts.append(creator) }
        if let date {
            parts.append(TMXDate.parse(date).map { String(TMXDate.format($0).prefix(8)) }.map {
                "\($0.prefix(4))-\($0.dropFirst(4).prefix(2))-\($0.suffix(2))"
            } ?? date)
        }
        parts.append("\(file):\(line)")
        return parts.joined(separator: " · ")
    }
}
