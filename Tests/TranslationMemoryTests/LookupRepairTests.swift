import XCTest
@testable import TranslationMemory

/// Lookup repairs of each kind of quantity, both directions, as the examples: the
/// stored target comes back with the query's value in its own form, and what cannot be placed
/// is said.
final class LookupRepairTests: XCTestCase {
    struct Case {
        var stored: String, target: String, query: String, expected: String
        var kind: QuantityKind
        var from: ArticleLanguage = .indonesian
    }

    func check(_ cases: [Case], file: StaticString = #filePath, line: UInt = #line) {
        for item in cases {
            let result = LookupRepairTableTests.repair(stored: item.stored, target: item.target, query: item.query, from: item.from)
            XCTAssertEqual(result.text, item.expected, item.query, file: file, line: line)
            XCTAssertEqual(result.changes.map(\.kind), [item.kind], item.query, file: file, line: line)
            XCTAssertEqual(result.changes.map(\.placed), [true], item.query, file: file, line: line)
            XCTAssertEqual(result.score.penalties.placeables, 1, "one quantity, one point: \(item.query)", file: file, line: line)
            XCTAssertEqual(result.score.distance, 0, item.query, file: file, line: line)
        }
    }

    func testEveryKindBothDirections() {
        let indonesian = [
            Case(stored: "Sebanyak 1.500 warga mengungsi.", target: "A total of 1,500 residents were evacuated.",
                 query: "Sebanyak 2.750 warga mengungsi.", expected: "A total of 2,750 residents were evacuated.", kind: .number),
            // The scale error: the figure was swapped, its scale word was not.
            Case(stored: "Nilai ekspor kopi mencapai 4,75 miliar dolar AS.", target: "Coffee exports reached US$4.75 billion.",
                 query: "Nilai ekspor kopi mencapai 4,75 juta dolar AS.", expected: "Coffee exports reached US$4.75 million.", kind: .money),
            // `Rp` amounts are placeables now.
            Case(stored: "Rupiah melemah ke Rp15.625 per dolar AS.", target: "The rupiah weakened to Rp15,625 per U.S. dollar.",
                 query: "Rupiah melemah ke Rp15.700 per dolar AS.", expected: "The rupiah weakened to Rp15,700 per U.S. dollar.", kind: .money),
            Case(stored: "Inflasi tahunan mencapai 2,28 persen.", target: "Annual inflation reached 2.28 percent.",
                 query: "Inflasi tahunan mencapai 3,1 persen.", expected: "Annual inflation reached 3.1 percent.", kind: .percent),
            Case(stored: "Sebanyak 2-3 kapal dikerahkan.", target: "Some 2-3 ships were deployed.",
                 query: "Sebanyak 4-6 kapal dikerahkan.", expected: "Some 4-6 ships were deployed.", kind: .range),
            // The stale time.
            Case(stored: "Rapat dimulai pukul 10.30 WIB.", target: "The meeting began at 10:30 a.m. Western Indonesia Time.",
                 query: "Rapat dimulai pukul 14.00 WIB.", expected: "The meeting began at 2 p.m. Western Indonesia Time.", kind: .time),
            Case(stored: "Pameran dibuka pada 7 Agustus 2023.", target: "The exhibition opened on Aug. 7, 2023.",
                 query: "Pameran dibuka pada 9 September 2023.", expected: "The exhibition opened on Sept. 9, 2023.", kind: .date),
            // The stale weekday.
            Case(stored: "Presiden tiba pada hari Kamis.", target: "The president arrived on Thursday.",
                 query: "Presiden tiba pada hari Jumat.", expected: "The president arrived on Friday.", kind: .weekday),
            Case(stored: "Target itu ditetapkan pada tahun 2023.", target: "The target was set in 2023.",
                 query: "Target itu ditetapkan pada tahun 2024.", expected: "The target was set in 2024.", kind: .year),
            // The stale ordinal.
            Case(stored: "Indonesia merayakan HUT ke-78 kemerdekaan.", target: "Indonesia celebrated the 78th anniversary of independence.",
                 query: "Indonesia merayakan HUT ke-79 kemerdekaan.", expected: "Indonesia celebrated the 79th anniversary of independence.", kind: .ordinal),
            Case(stored: "Gempa magnitudo 5,6 mengguncang Cianjur.", target: "A magnitude 5.6 earthquake struck Cianjur.",
                 query: "Gempa magnitudo 6,1 mengguncang Cianjur.", expected: "A magnitude 6.1 earthquake struck Cianjur.", kind: .measure),
        ]
        check(indonesian)
        // English to Indonesian: every case the other way round (the query is then the English
        // sentence, the repair writes Indonesian), and `local time` for `WIB`.
        check(indonesian.map { Case(stored: $0.target, target: $0.stored, query: $0.expected, expected: $0.query, kind: $0.kind, from: .english) } + [
            Case(stored: "The meeting began at 10:30 a.m. local time.", target: "Rapat dimulai pukul 10.30 WIB.",
                 query: "The meeting began at 2 p.m. local time.", expected: "Rapat dimulai pukul 14.00 WIB.", kind: .time, from: .english),
        ])
    }

