import Foundation

/// The review page of `tm align --review`: both articles side by side, one row per pair, coloured
/// by confidence, with sentences left out and merged sentences marked — what a translator checks
/// instead of a table. One self-contained HTML file (inline CSS, no script, no network).
public enum AlignmentReviewPage {
    public static func html(_ result: AlignmentResult, indonesian: AlignmentDocument, english: AlignmentDocument) -> String {
        let pairs = result.pairs
        let doubtful = pairs.filter { $0.confidence < 0.5 }.count
        let omissions = pairs.filter { !$0.isPair }.count
        let merges = pairs.filter { $0.isPair && $0.kind != "1-1" }.count
        var rows = ""
        var lastParagraph = -1
        for (number, pair) in pairs.enumerated() {
            let paragraph = pair.indonesianSentences.first.map { result.indonesianParagraphs[$0] }
                ?? pair.englishSentences.first.map { result.englishParagraphs[$0] } ?? lastParagraph
            let breakClass = paragraph != lastParagraph && number > 0 ? " paragraph" : ""
            lastParagraph = paragraph
            let level = pair.confidence >= 0.9 ? "high" : pair.confidence >= 0.5 ? "mid" : "low"
            let shape: String
            if !pair.isPair {
                shape = pair.indonesian.isEmpty ? "only in English" : "not translated"
            } else if pair.kind != "1-1" {
                shape = "merge \(pair.kind)"
            } else {
                shape = ""
            }
            rows += "<tr class=\"\(level)\(breakClass)\"><td class=\"n\">\(number + 1)</td>"
            rows += cell(pair.indonesian, sentences: pair.indonesianSentences, in: result.indonesianSentences, lang: "id")
            rows += cell(pair.english, sentences: pair.englishSentences, in: result.englishSentences, lang: "en")
            rows += "<td class=\"c\"><span class=\"conf\">\(AlignmentFormat.decimal(pair.confidence, places: 2))</span>"
            if !shape.isEmpty { rows += "<span class=\"shape\">\(escape(shape))</span>" }
            rows += "</td></tr>\n"
        }
        var provenance: [String] = []
        let translator = indonesian.translator ?? english.translator
        if let translator { provenance.append("Translator: " + escape(translator)) }
        if let reporter = indonesian.reporter ?? english.reporter { provenance.append("Reporter: " + escape(reporter)) }
        if let editor = indonesian.editor ?? english.editor { provenance.append("Editor: " + escape(editor)) }
        if let source = indonesian.source ?? english.source { provenance.append("Source: " + escape(source)) }
        if let dateline = indonesian.dateline ?? english.dateline { provenance.append("Dateline: " + escape(dateline)) }
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Alignment review: \(escape(fileName(indonesian.path))) ↔ \(escape(fileName(english.path)))</title>
        <style>
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5em;color:#1d1d1f;background:#fafafa}
        h1{font-size:1.25em;margin:0 0 .3em}
        .meta{color:#555;margin:.2em 0 1em;font-size:.92em}
        .legend span{display:inline-block;padding:.1em .6em;margin-right:.5em;border-radius:3px;font-size:.85em}
        table{border-collapse:collapse;width:100%;table-layout:fixed;background:#fff}
        th{position:sticky;top:0;background:#eee;text-align:left;padding:.4em;font-size:.9em}
        td{vertical-align:top;padding:.45em .6em;border-top:1px solid #e3e3e3;line-height:1.4}
        .n{width:2.5em;color:#999;font-size:.8em;text-align:right}
        .c{width:8.5em;font-size:.85em}
        .conf{font-weight:600;display:block}
        .shape{display:inline-block;margin-top:.2em;font-size:.85em;color:#333;background:#fff3;border:1px solid #9996;border-radius:3px;padding:0 .3em}
        tr.high td.c{background:#d9f2dc} tr.mid td.c{background:#fcefc7} tr.low td.c{background:#f8d0cc}
        tr.low td{background:#fff6f5}
        tr.paragraph td{border-top:2px solid #888}
        td.missing{background:repeating-linear-gradient(45deg,#f3f3f3,#f3f3f3 6px,#e6e6e6 6px,#e6e6e6 12px);color:#777;font-style:italic}
        .s + .s{border-left:3px solid #7a9cc6;padding-left:.4em;margin-left:.2em}
        .s{display:inline}
        .l-high{background:#d9f2dc}.l-mid{background:#fcefc7}.l-low{background:#f8d0cc}
        </style></head><body>
        <h1>Alignment review</h1>
        <div class="meta">Indonesian: <b>\(escape(indonesian.path))</b> (\(result.indonesianSentences.count) sentences) · English: <b>\(escape(english.path))</b> (\(result.englishSentences.count) sentences)<br>
        \(Plural.count(pairs.count, "row")): \(doubtful) doubtful (confidence below 0.5), \(Plural.count(omissions, "sentence")) without counterpart, \(Plural.count(merges, "merge"))\(provenance.isEmpty ? "" : "<br>" + provenance.joined(separator: " · "))</div>
        <div class="legend meta"><span class="l-high">≥ 0.90 sure</span><span class="l-mid">0.50–0.90 check</span><span class="l-low">&lt; 0.50 doubtful</span> Merged sentences are separated by a blue bar; a hatched cell is a sentence with no counterpart.</div>
        <table><thead><tr><th class="n">#</th><th>Indonesian</th><th>English</th><th class="c">Confidence</th></tr></thead>
        <tbody>
        \(rows)</tbody></table>
        </body></html>

        """
    }

    /// Writes the page atomically.
    public static func write(_ result: AlignmentResult, indonesian: AlignmentDocument, english: AlignmentDocument, to path: String) throws {
        let page = html(result, indonesian: indonesian, english: english)
        try AtomicFile.write(Data(page.utf8), to: path)
    }

    private static func cell(_ text: String, sentences: [Int], in all: [String], lang: String) -> String {
        if sentences.isEmpty { return "<td class=\"missing\" lang=\"\(lang)\">no counterpart</td>" }
        let inner = sentences.map { "<span class=\"s\">\(escape(all[$0]))</span>" }.joined(separator: " ")
        return "<td lang=\"\(lang)\">\(inner)</td>"
    }

    private static func fileName(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}
