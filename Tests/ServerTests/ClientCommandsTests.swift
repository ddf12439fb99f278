import Foundation
import XCTest

/// The translator's commands against a team server (issue 17): `tm lookup/import/export/stats
/// --server` give what the same commands give on a folder holding the same units, and `tm push`
/// then `tm pull` round-trip. A real PostgreSQL and `tm serve`, the built `tm` as a user runs it.
final class ClientCommandsTests: PostgresTestCase {
    private var databases: [ObjectIdentifier: String] = [:]

    private func database(of server: ServerProcess) throws -> String {
        try XCTUnwrap(databases[ObjectIdentifier(server)])
    }

    /// A new database and a server on it, a token of `role` for dewi (the server credits what a
    /// token imports to its name, as the command line credits `$TM_USER`), and a scratch folder.
    private func setUpServer(role: String = "translator") throws -> (server: ServerProcess, token: String, database: String, folder: URL) {
        let (_, url) = try database()
        let token = try token(url, name: "dewi", role: role)
        let server = try startServer(url)
        databases[ObjectIdentifier(server)] = url
        return (server, token, url, try temporaryFolder())
    }

    private func tm(_ arguments: [String], in folder: URL, token: String?) throws -> (status: Int32, stdout: String, stderr: String) {
        try TMBinary.run(arguments, in: folder, environment: token.map { ["TM_TOKEN": $0, "TM_USER": "dewi"] } ?? ["TM_USER": "dewi"])
    }

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    /// JSON without the keys that name a local file (`file`, `line`, `path`, `writtenTo`) or a run.
    private func comparable(_ value: Any) -> Any {
        let local: Set<String> = ["file", "line", "path", "writtenTo", "run", "files"]
        if let object = value as? [String: Any] {
            return Dictionary(uniqueKeysWithValues: object.filter { !local.contains($0.key) }.map { ($0.key, comparable($0.value)) })
        }
        if let array = value as? [Any] { return array.map(comparable) }
        return value
    }

    private func assertSame(_ server: String, _ folder: String, _ what: String, line: UInt = #line) throws {
        let a = try JSONSerialization.data(withJSONObject: comparable(try json(server)), options: [.sortedKeys, .prettyPrinted])
        let b = try JSONSerialization.data(withJSONObject: comparable(try json(folder)), options: [.sortedKeys, .prettyPrinted])
        XCTAssertEqual(String(decoding: a, as: UTF8.self), String(decoding: b, as: UTF8.self), what, line: line)
    }

