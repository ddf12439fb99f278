import Foundation
import XCTest
@testable import TranslationMemory

/// Atomic rewrites keep what the user set on the file (issue: fidelity, item 7).
final class AtomicFileTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    func testRewriteKeepsThePermissions() throws {
        let path = folder.appendingPathComponent("private.tmx").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try AtomicFile.write(Data("new".utf8), to: path)
        XCTAssertEqual(try mode(path), 0o600)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new")

        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        try AtomicFile.write(Data("newer".utf8), to: path)
        XCTAssertEqual(try mode(path), 0o640)
    }

    /// The owner and group stay too (root may give a file to anyone; others to a group of theirs).
    func testRewriteKeepsTheOwnerAndGroup() throws {
        let path = folder.appendingPathComponent("shared.tmx").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        var groups = [gid_t](repeating: 0, count: 64)
        let count = Int(getgroups(Int32(groups.count), &groups))
        let other: (uid: uid_t, gid: gid_t)
        if geteuid() == 0 {
            other = (1, 1)
        } else if let group = groups.prefix(max(0, count)).first(where: { $0 != getegid() }) {
            other = (geteuid(), group)
        } else {
            throw XCTSkip("this user belongs to one group only and is not root: no other owner to keep")
        }
        XCTAssertEqual(chown(path, other.uid, other.gid), 0)
        try AtomicFile.write(Data("new".utf8), to: path)
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0)
        XCTAssertEqual(info.st_uid, other.uid)
        XCTAssertEqual(info.st_gid, other.gid)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new")
    }

    func testRewriteThroughASymbolicLinkKeepsTheLink() throws {
        let shared = folder.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        let target = shared.appendingPathComponent("glossary.tsv").path
        try Data("a\tb\n".utf8).write(to: URL(fileURLWithPath: target))
        let link = folder.appendingPathComponent("glossary.tsv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "shared/glossary.tsv")
        let chained = folder.appendingPathComponent("again.tsv").path
        try FileManager.default.createSymbolicLink(atPath: chained, withDestinationPath: link)

        try AtomicFile.write(Data("c\td\n".utf8), to: chained)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "shared/glossary.tsv")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: chained), link)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "c\td\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: shared.path), ["glossary.tsv"])
    }

    func testALinkLoopIsAnErrorNamingTheFile() throws {
        let first = folder.appendingPathComponent("a.tmx").path
        let second = folder.appendingPathComponent("b.tmx").path
        try FileManager.default.createSymbolicLink(atPath: first, withDestinationPath: second)
        try FileManager.default.createSymbolicLink(atPath: second, withDestinationPath: first)
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: first)) { error in
            XCTAssertEqual("\(error)", "\(first): cannot write: too many levels of symbolic links")
        }
    }

    /// A single-file memory that is a link, kept private: an import keeps both.
    func testImportIntoALinkedPrivateMemory() throws {
        let real = folder.appendingPathComponent("real.tmx").path
        try Data(TMXAppendTests.foreign.utf8).write(to: URL(fileURLWithPath: real))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: real)
        let link = folder.appendingPathComponent("memory.tmx").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.tmx")
        let pairs = folder.appendingPathComponent("pairs.tsv").path
        try Data("Ekspor naik.\tExports rose.\n".utf8).write(to: URL(fileURLWithPath: pairs))

        let report = try MemoryImporter.importFiles([pairs], into: TranslationMemoryStore(path: link))
        XCTAssertEqual(report.added, 1)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "real.tmx")
        XCTAssertEqual(try mode(real), 0o600)
        XCTAssertEqual(try TMXReader.readAll(path: real).units.count, 2)
    }
}
