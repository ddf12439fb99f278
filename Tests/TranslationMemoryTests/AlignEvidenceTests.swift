import Foundation
import XCTest
@testable import TranslationMemory

/// The evidence behind `tm align`'s confidence: the words' likelihood ratio against chance, the
/// corrections of the path, the document verdict.
final class AlignEvidenceTests: XCTestCase {
    let lexicon = AlignTests.lexicon

    private func pass(_ indonesian: [String], _ english: [String]) -> AlignmentPass {
        AlignmentPass(indonesian: [indonesian], english: [english], lexicon: lexicon, parameters: AlignmentParameters())
    }

    private func evidence(_ pass: AlignmentPass, _ i: Int, _ j: Int) -> Double {
        pass.translationEvidence(i..<(i + 1), j..<(j + 1)).total
    }

    func testTranslationsHaveEvidenceAndOtherSentencesHaveNone() {
        let pass = pass(AlignFixtures.indonesian, AlignFixtures.english)
        let count = AlignFixtures.pairs.count
        for k in 0..<count {
            XCTAssertGreaterThan(evidence(pass, k, k), 5, "sentence \(k)")
            for other in [(k + 1) % count, (k + 5) % count] {
                XCTAssertLessThan(evidence(pass, k, other), 0, "sentence \(k) with \(other)")
            }
        }
    }

    func testWordsEverywhereInTheOtherTextSayLittle() {
        // `gempa` / `earthquake` is in every sentence: finding it says nothing about which is which.
        let indonesian = ["Gempa merusak sekolah di Mamuju.", "Gempa juga merusak jembatan.", "Gempa terasa sampai Majene."]
        let english = ["The earthquake damaged a school in Mamuju.", "The earthquake also damaged a bridge.", "The earthquake was felt as far as Majene."]
        let pass = pass(indonesian, english)
        let topic = pass.wordValues(item: 0, indonesian: true, found: (1, 0))[0]
        let rare = pass.wordValues(item: 0, indonesian: true, found: (1 << 4, 0))[3]  // Mamuju (token 3, `di`, is a function word)
        XCTAssertLessThan(topic, 0.5)
        XCTAssertGreaterThan(rare, 1.5)
    }

    /// Checks that each of `others` has at least `margin` nats less evidence of translating
    /// `indonesian` than `right` has; returns the right pair's evidence.
    @discardableResult
    private func assertScoresLower(_ indonesian: String, right: String, _ others: [String], by margin: Double,
                                   file: StaticString = #filePath, line: UInt = #line) -> Double {
        let best = evidence(pass([indonesian], [right]), 0, 0)
        for other in others {
            XCTAssertLessThan(evidence(pass([indonesian], [other]), 0, 0), best - margin, other, file: file, line: line)
        }
        return best
    }

    func testNumbersAndNamesMustCorrespond() {
        let indonesian = "Budi Santoso mengatakan 37 sekolah ditutup sejak Senin."
        let same = "Budi Santoso said 37 schools have been closed since Monday."
        assertScoresLower(indonesian, right: same, ["Budi Santoso said 52 schools have been closed since Monday."], by: 4)
        assertScoresLower(indonesian, right: same, ["Andi Firdaus said 37 schools have been closed since Monday."], by: 6)
        // Numbers written as words meet digits.
        XCTAssertTrue(lexicon.matches(indonesian: "dua", english: "2"))
        XCTAssertTrue(lexicon.matches(indonesian: "2", english: "two"))
        XCTAssertFalse(lexicon.matches(indonesian: "3", english: "two"))
    }

    func testQuantitiesMeetByValueAndMismatchesCountAgainst() {
        let indonesian = "Pemerintah menyiapkan 3,2 triliun rupiah untuk membangun bendungan baru di Sulawesi."
        // `3,2` no longer meets the `3.2` of another scale: the figure and the scale word both
        // count against the pair (the scale words alone would make about 4 nats).
        let right = assertScoresLower(indonesian, right: "The government has prepared 3.2 trillion rupiah to build new dams in Sulawesi.",
                                      ["The government has prepared 3.2 billion rupiah to build new dams in Sulawesi."], by: 6)
        // The same amount in another form meets by value.
        let otherForm = ["The government has prepared Rp3,200 billion to build new dams in Sulawesi."]
        XCTAssertGreaterThan(evidence(pass([indonesian], otherForm), 0, 0), right - 2)
        // Digits and a scale word meet: Rp1.500.000 is 1.5 million rupiah, not 2.5 million.
        let price = assertScoresLower("Harga tiket naik menjadi Rp1.500.000 per orang.", right: "The ticket price rose to 1.5 million rupiah per person.",
                                      ["The ticket price rose to 2.5 million rupiah per person."], by: 4)
        XCTAssertGreaterThan(price, 3)
    }