    /// The Indonesian–English pairs of a TMX file, as a set.
    private func pairs(_ file: URL) throws -> Set<String> {
        let text = try String(contentsOf: file, encoding: .utf8)
        let segments = try NSRegularExpression(pattern: #"<tu[ >][\s\S]*?</tu>"#)
        let seg = try NSRegularExpression(pattern: #"<seg>([\s\S]*?)</seg>"#)
        var result = Set<String>()
        for unit in segments.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let body = String(text[Range(unit.range, in: text)!])
            let texts = seg.matches(in: body, range: NSRange(body.startIndex..., in: body)).map { String(body[Range($0.range(at: 1), in: body)!]) }
            result.insert(texts.joined(separator: " ⇔ "))
        }
        return result
    }

    func testServerCommandsGiveWhatTheSameCommandsGiveOnAFolder() throws {
        let (server, token, _, folder) = try setUpServer()
        let address = server.baseURL.absoluteString
        try SharedMemoryServerTests.tmx(SharedMemoryServerTests.newsPairs).write(to: folder.appendingPathComponent("news.tmx"))
        try SharedMemoryServerTests.tsv(count: 3, tag: "daerah").write(to: folder.appendingPathComponent("pairs.tsv"))
        let memory = folder.appendingPathComponent("TMX").path

        // Import, twice: the same counts (the second time all duplicates).
        for round in 1...2 {
            let local = try tm(["import", "news.tmx", "pairs.tsv", "--tm", memory, "--json"], in: folder, token: nil)
            let remote = try tm(["import", "news.tmx", "pairs.tsv", "--server", address, "--json"], in: folder, token: token)
            XCTAssertEqual(local.status, 0, local.stderr)
            XCTAssertEqual(remote.status, 0, remote.stderr)
            try assertSame(remote.stdout, local.stdout, "import, round \(round)")
            XCTAssertEqual(try json(remote.stdout)["added"] as? Int, round == 1 ? 8 : 0)
        }
        let text = try tm(["import", "news.tmx", "--server", address], in: folder, token: token)
        XCTAssertTrue(text.stdout.contains("news.tmx: 5 read, 0 added, 5 duplicates"), text.stdout)

        // Lookup in both directions, with a repaired quantity, and the target-side concordance.
        for arguments in [["Bank Indonesia mempertahankan suku bunga acuan sebesar 5,75 persen.", "-n", "3", "--min", "40"],
                          ["Rice prices rose 12 percent over the past month.", "--from", "en"],
                          ["percent", "--target"], ["harga beras"]] {
            let local = try tm(["lookup"] + arguments + ["--tm", memory, "--json"], in: folder, token: nil)
            let remote = try tm(["lookup"] + arguments + ["--server", address, "--json"], in: folder, token: token)
            XCTAssertEqual(local.status, 0, local.stderr)
            XCTAssertEqual(remote.status, 0, remote.stderr)
            try assertSame(remote.stdout, local.stdout, "lookup \(arguments)")
        }
        let shown = try tm(["lookup", "Bank Indonesia mempertahankan suku bunga acuan sebesar 5,75 persen.", "--server", address], in: folder, token: token)
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.contains("Bank Indonesia held its benchmark interest rate at 5.75 percent."), shown.stdout)
        // A query too long for a URL goes in a POST body.
        let long = String(repeating: "Harga beras naik 10 persen dalam sebulan terakhir. ", count: 60)
        let longLocal = try tm(["lookup", long, "--tm", memory, "--json"], in: folder, token: nil)
        let longRemote = try tm(["lookup", long, "--server", address, "--json"], in: folder, token: token)
        XCTAssertEqual(longRemote.status, 0, longRemote.stderr)
        try assertSame(longRemote.stdout, longLocal.stdout, "a long lookup")

        // Statistics.
        let localStats = try tm(["stats", "--tm", memory, "--json"], in: folder, token: nil)
        let remoteStats = try tm(["stats", "--server", address, "--json"], in: folder, token: token)
        XCTAssertEqual(remoteStats.status, 0, remoteStats.stderr)
        // `latest` is the moment each import stamped the TSV units: the two imports may fall in
        // different seconds (on a loaded machine they did), so it is compared within a minute.
        var remoteObject = try json(remoteStats.stdout), localObject = try json(localStats.stdout)
        let stamps = [remoteObject.removeValue(forKey: "latest"), localObject.removeValue(forKey: "latest")]
            .map { ($0 as? String).flatMap { ISO8601DateFormatter().date(from: $0) } }
        let (remoteLatest, localLatest) = (try XCTUnwrap(stamps[0]), try XCTUnwrap(stamps[1]))
        XCTAssertEqual(remoteLatest.timeIntervalSince1970, localLatest.timeIntervalSince1970, accuracy: 60, "stats: latest")
        let encode = { (object: [String: Any]) in String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self) }
        try assertSame(try encode(remoteObject), try encode(localObject), "stats")
        XCTAssertEqual(try json(remoteStats.stdout)["units"] as? Int, 8)

