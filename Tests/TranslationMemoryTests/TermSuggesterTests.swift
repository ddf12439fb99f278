import XCTest
@testable import TranslationMemory

/// A small parallel corpus written for these tests: the terms recur in varied sentences so that
/// word alignment can tell them apart.
enum TermSuggesterFixture {
    static let countries = [("Jepang", "Japan"), ("Australia", "Australia"), ("Rusia", "Russia"), ("Prancis", "France"),
                            ("Jerman", "Germany"), ("Mesir", "Egypt"), ("Brasil", "Brazil"), ("Kanada", "Canada")]
    static let fields = [("perdagangan", "trade"), ("pendidikan", "education"), ("energi", "energy"), ("pertahanan", "defense"),
                         ("pariwisata", "tourism"), ("kesehatan", "health"), ("pertanian", "agriculture"), ("perikanan", "fisheries")]
    static let verbs = [("memperkuat", "strengthen"), ("memperluas", "expand"), ("membahas", "discuss"), ("meninjau", "review")]
    static let days = [("Senin", "Monday"), ("Selasa", "Tuesday"), ("Rabu", "Wednesday"), ("Kamis", "Thursday")]

    static var pairs: [TermSuggesterPair] {
        var pairs: [TermSuggesterPair] = []
        func add(_ id: String, _ en: String) { pairs.append(TermSuggesterPair(indonesian: id, english: en)) }
        for (k, c) in countries.enumerated() {
            let f = fields[k % fields.count], g = fields[(k + 3) % fields.count]
            let v = verbs[k % verbs.count], d = days[k % days.count]
            add("\(c.0) dan Indonesia sepakat \(v.0) kemitraan strategis.", "\(c.1) and Indonesia agreed to \(v.1) the strategic partnership.")
            add("Kemitraan strategis itu mencakup \(f.0).", "The strategic partnership covers \(f.1).")
            add("Menteri Luar Negeri \(c.0) tiba pada hari \(d.0).", "The \(c.1) Foreign Minister arrived on \(d.1).")
            add("Pada hari \(d.0), Menteri Luar Negeri membahas \(g.0).", "On \(d.1), the Foreign Minister discussed \(g.1).")
            add("Kerja sama bilateral di bidang \(f.0) terus tumbuh.", "Bilateral cooperation in \(f.1) keeps growing.")
            add("\(c.0) menginginkan kerja sama bilateral yang lebih erat.", "\(c.1) wants closer bilateral cooperation.")
            add("Lokasi itu sangat strategis bagi \(c.0).", "The location is very strategic for \(c.1).")
            add("Menteri \(f.0) \(c.0) bertemu mitra dari Jakarta.", "The \(c.1) \(f.1) minister met partners from Jakarta.")
            add("Negeri itu mengirim delegasi pada hari \(d.0).", "That country sent a delegation on \(d.1).")
            add("Kerja keras di bidang \(g.0) membuahkan hasil.", "Hard work in \(g.1) paid off.")
        }
        return pairs
    }
}