    func testOrdinalsDatesAndWeekdaysMeetByValue() {
        let indonesian = ["Perayaan HUT ke-78 Bhayangkara digelar di Monas pada Senin (7/8)."]
        let same = ["The celebration of the 78th Bhayangkara anniversary was held at Monas on Monday, Aug. 7."]
        let right = assertScoresLower(indonesian[0], right: same[0],
                                      ["The celebration of the 79th Bhayangkara anniversary was held at Monas on Tuesday, Aug. 8."], by: 6)
        XCTAssertGreaterThan(right, 5)
        var table = AlignmentConceptTable(lexicon: lexicon)
        let id = AlignmentTokenizedSide(paragraphs: [indonesian], indonesian: true, lexicon: lexicon, table: &table)
        let en = AlignmentTokenizedSide(paragraphs: [same], indonesian: false, lexicon: lexicon, table: &table)
        let concepts = { (side: AlignmentTokenizedSide, word: String) in Set(side.forms.indices.filter { side.forms[$0] == word }.flatMap { side.formConcepts[$0] }) }
        XCTAssertFalse(concepts(id, "ke-78").isDisjoint(with: concepts(en, "78th")))
        // `(7/8)` is two words, 7 and 8; the 8 (August) meets `Aug.` through the date.
        XCTAssertFalse(concepts(id, "8").isDisjoint(with: concepts(en, "aug")))
    }

    func testWordClasses() {
        var table = AlignmentConceptTable(lexicon: lexicon)
        let side = AlignmentTokenizedSide(paragraphs: [["Budi Santoso membeli 12 kursi dan xyzabc di BMKG."]], indonesian: true,
                                          lexicon: lexicon, table: &table)
        let classOf = { (form: String) in side.formClass[side.forms.firstIndex(of: form)!] }
        XCTAssertEqual(classOf("santoso"), .name)
        XCTAssertEqual(classOf("bmkg"), .name)
        XCTAssertEqual(classOf("12"), .number)
        XCTAssertEqual(classOf("kursi"), .known)
        XCTAssertEqual(classOf("membeli"), .known)
        XCTAssertEqual(classOf("xyzabc"), .other)
        XCTAssertEqual(classOf("dan"), .function)
    }

    func testGluedSentenceShowsAsAnUnmatchedEdge() {
        var glued = AlignFixtures.english
        glued[0] += " Shares of the carmaker fell sharply in early trading in Tokyo after the recall"
        let clean = pass(AlignFixtures.indonesian, AlignFixtures.english).translationEvidence(0..<1, 0..<1)
        let dirty = pass(AlignFixtures.indonesian, glued).translationEvidence(0..<1, 0..<1)
        XCTAssertGreaterThan(clean.unmatchedEdge, -3)
        XCTAssertLessThan(dirty.unmatchedEdge, clean.unmatchedEdge - 4)
        XCTAssertGreaterThan(dirty.total, 0)
    }

    func testCutPointsWhereTheSegmenterKeptTwoSentences() {
        func parts(_ text: String) -> [String] {
            AlignmentPass.cutPoints(text).map { String(text[..<$0]) }
        }
        XCTAssertEqual(parts("Pada 8 Februari 2020). dan terasa nyeri dada"), ["Pada 8 Februari 2020)."])
        XCTAssertEqual(parts("Ia bertemu Dr. Budi Santoso. Lalu \"Kami siap.\" kata dia."), ["Ia bertemu Dr.", "Ia bertemu Dr. Budi Santoso.", "Ia bertemu Dr. Budi Santoso. Lalu \"Kami siap.\""])
        XCTAssertEqual(parts("Presiden Joko Widodo mengatakan 37 sekolah ditutup sejak 8 Februari 2020."), [])
    }

