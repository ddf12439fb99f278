import Foundation
import XCTest

/// `tm check` as an editor runs it: the three inputs, the exit codes, the JSON, TSV and text
/// output, the ignore file, --only and --skip, and the HTML report in a real browser.
final class CheckCommandTests: XCTestCase {
    /// Pair 1 is right, pair 2 has the wrong scale word, pair 3 a term missing, line 4 is blank.
    static let pairs = """
    Sebanyak 1.500 warga menerima bantuan senilai Rp1,5 triliun.\tAs many as 1,500 residents received aid worth Rp1.5 trillion.
    Pemerintah menyiapkan anggaran Rp2,5 triliun.\tThe government prepared a budget of Rp2.5 billion.
    Kedua negara memperkuat kemitraan strategisnya.\tBoth countries strengthened their strategic cooperation.

    Kedua negara memperkuat kemitraan strategisnya.\tBoth countries strengthened their strategic partnerships.

    """

    static let glossary = "kemitraan strategis\tstrategic partnership\n"

    /// A folder with the pairs and the glossary, and no memory.
    private func folder() throws -> URL {
        let folder = try TMProcess.temporaryFolder(self)
        try Self.pairs.write(to: folder.appendingPathComponent("pairs.tsv"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Glossaries"), withIntermediateDirectories: true)
        try Self.glossary.write(to: folder.appendingPathComponent("Glossaries/news.tsv"), atomically: true, encoding: .utf8)
        return folder
    }

    private func json(_ result: TMResult) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout)
    }

    func testFindingsInJSONHaveTheIssuesShape() throws {
        let folder = try folder()
        let result = try TMProcess.run(["check", "--pairs", "pairs.tsv", "--json"], in: folder)
        XCTAssertEqual(result.status, 2, result.stderr)
        let report = try json(result)
        XCTAssertEqual(Set(report.keys), ["findings", "summary"])
        let findings = try XCTUnwrap(report["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.map { $0["check"] as? String }, ["money", "terms", "inconsistent-target"])
        XCTAssertEqual(findings.map { $0["pair"] as? Int }, [2, 3, 5], "pair N is line N")
        let money = findings[0]
        XCTAssertEqual(Set(money.keys), ["check", "pair", "severity", "message", "source", "target", "spans", "file", "line"])
        XCTAssertEqual(money["severity"] as? String, "error")
        XCTAssertEqual(money["file"] as? String, "pairs.tsv")
        XCTAssertEqual(money["line"] as? Int, 2)
        XCTAssertEqual(money["target"] as? String, "The government prepared a budget of Rp2.5 billion.")
        let spans = try XCTUnwrap(money["spans"] as? [[String: Any]])
        XCTAssertEqual(spans.map { $0["side"] as? String }, ["source", "target"])
        XCTAssertEqual(spans.map { $0["text"] as? String }, ["Rp2,5 triliun", "Rp2.5 billion"])
        XCTAssertEqual(spans[1]["start"] as? Int, 36)
        XCTAssertEqual(spans[1]["end"] as? Int, 49)
        let summary = try XCTUnwrap(report["summary"] as? [String: Any])
        XCTAssertEqual(summary["pairs"] as? Int, 4)
        XCTAssertEqual(summary["findings"] as? Int, 3)
        XCTAssertEqual(summary["byCheck"] as? [String: Int], ["money": 1, "terms": 1, "inconsistent-target": 1])
    }

    func testExitCodes() throws {
        let folder = try folder()
        try "Harga naik 5 persen.\tPrices rose 5 percent.\n".write(to: folder.appendingPathComponent("clean.tsv"), atomically: true, encoding: .utf8)
        let clean = try TMProcess.run(["check", "--pairs", "clean.tsv"], in: folder)
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertEqual(clean.stdout, "0 findings in 1 pair\n")
        XCTAssertEqual(try TMProcess.run(["check", "--pairs", "pairs.tsv"], in: folder).status, 2)
        XCTAssertEqual(try TMProcess.run(["check", "--pairs", "missing.tsv"], in: folder).status, 1)
        XCTAssertEqual(try TMProcess.run(["check", "--pairs", "clean.tsv", "--tm", "no-such-memory"], in: folder).status, 1,
                       "a memory asked for must exist")
        for usage in [["check"], ["check", "--pairs", "clean.tsv", "--memory"], ["check", "a.txt"],
                      ["check", "--pairs", "clean.tsv", "--only", "numbers,nunbers"], ["check", "--pairs", "clean.tsv", "--json", "--format", "tsv"]] {
            let run = try TMProcess.run(usage, in: folder)
            XCTAssertEqual(run.status, 64, "\(usage): \(run.stderr)")
        }
        XCTAssertTrue(try TMProcess.run(["check", "--pairs", "clean.tsv", "--skip", "nunbers"], in: folder).stderr.contains("nunbers"))
    }

    func testTSVHasTheSameFields() throws {
        let folder = try folder()
        let result = try TMProcess.run(["check", "--pairs", "pairs.tsv", "--format", "tsv", "--only", "money"], in: folder)
        XCTAssertEqual(result.status, 2, result.stderr)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines[0], ["check", "pair", "severity", "message", "source", "target", "spans", "file", "line", "id"])
        XCTAssertEqual(Array(lines[1][0...2]), ["money", "2", "error"])
        XCTAssertEqual(lines[1][6], "source:31-44 target:36-49")
        XCTAssertEqual(Array(lines[1][7...9]), ["pairs.tsv", "2", ""])
    }

    func testIgnoreFileOnlyAndSkip() throws {
        let folder = try folder()
        let ignore = "# accepted by the desk\nmoney\tPemerintah menyiapkan anggaran Rp2,5 triliun.\tThe government prepared a budget of Rp2.5 billion.\n"
        try ignore.write(to: folder.appendingPathComponent("ignore.tsv"), atomically: true, encoding: .utf8)
        let ignored = try json(try TMProcess.run(["check", "--pairs", "pairs.tsv", "--json", "--ignore", "ignore.tsv"], in: folder))
        XCTAssertEqual((ignored["findings"] as? [[String: Any]])?.map { $0["check"] as? String }, ["terms", "inconsistent-target"])
        let only = try json(try TMProcess.run(["check", "--pairs", "pairs.tsv", "--json", "--only", "terms", "--only", "money"], in: folder))
        XCTAssertEqual((only["findings"] as? [[String: Any]])?.map { $0["check"] as? String }, ["money", "terms"])
        let skipped = try TMProcess.run(["check", "--pairs", "pairs.tsv", "--json", "--skip", "money,terms,inconsistent-target"], in: folder)
        XCTAssertEqual(skipped.status, 0, skipped.stdout)
        try "money\tonly two fields\n".write(to: folder.appendingPathComponent("bad.tsv"), atomically: true, encoding: .utf8)
        let bad = try TMProcess.run(["check", "--pairs", "pairs.tsv", "--ignore", "bad.tsv"], in: folder)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("bad.tsv:1:"), bad.stderr)
    }

