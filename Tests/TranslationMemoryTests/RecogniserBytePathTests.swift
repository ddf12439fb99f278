import XCTest
@testable import TranslationMemory

/// The byte paths the quantity recogniser and the index build take for ASCII (the figures, words
/// and vocabulary of most news text) give exactly what the general paths give.
final class RecogniserBytePathTests: XCTestCase {
    /// A random figure: groups of digits joined by `.`, `,` or `:`, sometimes longer than a
    /// `UInt64` holds.
    private func randomFigure(_ generator: inout SystemRandomNumberGenerator) -> String {
        let groups = Int.random(in: 1...4, using: &generator)
        var text = ""
        for group in 0..<groups {
            if group > 0 { text.append([".", ",", ":"].randomElement(using: &generator)!) }
            let digits = Bool.random(using: &generator) ? 3 : Int.random(in: 1...(group == 0 ? 22 : 6), using: &generator)
            text += String((0..<digits).map { _ in "0123456789".randomElement(using: &generator)! })
        }
        return text
    }

    func testFiguresReadFromBytesAsFromCharacters() {
        var generator = SystemRandomNumberGenerator()
        var read = 0
        for _ in 0..<4000 {
            let text = randomFigure(&generator)
            for language in [ArticleLanguage.indonesian, .english] {
                let bytes = NumeralParser.parseFigure(Array(text.utf8), language: language)
                let characters = NumeralParser.parseCharacters(text, language: language)
                XCTAssertEqual(bytes?.value, characters?.value, "\(text) \(language)")
                XCTAssertEqual(bytes?.value.description, characters?.value.description, "\(text) \(language)")
                XCTAssertEqual(bytes?.form, characters?.form, "\(text) \(language)")
                XCTAssertEqual(NumeralParser.parse(text, language: language)?.form, characters?.form)
                if bytes != nil { read += 1 }
            }
        }
        // Most random figures are figures in one convention or the other: the comparison is not
        // only of nils.
        XCTAssertGreaterThan(read, 2000)
        XCTAssertEqual(NumeralParser.parse("1.500", language: .indonesian)?.value, 1500)
        XCTAssertEqual(NumeralParser.parse("1.500", language: .english)?.value, Decimal(string: "1.5"))
        XCTAssertEqual(NumeralParser.parse("1.500.000,50", language: .indonesian)?.value, Decimal(string: "1500000.5"))
        XCTAssertEqual(NumeralParser.parse("123456789012345678901", language: .english)?.value, Decimal(string: "123456789012345678901"))
        XCTAssertNil(NumeralParser.parse("1.50.000", language: .indonesian))
    }

    func testLexemesKnowTheirLowerCaseAndTheScanItsTexts() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcXYZİıÉéß0129 .,:-'’\"()/%$½")
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<24, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            let scan = QuantityScan(text, language: .english)
            for index in 0..<scan.count {
                let lexeme = scan.lexemes[index]
                let written = String(String.UnicodeScalarView(scan.scalars[lexeme.start..<lexeme.end]))
                XCTAssertEqual(scan.written(index), written, text.debugDescription)
                XCTAssertEqual(scan.lower(index), written.lowercased(), text.debugDescription)
                XCTAssertEqual(lexeme.isASCII, written.unicodeScalars.allSatisfy(\.isASCII), text.debugDescription)
                XCTAssertEqual(scan.shape(index), QuantityLexicon.shape(of: written.lowercased()), text.debugDescription)
                let digitsOnly = lexeme.kind == .number && written.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                XCTAssertEqual(scan.isDigits(index), digitsOnly, text.debugDescription)
                XCTAssertEqual(scan.integer(index, digits: 4), digitsOnly && written.utf8.count <= 4 ? Int(written) : nil, text.debugDescription)
                if lexeme.kind == .symbol, let scalar = written.unicodeScalars.first {
                    XCTAssertTrue(scan.isSymbol(index, scalar), text.debugDescription)
                }
            }
            for start in 0..<scan.count {
                for end in start + 1...min(scan.count, start + 3) {
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: scan.scalars[scan.lexemes[start].start..<scan.lexemes[end - 1].end])
                    XCTAssertEqual(scan.text(start, end), String(view), text.debugDescription)
                }
            }
        }
    }

    func testLetterCaseOfASCIIWordsAsByTheirScalars() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aBzZ'@[`{")
        for _ in 0..<3000 {
            let word = String((0..<Int.random(in: 0..<6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            XCTAssertEqual(QuantityScan.letterCase(of: word), QuantityScan.letterCaseByScalars(word), word)
        }
    }

    func testVocabularyOrderIsByteOrder() {
        var generator = SystemRandomNumberGenerator()
        let bytes: [UInt8] = [0x00, 0x61, 0x62, 0xC3, 0xFF]
        for _ in 0..<5000 {
            let left = (0..<Int.random(in: 0..<5, using: &generator)).map { _ in bytes.randomElement(using: &generator)! }
            let right = (0..<Int.random(in: 0..<5, using: &generator)).map { _ in bytes.randomElement(using: &generator)! }
            let precedes = left.withUnsafeBytes { a in right.withUnsafeBytes { b in IndexShardBuilder.precedes(a, b) } }
            XCTAssertEqual(precedes, left.lexicographicallyPrecedes(right), "\(left) \(right)")
        }
    }
}
