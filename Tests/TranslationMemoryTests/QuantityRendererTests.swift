import XCTest
@testable import TranslationMemory

/// Rendering rules: scale and currency changes against a stored target, AP style, and the
/// weekday/date consistency check.
final class QuantityRendererTests: XCTestCase {
    private let renderer = QuantityRenderer()

    private func quantity(_ text: String, _ language: ArticleLanguage, _ kind: QuantityKind? = nil,
                          file: StaticString = #filePath, line: UInt = #line) throws -> Quantity {
        let all = QuantityRecognizer(language: language).quantities(in: text)
        return try XCTUnwrap(all.first { kind == nil || $0.kind == kind }, "\(text): \(all.map(\.text))", file: file, line: line)
    }

    /// The query's quantity (in `from`) rendered in the other language like the target's.
    private func render(_ query: String, _ from: ArticleLanguage, like target: String? = nil,
                        file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let to: ArticleLanguage = from == .indonesian ? .english : .indonesian
        let q = try quantity(query, from, file: file, line: line)
        let t = try target.map { try quantity($0, to, q.kind, file: file, line: line) }
        return renderer.render(q, in: to, like: t)
    }

    func testAScaleChangeKeepsTheQuerysScaleWord() throws {
        XCTAssertEqual(try render("Rp4,1 miliar", .indonesian, like: "Rp3.2 trillion"), "Rp4.1 billion")
        XCTAssertEqual(try render("4,75 juta dolar AS", .indonesian, like: "US$3.2 billion"), "US$4.75 million")
        XCTAssertEqual(try render("Rp3.2 trillion", .english, like: "Rp15.625"), "Rp3,2 triliun")
        XCTAssertEqual(try render("Rp15.700", .indonesian, like: "Rp1.5 trillion"), "Rp15,700")
        // AP writes thousands in figures, and a figure keeps its decimals.
        XCTAssertEqual(try render("Rp50 ribu", .indonesian), "Rp50,000")
        XCTAssertEqual(try render("Rp50,5 ribu", .indonesian), "Rp50,500")
        XCTAssertEqual(try render("Rp50,000", .english), "Rp50.000")
        XCTAssertEqual(try render("naik 2,50 persen", .indonesian), "2.50 percent")
        XCTAssertEqual(try render("dua juta orang", .indonesian), "two million")
        // A target that abbreviates keeps abbreviating, in its own spelling for the same scale.
        XCTAssertEqual(try render("Rp4,1 miliar", .indonesian, like: "US$2.1bn"), "Rp4.1bn")
        XCTAssertEqual(try render("Rp4,1 juta", .indonesian, like: "US$2.1bn"), "Rp4.1m")
        XCTAssertEqual(try render("US$4.1 billion", .english, like: "Rp3,2 T"), "US$4,1 M")
    }

    func testACurrencyChangeKeepsTheTargetsSideButNotItsSpelling() throws {
        XCTAssertEqual(try render("Rp4,1 juta", .indonesian, like: "US$3.2 million"), "Rp4.1 million")
        XCTAssertEqual(try render("10 juta yuan", .indonesian, like: "US$3.2 million"), "RMB 10 million")
        XCTAssertEqual(try render("4,75 juta dolar AS", .indonesian, like: "3.2 trillion rupiah"), "4.75 million U.S. dollars")
        XCTAssertEqual(try render("2 miliar euro", .indonesian, like: "3.2 trillion rupiah"), "2 billion euros")
        XCTAssertEqual(try render("1 euro", .indonesian, like: "3.2 trillion rupiah"), "1 euro")
        XCTAssertEqual(try render("US$4.75 million", .english, like: "Rp3,2 miliar"), "US$4,75 juta")
        XCTAssertEqual(try render("Rp4.1 million", .english, like: "4,75 juta dolar AS"), "4,1 juta rupiah")
        // The same currency keeps the target's own spelling and spacing.
        XCTAssertEqual(try render("Rp4,1 juta", .indonesian, like: "IDR 3.2 million"), "IDR 4.1 million")
        XCTAssertEqual(try render("4,75 juta dolar AS", .indonesian, like: "USD3.2 million"), "USD4.75 million")
    }

