import XCTest
@testable import TranslationMemory

/// Runs `Fixtures/quantities-id-en.tsv`: each row's quantity must be found with its kind and
/// value, rendered in the other language as listed (keeping the form of the stored target when
/// the row gives one), and the rendering must be read back to the same value.
final class QuantityTableTests: XCTestCase {
    struct Row {
        var line: Int
        var language: ArticleLanguage
        var text, quantity, kind, value, rendering, like: String
    }

    static func rows() throws -> [Row] {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "quantities-id-en", withExtension: "tsv"))
        var rows: [Row] = []
        for (index, line) in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            XCTAssertEqual(fields.count, 7, "line \(index + 1)")
            guard fields.count == 7, let language = ArticleLanguage(rawValue: fields[0]) else { continue }
            rows.append(Row(line: index + 1, language: language, text: fields[1], quantity: fields[2], kind: fields[3],
                            value: fields[4], rendering: fields[5], like: fields[6]))
        }
        return rows
    }

    func testTableHasBothDirectionsAndEveryKind() throws {
        let rows = try Self.rows()
        XCTAssertGreaterThanOrEqual(rows.count, 200)
        XCTAssertGreaterThanOrEqual(rows.filter { $0.language == .indonesian }.count, 100)
        XCTAssertGreaterThanOrEqual(rows.filter { $0.language == .english }.count, 100)
        XCTAssertEqual(Set(rows.map(\.kind)), Set(QuantityKind.allCases.map(\.rawValue)))
    }

    func testEveryRow() throws {
        let renderer = QuantityRenderer()
        var failures = 0
        for row in try Self.rows() {
            let other: ArticleLanguage = row.language == .indonesian ? .english : .indonesian
            let where_ = "line \(row.line): \(row.text)"
            let found = QuantityRecognizer(language: row.language).quantities(in: row.text)
            guard let quantity = found.first(where: { $0.text == row.quantity }) else {
                XCTFail("\(where_): \(row.quantity) not found; found \(found.map(\.text))")
                failures += 1
                continue
            }
            XCTAssertEqual(quantity.kind.rawValue, row.kind, where_)
            XCTAssertEqual(quantity.value.key, row.value, where_)
            var like: Quantity?
            if !row.like.isEmpty {
                like = QuantityRecognizer(language: other).quantities(in: row.like).first { $0.kind == quantity.kind }
                XCTAssertNotNil(like, "\(where_): no \(quantity.kind) in \(row.like)")
            }
            let rendered = renderer.render(quantity, in: other, like: like)
            XCTAssertEqual(rendered, row.rendering, where_)
            if rendered != row.rendering { failures += 1 }
            // Read back in a neutral sentence: the rendering is the same value in the other
            // language. Not for rows that keep a stored target's form (its zone, its brackets
            // around `7/8`), nor for an English time without a.m./p.m., which has no 24-hour value.
            guard row.like.isEmpty, !row.value.contains("/12") else { continue }
            let sentence = (other == .indonesian ? "adalah " : "was ") + rendered + "."
            let back = QuantityRecognizer(language: other).quantities(in: sentence)
            XCTAssertTrue(back.count == 1 && back[0].text == rendered && back[0].sameValue(as: quantity),
                          "\(where_): \(rendered) reads back as \(back.map { "\($0.text) \($0.key)" })")
        }
        XCTAssertEqual(failures, 0)
    }
}
