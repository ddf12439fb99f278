import Foundation

/// The review page of `tm align --review`: both articles side by side, one row per pair, coloured
/// by confidence, with sentences left out and merged sentences marked — what a translator checks
/// instead of a table. The translator unticks wrong pairs, merges a row with the next or splits a
/// sentence off, and saves the decisions (`AlignmentDecisions`) for `tm align --apply`. One
/// self-contained HTML file: inline CSS and script, no network; without script it still reads.
public enum AlignmentReviewPage {
    public static func html(_ result: AlignmentResult, indonesian: AlignmentDocument, english: AlignmentDocument,
                            decisions: AlignmentDecisions) throws -> String {
        let pairs = result.pairs
        let threshold = decisions.minimumConfidence
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
            let confidence = AlignmentFormat.decimal(pair.confidence, places: 2)
            let key = range(pair.indonesianSentences) + ":" + range(pair.englishSentences)
            rows += "<tr class=\"\(level)\(breakClass)\" data-orig=\"\(key)\" data-conf=\"\(pair.confidence)\"><td class=\"n\">\(number + 1)</td>"
            let checked = pair.isPair && pair.confidence >= threshold ? " checked" : ""
            rows += "<td class=\"pick\"><input type=\"checkbox\" class=\"keep\" aria-label=\"store pair \(number + 1)\"\(checked)\(pair.isPair ? "" : " hidden")></td>"
            rows += cell(sentences: pair.indonesianSentences, in: result.indonesianSentences, lang: "id")
            rows += cell(sentences: pair.englishSentences, in: result.englishSentences, lang: "en")
            rows += "<td class=\"c\"><span class=\"conf\">\(confidence)</span>"
            if !shape.isEmpty { rows += "<span class=\"shape\">\(escape(shape))</span>" }
            rows += "</td><td class=\"act\"><button type=\"button\" class=\"merge\" title=\"Merge this row with the next one\">Merge ↓</button>"
            rows += "<button type=\"button\" class=\"split\" title=\"Split back into the rows it was merged from\" hidden>Split</button></td></tr>\n"
        }
        var provenance: [String] = []
        let translator = indonesian.translator ?? english.translator
        if let translator { provenance.append("Translator: " + escape(translator)) }
        if let reporter = indonesian.reporter ?? english.reporter { provenance.append("Reporter: " + escape(reporter)) }
        if let editor = indonesian.editor ?? english.editor { provenance.append("Editor: " + escape(editor)) }
        if let source = indonesian.source ?? english.source { provenance.append("Source: " + escape(source)) }
        if let dateline = indonesian.dateline ?? english.dateline { provenance.append("Dateline: " + escape(dateline)) }
        let decisionsFile = URL(fileURLWithPath: indonesian.path).deletingPathExtension().lastPathComponent + ".decisions.json"
        let thresholdText = AlignmentFormat.decimal(threshold, places: 2)
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Alignment review: \(escape(fileName(indonesian.path))) ↔ \(escape(fileName(english.path)))</title>
        <style>
        \(style)
        </style></head><body>
        <h1>Alignment review</h1>
        <div class="meta">Indonesian: <b>\(escape(indonesian.path))</b> (\(result.indonesianSentences.count) sentences) · English: <b>\(escape(english.path))</b> (\(result.englishSentences.count) sentences)<br>
        \(Plural.count(pairs.count, "row")): \(doubtful) doubtful (confidence below 0.5), \(Plural.count(omissions, "sentence")) without counterpart, \(Plural.count(merges, "merge"))\(provenance.isEmpty ? "" : "<br>" + provenance.joined(separator: " · "))</div>
        <div class="legend meta"><span class="l-high">≥ 0.90 sure</span><span class="l-mid">0.50–0.90 check</span><span class="l-low">&lt; 0.50 doubtful</span><span class="l-mine js-only">yours: stored as reviewed</span> Merged sentences are separated by a blue bar; a hatched cell is a sentence with no counterpart.</div>
        <div class="bar js-only"><button type="button" id="save" data-file="\(escape(decisionsFile))">Save decisions</button> <span id="count"></span> <span id="status" role="status"></span>
        <p>Untick a pair that is wrong. <b>Merge ↓</b> joins a row with the next one, <b>Split</b> undoes a merge, and <b>✂</b> splits the first or last sentence off a row. Pairs ticked at \(thresholdText) or above are stored as the aligner scored them; a pair you make or change, or tick below \(thresholdText), is stored as reviewed (confidence 1). Save the decisions, then store them with <code>tm align --apply \(escape(decisionsFile))</code>.</p></div>
        <table><thead><tr><th class="n">#</th><th class="pick" title="Store the pair">Store</th><th>Indonesian</th><th>English</th><th class="c">Confidence</th><th class="act">Edit</th></tr></thead>
        <tbody>
        \(rows)</tbody></table>
        <script type="application/json" id="decisions">\(try embedded(decisions))</script>
        <script>
        \(script)
        </script>
        </body></html>

