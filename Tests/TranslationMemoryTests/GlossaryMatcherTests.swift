import XCTest
@testable import TranslationMemory

final class GlossaryMatcherTests: XCTestCase {
    func glossary(_ pairs: [(String, String)]) -> Glossary {
        Glossary(entries: pairs.map { GlossaryEntry(source: $0.0, target: $0.1) })
    }

    func testMultiwordTermAcrossInflectedForms() throws {
        let matcher = try GlossaryMatcher(glossary: glossary([("kemitraan strategis", "strategic partnership")]))
        let text = "Kedua negara memperkuat kemitraan strategisnya tahun ini."
        let hits = matcher.matches(in: text, language: .indonesian)
        XCTAssertEqual(hits.count, 1)
        XCTAssertEqual(hits[0].matchedText, "kemitraan strategisnya")
        XCTAssertEqual(hits[0].kind, .inflection)
        XCTAssertEqual(String(text[hits[0].range(in: text)]), "kemitraan strategisnya")
        XCTAssertEqual(hits[0].forms.count, 1)
        XCTAssertTrue(hits[0].forms[0].contains("-nya"), hits[0].forms[0])
    }

    func testExactMatchAndCase() throws {
        let matcher = try GlossaryMatcher(glossary: glossary([("Kementerian Luar Negeri", "Foreign Ministry")]))
        let hits = matcher.matches(in: "Juru bicara kementerian luar negeri berkata", language: .indonesian)
        XCTAssertEqual(hits.map(\.kind), [.exact])
        XCTAssertEqual(hits.first?.firstWord, 2)
        XCTAssertEqual(hits.first?.endWord, 5)
    }

    func testInflectionalModeDoesNotConflateDerivations() throws {
        let matcher = try GlossaryMatcher(glossary: glossary([("mitra", "partner")]))
        XCTAssertTrue(matcher.matches(in: "kemitraan kedua negara", language: .indonesian).isEmpty)
        XCTAssertEqual(matcher.matches(in: "mitranya di Asia", language: .indonesian).count, 1)
    }

    func testDerivationalMode() throws {
        let matcher = try GlossaryMatcher(glossary: glossary([("laksanakan", "carry out")]), mode: .derivational)
        let text = "Pemerintah melaksanakan program itu, yang dilaksanakan sejak Mei."
        let hits = matcher.matches(in: text, language: .indonesian)
        XCTAssertEqual(hits.map(\.matchedText), ["melaksanakan", "dilaksanakan"])
        XCTAssertEqual(hits.map(\.kind), [.derivation, .derivation])
        let inflectional = try GlossaryMatcher(glossary: glossary([("laksanakan", "carry out")]))
        XCTAssertTrue(inflectional.matches(in: text, language: .indonesian).isEmpty)
    }

    func testReduplicatedPlural() throws {
        let matcher = try GlossaryMatcher(glossary: glossary([("negara anggota", "member state")]))
        let hits = matcher.matches(in: "negara-negara anggota ASEAN", language: .indonesian)
        XCTAssertEqual(hits.map(\.matchedText), ["negara-negara anggota"])
        XCTAssertEqual(hits.first?.kind, .inflection)
    }

    func testEnglishSideWithPluralsAndForbiddenVariants() throws {
        var entry = GlossaryEntry(source: "kemitraan strategis", target: "strategic partnership")
        entry.forbiddenTargets = ["strategic partnering"]
        let matcher = try GlossaryMatcher(glossary: Glossary(entries: [entry]))
        let hits = matcher.matches(in: "Their strategic partnerships and strategic partnering grew.", language: .english)
        XCTAssertEqual(hits.map(\.role), [.target, .forbidden])
        XCTAssertEqual(hits.map(\.kind), [.inflection, .exact])
    }

    func testAcronymsMatchOnlyInCapitals() throws {
        let matcher = try GlossaryMatcher(glossary: glossary([("AS", "US")]))
        XCTAssertEqual(matcher.matches(in: "Presiden AS tiba", language: .indonesian).count, 1)
        XCTAssertTrue(matcher.matches(in: "as roda", language: .indonesian).isEmpty)
        XCTAssertEqual(matcher.matches(in: "the US said", language: .english).count, 1)
        XCTAssertTrue(matcher.matches(in: "told us", language: .english).isEmpty)
    }

    func testPreferLongest() throws {
        let matcher = try GlossaryMatcher(glossary: glossary([("Menteri", "Minister"), ("Menteri Luar Negeri", "Foreign Minister")]))
        let hits = matcher.matches(in: "Menteri Luar Negeri Retno", language: .indonesian)
        XCTAssertEqual(hits.count, 2)
        XCTAssertEqual(hits.first?.entry.target, "Foreign Minister")
        XCTAssertEqual(GlossaryMatcher.preferLongest(hits).map(\.entry.target), ["Foreign Minister"])
    }

    func testFiftyThousandEntryGlossary() throws {
        var entries: [GlossaryEntry] = []
        let syllables = ["ba", "ka", "ma", "ra", "ta", "si", "lu", "de", "po", "ni"]
        for i in 0..<50_000 {
            var word = ""
            var n = i
            for _ in 0..<5 { word += syllables[n % 10]; n /= 10 }
            entries.append(GlossaryEntry(source: word + " raya", target: "term \(i)"))
        }
        entries.append(GlossaryEntry(source: "kerja sama bilateral", target: "bilateral cooperation"))
        let matcher = try GlossaryMatcher(glossary: Glossary(entries: entries))
        let hits = matcher.matches(in: "Kerja sama bilateralnya dan bakamarata raya dibahas.", language: .indonesian)
        XCTAssertEqual(hits.map(\.entry.target), ["bilateral cooperation", "term 43210"])
    }
}

final class StarterGlossaryTests: XCTestCase {
    func testStarterGlossaryOnANewsParagraph() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Glossaries/news-id-en.tsv").path
        let glossary = try Glossary.load(paths: [path])
        XCTAssertGreaterThanOrEqual(glossary.entries.count, 500)
        XCTAssertEqual(glossary.problems, [], "the starter glossary has no duplicates or conflicts")
        let matcher = try GlossaryMatcher(glossary: glossary)
        let text = "Jakarta (ANTARA) - Menlu Retno bertemu Menteri Luar Negeri Tiongkok pada Senin untuk memperkuat kemitraan strategisnya dengan negara-negara anggota ASEAN. Penerjemah: Budi"
        let hits = GlossaryMatcher.preferLongest(matcher.matches(in: text, language: .indonesian))
        let found = hits.map { "\($0.matchedText)=\($0.entry.target)" }
        for expected in ["Jakarta=Jakarta", "Menlu=Foreign Minister", "Menteri Luar Negeri Tiongkok=Chinese Foreign Minister",
                         "Senin=Monday", "kemitraan strategisnya=strategic partnership", "negara-negara anggota=member states",
                         "ASEAN=ASEAN", "Penerjemah=Translator"] {
            XCTAssertTrue(found.contains(expected), "\(expected) not in \(found)")
        }
    }
}
