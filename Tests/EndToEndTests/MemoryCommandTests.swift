import Foundation
import XCTest

/// `tm import`, `tm export` and `tm stats` run as a user runs them.
final class MemoryCommandTests: XCTestCase {
    private let omegat = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.1">
      <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="3.6" segtype="sentence" srclang="IN"/>
      <body>
        <tu><tuv lang="IN"><seg>Kerja sama bilateral meningkat.</seg></tuv><tuv lang="EN-US" creationid="siti" creationdate="20230210T115900Z"><seg>Bilateral cooperation is growing.</seg></tuv></tu>
        <tu><tuv lang="IN"><seg>Kemenlu mengeluarkan pernyataan.</seg></tuv><tuv lang="EN-US"><seg>The Foreign Ministry issued a statement.</seg></tuv></tu>
        <tu><tuv lang="IN"><seg>Hanya bahasa Indonesia.</seg></tuv></tu>
      </body>
    </tmx>
    """

    private func write(_ folder: URL, _ name: String, _ content: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(content.utf8).write(to: url)
        return url.path
    }

    func testImportExportStatsInTheDefaultFolder() throws {
        let folder = try TMProcess.temporaryFolder(self)
        _ = try write(folder, "omegat.tmx", omegat)
        let imported = try TMProcess.run(["import", "omegat.tmx"], in: folder)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("3 read, 3 added, 0 duplicates, 0 skipped"), imported.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("TMX").path))

        let again = try TMProcess.run(["import", "omegat.tmx", "--json"], in: folder)
        XCTAssertEqual(again.status, 0)
        let report = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(report?["duplicates"] as? Int, 3)
        XCTAssertEqual(report?["added"] as? Int, 0)

        let stats = try TMProcess.run(["stats", "--json"], in: folder)
        XCTAssertEqual(stats.status, 0, stats.stderr)
        let statistics = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(statistics?["units"] as? Int, 3)
        XCTAssertEqual(statistics?["indonesianEnglishUnits"] as? Int, 2)
        XCTAssertEqual(statistics?["oneSideMissing"] as? Int, 1)
        XCTAssertEqual((statistics?["creators"] as? [String: Int]) ?? [:], [:], "creationid sits on the tuv here, not the tu")

        let exported = try TMProcess.run(["export", "--out", "out.tmx", "--src", "id", "--tgt", "en-GB"], in: folder)
        // The unit with Indonesian only is left out, and the export says so (exit 2).
        XCTAssertEqual(exported.status, 2, exported.stderr)
        XCTAssertEqual(exported.stderr, "left out: 1 unit without both id and en-GB (languages of those: id: 1)\n")
        XCTAssertTrue(exported.stdout.contains("2 units written"), exported.stdout)
        let text = try String(contentsOf: folder.appendingPathComponent("out.tmx"), encoding: .utf8)
        XCTAssertTrue(text.contains(#"<tuv xml:lang="id"><seg>Kerja sama bilateral meningkat.</seg></tuv>"#), text)
        XCTAssertTrue(text.contains(#"xml:lang="en-GB""#))

        let tsv = try TMProcess.run(["export", "--out", "out.tsv", "--format", "tsv"], in: folder)
        XCTAssertEqual(tsv.status, 2, tsv.stderr)
        let rows = try String(contentsOf: folder.appendingPathComponent("out.tsv"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(rows.first, "id-ID\ten-US")
        XCTAssertTrue(rows.contains("Kemenlu mengeluarkan pernyataan.\tThe Foreign Ministry issued a statement."))
    }

    func testTMPathEnvironmentAndOption() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let input = try write(folder, "omegat.tmx", omegat)
        let viaEnvironment = try TMProcess.run(["import", input], in: folder, environment: ["TM_PATH": folder.appendingPathComponent("env-memory").path])
        XCTAssertEqual(viaEnvironment.status, 0, viaEnvironment.stderr)
        let stats = try TMProcess.run(["stats", "--tm", folder.appendingPathComponent("env-memory").path], in: folder)
        XCTAssertTrue(stats.stdout.contains("units: 3"), stats.stdout)
        let missing = try TMProcess.run(["stats", "--tm", folder.appendingPathComponent("nowhere").path], in: folder)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no such translation memory"), missing.stderr)
    }

    func testSkippedInputExitsTwoAndNamesTheLine() throws {
        let folder = try TMProcess.temporaryFolder(self)
        _ = try write(folder, "pairs.tsv", "satu\tone\ndua\n\ttiga-less\n")
        let result = try TMProcess.run(["import", "pairs.tsv"], in: folder)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("pairs.tsv:2: skipped: expected two columns"), result.stderr)
        XCTAssertTrue(result.stderr.contains("pairs.tsv:3: skipped: the Indonesian column is empty"), result.stderr)
    }

    func testHostileFileFailsWithPathAndLeavesNoFile() throws {
        let folder = try TMProcess.temporaryFolder(self)
        _ = try write(folder, "xxe.tmx", """
        <?xml version="1.0"?>
        <!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="plaintext"/>
        <body><tu><tuv xml:lang="id"><seg>&x;</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>
        """)
        let result = try TMProcess.run(["import", "xxe.tmx"], in: folder)
        XCTAssertEqual(result.status, 1)
        // Refused at the declaration (line 2), before any entity could be expanded.
        XCTAssertTrue(result.stderr.contains("xxe.tmx:2:") && result.stderr.contains("external entity"), result.stderr)
        XCTAssertFalse(result.stdout.contains("root:") || result.stderr.contains("root:"))
        let memoryFiles = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("TMX").path)) ?? []
        XCTAssertTrue(memoryFiles.filter { $0.hasSuffix(".tmx") }.isEmpty, "\(memoryFiles)")
    }

    func testUsageErrors() throws {
        let result = try TMProcess.run(["export", "--out", "x.tmx", "--src", "id", "--tgt", "in-ID"])
        XCTAssertEqual(result.status, 64, result.stderr)
        let level = try TMProcess.run(["export", "--out", "x.tmx", "--level", "3"])
        XCTAssertEqual(level.status, 64, level.stderr)
    }

    /// Two `tm import` processes at the same moment: both land in full, nothing doubled.
    func testConcurrentProcessesBothLand() throws {
        let folder = try TMProcess.temporaryFolder(self)
        var rowsA = "", rowsB = ""
        for row in 0..<3000 {
            rowsA += "kalimat A \(row)\tsentence A \(row)\n"
            rowsB += "kalimat B \(row)\tsentence B \(row)\n"
        }
        rowsA += "kalimat bersama\tshared\n"
        rowsB += "kalimat bersama\tshared\n"
        _ = try write(folder, "a.tsv", rowsA)
        _ = try write(folder, "b.tsv", rowsB)
        let processes = try ["a.tsv", "b.tsv"].map { name -> Process in
            let process = Process()
            process.executableURL = TMProcess.executable
            process.arguments = ["import", name]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        processes.forEach { $0.waitUntilExit() }
        let statuses = processes.map(\.terminationStatus)
        XCTAssertEqual(statuses, [0, 0])
        let stats = try TMProcess.run(["stats", "--json"], in: folder)
        let statistics = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(statistics?["units"] as? Int, 6001)
    }

    /// `kill -9` at many instants of an import into a single-file memory: the memory always reads,
    /// holding either the old content or the new.
    func testKillNineLeavesOldOrNewMemory() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let memory = folder.appendingPathComponent("memory.tmx").path
        _ = try write(folder, "first.tsv", "awal\tstart\n")
        XCTAssertEqual(try TMProcess.run(["import", "--tm", memory, "first.tsv"], in: folder).status, 0)
        var rows = ""
        for row in 0..<20000 { rows += "kalimat nomor \(row) dalam berkas besar\tsentence number \(row) in a big file\n" }
        _ = try write(folder, "big.tsv", rows)
        var outcomes = Set<Int>()
        for attempt in 0..<8 {
            let process = Process()
            process.executableURL = TMProcess.executable
            process.arguments = ["import", "--tm", memory, "big.tsv"]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(20_000 + attempt * 40_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let stats = try TMProcess.run(["stats", "--tm", memory, "--json"], in: folder)
            XCTAssertEqual(stats.status, 0, "attempt \(attempt): \(stats.stderr)")
            let units = (try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])?["units"] as? Int ?? -1
            XCTAssertTrue(units == 1 || units == 20001, "attempt \(attempt): \(units) units")
            outcomes.insert(units)
            if units == 20001 { break }
        }
        XCTAssertFalse(outcomes.isEmpty)
    }

    /// An import killed while its temporary file is being written leaves that file behind; the
    /// next writer of the memory removes it under the lock, and the memory is as before.
    func testKilledImportsTemporaryFileIsRemovedByTheNextWriter() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let memory = folder.appendingPathComponent("TMX")
        _ = try write(folder, "first.tsv", "awal\tstart\n")
        XCTAssertEqual(try TMProcess.run(["import", "first.tsv"], in: folder).status, 0)
        var rows = ""
        for row in 0..<200_000 { rows += "kalimat nomor \(row) dalam berkas besar\tsentence number \(row) in a big file\n" }
        _ = try write(folder, "big.tsv", rows)
        let temporaryFiles = { (try? FileManager.default.contentsOfDirectory(atPath: memory.path))?.filter { $0.contains(".tmp-") } ?? [] }

        let process = Process()
        process.executableURL = TMProcess.executable
        process.arguments = ["import", "big.tsv"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it only once its temporary file exists and is growing: mid-write, provably. The
        // import first reads its input once to find the duplicates (`DuplicateSieve`), so the
        // file appears only after that pass: wait up to a minute for it.
        var size: UInt64 = 0
        for _ in 0..<12_000 where process.isRunning {
            if let name = temporaryFiles().first,
               let bytes = (try? FileManager.default.attributesOfItem(atPath: memory.appendingPathComponent(name).path))?[.size] as? UInt64,
               bytes > 0 {
                size = bytes
                break
            }
            usleep(5_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "the import finished before it could be killed")
        XCTAssertGreaterThan(size, 0, "no temporary file was seen while the import ran")
        XCTAssertEqual(temporaryFiles().count, 1, "the killed import leaves its temporary file")

        _ = try write(folder, "second.tsv", "kedua\tsecond\n")
        let next = try TMProcess.run(["import", "second.tsv"], in: folder)
        XCTAssertEqual(next.status, 0, next.stderr)
        XCTAssertEqual(temporaryFiles(), [])
        let stats = try TMProcess.run(["stats", "--json"], in: folder)
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])?["units"] as? Int, 2)
    }

    /// A write that fails names the user's file, in the system's words: no libxml2 "I/O error"
    /// lines, no temporary file name.
    func testWriteIntoAMissingFolderNamesTheUsersFile() throws {
        let folder = try TMProcess.temporaryFolder(self)
        _ = try write(folder, "omegat.tmx", omegat)
        XCTAssertEqual(try TMProcess.run(["import", "omegat.tmx"], in: folder).status, 0)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Glossaries"), withIntermediateDirectories: true)
        for (arguments, file) in [(["export", "--out", "nofolder/x.tmx"], "nofolder/x.tmx"),
                                  (["glossary", "export", "--format", "tbx", "--out", "nofolder/x.tbx"], "nofolder/x.tbx")] {
            _ = try write(folder, "Glossaries/g.tsv", "kemitraan\tpartnership\n")
            let result = try TMProcess.run(arguments, in: folder)
            XCTAssertEqual(result.status, 1)
            XCTAssertEqual(result.stderr, "Error: \(file): cannot write: No such file or directory\n")
        }
    }
}

