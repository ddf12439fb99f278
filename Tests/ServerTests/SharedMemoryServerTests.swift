import Foundation
import XCTest

/// `tm serve` against a real PostgreSQL (issue 16): one throwaway server for the class, a new
/// database for each test, and `tm serve` run as a user runs it.
final class SharedMemoryServerTests: PostgresTestCase {
    /// A TMX file of Indonesian–English news units, with dates and translators so that every
    /// field of a lookup is fixed.
    static func tmx(_ pairs: [(String, String)], creator: String = "dewi") -> Data {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        var text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en-US" srclang="id-ID" datatype="plaintext"/>
        <body>

        """
        for (index, pair) in pairs.enumerated() {
            text += """
            <tu tuid="\(index + 1)" creationid="\(creator)" creationdate="20240102T030405Z"><prop type="x-desk">ekonomi</prop>
            <tuv xml:lang="id-ID"><seg>\(escape(pair.0))</seg></tuv><tuv xml:lang="en-US"><seg><ph x="1">&lt;b&gt;</ph>\(escape(pair.1))</seg></tuv></tu>

            """
        }
        return Data((text + "</body></tmx>\n").utf8)
    }

    static let newsPairs: [(String, String)] = [
        ("Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin.", "President Joko Widodo inaugurated a new toll road in Central Java on Monday."),
        ("Bank Indonesia mempertahankan suku bunga acuan sebesar 6 persen.", "Bank Indonesia held its benchmark interest rate at 6 percent."),
        ("Harga beras naik 10 persen dalam sebulan terakhir.", "Rice prices rose 10 percent over the past month."),
        ("Gempa berkekuatan 5,6 mengguncang Cianjur pada Senin siang.", "A magnitude 5.6 earthquake struck Cianjur on Monday afternoon."),
        ("Pemerintah akan membangun 1.000 rumah bagi korban banjir.", "The government will build 1,000 houses for flood victims."),
    ]

    /// TSV pairs `count` long, their texts made distinct by `tag`.
    static func tsv(count: Int, tag: String) -> Data {
        var text = ""
        for index in 0..<count {
            text += "Laporan \(tag) nomor \(index) tentang anggaran daerah tahun ini.\tReport \(tag) number \(index) on this year's regional budget.\n"
        }
        return Data(text.utf8)
    }

    func jsonObject(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    /// JSON with the given keys taken out at any depth (paths of private files, run ids).
    func stripped(_ value: Any, _ keys: Set<String>) -> Any {
        if let object = value as? [String: Any] {
            var result: [String: Any] = [:]
            for (key, item) in object where !keys.contains(key) { result[key] = stripped(item, keys) }
            return result
        }
        if let array = value as? [Any] { return array.map { stripped($0, keys) } }
        return value
    }

    func assertSameJSON(_ a: Any, _ b: Any, ignoring keys: Set<String>, _ message: String, line: UInt = #line) throws {
        let left = try JSONSerialization.data(withJSONObject: stripped(a, keys), options: [.sortedKeys, .prettyPrinted])
        let right = try JSONSerialization.data(withJSONObject: stripped(b, keys), options: [.sortedKeys, .prettyPrinted])
        XCTAssertEqual(String(decoding: left, as: UTF8.self), String(decoding: right, as: UTF8.self), message, line: line)
    }

    // MARK: Tests

    func testSchemaIsCreatedOnAnEmptyDatabaseAndTokensAreStoredHashed() throws {
        let (postgres, url) = try database()
        XCTAssertEqual(try postgres.sql(url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"), ["0"])
        let token = try token(url, name: "editor", role: "admin")
        let tables = try postgres.sql(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
        XCTAssertEqual(tables, ["api_tokens", "glossary_entries", "runs", "tm_generation", "tm_schema", "units"])
        let columns = Set(try postgres.sql(url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'units'"))
        XCTAssertEqual(columns, ["seq", "unit_key", "whole_key", "source", "target", "tu_xml", "creator", "creation_date", "imported_from", "run_id"])
        // Only the SHA-256 of the token is kept.
        let stored = try postgres.sql(url, "SELECT name, role, token_sha256 FROM api_tokens")
        let digest = try PostgresHarness.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "printf %s '\(token)' | sha256sum"]).output.prefix(64)
        XCTAssertEqual(stored, ["editor|admin|\(digest)"])
        XCTAssertEqual(try postgres.sql(url, "SELECT count(*) FROM api_tokens WHERE token_sha256 LIKE '%\(token.dropFirst(3).prefix(16))%'"), ["0"])

        // A server on the schema it made answers; a second start migrates nothing and keeps the data.
        let server = try startServer(url)
        XCTAssertEqual(try HTTP.get(server, "/healthz", token: nil).status, 200)
        let stats = try jsonObject(try HTTP.get(server, "/v1/stats", token: token).text)
        XCTAssertEqual(stats["units"] as? Int, 0)
        XCTAssertEqual(try postgres.sql(url, "SELECT version FROM tm_schema"), ["2"])
        XCTAssertEqual(try postgres.sql(url, "SELECT value FROM tm_generation"), ["0"])
    }

    func testAPIAnswersTheSameJSONAsTheCommandLine() throws {
        let (_, url) = try database()
        let token = try token(url, name: "dewi", role: "translator")
        let server = try startServer(url)
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("news.tmx")
        try Self.tmx(Self.newsPairs).write(to: file)
        let memory = folder.appendingPathComponent("TMX").path

        // Import: the same report, the run id aside.
        for round in 1...2 {
            let cli = try TMBinary.run(["import", "news.tmx", "--tm", memory, "--json"], in: folder, environment: ["TM_USER": "dewi"])
            XCTAssertEqual(cli.status, 0, cli.stderr)
            let api = try HTTP.post(server, "/v1/import?name=news.tmx", token: token, contentType: "application/xml", body: try Data(contentsOf: file))
            XCTAssertEqual(api.status, 200, api.text)
            let cliReport = try jsonObject(cli.stdout), apiReport = try jsonObject(api.text)
            try assertSameJSON(apiReport, cliReport, ignoring: ["run", "writtenTo"], "import round \(round)")
            XCTAssertEqual(apiReport["run"] == nil, cliReport["run"] == nil, "a run exactly when units were added (round \(round))")
            if round == 1 {
                XCTAssertEqual(apiReport["added"] as? Int, 5)
                let runs = try jsonObject(try HTTP.get(server, "/v1/runs", token: token).text)["runs"] as? [[String: Any]]
                XCTAssertEqual(runs?.first?["id"] as? String, apiReport["run"] as? String)
                XCTAssertEqual(runs?.first?["units"] as? Int, 5)
            } else {
                XCTAssertEqual(apiReport["duplicates"] as? Int, 5)
            }
        }

        // Lookup (GET and POST), the target-side concordance, statistics: the same JSON but for
        // where a unit stands in its file (the server's files are its own).
        let query = "Bank Indonesia mempertahankan suku bunga acuan sebesar 5,75 persen."
        let cliLookup = try TMBinary.run(["lookup", query, "--tm", memory, "--json", "-n", "3", "--min", "40"], in: folder)
        XCTAssertEqual(cliLookup.status, 0, cliLookup.stderr)
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let getLookup = try HTTP.get(server, "/v1/lookup?q=\(encoded)&n=3&min=40", token: token)
        XCTAssertEqual(getLookup.status, 200, getLookup.text)
        try assertSameJSON(try jsonObject(getLookup.text), try jsonObject(cliLookup.stdout), ignoring: ["file", "line"], "GET /v1/lookup")
        let matches = try jsonObject(getLookup.text)["matches"] as? [[String: Any]]
        XCTAssertEqual(matches?.first?["target"] as? String, "Bank Indonesia held its benchmark interest rate at 5.75 percent.")
        let postLookup = try HTTP.post(server, "/v1/lookup?n=3&min=40", token: token, contentType: "application/json",
                                       body: try JSONSerialization.data(withJSONObject: ["q": query]))
        XCTAssertEqual(postLookup.status, 200, postLookup.text)
        try assertSameJSON(try jsonObject(postLookup.text), try jsonObject(cliLookup.stdout), ignoring: ["file", "line"], "POST /v1/lookup")

        let cliTarget = try TMBinary.run(["lookup", "percent", "--target", "--tm", memory, "--json"], in: folder)
        let apiTarget = try HTTP.get(server, "/v1/lookup?q=percent&target=true", token: token)
        XCTAssertEqual(apiTarget.status, 200, apiTarget.text)
        try assertSameJSON(try jsonObject(apiTarget.text), try jsonObject(cliTarget.stdout), ignoring: ["file", "line"], "target concordance")
        let concordance = try jsonObject(try HTTP.get(server, "/v1/concordance?q=persen", token: token).text)
        XCTAssertEqual(concordance["count"] as? Int, 2)

        let cliStats = try TMBinary.run(["stats", "--tm", memory, "--json"], in: folder)
        let apiStats = try HTTP.get(server, "/v1/stats", token: token)
        XCTAssertEqual(apiStats.status, 200, apiStats.text)
        try assertSameJSON(try jsonObject(apiStats.text), try jsonObject(cliStats.stdout), ignoring: ["path", "files"], "stats")

        // Bad input: 400 (415 for a body of no known type, 413 over --max-body) with a message.
        for (path, expected) in [("/v1/lookup", 400), ("/v1/lookup?q=...", 400), ("/v1/lookup?q=kata&min=500", 400),
                                 ("/v1/lookup?q=kata&n=0", 400), ("/v1/lookup?q=kata&from=fr", 400), ("/v1/export?level=3", 400),
                                 ("/v1/export?src=id&tgt=in", 400)] {
            let reply = try HTTP.get(server, path, token: token)
            XCTAssertEqual(reply.status, expected, "\(path): \(reply.text)")
            XCTAssertNotNil(try jsonObject(reply.text)["error"] as? String, path)
        }
        let broken = try HTTP.post(server, "/v1/import", token: token, contentType: "application/xml", body: Data("<tmx><body><tu>".utf8))
        XCTAssertEqual(broken.status, 400, broken.text)
        XCTAssertNotNil(try jsonObject(broken.text)["error"])
        let noType = try HTTP.post(server, "/v1/import", token: token, contentType: "application/pdf", body: Data("x".utf8))
        XCTAssertEqual(noType.status, 415, noType.text)
        let badJSON = try HTTP.post(server, "/v1/lookup", token: token, contentType: "application/json", body: Data("{".utf8))
        XCTAssertEqual(badJSON.status, 400, badJSON.text)

        let small = try startServer(url, ["--max-body", "1KB"])
        let large = try HTTP.post(small, "/v1/import", token: token, contentType: "text/tab-separated-values", body: Self.tsv(count: 100, tag: "besar"))
        XCTAssertEqual(large.status, 413, large.text)
        XCTAssertEqual(try jsonObject(try HTTP.get(small, "/v1/stats", token: token).text)["units"] as? Int, 5)
    }

    func testTokensAndRoles() throws {
        let (_, url) = try database()
        let reader = try token(url, name: "reader", role: "reader")
        let translator = try token(url, name: "translator", role: "translator")
        let server = try startServer(url)
        XCTAssertEqual(try HTTP.get(server, "/healthz", token: nil).status, 200)
        XCTAssertEqual(try HTTP.get(server, "/", token: nil).status, 200)
        for token in [nil, "tm_0000", reader + "x"] {
            let reply = try HTTP.get(server, "/v1/stats", token: token)
            XCTAssertEqual(reply.status, 401, reply.text)
            XCTAssertNotNil(try jsonObject(reply.text)["error"])
        }
        XCTAssertEqual(try HTTP.get(server, "/v1/stats", token: reader).status, 200)
        let refused = try HTTP.post(server, "/v1/import", token: reader, contentType: "text/tab-separated-values", body: Self.tsv(count: 2, tag: "a"))
        XCTAssertEqual(refused.status, 403, refused.text)
        XCTAssertEqual(try jsonObject(try HTTP.get(server, "/v1/stats", token: reader).text)["units"] as? Int, 0)
        let allowed = try HTTP.post(server, "/v1/import", token: translator, contentType: "text/tab-separated-values", body: Self.tsv(count: 2, tag: "a"))
        XCTAssertEqual(allowed.status, 200, allowed.text)
        XCTAssertEqual(try HTTP.get(server, "/v1/lookup?q=anggaran", token: reader).status, 200)
        XCTAssertEqual(try HTTP.post(server, "/v1/glossary", token: reader, contentType: "application/json",
                                     body: Data(#"[{"source":"anggaran","target":"budget"}]"#.utf8)).status, 403)
        XCTAssertEqual(try HTTP.post(server, "/v1/glossary", token: translator, contentType: "application/json",
                                     body: Data(#"[{"source":"anggaran","target":"budget"}]"#.utf8)).status, 200)
        let bad = try TMBinary.run(["serve", "token", "create", "x", "--role", "owner", "--database", url])
        XCTAssertEqual(bad.status, 64, bad.stderr)
    }

    func testEightConcurrentImportersLoseAndDoubleNothing() throws {
        let (postgres, url) = try database()
        let token = try token(url, name: "desk", role: "translator")
        let first = try startServer(url), second = try startServer(url)
        let files = (0..<8).map { Self.tsv(count: 150 + $0 * 10, tag: "desk\($0)") }
        let expected = (0..<8).reduce(0) { $0 + 150 + $1 * 10 }
        let results = ResultsBox(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let server = index % 2 == 0 ? first : second
            results.set(index, Result { try HTTP.post(server, "/v1/import?name=desk\(index).tsv", token: token,
                                                      contentType: "text/tab-separated-values", body: files[index]) })
        }
        var added = 0
        for index in 0..<8 {
            let reply = try results.get(index)
            XCTAssertEqual(reply.status, 200, reply.text)
            added += try jsonObject(reply.text)["added"] as? Int ?? 0
        }
        XCTAssertEqual(added, expected)
        XCTAssertEqual(try postgres.sql(url, "SELECT count(*) FROM units"), ["\(expected)"])
        XCTAssertEqual(try postgres.sql(url, "SELECT count(*) FROM runs"), ["8"])
        XCTAssertEqual(try jsonObject(try HTTP.get(first, "/v1/stats", token: token).text)["units"] as? Int, expected)
        // The same eight again, at once: all duplicates, nothing doubled.
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let server = index % 2 == 0 ? second : first
            results.set(index, Result { try HTTP.post(server, "/v1/import", token: token, contentType: "text/tab-separated-values", body: files[index]) })
        }
        for index in 0..<8 { XCTAssertEqual(try jsonObject(try results.get(index).text)["added"] as? Int, 0) }
        XCTAssertEqual(try postgres.sql(url, "SELECT count(*) FROM units"), ["\(expected)"])
    }

    func testKillDuringAnImportLosesNothingCommittedAndLeavesNothingHalfWritten() throws {
        let (postgres, url) = try database()
        let token = try token(url, name: "desk", role: "translator")
        let killed = try startServer(url)
        let before = try HTTP.post(killed, "/v1/import", token: token, contentType: "text/tab-separated-values", body: Self.tsv(count: 10, tag: "awal"))
        XCTAssertEqual(before.status, 200, before.text)
        let big = 40_000
        let body = Self.tsv(count: big, tag: "besar")
        let answered = ResultsBox(count: 1)
        let sent = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            answered.set(0, Result { try HTTP.post(killed, "/v1/import?name=big.tsv", token: token, contentType: "text/tab-separated-values", body: body) })
            sent.signal()
        }
        // The server says when it has the whole body and starts the import; kill it then.
        let deadline = Date().addingTimeInterval(60)
        while !killed.stderr.contains("import started: big.tsv"), Date() < deadline { usleep(2_000) }
        XCTAssertTrue(killed.stderr.contains("import started: big.tsv"), killed.stderr)
        killed.kill9()
        sent.wait()
        // It was in progress: the client never got an answer.
        XCTAssertThrowsError(try answered.get(0), "the import had finished before the kill; make the file larger")
        let count = Int(try postgres.sql(url, "SELECT count(*) FROM units").first ?? "") ?? -1
        XCTAssertTrue(count == 10 || count == 10 + big, "units after the kill: \(count)")
        let runs = try postgres.sql(url, "SELECT units FROM runs ORDER BY created_at")
        XCTAssertEqual(runs, count == 10 ? ["10"] : ["10", "\(big)"])

        let server = try startServer(url)
        XCTAssertEqual(try jsonObject(try HTTP.get(server, "/v1/stats", token: token).text)["units"] as? Int, count)
        // The import sent again completes it either way.
        let again = try HTTP.post(server, "/v1/import", token: token, contentType: "text/tab-separated-values", body: body)
        XCTAssertEqual(again.status, 200, again.text)
        XCTAssertEqual(try postgres.sql(url, "SELECT count(*) FROM units"), ["\(10 + big)"])
    }

    /// `POST /v1/runs/{id}/undo`: a translator takes back their own run (not another's), an admin
    /// any; the units leave the database and both servers' lookups, and the run leaves the log.
    func testUndoOfARunOverTheAPI() throws {
        let (postgres, url) = try database()
        let dewi = try token(url, name: "dewi", role: "translator")
        let siti = try token(url, name: "siti", role: "translator")
        let admin = try token(url, name: "boss", role: "admin")
        let first = try startServer(url), second = try startServer(url)
        let kept = try HTTP.post(first, "/v1/import?name=kept.tsv", token: siti, contentType: "text/tab-separated-values",
                                 body: Self.tsv(count: 3, tag: "tetap"))
        let taken = try HTTP.post(first, "/v1/import", token: dewi, contentType: "application/xml", body: Self.tmx(Self.newsPairs))
        let keptRun = try XCTUnwrap(try jsonObject(kept.text)["run"] as? String)
        let takenRun = try XCTUnwrap(try jsonObject(taken.text)["run"] as? String)
        let query = "/v1/lookup?q=" + "Gempa mengguncang Cianjur".addingPercentEncoding(withAllowedCharacters: .alphanumerics)! + "&min=30"
        XCTAssertEqual((try jsonObject(try HTTP.get(first, query, token: dewi).text)["matches"] as? [Any])?.count, 1)
        var arrived = false
        let arrival = Date().addingTimeInterval(1)
        while Date() < arrival {
            if (try jsonObject(try HTTP.get(second, query, token: dewi).text)["matches"] as? [Any])?.count == 1 { arrived = true; break }
            usleep(20_000)
        }
        XCTAssertTrue(arrived, "the second server has it within a second")

        let notHers = try HTTP.post(first, "/v1/runs/\(keptRun)/undo", token: dewi, contentType: nil, body: Data())
        XCTAssertEqual(notHers.status, 403, notHers.text)
        XCTAssertEqual(try HTTP.post(first, "/v1/runs/20200101T000000Z-000000/undo", token: dewi, contentType: nil, body: Data()).status, 404)
        XCTAssertEqual(try HTTP.post(first, "/v1/runs/nonsense/undo", token: dewi, contentType: nil, body: Data()).status, 400)

        let undone = try HTTP.post(first, "/v1/runs/\(takenRun)/undo", token: dewi, contentType: nil, body: Data())
        XCTAssertEqual(undone.status, 200, undone.text)
        XCTAssertEqual(try jsonObject(undone.text)["unitsRemoved"] as? Int, 5)
        XCTAssertEqual(try postgres.sql(url, "SELECT count(*) FROM units"), ["3"])
        XCTAssertEqual(try jsonObject(try HTTP.get(first, "/v1/stats", token: dewi).text)["units"] as? Int, 3)
        // The other server drops them too, within a second.
        var gone = false
        let deadline = Date().addingTimeInterval(1)
        while Date() < deadline {
            if (try jsonObject(try HTTP.get(second, query, token: dewi).text)["matches"] as? [Any])?.isEmpty == true { gone = true; break }
            usleep(20_000)
        }
        XCTAssertTrue(gone, "the second server still finds the undone unit")
        let runs = try jsonObject(try HTTP.get(second, "/v1/runs", token: dewi).text)["runs"] as? [[String: Any]]
        XCTAssertEqual(runs?.compactMap { $0["id"] as? String }, [keptRun])

        let byAdmin = try HTTP.post(second, "/v1/runs/\(keptRun)/undo", token: admin, contentType: nil, body: Data())
        XCTAssertEqual(byAdmin.status, 200, byAdmin.text)
        XCTAssertEqual(try postgres.sql(url, "SELECT count(*) FROM units"), ["0"])
    }

    func testASecondServerSeesAWriteThroughTheFirstWithinASecond() throws {
        let (_, url) = try database()
        let token = try token(url, name: "desk", role: "translator")
        let first = try startServer(url), second = try startServer(url)
        let query = "/v1/lookup?q=" + "Gempa mengguncang Cianjur".addingPercentEncoding(withAllowedCharacters: .alphanumerics)! + "&min=30"
        let beforeMatches = try jsonObject(try HTTP.get(second, query, token: token).text)["matches"] as? [Any]
        XCTAssertEqual(beforeMatches?.count, 0)
        let reply = try HTTP.post(first, "/v1/import", token: token, contentType: "application/xml", body: Self.tmx(Self.newsPairs))
        XCTAssertEqual(reply.status, 200, reply.text)
        let written = Date()
        var seen = false
        while Date().timeIntervalSince(written) < 1.0 {
            let matches = try jsonObject(try HTTP.get(second, query, token: token).text)["matches"] as? [[String: Any]] ?? []
            if matches.contains(where: { ($0["source"] as? String)?.contains("Cianjur") == true }) { seen = true; break }
            usleep(20_000)
        }
        XCTAssertTrue(seen, "the second server did not see the unit within a second")
    }

    func testExportValidatesAgainstTheTMXDTD() throws {
        let (_, url) = try database()
        let token = try token(url, name: "desk", role: "translator")
        let server = try startServer(url)
        XCTAssertEqual(try HTTP.post(server, "/v1/import", token: token, contentType: "application/xml", body: Self.tmx(Self.newsPairs)).status, 200)
        XCTAssertEqual(try HTTP.post(server, "/v1/import", token: token, contentType: "text/csv",
                                     body: Data("\"Kata, dengan koma\",\"Words, with a comma\"\n".utf8)).status, 200)
        let dtd = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/spec/tmx14.dtd").standardizedFileURL
        XCTAssertTrue(FileManager.default.fileExists(atPath: dtd.path), "the TMX DTD is not at \(dtd.path)")
        let xmllint = ["/usr/bin/xmllint", "/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let tool = try XCTUnwrap(xmllint, "xmllint is missing: install libxml2-utils (.ci/run does)")
        let folder = try temporaryFolder()
        for query in ["", "?level=1", "?level=2&src=id&tgt=en"] {
            let reply = try HTTP.get(server, "/v1/export" + query, token: token)
            XCTAssertEqual(reply.status, 200, reply.text)
            let file = folder.appendingPathComponent("export.tmx")
            try reply.body.write(to: file)
            XCTAssertEqual(reply.text.components(separatedBy: "</tu>").count - 1, 6, query)
            let check = try PostgresHarness.run(URL(fileURLWithPath: tool), ["--noout", "--nonet", "--dtdvalid", dtd.path, file.path])
            XCTAssertEqual(check.status, 0, "export\(query) is not valid TMX 1.4b: \(check.output)")
            if query == "?level=1" { XCTAssertFalse(reply.text.contains("<ph"), "level 1 is plain text") }
            if query.isEmpty { XCTAssertTrue(reply.text.contains("<ph"), "level 2 keeps markup") }
        }
    }
}

/// Results written by concurrent workers.
final class ResultsBox: @unchecked Sendable {
    private var results: [Result<HTTPReply, any Error>?]
    private let lock = NSLock()
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ result: Result<HTTPReply, any Error>) { lock.lock(); results[index] = result; lock.unlock() }
    func get(_ index: Int) throws -> HTTPReply {
        lock.lock(); defer { lock.unlock() }
        guard let result = results[index] else { throw HarnessFailure("no result") }
        return try result.get()
    }
}
