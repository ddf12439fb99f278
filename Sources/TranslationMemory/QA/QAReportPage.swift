import Foundation

extension QAReport {
    /// One finding a line, the JSON's fields in its order: check, pair, severity, message, source,
    /// target, spans (`side:start-end` joined by spaces), file, line, id. Tabs and line breaks
    /// inside a field become spaces, so a line is always one finding.
    public var tsv: String {
        func field(_ text: String?) -> String {
            String((text ?? "").map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        }
        var out = "check\tpair\tseverity\tmessage\tsource\ttarget\tspans\tfile\tline\tid\n"
        for f in findings {
            let spans = f.spans.map { "\($0.side.rawValue):\($0.start)-\($0.end)" }.joined(separator: " ")
            out += [f.check, String(f.pair), f.severity.rawValue, field(f.message), field(f.source), field(f.target), spans,
                    field(f.file), f.line.map(String.init) ?? "", field(f.id)].joined(separator: "\t") + "\n"
        }
        return out
    }
}

/// The editor's report of `tm check --html`: the findings grouped by check, each with both texts
/// and the spans marked, a filter by check. One self-contained HTML file: inline CSS and script,
/// nothing loaded; without script it still reads.
public enum QAReportPage {
    public static func html(_ report: QAReport, title: String) -> String {
        let byCheck = Dictionary(grouping: report.findings, by: \.check)
        let order = QACatalog.allIDs.filter { byCheck[$0] != nil }
        var options = "<option value=\"\">all checks (\(report.findings.count))</option>"
        var sections = ""
        for id in order {
            let findings = byCheck[id]!
            options += "<option value=\"\(id)\">\(id) (\(findings.count))</option>"
            sections += "<section class=\"check\" data-check=\"\(id)\"><h2>\(id) <span class=\"count\">\(findings.count)</span></h2>"
            sections += "<table><thead><tr><th>pair</th><th>severity</th><th>finding</th><th lang=\"id\">Indonesian</th><th lang=\"en\">English</th></tr></thead><tbody>"
            for f in findings {
                let place = f.file.map { " title=\"\(escape($0))\(f.line.map { ":\($0)" } ?? "")\"" } ?? ""
                sections += "<tr class=\"\(f.severity.rawValue)\"><td class=\"n\"\(place)>\(f.pair)</td><td class=\"sev\">\(f.severity.rawValue)</td>"
                sections += "<td class=\"msg\">\(escape(f.message))</td>"
                sections += "<td lang=\"id\">\(marked(f.source, f.spans.filter { $0.side == .source }))</td>"
                sections += "<td lang=\"en\">\(marked(f.target, f.spans.filter { $0.side == .target }))</td></tr>"
            }
            sections += "</tbody></table></section>"
        }
        let summary = report.findings.isEmpty
            ? "No findings in \(Plural.count(report.summary.pairs, "pair"))."
            : "\(Plural.count(report.findings.count, "finding")) in \(Plural.count(report.summary.pairs, "pair")): "
                + Plural.count(report.findings.filter { $0.severity == .error }.count, "error") + ", "
                + Plural.count(report.findings.filter { $0.severity == .warning }.count, "warning") + "."
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>tm check: \(escape(title))</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
        h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.5em}.count{color:#666;font-weight:normal}
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:.35em .5em;vertical-align:top;text-align:left}
        th{background:#f4f4f4}td.n{width:3em;text-align:right}td.sev{width:5em}
        tr.error td.sev{color:#b00020;font-weight:bold}tr.warning td.sev{color:#8a6d00}
        mark{background:#ffe08a;padding:0 .1em}tr.error mark{background:#ffc4c4}
        .hidden{display:none}
        </style></head><body>
        <h1>tm check: \(escape(title))</h1>
        <p id="summary">\(escape(summary))</p>
        <p><label>Show <select id="filter">\(options)</select></label></p>
        \(sections)
        <script>
        document.getElementById('filter').addEventListener('change', function (e) {
          document.querySelectorAll('section.check').forEach(function (s) {
            s.classList.toggle('hidden', e.target.value !== '' && s.dataset.check !== e.target.value);
          });
        });
        </script>
        </body></html>

        """
    }

    /// The text with its spans in `<mark>`, escaped.
    static func marked(_ text: String, _ spans: [QASpan]) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var at = 0
        func piece(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return escape(String(view))
        }
        for span in spans.sorted(by: { $0.start < $1.start }) where span.start >= at && span.end <= scalars.count && span.start < span.end {
            out += piece(at..<span.start) + "<mark>" + piece(span.start..<span.end) + "</mark>"
            at = span.end
        }
        return out + piece(at..<scalars.count)
    }

    static func escape(_ text: String) -> String { AlignmentReviewPage.escape(text) }
}
