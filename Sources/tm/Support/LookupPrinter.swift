import TranslationMemory

/// Prints a lookup report for a person.
struct LookupPrinter {
    let colours: Colours
    let searchTarget: Bool

    private func paint(_ text: String, _ style: Colours.Style) -> String { colours.paint(text, style) }

    func print(_ report: LookupReport) {
        if !report.glossary.isEmpty {
            Swift.print("Glossary:")
            for term in report.glossary {
                // With --from en (or --target) the query matched the English side: show the Indonesian.
                let english = report.from == "en" ? !searchTarget : searchTarget
                var line = "  \(paint(term.matched, .bold)) → \(english ? term.source : term.target)"
                if !english && !term.alternatives.isEmpty { line += " (also: \(term.alternatives.joined(separator: "; ")))" }
                if !english && !term.forbidden.isEmpty { line += paint(" (not: \(term.forbidden.joined(separator: "; ")))", .red) }
                if let note = term.note { line += " — \(note)" }
                if let origin = term.origin { line += "  " + paint(origin, .dim) }
                Swift.print(line)
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

    /// The source with differences marked: `[-removed-]`, `{+added+}`, `[-old→new-]` for placeables.
    func diff(_ pieces: [FuzzyDiffPiece]) -> String {
        pieces.map { piece in
            switch piece.operation {
            case .equal: return piece.source ?? ""
            case .delete: return paint("[-\(piece.source ?? "")-]", .red)
            case .insert: return paint("{+\(piece.query ?? "")+}", .green)
            case .replace: return paint("[-\(piece.source ?? "")-]", .red) + paint("{+\(piece.query ?? "")+}", .green)
            case .placeable: return paint("[\(piece.source ?? "")→\(piece.query ?? "")]", .yellow)
            }
        }.joined(separator: " ")
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
