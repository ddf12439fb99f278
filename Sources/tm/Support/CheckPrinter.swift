import Foundation
import TranslationMemory

/// Prints `tm check`'s findings for a terminal: grouped by check, errors red and warnings yellow
/// (colours only on a terminal, never with NO_COLOR), then the summary.
struct CheckPrinter {
    let colours: Colours

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
                if let id = f.id { place += " tuid \(id)" }
                out += "  " + colours.paint(place, f.severity == .error ? .red : .yellow) + ": " + f.message + "\n"
                out += colours.paint("    id: ", .dim) + f.source + "\n"
                out += colours.paint("    en: ", .dim) + f.target + "\n"
            }
        }
        let counts = QACatalog.allIDs.compactMap { id in byCheck[id].map { "\(id) \($0.count)" } }.joined(separator: ", ")
        out += "\(Plural.count(report.summary.findings, "finding")) in \(Plural.count(report.summary.pairs, "pair"))"
        out += counts.isEmpty ? "\n" : " (\(counts))\n"
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
