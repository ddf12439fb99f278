import XCTest

final class GlossaryCommandTests: XCTestCase {
    func write(_ folder: URL, _ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testAddRefusesDuplicatesAndConflictsThenListFinds() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let added = try TMProcess.run(["glossary", "add", "kemitraan strategis", "strategic partnership", "--note", "diplomacy"], in: folder)
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("Glossaries/glossary.tsv"), encoding: .utf8),
                       "kemitraan strategis\tstrategic partnership\tdiplomacy\n")
        let duplicate = try TMProcess.run(["glossary", "add", "Kemitraan Strategis", "strategic partnership"], in: folder)
        XCTAssertEqual(duplicate.status, 1)
        XCTAssertTrue(duplicate.stderr.contains("already in the glossary (Glossaries/glossary.tsv:1)"), duplicate.stderr)
        let conflict = try TMProcess.run(["glossary", "add", "kemitraan strategis", "strategic alliance"], in: folder)
        XCTAssertEqual(conflict.status, 1)
        XCTAssertTrue(conflict.stderr.contains("conflicts with"), conflict.stderr)
        let forced = try TMProcess.run(["glossary", "add", "kemitraan strategis", "strategic alliance", "--allow-conflict"], in: folder)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        let list = try TMProcess.run(["glossary", "list", "--grep", "ALLIANCE"], in: folder)
        XCTAssertEqual(list.status, 2, "a conflict is in the glossary now")
        XCTAssertEqual(list.stdout, "kemitraan strategis\tstrategic alliance\n")
        XCTAssertTrue(list.stderr.contains("Glossaries/glossary.tsv:2: kemitraan strategis → strategic alliance conflicts with strategic partnership at Glossaries/glossary.tsv:1"), list.stderr)
        let json = try TMProcess.run(["glossary", "list", "--json"], in: folder)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((decoded?["entries"] as? [Any])?.count, 2)
        XCTAssertEqual((decoded?["problems"] as? [Any])?.count, 1)
    }

    /// `--grep` reports the duplicates and conflicts of the entries it shows, not of others.
    func testGrepReportsOnlyProblemsOfMatchingEntries() throws {
        let folder = try TMProcess.temporaryFolder(self)
        _ = try write(folder, "Glossaries/terms.tsv", "Kemenlu\tForeign Ministry\nkemenlu\tMinistry of Foreign Affairs\nSenin\tMonday\nsenin\tMonday\nkemitraan\tpartnership\n")
        let unrelated = try TMProcess.run(["glossary", "list", "--grep", "partner"], in: folder)
        XCTAssertEqual(unrelated.status, 0, unrelated.stderr)
        XCTAssertEqual(unrelated.stdout, "kemitraan\tpartnership\n")
        XCTAssertEqual(unrelated.stderr, "")
        let json = try TMProcess.run(["glossary", "list", "--grep", "partner", "--json"], in: folder)
        XCTAssertEqual(((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["problems"] as? [Any])?.count, 0)
        let ministry = try TMProcess.run(["glossary", "list", "--grep", "foreign ministry"], in: folder)
        XCTAssertEqual(ministry.status, 2, "the conflict of Kemenlu is about an entry shown")
        XCTAssertTrue(ministry.stderr.contains("Glossaries/terms.tsv:2: kemenlu → Ministry of Foreign Affairs conflicts with"), ministry.stderr)
        XCTAssertFalse(ministry.stderr.contains("Monday"), ministry.stderr)
        let all = try TMProcess.run(["glossary", "list"], in: folder)
        XCTAssertEqual(all.status, 2)
        XCTAssertTrue(all.stderr.contains("[duplicate]") && all.stderr.contains("[conflict]"), all.stderr)
    }

    /// With no glossary, list says where it looked instead of printing nothing.
    func testListWithoutAGlossarySaysWhereItLooked() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let none = try TMProcess.run(["glossary", "list"], in: folder)
        XCTAssertEqual(none.status, 0, none.stderr)
        XCTAssertEqual(none.stdout, "")
        XCTAssertTrue(none.stderr.contains("no glossary entries: looked in Glossaries (not there), from the default"), none.stderr)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Glossaries"), withIntermediateDirectories: true)
        let empty = try TMProcess.run(["glossary", "list"], in: folder)
        XCTAssertTrue(empty.stderr.contains("looked in Glossaries (no .tsv, .txt, .csv or .tbx file in it)"), empty.stderr)
        _ = try write(folder, "blank.tsv", "# nothing yet\n")
        let blank = try TMProcess.run(["glossary", "list", "--glossary", "blank.tsv"], in: folder)
        XCTAssertTrue(blank.stderr.contains("looked in blank.tsv (no entries), from --glossary"), blank.stderr)
        let environment = try TMProcess.run(["glossary", "list"], in: folder, environment: ["TM_GLOSSARY": "blank.tsv"])
        XCTAssertTrue(environment.stderr.contains("looked in blank.tsv (no entries), from $TM_GLOSSARY"), environment.stderr)
        let json = try TMProcess.run(["glossary", "list", "--json"], in: folder)
        XCTAssertTrue(json.stdout.hasPrefix("{"), json.stdout)
        XCTAssertTrue(json.stderr.contains("no glossary entries"), json.stderr)
    }

    func testImportReportsDuplicatesAndWritesNewEntries() throws {
        let folder = try TMProcess.temporaryFolder(self)
        _ = try write(folder, "Glossaries/glossary.tsv", "Senin\tMonday\n")
        let csv = try write(folder, "new.csv", "Indonesian,English,Note\nSenin,Monday,\nSelasa,Tuesday,day\nSenin,Sunday,wrong\n")
        let result = try TMProcess.run(["glossary", "import", csv], in: folder)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stdout.contains("imported 1 of 3"), result.stdout)
        XCTAssertTrue(result.stderr.contains("new.csv:2:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("new.csv:4:"), result.stderr)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("Glossaries/glossary.tsv"), encoding: .utf8),
                       "Senin\tMonday\nSelasa\tTuesday\tday\n")
        let empty = try write(folder, "empty.tsv", "")
        let refused = try TMProcess.run(["glossary", "import", empty], in: folder)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("empty.tsv: no glossary entries found"), refused.stderr)
    }

    func testImportRefusesHostileTBX() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let tbx = try write(folder, "evil.tbx", """
        <?xml version="1.0"?>
        <!DOCTYPE martif [ <!ENTITY x SYSTEM "http://example.invalid/x"> ]>
        <martif type="TBX"><text><body><termEntry><langSet xml:lang="id"><tig><term>&x;</term></tig></langSet></termEntry></body></text></martif>
        """)
        let result = try TMProcess.run(["glossary", "import", tbx], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("evil.tbx:2:") && result.stderr.contains("external entity"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Glossaries/glossary.tsv").path))
    }

    func testExportEveryFormatAndReimport() throws {
        let folder = try TMProcess.temporaryFolder(self)
        _ = try write(folder, "Glossaries/a.tsv", "Kemenlu\tForeign Ministry\tgovernment\nPewarta\tReporter\n")
        for format in ["tsv", "csv", "tbx", "tbx2"] {
            let out = folder.appendingPathComponent("out-\(format).\(format == "tbx2" ? "tbx" : format)").path
            let exported = try TMProcess.run(["glossary", "export", "--format", format, "--out", out], in: folder)
            XCTAssertEqual(exported.status, 0, exported.stderr)
            let other = folder.appendingPathComponent("other-\(format)").path
            let imported = try TMProcess.run(["glossary", "import", out, "--glossary", other + "/g.tsv"], in: folder)
            XCTAssertEqual(imported.status, 0, imported.stderr)
            XCTAssertEqual(try String(contentsOfFile: other + "/g.tsv", encoding: .utf8), "Kemenlu\tForeign Ministry\tgovernment\nPewarta\tReporter\n", format)
        }
        let stdout = try TMProcess.run(["glossary", "export", "--format", "csv", "--out", "-"], in: folder)
        XCTAssertEqual(stdout.stdout, "source,target,note,pos,domain,alternatives,forbidden\nKemenlu,Foreign Ministry,government,,,,\nPewarta,Reporter,,,,,\n")
        let usage = try TMProcess.run(["glossary", "export", "--format", "tbx", "--out", "-"], in: folder)
        XCTAssertEqual(usage.status, 64)
        let badFormat = try TMProcess.run(["glossary", "export", "--format", "xlsx", "--out", "x"], in: folder)
        XCTAssertEqual(badFormat.status, 64)
    }

    /// The entries of `glossary list --json`, without where each was read.
    func listedEntries(_ arguments: [String], in folder: URL, file: StaticString = #filePath, line: UInt = #line) throws -> NSArray {
        let listed = try TMProcess.run(["glossary", "list", "--json"] + arguments, in: folder)
        XCTAssertEqual(listed.status, 0, listed.stderr, file: file, line: line)
        let object = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any]
        let entries = (object?["entries"] as? [[String: Any]] ?? []).map { $0.filter { $0.key != "origin" } }
        return entries as NSArray
    }

    func testAddKeepsForbiddenPartOfSpeechAndDomain() throws {
        let folder = try TMProcess.temporaryFolder(self)
        _ = try write(folder, "Glossaries/glossary.tsv", "Senin\tMonday\tday\n")
        let added = try TMProcess.run(["glossary", "add", "Kemenlu", "Foreign Ministry", "--forbidden", "Foreign Affairs Ministry",
                                       "--forbidden", "Deplu", "--pos", "noun", "--domain", "politics", "--alternative", "MFA", "--status", "admitted"], in: folder)
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("Glossaries/glossary.tsv"), encoding: .utf8), """
        Senin\tMonday\tday
        # tm glossary columns: source\ttarget\tnote\tpos\tdomain\tstatus\talternatives\tforbidden
        Kemenlu\tForeign Ministry\t\tnoun\tpolitics\tadmitted\tMFA\tForeign Affairs Ministry|Deplu

        """)
        let entries = try listedEntries([], in: folder)
        XCTAssertEqual(entries.count, 2)
        let kemenlu = entries[1] as? [String: Any] ?? [:]
        XCTAssertEqual(kemenlu["forbiddenTargets"] as? [String], ["Foreign Affairs Ministry", "Deplu"])
        XCTAssertEqual(kemenlu["alternativeTargets"] as? [String], ["MFA"])
        XCTAssertEqual(kemenlu["partOfSpeech"] as? String, "noun")
        XCTAssertEqual(kemenlu["domain"] as? String, "politics")
        XCTAssertEqual(kemenlu["targetStatus"] as? String, "admitted")
        let text = try TMProcess.run(["glossary", "list", "--grep", "kemenlu"], in: folder)
        XCTAssertEqual(text.stdout, "Kemenlu\tForeign Ministry\tnoun | politics | admitted | also: MFA | not: Foreign Affairs Ministry; Deplu\n")

        let hashtag = try TMProcess.run(["glossary", "add", "#MeToo", "#MeToo"], in: folder)
        XCTAssertEqual(hashtag.status, 1)
        XCTAssertTrue(hashtag.stderr.contains("Glossaries/glossary.tsv: not written: #MeToo → #MeToo: a TSV row starting with '#'"), hashtag.stderr)
        let deprecated = try TMProcess.run(["glossary", "add", "a", "b", "--status", "deprecated"], in: folder)
        XCTAssertEqual(deprecated.status, 64, deprecated.stderr)
        XCTAssertEqual(try listedEntries([], in: folder).count, 2)
    }

    /// A TBX's admitted terms stay admitted (and superseded ones superseded) through import and export.
    func testImportOfTBXKeepsAdmittedTerms() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let tbx = try write(folder, "their.tbx", """
        <?xml version="1.0" encoding="UTF-8"?>
        <martif type="TBX" xml:lang="en"><text><body>
        <termEntry id="t1"><descrip type="subjectField">politics</descrip>
        <langSet xml:lang="id"><tig><term>Kemlu</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote><termNote type="partOfSpeech">noun</termNote></tig></langSet>
        <langSet xml:lang="en"><tig><term>Foreign Ministry</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
          <tig><term>Deplu</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig></langSet>
        </termEntry></body></text></martif>
        """)
        let imported = try TMProcess.run(["glossary", "import", tbx], in: folder)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let entry = try listedEntries([], in: folder).firstObject as? [String: Any] ?? [:]
        XCTAssertEqual(entry["targetStatus"] as? String, "admitted")
        XCTAssertEqual(entry["sourceStatus"] as? String, "admitted")
        XCTAssertEqual(entry["forbiddenTargets"] as? [String], ["Deplu"])
        XCTAssertEqual(entry["supersededTargets"] as? [String], ["Deplu"])
        XCTAssertEqual(entry["partOfSpeech"] as? String, "noun")
        XCTAssertEqual(entry["domain"] as? String, "politics")
        let exported = try TMProcess.run(["glossary", "export", "--format", "tbx", "--out", "back.tbx"], in: folder)
        XCTAssertEqual(exported.status, 0, exported.stderr)
        let back = try String(contentsOf: folder.appendingPathComponent("back.tbx"), encoding: .utf8)
        XCTAssertTrue(back.contains("<term>Foreign Ministry</term><min:partOfSpeech>noun</min:partOfSpeech><min:administrativeStatus>admittedTerm-admn-sts</min:administrativeStatus>"), back)
        XCTAssertTrue(back.contains("<term>Deplu</term><min:partOfSpeech>noun</min:partOfSpeech><min:administrativeStatus>supersededTerm-admn-sts</min:administrativeStatus>"), back)
    }

    /// Every skipped row is listed (no "… and N more"), and the import exits 2.
    func testImportListsEverySkippedEntry() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let rows = (1...35).map { "baris\($0) tanpa tab\n" }.joined() + "Senin\tMonday\n"
        let file = try write(folder, "rows.tsv", rows)
        let result = try TMProcess.run(["glossary", "import", file], in: folder)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertEqual(result.stdout, "imported 1 of 1 entry into Glossaries/glossary.tsv; 35 rows of \(file) skipped\n")
        let listed = result.stderr.split(separator: "\n").filter { $0.contains("found no tab") }
        XCTAssertEqual(listed, (1...35).map { "\(file):\($0): expected source<TAB>target[<TAB>comment], found no tab [skippedRow]"[...] })
    }

    /// Entries using every field keep them through export and import in each format.
    func testEveryFieldSurvivesEachFormat() throws {
        let folder = try TMProcess.temporaryFolder(self)
        _ = try write(folder, "Glossaries/a.tsv", """
        # tm glossary columns: source\ttarget\tnote\tpos\tdomain\tstatus\tsource status\talternatives\tpreferred alternatives\tforbidden\tsuperseded
        Kemenlu\tForeign Ministry\tministry\tnoun\tgovernment\t\t\t\t\tForeign Affairs Ministry|Deplu\tDeplu
        Kemlu\tForeign Ministry\tolder form\tproper noun\tgovernment\tadmitted\tadmitted\tMFA|Ministry of Foreign \\| Affairs
        Kementerian Luar Negeri\tForeign Ministry\t\t\t\t\t\tMFA|Ministry of Foreign Affairs\tMinistry of Foreign Affairs
        Pewarta\tReporter

        """)
        let original = try listedEntries([], in: folder)
        XCTAssertEqual(original.count, 4)
        for format in ["tsv", "csv", "tbx", "tbx2"] {
            let ext = format == "tbx2" ? "tbx" : format
            let out = "out-\(format).\(ext)"
            let exported = try TMProcess.run(["glossary", "export", "--format", format, "--out", out], in: folder)
            XCTAssertEqual(exported.status, 0, exported.stderr)
            XCTAssertEqual(try listedEntries(["--glossary", out], in: folder), original, "export as \(format)")
            let destination = "other-\(format)/g.\(ext)"
            let imported = try TMProcess.run(["glossary", "import", out, "--glossary", destination], in: folder)
            XCTAssertEqual(imported.status, 0, imported.stderr)
            XCTAssertEqual(try listedEntries(["--glossary", destination], in: folder), original, "import into \(format)")
        }
    }

    func testStarterGlossaryLoadsCleanly() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = try TMProcess.run(["glossary", "list", "--glossary", root.appendingPathComponent("Glossaries").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertGreaterThanOrEqual(result.stdout.split(separator: "\n").count, 500)
        XCTAssertTrue(result.stdout.contains("Kemenlu\tForeign Ministry"))
        let tbx = try TMProcess.run(["glossary", "list", "--glossary", root.appendingPathComponent("Glossaries/tbx/news-id-en.tbx").path])
        XCTAssertEqual(tbx.status, 0, tbx.stderr)
        XCTAssertEqual(tbx.stdout, result.stdout, "the TBX copy holds the same entries as the TSV")
    }

    func testSuggestFromAMemoryAndAccept() throws {
        let folder = try TMProcess.temporaryFolder(self)
        var rows = "id\ten\n"
        let countries = [("Jepang", "Japan"), ("Australia", "Australia"), ("Rusia", "Russia"), ("Prancis", "France"), ("Jerman", "Germany"), ("Mesir", "Egypt")]
        let fields = [("perdagangan", "trade"), ("pendidikan", "education"), ("energi", "energy"), ("pertahanan", "defense"), ("pariwisata", "tourism"), ("kesehatan", "health")]
        for (k, c) in countries.enumerated() {
            let f = fields[k], g = fields[(k + 2) % fields.count]
            rows += "Kerja sama bilateral di bidang \(f.0) terus tumbuh.\tBilateral cooperation in \(f.1) keeps growing.\n"
            rows += "\(c.0) menginginkan kerja sama bilateral yang lebih erat.\t\(c.1) wants closer bilateral cooperation.\n"
            rows += "Kerja keras di bidang \(g.0) membuahkan hasil.\tHard work in \(g.1) paid off.\n"
            rows += "Pejabat \(c.0) membahas \(f.0) dan \(g.0).\t\(c.1) officials discussed \(f.1) and \(g.1).\n"
        }
        let pairs = try write(folder, "pairs.tsv", rows)
        let imported = try TMProcess.run(["import", "--tm", "TMX", pairs], in: folder)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let json = try TMProcess.run(["glossary", "suggest", "--tm", "TMX", "--json", "-n", "100"], in: folder)
        XCTAssertEqual(json.status, 0, json.stderr)
        let suggestions = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
        let pairsFound = suggestions.map { (($0["source"] as? String ?? "").lowercased(), ($0["target"] as? String ?? "").lowercased()) }
        XCTAssertTrue(pairsFound.contains { $0 == ("kerja sama bilateral", "bilateral cooperation") }, "\(pairsFound)")
        let rank = (pairsFound.firstIndex { $0.0 == "kerja sama bilateral" } ?? 0) + 1
        let accepted = try TMProcess.run(["glossary", "suggest", "--tm", "TMX", "-n", "100", "--accept", "mine.tsv", "--pick", "\(rank)"], in: folder)
        XCTAssertEqual(accepted.status, 0, accepted.stderr)
        let written = try String(contentsOf: folder.appendingPathComponent("mine.tsv"), encoding: .utf8)
        XCTAssertTrue(written.lowercased().hasPrefix("kerja sama bilateral\tbilateral cooperation\tsuggested from the memory"), written)
        // Accepted terms in the glossary are no longer suggested.
        let again = try TMProcess.run(["glossary", "suggest", "--tm", "TMX", "--json", "-n", "100", "--glossary", "mine.tsv"], in: folder)
        XCTAssertFalse(again.stdout.lowercased().contains("\"kerja sama bilateral\""), again.stdout)
        let badPick = try TMProcess.run(["glossary", "suggest", "--tm", "TMX", "--pick", "x"], in: folder)
        XCTAssertEqual(badPick.status, 64)
        let noMemory = try TMProcess.run(["glossary", "suggest", "--tm", "missing"], in: folder)
        XCTAssertEqual(noMemory.status, 1)
        XCTAssertTrue(noMemory.stderr.contains("missing: no such translation memory"), noMemory.stderr)
    }
}

