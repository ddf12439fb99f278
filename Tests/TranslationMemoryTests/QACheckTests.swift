import XCTest
@testable import TranslationMemory

/// Each check on pairs written for it: what it must find, and the correct translations it must
/// leave alone (each language's own number conventions, word forms, names kept as they are).
final class QACheckTests: XCTestCase {
    private static let glossary = Glossary(entries: [
        GlossaryEntry(source: "kemitraan strategis", target: "strategic partnership"),
        GlossaryEntry(source: "Kementerian Luar Negeri", target: "Foreign Ministry", forbiddenTargets: ["Foreign Affairs Ministry"]),
        GlossaryEntry(source: "DPR", target: "House of Representatives", alternativeTargets: ["parliament"]),
        GlossaryEntry(source: "hilirisasi", target: "downstreaming"),
        GlossaryEntry(source: "Vietnam", target: "Vietnam"),
        GlossaryEntry(source: "dolar AS", target: "US dollar"),
        GlossaryEntry(source: "Februari", target: "February"),
    ])

    private func findings(_ source: String, _ target: String, only: String? = nil, glossary: Bool = false) throws -> [QAFinding] {
        var checker = QAChecker(glossary: glossary ? try GlossaryMatcher(glossary: Self.glossary) : nil)
        if let only { checker.enabled = [only] }
        return checker.check([QAPair(number: 1, source: source, target: target)]).findings
    }

    private func ids(_ source: String, _ target: String, glossary: Bool = false) throws -> [String] {
        try findings(source, target, glossary: glossary).map(\.check)
    }

    func testCorrectTranslationsInEachLanguagesConventionsPass() throws {
        let clean = [
            ("Sebanyak 1.500 warga menerima bantuan senilai Rp1,5 triliun.", "As many as 1,500 residents received aid worth Rp1.5 trillion."),
            ("Inflasi tercatat 2,5 persen pada Agustus 2023.", "Inflation stood at 2.5% in August 2023."),
            ("Nilai ekspor mencapai 4,75 juta dolar AS.", "Exports reached US$4.75 million."),
            ("Rapat digelar pukul 19.00 WIB di Jakarta, Senin (7/8).", "The meeting was held at 7 p.m. WIB in Jakarta on Monday."),
            ("Gempa magnitudo 5,6 terjadi pada Senin (21/11/2022).", "The magnitude 5.6 quake struck on Monday (Nov. 21, 2022)."),
            ("Peringatan HUT ke-78 RI digelar meriah.", "The 78th Independence Day was celebrated festively."),
            ("Salah satu dari tiga korban adalah anak-anak.", "One of the three victims was a child."),
            ("Jaraknya sekitar 120 kilometer dari Jakarta.", "It is about 120 km from Jakarta."),
            ("Harga beras naik 2-3 persen.", "Rice prices rose 2 to 3 percent."),
            ("Pewarta: Indra Arief Pribadi", "Reporter: Indra Arief P"),
            // What the other language writes as no quantity: glued to a word, a season, a range, a name.
            ("Insiden kumulatif 14 hari dihitung.", "The 14-day cumulative incidence was calculated."),
            ("Liga Premier 2019-2020 ditunda.", "The 2019–20 Premier League was postponed."),
            ("Angka itu naik dari 49 menjadi 73 negara.", "The figure rose from 49 to 73 countries."),
            ("Wabah berakhir pada bulan Maret.", "The outbreak will end by mid-March."),
            ("Warga tidak menghadiri Misa pada hari Minggu.", "Residents did not attend Mass on Sundays."),
        ]
        for (source, target) in clean {
            XCTAssertEqual(try ids(source, target), [], "\(source) → \(target)")
        }
    }

    func testUntranslatedAndSameAsSource() throws {
        XCTAssertEqual(try ids("Presiden meresmikan jembatan itu.", " "), ["untranslated"])
        XCTAssertEqual(try ids("Presiden meresmikan jembatan itu.", "Presiden meresmikan jembatan itu."), ["same-as-source"])
        XCTAssertEqual(try ids("Bank Rakyat Indonesia", "Bank Rakyat Indonesia"), [], "a name stays as it is")
        XCTAssertEqual(try ids("Editor: Budi Santoso", "Editor: Budi Santoso"), [], "so does a credit")
    }

