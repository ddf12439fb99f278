import Foundation
import TranslationMemory

/// Prints `tm check`'s findings for a terminal: grouped by check, errors red and warnings yellow
/// (colours only on a terminal, never with NO_COLOR), then the summary.
struct CheckPrinter {
    let colours: Colours
    /// What a finding's `id` is called: a memory unit's `tuid`, an XLIFF trans-unit's `id`.
    var idLabel = "tuid"
    /// Units without a translation are findings (`--untranslated`), not only counted.
    var reportsNotTranslated = false

    func print(_ report: QAReport) {
        var out = ""
        let byCheck = Dictionary(grouping: report.findings, by: \.check)
        for id in QACatalog.allIDs {
            guard let findings = byCheck[id] else { continue }
            let severity = findings[0].severity
            out += colours.paint("\(id) (\(findings.count), \(severity.rawValue))", .bold) + "\n"
            for f in findings {
                var place = "pair \(f.pair)"
                if let file = f.file { place += " " + file + (f.line.map { ":\($0)" } ?? "") }
                if let id = f.id { place += " \(idLabel) \(id)" }
                out += "  " + colours.paint(place, f.severity == .error ? .red : .yellow) + ": " + f.message + "\n"
                out += colours.paint("    id: ", .dim) + f.source + "\n"
                out += colours.paint("    en: ", .dim) + f.target + "\n"
            }
        }
        let counts = QACatalog.allIDs.compactMap { id in byCheck[id].map { "\(id) \($0.count)" } }.joined(separator: ", ")
        out += "\(Plural.count(report.summary.findings, "finding")) in \(Plural.count(report.summary.pairs, "pair"))"
        out += counts.isEmpty ? "\n" : " (\(counts))\n"
        if let notTranslated = report.summary.notTranslated, notTranslated > 0 {
            out += "\(Plural.count(notTranslated, "unit")) without a translation\(reportsNotTranslated ? "" : " (not checked; --untranslated reports them)")\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
