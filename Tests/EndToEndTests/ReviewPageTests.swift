import Foundation
import XCTest

/// The review page as a translator uses it: `tm align --review` writes it, a real browser
/// (headless Chromium driven by selenium, `Support/review_page.py`) unticks, merges, splits and
/// saves the decisions, and `tm align --apply` stores exactly the pairs chosen.
final class ReviewPageTests: XCTestCase {
    /// An article pair written for this test; the English leaves one sentence out.
    static let indonesian = """
    Gubernur resmikan jembatan baru di Kapuas

    Kapuas (ANTARA) - Gubernur Kalimantan Tengah meresmikan jembatan sepanjang 420 meter yang menghubungkan dua kecamatan di Kabupaten Kapuas pada Rabu. Jembatan itu dibangun selama dua tahun dengan biaya Rp310 miliar.

    Menurut gubernur, jembatan tersebut akan memangkas waktu tempuh warga dari tiga jam menjadi 20 menit. Sebelumnya warga harus menyeberang sungai dengan perahu kayu.

    Kepala Dinas Pekerjaan Umum Rudi Hartono mengatakan jembatan itu mampu menahan beban kendaraan hingga 30 ton. Pemeriksaan rutin akan dilakukan setiap enam bulan.

    Warga menyambut peresmian itu dengan tarian tradisional dan pawai perahu hias.

    Pemerintah provinsi juga berencana membangun tiga jembatan lain hingga 2027.

    Penerjemah: Nur Aini
    Editor: Bambang Setiawan
    """

    static let english = """
    Governor opens new bridge in Kapuas

    Kapuas (ANTARA) - The governor of Central Kalimantan on Wednesday opened a 420-metre bridge connecting two sub-districts in Kapuas Regency. The bridge was built over two years at a cost of Rp310 billion.

    According to the governor, the bridge will cut the travel time of residents from three hours to 20 minutes. Previously, residents had to cross the river in wooden boats.

    Head of the Public Works Office Rudi Hartono said the bridge could carry vehicles weighing up to 30 tons. Routine inspections will be carried out every six months.

    The provincial government also plans to build three more bridges by 2027.

    Editor: Bambang Setiawan
    """

    /// One stored unit: its texts and props.
    private struct StoredUnit: Equatable {
        var indonesian: String
        var english: String
        var props: [String: String]
        var creator: String
    }

    private struct Alignment {
        var folder: URL
        var indonesian: URL
        var english: URL
        var page: URL
        /// The pairs `tm align --format json` printed for the run that wrote the page.
        var pairs: [[String: Any]]
    }