    /// Another currency is another unit in the target, in the style's spelling for it, on the
    /// side the stored target wrote its currency.
    func testCurrencyChange() {
        check([
            Case(stored: "Jepang memberikan hibah 4,75 juta dolar AS.", target: "Japan provided a grant of US$4.75 million.",
                 query: "Jepang memberikan hibah 500 juta yen.", expected: "Japan provided a grant of ¥500 million.", kind: .money),
            Case(stored: "Nilai proyek itu 2,4 triliun rupiah.", target: "The project is worth Rp2.4 trillion.",
                 query: "Nilai proyek itu 1,2 miliar euro.", expected: "The project is worth €1.2 billion.", kind: .money),
        ])
    }

    func assertRepair(stored: String, target: String, query: String, gives text: String, _ changes: [FuzzyPlaceableChange],
                      file: StaticString = #filePath, line: UInt = #line) {
        let result = LookupRepairTableTests.repair(stored: stored, target: target, query: query, from: .indonesian)
        XCTAssertEqual(result.text, text, file: file, line: line)
        XCTAssertEqual(result.changes, changes, file: file, line: line)
    }

    /// A date and weekday in one sentence, the example: both repaired, the stored target's
    /// brackets kept. A quantity the translation left out cannot be placed: it is listed, not
    /// dropped, and the rest of the target is still repaired.
    func testWeekdayAndDateTogetherAndUnplaced() {
        let friday = FuzzyPlaceableChange(kind: .weekday, from: "Thursday", to: "Friday", placed: true)
        assertRepair(stored: "Rupiah melemah pada Kamis (7/3).", target: "The rupiah weakened on Thursday (March 7).",
                     query: "Rupiah melemah pada Jumat (8/3).", gives: "The rupiah weakened on Friday (March 8).",
                     [friday, FuzzyPlaceableChange(kind: .date, from: "March 7", to: "March 8", placed: true)])
        assertRepair(stored: "Rapat digelar Kamis (7/3).", target: "The meeting was held on Thursday.",
                     query: "Rapat digelar Jumat (8/3).", gives: "The meeting was held on Friday.",
                     [friday, FuzzyPlaceableChange(kind: .date, from: "7/3", to: "March 8", placed: false)])
    }

    /// The same value written differently is no change; a quantity of another kind in its place
    /// is repaired too (and costs a word, not a point).
    func testSameValueOtherFormAndOtherKind() {
        assertRepair(stored: "Harga naik menjadi Rp15.700.", target: "The price rose to Rp15,700.",
                     query: "Harga naik menjadi 15.700 rupiah.", gives: "The price rose to Rp15,700.", [])
        let other = LookupRepairTableTests.repair(stored: "Harga naik 5 persen.", target: "The price rose 5 percent.",
                                                  query: "Harga naik Rp5.000.", from: .indonesian)
        XCTAssertEqual(other.text, "The price rose Rp5,000.")
        XCTAssertEqual(other.score.distance, 1)
    }
}
