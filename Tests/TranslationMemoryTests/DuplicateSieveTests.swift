import XCTest
@testable import TranslationMemory

/// The sieve must reject exactly what a set of every key would, with its keys spilled in many
/// small runs.
final class DuplicateSieveTests: XCTestCase {
    func key(_ number: Int) -> UnitKey {
        UnitKey(TranslationUnit(variants: [Variant(language: "id", segment: Segment(text: "kalimat \(number)")),
                                           Variant(language: "en", segment: Segment(text: "sentence \(number)"))]))
    }

    func testSieveEqualsSets() throws {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for recordsPerRun in [3, 17, 1 << 20] {
            let sieve = DuplicateSieve(kinds: [false, true], recordsPerRun: recordsPerRun)
            let stored = (0..<50).map { _ in next(200) }
            for number in stored { try sieve.addReference(key(number), kind: 0) }
            let candidates = (0..<400).map { _ in (next(200), next(60)) }
            for (sequence, (text, whole)) in candidates.enumerated() {
                try sieve.add(key(text), sequence: sequence, kind: 0)
                try sieve.add(key(1000 + whole), sequence: sequence, kind: 1)
            }
            try sieve.sift()
            let inMemory = Set(stored)
            var inBatch = Set<Int>()
            var expected: [Bool] = []
            for (text, whole) in candidates {
                let rejectedByMemory = inMemory.contains(text)
                let repeated = !inBatch.insert(whole).inserted
                expected.append(rejectedByMemory || repeated)
            }
            let found = try candidates.indices.map { try sieve.isRejected($0) }
            XCTAssertEqual(found, expected, "\(recordsPerRun) records a run")
            XCTAssertTrue(expected.contains(true) && expected.contains(false))
        }
    }

    /// A sorted run waiting to be merged holds no write buffer: a memory of millions of units
    /// leaves many runs, and a megabyte each made import's memory grow with the memory's size.
    func testSortedRunsWaitingToBeMergedHoldNoWriteBuffer() throws {
        let folder = NSTemporaryDirectory()
        let sorter = ExternalSorter(folder: folder, capacity: 4)
        for number in (0..<40).reversed() { try sorter.append(.init(a: UInt64(number), b: 0, c: 0)) }
        XCTAssertEqual(sorter.runs.count, 10)
        XCTAssertEqual(sorter.runs.map(\.bufferCapacity), Array(repeating: 0, count: 10))
        var sorted: [UInt64] = []
        try sorter.forEachSorted { sorted.append($0.a) }
        XCTAssertEqual(sorted, (0..<40).map(UInt64.init))
        // A file written in small pieces still buffers them.
        let file = try SpillFile(folder: folder)
        try file.write(UInt32(7))
        XCTAssertGreaterThan(file.bufferCapacity, 0)
        let reader = try file.reader()
        XCTAssertEqual(try reader.next(4).map { $0.loadUnaligned(as: UInt32.self) }, 7)
    }

    /// A spill file has no name from the moment it is made, so a build or import killed while
    /// it holds one leaves nothing in the folder; it is still written and read back, by several
    /// readers at once while it grows.
    func testSpillFilesLeaveNothingInTheFolderWhileTheyAreWrittenAndRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try SpillFile(folder: folder, bufferSize: 64)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
        for number in 0..<100 { try file.write(UInt32(number)) }
        let first = try file.reader(bufferSize: 64)
        XCTAssertEqual(try first.next(4).map { $0.loadUnaligned(as: UInt32.self) }, 0)
        for number in 100..<200 { try file.write(UInt32(number)) }
        let second = try file.reader(bufferSize: 64)
        var fromSecond: [UInt32] = []
        while let value = try second.next(4) { fromSecond.append(value.loadUnaligned(as: UInt32.self)) }
        XCTAssertEqual(fromSecond, (0..<200).map(UInt32.init))
        var fromFirst: [UInt32] = [0]
        while let value = try first.next(4) { fromFirst.append(value.loadUnaligned(as: UInt32.self)) }
        XCTAssertEqual(fromFirst, (0..<200).map(UInt32.init))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
    }
}
