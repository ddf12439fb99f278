import XCTest
@testable import TranslationMemory

/// SRX 2.0 export and import.
final class SegmentSRXTests: XCTestCase {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tm-srx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testExportedRulesReadBackAndSegmentAlike() throws {
        let path = try folder().appendingPathComponent("tm.srx").path
        try SegmenterSRX.export(to: path, rules: [.indonesian: .shipped(.indonesian), .english: .shipped(.english)])
        let xml = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(xml.contains("<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">"))
        XCTAssertTrue(xml.contains("languagerulename=\"Indonesian (tm news)\""))

        let indonesian = try SegmenterSRX.read(path, language: .indonesian)
        let english = try SegmenterSRX.read(path, language: .english)
        XCTAssertGreaterThan(indonesian.count, 150)
        XCTAssertTrue(indonesian.contains { !$0.isBreak && $0.before.contains("Jl") })
        XCTAssertTrue(english.contains { !$0.isBreak && $0.before.contains("Mrs") })
        XCTAssertEqual(indonesian.last?.isBreak, true)

        // The exported rules, applied by the SRX engine alone, agree with the built-in ones.
        let paragraphs = [
            "Rapat dipimpin Prof. Dr. Hadi di Jl. Sudirman No. 5. Ia membuka acara. Benarkah? Ya!",
            "Ia membeli beras, gula, dll. Namun harga naik. Susilo B. Yudhoyono hadir.",
        ]
        var srxOnly = SentenceSegmenter(language: .indonesian, rules: SegmenterRules(abbreviations: [:], starters: []))
        try srxOnly.add(srxRules: indonesian)
        let builtIn = try SentenceSegmenter(language: .indonesian)
        for paragraph in paragraphs {
            XCTAssertEqual(srxOnly.sentences(in: paragraph), builtIn.sentences(in: paragraph), paragraph)
        }
    }

    func testUserRulesTakePrecedence() throws {
        let path = try folder().appendingPathComponent("user.srx").path
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <srx xmlns="http://www.lisa.org/srx20" version="2.0">
          <header segmentsubflows="yes" cascade="yes"/>
          <body>
            <languagerules>
              <languagerule languagerulename="Kantor">
                <rule break="no"><beforebreak>\\bDiv\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
                <rule break="yes"><beforebreak>;</beforebreak><afterbreak>\\s</afterbreak></rule>
              </languagerule>
              <languagerule languagerulename="English only">
                <rule break="no"><beforebreak>x</beforebreak><afterbreak></afterbreak></rule>
              </languagerule>
            </languagerules>
            <maprules>
              <languagemap languagepattern="id.*" languagerulename="Kantor"/>
              <languagemap languagepattern="en.*" languagerulename="English only"/>
            </maprules>
          </body>
        </srx>
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let rules = try SegmenterSRX.read(path, language: .indonesian)
        XCTAssertEqual(rules.count, 2)
        var segmenter = try SentenceSegmenter(language: .indonesian)
        try segmenter.add(srxRules: rules)
        XCTAssertEqual(segmenter.sentences(in: "Ia bekerja di Div. Keuangan; semua senang. Mereka pulang."),
                       ["Ia bekerja di Div. Keuangan;", "semua senang.", "Mereka pulang."])
    }

    func testBadSRXIsReportedWithThePath() throws {
        let dir = try folder()
        let broken = dir.appendingPathComponent("broken.srx").path
        try "<srx><body><languagerules>".write(toFile: broken, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SegmenterSRX.read(broken, language: .english)) { error in
            XCTAssertTrue(error.localizedDescription.contains("broken.srx"), error.localizedDescription)
        }
        let badRegex = dir.appendingPathComponent("regex.srx").path
        try """
        <srx version="2.0"><body><languagerules><languagerule languagerulename="X">
        <rule break="no"><beforebreak>([</beforebreak><afterbreak>\\s</afterbreak></rule>
        </languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="X"/></maprules></body></srx>
        """.write(toFile: badRegex, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SegmenterSRX.read(badRegex, language: .english)) { error in
            XCTAssertTrue(error.localizedDescription.contains("regex.srx"), error.localizedDescription)
            XCTAssertTrue(error.localizedDescription.contains("not a valid regular expression"), error.localizedDescription)
        }
        let notSRX = dir.appendingPathComponent("tmx.srx").path
        try "<tmx version=\"1.4\"/>".write(toFile: notSRX, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SegmenterSRX.read(notSRX, language: .english))
    }

    /// A user's rule that backtracks catastrophically ran for minutes on 400 characters: it is
    /// stopped and named, and the good rules still apply.
    func testABacktrackingRuleIsStoppedAndNamed() throws {
        var segmenter = try SentenceSegmenter(language: .indonesian)
        let evil = SRXSegmentationRule(isBreak: false, before: "(\\w+\\s?)*$", after: "")
        try segmenter.add(srxRules: [SRXSegmentationRule(isBreak: true, before: ";", after: "\\s"), evil])
        XCTAssertNil(segmenter.srxRuleOverrun)
        let paragraph = String(repeating: "kata ", count: 80) + "akhir!"
        let sentences = segmenter.sentences(in: "Satu; dua. " + paragraph)
        XCTAssertEqual(segmenter.srxRuleOverrun, evil)
        XCTAssertEqual(sentences.first, "Satu;")
    }
}
