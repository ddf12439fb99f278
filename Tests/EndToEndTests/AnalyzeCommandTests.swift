import XCTest

/// `tm analyze` and `tm pretranslate` on an article and a memory written here: one sentence per
/// band (exact, 95-99, 85-94, 75-84, 50-74, new) and two repetitions.
final class AnalyzeCommandTests: XCTestCase {
    /// Twenty distinct words per sentence; `changed` of them replaced in the article's version.
    static func sentence(_ number: Int, changed: Int = 0) -> String {
        let words = (0..<20).map { index -> String in
            let word = vocabulary[(number * 20 + index) % vocabulary.count] + suffixes[number]
            return index < changed ? "ganti" + suffixes[index] : word
        }
        return (words[0].prefix(1).uppercased() + words[0].dropFirst()) + " " + words.dropFirst().joined(separator: " ") + "."
    }
    static let vocabulary = ["rumah", "jalan", "kota", "desa", "warga", "sungai", "jembatan", "sekolah", "pasar", "kantor",
                             "lapangan", "gedung", "taman", "kebun", "sawah", "hutan", "gunung", "pantai", "pulau", "danau"]
    static let suffixes = ["ku", "mu", "nya", "lah", "kah", "pun", "an", "i", "kan", "wan", "wati", "man", "isme", "is", "ik",
                           "ita", "ota", "ata", "eta", "uta"]

    /// Memory sentence number → how many words the article changes (nil: not in the memory).
    static let bands: [(memory: Bool, changed: Int)] = [(true, 0), (true, 1), (true, 2), (true, 4), (true, 8), (false, 0)]

    static func article() -> String {
        let body = bands.enumerated().map { sentence($0.offset, changed: $0.element.changed) }
        return """
        Jembatan baru untuk warga desa

        JAKARTA (ANTARA) - \(body[0]) \(body[1])

        \(body[2]) \(body[3]) \(body[4])

        \(body[5]) \(body[0]) \(body[5])

        Penerjemah: Budi Santoso
        Editor: Rina

        """
    }

    static func english(_ number: Int) -> String { "English sentence number \(number) of the memory." }