        """
    }

    /// Writes the page atomically, with the decisions it starts from (which hash both files).
    public static func write(_ result: AlignmentResult, indonesian: AlignmentDocument, english: AlignmentDocument,
                             minimumConfidence: Double, to path: String) throws {
        let decisions = AlignmentDecisions(result: result,
                                           indonesian: try .init(reading: indonesian, sentences: result.indonesianSentences),
                                           english: try .init(reading: english, sentences: result.englishSentences),
                                           minimumConfidence: minimumConfidence)
        let page = try html(result, indonesian: indonesian, english: english, decisions: decisions)
        try AtomicFile.write(Data(page.utf8), to: path)
    }

    private static func cell(sentences: [Int], in all: [String], lang: String) -> String {
        let inner = sentences.map { "<span class=\"s\" data-i=\"\($0)\">\(escape(all[$0]))</span>" }.joined(separator: " ")
        return "<td class=\"side\(sentences.isEmpty ? " missing" : "")\" lang=\"\(lang)\">\(inner)</td>"
    }

    /// `3-4` for sentences 3 and 4, empty for none: the page's key of a row's sentences.
    private static func range(_ sentences: [Int]) -> String {
        sentences.first.map { "\($0)-\(sentences.last!)" } ?? ""
    }

    /// The decisions as JSON safe inside a `<script>` element: no `<` can end it early.
    private static func embedded(_ decisions: AlignmentDecisions) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(decisions), as: UTF8.self)
        return json.replacingOccurrences(of: "<", with: "\\u003c")
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

    private static let style = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5em;color:#1d1d1f;background:#fafafa}
    h1{font-size:1.25em;margin:0 0 .3em}
    .meta{color:#555;margin:.2em 0 1em;font-size:.92em}
    .legend span{display:inline-block;padding:.1em .6em;margin-right:.5em;border-radius:3px;font-size:.85em}
    html:not(.js) .js-only,html:not(.js) .pick,html:not(.js) .act{display:none}
    .bar{position:sticky;top:0;z-index:2;background:#fafafa;padding:.5em 0;border-bottom:1px solid #ddd;margin-bottom:.5em}
    .bar p{margin:.4em 0 0;font-size:.88em;color:#444;max-width:70em}
    #save{font-size:1em;padding:.35em 1em;background:#1a5fb4;color:#fff;border:0;border-radius:4px;cursor:pointer}
    #count{margin-left:.8em;font-weight:600}
    #status{margin-left:.8em;color:#26a269}
    table{border-collapse:collapse;width:100%;table-layout:fixed;background:#fff}
    th{background:#eee;text-align:left;padding:.4em;font-size:.9em}
    td{vertical-align:top;padding:.45em .6em;border-top:1px solid #e3e3e3;line-height:1.4}
    .n{width:2.5em;color:#999;font-size:.8em;text-align:right}
    .pick{width:3.2em;text-align:center}
    .pick input{width:1.15em;height:1.15em;margin:.15em 0 0;cursor:pointer}
    .c{width:8.5em;font-size:.85em}
    [hidden]{display:none!important}
    .act{width:6.5em}
    .act button{display:block;margin:0 0 .3em;font-size:.8em;padding:.1em .5em;white-space:nowrap;cursor:pointer}
    .conf{font-weight:600;display:block}
    .shape{display:inline-block;margin-top:.2em;font-size:.85em;color:#333;background:#fff3;border:1px solid #9996;border-radius:3px;padding:0 .3em}
    tr.high td.c{background:#d9f2dc} tr.mid td.c{background:#fcefc7} tr.low td.c{background:#f8d0cc}
    tr.low td{background:#fff6f5}
    tr.edited td.c{background:#eee}
    tr.mine td.c{background:#d3e3f8}
    tr.mine td.c::after{content:"stored as reviewed";display:block;margin-top:.2em;color:#1a4f8a}
    tr.off td.side{opacity:.45;text-decoration:line-through;text-decoration-color:#0004}
    tr.paragraph td{border-top:2px solid #888}
    td.missing{background:repeating-linear-gradient(45deg,#f3f3f3,#f3f3f3 6px,#e6e6e6 6px,#e6e6e6 12px);color:#777;font-style:italic}
    td.missing::before{content:"no counterpart"}
    .s + .s{border-left:3px solid #7a9cc6;padding-left:.4em;margin-left:.2em}
    .s{display:inline}
    button.cut{font-size:.75em;padding:0 .25em;margin:0 .3em;border:1px solid #7a9cc6;background:#eef3fa;border-radius:3px;cursor:pointer}
    .l-high{background:#d9f2dc}.l-mid{background:#fcefc7}.l-low{background:#f8d0cc}.l-mine{background:#d3e3f8}
    """

