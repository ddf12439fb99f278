import XCTest
@testable import TranslationMemory

final class LanguageCodeTests: XCTestCase {
    func testIndonesianSpellingsAllMatch() {
        for spelling in ["id", "id-ID", "ID", "in", "in-ID", "IN", "id_ID"] {
            XCTAssertTrue(LanguageCode(spelling).matches(.indonesian), spelling)
            XCTAssertFalse(LanguageCode(spelling).matches(.english), spelling)
        }
    }

    func testEnglishSpellingsAllMatch() {
        for spelling in ["en", "en-US", "EN-GB", "en_us"] {
            XCTAssertTrue(LanguageCode(spelling).matches(.english), spelling)
        }
    }

    func testNormalizedForm() {
        XCTAssertEqual(LanguageCode("IN").normalized, "id")
        XCTAssertEqual(LanguageCode("in-id").normalized, "id-ID")
        XCTAssertEqual(LanguageCode("en_us").normalized, "en-US")
        XCTAssertEqual(LanguageCode("zh-hant-tw").normalized, "zh-Hant-TW")
    }
}