    /// Writes the articles and aligns them with `--dry-run --review`.
    private func alignWithPage() throws -> Alignment {
        let folder = try TMProcess.temporaryFolder(self)
        let id = folder.appendingPathComponent("jembatan.id.txt"), en = folder.appendingPathComponent("jembatan.en.txt")
        try Self.indonesian.write(to: id, atomically: true, encoding: .utf8)
        try Self.english.write(to: en, atomically: true, encoding: .utf8)
        let page = folder.appendingPathComponent("page.html")
        let run = try TMProcess.run(["align", "--dry-run", "--format", "json", "--review", page.path, id.path, en.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return Alignment(folder: folder, indonesian: id, english: en, page: page, pairs: report?["pairs"] as? [[String: Any]] ?? [])
    }

    /// The units of every TMX file in a memory folder, in file order.
    private func storedUnits(_ memory: URL) throws -> [StoredUnit] {
        let files = try FileManager.default.contentsOfDirectory(atPath: memory.path).filter { $0.hasSuffix(".tmx") }.sorted()
        var units: [StoredUnit] = []
        for file in files {
            let tmx = try String(contentsOf: memory.appendingPathComponent(file), encoding: .utf8)
            for block in matches(#"<tu [^>]*>[\s\S]*?</tu>"#, in: tmx) {
                let segments = matches(#"(?<=<seg>)[^<]*(?=</seg>)"#, in: block)
                var props: [String: String] = [:]
                for prop in matches(#"<prop type="[^"]+">[^<]*</prop>"#, in: block) {
                    let type = matches(#"(?<=type=")[^"]+"#, in: prop)[0], value = matches(#"(?<=>)[^<]*"#, in: prop)[0]
                    // The run's props differ from run to run; RunCommandTests checks them.
                    if !type.hasPrefix("x-tm-run") { props[type] = value }
                }
                units.append(StoredUnit(indonesian: segments[0], english: segments[1], props: props,
                                        creator: matches(#"(?<=creationid=")[^"]*"#, in: block).first ?? ""))
            }
        }
        return units
    }

    private func matches(_ pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range, in: text)!]) }
    }

    /// The unit `tm align` stores for an aligned pair (reviewed: as `--apply` stores one the translator made).
    private func stored(_ pair: [String: Any], reviewed: Bool = false) -> StoredUnit {
        var props = ["x-editor": "Bambang Setiawan", "x-indonesian-file": "jembatan.id.txt", "x-english-file": "jembatan.en.txt",
                     "x-alignment-confidence": String(format: "%.3f", pair["confidence"] as! Double)]
        if reviewed { props["x-alignment-reviewed"] = "reviewer" }
        return StoredUnit(indonesian: pair["indonesian"] as! String, english: pair["english"] as! String, props: props, creator: "Nur Aini")
    }

    private func isStorable(_ pair: [String: Any]) -> Bool {
        pair["kind"] as? String == "1-1" && (pair["confidence"] as? Double ?? 0) >= 0.5
    }

    // MARK: - In a browser

    /// Runs the selenium script on the page; skips (fails on CI) without Chromium, chromedriver or selenium.
    private func drive(_ page: URL, downloads: URL, _ actions: [String]) throws -> [String: Any] {
        let python = try OutsideTools.tool("python3")
        for program in ["/usr/bin/chromium", "/usr/bin/chromedriver"] where !FileManager.default.isExecutableFile(atPath: program) {
            throw OutsideTools.missing("\(program) (apt install chromium chromium-driver)")
        }
        guard try TMProcess.runProgram(python, ["-c", "import selenium"]).status == 0 else {
            throw OutsideTools.missing("selenium (pip install selenium)")
        }
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support/review_page.py")
        let run = try OutsideTools.run(python, [script.path, page.path, downloads.path] + actions, timeout: 300)
        XCTAssertEqual(run.status, 0, run.stderr)
        return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] ?? [:]
    }

    /// Rows in a form that compares (keys sorted).
    private func canonical(_ rows: [[String: Any]]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys]), as: UTF8.self)
    }

    func testDecisionsMadeInABrowserAreStored() throws {
        let alignment = try alignWithPage()
        let pairs = alignment.pairs
        guard let omission = pairs.firstIndex(where: { $0["kind"] as? String == "1-0" }), omission > 0, isStorable(pairs[omission - 1]) else {
            return XCTFail("the fixture should align with one sentence left out after a 1-1 pair: \(pairs)")
        }
        let merged = omission - 1
        let storable = pairs.indices.filter { isStorable(pairs[$0]) }
        guard let edited = storable.first(where: { storable.contains($0 + 1) && $0 + 1 < merged }),
              let unticked = storable.first(where: { ![edited, edited + 1, merged].contains($0) }) else {
            return XCTFail("the fixture should give consecutive confident 1-1 pairs: \(pairs)")
        }
        let screenshot = alignment.folder.appendingPathComponent("review.png")
        let downloads = alignment.folder.appendingPathComponent("downloads")
        let (e, n) = (edited + 1, edited + 2)  // rows as the page numbers them
        let result = try drive(alignment.page, downloads: downloads, [
            "state",
            // A merge and its split leave the rows as they were.
            "merge:\(e)", "split:\(e)", "state",
            // So do a merge, two sentences cut off it and a merge of the two rows they made.
            "merge:\(e)", "cut:\(e):id:last", "cut:\(e):en:last", "state", "merge:\(n)", "state",
            // The decisions: one pair unticked, the sentence left out merged into the pair before it.
            "untick:\(unticked + 1)", "merge:\(merged + 1)", "state",
            "screenshot:\(screenshot.path)", "save",
        ])
        XCTAssertEqual(result["resources"] as? [String], [], "the page must load nothing")
        XCTAssertEqual(result["errors"] as? [String], [], "no script errors")
        let states = try XCTUnwrap(result["states"] as? [[[String: Any]]])
        XCTAssertEqual(states.count, 5)
        XCTAssertEqual(states[0].count, pairs.count)
        XCTAssertEqual(try canonical(states[1]), try canonical(states[0]), "split undoes a merge")
        let ids = { (row: Int) in pairs[row]["indonesianSentences"] as! [Int] }, ens = { (row: Int) in pairs[row]["englishSentences"] as! [Int] }
        XCTAssertEqual(states[2][edited...(edited + 2)].map { $0["id"] as! [Int] }, [ids(edited), [], ids(edited + 1)])
        XCTAssertEqual(states[2][edited...(edited + 2)].map { $0["en"] as! [Int] }, [ens(edited), ens(edited + 1), []])
        XCTAssertEqual(try canonical(states[3]), try canonical(states[0]), "rows put back as the aligner proposed them are the aligner's again")
        let decided = states[4]
        XCTAssertEqual(decided.count, pairs.count - 1)
        XCTAssertEqual(decided[unticked]["keep"] as? Bool, false)
        XCTAssertEqual(decided[merged]["id"] as? [Int], ids(merged) + ids(omission))
        XCTAssertEqual(decided[merged]["en"] as? [Int], ens(merged))
        XCTAssertEqual(decided[merged]["keep"] as? Bool, true)
        XCTAssertTrue((decided[merged]["classes"] as? String ?? "").contains("mine"), "\(decided[merged])")
        let png = try Data(contentsOf: screenshot)
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let saved = try XCTUnwrap(result["saved"] as? String, "the download did not arrive")
        XCTAssertEqual(URL(fileURLWithPath: saved).lastPathComponent, "jembatan.id.decisions.json")

        let memory = alignment.folder.appendingPathComponent("mem")
        let apply = try TMProcess.run(["align", "--apply", saved, "--tm", memory.path, "--format", "json"], environment: ["USER": "reviewer"])
        XCTAssertEqual(apply.status, 0, apply.stderr)
        var expected: [StoredUnit] = []
        for index in storable where index != unticked && index != merged {
            expected.append(stored(pairs[index]))
        }
        var made = stored(pairs[merged], reviewed: true)
        made.indonesian += " " + (pairs[omission]["indonesian"] as! String)
        made.props["x-alignment-confidence"] = "1.000"
        expected.insert(made, at: storable.filter { $0 < merged && $0 != unticked }.count)
        XCTAssertEqual(try storedUnits(memory), expected)
        let report = try JSONSerialization.jsonObject(with: Data(apply.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(report?["stored"] as? Int, expected.count)
        XCTAssertEqual(report?["rejectedOnReview"] as? Int, 1)
    }

    // MARK: - Without a browser

    /// The decisions a page starts from, as "Save decisions" writes them when nothing is changed.
    private func embeddedDecisions(_ alignment: Alignment) throws -> URL {
        let html = try String(contentsOf: alignment.page, encoding: .utf8)
        let json = try XCTUnwrap(matches(#"(?<=<script type="application/json" id="decisions">)[^<]*(?=</script>)"#, in: html).first)
        let url = alignment.folder.appendingPathComponent("decisions.json")
        try json.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func testApplyingAnUnchangedPageStoresWhatAlignStores() throws {
        let alignment = try alignWithPage()
        let decisions = try embeddedDecisions(alignment)
        let applied = alignment.folder.appendingPathComponent("applied"), aligned = alignment.folder.appendingPathComponent("aligned")
        let apply = try TMProcess.run(["align", "--apply", decisions.path, "--tm", applied.path])
        XCTAssertEqual(apply.status, 0, apply.stderr)
        XCTAssertTrue(apply.stdout.contains("0 unticked on review"), apply.stdout)
        let align = try TMProcess.run(["align", alignment.indonesian.path, alignment.english.path, "--tm", aligned.path])
        XCTAssertEqual(align.status, 0, align.stderr)
        let units = try storedUnits(applied)
        XCTAssertEqual(units, try storedUnits(aligned))
        XCTAssertEqual(units, alignment.pairs.filter(isStorable).map { stored($0) })

        // Applied again, or onto a memory the same pairs were aligned into, nothing is added.
        for memory in [applied, aligned] {
            let again = try TMProcess.run(["align", "--apply", decisions.path, "--tm", memory.path, "--format", "json"])
            XCTAssertEqual(again.status, 0, again.stderr)
            let report = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any]
            XCTAssertEqual(report?["stored"] as? Int, 0)
            XCTAssertEqual(report?["alreadyStored"] as? Int, units.count)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: memory.path).filter { $0.hasSuffix(".tmx") }.count, 1)
        }
    }

    func testApplyRefusesAFileChangedSinceTheReview() throws {
        let alignment = try alignWithPage()
        let decisions = try embeddedDecisions(alignment)
        try (Self.english + "\nA sentence added later.\n").write(to: alignment.english, atomically: true, encoding: .utf8)
        let memory = alignment.folder.appendingPathComponent("mem")
        let apply = try TMProcess.run(["align", "--apply", decisions.path, "--tm", memory.path])
        XCTAssertEqual(apply.status, 1)
        XCTAssertTrue(apply.stderr.contains(alignment.english.lastPathComponent + ": has changed since its review page was made"), apply.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: memory.path), "nothing stored, no memory made")

        try FileManager.default.removeItem(at: alignment.indonesian)
        let missing = try TMProcess.run(["align", "--apply", decisions.path, "--tm", memory.path])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains(alignment.indonesian.lastPathComponent + ": cannot read: no such file"), missing.stderr)
    }

    func testApplyUsage() throws {
        let alignment = try alignWithPage()
        let decisions = try embeddedDecisions(alignment)
        let withFiles = try TMProcess.run(["align", "--apply", decisions.path, alignment.indonesian.path, alignment.english.path])
        XCTAssertEqual(withFiles.status, 64)
        XCTAssertTrue(withFiles.stderr.contains("--apply takes no files"), withFiles.stderr)
        let noFiles = try TMProcess.run(["align"])
        XCTAssertEqual(noFiles.status, 64)
        XCTAssertTrue(noFiles.stderr.contains("Missing expected argument '<id-file>'"), noFiles.stderr)
        let notDecisions = try TMProcess.run(["align", "--apply", alignment.page.path])
        XCTAssertEqual(notDecisions.status, 1)
        XCTAssertTrue(notDecisions.stderr.contains("page.html: not a review decisions file"), notDecisions.stderr)
    }
}