    /// Untick, merge, split and save. Rows are edited by moving the sentence spans the page was
    /// written with; a row whose sentences are a pair the aligner proposed gets its confidence back.
    private static let script = #"""
    'use strict';
    document.documentElement.classList.add('js');
    const data = JSON.parse(document.getElementById('decisions').textContent);
    const threshold = data.minimumConfidence;
    const body = document.querySelector('tbody');
    const save = document.getElementById('save');
    const original = new Map();
    const side = (tr, lang) => tr.querySelector('td[lang="' + lang + '"]');
    const sentences = (tr, lang) => Array.from(side(tr, lang).querySelectorAll('.s'), s => Number(s.dataset.i));
    const range = list => list.length ? list[0] + '-' + list[list.length - 1] : '';
    const key = tr => range(sentences(tr, 'id')) + ':' + range(sentences(tr, 'en'));
    const box = tr => tr.querySelector('input.keep');
    function button(name, label, title) {
      const b = document.createElement('button');
      b.type = 'button'; b.className = name; b.textContent = label; b.title = title;
      return b;
    }
    /* The cells, the scissors, the confidence and the checkbox after an edit. */
    function refresh(tr) {
      for (const cell of tr.querySelectorAll('td.side')) {
        cell.querySelectorAll('button.cut').forEach(b => b.remove());
        const spans = cell.querySelectorAll('.s');
        cell.classList.toggle('missing', spans.length === 0);
        if (spans.length > 1) {
          spans[0].prepend(button('cut', '✂', 'Split this sentence off into a row of its own above'));
          spans[spans.length - 1].append(button('cut', '✂', 'Split this sentence off into a row of its own below'));
        }
      }
      const a = sentences(tr, 'id').length, b = sentences(tr, 'en').length, pair = a > 0 && b > 0;
      const proposed = original.get(key(tr));
      if (proposed) {
        tr.className = proposed.className;
        tr.querySelector('td.c').replaceWith(proposed.cell.cloneNode(true));
      } else {
        tr.className = 'edited' + (tr.classList.contains('paragraph') ? ' paragraph' : '');
        const cell = tr.querySelector('td.c'), conf = document.createElement('span'), shape = document.createElement('span');
        conf.className = 'conf'; conf.textContent = pair ? '1.00' : '–';
        shape.className = 'shape';
        shape.textContent = !b ? 'not translated' : !a ? 'only in English' : a + b > 2 ? 'merge ' + a + '-' + b : 'your pair';
        cell.replaceChildren(conf, shape);
      }
      box(tr).hidden = !pair;
    }
    /* Stored as reviewed: a pair the aligner did not propose, or proposed below the threshold. */
    function mark(tr) {
      const keep = !box(tr).hidden && box(tr).checked, proposed = original.get(key(tr));
      tr.classList.toggle('off', !box(tr).hidden && !keep);
      tr.classList.toggle('mine', keep && !(proposed && proposed.confidence >= threshold));
    }
    /* A row made by an edit: ticked when it is a pair, unless it is the aligner's below the threshold. */
    function fresh(tr) {
      refresh(tr);
      const proposed = original.get(key(tr));
      box(tr).checked = !box(tr).hidden && (!proposed || proposed.confidence >= threshold);
      mark(tr);
    }
    function merge(tr) {
      const next = tr.nextElementSibling;
      if (!next) return;
      const merged = tr.cloneNode(true);
      for (const lang of ['id', 'en']) {
        for (const s of side(next, lang).querySelectorAll('.s')) side(merged, lang).append(s.cloneNode(true));
      }
      merged.parts = [tr, next];
      tr.replaceWith(merged);
      next.remove();
      fresh(merged);
    }
    function split(tr) {
      if (tr.parts) tr.replaceWith(...tr.parts);
    }
    function cut(span) {
      const tr = span.closest('tr'), lang = span.closest('td').lang, index = span.dataset.i;
      const first = span === side(tr, lang).querySelector('.s');
      const alone = tr.cloneNode(true), rest = tr.cloneNode(true);
      for (const s of alone.querySelectorAll('.s')) {
        if (s.dataset.i !== index || s.closest('td').lang !== lang) s.remove();
      }
      side(rest, lang).querySelector('.s[data-i="' + index + '"]').remove();
      const upper = first ? alone : rest, lower = first ? rest : alone;
      lower.classList.remove('paragraph');
      tr.replaceWith(upper, lower);
      fresh(upper);
      fresh(lower);
    }
    function renumber() {
      let number = 0, stored = 0;
      for (const tr of body.rows) {
        number += 1;
        tr.querySelector('td.n').textContent = number;
        box(tr).setAttribute('aria-label', 'store pair ' + number);
        tr.querySelector('button.merge').hidden = !tr.nextElementSibling;
        tr.querySelector('button.split').hidden = !tr.parts;
        if (!box(tr).hidden && box(tr).checked) stored += 1;
      }
      document.getElementById('count').textContent = stored + (stored === 1 ? ' pair' : ' pairs') + ' to store';
    }
    for (const tr of body.rows) {
      original.set(key(tr), { className: tr.className, cell: tr.querySelector('td.c').cloneNode(true), confidence: Number(tr.dataset.conf) });
    }
    for (const tr of body.rows) { refresh(tr); mark(tr); }
    renumber();
    body.addEventListener('click', event => {
      const b = event.target.closest('button');
      if (!b) return;
      const tr = b.closest('tr');
      if (b.classList.contains('merge')) merge(tr);
      else if (b.classList.contains('split')) split(tr);
      else if (b.classList.contains('cut')) cut(b.closest('.s'));
      renumber();
    });
    body.addEventListener('change', event => {
      if (!event.target.matches('input.keep')) return;
      mark(event.target.closest('tr'));
      renumber();
    });
    save.addEventListener('click', () => {
      const chosen = [], rejected = [];
      for (const tr of body.rows) {
        const a = sentences(tr, 'id'), b = sentences(tr, 'en');
        if (!a.length || !b.length) continue;
        (box(tr).checked ? chosen : rejected).push({ indonesian: [a[0], a[a.length - 1]], english: [b[0], b[b.length - 1]] });
      }
      data.chosen = chosen;
      data.rejected = rejected;
      // Lists of numbers on one line: a raw newline is never inside a JSON string, so only arrays match.
      const json = JSON.stringify(data, null, 1)
        .replace(/\[\n\s*(\d+(?:,\n\s*\d+)*)\n\s*\]/g, (_, list) => '[' + list.split(/,\n\s*/).join(', ') + ']');
      const url = URL.createObjectURL(new Blob([json + '\n'], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = save.dataset.file;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      document.getElementById('status').textContent = 'Saved ' + save.dataset.file + ' (' + chosen.length + ' pairs).';
    });
    """#
}
