import Foundation
import XCTest

/// Where the lookup index lives and when it is trusted (issue: fidelity, items 16–18).
final class IndexLocationTests: XCTestCase {
    private func memory() throws -> URL { try LookupCommandTests.memoryFolder(self) }

    /// An edit in the middle of a file, same size, with its mtime put back: the index must notice.
    func testAnEditWithTheModificationTimePutBackIsNoticed() throws {
        let folder = try memory()
        let tmx = folder.appendingPathComponent("TMX/news.tmx").path
        XCTAssertTrue(try TMProcess.run(["lookup", "Kemitraan strategis komprehensif"], in: folder).stdout.contains("Comprehensive strategic"))
        let modified = try FileManager.default.attributesOfItem(atPath: tmx)[.modificationDate] as! Date
        let text = try String(contentsOfFile: tmx, encoding: .utf8)
        // Same length, same first and last 64 KiB would need a bigger file; here the edit is in
        // the middle of a small file, so the sampled hash alone would catch it: pad the file so
        // that the edited unit lies beyond both sampled ends.
        let padding = String(repeating: "<!-- \(String(repeating: "x", count: 1000)) -->\n", count: 140)
        let padded = text.replacingOccurrences(of: "<body>\n", with: "<body>\n" + padding)
            .replacingOccurrences(of: "</body></tmx>", with: padding + "</body></tmx>")
        try padded.write(toFile: tmx, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: tmx)
        XCTAssertEqual(try TMProcess.run(["lookup", "Kemitraan strategis komprehensif"], in: folder).status, 0)

        let edited = padded.replacingOccurrences(of: "Comprehensive strategic partnership", with: "Comprehensive strategic PARTNERSHIP")
        XCTAssertEqual(edited.utf8.count, padded.utf8.count)
        let stamp = try FileManager.default.attributesOfItem(atPath: tmx)[.modificationDate] as! Date
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: tmx))
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: tmx)
        let result = try TMProcess.run(["lookup", "Kemitraan strategis komprehensif"], in: folder)
        XCTAssertTrue(result.stdout.contains("Comprehensive strategic PARTNERSHIP"), result.stdout)
    }

    /// Two single-file memories in one folder each keep their own shard.
    func testTwoSingleFileMemoriesKeepTheirIndexes() throws {
        let folder = try memory()
        let news = folder.appendingPathComponent("TMX/news.tmx").path
        try FileManager.default.copyItem(atPath: news, toPath: folder.appendingPathComponent("TMX/copy.tmx").path)
        let index = folder.appendingPathComponent("TMX/.tm-index").path
        XCTAssertEqual(try TMProcess.run(["lookup", "--tm", "TMX/news.tmx", "kemitraan"], in: folder).status, 0)
        XCTAssertEqual(try TMProcess.run(["lookup", "--tm", "TMX/copy.tmx", "kemitraan"], in: folder).status, 0)
        let shards = try FileManager.default.contentsOfDirectory(atPath: index).filter { $0.hasSuffix(".tmlx") }
        XCTAssertEqual(shards.count, 2, "\(shards)")
        let before = try shards.map { try FileManager.default.attributesOfItem(atPath: index + "/" + $0)[.modificationDate] as! Date }
        XCTAssertEqual(try TMProcess.run(["lookup", "--tm", "TMX/news.tmx", "kemitraan"], in: folder).status, 0)
        let after = try shards.map { try FileManager.default.attributesOfItem(atPath: index + "/" + $0)[.modificationDate] as! Date }
        XCTAssertEqual(before, after, "no shard was deleted or rebuilt")
    }

    /// A memory folder where no index can be made: the index goes to the user's private cache.
    func testUnwritableIndexFolderFallsBackToAPrivateCache() throws {
        let folder = try memory()
        try Data("in the way".utf8).write(to: folder.appendingPathComponent("TMX/.tm-index"))
        let cache = folder.appendingPathComponent("cache").path
        let result = try TMProcess.run(["lookup", "kemitraan strategis"], in: folder, environment: ["XDG_CACHE_HOME": cache])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Comprehensive strategic partnership"), result.stdout)
        XCTAssertTrue(result.stderr.contains("keeping the lookup index in \(cache)/tm/index/"), result.stderr)
        let mode = try FileManager.default.attributesOfItem(atPath: cache + "/tm")[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o700)
    }

    /// A cache folder others may write to is refused; the lookup still answers, without a
    /// persistent index, and leaves nothing behind.
    func testACacheFolderOthersCanWriteIsNotUsed() throws {
        let folder = try memory()
        try Data("in the way".utf8).write(to: folder.appendingPathComponent("TMX/.tm-index"))
        let cache = folder.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: cache.appendingPathComponent("tm/index"), withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: cache.appendingPathComponent("tm").path)
        let result = try TMProcess.run(["lookup", "kemitraan strategis"], in: folder, environment: ["XDG_CACHE_HOME": cache.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Comprehensive strategic partnership"), result.stdout)
        XCTAssertTrue(result.stderr.contains("is not private") && result.stderr.contains("searching without a persistent index"), result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("tm/index").path), [])
    }

    /// The sample memory, indexed, with a folder where its shard goes: the shard cannot be written again.
    private func memoryWithItsShardBlocked() throws -> URL {
        let folder = try memory()
        XCTAssertEqual(try TMProcess.run(["lookup", "kemitraan strategis"], in: folder).status, 0)
        let index = folder.appendingPathComponent("TMX/.tm-index")
        let shard = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: index.path).first { $0.hasSuffix(".tmlx") })
        try FileManager.default.removeItem(at: index.appendingPathComponent(shard))
        try FileManager.default.createDirectory(at: index.appendingPathComponent(shard + "/blocker"), withIntermediateDirectories: true)
        return folder
    }

    /// A folder where the shard should go (or a full disk): the lookup answers anyway.
    func testAShardThatCannotBeWrittenDoesNotStopTheLookup() throws {
        let folder = try memoryWithItsShardBlocked()
        for _ in 0..<2 {
            let result = try TMProcess.run(["lookup", "kemitraan strategis"], in: folder)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains("Comprehensive strategic partnership"), result.stdout)
            XCTAssertTrue(result.stderr.contains("searching without a persistent index"), result.stderr)
        }
    }

    /// A memory of two files where the first file's shard cannot be written: the index moves to
    /// a transient folder for the files still to index, and both files answer.
    func testAShardThatCannotBeWrittenBeforeAnotherFileDoesNotStopTheLookup() throws {
        let folder = try memoryWithItsShardBlocked()
        // Sorted after news.tmx, so read second.
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="test" creationtoolversion="1" datatype="plaintext" segtype="sentence" \
            adminlang="en" srclang="id" o-tmf="test"/><body>
            <tu><tuv xml:lang="id"><seg>Hujan lebat melanda Jakarta sore ini.</seg></tuv>\
            <tuv xml:lang="en"><seg>Heavy rain hit Jakarta this afternoon.</seg></tuv></tu>
            </body></tmx>

            """.write(to: folder.appendingPathComponent("TMX/zz-weather.tmx"), atomically: true, encoding: .utf8)
        for query in ["Hujan lebat melanda Jakarta sore ini.", "kemitraan strategis"] {
            let result = try TMProcess.run(["lookup", query], in: folder)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains(query.hasPrefix("Hujan") ? "Heavy rain hit Jakarta" : "Comprehensive strategic partnership"),
                          result.stdout)
            XCTAssertTrue(result.stderr.contains("searching without a persistent index"), result.stderr)
            XCTAssertTrue(result.stderr.contains("cannot write the lookup index"), result.stderr)
        }
    }
}
