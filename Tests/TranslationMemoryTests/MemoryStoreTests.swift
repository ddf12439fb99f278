import XCTest
@testable import TranslationMemory

final class MemoryStoreTests: XCTestCase {
    private func fixture(_ folder: URL, _ name: String, _ content: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(content.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func snapshot(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return result }
        for case let name as String in enumerator where name.hasSuffix(".tmx") {
            result[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return result
    }

    func testImportDropsDuplicatesOfTheMemoryAndKeepsTheRest() throws {
        let folder = try makeTemporaryFolder(self)
        let memory = TranslationMemoryStore(path: folder.appendingPathComponent("TMX").path)
        let trados = folder.appendingPathComponent("trados.tmx").path
        try TMXFixtures.utf16LittleEndian(TMXFixtures.tradosStyle).write(to: URL(fileURLWithPath: trados))
        let first = try MemoryImporter.importFiles([trados], into: memory)
        XCTAssertEqual(first.added, 2)
        XCTAssertNotNil(first.writtenTo)
        let again = try MemoryImporter.importFiles([trados], into: memory)
        XCTAssertEqual(again.added, 0)
        XCTAssertEqual(again.duplicates, 2)
        XCTAssertNil(again.writtenTo, "nothing new, no new file")
        XCTAssertEqual(try memory.tmxFiles().count, 1)
    }

    func testTSVAndCSVImport() throws {
        let folder = try makeTemporaryFolder(self)
        let memory = TranslationMemoryStore(path: folder.appendingPathComponent("TMX").path)
        let tsv = try fixture(folder, "pairs.tsv", "Kemenlu\tthe Foreign Ministry\r\nkerja sama bilateral\tbilateral cooperation\r\n\r\nhanya satu kolom\r\n")
        let csv = try fixture(folder, "pairs.csv", "English,Indonesian\n\"strategic partnership, renewed\",\"kemitraan strategis, diperbarui\"\n\"He said \"\"yes\"\"\",\"Dia berkata \"\"ya\"\"\"\n")
        let report = try MemoryImporter.importFiles([tsv, csv], into: memory, creator: "budi")
        XCTAssertEqual(report.added, 4)
        XCTAssertEqual(report.skipped.map(\.line), [4])
        var pairs: [String: String] = [:]
        var creators = Set<String>()
        try memory.forEachUnit { unit, _ in
            if let pair = unit.indonesianEnglishPair { pairs[pair.indonesian] = pair.english }
            creators.insert(unit.attribute("creationid") ?? "")
        }
        XCTAssertEqual(pairs["Kemenlu"], "the Foreign Ministry")
        XCTAssertEqual(pairs["kemitraan strategis, diperbarui"], "strategic partnership, renewed")
        XCTAssertEqual(pairs["Dia berkata \"ya\""], "He said \"yes\"")
        XCTAssertEqual(creators, ["budi"])
    }

    func testBadInputLeavesTheMemoryUntouched() throws {
        let folder = try makeTemporaryFolder(self)
        let memoryPath = folder.appendingPathComponent("TMX").path
        let memory = TranslationMemoryStore(path: memoryPath)
        let good = try fixture(folder, "good.tmx", TMXFixtures.omegatStyle)
        _ = try MemoryImporter.importFiles([good], into: memory)
        let before = try snapshot(memoryPath)
        XCTAssertEqual(before.count, 1)
        for hostile in TMXFixtures.hostile {
            let path = try fixture(folder, hostile.name, hostile.content)
            let memoQ = try fixture(folder, "memoq.tmx", TMXFixtures.memoQStyle)
            // A good file alongside a bad one: nothing at all is written.
            XCTAssertThrowsError(try MemoryImporter.importFiles([memoQ, path], into: memory), hostile.name)
            XCTAssertEqual(try snapshot(memoryPath), before, hostile.name)
        }
        let junk = folder.appendingPathComponent("junk.tsv").path
        try Data([0x68, 0x61, 0xFF, 0xFE, 0x00, 0x09, 0x41]).write(to: URL(fileURLWithPath: junk))
        XCTAssertThrowsError(try MemoryImporter.importFiles([junk], into: memory)) { error in
            XCTAssertTrue((error as? LocalizedError)?.errorDescription?.contains("junk.tsv:1:3: invalid UTF-8 at byte 2") == true, "\(error)")
        }
        XCTAssertEqual(try snapshot(memoryPath), before)
    }

    func testSingleFileMemoryIsRewrittenAtomically() throws {
        let folder = try makeTemporaryFolder(self)
        let single = folder.appendingPathComponent("project.tmx").path
        let memory = TranslationMemoryStore(path: single)
        XCTAssertTrue(memory.isSingleFile)
        _ = try MemoryImporter.importFiles([try fixture(folder, "a.tmx", TMXFixtures.omegatStyle)], into: memory)
        _ = try MemoryImporter.importFiles([try fixture(folder, "b.tmx", TMXFixtures.memoQStyle)], into: memory)
        XCTAssertEqual(try TMXReader.readAll(path: single).units.count, 5)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [])
    }

    func testConcurrentImportsBothLand() throws {
        let folder = try makeTemporaryFolder(self)
        let memoryPath = folder.appendingPathComponent("TMX").path
        var files: [String] = []
        for batch in 0..<4 {
            var rows = ""
            for row in 0..<200 { rows += "kalimat \(batch)-\(row)\tsentence \(batch)-\(row)\n" }
            rows += "kalimat bersama\tshared sentence\n"
            files.append(try fixture(folder, "batch\(batch).tsv", rows))
        }
        let paths = files
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            _ = try? MemoryImporter.importFiles([paths[index]], into: TranslationMemoryStore(path: memoryPath))
        }
        var texts: [String] = []
        try TranslationMemoryStore(path: memoryPath).forEachUnit { unit, _ in texts.append(unit.indonesianEnglishPair?.indonesian ?? "") }
        XCTAssertEqual(texts.count, 4 * 200 + 1, "every unit once, the shared one not doubled")
        XCTAssertEqual(Set(texts).count, texts.count)
    }

    func testMemoryFolderFindsNestedFilesAndSkipsHidden() throws {
        let folder = try makeTemporaryFolder(self)
        let memoryPath = folder.appendingPathComponent("TMX")
        try FileManager.default.createDirectory(at: memoryPath.appendingPathComponent("omegat/auto"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: memoryPath.appendingPathComponent(".tm-index"), withIntermediateDirectories: true)
        try Data(TMXFixtures.omegatStyle.utf8).write(to: memoryPath.appendingPathComponent("omegat/auto/project.TMX"))
        try Data(TMXFixtures.memoQStyle.utf8).write(to: memoryPath.appendingPathComponent("memoq.tmx"))
        try Data("junk".utf8).write(to: memoryPath.appendingPathComponent(".tm-index/x.tmx"))
        try Data("notes".utf8).write(to: memoryPath.appendingPathComponent("readme.txt"))
        let files = try TranslationMemoryStore(path: memoryPath.path).tmxFiles()
        XCTAssertEqual(files.map { URL(fileURLWithPath: $0).lastPathComponent }, ["memoq.tmx", "project.TMX"])
        let statistics = try MemoryStatistics.compute(TranslationMemoryStore(path: memoryPath.path))
        XCTAssertEqual(statistics.units, 5)
        XCTAssertEqual(statistics.indonesianEnglishUnits, 3)
        XCTAssertEqual(statistics.oneSideMissing, 1)
        XCTAssertEqual(statistics.otherLanguagesOnly, 1)
        XCTAssertEqual(statistics.creators["memoq-user"], 3)
        XCTAssertEqual(statistics.earliest.map(TMXDate.format), "20230301T093000Z")
        XCTAssertEqual(statistics.latest.map(TMXDate.format), "20230303T093000Z")
    }

    func testEnvironmentChoosesTheMemory() {
        XCTAssertEqual(TranslationMemoryStore.resolve(nil, environment: [:]).path, "TMX")
        XCTAssertEqual(TranslationMemoryStore.resolve(nil, environment: ["TM_PATH": "/srv/tm"]).path, "/srv/tm")
        XCTAssertEqual(TranslationMemoryStore.resolve("mine", environment: ["TM_PATH": "/srv/tm"]).path, "mine")
    }
}
