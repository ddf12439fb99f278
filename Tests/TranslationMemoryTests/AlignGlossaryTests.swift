import XCTest
@testable import TranslationMemory

final class AlignGlossaryTests: XCTestCase {
    func testOneWordGlossaryTermsBecomeLexicalEvidence() {
        var lexicon = AlignmentLexicon()
        XCTAssertFalse(lexicon.matches(indonesian: "Kemenparekraf", english: "Tourism"))
        let glossary = Glossary(entries: [
            GlossaryEntry(source: "Kemenparekraf", target: "Tourism and Creative Economy Ministry", alternativeTargets: ["Ministry of Tourism"]),
            GlossaryEntry(source: "kemitraan strategis", target: "strategic partnership"),
        ])
        XCTAssertEqual(lexicon.add(glossary: glossary), 2, "the one-word term and its alternative; the multi-word term is left out")
        XCTAssertTrue(lexicon.matches(indonesian: "Kemenparekraf", english: "Tourism"))
        XCTAssertTrue(lexicon.matches(indonesian: "kemenparekraf", english: "Ministry"))
        XCTAssertFalse(lexicon.matches(indonesian: "kemitraan", english: "partnership"))
    }
}
