import XCTest
@testable import TranslationMemory

final class FuzzyScoringTests: XCTestCase {
    func score(_ query: String, _ unit: String) -> FuzzyScore {
        FuzzyScorer.score(query: FuzzySegment(query, language: .indonesian), unit: FuzzySegment(unit, language: .indonesian))
    }

    let sentence = "Presiden Joko Widodo menerima kunjungan Menteri Malaysia di Istana Merdeka"

    func testIdenticalIsHundred() {
        XCTAssertEqual(score(sentence, sentence).score, 100)
        // Surrounding whitespace (a pasted line) is not a difference.
        XCTAssertEqual(score(" \(sentence)\n", sentence).score, 100)
    }

    func testOneWordChangedInTen() {
        let changed = sentence.replacingOccurrences(of: "Malaysia", with: "Singapura")
        let result = score(changed, sentence)
        XCTAssertEqual(result.distance, 1)
        XCTAssertEqual(result.score, 90, accuracy: 1e-9)
        let diff = FuzzyScorer.diff(query: FuzzySegment(changed, language: .indonesian), unit: FuzzySegment(sentence, language: .indonesian))
        XCTAssertEqual(diff.filter { $0.operation == .replace }, [FuzzyDiffPiece(operation: .replace, source: "Malaysia", query: "Singapura")])
    }

    func testWordInsertedAndDeleted() {
        let query = "Presiden menerima kunjungan Menteri Malaysia di Istana Merdeka Jakarta"
        let result = score(query, sentence) // "Joko Widodo" deleted, "Jakarta" inserted: d = 3 over 10
        XCTAssertEqual(result.distance, 3)
        XCTAssertEqual(result.score, 70, accuracy: 1e-9)
        let diff = FuzzyScorer.diff(query: FuzzySegment(query, language: .indonesian), unit: FuzzySegment(sentence, language: .indonesian))
        XCTAssertEqual(diff.filter { $0.operation == .delete }.compactMap(\.source), [" Joko Widodo"])
        XCTAssertEqual(diff.filter { $0.operation == .insert }.compactMap(\.query), [" Jakarta"])
        XCTAssertEqual(diff.compactMap(\.source).joined(), sentence)
        XCTAssertEqual(diff.compactMap(\.query).joined(), query)
    }

    /// Punctuation and white space are in the diff, marked where they differ: joined, the pieces
    /// give back both texts exactly.
    func testDiffShowsPunctuationAndWhiteSpace() {
        func diff(_ query: String, _ unit: String) -> [FuzzyDiffPiece] {
            let pieces = FuzzyScorer.diff(query: FuzzySegment(query, language: .indonesian), unit: FuzzySegment(unit, language: .indonesian))
            XCTAssertEqual(pieces.compactMap(\.source).joined(), unit, "source side of \(pieces)")
            XCTAssertEqual(pieces.compactMap(\.query).joined(), query, "query side of \(pieces)")
            return pieces.filter { $0.operation != .equal }
        }
        XCTAssertEqual(score("Kudeta di Myanmar!", "Kudeta di Myanmar.").percent, 99)
        XCTAssertEqual(diff("Kudeta di Myanmar!", "Kudeta di Myanmar."), [FuzzyDiffPiece(operation: .replace, source: ".", query: "!")])
        XCTAssertEqual(diff("Bank Indonesia (BI), Jakarta", "Bank Indonesia BI Jakarta"),
                       [FuzzyDiffPiece(operation: .insert, source: nil, query: "("), FuzzyDiffPiece(operation: .insert, source: nil, query: "),")])
        XCTAssertEqual(diff("Bank Indonesia BI Jakarta", "Bank Indonesia (BI), Jakarta"),
                       [FuzzyDiffPiece(operation: .delete, source: "(", query: nil), FuzzyDiffPiece(operation: .delete, source: "),", query: nil)])
        XCTAssertEqual(diff("Bank  Indonesia", "Bank Indonesia"), [FuzzyDiffPiece(operation: .insert, source: nil, query: " ")])
        XCTAssertEqual(diff("Bank\tIndonesia", "Bank Indonesia"), [FuzzyDiffPiece(operation: .replace, source: " ", query: "\t")])
        XCTAssertEqual(diff("\"Bank\" Indonesia", "Bank Indonesia"),
                       [FuzzyDiffPiece(operation: .insert, source: nil, query: "\""), FuzzyDiffPiece(operation: .insert, source: nil, query: "\"")])
        XCTAssertEqual(diff("Bank sentral Indonesia", "Bank Indonesia"), [FuzzyDiffPiece(operation: .insert, source: nil, query: " sentral")])
        XCTAssertEqual(diff("Bank Indonesia", "Bank Indonesia, kata"), [FuzzyDiffPiece(operation: .delete, source: ", kata", query: nil)])
    }

