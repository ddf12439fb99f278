import Foundation
import XCTest
@testable import TranslationMemory

/// The decisions file of the review page: which pairs it starts with, how `--apply` reads the
/// translator's choices, and what it refuses.
final class AlignmentDecisionsTests: XCTestCase {
    func testSHA256MatchesTheStandardVectors() {
        XCTAssertEqual(SHA256.hex(Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // 56 bytes: the length no longer fits the first block.
        XCTAssertEqual(SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(Data(repeating: UInt8(ascii: "a"), count: 1000)),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    /// Four Indonesian sentences, three English: 1-1, 1-1 below the threshold, 1-0, 1-1.
    private func decisions() -> AlignmentDecisions {
        let indonesian = ["Satu.", "Dua.", "Tiga.", "Empat."], english = ["One.", "Two.", "Four."]
        func bead(_ id: [Int], _ en: [Int], _ confidence: Double) -> AlignmentBead {
            AlignmentBead(indonesian: id, english: en, confidence: confidence, lexicalCoverage: 0.8, lengthScore: -0.1)
        }
        let result = AlignmentResult(indonesianSentences: indonesian, englishSentences: english,
                                     indonesianParagraphs: [0, 0, 0, 0], englishParagraphs: [0, 0, 0],
                                     beads: [bead([0], [0], 0.97), bead([1], [1], 0.3), bead([2], [], 0.9), bead([3], [2], 0.8)],
                                     learnedPairs: 0, lengthRatio: 1)
        let id = AlignmentDocument(path: "/news/angka.id.txt", paragraphs: [indonesian], translator: "Siti Rahmawati")
        let en = AlignmentDocument(path: "/news/angka.en.txt", paragraphs: [english], editor: "Dewi Lestari")
        return AlignmentDecisions(result: result, indonesian: .init(id, sentences: indonesian, sha256: "a"),
                                  english: .init(en, sentences: english, sha256: "b"), minimumConfidence: 0.5)
    }

    func testThePageStartsWithThePairsAtOrAboveTheThreshold() {
        let start = decisions()
        XCTAssertEqual(start.chosen, [.init(indonesian: 0...0, english: 0...0), .init(indonesian: 3...3, english: 2...2)])
        XCTAssertEqual(start.rejected, [.init(indonesian: 1...1, english: 1...1)])
        XCTAssertEqual(start.aligned.count, 4)
        let pairs = start.chosenPairs()
        XCTAssertEqual(pairs.map(\.reviewed), [false, false])
        XCTAssertEqual(pairs.map(\.pair.confidence), [0.97, 0.8])
    }

    func testPairsTheTranslatorMadeOrTickedAreReviewed() {
        var decisions = decisions()
        // Sentence 2, left out by the aligner, merged into the pair before it; the doubtful pair ticked.
        decisions.chosen = [.init(indonesian: 0...0, english: 0...0), .init(indonesian: 1...2, english: 1...1)]
        let pairs = decisions.chosenPairs()
        XCTAssertEqual(pairs.map(\.reviewed), [false, true])
        XCTAssertEqual(pairs[1].pair.indonesian, "Dua. Tiga.")
        XCTAssertEqual(pairs[1].pair.english, "Two.")
        XCTAssertEqual(pairs[1].pair.kind, "2-1")
        XCTAssertEqual(pairs[1].pair.confidence, 1)
        decisions.chosen = [.init(indonesian: 1...1, english: 1...1)]
        XCTAssertEqual(decisions.chosenPairs().map(\.reviewed), [true], "ticked below the threshold")

        let session = AlignmentSession(decisions: decisions, store: nil)
        let unit = session.makeUnit(pairs[1].pair)
        XCTAssertEqual(unit.attribute("creationid"), "Siti Rahmawati")
        XCTAssertEqual(unit.property("x-editor"), "Dewi Lestari")
        XCTAssertEqual(unit.property("x-indonesian-file"), "angka.id.txt")
    }

    func testReadingRefusesWhatThePageCannotHaveWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-decisions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("d.json").path
        func read(_ decisions: AlignmentDecisions) throws -> AlignmentDecisions {
            try JSONEncoder().encode(decisions).write(to: URL(fileURLWithPath: path))
            return try AlignmentDecisions.read(path: path)
        }
        let start = decisions()
        XCTAssertEqual(try read(start), start)

        var outside = start
        outside.chosen = [.init(indonesian: 3...4, english: 2...2)]
        XCTAssertThrowsError(try read(outside)) { XCTAssertTrue("\($0)".contains("chosen pair 1 names a sentence the file does not have"), "\($0)") }
        var twice = start
        twice.chosen = [.init(indonesian: 0...1, english: 0...0), .init(indonesian: 1...1, english: 1...1)]
        XCTAssertThrowsError(try read(twice)) { XCTAssertTrue("\($0)".contains("chosen pair 2 repeats a sentence"), "\($0)") }
        var newer = start
        newer.version = 2
        XCTAssertThrowsError(try read(newer)) { XCTAssertTrue("\($0)".contains("this tm reads tm-alignment-decisions version 1"), "\($0)") }

        try Data(#"{"indonesian": [1, 0]}"#.utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try AlignmentDecisions.read(path: path)) {
            XCTAssertEqual($0 as? TMError, TMError(.wrongFormat(format: "review decisions", reason: "expected the JSON that a review page's \"Save decisions\" writes"), path: path))
        }
    }

    func testChangedFilesAreNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-decisions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var decisions = decisions()
        for (side, text) in [(\AlignmentDecisions.indonesian, "Satu. Dua."), (\AlignmentDecisions.english, "One. Two.")] {
            let path = folder.appendingPathComponent(text).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            decisions[keyPath: side].path = path
            decisions[keyPath: side].sha256 = try SHA256.hex(ofFile: path)
        }
        XCTAssertNoThrow(try decisions.checkFiles())
        try Data("One. Two!".utf8).write(to: URL(fileURLWithPath: decisions.english.path))
        XCTAssertThrowsError(try decisions.checkFiles()) { XCTAssertEqual($0 as? TMError, TMError(.changedSinceReview, path: decisions.english.path)) }
    }
}
