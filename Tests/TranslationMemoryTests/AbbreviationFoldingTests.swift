import XCTest
@testable import TranslationMemory

final class AbbreviationFoldingTests: XCTestCase {
    func testDottedAcronymsBecomeOneWord() {
        XCTAssertEqual(AbbreviationFolding.fold("the U.S. and the U.N. met"), "the US and the UN met")
        XCTAssertEqual(AbbreviationFolding.fold("U.S.A."), "USA")
        XCTAssertEqual(AbbreviationFolding.fold("(U.K.)"), "(UK)")
        XCTAssertEqual(AbbreviationFolding.fold("5U.S."), "5US")
    }

    func testWhatIsNotAnAcronym() {
        for text in ["U.S", "A. Smith", "Jl. Sudirman", "pU.S.", "u.s.", "1.5.", "a.m. Monday", "é U.s."] {
            XCTAssertEqual(AbbreviationFolding.fold(text), text)
        }
        // Only ASCII capitals, and not after a combining mark (an NFD accent ends a word).
        XCTAssertEqual(AbbreviationFolding.fold("É.U."), "É.U.")
        XCTAssertEqual(AbbreviationFolding.fold("С.Ш.А."), "С.Ш.А.")
        XCTAssertEqual(AbbreviationFolding.fold("e\u{301}U.S."), "e\u{301}U.S.")
        XCTAssertEqual(AbbreviationFolding.fold("“U.S.” itu"), "“US” itu")
    }

    func testAlignerAndLexiconFoldAlike() throws {
        let lexicon = try AlignmentLexicon.shipped()
        XCTAssertTrue(lexicon.matches(indonesian: "AS", english: "U.S."))
        XCTAssertEqual(AlignmentLexicon.words("Kata U.S. Army").map(\.normalized), ["kata", "us", "army"])
        // Before the text layer, the lexicon's folding took any upper-case letter.
        XCTAssertEqual(AlignmentLexicon.words("É.U.").map(\.text), ["É", "U"])
    }
}
