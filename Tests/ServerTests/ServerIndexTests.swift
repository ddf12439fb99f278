import Foundation
import XCTest

/// The server's index (issue 17): lookups run side by side on one snapshot while imports swap in
/// the next, and `--cache` keeps the index between starts only while it matches the database.
final class ServerIndexTests: PostgresTestCase {
    private func object(_ reply: HTTPReply, line: UInt = #line) throws -> [String: Any] {
        XCTAssertEqual(reply.status, 200, reply.text, line: line)
        return try XCTUnwrap(try reply.json() as? [String: Any], reply.text, line: line)
    }

    private func lookupPath(_ query: String) -> String {
        "/v1/lookup?min=50&n=5&q=" + query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    private func units(_ server: ServerProcess, token: String) throws -> Int? {
        try object(try HTTP.get(server, "/v1/stats", token: token))["units"] as? Int
    }

    /// 48 lookups at once, with an import swapping the index under them, answer byte for byte
    /// what the same lookups answer one at a time; the imported units are found afterwards.
    func testConcurrentLookupsAnswerAsOneAtATimeWhileAnImportSwapsTheIndex() throws {
        let (_, url) = try database()
        let token = try token(url, name: "desk", role: "translator")
        let server = try startServer(url)
        _ = try object(try HTTP.post(server, "/v1/import?name=budget.tsv", token: token, contentType: "text/tab-separated-values",
                                     body: SharedMemoryServerTests.tsv(count: 400, tag: "paralel")))
        _ = try object(try HTTP.post(server, "/v1/import?name=news.tmx", token: token, contentType: "application/xml",
                                     body: SharedMemoryServerTests.tmx(SharedMemoryServerTests.newsPairs)))
        var queries = (0..<20).map { "Laporan paralel nomor \($0 * 17) tentang anggaran daerah tahun lalu." }
        queries += SharedMemoryServerTests.newsPairs.map { $0.0.replacingOccurrences(of: "Senin", with: "Selasa") }
        let paths = queries.map(lookupPath)
        let alone = try paths.map { try HTTP.get(server, $0, token: token).text }
        XCTAssertTrue(alone.allSatisfy { $0.contains("\"score\"") }, "every query has a match")

        // Units no query comes near (at 50 %), imported while the lookups run.
        var other = ""
        for index in 0..<300 { other += "Pertandingan sepak bola \(index) berakhir imbang.\tFootball match \(index) ended in a draw.\n" }
        let otherBody = Data(other.utf8)
        let count = 48
        let results = ResultsBox(count: count + 1)
        DispatchQueue.concurrentPerform(iterations: count + 1) { index in
            if index == count {
                results.set(index, Result { try HTTP.post(server, "/v1/import?name=football.tsv", token: token,
                                                          contentType: "text/tab-separated-values", body: otherBody) })
            } else {
                results.set(index, Result { try HTTP.get(server, paths[index % paths.count], token: token) })
            }
        }
        for index in 0..<count {
            let reply = try results.get(index)
            XCTAssertEqual(reply.status, 200, reply.text)
            XCTAssertEqual(reply.text, alone[index % paths.count], "lookup \(index) answered otherwise beside the others")
        }
        XCTAssertEqual(try object(try results.get(count))["added"] as? Int, 300)
        let found = try object(try HTTP.get(server, lookupPath("Pertandingan sepak bola 123 berakhir imbang."), token: token))
        let sources = (found["matches"] as? [[String: Any]] ?? []).compactMap { $0["source"] as? String }
        XCTAssertTrue(sources.contains("Pertandingan sepak bola 123 berakhir imbang."), "\(sources)")
        XCTAssertEqual(try units(server, token: token), 705)
    }

    /// `tm serve --cache`: a restart takes up the index and mirrors only the units stored since;
    /// another database, or an undo while the server was stopped, starts the index again; two
    /// servers may not share the folder.
    func testCacheFolderKeepsTheIndexOnlyWhileItMatchesTheDatabase() throws {
        let (_, url) = try database()
        let token = try token(url, name: "dewi", role: "translator")
        let cache = try temporaryFolder().appendingPathComponent("cache").path
        let query = lookupPath("Gempa berkekuatan 5,6 mengguncang Cianjur pada Selasa siang.")

        let first = try startServer(url, ["--cache", cache])
        XCTAssertTrue(first.stderr.contains("0 units indexed\n"), first.stderr)
        _ = try object(try HTTP.post(first, "/v1/import?name=news.tmx", token: token, contentType: "application/xml",
                                     body: SharedMemoryServerTests.tmx(SharedMemoryServerTests.newsPairs)))
        let answer = try HTTP.get(first, query, token: token).text
        XCTAssertTrue(answer.contains("Cianjur"), answer)
        first.stop()

        let second = try startServer(url, ["--cache", cache])
        XCTAssertTrue(second.stderr.contains("0 units indexed (new since the --cache folder's index)"), second.stderr)
        XCTAssertEqual(try HTTP.get(second, query, token: token).text, answer, "the index taken up answers as the one built")
        XCTAssertThrowsError(try startServer(url, ["--cache", cache])) { error in
            XCTAssertTrue("\(error)".contains("another tm serve uses this --cache folder"), "\(error)")
        }
        second.stop()

        // Units stored while no server used the cache: only they are mirrored on the next start.
        let plain = try startServer(url)
        let added = try object(try HTTP.post(plain, "/v1/import?name=more.tsv", token: token, contentType: "text/tab-separated-values",
                                             body: SharedMemoryServerTests.tsv(count: 20, tag: "tambahan")))
        let run = try XCTUnwrap(added["run"] as? String)
        let third = try startServer(url, ["--cache", cache])
        XCTAssertTrue(third.stderr.contains("20 units indexed (new since the --cache folder's index)"), third.stderr)
        XCTAssertEqual(try units(third, token: token), 25)
        XCTAssertEqual(try HTTP.get(third, query, token: token).text, answer)
        let more = try object(try HTTP.get(third, lookupPath("Laporan tambahan nomor 7 tentang anggaran daerah tahun ini."), token: token))
        XCTAssertEqual((more["matches"] as? [[String: Any]])?.first?["score"] as? Double, 100)
        third.stop()

        // Another database with as many units: its unit at the cache's last seq differs.
        let (_, otherURL) = try database()
        let otherToken = try self.token(otherURL, name: "siti", role: "translator")
        let otherPlain = try startServer(otherURL)
        _ = try object(try HTTP.post(otherPlain, "/v1/import?name=other.tsv", token: otherToken, contentType: "text/tab-separated-values",
                                     body: SharedMemoryServerTests.tsv(count: 30, tag: "lain")))
        let onOther = try startServer(otherURL, ["--cache", cache])
        XCTAssertTrue(onOther.stderr.contains("30 units indexed\n"), onOther.stderr)
        XCTAssertEqual(try units(onOther, token: otherToken), 30)
        let nothing = try object(try HTTP.get(onOther, query, token: otherToken))
        XCTAssertEqual((nothing["matches"] as? [Any])?.count, 0, "the first database's units are gone from the index")
        onOther.stop()

        // Back on the first database, then an undo there while the cache's server is stopped.
        let back = try startServer(url, ["--cache", cache])
        XCTAssertTrue(back.stderr.contains("25 units indexed\n"), back.stderr)
        back.stop()
        _ = try object(try HTTP.post(plain, "/v1/runs/\(run)/undo", token: token, contentType: nil, body: Data()))
        let afterUndo = try startServer(url, ["--cache", cache])
        XCTAssertTrue(afterUndo.stderr.contains("5 units indexed\n"), afterUndo.stderr)
        XCTAssertEqual(try units(afterUndo, token: token), 5)
        XCTAssertEqual(try HTTP.get(afterUndo, query, token: token).text, answer)
        let mirrors = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix("memory-") }
        XCTAssertEqual(mirrors.count, 1, "older mirrors are removed: \(mirrors)")
    }

    /// A token is remembered for ten seconds once found valid (lookups then cost the database no
    /// query for it): one deleted from the database stops working within that time, and one
    /// created is accepted at once.
    func testATokenDeletedFromTheDatabaseStopsWorkingWithinTenSeconds() throws {
        let (postgres, url) = try database()
        let server = try startServer(url)
        let reader = try token(url, name: "reader", role: "reader")
        XCTAssertEqual(try HTTP.get(server, "/v1/stats", token: reader).status, 200)
        _ = try postgres.sql(url, "DELETE FROM api_tokens WHERE name = 'reader'")
        let deleted = Date()
        var refused = false
        while Date().timeIntervalSince(deleted) < 12 {
            if try HTTP.get(server, "/v1/stats", token: reader).status == 401 { refused = true; break }
            usleep(250_000)
        }
        XCTAssertTrue(refused, "the deleted token is still accepted after 12 s")
        XCTAssertGreaterThan(Date().timeIntervalSince(deleted), 5, "the token was remembered for a while")
        let again = try token(url, name: "reader", role: "reader")
        XCTAssertEqual(try HTTP.get(server, "/v1/stats", token: again).status, 200)
    }
}