    func testReorderedWordsCostEdits() {
        let result = score("Malaysia dan Indonesia sepakat", "Indonesia dan Malaysia sepakat")
        XCTAssertEqual(result.distance, 2)
        XCTAssertEqual(result.score, 50, accuracy: 1e-9)
    }

    func repaired(_ query: String, _ unit: String, target: String) -> (text: String, changes: [FuzzyPlaceableChange]) {
        let pairs = FuzzyScorer.placeablePairs(query: FuzzySegment(query, language: .indonesian), unit: FuzzySegment(unit, language: .indonesian))
        return FuzzyPlaceables.repair(target: target, pairs: pairs, sourceLanguage: .indonesian, targetLanguage: .english)
    }

    func testNumberIsAPlaceable() {
        let query = "Nilai perdagangan mencapai 3.200 juta dolar AS tahun lalu"
        let unit = "Nilai perdagangan mencapai 1.500 juta dolar AS tahun lalu"
        let result = score(query, unit)
        XCTAssertEqual(result.distance, 0)
        XCTAssertEqual(result.penalties.placeables, 1)
        XCTAssertEqual(result.score, 99)
        let target = repaired(query, unit, target: "Trade reached US$1,500 million last year.")
        XCTAssertEqual(target.changes, [FuzzyPlaceableChange(kind: .money, from: "US$1,500 million", to: "US$3,200 million", placed: true)])
        XCTAssertEqual(target.text, "Trade reached US$3,200 million last year.")
    }

    func testDateRangeAndMonthInTarget() {
        let query = "Pertemuan tingkat menteri pada 5-6 Maret"
        let unit = "Pertemuan tingkat menteri pada 2-3 Februari"
        let result = score(query, unit)
        XCTAssertEqual(result.distance, 0)
        XCTAssertEqual(result.penalties.placeables, 1, "one date, one placeable")
        XCTAssertEqual(repaired(query, unit, target: "A ministerial meeting on Feb. 2-3.").text, "A ministerial meeting on March 5-6.")
        XCTAssertEqual(repaired("pada 5-6 Februari", "pada 2-3 Februari", target: "on Feb. 2-3").text, "on Feb. 5-6")
        XCTAssertEqual(repaired(query, unit, target: "on February 2-3").text, "on March 5-6")
    }

    func testNumberConventions() {
        XCTAssertEqual(FuzzyPlaceables.convertNumber("1.500", from: .indonesian, to: .english), "1,500")
        XCTAssertEqual(FuzzyPlaceables.convertNumber("1.500.000,25", from: .indonesian, to: .english), "1,500,000.25")
        XCTAssertEqual(FuzzyPlaceables.convertNumber("5,75", from: .indonesian, to: .english), "5.75")
        XCTAssertEqual(FuzzyPlaceables.convertNumber("10.30", from: .indonesian, to: .english), "10.30")
        XCTAssertEqual(FuzzyPlaceables.convertNumber("1,500", from: .english, to: .indonesian), "1.500")
        XCTAssertEqual(FuzzyPlaceables.convertNumber("5.75", from: .english, to: .indonesian), "5,75")
    }

    func testCaseOnlyCostsAPoint() {
        let result = score("presiden joko widodo menerima kunjungan", "Presiden Joko Widodo menerima kunjungan")
        XCTAssertEqual(result.distance, 0)
        XCTAssertEqual(result.penalties.letterCase, 2, "at most 2 points for case")
        XCTAssertEqual(result.score, 98)
        XCTAssertEqual(score("Presiden joko Widodo", "Presiden Joko Widodo").score, 99)
    }

    func testPunctuationAndWhitespaceOnly() {
        XCTAssertEqual(score("Jakarta, Senin (5/2).", "Jakarta Senin (5/2)").penalties.punctuation, 1)
        XCTAssertEqual(score("Jakarta Senin", "Jakarta, Senin").score, 99)
        let spaced = score("Jakarta  Senin\tpagi", "Jakarta Senin pagi")
        XCTAssertEqual(spaced.penalties.whitespace, 1)
        XCTAssertEqual(spaced.score, 99)
    }

    func testNothingInCommon() {
        XCTAssertEqual(score("kemitraan strategis", "harga minyak mentah").score, 0)
        XCTAssertTrue(FuzzySegment(" \t\n ", language: .indonesian).tokens.isEmpty)
    }
}