final class TermSuggesterTests: XCTestCase {
    func testFindsMultiwordTermsWithTheirAlignedEnglish() throws {
        let suggestions = try TermSuggester.suggest(pairs: TermSuggesterFixture.pairs, glossary: Glossary(), options: TermSuggesterOptions(minCount: 3, limit: 100))
        let found = Dictionary(suggestions.map { ($0.source.lowercased(), $0.target.lowercased()) }, uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(found["kemitraan strategis"], "strategic partnership", "\(found)")
        XCTAssertEqual(found["menteri luar negeri"], "foreign minister", "\(found)")
        XCTAssertEqual(found["kerja sama bilateral"], "bilateral cooperation", "\(found)")
        for suggestion in suggestions {
            let words = suggestion.source.lowercased().split(separator: " ").map(String.init)
            XCTAssertFalse(TermSuggester.indonesianFunctionWords.contains(words.first!), suggestion.source)
            XCTAssertFalse(TermSuggester.indonesianFunctionWords.contains(words.last!), suggestion.source)
            XCTAssertGreaterThanOrEqual(suggestion.frequency, 3)
            XCTAssertNotNil(suggestion.example)
        }
        let partnership = suggestions.first { $0.source == "kemitraan strategis" }!
        XCTAssertEqual(partnership.frequency, 16)
        XCTAssertGreaterThanOrEqual(partnership.confidence, 0.5, "\(partnership.otherTargets)")
    }

    func testKnownGlossaryTermsAreLeftOut() throws {
        let glossary = Glossary(entries: [GlossaryEntry(source: "kemitraan strategis", target: "strategic partnership")])
        let suggestions = try TermSuggester.suggest(pairs: TermSuggesterFixture.pairs, glossary: glossary, options: TermSuggesterOptions(minCount: 3, limit: 100))
        XCTAssertFalse(suggestions.contains { $0.source.lowercased() == "kemitraan strategis" })
        XCTAssertTrue(suggestions.contains { $0.source == "Menteri Luar Negeri" })
    }

    func testMinCountAndLimit() throws {
        let pairs = TermSuggesterFixture.pairs
        let all = try TermSuggester.suggest(pairs: pairs, glossary: Glossary(), options: TermSuggesterOptions(minCount: 9, limit: 100))
        XCTAssertTrue(all.allSatisfy { $0.frequency >= 9 })
        XCTAssertEqual(try TermSuggester.suggest(pairs: pairs, glossary: Glossary(), options: TermSuggesterOptions(minCount: 2, limit: 5)).count, 5)
        XCTAssertTrue(try TermSuggester.suggest(pairs: [], glossary: Glossary(), options: TermSuggesterOptions()).isEmpty)
    }

    func testBaselinePairsFrequentNgramsWithCooccurringWords() throws {
        let suggestions = try TermSuggester.suggest(pairs: TermSuggesterFixture.pairs, glossary: Glossary(),
                                                options: TermSuggesterOptions(minCount: 3, limit: 100, method: .baseline))
        XCTAssertFalse(suggestions.isEmpty)
        XCTAssertEqual(suggestions.map(\.frequency), suggestions.map(\.frequency).sorted(by: >))
        XCTAssertTrue(suggestions.allSatisfy { !$0.target.contains(" ") })
    }
}

/// Units where a glossary's terms, speech verbs, `US$` amounts and `U.S.` recur, for what the
/// suggester must leave out or cut right.
enum TermSuggesterNewsFixture {
    static let people = [("Menteri Luar Negeri Retno", "Foreign Minister Retno"), ("Presiden Joko Widodo", "President Joko Widodo"),
                         ("Menteri Perdagangan Zulkifli", "Trade Minister Zulkifli"), ("Gubernur Bank Indonesia Perry", "Bank Indonesia Governor Perry")]
    static let prices = ["78", "84", "91", "66", "72", "80"]

    static var pairs: [TermSuggesterPair] {
        var pairs: [TermSuggesterPair] = []
        func add(_ id: String, _ en: String) { pairs.append(TermSuggesterPair(indonesian: id, english: en)) }
        for (k, price) in prices.enumerated() {
            let person = people[k % people.count]
            add("\(person.0) mengatakan ASEAN membahas harga minyak.", "\(person.1) said ASEAN discussed oil prices.")
            add("Harga minyak naik menjadi \(price) dolar AS per barel.", "Oil prices rose to US$\(price) per barrel.")
            add("Pejabat AS membahas krisis pangan, kata \(person.0).", "U.S. officials discussed the food crisis, \(person.1) said.")
            add("Krisis pangan mengancam kawasan ASEAN, kata \(person.0).", "The food crisis threatens the ASEAN region, \(person.1) said.")
        }
        return pairs
    }
}

extension TermSuggesterTests {
    func suggestNews(_ glossary: Glossary = Glossary()) throws -> [String: String] {
        let suggestions = try TermSuggester.suggest(pairs: TermSuggesterNewsFixture.pairs, glossary: glossary,
                                                    options: TermSuggesterOptions(minCount: 3, limit: 100))
        return Dictionary(suggestions.map { ($0.source, $0.target) }, uniquingKeysWith: { first, _ in first })
    }

    /// Terms the glossary has are left out in the forms written (`ASEAN` in capitals only).
    func testGlossaryTermsAreLeftOutAsWritten() throws {
        let open = try suggestNews()
        XCTAssertEqual(open["ASEAN"], "ASEAN", "\(open)")
        XCTAssertEqual(open["AS"], "US", "U.S. is read as one word, with its stops: \(open)")
        let glossary = Glossary(entries: [GlossaryEntry(source: "ASEAN", target: "ASEAN"), GlossaryEntry(source: "AS", target: "US"),
                                          GlossaryEntry(source: "krisis", target: "crisis")])
        let known = try suggestNews(glossary)
        XCTAssertNil(known["ASEAN"], "\(known)")
        XCTAssertNil(known["AS"], "\(known)")
        XCTAssertNil(known["krisis"], "\(known)")
        XCTAssertEqual(known["harga minyak"], "oil prices", "\(known)")
    }