    func testGluedSentenceWithoutCounterpartIsCutOff() {
        var english = AlignFixtures.english
        english[3] += " i got a slight fever too since yesterday morning"
        let result = SentenceAligner(lexicon: lexicon).align(indonesian: [AlignFixtures.indonesian], english: [english])
        XCTAssertEqual(result.englishSentences.count, AlignFixtures.english.count + 1)
        let pair = result.pairs.first { $0.indonesian == AlignFixtures.indonesian[3] }
        XCTAssertEqual(pair?.english, AlignFixtures.english[3])
        XCTAssertGreaterThan(pair?.confidence ?? 0, 0.9)
        XCTAssertTrue(result.pairs.contains { $0.indonesian.isEmpty && $0.english == "i got a slight fever too since yesterday morning" })
        // A clean text is not cut.
        let clean = SentenceAligner(lexicon: lexicon).align(indonesian: [AlignFixtures.indonesian], english: [AlignFixtures.english])
        XCTAssertEqual(clean.englishSentences, AlignFixtures.english)
        XCTAssertEqual(clean.indonesianSentences, AlignFixtures.indonesian)
    }

    func testGluedSentencesAfterAStopBeforeALowerCaseWord() {
        XCTAssertEqual(AlignmentPass.gluedSentences("Harga beras naik tajam di pasar Jakarta. harga gula juga naik pekan ini."),
                       ["Harga beras naik tajam di pasar Jakarta.", "harga gula juga naik pekan ini."])
        XCTAssertEqual(AlignmentPass.gluedSentences("Kasus baru tercatat pada Senin (8/2). jumlah itu naik dari pekan lalu."),
                       ["Kasus baru tercatat pada Senin (8/2).", "jumlah itu naik dari pekan lalu."])
        // Abbreviations a sentence goes on after, and parts too short to be sentences.
        XCTAssertNil(AlignmentPass.gluedSentences("Pedagang menjual beras, gula, dll. yang didatangkan dari Jawa."))
        XCTAssertNil(AlignmentPass.gluedSentences("Mahasiswa bertemu Prof. budi di kampus pada Senin pagi."))
        XCTAssertNil(AlignmentPass.gluedSentences("Ia tiba pukul 10 a.m. waktu setempat bersama rombongan."))
        XCTAssertNil(AlignmentPass.gluedSentences("Ia datang. lalu pergi lagi."))
        XCTAssertNil(AlignmentPass.gluedSentences("Harga beras naik tajam di pasar Jakarta. Harga gula juga naik."))
    }

    func testSentencesGluedOnBothSidesPairOneToOne() {
        func lowerFirst(_ text: String) -> String { text.prefix(1).lowercased() + text.dropFirst() }
        var indonesian = AlignFixtures.indonesian, english = AlignFixtures.english
        indonesian[3] += " " + lowerFirst(indonesian.remove(at: 4))
        english[3] += " " + lowerFirst(english.remove(at: 4))
        let result = SentenceAligner(lexicon: lexicon).align(indonesian: [indonesian], english: [english])
        let pairs = result.pairs.filter { !$0.indonesian.isEmpty && !$0.english.isEmpty }
        XCTAssertTrue(pairs.contains { $0.indonesian == AlignFixtures.indonesian[3] && $0.english == AlignFixtures.english[3] })
        XCTAssertTrue(pairs.contains { $0.indonesian == lowerFirst(AlignFixtures.indonesian[4]) && $0.english == lowerFirst(AlignFixtures.english[4]) })
        XCTAssertEqual(pairs.count, AlignFixtures.pairs.count)
    }

    func testLineGluedOnAPartACutMadeIsCutOffInTheNextRound() {
        func lowerFirst(_ text: String) -> String { text.prefix(1).lowercased() + text.dropFirst() }
        var indonesian = AlignFixtures.indonesian, english = AlignFixtures.english
        indonesian[3] += " " + lowerFirst(indonesian.remove(at: 4))
        english[3] += " i got a slight fever too since yesterday morning " + english.remove(at: 4)
        let result = SentenceAligner(lexicon: lexicon).align(indonesian: [indonesian], english: [english])
        XCTAssertTrue(result.pairs.contains { $0.indonesian == lowerFirst(AlignFixtures.indonesian[4]) && $0.english == AlignFixtures.english[4] })
        XCTAssertTrue(result.pairs.contains { $0.indonesian.isEmpty && $0.english == "i got a slight fever too since yesterday morning" })
        // With one round only, the line stays glued to its sentence.
        var parameters = AlignmentParameters()
        parameters.cutRounds = 1
        let once = SentenceAligner(lexicon: lexicon, parameters: parameters).align(indonesian: [indonesian], english: [english])
        XCTAssertFalse(once.pairs.contains { $0.english == "i got a slight fever too since yesterday morning" })
    }

