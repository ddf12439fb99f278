import XCTest
@testable import TranslationMemory

final class JobWordCountTests: XCTestCase {
    /// Trados: a quantity is one word, inline codes are not counted, `/` separates words and a
    /// hyphen does not.
    func testTradosCount() {
        let money = JobWordCount.trados("Harga naik 5% menjadi Rp3,2 triliun pada 12 Februari 2023.")
        XCTAssertEqual(money.words, 7)
        let tagged = JobWordCount.trados("Isu-isu <b>penting</b> dibahas dia/mereka.")
        XCTAssertEqual(tagged.words, 5)
        XCTAssertEqual(tagged.characters, "Isu-isupentingdibahasdia/mereka.".count)
        XCTAssertEqual(tagged.charactersWithSpaces, "Isu-isu penting dibahas dia/mereka.".count)
        XCTAssertEqual(JobWordCount.trados("Dia berkata - tidak! {1}ya{/1}").words, 4)
    }

    /// OmegaT 3.6: the figures are what `Statistics.numberOfWords` printed for these strings
    /// (java -cp OmegaT.jar, 2026-12-04).
    func testOmegaTCountMatchesOmegaT() {
        let expected: [(String, Int)] = [
            ("isu-isu internasional 2-3 Februari", 5),
            ("Rp3,2 triliun dan 3.2 juta", 5),
            ("U.S. dan A.S. don't", 4),
            ("pukul 10.30 WIB, 5%", 4),
            ("x—y x – y", 3),
            ("Antony J. Blinken", 3),
            ("tahun 2023/2024 e-mail", 4),
            ("sebesar 1.234.567,89 rupiah", 3),
            ("a_b a&b #tag @user", 4),
            ("“Kami” (ANTARA) -", 2),
            ("a,b 3,b a.3 a:b 10:30 a-3 3-a Covid-19 ke-2 50%-nya $5 Rp5 5 % a'b a’b a.b.c. x--y a- -a a_b_c", 32),
            ("x/y x·y x@y.com http://a.b/c", 9),
            ("é ß ﬁ 中文字 café", 5),
            ("a+b a=b a*b a~b a|b 1+1", 12),
        ]
        for (text, words) in expected {
            XCTAssertEqual(JobWordCount.omegat(text).words, words, text)
        }
        // Characters are code points; only Java's space characters are left out (a tab is not one).
        let count = JobWordCount.omegat("a b\tc 😀")
        XCTAssertEqual(count.characters, 5)
        XCTAssertEqual(count.charactersWithSpaces, 7)
    }
}
