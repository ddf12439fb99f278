import XCTest
@testable import TranslationMemory

/// Lookup repairs over `Fixtures/quantities-id-en.tsv`, as a translator meets them: a stored unit
/// whose source is a row's sentence, and a query that is the same sentence with another row's
/// quantity. The repaired target must be the stored target with that row's reference rendering
/// in place, so every row of the table is checked once as the query's quantity.
///
/// - A row without a stored form (`like` empty) is paired with every other row of its language
///   and kind whose reference is written in the same form (currency side and symbol, scale
///   style, date and clock forms, case: `formClass`); the stored target is a neutral sentence
///   around the partner's reference.
/// - Every such row is also its own partner with another value: the stored source is its sentence
///   with the quantity changed (`variant`, written in the row's own form), the stored target a
///   neutral sentence with that value in the reference's form.
/// - A row with a stored form has its `like` sentence as the stored target; the stored source
///   is the row's sentence with that target's quantity written in the row's language.
final class LookupRepairTableTests: XCTestCase {
    typealias Row = QuantityTableTests.Row

    /// A neutral sentence around a rendering, as in `QuantityTableTests`.
    static func frame(_ text: String, _ language: ArticleLanguage) -> String {
        (language == .indonesian ? "adalah " : "was ") + text + "."
    }

    /// What the renderer keeps of a stored target's quantity: two references in one class
    /// can stand for each other's stored targets.
    static func formClass(_ quantity: Quantity) -> String {
        let form = quantity.form
        let unit = form.unit.map { "\($0.position) \($0.symbol) \($0.attached) \($0.spelling)" } ?? "-"
        let time = form.time.map { "\($0.clock) \($0.marker ?? "") \($0.zone ?? "") \($0.dayPeriod ?? "") \($0.named)" } ?? "-"
        let date = form.date.map { "\($0.month) \($0.dayFirst)" } ?? "-"
        return [quantity.kind.rawValue, quantity.value.currency ?? "", quantity.value.unit?.rawValue ?? "", unit,
                form.scale.map { "\($0.style) \($0.spelling)" } ?? "-", form.numeral.style.rawValue, form.rangeConnector ?? "",
                date, time, form.letterCase.rawValue, "\(quantity.value.amounts.count)",
                quantity.value.date.map { "\($0.day != nil) \($0.endDay != nil) \($0.year != nil)" } ?? "-",
                "\(quantity.value.times.count)"].joined(separator: "|")
    }

    /// The query's quantity as the one placeable change, and the target repaired for it.
    static func repair(stored source: String, target: String, query: String, from language: ArticleLanguage)
        -> (text: String, changes: [FuzzyPlaceableChange], score: FuzzyScore) {
        let other: ArticleLanguage = language == .indonesian ? .english : .indonesian
        let asked = FuzzySegment(query, language: language), unit = FuzzySegment(source, language: language)
        let repaired = FuzzyPlaceables.repair(target: target, pairs: FuzzyScorer.placeablePairs(query: asked, unit: unit),
                                              sourceLanguage: language, targetLanguage: other)
        return (repaired.text, repaired.changes, FuzzyScorer.score(query: asked, unit: unit))
    }

    /// The quantity with another value of the same shape: figures, ordinals and years one more,
    /// the next day, month, hour or weekday, a fraction halved.
    static func variant(_ quantity: Quantity) -> Quantity {
        var changed = quantity
        var value = quantity.value
        if let fraction = quantity.form.numeral.fraction, fraction.count == 2 {
            // `1/4` → `1/8`: a fraction stays one.
            changed.form.numeral.fraction = [fraction[0], fraction[1] * 2]
            value.amounts = [QuantityAmount(figure: Decimal(fraction[0]) / Decimal(fraction[1] * 2))]
        } else {
            value.amounts = value.amounts.map { QuantityAmount(figure: $0.figure + 1, scale: $0.scale) }
        }
        if var date = value.date {
            if let day = date.day, day <= 27 {
                date.day = day + 1
                date.endDay = date.endDay.map { $0 + 1 }
            } else {
                date.month = date.month % 12 + 1
            }
            value.date = date
        }
        value.times = value.times.map { ClockTime(hour: $0.hour == 23 ? 22 : $0.hour + 1, minute: $0.minute, twelveHour: $0.twelveHour, zone: $0.zone) }
        value.weekday = value.weekday.map { Weekday(rawValue: $0.rawValue % 7 + 1)! }
        changed.value = value
        return changed
    }

    func quantity(_ text: String, written: String, _ language: ArticleLanguage) -> Quantity? {
        QuantityRecognizer(language: language).quantities(in: text).first { $0.text == written }
    }

