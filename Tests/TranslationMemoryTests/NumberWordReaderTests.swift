import XCTest
@testable import TranslationMemory

/// Numbers written in words (`NumberWordReader`) and the date forms English writes besides the
/// AP ones: read to the value their figures have, so QA pairs them with the other language's digits.
final class NumberWordReaderTests: XCTestCase {
    private func values(_ text: String, _ language: ArticleLanguage) -> [String] {
        QuantityRecognizer(language: language).quantities(in: text).map { "\($0.kind.rawValue) \($0.value.key) `\($0.text)`" }
    }

    func testIndonesianCompoundNumbers() {
        XCTAssertEqual(values("ada dua puluh lima orang", .indonesian), ["number 25 `dua puluh lima`"])
        XCTAssertEqual(values("seratus dua puluh pasien", .indonesian), ["number 120 `seratus dua puluh`"])
        XCTAssertEqual(values("empat belas hari", .indonesian), ["number 14 `empat belas`"])
        XCTAssertEqual(values("tiga ratus lima orang", .indonesian), ["number 305 `tiga ratus lima`"])
        XCTAssertEqual(values("dua ribu lima ratus orang", .indonesian), ["number 2500 `dua ribu lima ratus`"])
        XCTAssertEqual(values("seribu orang", .indonesian), ["number 1000 `seribu`"])
        XCTAssertEqual(values("dua puluh lima juta rupiah", .indonesian), ["money IDR 25000000 `dua puluh lima juta rupiah`"],
                       "the scale word after the last group is the amount's")
        XCTAssertEqual(values("satu setengah juta warga", .indonesian), ["number 1500000 `satu setengah juta`"])
        XCTAssertEqual(values("setengah gelas", .indonesian), ["number 0.5 `setengah`"])
        XCTAssertEqual(values("dua lusin telur", .indonesian), ["number 24 `dua lusin`"])
        XCTAssertEqual(values("lima puluh persen", .indonesian), ["percent 50 `lima puluh persen`"])
        XCTAssertEqual(values("dua lima", .indonesian), ["number 2 `dua`", "number 5 `lima`"], "no place value: two numbers")
        XCTAssertEqual(values("salah satu warga", .indonesian), [], "`satu` alone is no figure")
    }

    func testEnglishCompoundNumbers() {
        XCTAssertEqual(values("twenty-five people", .english), ["number 25 `twenty-five`"])
        XCTAssertEqual(values("twenty five people", .english), ["number 25 `twenty five`"])
        XCTAssertEqual(values("one hundred and twenty cases", .english), ["number 120 `one hundred and twenty`"])
        XCTAssertEqual(values("a hundred cases", .english), ["number 100 `hundred`"])
        XCTAssertEqual(values("two thousand five hundred people", .english), ["number 2500 `two thousand five hundred`"])
        XCTAssertEqual(values("a dozen eggs", .english), ["number 12 `dozen`"])
        XCTAssertEqual(values("two dozen eggs", .english), ["number 24 `two dozen`"])
        XCTAssertEqual(values("two and a half million", .english), ["number 2500000 `two and a half million`"])
        XCTAssertEqual(values("one-and-a-half to two years", .english), ["range 1.5 2 `one-and-a-half to two`"])
        XCTAssertEqual(values("half a million deaths", .english), ["number 500000 `half a million`"])
        XCTAssertEqual(values("a thousand people", .english), ["number 1000 `thousand`"])
        XCTAssertEqual(values("between two and three", .english), ["number 2 `two`", "number 3 `three`"], "`and` joins only after hundreds")
        XCTAssertEqual(values("one of them", .english), [])
    }

    func testEnglishDateForms() {
        XCTAssertEqual(values("On Aug 8, they met", .english), values("On Aug. 8, they met", .english).map { $0.replacingOccurrences(of: "Aug.", with: "Aug") })
        XCTAssertEqual(values("On Aug 8, they met", .english).count, 1)
        XCTAssertEqual(values("pada 8 Agt 2020", .indonesian).count, 1)
        XCTAssertEqual(values("Jan said so", .english), [], "an abbreviation without its stop needs a day or a year")
        XCTAssertEqual(values("on 14 March, 2020", .english), values("on 14 March 2020", .english).map { $0.replacingOccurrences(of: "March 2020", with: "March, 2020") })
        XCTAssertEqual(values("in late December of 2019", .english).count, 1)
        XCTAssertEqual(values("this 19th day of March 2020", .english), values("on 19 March 2020", .english).map { $0.replacingOccurrences(of: "`19 March 2020`", with: "`19th day of March 2020`") })
        XCTAssertEqual(values("virologist June Almeida", .english), [], "a month before a capitalised word is a name")
        XCTAssertEqual(values("ranging to .08% in New Zealand", .english), ["percent 0.08 `08%`"])
        XCTAssertEqual(values("See Fig.1 here", .english), ["number 1 `1`"], "a stop glued to a word is no decimal point")
    }

    func testDigitsAndWordsCorrespondInQA() throws {
        let clean = [
            ("Sebanyak dua puluh lima orang tewas pada 8 Agustus.", "Twenty-five people died on Aug 8."),
            ("Ada 120 kasus.", "There were one hundred and twenty cases."),
            ("Sekitar 12 telur.", "About a dozen eggs."),
            ("Ada tiga puluh lima kasus dalam 14 hari.", "There were 35 cases in 14 days."),
            ("Kasus menjadi dua kali lipat dari 2,0 hari menjadi 4,7 hari.", "Case doubling slowed from 2.0 days to 4.7 days."),
            ("Afinitasnya 10 hingga 20 kali lebih tinggi.", "It has a 10- to 20-fold higher affinity."),
            ("Minggu mendatang kami akan menindaklanjuti.", "This coming week we will follow up."),
            ("Dampaknya lebih dari $300 miliar.", "It had a $300+ billion impact."),
            ("Pembatasan itu diterapkan masing-masing pada 4 dan 5 Maret.", "The limits were introduced on March 4 and 5 respectively."),
            ("Pembatasan itu diterapkan pada 4 dan 5 Maret.", "The limits were introduced on 4 and 5 March."),
        ]
        for (source, target) in clean {
            let findings = QAChecker().check([QAPair(number: 1, source: source, target: target)]).findings
            XCTAssertEqual(findings.map(\.message), [], "\(source) → \(target)")
        }
        let wrong = QAChecker().check([QAPair(number: 1, source: "Ada dua puluh lima kasus.", target: "There were 35 cases.")]).findings
        XCTAssertEqual(wrong.map(\.check), ["numbers"])
    }
}