    func testAPStyleDefaults() throws {
        let months = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
        for (index, name) in CalendarVocabulary.monthNames[.indonesian]!.enumerated() {
            XCTAssertEqual(try render("pada 7 \(name)", .indonesian), "\(months[index]) 7")
            XCTAssertEqual(try render("pada \(name) 2023", .indonesian), "\(CalendarVocabulary.monthNames[.english]![index]) 2023")
        }
        let ordinals = [1: "first", 9: "ninth", 10: "10th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 23: "23rd",
                        101: "101st", 111: "111th", 112: "112th"]
        for (value, english) in ordinals {
            XCTAssertEqual(try render("HUT ke-\(value)", .indonesian), english)
        }
        XCTAssertEqual(try render("the 10th day", .english), "ke-10")
        XCTAssertEqual(try render("the ninth day", .english), "kesembilan")
        XCTAssertEqual(try render("pukul 12.00 WIB", .indonesian), "noon WIB")
        XCTAssertEqual(try render("pukul 00.00", .indonesian), "midnight")
        XCTAssertEqual(try render("pukul 14.00-16.00 WIB", .indonesian), "2-4 p.m. WIB")
        XCTAssertEqual(try render("pukul 10.00-14.00 WIB", .indonesian), "10 a.m.-2 p.m. WIB")
        XCTAssertEqual(try render("from 10 a.m.-2 p.m. today", .english), "pukul 10.00-14.00")
        XCTAssertEqual(try render("pada 7 Agustus", .indonesian, like: "on 9 June"), "7 August")
        XCTAssertEqual(try render("sebanyak 3 orang", .indonesian), "3")
        XCTAssertEqual(try render("sebanyak 3 orang", .indonesian, like: "some two people"), "three")
    }

    func testTheTargetsClockAndZone() throws {
        XCTAssertEqual(try render("pukul 14.05 WIB", .indonesian, like: "at 10:30 am local time"), "2:05 pm local time")
        XCTAssertEqual(try render("pukul 14.05 WIB", .indonesian, like: "at 10:30 AM WITA"), "2:05 PM WIB")
        XCTAssertEqual(try render("pukul 09.30 WIB", .indonesian, like: "at 14:00 WIB"), "09:30 WIB")
        XCTAssertEqual(try render("at 7:30 p.m. local time", .english, like: "jam 10 pagi"), "jam 7.30 malam waktu setempat")
        XCTAssertEqual(try render("at 7:30 p.m. WIB", .english, like: "pukul 10.00 Waktu Indonesia Barat"), "pukul 19.30 Waktu Indonesia Barat")
    }

    func testHeadlineCaseIsKept() throws {
        XCTAssertEqual(try render("BURSA DIBUKA SENIN", .indonesian), "MONDAY")
        XCTAssertEqual(try render("Ketiga, anggaran ditambah.", .indonesian), "Third")
        XCTAssertEqual(try render("the third visit", .english, like: "KUNJUNGAN KEDUA KALI"), "KETIGA")
    }

    func testWeekdaysAgainstTheirDates() throws {
        XCTAssertEqual(QuantityCalendar.weekday(day: 17, month: 8, year: 1945), .friday)
        XCTAssertEqual(QuantityCalendar.weekday(day: 7, month: 8, year: 2023), .monday)
        XCTAssertEqual(QuantityCalendar.weekday(day: 29, month: 2, year: 2024), .thursday)
        XCTAssertEqual(QuantityCalendar.weekday(day: 1, month: 1, year: 2000), .saturday)
        func contradictions(_ text: String, _ language: ArticleLanguage, year: Int? = nil) -> [String] {
            let quantities = QuantityRecognizer(language: language).quantities(in: text)
            return QuantityCalendar.contradictions(in: quantities, text: text, assumingYear: year).map {
                quantities[$0.weekday].text + " " + quantities[$0.date].text
            }
        }
        XCTAssertEqual(contradictions("Rapat digelar Senin (7/8/2023).", .indonesian), [])
        XCTAssertEqual(contradictions("Rapat digelar Selasa (7/8/2023).", .indonesian), ["Selasa 7/8/2023"])
        XCTAssertEqual(contradictions("Rapat digelar Senin (7/8).", .indonesian, year: 2023), [])
        XCTAssertEqual(contradictions("Rapat digelar Senin (7/8).", .indonesian, year: 2024), ["Senin 7/8"])
        XCTAssertEqual(contradictions("Rapat digelar Senin (7/8).", .indonesian), [])
        XCTAssertEqual(contradictions("The meeting was on Friday, Aug. 7, 2023.", .english), ["Friday Aug. 7, 2023"])
        XCTAssertEqual(contradictions("Monday was calm. On Aug. 8, 2023, it rained.", .english), [])
    }
}