        // Export: the same units, in a file that is written whole.
        let localExport = try tm(["export", "--tm", memory, "--out", "local.tmx"], in: folder, token: nil)
        let remoteExport = try tm(["export", "--server", address, "--out", "server.tmx"], in: folder, token: token)
        XCTAssertEqual(localExport.status, 0, localExport.stderr)
        XCTAssertEqual(remoteExport.status, 0, remoteExport.stderr)
        XCTAssertTrue(remoteExport.stdout.contains("8 units written"), remoteExport.stdout)
        XCTAssertEqual(try pairs(folder.appendingPathComponent("server.tmx")), try pairs(folder.appendingPathComponent("local.tmx")))
        XCTAssertEqual(try pairs(folder.appendingPathComponent("server.tmx")).count, 8)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("download") }
        XCTAssertEqual(leftovers, [], "no temporary download is left")
    }

    func testPushThenPullRoundTrips() throws {
        let (server, token, _, folder) = try setUpServer()
        let address = server.baseURL.absoluteString
        try SharedMemoryServerTests.tmx(SharedMemoryServerTests.newsPairs).write(to: folder.appendingPathComponent("news.tmx"))
        let mine = folder.appendingPathComponent("mine").path
        XCTAssertEqual(try tm(["import", "news.tmx", "--tm", mine], in: folder, token: nil).status, 0)

        let pushed = try tm(["push", "--server", address, "--tm", mine, "--json"], in: folder, token: token)
        XCTAssertEqual(pushed.status, 0, pushed.stderr)
        XCTAssertEqual(try json(pushed.stdout)["added"] as? Int, 5)
        let again = try tm(["push", "--server", address, "--tm", mine, "--json"], in: folder, token: token)
        XCTAssertEqual(try json(again.stdout)["added"] as? Int, 0)
        XCTAssertEqual(try json(again.stdout)["duplicates"] as? Int, 5)

        // A colleague's empty memory pulls the server's units: the same pairs, with their props.
        let theirs = folder.appendingPathComponent("theirs").path
        let pulled = try tm(["pull", "--server", address, "--tm", theirs, "--json"], in: folder, token: token)
        XCTAssertEqual(pulled.status, 0, pulled.stderr)
        XCTAssertEqual(try json(pulled.stdout)["added"] as? Int, 5)
        XCTAssertEqual(try tm(["export", "--tm", theirs, "--out", "theirs.tmx"], in: folder, token: nil).status, 0)
        XCTAssertEqual(try tm(["export", "--tm", mine, "--out", "mine.tmx"], in: folder, token: nil).status, 0)
        XCTAssertEqual(try pairs(folder.appendingPathComponent("theirs.tmx")), try pairs(folder.appendingPathComponent("mine.tmx")))
        let exported = try String(contentsOf: folder.appendingPathComponent("theirs.tmx"), encoding: .utf8)
        XCTAssertTrue(exported.contains(#"<prop type="x-desk">ekonomi</prop>"#), "the units' props came back")
        XCTAssertTrue(exported.contains(#"creationid="dewi""#))

        let twice = try tm(["pull", "--server", address, "--tm", theirs, "--json"], in: folder, token: token)
        XCTAssertEqual(try json(twice.stdout)["added"] as? Int, 0, "pulling twice adds nothing")
        // The pull is a local run: tm undo takes it back.
        let run = try XCTUnwrap(try json(pulled.stdout)["run"] as? String)
        XCTAssertEqual(try tm(["undo", run, "--tm", theirs], in: folder, token: nil).status, 0)
        XCTAssertEqual(try json(try tm(["stats", "--tm", theirs, "--json"], in: folder, token: nil).stdout)["units"] as? Int, 0)
    }

    func testRefusalsAreSaidInTheTranslatorsTerms() throws {
        let (server, token, _, folder) = try setUpServer(role: "reader")
        let address = server.baseURL.absoluteString
        try SharedMemoryServerTests.tmx(SharedMemoryServerTests.newsPairs).write(to: folder.appendingPathComponent("news.tmx"))

        let noToken = try tm(["stats", "--server", address], in: folder, token: nil)
        XCTAssertEqual(noToken.status, 1)
        XCTAssertTrue(noToken.stderr.contains("HTTP 401") && noToken.stderr.contains("TM_TOKEN"), noToken.stderr)

        let reader = try tm(["import", "news.tmx", "--server", address], in: folder, token: token)
        XCTAssertEqual(reader.status, 1)
        XCTAssertTrue(reader.stderr.contains("HTTP 403"), reader.stderr)
        XCTAssertEqual(try json(try tm(["stats", "--server", address, "--json"], in: folder, token: token).stdout)["units"] as? Int, 0)

        let both = try tm(["lookup", "kata", "--server", address, "--tm", "TMX"], in: folder, token: token)
        XCTAssertEqual(both.status, 64, both.stderr)

        let port = try PostgresHarness.freePort()
        let nobody = try tm(["lookup", "kata", "--server", "http://127.0.0.1:\(port)"], in: folder, token: token)
        XCTAssertEqual(nobody.status, 1)
        XCTAssertTrue(nobody.stderr.contains("cannot reach the server"), nobody.stderr)

        // A failed export leaves no file behind and does not replace one.
        try Data("keep".utf8).write(to: folder.appendingPathComponent("old.tmx"))
        let failed = try tm(["export", "--server", "http://127.0.0.1:\(port)", "--out", "old.tmx"], in: folder, token: token)
        XCTAssertEqual(failed.status, 1)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("old.tmx"), encoding: .utf8), "keep")
    }

    /// The editors' page at `/`, in headless Chromium driven by selenium: a sentence finds its
    /// fuzzy match with the figure repaired, a phrase finds its concordance hit, and the page
    /// loads nothing but itself and the API. Fails (never skips) without Chromium or selenium.
    func testTheEditorsPageFindsAMatchAndAConcordanceHitInABrowser() throws {
        let (server, token, _, folder) = try setUpServer(role: "reader")
        let translatorToken = try self.token(try database(of: server), name: "siti", role: "translator")
        try SharedMemoryServerTests.tmx(SharedMemoryServerTests.newsPairs).write(to: folder.appendingPathComponent("news.tmx"))
        XCTAssertEqual(try tm(["import", "news.tmx", "--server", server.baseURL.absoluteString], in: folder, token: translatorToken).status, 0)

        for program in ["/usr/bin/chromium", "/usr/bin/chromedriver"] {
            XCTAssertTrue(FileManager.default.isExecutableFile(atPath: program), "\(program) is missing: .ci/run installs chromium, chromium-driver")
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support/editors_page.py")
        let screenshot = folder.appendingPathComponent("editors-page.png")
        // python3 as the PATH finds it (where pip put selenium).
        let run = try PostgresHarness.run(URL(fileURLWithPath: "/usr/bin/env"),
                                          ["python3", script.path, server.baseURL.absoluteString + "/", token,
                                           "Bank Indonesia mempertahankan suku bunga acuan sebesar 5,75 persen.", "harga beras", screenshot.path])
        XCTAssertEqual(run.status, 0, "selenium: \(run.output)")
        let jsonStart = try XCTUnwrap(run.output.firstIndex(of: "{"), run.output)
        let result = try json(String(run.output[jsonStart...]))
        let matches = result["matches"] as? [[String: String]] ?? []
        XCTAssertEqual(matches.first?["score"], "99%", "\(result)")
        XCTAssertTrue(matches.first?["target"]?.contains("Bank Indonesia held its benchmark interest rate at 5.75 percent.") == true, "\(result)")
        let hits = result["hits"] as? [[String: String]] ?? []
        XCTAssertEqual(hits.count, 1, "\(result)")
        XCTAssertEqual(hits.first?["marked"], "Harga beras")
        XCTAssertTrue(hits.first?["translation"]?.contains("Rice prices rose 10 percent") == true, "\(result)")
        XCTAssertEqual(result["status"] as? String, "")
        XCTAssertEqual(result["errors"] as? [String], [])
        let resources = result["resources"] as? [String] ?? []
        XCTAssertFalse(resources.isEmpty)
        XCTAssertTrue(resources.allSatisfy { $0.hasPrefix(server.baseURL.absoluteString + "/v1/") }, "only the API: \(resources)")
        XCTAssertGreaterThan((try? Data(contentsOf: screenshot))?.count ?? 0, 10_000, "a screenshot of the page")
        if let keep = ProcessInfo.processInfo.environment["TM_KEEP_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: screenshot, to: URL(fileURLWithPath: keep))
        }
    }
}