    /// Speech and light verbs are no terms, and no term begins or ends with one.
    func testFunctionLikeVerbsAreNeverSuggested() throws {
        let found = try suggestNews()
        for (source, target) in found {
            let words = source.lowercased().split(separator: " ").map(String.init)
            XCTAssertFalse(TermSuggester.indonesianFunctionVerbs.contains(words.first!), "\(source) → \(target)")
            XCTAssertFalse(TermSuggester.indonesianFunctionVerbs.contains(words.last!), "\(source) → \(target)")
            XCTAssertNotEqual(target.lowercased(), "said", source)
        }
        XCTAssertTrue(TermSuggester.indonesianFunctionVerbs.isSuperset(of: ["mengatakan", "kata"]))
    }

    /// A rendering is never a piece of a written word (`US` of `US$78`), and the span ends at
    /// words aligned to the candidate, not at a preposition or a determiner.
    func testSpansAreCutAtWordAndAlignmentBoundaries() throws {
        let found = try suggestNews()
        XCTAssertNotEqual(found["dolar AS"], "US", "\(found)")
        for (source, target) in found {
            let last = target.split(separator: " ").last.map { String($0).lowercased() } ?? ""
            XCTAssertFalse(TermSuggester.englishTrailingWords.contains(last), "\(source) → \(target)")
            XCTAssertFalse(TermSuggester.englishDeterminers.contains(last), "\(source) → \(target)")
        }
        XCTAssertEqual(found["krisis pangan"], "food crisis", "\(found)")
        // `kemitraan strategis di bidang`, `bidang` unaligned, is an occurrence of `kemitraan strategis`.
        let pairs = TermSuggesterFixture.pairs + TermSuggesterFixture.countries.prefix(4).map { country in
            TermSuggesterPair(indonesian: "\(country.0) memperdalam kemitraan strategis di bidang industri.",
                              english: "\(country.1) deepened its strategic partnership in industry.")
        }
        let suggestions = try TermSuggester.suggest(pairs: pairs, glossary: Glossary(), options: TermSuggesterOptions(minCount: 3, limit: 100))
        XCTAssertTrue(suggestions.contains { $0.source.lowercased() == "kemitraan strategis" && $0.target == "strategic partnership" }, "\(suggestions.map { ($0.source, $0.target) })")
        XCTAssertFalse(suggestions.contains { $0.source.hasPrefix("kemitraan strategis di") && $0.target == "strategic partnership" }, "\(suggestions.map { ($0.source, $0.target) })")
    }

    /// General vocabulary ranks below terms seen as often: `membahas` (a verb on a known root)
    /// under `harga minyak`.
    func testGeneralVocabularyRanksDown() throws {
        let stemmer = try IndonesianStemmer.shared
        XCTAssertTrue(TermSuggester.isGeneralVocabulary("membahas", target: "discussed", stemmer: stemmer))
        XCTAssertTrue(TermSuggester.isGeneralVocabulary("tahun", target: "year", stemmer: stemmer))
        XCTAssertFalse(TermSuggester.isGeneralVocabulary("pernapasan", target: "respiratory", stemmer: stemmer), "a noun")
        XCTAssertFalse(TermSuggester.isGeneralVocabulary("Jakarta", target: "Jakarta", stemmer: stemmer), "a name")
        XCTAssertFalse(TermSuggester.isGeneralVocabulary("harga minyak", target: "oil prices", stemmer: stemmer), "two words")
        let ranked = try TermSuggester.suggest(pairs: TermSuggesterNewsFixture.pairs, glossary: Glossary(),
                                               options: TermSuggesterOptions(minCount: 3, limit: 100)).map(\.source)
        let discuss = try XCTUnwrap(ranked.firstIndex(of: "membahas"), "\(ranked)")
        let oil = try XCTUnwrap(ranked.firstIndex { $0.lowercased() == "harga minyak" }, "\(ranked)")
        XCTAssertLessThan(oil, discuss, "\(ranked)")
    }
}