    func testWeakCutPointsAtCapitalsWithoutSentenceEnd() {
        // No cut after a capitalised word: `PT Pertamina` stays whole.
        let text = "i have had a headache since yesterday Rice prices in the PT Pertamina area rose: Officials (BPS) Said so. Then"
        let points = AlignmentPass.cutPoints(text, atCapitals: true)
        XCTAssertEqual(points.map { text[$0.index...].dropFirst().prefix(4) }, ["Rice", "PT P", "Offi", "Said", "Then"])
        XCTAssertEqual(points.map(\.sentenceEnd), [false, false, false, false, true])
        XCTAssertEqual(AlignmentPass.cutPoints(text).count, 1)
    }

    func testLineGluedOnWithoutSentenceEndIsCutOff() {
        var english = AlignFixtures.english
        english[3] = "i got a slight fever too since yesterday morning " + english[3]
        let result = SentenceAligner(lexicon: lexicon).align(indonesian: [AlignFixtures.indonesian], english: [english])
        let pair = result.pairs.first { $0.indonesian == AlignFixtures.indonesian[3] }
        XCTAssertEqual(pair?.english, AlignFixtures.english[3])
        XCTAssertTrue(result.pairs.contains { $0.indonesian.isEmpty && $0.english == "i got a slight fever too since yesterday morning" })
    }

    func testMergeMembers() {
        // A real 2-1: both Indonesian sentences add to it.
        let english = AlignFixtures.merged(AlignFixtures.english[2], AlignFixtures.english[8])
        let real = pass([AlignFixtures.indonesian[2], AlignFixtures.indonesian[8]], [english])
        XCTAssertGreaterThan(real.memberGain([0, 1], [0], indonesianMember: 0), 5)
        XCTAssertGreaterThan(real.memberGain([0, 1], [0], indonesianMember: 1), 5)
        // A sentence left untranslated next to one that was: it takes away, even where it shares
        // the other's words (`pengungsi`), which the translated sentence explains.
        let extra = "Jumlah pengungsi di Bekasi terus bertambah karena hujan deras belum berhenti."
        let loose = pass([extra, AlignFixtures.indonesian[2]], [AlignFixtures.english[2]])
        XCTAssertLessThan(loose.memberGain([0, 1], [0], indonesianMember: 0), -4)
        var beads = [AlignmentBead(indonesian: [0, 1], english: [0], confidence: 0, lexicalCoverage: 0, lengthScore: 0)]
        loose.splitMerges(&beads)
        XCTAssertEqual(beads.map(\.kind), ["1-0", "1-1"])
        XCTAssertEqual(beads[1].indonesian, [1])
    }

    /// A word a merge's sentence shares with its sibling counts nothing when the other side has a
    /// counterpart for each copy, and counts as missing when it has fewer: one `eyes` cannot
    /// translate two `mata`.
    func testASharedWordNeedsACounterpartForEachCopy() {
        let indonesian = ["Dokter memeriksa mata pasien.", "Mata pasien merah."]
        let once = pass(indonesian, ["The doctor examined the patient's eyes."])
        let twice = pass(indonesian, ["The doctor examined the patient's eyes and found the patient's eyes red."])
        func shared(_ pass: AlignmentPass) -> (found: Bool, neutral: Bool) {
            let found = pass.id.matchMasks(item: 1, against: pass.en, otherItem: 0).mine
            XCTAssertEqual(found.0 & 1, 1, "mata finds eyes")
            let result = pass.sharedCounterparts(member: 1, indonesian: true, siblings: [0], partners: [0], found: found)
            return (result.found.0 & 1 != 0, result.neutral.0 & 1 != 0)
        }
        XCTAssertFalse(shared(once).found)
        XCTAssertFalse(shared(once).neutral)
        XCTAssertTrue(shared(twice).neutral)
        XCTAssertLessThan(once.memberGain([0, 1], [0], indonesianMember: 1), twice.memberGain([0, 1], [0], indonesianMember: 1))
    }

    func testAMergedSentenceExplainsOneWordPerCopy() {
        // `hands` once, in a sentence glued to a merge, explains one `tangan` of two; twice, both.
        let indonesian = ["Pasien mengangkat tangan kiri lalu tangan kanan."]
        func explained(_ member: String) -> Int {
            let pass = pass(indonesian, ["The patient lifted the left and then the right.", member])
            let without = pass.id.matchMasks(item: 0, against: pass.en, otherItem: 0).mine
            let with = pass.union([without, pass.id.matchMasks(item: 0, against: pass.en, otherItem: 1).mine])
            var used: [Int32: Int] = [:]
            let result = pass.explained(by: 1, indonesian: false, item: 0, found: with, without: without, used: &used)
            XCTAssertEqual(with.0.nonzeroBitCount - without.0.nonzeroBitCount, 2, "both tangan find hands")
            return result.0.nonzeroBitCount - without.0.nonzeroBitCount
        }
        XCTAssertEqual(explained("Wash your hands."), 1)
        XCTAssertEqual(explained("Wash your hands and dry your hands."), 2)
    }