    func testTextIsGroupedByCheckAndColouredOnlyOnATerminal() throws {
        let folder = try folder()
        let plain = try TMProcess.run(["check", "--pairs", "pairs.tsv"], in: folder)
        XCTAssertTrue(plain.stdout.hasPrefix("money (1, error)\n  pair 2 pairs.tsv:2: source `Rp2,5 triliun`"), plain.stdout)
        XCTAssertTrue(plain.stdout.contains("\nterms (1, error)\n"), plain.stdout)
        XCTAssertTrue(plain.stdout.hasSuffix("3 findings in 4 pairs (money 1, terms 1, inconsistent-target 1)\n"), plain.stdout)
        XCTAssertFalse(plain.stdout.contains("\u{1B}["))
        let script = try Interop.tool("script")
        let command = "'\(TMProcess.executable.path)' check --pairs pairs.tsv"
        let coloured = try TMProcess.runProgram(script, ["-qec", command, "/dev/null"], in: folder, environment: ["NO_COLOR": ""])
        XCTAssertTrue(coloured.stdout.contains("\u{1B}[31mpair 2"), coloured.stdout)
        let noColor = try TMProcess.runProgram(script, ["-qec", command, "/dev/null"], in: folder)
        XCTAssertTrue(noColor.stdout.contains("money (1, error)"), noColor.stdout)
        XCTAssertFalse(noColor.stdout.contains("\u{1B}["), noColor.stdout)
    }