final class GlossaryConcurrencyTests: XCTestCase {
    func testConcurrentAddsAllLand() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let days = ["Senin": "Monday", "Selasa": "Tuesday", "Rabu": "Wednesday", "Kamis": "Thursday",
                    "Jumat": "Friday", "Sabtu": "Saturday", "Minggu": "Sunday", "Maret": "March"]
        let group = DispatchGroup()
        let statuses = StatusBox()
        for (source, target) in days {
            group.enter()
            DispatchQueue.global().async {
                let status = (try? TMProcess.run(["glossary", "add", source, target], in: folder).status) ?? -1
                statuses.append(status)
                group.leave()
            }
        }
        group.wait()
        XCTAssertEqual(statuses.values, Array(repeating: 0, count: days.count))
        let text = try String(contentsOf: folder.appendingPathComponent("Glossaries/glossary.tsv"), encoding: .utf8)
        XCTAssertEqual(Set(text.split(separator: "\n").map(String.init)), Set(days.map { "\($0.key)\t\($0.value)" }))
        let list = try TMProcess.run(["glossary", "list"], in: folder)
        XCTAssertEqual(list.status, 0, "the lock file is not read as a glossary: \(list.stderr)")
    }

    func testStemCommand() throws {
        let result = try TMProcess.run(["glossary", "stem", "--mode", "derivational", "dilaksanakan"])
        XCTAssertEqual(result.stdout, "dilaksanakan\tlaksana\tdi-…-kan\n")
        let piped = try TMProcess.run(["glossary", "stem"], stdin: "strategisnya\nnegara-negara\n")
        XCTAssertEqual(piped.stdout, "strategisnya\tstrategis\t-nya\nnegara-negara\tnegara\treduplication\n")
    }
}

private final class StatusBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Int32] = []
    func append(_ value: Int32) { lock.lock(); storage.append(value); lock.unlock() }
    var values: [Int32] { lock.lock(); defer { lock.unlock() }; return storage }
}
