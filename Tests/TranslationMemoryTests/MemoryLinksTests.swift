import Foundation
import XCTest
@testable import TranslationMemory

/// Symbolic links in and to a memory folder (issue: fidelity, item 6).
final class MemoryLinksTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("links-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ name: String, _ content: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: url)
        return url.path
    }

    private func link(_ name: String, to destination: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: destination)
        return path
    }

    /// A linked memory folder read as empty, so importing what it held doubled it.
    func testAMemoryFolderThatIsALinkIsReadThroughTheLink() throws {
        let omegat = try write("real/omegat.tmx", TMXFixtures.omegatStyle)
        let memory = TranslationMemoryStore(path: try link("TMX", to: "real"))
        XCTAssertEqual(try memory.tmxFiles(), [memory.path + "/omegat.tmx"])
        let report = try MemoryImporter.importFiles([omegat], into: memory)
        XCTAssertEqual(report.added, 0)
        XCTAssertEqual(report.duplicates, report.unitsRead)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("real").path).filter { !$0.hasPrefix(".") }, ["omegat.tmx"])
    }

    /// Links inside the tree are followed, each file read once; links out of it are reported.
    func testLinksInsideAreFollowedOnceAndLinksOutsideReported() throws {
        _ = try write("TMX/projects/a.tmx", TMXFixtures.omegatStyle)
        _ = try link("TMX/a-again.tmx", to: "projects/a.tmx")
        _ = try write("elsewhere/b.tmx", TMXFixtures.memoQStyle)
        _ = try link("TMX/b.tmx", to: folder.appendingPathComponent("elsewhere/b.tmx").path)
        _ = try link("TMX/gone.tmx", to: "nowhere.tmx")
        let memory = TranslationMemoryStore(path: folder.appendingPathComponent("TMX").path)

        let (files, ignored) = try memory.scanFiles()
        XCTAssertEqual(files, [memory.path + "/projects/a.tmx"])
        XCTAssertEqual(ignored.map(\.path), [memory.path + "/b.tmx", memory.path + "/gone.tmx"])
        XCTAssertTrue(ignored[0].reason.contains("outside the memory"), ignored[0].reason)

        var units = 0
        let skipped = try memory.forEachUnit { _, _ in units += 1 }
        XCTAssertEqual(units, try TMXReader.readAll(path: folder.appendingPathComponent("TMX/projects/a.tmx").path).units.count)
        XCTAssertEqual(skipped.count, 2)
        XCTAssertEqual(try MemoryStatistics.compute(memory).skipped.count, 2)
    }
}
