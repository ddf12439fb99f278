import XCTest

final class LookupCommandTests: XCTestCase {
    /// A small memory in a fresh folder: the project's own sample sentences.
    func memory() throws -> URL { try Self.memoryFolder(self) }

    /// The same memory, in a folder that `testCase` removes when it ends.
    static func memoryFolder(_ testCase: XCTestCase) throws -> URL {
        let folder = try TMProcess.temporaryFolder(testCase)
        let tmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="id" datatype="plaintext"/>
        <body>
        <tu creationid="budi" creationdate="20230201T080000Z"><tuv xml:lang="id"><seg>Kemitraan strategis komprehensif</seg></tuv><tuv xml:lang="en"><seg>Comprehensive strategic partnership</seg></tuv></tu>
        <tu creationid="rina" creationdate="20230202T080000Z"><tuv xml:lang="id"><seg>Indonesia dan Jepang sepakat memperkuat kemitraan strategis.</seg></tuv><tuv xml:lang="en"><seg>Indonesia and Japan agreed to strengthen their strategic partnership.</seg></tuv></tu>
        <tu creationid="budi" creationdate="20230203T080000Z"><tuv xml:lang="id"><seg>Kemitraan strategis itu dibahas pada 2-3 Februari dengan nilai 1.500 juta dolar.</seg></tuv><tuv xml:lang="en"><seg>The strategic partnership was discussed on Feb. 2-3 with a value of US$1,500 million.</seg></tuv></tu>
        </body></tmx>
        """
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("TMX"), withIntermediateDirectories: true)
        try tmx.write(to: folder.appendingPathComponent("TMX/news.tmx"), atomically: true, encoding: .utf8)
        return folder
    }

    func testPhraseShowsFuzzyMatchesAndConcordance() throws {
        let folder = try memory()
        let result = try TMProcess.run(["lookup", "kemitraan strategis"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Fuzzy matches (id, ≥ 50%): 1"), result.stdout)
        XCTAssertTrue(result.stdout.contains("→ Comprehensive strategic partnership"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Concordance (id): 3 units"), result.stdout)
        XCTAssertTrue(result.stdout.contains("budi · 2023-02-01 · TMX/news.tmx:"), result.stdout)
        XCTAssertFalse(result.stdout.contains("\u{1B}["), "no colours with NO_COLOR / off a terminal")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("TMX/.tm-index").path))
        XCTAssertEqual(result.stderr, "", "no progress bar off a terminal")
    }

    func testPlaceablesInJSON() throws {
        let folder = try memory()
        let query = "Kemitraan strategis itu dibahas pada 5-6 Februari dengan nilai 2.750 juta dolar."
        let result = try TMProcess.run(["lookup", query, "--json", "-n", "1"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let match = (json["matches"] as! [[String: Any]])[0]
        XCTAssertEqual(match["score"] as? Int, 98)
        XCTAssertEqual(match["target"] as? String, "The strategic partnership was discussed on Feb. 5-6 with a value of US$2,750 million.")
        XCTAssertEqual((match["placeables"] as? [[String: Any]])?.map { $0["kind"] as? String }, ["date", "money"])
        XCTAssertEqual((match["provenance"] as! [String: Any])["creationID"] as? String, "budi")
        XCTAssertNil(json["concordance"], "a sentence gets no concordance")
    }

    /// The issue's examples end to end: the scale word, `Rp`, the weekday and the date follow the
    /// query, each listed in `placeables`; a date the translation left out is flagged, in JSON and
    /// in the text; `--from en` repairs the Indonesian side.
    func testQuantityRepairsInJSONAndText() throws {
        let folder = try TMProcess.temporaryFolder(self)
        func unit(_ id: String, _ en: String) -> String {
            "<tu><tuv xml:lang=\"id\"><seg>\(id)</seg></tuv><tuv xml:lang=\"en\"><seg>\(en)</seg></tuv></tu>"
        }
        let tmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="id" datatype="plaintext"/>
        <body>
        \(unit("Nilai ekspor kopi mencapai 4,75 miliar dolar AS tahun lalu.", "Coffee exports reached US$4.75 billion last year."))
        \(unit("Rupiah melemah ke Rp15.625 per dolar AS pada Kamis (7/3).", "The rupiah weakened to Rp15,625 per U.S. dollar on Thursday (March 7)."))
        \(unit("Rapat kabinet digelar Kamis (7/3) di Istana Bogor.", "The cabinet meeting was held on Thursday at Bogor Palace."))
        </body></tmx>
        """
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("TMX"), withIntermediateDirectories: true)
        try tmx.write(to: folder.appendingPathComponent("TMX/news.tmx"), atomically: true, encoding: .utf8)
        func best(_ arguments: [String]) throws -> [String: Any] {
            let result = try TMProcess.run(["lookup"] + arguments + ["--json", "-n", "1"], in: folder)
            XCTAssertEqual(result.status, 0, result.stderr)
            let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
            return try XCTUnwrap((json["matches"] as? [[String: Any]])?.first, result.stdout)
        }
        func placeables(_ match: [String: Any]) -> [String] {
            (match["placeables"] as! [[String: Any]]).map { "\($0["kind"]!) \($0["from"]!) → \($0["to"]!) \($0["placed"] as! Bool)" }
        }
        let scale = try best(["Nilai ekspor kopi mencapai 4,75 juta dolar AS tahun lalu."])
        XCTAssertEqual(scale["target"] as? String, "Coffee exports reached US$4.75 million last year.")
        XCTAssertEqual(scale["storedTarget"] as? String, "Coffee exports reached US$4.75 billion last year.")
        XCTAssertEqual(scale["score"] as? Int, 99, "one quantity, one point")
        XCTAssertEqual(placeables(scale), ["money US$4.75 billion → US$4.75 million true"])
        let rupiah = try best(["Rupiah melemah ke Rp15.700 per dolar AS pada Jumat (8/3)."])
        XCTAssertEqual(rupiah["target"] as? String, "The rupiah weakened to Rp15,700 per U.S. dollar on Friday (March 8).")
        XCTAssertEqual(placeables(rupiah), ["money Rp15,625 → Rp15,700 true", "weekday Thursday → Friday true", "date March 7 → March 8 true"])
        let omitted = try best(["Rapat kabinet digelar Jumat (8/3) di Istana Bogor."])
        XCTAssertEqual(omitted["target"] as? String, "The cabinet meeting was held on Friday at Bogor Palace.")
        XCTAssertEqual(placeables(omitted), ["weekday Thursday → Friday true", "date 7/3 → March 8 false"])
        let text = try TMProcess.run(["lookup", "Rapat kabinet digelar Jumat (8/3) di Istana Bogor."], in: folder)
        XCTAssertTrue(text.stdout.contains("          not placed: date 7/3 → March 8\n"), text.stdout)
        let english = try best(["Coffee exports reached US$3.2 million last year.", "--from", "en"])
        XCTAssertEqual(english["target"] as? String, "Nilai ekspor kopi mencapai 3,2 juta dolar AS tahun lalu.")
        XCTAssertEqual(placeables(english), ["money 4,75 miliar dolar AS → 3,2 juta dolar AS true"])
    }

    func testFromEnglishAndTarget() throws {
        let folder = try memory()
        let english = try TMProcess.run(["lookup", "Comprehensive strategic partnerships", "--from", "en", "--json"], in: folder)
        XCTAssertEqual(english.status, 0, english.stderr)
        XCTAssertTrue(english.stdout.contains("\"target\" : \"Kemitraan strategis komprehensif\""), english.stdout)
        let target = try TMProcess.run(["lookup", "strategic partnership", "--target"], in: folder)
        XCTAssertEqual(target.status, 0, target.stderr)
        XCTAssertTrue(target.stdout.contains("Concordance (en): 3 units"), target.stdout)
    }

    func testAwkwardQueries() throws {
        let folder = try memory()
        for empty in ["", "   ", "\t\n", "... !!"] {
            let result = try TMProcess.run(["lookup", empty], in: folder)
            XCTAssertEqual(result.status, 64, "\(empty.debugDescription): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("no words"), result.stderr)
        }
        let tabs = try TMProcess.run(["lookup", "kemitraan\tstrategis\r\nkomprehensif"], in: folder)
        XCTAssertEqual(tabs.status, 0, tabs.stderr)
        XCTAssertTrue(tabs.stdout.contains("99%"), tabs.stdout)
        let paste = Array(repeating: "kemitraan strategis komprehensif dan", count: 2500).joined(separator: " ")
        let long = try TMProcess.run(["lookup", paste, "--json"], in: folder)
        XCTAssertEqual(long.status, 0, long.stderr)
        XCTAssertTrue(long.stdout.contains("\"matches\" : ["), long.stdout)
        XCTAssertEqual(try TMProcess.run(["lookup", "kemitraan", "--min", "0"], in: folder).status, 64)
        XCTAssertEqual(try TMProcess.run(["lookup", "kemitraan", "--from", "fr"], in: folder).status, 64)
        let missing = try TMProcess.run(["lookup", "kemitraan", "--tm", "no-such-folder"], in: folder)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no-such-folder"), missing.stderr)
    }

    func testGlossaryTermsOfTheQuery() throws {
        let folder = try memory()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Glossaries"), withIntermediateDirectories: true)
        try "kemitraan strategis\tstrategic partnership\tdiplomacy\n".write(to: folder.appendingPathComponent("Glossaries/terms.tsv"),
                                                                           atomically: true, encoding: .utf8)
        let result = try TMProcess.run(["lookup", "kemitraan strategisnya"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("Glossary:\n  kemitraan strategisnya → strategic partnership — diplomacy  Glossaries/terms.tsv:1"), result.stdout)
        let other = try TMProcess.write(glossaryIn: folder)
        let json = try TMProcess.run(["lookup", "kemitraan strategis", "--glossary", other, "--json"], in: folder)
        XCTAssertEqual(json.status, 0, json.stderr)
        XCTAssertTrue(json.stdout.contains("\"target\" : \"strategic alliance\""), json.stdout)
        XCTAssertEqual(try TMProcess.run(["lookup", "kemitraan", "--glossary", "missing.tsv"], in: folder).status, 1)
    }

    /// The diff line is the source as written, with punctuation and white space that differ marked.
    func testDiffLineShowsPunctuationAndWhiteSpace() throws {
        let folder = try memory()
        let result = try TMProcess.run(["lookup", "Indonesia dan Jepang (sepakat)  memperkuat kemitraan strategis!"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("  99%  Indonesia dan Jepang {+(+}sepakat{+) +} memperkuat kemitraan strategis[-.-]{+!+}\n"), result.stdout)
        let spaces = try TMProcess.run(["lookup", "Indonesia, Jepang sepakat memperkuat  kemitraan strategis."], in: folder)
        XCTAssertTrue(spaces.stdout.contains("Indonesia[- dan-]{+,+} Jepang sepakat memperkuat{+␣+} kemitraan strategis.\n"), spaces.stdout)
    }

    /// Entries that give one term different translations are shown together, and said to conflict.
    func testConflictingGlossaryEntriesAreSaidToConflict() throws {
        let folder = try memory()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Glossaries"), withIntermediateDirectories: true)
        try "kemitraan strategis\tstrategic partnership\tdiplomacy\nkomprehensif\tcomprehensive\n"
            .write(to: folder.appendingPathComponent("Glossaries/terms.tsv"), atomically: true, encoding: .utf8)
        let other = try TMProcess.write(glossaryIn: folder)
        let result = try TMProcess.run(["lookup", "kemitraan strategis komprehensif", "--glossary", "Glossaries", "--glossary", other], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("""
            Glossary:
              kemitraan strategis → strategic partnership — diplomacy  Glossaries/terms.tsv:1
              kemitraan strategis → strategic alliance  \(other):1
                conflict: the glossary gives kemitraan strategis 2 translations (strategic partnership; strategic alliance): choose one; tm glossary list shows where they are
              komprehensif → comprehensive  Glossaries/terms.tsv:2

            """), result.stdout)
        let json = try TMProcess.run(["lookup", "kemitraan strategis komprehensif", "--glossary", "Glossaries", "--glossary", other, "--json"], in: folder)
        let terms = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any])["glossary"] as! [[String: Any]]
        XCTAssertEqual(terms.map { $0["conflictsWith"] as? [String] }, [["strategic alliance"], ["strategic partnership"], nil])
        let single = try TMProcess.run(["lookup", "kemitraan strategis komprehensif"], in: folder)
        XCTAssertFalse(single.stdout.contains("conflict"), single.stdout)
    }

    /// `-n1` is `-n 1`, in lookup as in glossary suggest.
    func testJoinedShortOption() throws {
        let folder = try memory()
        let joined = try TMProcess.run(["lookup", "-n1", "kemitraan strategis"], in: folder)
        XCTAssertEqual(joined.status, 0, joined.stderr)
        XCTAssertEqual(joined.stdout, try TMProcess.run(["lookup", "-n", "1", "kemitraan strategis"], in: folder).stdout)
        XCTAssertTrue(joined.stdout.contains("showing 2\n"), joined.stdout)
        let suggest = try TMProcess.run(["glossary", "suggest", "-n1", "--min-count", "1"], in: folder)
        XCTAssertEqual(suggest.status, 0, suggest.stderr)
        XCTAssertEqual(suggest.stdout.split(separator: "\n").filter { $0.hasPrefix("1\t") }.count, 1, suggest.stdout)
        XCTAssertFalse(suggest.stdout.contains("\n2\t"), suggest.stdout)
    }

    func testBrokenMemoryFileIsNamed() throws {
        let folder = try memory()
        try Data([0x3C, 0x74, 0x6D, 0x78, 0x00, 0xFF, 0xFE]).write(to: folder.appendingPathComponent("TMX/junk.tmx"))
        let result = try TMProcess.run(["lookup", "kemitraan strategis"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("junk.tmx"), result.stderr)
    }

    func testCorruptIndexIsRebuilt() throws {
        let folder = try memory()
        XCTAssertEqual(try TMProcess.run(["lookup", "kemitraan strategis"], in: folder).status, 0)
        let indexFolder = folder.appendingPathComponent("TMX/.tm-index")
        for name in try FileManager.default.contentsOfDirectory(atPath: indexFolder.path) {
            try Data(repeating: 0x41, count: 300).write(to: indexFolder.appendingPathComponent(name))
        }
        let result = try TMProcess.run(["lookup", "kemitraan strategis"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Concordance (id): 3 units"), result.stdout)
    }
}

extension TMProcess {
    /// A second glossary file outside Glossaries/.
    static func write(glossaryIn folder: URL) throws -> String {
        let path = folder.appendingPathComponent("other.tsv").path
        try "kemitraan strategis\tstrategic alliance\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
