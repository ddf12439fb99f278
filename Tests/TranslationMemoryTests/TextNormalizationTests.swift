import XCTest
@testable import TranslationMemory

final class TextNormalizationTests: XCTestCase {
    /// Scalars, not `String ==`, which already compares up to canonical equivalence.
    func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    func testDecomposedTextIsComposed() {
        XCTAssertEqual(scalars(TextNormalization.nfc("Jose\u{301} Horta")), scalars("Jos\u{E9} Horta"))
        // Marks in either order compose to one scalar (canonical reordering first).
        XCTAssertEqual(scalars(TextNormalization.nfc("a\u{323}\u{302}")), [0x1EAD])
        XCTAssertEqual(scalars(TextNormalization.nfc("a\u{302}\u{323}")), [0x1EAD])
        // A singleton (ANGSTROM SIGN) and Hangul jamo.
        XCTAssertEqual(scalars(TextNormalization.nfc("\u{212B}")), [0xC5])
        XCTAssertEqual(scalars(TextNormalization.nfc("\u{1100}\u{1161}")), [0xAC00])
    }

    func testNFCTextIsReturnedAsItIs() {
        for text in ["", "Jakarta (ANTARA) - Harga naik 5%.", "Jos\u{E9} Horta – “kutipan”", "\u{1EAD} 🙂 日本"] {
            XCTAssertEqual(scalars(TextNormalization.nfc(text)), scalars(text))
        }
        // A lone combining mark has nothing to compose with.
        XCTAssertEqual(scalars(TextNormalization.nfc("\u{301}x")), [0x301, 0x78])
    }

    /// The quick check's claim: below U+0300 every scalar is its own NFC form.
    func testQuickCheckHoldsBelowU0300() {
        for value in UInt32(1)..<0x300 {
            let text = String(Unicode.Scalar(value)!)
            XCTAssertTrue(TextNormalization.isNFCByQuickCheck(text))
            XCTAssertEqual(scalars(text.precomposedStringWithCanonicalMapping), [value])
        }
        XCTAssertFalse(TextNormalization.isNFCByQuickCheck("e\u{301}"))
        XCTAssertFalse(TextNormalization.isNFCByQuickCheck("\u{300}"))
        XCTAssertFalse(TextNormalization.isNFCByQuickCheck("“"))
    }
}