    func workspace() throws -> URL {
        let folder = try TMProcess.temporaryFolder(self)
        var units = ""
        for (number, band) in Self.bands.enumerated() where band.memory {
            units += "<tu creationid=\"budi\"><tuv xml:lang=\"id\"><seg>\(Self.sentence(number))</seg></tuv><tuv xml:lang=\"en\"><seg>\(Self.english(number))</seg></tuv></tu>\n"
        }
        let tmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="id" datatype="plaintext"/>
        <body>
        \(units)</body></tmx>
        """
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("TMX"), withIntermediateDirectories: true)
        try tmx.write(to: folder.appendingPathComponent("TMX/news.tmx"), atomically: true, encoding: .utf8)
        try Self.article().write(to: folder.appendingPathComponent("berita.txt"), atomically: true, encoding: .utf8)
        return folder
    }

    func json(_ arguments: [String], in folder: URL) throws -> [String: Any] {
        let result = try TMProcess.run(arguments, in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    }

    func testBandsInJSON() throws {
        let folder = try workspace()
        let report = try json(["analyze", "berita.txt", "--json"], in: folder)
        let bands = report["bands"] as! [[String: Any]]
        XCTAssertEqual(bands.map { $0["band"] as! String }, ["repetitions", "100", "95-99", "85-94", "75-84", "50-74", "no-match"])
        XCTAssertEqual(bands.map { $0["segments"] as! Int }, [2, 1, 1, 1, 1, 1, 3], "\(bands)")
        // Twenty words a sentence; the title has 5, the dateline 2 (JAKARTA, ANTARA).
        XCTAssertEqual(bands.map { $0["words"] as! Int }, [40, 20, 20, 20, 20, 20, 27])
        XCTAssertEqual(Set(bands[0].keys), ["band", "segments", "words", "characters", "charactersWithSpaces"])
        let total = report["total"] as! [String: Any]
        XCTAssertEqual(total["segments"] as? Int, 10)
        XCTAssertEqual(total["words"] as? Int, 167)
        XCTAssertEqual((report["credits"] as! [String: Any])["segments"] as? Int, 2, "credits counted apart")
        let files = report["files"] as! [[String: Any]]
        XCTAssertEqual(files.count, 1)
        XCTAssertEqual(files[0]["path"] as? String, "berita.txt")
        let sentence = Self.sentence(0)
        XCTAssertEqual((bands[1]["characters"] as! Int), sentence.filter { $0 != " " }.count)
        XCTAssertEqual((bands[1]["charactersWithSpaces"] as! Int), sentence.count)
    }

    func testRepetitionsAcrossFilesAndOmegaTProfile() throws {
        let folder = try workspace()
        try FileManager.default.copyItem(at: folder.appendingPathComponent("berita.txt"), to: folder.appendingPathComponent("kedua.txt"))
        let report = try json(["analyze", "berita.txt", "kedua.txt", "--json", "--profile", "omegat"], in: folder)
        let bands = report["bands"] as! [[String: Any]]
        XCTAssertEqual(bands.map { $0["band"] as! String }, ["repetitions", "exact", "95-100", "85-94", "75-84", "50-74", "no-match"])
        // The second copy is all repetitions; OmegaT counts the two credit lines as new segments.
        XCTAssertEqual(bands.map { $0["segments"] as! Int }, [2 + 12, 1, 1, 1, 1, 1, 5], "\(bands)")
        XCTAssertNil(report["credits"])
        let files = report["files"] as! [[String: Any]]
        XCTAssertEqual((files[1]["bands"] as! [[String: Any]])[0]["segments"] as? Int, 12)
    }

    /// A sentence written again with a decomposed letter (e + U+0301) is still a repetition.
    func testRepetitionsAreFoundAfterNFC() throws {
        let folder = try workspace()
        try "Kafe itu ramai sekali hari ini. Mereka datang ke caf\u{E9} itu. Mereka datang ke cafe\u{301} itu.\n"
            .write(to: folder.appendingPathComponent("kafe.txt"), atomically: true, encoding: .utf8)
        let report = try json(["analyze", "kafe.txt", "--json"], in: folder)
        let bands = report["bands"] as! [[String: Any]]
        XCTAssertEqual(bands[0]["segments"] as? Int, 1, "\(bands)")
        XCTAssertEqual(bands[6]["segments"] as? Int, 2, "\(bands)")
    }

    func testCSVAndTradosXML() throws {
        let folder = try workspace()
        let csv = try TMProcess.run(["analyze", "berita.txt", "--format", "csv"], in: folder)
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let lines = csv.stdout.split(separator: "\n")
        XCTAssertEqual(lines[0], "file,band,segments,words,characters,charactersWithSpaces")
        XCTAssertTrue(lines.contains { $0.hasPrefix("*,95-99,1,20,") }, csv.stdout)
        let xml = try TMProcess.run(["analyze", "berita.txt", "--format", "xml"], in: folder)
        XCTAssertEqual(xml.status, 0, xml.stderr)
        XCTAssertTrue(xml.stdout.contains("<task name=\"analyse\">"), xml.stdout)
        XCTAssertTrue(xml.stdout.contains("<repeated segments=\"2\" words=\"40\""), xml.stdout)
        XCTAssertTrue(xml.stdout.contains("<fuzzy min=\"95\" max=\"99\" segments=\"1\" words=\"20\""), xml.stdout)
        XCTAssertTrue(xml.stdout.contains("<new segments=\"3\" words=\"27\""), xml.stdout)
        let text = try TMProcess.run(["analyze", "berita.txt"], in: folder)
        XCTAssertTrue(text.stdout.contains("credits (apart)"), text.stdout)
        let bad = try TMProcess.run(["analyze", "berita.txt", "--json", "--format", "csv"], in: folder)
        XCTAssertEqual(bad.status, 64)
    }

    func testDraftAndOmegaTProject() throws {
        let folder = try workspace()
        try "Jembatan\tbridge\tinfrastructure\n".write(to: folder.appendingPathComponent("istilah.tsv"), atomically: true, encoding: .utf8)
        let result = try TMProcess.run(["pretranslate", "berita.txt", "--draft", "draft.txt", "--omegat", "project", "--glossary", "istilah.tsv"],
                                       in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("project: OmegaT project with 1 exact match in tm/auto, 3 fuzzy matches in tm, 1 glossary term"), result.stdout)
        XCTAssertTrue(result.stdout.contains("draft.txt: 5 of 10 segments translated from the memory"), result.stdout)
        let draft = try String(contentsOf: folder.appendingPathComponent("draft.txt"), encoding: .utf8)
        XCTAssertTrue(draft.contains("JAKARTA (ANTARA) - " + Self.english(0) + " [95%] " + Self.english(1)), draft)
        XCTAssertTrue(draft.contains("[90%] " + Self.english(2) + " [80%] " + Self.english(3) + " [ID] " + Self.sentence(4, changed: 8)), draft)
        XCTAssertTrue(draft.hasPrefix("[ID] Jembatan baru untuk warga desa\n"), draft)
        XCTAssertTrue(draft.contains("Penerjemah: Budi Santoso\n"), draft)
        let project = folder.appendingPathComponent("project")
        for file in ["omegat.project", "source/berita.txt", "tm/auto/tm-exact.tmx", "tm/tm-fuzzy.tmx", "glossary/tm-terms.txt",
                     "omegat/segmentation.conf", "omegat/segmentation.srx"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: project.appendingPathComponent(file).path), file)
        }
        let terms = try String(contentsOf: project.appendingPathComponent("glossary/tm-terms.txt"), encoding: .utf8)
        XCTAssertEqual(terms, "Jembatan\tbridge\tinfrastructure\n")
        let exact = try String(contentsOf: project.appendingPathComponent("tm/auto/tm-exact.tmx"), encoding: .utf8)
        XCTAssertTrue(exact.contains(Self.english(0)) && !exact.contains(Self.english(1)), exact)
        let fuzzy = try String(contentsOf: project.appendingPathComponent("tm/tm-fuzzy.tmx"), encoding: .utf8)
        XCTAssertTrue(fuzzy.contains(Self.english(3)) && !fuzzy.contains(Self.english(4)), "75 and up only: \(fuzzy)")
        let again = try TMProcess.run(["pretranslate", "berita.txt", "--omegat", "project"], in: folder)
        XCTAssertEqual(again.status, 1, "a non-empty folder is refused")
    }

    /// `--out`: XLIFF 1.2 valid against the strict schema, read whole by translate-toolkit; a
    /// unit the translator confirms comes back into the memory with `tm import`, the unconfirmed
    /// pre-filled ones do not.
    func testXLIFFValidatesReadsAndComesBack() throws {
        let folder = try workspace()
        let made = try TMProcess.run(["pretranslate", "berita.txt", "--out", "berita.xlf"], in: folder)
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertTrue(made.stdout.hasPrefix("berita.xlf: XLIFF 1.2 with 12 units: 2 exact, 3 fuzzy"), made.stdout)
        let xliff = folder.appendingPathComponent("berita.xlf")
        var text = try String(contentsOf: xliff, encoding: .utf8)
        XCTAssertTrue(text.contains(#"restype="x-dateline""#) && text.contains(#"restype="x-credit""#), text)
        XCTAssertTrue(text.contains(#"origin="TMX/news.tmx""#), text)

        let spec = try Interop.shared("spec/xliff-core-1.2-strict.xsd").deletingLastPathComponent()
        let schema = folder.appendingPathComponent("strict.xsd")
        try Data(try String(contentsOf: spec.appendingPathComponent("xliff-core-1.2-strict.xsd"), encoding: .utf8)
            .replacingOccurrences(of: "http://www.w3.org/2001/xml.xsd", with: spec.appendingPathComponent("xml.xsd").path).utf8).write(to: schema)
        let valid = try TMProcess.runProgram(try Interop.tool("xmllint"), ["--noout", "--nonet", "--schema", schema.path, xliff.path])
        XCTAssertEqual(valid.status, 0, valid.stderr)
        let python = try Interop.translateToolkit()
        let read = try TMProcess.runProgram(python, ["-c", """
            import sys
            from translate.storage import xliff
            units = [u for u in xliff.xlifffile.parsefile(sys.argv[1]).units if not u.isheader()]
            print(len(units), sum(1 for u in units if u.target))
            """, xliff.path])
        XCTAssertEqual(read.status, 0, read.stderr)
        XCTAssertEqual(read.stdout, "12 5\n", "every unit; a target for the exact (twice) and 3 fuzzy matches")

        let untouched = try TMProcess.run(["import", "berita.xlf", "--json"], in: folder)
        XCTAssertEqual(untouched.status, 0, untouched.stderr)
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(untouched.stdout.utf8)) as? [String: Any])?["added"] as? Int, 0)
        // The translator fixes the 95% match and marks it translated.
        let before = #"<target state="needs-review-translation" state-qualifier="fuzzy-match" xml:lang="en-US">\#(Self.english(1))</target>"#
        XCTAssertTrue(text.contains(before), text)
        text = text.replacingOccurrences(of: before, with: #"<target state="translated" xml:lang="en-US">Checked sentence.</target>"#)
        try Data(text.utf8).write(to: xliff)
        let imported = try TMProcess.run(["import", "berita.xlf", "--json"], in: folder)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any])?["added"] as? Int, 1)
        let lookup = try json(["lookup", Self.sentence(1, changed: 1), "--json", "-n", "1"], in: folder)
        XCTAssertEqual(((lookup["matches"] as! [[String: Any]])[0])["target"] as? String, "Checked sentence.")
    }

    /// OmegaT 3.6, headless, on the project tm wrote: the exact match is in the English target
    /// (both occurrences), and OmegaT's own statistics count the segments, words and characters
    /// that `tm analyze --profile omegat` counts.
    func testOmegaTTranslatesOurProjectAndCountsAsWeDo() throws {
        let omegat = try Interop.tool("omegat")
        _ = try Interop.tool("java")
        let folder = try workspace()
        let made = try TMProcess.run(["pretranslate", "berita.txt", "--omegat", "project"], in: folder)
        XCTAssertEqual(made.status, 0, made.stderr)
        let project = folder.appendingPathComponent("project")
        let result = try OutsideTools.run(omegat, ["--mode=console-translate", "--disable-project-locking", "--quiet", "--no-team",
                                                   "--config-dir=\(folder.appendingPathComponent("omegat-config").path)", project.path],
                                          timeout: 180)
        XCTAssertEqual(result.status, 0, result.stderr)
        guard let target = try? String(contentsOf: project.appendingPathComponent("target/berita.txt"), encoding: .utf8) else {
            return XCTFail("OmegaT wrote no target file:\n\(result.stdout)\n\(result.stderr)")
        }
        XCTAssertEqual(target.components(separatedBy: Self.english(0)).count - 1, 2, target)
        XCTAssertFalse(target.contains(Self.sentence(0)), target)
        XCTAssertTrue(target.contains("JAKARTA (ANTARA) - " + Self.english(0)), "OmegaT cut the dateline off as tm does:\n\(target)")

        let stats = try String(contentsOf: project.appendingPathComponent("omegat/project_stats.txt"), encoding: .utf8)
        func row(_ name: String) -> [Int] {
            guard let line = stats.split(separator: "\n").first(where: { $0.hasPrefix(name) }) else { return [] }
            return line.split(separator: "\t").dropFirst().compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }
        let total = row("Total:"), unique = row("Unique:")
        XCTAssertEqual(total.count, 5, stats)
        let report = try json(["analyze", "berita.txt", "--json", "--profile", "omegat"], in: folder)
        let ours = report["total"] as! [String: Any]
        let repetitions = (report["bands"] as! [[String: Any]])[0]["segments"] as! Int
        XCTAssertEqual(total.first, ours["segments"] as? Int, stats)
        XCTAssertEqual(unique.first, (ours["segments"] as! Int) - repetitions, stats)
        let words = Double(ours["words"] as! Int)
        XCTAssertLessThanOrEqual(abs(Double(total[1]) - words), words * 0.02, stats)
        XCTAssertEqual(total[2], ours["characters"] as? Int, stats)
        XCTAssertEqual(total[3], ours["charactersWithSpaces"] as? Int, stats)
    }
}