    func testFiguresCompareByValueAcrossConventionsAndScaleWords() throws {
        XCTAssertEqual(try ids("Sebanyak 1.500 orang hadir.", "Some 1,600 people attended."), ["numbers"])
        let money = try findings("Anggaran Rp1,5 triliun disiapkan.", "A budget of Rp1.5 billion was prepared.")
        XCTAssertEqual(money.map(\.check), ["money"])
        XCTAssertTrue(money[0].message.contains("scale word"), money[0].message)
        XCTAssertEqual(money[0].spans.map(\.text), ["Rp1,5 triliun", "Rp1.5 billion"])
        let currency = try findings("Ekspor 4,75 juta dolar AS.", "Exports of 4.75 million euros.", only: "money")
        XCTAssertTrue(currency.first?.message.contains("currency") ?? false, "\(currency)")
        XCTAssertEqual(try ids("Inflasi 2,5 persen.", "Inflation of 25 percent."), ["percent"])
        XCTAssertEqual(try ids("Harga naik 2-3 kali.", "Prices rose 2 to 4 times."), ["ranges"])
        XCTAssertEqual(try ids("Pada 2023 harga naik.", "In 2024 prices rose."), ["years"])
        XCTAssertEqual(try ids("HUT ke-78 RI.", "The 79th anniversary."), ["ordinals"])
        XCTAssertEqual(try ids("Jaraknya 120 kilometer.", "It is 120 miles away."), ["measures"])
        let separators = try findings("Inflasi 5,52 persen.", "Inflation of 5,52 percent.")
        XCTAssertEqual(separators.map(\.check), ["percent"], "the right value in Indonesian separators")
        XCTAssertTrue(separators[0].message.contains("`5.52"), separators[0].message)
        XCTAssertEqual(try ids("Insiden 14 hari dihitung.", "The 15-day incidence was calculated."), ["numbers"])
    }

    func testDatesTimesAndWeekdays() throws {
        let swapped = try findings("Acara digelar pada 8 Juli 2023.", "The event was held on Aug. 7, 2023.")
        XCTAssertEqual(swapped.map(\.check), ["dates"])
        XCTAssertTrue(swapped[0].message.contains("day and month swapped"), swapped[0].message)
        XCTAssertEqual(try ids("Rapat dimulai pukul 19.00 WIB.", "The meeting began at 9 p.m. WIB."), ["times"])
        XCTAssertEqual(try ids("Rapat dimulai pukul 10.00 WIB.", "The meeting began at 10 a.m. WITA."), ["times"])
        XCTAssertEqual(try ids("Rapat dimulai pukul 10.00 WIB.", "The meeting began at 10 a.m. local time."), [])
        XCTAssertEqual(try ids("Rapat digelar pada Selasa (8/8).", "The meeting was held on Monday."), ["weekdays"])
        // A weekday that contradicts its date, in the target though the source is right.
        let contradiction = try findings("Senin, 7 Agustus 2023", "Tuesday, Aug. 7, 2023", only: "weekdays")
        XCTAssertTrue(contradiction.contains { $0.message.contains("contradicts") }, "\(contradiction)")
    }

    func testTermsMatchThroughWordFormsAndForbiddenTerms() throws {
        XCTAssertEqual(try ids("Kedua negara memperkuat kemitraan strategisnya.", "Both countries strengthened their strategic partnerships.", glossary: true), [])
        XCTAssertEqual(try ids("Kedua negara memperkuat kemitraan strategisnya.", "Both countries strengthened their strategic cooperation.", glossary: true), ["terms"])
        XCTAssertEqual(try ids("DPR menyetujui anggaran itu.", "The parliament approved the budget.", glossary: true), [], "an alternative counts")
        XCTAssertEqual(try ids("Kepala Badan Nasional Kemitraan Strategis hadir.", "The head of the National Partnership Agency attended.", glossary: true), [],
                       "a lower-case term inside a capitalised name is the name's")
        XCTAssertEqual(try ids("Pemerintah mendorong hilirisasinya.", "The government pushes downstream processing.", glossary: true), ["terms"],
                       "a glossary word in -ing is not its stem")
        XCTAssertEqual(try ids("Pemerintah mendorong hilirisasi.", "The government pushes downstreaming.", glossary: true), [])
        XCTAssertEqual(try ids("Presiden Vietnam tiba di Jakarta.", "The Vietnamese President arrived in Jakarta.", glossary: true), [])
        XCTAssertEqual(try ids("Ekonomi Vietnam tumbuh.", "Vietnam's economy grew.", glossary: true), [])
        XCTAssertEqual(try ids("Ekonomi Vietnam tumbuh.", "The economy grew.", glossary: true), ["terms"])
        XCTAssertEqual(try ids("Nilainya 5 miliar dolar AS pada 2 Februari.", "It was worth US$5 billion on Feb. 2.", glossary: true), [],
                       "a currency or month inside an amount or date is the figure checks'")
        XCTAssertEqual(try ids("Kementerian Luar Negeri menyampaikan hal itu.", "The Foreign Affairs Ministry said so.", glossary: true), ["forbidden-term"])
    }

    func testInconsistenciesWithinTheInputAndAgainstTheMemory() throws {
        let pairs = [QAPair(number: 1, source: "Harga naik.", target: "Prices rose."),
                     QAPair(number: 2, source: "Harga  naik.", target: "Prices went up."),
                     QAPair(number: 3, source: "Harga meningkat.", target: "Prices rose.")]
        var checker = QAChecker()
        checker.enabled = Set(QACatalog.consistencyIDs)
        let found = checker.check(pairs).findings
        XCTAssertEqual(found.map(\.check), ["inconsistent-target", "inconsistent-source"])
        XCTAssertEqual(found.map(\.pair), [2, 3])
        var memory = QAMemoryTranslations()
        memory.targetsBySource["Harga turun."] = .init(texts: ["Prices fell.": "Prices fell."], origin: "mem.tmx:3")
        checker.memory = memory
        let against = checker.check([QAPair(number: 1, source: "Harga turun.", target: "Prices dropped.")]).findings
        XCTAssertEqual(against.map(\.check), ["inconsistent-target"])
        XCTAssertTrue(against[0].message.contains("mem.tmx:3"), against[0].message)
    }