    func testMovedParagraphIsStillPaired() {
        // The English desk moved the third paragraph up: its links cross the second's.
        let id = AlignFixtures.indonesian
        let en = AlignFixtures.english
        let indonesian = [Array(id[0..<4]), Array(id[4..<6]), Array(id[6..<8]), Array(id[8..<12])]
        let english = [Array(en[0..<4]), Array(en[6..<8]), Array(en[4..<6]), Array(en[8..<12])]
        let result = SentenceAligner(lexicon: lexicon).align(indonesian: indonesian, english: english)
        let pairs = Set(result.beads.filter { $0.kind == "1-1" }.map { "\(id[$0.indonesian[0]].prefix(20))|\(result.englishSentences[$0.english[0]].prefix(20))" })
        for k in 0..<12 {
            XCTAssertTrue(pairs.contains("\(id[k].prefix(20))|\(en[k].prefix(20))"), "sentence \(k): \(pairs)")
        }
        for bead in result.beads where bead.kind == "1-1" { XCTAssertGreaterThan(bead.confidence, 0.5) }
    }

    func testUnrelatedTextsScoreLowAndAreRejected() {
        let indonesian = [
            "Menteri Luar Negeri Indonesia bertemu dengan Menteri Luar Negeri Jepang di Tokyo pada Selasa.",
            "Kedua menteri sepakat memperkuat patroli bersama di perairan internasional.",
            "Nilai perdagangan kedua negara tahun lalu mencapai 32 miliar dolar AS.",
            "Jepang merupakan salah satu investor terbesar di Indonesia, terutama di sektor otomotif.",
            "Menlu Jepang dijadwalkan berkunjung ke Jakarta pada Oktober.",
        ]
        let english = [
            "A magnitude 5.8 earthquake struck Mamuju district in West Sulawesi on Thursday morning.",
            "The local disaster mitigation agency said three people suffered minor injuries.",
            "The agency recorded six aftershocks within four hours.",
            "Residents were advised to stay away from cracked buildings.",
            "The district government opened two shelters for displaced families.",
        ]
        let result = SentenceAligner(lexicon: lexicon).align(indonesian: [indonesian], english: [english])
        for bead in result.beads where !bead.indonesian.isEmpty && !bead.english.isEmpty {
            XCTAssertLessThan(bead.confidence, 0.5, "\(bead)")
        }
        let verdict = AlignmentVerdict(result)
        XCTAssertFalse(verdict.looksTranslated)
        XCTAssertTrue(verdict.explanation.contains("0 of 5 Indonesian sentences"), verdict.explanation)

        let translated = SentenceAligner(lexicon: lexicon).align(indonesian: [AlignFixtures.indonesian], english: [AlignFixtures.english])
        XCTAssertTrue(AlignmentVerdict(translated).looksTranslated)
        XCTAssertEqual(AlignmentVerdict(translated).share, 1)
    }

    func testRejectedSessionStoresNothingAndZeroesEveryPair() throws {
        let id = AlignmentDocument(path: "a.id.txt", paragraphs: [Array(AlignFixtures.indonesian[0..<6])])
        let en = AlignmentDocument(path: "b.en.txt", paragraphs: [Array(AlignFixtures.english[6..<12])])
        let session = AlignmentSession(indonesian: id, english: en, lexicon: lexicon, store: nil)
        let outcome = try session.run(minimumConfidence: 0, store: false)
        XCTAssertTrue(outcome.report.rejected)
        XCTAssertTrue(outcome.pairs.allSatisfy { $0.confidence == 0 })
        XCTAssertTrue(outcome.result.beads.allSatisfy { $0.confidence == 0 })
        XCTAssertEqual(outcome.report.belowThreshold, outcome.pairs.filter(\.isPair).count)
        let forced = try session.run(minimumConfidence: 0, store: false, force: true)
        XCTAssertFalse(forced.report.rejected)
        XCTAssertFalse(forced.report.verdict.looksTranslated)
    }
}
