import Foundation
import XCTest

/// The fidelity issue's items as a user meets them at the command line.
final class FidelityCommandTests: XCTestCase {
    private func memory() throws -> URL { try LookupCommandTests.memoryFolder(self) }

    /// `--pick 8-3` crashed (SIGILL) and `--pick 2-9999999999` grew to 8.5 GB: usage errors.
    func testPickRangesAreCheckedAsUsage() throws {
        let folder = try memory()
        for pick in ["8-3", "2-9999999999", "0", "-", "1-", "x"] {
            let result = try TMProcess.run(["glossary", "suggest", "-n", "10", "--accept", "g.tsv", "--pick", pick], in: folder)
            XCTAssertEqual(result.status, 64, "--pick \(pick): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("--pick"), result.stderr)
        }
    }

    /// A query longer than a command line can carry comes from standard input or a file.
    func testLongQueriesFromStandardInputAndFile() throws {
        let folder = try memory()
        let query = "Kemitraan strategis komprehensif"
        let fromStdin = try TMProcess.run(["lookup", "-"], in: folder, stdin: query + "\n")
        XCTAssertEqual(fromStdin.status, 0, fromStdin.stderr)
        XCTAssertTrue(fromStdin.stdout.contains("Comprehensive strategic partnership"), fromStdin.stdout)

        let huge = (0..<100_000).map { "kata\($0 % 977)" }.joined(separator: " ")
        let file = folder.appendingPathComponent("query.txt")
        try Data(huge.utf8).write(to: file)
        let fromFile = try TMProcess.run(["lookup", "--query-file", file.path, "--json"], in: folder)
        XCTAssertEqual(fromFile.status, 0, fromFile.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(fromFile.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((json?["query"] as? String)?.count, huge.count)

        XCTAssertEqual(try TMProcess.run(["lookup"], in: folder).status, 64)
        XCTAssertEqual(try TMProcess.run(["lookup", "kata", "--query-file", file.path], in: folder).status, 64)
        XCTAssertEqual(try TMProcess.run(["lookup", "-"], in: folder, stdin: " \n").status, 64)
    }

    /// A user's SRX rule that backtracks without end: the command fails naming it, prints nothing.
    func testABacktrackingSRXRuleFailsNamingTheRule() throws {
        let folder = try memory()
        let srx = folder.appendingPathComponent("slow.srx")
        try Data("""
            <srx version="2.0"><header segmentsubflows="yes" cascade="no"/><body><languagerules>
            <languagerule languagerulename="id"><rule break="no"><beforebreak>(\\w+\\s?)*$</beforebreak><afterbreak></afterbreak></rule></languagerule>
            </languagerules><maprules><languagemap languagepattern="id.*" languagerulename="id"/></maprules></body></srx>
            """.utf8).write(to: srx)
        let article = folder.appendingPathComponent("artikel.txt")
        try Data((String(repeating: "kata ", count: 80) + "akhir!\n").utf8).write(to: article)
        let result = try TMProcess.run(["segment", "--lang", "id", "--srx", srx.path, article.path], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("slow.srx") && result.stderr.contains(#"(\w+\s?)*$"#) && result.stderr.contains("too long"), result.stderr)
    }

    /// Regional pairs export; one language twice is a usage error.
    func testRegionalPairsExportAndOneLanguageTwiceDoesNot() throws {
        let folder = try memory()
        let tmx = """
            <?xml version="1.0"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en-US" datatype="plaintext"/><body>
            <tu><tuv xml:lang="en-US"><seg>color</seg></tuv><tuv xml:lang="en-GB"><seg>colour</seg></tuv></tu>
            </body></tmx>
            """
        try Data(tmx.utf8).write(to: folder.appendingPathComponent("TMX/regional.tmx"))
        let result = try TMProcess.run(["export", "--out", "us-gb.tmx", "--src", "en-US", "--tgt", "en-GB"], in: folder)
        XCTAssertTrue(result.stdout.contains("us-gb.tmx: 1 unit written"), result.stdout)
        XCTAssertEqual(try TMProcess.run(["export", "--out", "x.tmx", "--src", "en", "--tgt", "en-GB"], in: folder).status, 64)
    }

    /// A missing memory is "no such memory" for every command that reads one; an existing empty
    /// folder is a memory of 0 units.
    func testMissingAndEmptyMemories() throws {
        let folder = try TMProcess.temporaryFolder(self)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let commands: [[String]] = [["stats"], ["lookup", "kata"], ["export", "--out", "x.tmx"], ["glossary", "suggest"], ["log"],
                                    ["remove", "--source", "kata", "--yes"]]
        for command in commands {
            let missing = try TMProcess.run(command + ["--tm", "nowhere"], in: folder)
            XCTAssertEqual(missing.status, 1, "\(command): \(missing.stderr)")
            XCTAssertTrue(missing.stderr.contains("nowhere: no such translation memory"), "\(command): \(missing.stderr)")
            let empty = try TMProcess.run(command + ["--tm", "empty"], in: folder)
            XCTAssertEqual(empty.status, 0, "\(command): \(empty.stderr)")
        }
        XCTAssertTrue(try TMProcess.run(["stats", "--tm", "empty"], in: folder).stdout.contains("units: 0"))
    }

    /// `tm export --out` into the memory's own folder would double the memory.
    func testExportIntoTheMemoryIsRefused() throws {
        let folder = try memory()
        let result = try TMProcess.run(["export", "--out", "TMX/all.tmx"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("inside the memory"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("TMX/all.tmx").path))
    }

    /// "José Horta" saved in NFD found nothing against the NFC unit, and was not a duplicate.
    func testNFDTextMatchesAndDeduplicatesLikeNFC() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let nfc = "Presiden José Ramos-Horta tiba di Dili.\tPresident José Ramos-Horta arrived in Dili.\n"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        XCTAssertNotEqual(Array(nfc.utf8), Array(nfd.utf8))
        try Data(nfc.utf8).write(to: folder.appendingPathComponent("nfc.tsv"))
        try Data(nfd.utf8).write(to: folder.appendingPathComponent("nfd.tsv"))
        XCTAssertEqual(try TMProcess.run(["import", "nfc.tsv"], in: folder).status, 0)
        let again = try TMProcess.run(["import", "--json", "nfd.tsv"], in: folder)
        let report = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(report?["duplicates"] as? Int, 1, again.stdout)

        let query = "Presiden José Ramos-Horta tiba di Dili.".decomposedStringWithCanonicalMapping
        let lookup = try TMProcess.run(["lookup", "--json", query], in: folder)
        let json = try JSONSerialization.jsonObject(with: Data(lookup.stdout.utf8)) as? [String: Any]
        let matches = json?["matches"] as? [[String: Any]] ?? []
        XCTAssertEqual(matches.first?["score"] as? Double, 100, lookup.stdout)
        let concordance = try TMProcess.run(["lookup", "--json", "José".decomposedStringWithCanonicalMapping], in: folder)
        XCTAssertTrue(concordance.stdout.contains("\"count\" : 1"), concordance.stdout)
    }
}