    func testFormattingChecks() throws {
        XCTAssertEqual(try ids("Apakah ia datang?", "Did he come."), ["end-punctuation"])
        XCTAssertEqual(try ids("Ia datang (kemarin).", "He came (yesterday."), ["brackets"])
        XCTAssertEqual(try ids("Ia datang (Senin).", "He came on Monday."), [], "a dropped aside is no unpaired bracket")
        XCTAssertEqual(try ids("\"Kami siap,\" katanya.", "\"We are ready, he said."), ["quotes"])
        XCTAssertEqual(try ids("Ia datang ke kota.", "He came to  the city."), ["double-space"])
        XCTAssertEqual(try ids("Ia datang ke kota.", "He came to the the city."), ["double-word"])
        XCTAssertEqual(try ids("Lihat https://antaranews.com/berita.", "See https://antaranews.com/news."), ["urls", "urls"])
        XCTAssertEqual(try ids("Surel ke humas@antara.co.id.", "Mail humas@antara.co.id."), [])
        XCTAssertEqual(try ids("Surel ke humas@antara.co.id.", "Mail info@antara.co.id."), ["emails", "emails"])
        XCTAssertEqual(try ids("Hubungi <b>humas</b> sekarang.", "Contact <b>public relations now."), ["tags"])
        XCTAssertEqual(try ids("Pemerintah akan terus memantau perkembangan harga beras di pasar.", "It will."), ["length-ratio"])
    }

    func testCreditsNameTheSamePeople() throws {
        XCTAssertEqual(try ids("Pewarta: Indra Arief Pribadi", "Reporter: Azis Kurmala"), ["credits"])
        XCTAssertEqual(try ids("Pewarta: Indra Arief dan Azis Kurmala", "Reporters: Azis Kurmala, Indra Arief"), [])
        XCTAssertEqual(try ids("Editor: Budi Santoso", "Photo: Budi Santoso"), ["credits"])
        XCTAssertTrue(CreditsCheck.sameName("Indra Arief P.", "indra arief pribadi"))
        XCTAssertFalse(CreditsCheck.sameName("Indra Arief", "Arief Indra"))
        let pairs = CreditsCheck.pairs(source: [CreditLine(kind: .reporter, label: "Pewarta", value: "Indra", names: ["Indra"], line: 9)],
                                       target: [CreditLine(kind: .reporter, label: "Reporter", value: "Azis", names: ["Azis"], line: 7)],
                                       sourcePath: "a.id.txt", firstNumber: 5)
        XCTAssertEqual(pairs, [QAPair(number: 5, source: "Pewarta: Indra", target: "Reporter: Azis", file: "a.id.txt", line: 9)])
    }

    func testSuppressionsAndTheCatalogue() throws {
        var checker = QAChecker()
        checker.suppressions.add(check: "numbers", source: "Sebanyak 1.500 orang hadir.", target: "Some 1,600  people attended.")
        let left = checker.check([QAPair(number: 1, source: "Sebanyak 1.500 orang hadir.", target: "Some 1,600  people attended.")]).findings
        XCTAssertEqual(left.map(\.check), ["double-space"])
        XCTAssertEqual(Set(QACatalog.allIDs).count, QACatalog.allIDs.count)
        XCTAssertEqual(QACatalog.allIDs.count, 26)
        XCTAssertEqual(QAChecker.unknown(["numbers", "nunbers"]), ["nunbers"])
        XCTAssertEqual(QACatalog.severity(of: "inconsistent-source"), .warning)
    }

    func testPairsFileNumbersPairsByLine() throws {
        let path = NSTemporaryDirectory() + "qa-pairs-\(UUID().uuidString).tsv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "\"Kami siap,\" katanya.\t\"We are ready,\" he said.\r\n\r\nTanpa terjemahan\nA\tB\tC\n".write(toFile: path, atomically: true, encoding: .utf8)
        let pairs = try QAInput.pairs(tsvPath: path)
        XCTAssertEqual(pairs.map(\.number), [1, 3, 4])
        XCTAssertEqual(pairs[0].source, "\"Kami siap,\" katanya.", "quotes are text, not CSV quoting")
        XCTAssertEqual(pairs[0].target, "\"We are ready,\" he said.")
        XCTAssertEqual(pairs[1].target, "", "a line without a tab is a source left untranslated")
        XCTAssertEqual(pairs[2].target, "B\tC", "the first tab splits")
        XCTAssertEqual(pairs[1].line, 3)
    }
}
