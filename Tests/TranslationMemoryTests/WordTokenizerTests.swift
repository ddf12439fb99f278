import XCTest
@testable import TranslationMemory

final class WordTokenizerTests: XCTestCase {
    func testKeepsNewsJoiners() {
        let words = WordTokenizer.tokenize("Negara-negara itu membayar Rp1.500.000,50 pada pukul 10.30 WIB, kata Qur'an-nya (2-3 Februari).")
        XCTAssertEqual(words.map(\.text), ["Negara-negara", "itu", "membayar", "Rp1.500.000,50", "pada", "pukul", "10.30", "WIB", "kata", "Qur'an-nya", "2-3", "Februari"])
        XCTAssertEqual(words[0].normalized, "negara-negara")
        XCTAssertTrue(words[6].isNumber)
    }

    func testUnicodeJoinersMarksAndOffsets() {
        // U+2010 hyphen, U+2019 apostrophe, a decomposed é (e + U+0301) and curly quotes.
        let words = WordTokenizer.tokenize("“Negara\u{2010}negara” Qur\u{2019}an Jose\u{301} 5\u{2019}6")
        XCTAssertEqual(words.map(\.text), ["Negara\u{2010}negara", "Qur\u{2019}an", "Jose\u{301}", "5", "6"])
        XCTAssertEqual(words.map(\.start), [1, 16, 23, 29, 31])
        XCTAssertEqual(words[0].normalized, "negara\u{2010}negara")
        XCTAssertEqual(words.map(\.isNumber), [false, false, false, true, true])
    }

    /// The ASCII shortcuts of the scalar path are the Unicode properties they stand for.
    func testASCIIShortcutsMatchUnicodeProperties() {
        for value in UInt32(0)..<0x80 {
            let scalar = Unicode.Scalar(value)!
            let properties = scalar.properties
            XCTAssertEqual(WordTokenizer.isDigit(scalar), properties.numericType != nil, "U+\(String(value, radix: 16))")
            XCTAssertEqual(WordTokenizer.isWord(scalar),
                           properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark,
                           "U+\(String(value, radix: 16))")
        }
    }

    /// The byte path and the scalar path give the same words, offsets and flags.
    func testASCIIPathAgreesWithScalarPath() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcXYZ019 .,:-'\"()/\t\n%$")
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<30, using: &generator)
            var text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            let scalarPath = WordTokenizer.tokenizeScalars(text)
            XCTAssertEqual(WordTokenizer.tokenizeASCII(&text), scalarPath, "\(text.debugDescription)")
            XCTAssertEqual(WordTokenizer.tokenize(text), scalarPath, "\(text.debugDescription)")
        }
        var indonesian = "Negara-negara ASEAN menyepakati 1.500.000,50 dolar pada pukul 10.30 WIB, kata Qur'an."
        XCTAssertEqual(WordTokenizer.tokenizeASCII(&indonesian), WordTokenizer.tokenizeScalars(indonesian))
    }

    /// In a text with other scalars, each word's matching form is its lower case in NFC, whether
    /// the word is ASCII (lower-cased from its bytes) or not. Seeded, so a failure can be replayed.
    func testEveryWordOfTheScalarPathIsItsLowerCaseInNFC() {
        let pieces = ["Abc", "XYZ", "rumah", "Negara-negara", "Qur'an", "don\u{2019}t", "“", "”", "—", "É", "Café", "cafe\u{301}",
                      "İstanbul", "ẞ", "ǅ", "Σ", "ΣΑΣ", "Straße", "٣", "½", "10.30", "1.500", " ", ", ", "-", "’"]
        var random = SeededRandom(seed: 0x5EED_0A5C)
        var asciiWords = 0
        for _ in 0..<10_000 {
            let text = (0..<(1 + random.next(below: 8))).map { _ in pieces[random.next(below: pieces.count)] }.joined()
            for word in WordTokenizer.tokenizeScalars(text) {
                XCTAssertEqual(word.normalized, TextNormalization.nfc(word.text.lowercased()), "\(text.debugDescription): \(word.text)")
                if word.text.utf8.allSatisfy({ $0 < 0x80 }) && text.utf8.contains(where: { $0 >= 0x80 }) { asciiWords += 1 }
            }
        }
        XCTAssertGreaterThan(asciiWords, 1_000)
    }
}