    /// Two articles aligned first: the sentence the English leaves out is untranslated; the
    /// credits are compared by kind.
    func testTwoArticlesAreAlignedAndTheirCreditsCompared() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let id = folder.appendingPathComponent("a.id.txt"), en = folder.appendingPathComponent("a.en.txt")
        try ReviewPageTests.indonesian.write(to: id, atomically: true, encoding: .utf8)
        try ReviewPageTests.english.replacingOccurrences(of: "Editor: Bambang Setiawan", with: "Editor: Rina Marlina")
            .write(to: en, atomically: true, encoding: .utf8)
        let result = try TMProcess.run(["check", id.path, en.path, "--json"], in: folder)
        XCTAssertEqual(result.status, 2, result.stderr)
        let findings = try XCTUnwrap(try json(result)["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.map { $0["check"] as? String }, ["untranslated", "credits"], "\(findings)")
        XCTAssertEqual(findings[0]["source"] as? String, "Warga menyambut peresmian itu dengan tarian tradisional dan pawai perahu hias.")
        XCTAssertEqual(findings[1]["source"] as? String, "Editor: Bambang Setiawan")
        XCTAssertEqual(findings[1]["line"] as? Int, 14)
        // Numbered as tm align --dry-run lists the pairs; the credits after them.
        let aligned = try TMProcess.run(["align", "--dry-run", "--format", "json", id.path, en.path], in: folder)
        let alignedPairs = try XCTUnwrap(try json(aligned)["pairs"] as? [[String: Any]])
        let omitted = try XCTUnwrap(alignedPairs.firstIndex { ($0["english"] as? String)?.isEmpty ?? false })
        XCTAssertEqual(findings[0]["pair"] as? Int, omitted + 1)
        XCTAssertEqual(findings[1]["pair"] as? Int, alignedPairs.count + 1, "only the editor is credited on both sides")
    }

    /// The memory checked itself, and the memory as what --pairs is compared against.
    func testTheMemoryAsInputAndAsReference() throws {
        let folder = try LookupCommandTests.memoryFolder(self)
        let tmx = folder.appendingPathComponent("TMX/news2.tmx")
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="id" datatype="plaintext"/>
        <body>
        <tu tuid="k7"><tuv xml:lang="id"><seg>Kemitraan strategis komprehensif</seg></tuv><tuv xml:lang="en"><seg>Comprehensive strategic partnerships</seg></tuv></tu>
        </body></tmx>
        """.write(to: tmx, atomically: true, encoding: .utf8)
        let own = try TMProcess.run(["check", "--memory", "--json"], in: folder)
        XCTAssertEqual(own.status, 2, own.stderr)
        let findings = try XCTUnwrap(try json(own)["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.map { $0["check"] as? String }, ["inconsistent-target"])
        XCTAssertEqual(findings[0]["id"] as? String, "k7")
        XCTAssertEqual(findings[0]["file"] as? String, "TMX/news2.tmx")

        try "Kemitraan strategis komprehensif\tA comprehensive strategic partnership\n".write(to: folder.appendingPathComponent("p.tsv"), atomically: true, encoding: .utf8)
        let against = try TMProcess.run(["check", "--pairs", "p.tsv", "--json"], in: folder)
        let message = try XCTUnwrap((try json(against)["findings"] as? [[String: Any]])?.first?["message"] as? String)
        XCTAssertTrue(message.hasPrefix("the memory gives the same source target `Comprehensive strategic partnership"), message)
    }

    /// The HTML report in headless Chromium: every finding shown with its spans marked, the filter
    /// shows one check, nothing is loaded from elsewhere, no script errors.
    func testHTMLReportInABrowser() throws {
        let folder = try folder()
        let page = folder.appendingPathComponent("report.html")
        let result = try TMProcess.run(["check", "--pairs", "pairs.tsv", "--html", page.path], in: folder)
        XCTAssertEqual(result.status, 2, result.stderr)
        let python = try OutsideTools.tool("python3")
        for program in ["/usr/bin/chromium", "/usr/bin/chromedriver"] where !FileManager.default.isExecutableFile(atPath: program) {
            throw OutsideTools.missing("\(program) (apt install chromium chromium-driver)")
        }
        guard try TMProcess.runProgram(python, ["-c", "import selenium"]).status == 0 else {
            throw OutsideTools.missing("selenium (pip install selenium)")
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support/check_report.py")
        let run = try OutsideTools.run(python, [script.path, page.path, "terms"], timeout: 300)
        XCTAssertEqual(run.status, 0, run.stderr)
        let seen = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(seen["resources"] as? [String], [])
        XCTAssertEqual(seen["errors"] as? [String], [])
        XCTAssertEqual(seen["sections"] as? [String], ["money", "terms", "inconsistent-target"])
        XCTAssertEqual(seen["marks"] as? [String], ["Rp2,5 triliun", "Rp2.5 billion", "kemitraan strategisnya"])
        XCTAssertEqual(seen["visibleAfterFilter"] as? [String], ["terms"])
        XCTAssertEqual(seen["summary"] as? String, "3 findings in 4 pairs: 2 errors, 1 warning.")
    }
}