    func testEveryRowIsRepairedToItsReference() throws {
        let rows = try QuantityTableTests.rows()
        var checked = Set<Int>(), pairs = 0, failures: [String] = []
        func check(_ row: Row, source: String, target: String, query: String, expected: String) {
            let result = Self.repair(stored: source, target: target, query: query, from: row.language)
            pairs += 1
            if result.text == expected && result.changes.count == 1 && result.changes[0].placed
                && result.changes[0].kind.rawValue == row.kind && result.score.distance == 0 {
                checked.insert(row.line)
            } else {
                failures.append("line \(row.line): \(query) | stored \(source) → \(target) | got \(result.text) \(result.changes) "
                                + "d=\(result.score.distance), expected \(expected)")
            }
        }
        // References of rows without a stored form, read in their neutral sentence.
        var references: [(row: Row, quantity: Quantity, reference: Quantity)] = []
        for row in rows {
            let other: ArticleLanguage = row.language == .indonesian ? .english : .indonesian
            guard let own = quantity(row.text, written: row.quantity, row.language) else {
                failures.append("line \(row.line): \(row.quantity) not read")
                continue
            }
            if row.like.isEmpty {
                guard let reference = quantity(Self.frame(row.rendering, other), written: row.rendering, other) else {
                    failures.append("line \(row.line): reference \(row.rendering) not read in its frame")
                    continue
                }
                references.append((row, own, reference))
                continue
            }
            // A stored form: the `like` sentence is the stored target.
            guard let like = QuantityRecognizer(language: other).quantities(in: row.like).first(where: { $0.kind == own.kind }),
                  let range = row.text.range(of: row.quantity) else {
                failures.append("line \(row.line): no \(own.kind) in \(row.like)")
                continue
            }
            let storedQuantity = QuantityRenderer().render(like, in: row.language)
            let source = row.text.replacingCharacters(in: range, with: storedQuantity)
            let expected = String(String.UnicodeScalarView(Array(row.like.unicodeScalars)[..<like.range.lowerBound]))
                + row.rendering + String(String.UnicodeScalarView(Array(row.like.unicodeScalars)[like.range.upperBound...]))
            check(row, source: source, target: row.like, query: row.text, expected: expected)
        }
        var unbuilt: [Int] = []
        for (row, own, reference) in references {
            let other: ArticleLanguage = row.language == .indonesian ? .english : .indonesian
            let variant = Self.variant(own)
            let storedQuantity = QuantityRenderer().render(variant, in: row.language, like: own)
            let storedTarget = Self.frame(QuantityRenderer().render(variant, in: other, like: reference), other)
            guard let range = row.text.range(of: row.quantity) else { continue }
            let source = row.text.replacingCharacters(in: range, with: storedQuantity)
            // Only where the changed value reads back as written (a fraction plus one is no
            // fraction). The stored target may differ in form where the value decides it
            // (`2 hectares`, `1 p.m.` for `noon`): the repair must still give the reference.
            guard quantity(source, written: storedQuantity, row.language)?.sameValue(as: variant) == true,
                  let target = QuantityRecognizer(language: other).quantities(in: storedTarget).first,
                  target.maySayTheSame(as: variant) else {
                unbuilt.append(row.line)
                continue
            }
            check(row, source: source, target: storedTarget, query: row.text, expected: Self.frame(row.rendering, other))
        }
        for b in references {
            for a in references where a.row.line != b.row.line && a.row.language == b.row.language && a.row.kind == b.row.kind
                && Self.formClass(a.reference) == Self.formClass(b.reference) && !a.quantity.sameValue(as: b.quantity) {
                // B's quantity in A's sentence; A's sentence and reference stored.
                guard let range = a.row.text.range(of: a.row.quantity) else { continue }
                let query = a.row.text.replacingCharacters(in: range, with: b.row.quantity)
                // Only where B's quantity reads the same in A's sentence (`2023` after `tahun` is a year).
                guard let read = quantity(query, written: b.row.quantity, a.row.language), read.sameValue(as: b.quantity) else { continue }
                let other: ArticleLanguage = a.row.language == .indonesian ? .english : .indonesian
                check(b.row, source: a.row.text, target: Self.frame(a.row.rendering, other), query: query,
                      expected: Self.frame(b.row.rendering, other))
            }
        }
        let unchecked = rows.filter { !checked.contains($0.line) }
        print("lookup repairs: \(checked.count) of \(rows.count) table rows repaired to their reference "
              + "(\(pairs) stored/query pairs, \(failures.count) failed); rows whose own variant could not be written: "
              + "\(unbuilt.map { "\($0)" }.joined(separator: " ")); rows not checked: "
              + "\(unchecked.map { "\($0.line)" }.joined(separator: " "))")
        XCTAssertEqual(failures, [], "\(failures.count) failures")
        XCTAssertEqual(unchecked.map(\.line), [], "every row of the table is a query whose repair is checked")
    }
}
