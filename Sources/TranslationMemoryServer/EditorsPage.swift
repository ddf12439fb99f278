/// The page `tm serve` serves at `/`: a lookup and concordance page for editors, self-contained
/// (no external script, style or font: newsroom networks are often closed). It asks for a token,
/// keeps it for the browser tab only (sessionStorage), and calls `POST /v1/lookup` with it.
enum EditorsPage {
    static let html = #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tm — team memory lookup</title>
<link rel="icon" href="data:,">
<style>
  body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2630;background:#f6f7f9}
  header{background:#1d3557;color:#fff;padding:.6em 1.2em;display:flex;gap:1em;align-items:center;flex-wrap:wrap}
  header h1{font-size:1.1em;margin:0;font-weight:600}
  header label{font-size:.85em}
  main{max-width:60em;margin:0 auto;padding:1em}
  form.search{display:flex;gap:.5em;flex-wrap:wrap;align-items:center;margin-bottom:1em}
  #query{flex:1 1 24em;font-size:1.05em;padding:.45em .6em;border:1px solid #9aa7b4;border-radius:4px}
  button{font-size:1em;padding:.45em 1em;border-radius:4px;border:1px solid #1d3557;background:#1d3557;color:#fff;cursor:pointer}
  select,input[type=number],input[type=password]{padding:.35em;border:1px solid #9aa7b4;border-radius:4px}
  section{background:#fff;border:1px solid #dde2e8;border-radius:6px;padding:.6em 1em;margin-bottom:1em}
  h2{font-size:.95em;margin:.2em 0 .6em;color:#44505c;text-transform:uppercase;letter-spacing:.04em}
  table{border-collapse:collapse;width:100%}
  td,th{padding:.4em .5em;border-top:1px solid #eef0f3;vertical-align:top;text-align:left}
  th{font-size:.8em;color:#5b6670;font-weight:600}
  td.score{font-weight:700;width:3.5em;text-align:right}
  .s100{color:#1b7f3b}.s85{color:#5f7f1b}.s70{color:#a36a00}.slow{color:#a33}
  del{background:#fde2e2;text-decoration:line-through}
  ins{background:#e1f5e4;text-decoration:none}
  mark{background:#fff1a8}
  .meta{font-size:.78em;color:#6b7680}
  .placeable{font-size:.8em;color:#1d3557}
  .unplaced{color:#a33;font-weight:600}
  #status{min-height:1.3em;font-size:.9em;color:#a33}
  .empty{color:#6b7680;font-style:italic}
</style>
</head>
<body>
<header>
  <h1>tm team memory</h1>
  <label>Token <input id="token" type="password" size="28" autocomplete="off" placeholder="from tm serve token create"></label>
</header>
<main>
  <form class="search" id="search">
    <input id="query" type="search" placeholder="Indonesian (or English) sentence or phrase" autofocus>
    <select id="from" title="the query's language"><option value="id">id → en</option><option value="en">en → id</option></select>
    <label title="lowest fuzzy score">min <input id="min" type="number" min="1" max="100" value="50" style="width:4em"></label>
    <button type="submit" id="go">Look up</button>
  </form>
  <div id="status" role="status"></div>
  <section id="glossary-section" hidden><h2>Glossary</h2><table id="glossary"></table></section>
  <section><h2>Matches</h2><table id="matches"><tr><td class="empty">Type a sentence and press Look up.</td></tr></table></section>
  <section><h2>Concordance</h2><table id="concordance"><tr><td class="empty">Short queries (up to 8 words) also list the units that contain them.</td></tr></table></section>
</main>
<script>
"use strict";
const $ = id => document.getElementById(id);
const tokenInput = $("token");
tokenInput.value = sessionStorage.getItem("tm-token") || "";
tokenInput.addEventListener("change", () => sessionStorage.setItem("tm-token", tokenInput.value.trim()));

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? "")));
  return node;
}
function scoreClass(score) { return score >= 100 ? "s100" : score >= 85 ? "s85" : score >= 70 ? "s70" : "slow"; }
function provenance(p) {
  if (!p) return "";
  return [p.creationID, p.creationDate, p.file ? p.file + (p.line ? ":" + p.line : "") : ""].filter(Boolean).join(" · ");
}
function diffSource(match) {
  // The stored source against the query: what the query lacks struck out, what it adds marked.
  const cell = el("div", {});
  for (const piece of match.diff || []) {
    if (piece.operation === "equal") cell.append(piece.source ?? piece.query ?? "");
    else if (piece.operation === "delete") cell.append(el("del", {}, piece.source ?? ""));
    else if (piece.operation === "insert") cell.append(el("ins", {}, piece.query ?? ""));
    else { if (piece.source) cell.append(el("del", {}, piece.source)); if (piece.query) cell.append(el("ins", {}, piece.query)); }
  }
  if (!match.diff || match.diff.length === 0) cell.append(match.source);
  return cell;
}
function showMatches(report) {
  const table = $("matches");
  table.replaceChildren(el("tr", {}, el("th", {}, "score"), el("th", {}, "stored source (changes against the query)"), el("th", {}, "translation")));
  if (!report.matches || report.matches.length === 0) {
    table.append(el("tr", {}, el("td", { colspan: 3, class: "empty" }, "No match at or above " + report.minimum + "%.")));
    return;
  }
  for (const match of report.matches) {
    const target = el("td", { class: "target" }, match.target);
    for (const p of match.placeables || []) {
      target.append(el("div", { class: "placeable" + (p.placed ? "" : " unplaced") },
        (p.placed ? "placed " : "NOT placed, check: ") + p.kind + " " + p.from + " → " + p.to));
    }
    target.append(el("div", { class: "meta" }, provenance(match.provenance)));
    table.append(el("tr", { class: "match" }, el("td", { class: "score " + scoreClass(match.score) }, match.score + "%"),
      el("td", { class: "source" }, diffSource(match)), target));
  }
}
function showConcordance(report) {
  const table = $("concordance");
  const c = report.concordance;
  if (!c) { table.replaceChildren(el("tr", {}, el("td", { class: "empty" }, "Only for queries of up to 8 words."))); return; }
  table.replaceChildren(el("tr", {}, el("th", {}, "in context"), el("th", {}, "translation")));
  if (c.hits.length === 0) { table.append(el("tr", {}, el("td", { colspan: 2, class: "empty" }, "No unit contains these words."))); return; }
  for (const hit of c.hits) {
    table.append(el("tr", { class: "hit" }, el("td", {}, hit.left, el("mark", {}, hit.match), hit.right),
      el("td", {}, hit.translation, el("div", { class: "meta" }, provenance(hit.provenance)))));
  }
  if (!c.complete) table.append(el("tr", {}, el("td", { colspan: 2, class: "meta" }, c.count + " units in all; the first are shown.")));
}
function showGlossary(report) {
  const terms = report.glossary || [];
  $("glossary-section").hidden = terms.length === 0;
  $("glossary").replaceChildren(...terms.map(t => el("tr", {}, el("td", {}, t.matched), el("td", {}, t.target,
    t.forbidden && t.forbidden.length ? el("div", { class: "meta" }, "not: " + t.forbidden.join(", ")) : ""))));
}
async function lookUp(event) {
  if (event) event.preventDefault();
  const query = $("query").value.trim();
  if (!query) return;
  const token = tokenInput.value.trim();
  sessionStorage.setItem("tm-token", token);
  $("status").textContent = "";
  const parameters = new URLSearchParams({ from: $("from").value, min: $("min").value || "50", n: "10" });
  try {
    const response = await fetch("v1/lookup?" + parameters, {
      method: "POST",
      headers: { "Authorization": "Bearer " + token, "Content-Type": "application/json" },
      body: JSON.stringify({ q: query })
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      $("status").textContent = response.status === 401 ? "Give a valid token (ask the server's admin: tm serve token create)."
        : (body.error || ("The server answered " + response.status));
      return;
    }
    showGlossary(body);
    showMatches(body);
    showConcordance(body);
  } catch (error) {
    $("status").textContent = "Cannot reach the server: " + error;
  }
}
$("search").addEventListener("submit", lookUp);
</script>
</body>
</html>
"""#
}
