import Foundation
import XCTest
@testable import TranslationMemory

final class AlignTests: XCTestCase {
    static let lexicon: AlignmentLexicon = try! AlignmentLexicon.shipped()
    var aligner: SentenceAligner { SentenceAligner(lexicon: AlignTests.lexicon) }

    private func shapes(_ result: AlignmentResult) -> [String] {
        result.beads.map { "\($0.indonesian.map(String.init).joined(separator: "+"))-\($0.english.map(String.init).joined(separator: "+"))" }
    }

    // MARK: bead types

    func testOneToOne() {
        let result = aligner.align(indonesian: [AlignFixtures.indonesian], english: [AlignFixtures.english])
        XCTAssertEqual(result.beads.count, AlignFixtures.pairs.count)
        for (k, bead) in result.beads.enumerated() {
            XCTAssertEqual(bead.indonesian, [k])
            XCTAssertEqual(bead.english, [k])
            XCTAssertGreaterThan(bead.confidence, 0.5, "pair \(k)")
        }
        // The looser renderings (`Tim gabungan SAR` → `search and rescue team … swept away by the current`) score lower.
        XCTAssertGreaterThanOrEqual(result.beads.filter { $0.confidence > 0.9 }.count, 10)
    }

    func testTwoToOneAndOneToTwo() {
        var english = AlignFixtures.english
        english[2] = AlignFixtures.merged(english[2], english[3])
        english.remove(at: 3)
        var indonesian = AlignFixtures.indonesian
        indonesian[7] = AlignFixtures.merged(indonesian[7], indonesian[8])
        indonesian.remove(at: 8)
        let result = aligner.align(indonesian: [indonesian], english: [english])
        let list = shapes(result)
        XCTAssertTrue(list.contains("2+3-2"), "\(list)")       // two Indonesian sentences, one English
        XCTAssertTrue(list.contains("7-6+7"), "\(list)")       // one Indonesian sentence, two English
        XCTAssertEqual(result.pairs.first { $0.kind == "2-1" }?.english, english[2])
    }

    func testOneToZeroAndZeroToOne() {
        var english = AlignFixtures.english
        english.remove(at: 4)
        var indonesian = AlignFixtures.indonesian
        indonesian.remove(at: 9)
        let result = aligner.align(indonesian: [indonesian], english: [english])
        let list = shapes(result)
        XCTAssertTrue(list.contains("4-"), "\(list)")          // Indonesian sentence 4 left untranslated
        XCTAssertTrue(list.contains("-8"), "\(list)")          // English sentence 8 has no Indonesian
        XCTAssertEqual(list.filter { !$0.hasPrefix("-") && !$0.hasSuffix("-") }.count, AlignFixtures.pairs.count - 2)
    }

    func testForeignSentenceOnOneSideIsLeftUnaligned() {
        var english = AlignFixtures.english
        english.insert("Shares of the carmaker fell 3% in early trading in Tokyo after the recall was announced.", at: 5)
        let result = aligner.align(indonesian: [AlignFixtures.indonesian], english: [english])
        XCTAssertTrue(shapes(result).contains("-5"), "\(shapes(result))")
        XCTAssertLessThan(result.beads.first { $0.english == [5] }!.confidence, 1.01)
    }

    func testTwoToTwoWhenTheSplitCrosses() {
        // The translator cut the same two sentences at a different place.
        let indonesian = ["Gubernur meminta seluruh bupati menyiapkan dana darurat dan", "wali kota memeriksa tanggul sebelum musim hujan tiba."]
        let english = ["The governor asked all regents to prepare emergency funds", "and mayors to check the embankments before the rainy season arrives."]
        var parameters = AlignmentParameters()
        parameters.doubleMergeCost = 0
        parameters.mergeCost = 6
        let result = SentenceAligner(lexicon: AlignTests.lexicon, parameters: parameters).align(indonesian: [indonesian], english: [english])
        XCTAssertEqual(shapes(result), ["0+1-0+1"])
    }

    func testParagraphMarksAnchor() {
        // Two paragraphs; the second English paragraph lost its first sentence. The anchor keeps
        // the omission inside the second paragraph.
        let id1 = Array(AlignFixtures.indonesian[0..<4]), id2 = Array(AlignFixtures.indonesian[4..<8])
        let en1 = Array(AlignFixtures.english[0..<4]), en2 = Array(AlignFixtures.english[5..<8])
        let result = aligner.align(indonesian: [id1, id2], english: [en1, en2])
        XCTAssertEqual(shapes(result), ["0-0", "1-1", "2-2", "3-3", "4-", "5-4", "6-5", "7-6"])
        XCTAssertEqual(result.indonesianParagraphs, [0, 0, 0, 0, 1, 1, 1, 1])
    }

    func testEmptySideGivesOmissions() {
        let result = aligner.align(indonesian: [AlignFixtures.indonesian], english: [])
        XCTAssertEqual(result.beads.count, AlignFixtures.pairs.count)
        XCTAssertTrue(result.beads.allSatisfy { $0.english.isEmpty })
    }

    // MARK: band

    func testBandedTableFindsTheSamePathAsTheFullTable() {
        // A long document: the fixtures repeated with numbered variations, some omissions.
        var indonesian: [String] = [], english: [String] = []
        for round in 0..<12 {
            for (k, pair) in AlignFixtures.pairs.enumerated() {
                let number = round * 100 + k
                if (round * 7 + k) % 23 != 5 { indonesian.append(pair.0 + " Nomor \(number).") }
                if (round * 5 + k) % 29 != 3 { english.append(pair.1 + " Number \(number).") }
            }
        }
        // A block of 15 English sentences with no Indonesian counterpart pushes the path off the
        // length diagonal: the band must grow.
        english.insert(contentsOf: (0..<15).map { "Extra reporting paragraph \($0 + 9000) about a different topic entirely." }, at: 60)
        var full = AlignmentParameters()
        full.realign = false
        full.fullTableLimit = Int.max
        var banded = full
        banded.fullTableLimit = 0
        banded.bandWidth = 4
        let a = SentenceAligner(lexicon: AlignTests.lexicon, parameters: full).align(indonesian: [indonesian], english: [english])
        let b = SentenceAligner(lexicon: AlignTests.lexicon, parameters: banded).align(indonesian: [indonesian], english: [english])
        XCTAssertEqual(shapes(a), shapes(b))
        // Every English sentence (cuts included) is in exactly one bead, in order.
        XCTAssertEqual(b.beads.flatMap(\.english), Array(0..<b.englishSentences.count))
    }

    /// After cuts the texts are aligned again in a narrow band around the first path: the result
    /// is the full table's, on a long document with untranslated sentences glued to others (the
    /// cuts) and with a block that drives the path off the diagonal.
    func testRealignmentAfterCutsInTheGuidedBandEqualsTheFullTable() {
        var indonesian: [String] = [], english: [String] = []
        for round in 0..<10 {
            for (k, pair) in AlignFixtures.pairs.enumerated() {
                let number = round * 100 + k
                indonesian.append(pair.0 + " Nomor \(number).")
                var translation = pair.1 + " Number \(number)."
                if k == 3 { translation += " Shares of the carmaker Zentrova\(number) fell sharply in early trading in Tokyo after the recall." }
                english.append(translation)
            }
        }
        english.insert(contentsOf: (0..<12).map { "Extra reporting paragraph \($0 + 9000) about a different topic entirely." }, at: 40)
        var full = AlignmentParameters()
        full.fullTableLimit = Int.max
        var banded = full
        banded.fullTableLimit = 0
        let a = SentenceAligner(lexicon: AlignTests.lexicon, parameters: full).align(indonesian: [indonesian], english: [english])
        let b = SentenceAligner(lexicon: AlignTests.lexicon, parameters: banded).align(indonesian: [indonesian], english: [english])
        XCTAssertGreaterThan(b.englishSentences.count, english.count, "the glued sentences were cut")
        XCTAssertEqual(a.englishSentences, b.englishSentences)
        XCTAssertEqual(shapes(a), shapes(b))
        XCTAssertEqual(a.beads.map(\.confidence), b.beads.map(\.confidence))
    }

    // MARK: score parts

    func testLengthModelPrefersProportionalLengths() {
        let pass = AlignmentPass(indonesian: [["x"]], english: [["y"]], lexicon: AlignTests.lexicon, parameters: AlignmentParameters())
        XCTAssertGreaterThan(pass.lengthScore(idLength: 110, enLength: 96), pass.lengthScore(idLength: 110, enLength: 40))
        XCTAssertGreaterThan(pass.lengthScore(idLength: 110, enLength: 96), -1)
        XCTAssertLessThan(pass.lengthScore(idLength: 110, enLength: 300), -10)
    }

    func testLengthRatioFromTheMemory() {
        let pairs = (0..<150).map { k in (String(repeating: "a", count: 100 + k), String(repeating: "b", count: 85 + k * 85 / 100)) }
        let model = AlignmentLengthModel.estimate(from: pairs)
        XCTAssertNotNil(model)
        XCTAssertEqual(model!.ratio, 0.85, accuracy: 0.02)
        XCTAssertNil(AlignmentLengthModel.estimate(from: Array(pairs.prefix(20))))
    }

    func testNumbersInBothConventions() {
        XCTAssertTrue(Set(AlignmentLexicon.numberKeys("1.500,5", indonesian: true)).intersection(AlignmentLexicon.numberKeys("1,500.5", indonesian: false)).contains("#1500.5"))
        XCTAssertTrue(AlignmentLexicon.numberKeys("4.250", indonesian: true).contains("#4250"))
        XCTAssertTrue(AlignmentLexicon.numberKeys("4,250", indonesian: false).contains("#4250"))
        XCTAssertTrue(AlignmentLexicon.numberKeys("2,5", indonesian: true).contains("#2.5"))
        XCTAssertTrue(AlignmentLexicon.numberKeys("2.5", indonesian: false).contains("#2.5"))
        XCTAssertFalse(AlignmentLexicon.numberKeys("1.500", indonesian: true).contains("#1.5"))
        XCTAssertTrue(AlignmentLexicon.numberKeys("2-3", indonesian: true).contains("#3"))
        XCTAssertTrue(AlignmentLexicon.numberKeys("10.30", indonesian: true).contains("#1030"))
        XCTAssertTrue(AlignTests.lexicon.matches(indonesian: "Rp85.000", english: "85,000"))
        XCTAssertTrue(AlignTests.lexicon.matches(indonesian: "1.500,5", english: "1,500.5"))
        XCTAssertFalse(AlignTests.lexicon.matches(indonesian: "1.500", english: "1.5"))
    }

    func testFixedCorrespondences() {
        for (indonesian, english) in [("Februari", "February"), ("Sabtu", "Saturday"), ("AS", "U.S."), ("Rp", "rupiah"),
                                      ("Kamis", "Thursday"), ("Desember", "Dec"), ("Tiongkok", "China")] {
            XCTAssertTrue(AlignTests.lexicon.matches(indonesian: indonesian, english: english), "\(indonesian) / \(english)")
        }
        XCTAssertFalse(AlignTests.lexicon.matches(indonesian: "Sabtu", english: "Monday"))
    }

    func testLexiconWithAffixesAndIdenticalTokens() {
        XCTAssertTrue(AlignTests.lexicon.matches(indonesian: "pemerintah", english: "government"))
        XCTAssertTrue(AlignTests.lexicon.matches(indonesian: "sekolahnya", english: "school"))
        XCTAssertTrue(AlignTests.lexicon.matches(indonesian: "sekolah-sekolah", english: "schools"))
        XCTAssertTrue(AlignTests.lexicon.matches(indonesian: "Bekasi", english: "Bekasi"))
        XCTAssertTrue(AlignTests.lexicon.matches(indonesian: "COVID-19", english: "COVID-19"))
        XCTAssertTrue(AlignmentLexicon.indonesianStems("mengirimkan").contains("kirim"))
        XCTAssertTrue(AlignmentLexicon.indonesianStems("dipukul").contains("pukul"))
        XCTAssertTrue(AlignmentLexicon.indonesianStems("pemerintahnya").contains("pemerintah"))
        XCTAssertTrue(AlignmentLexicon.indonesianStems("negara-negara").contains("negara"))
        XCTAssertEqual(AlignmentLexicon.englishKey("U.S."), "us")
        XCTAssertEqual(AlignmentLexicon.englishKey("schools"), AlignmentLexicon.englishKey("school"))
    }

    /// Every inflected form meets its base, irregular forms included, and short words keep
    /// their own key (`one` is not `on`, `shed` is not `sh`).
    func testEnglishKeysMeetTheirBaseForm() {
        let families: [[String]] = [
            ["include", "includes", "included", "including"], ["use", "uses", "used", "using"],
            ["cause", "causes", "caused", "causing"], ["virus", "viruses"], ["disease", "diseases"],
            ["case", "cases"], ["stop", "stops", "stopped", "stopping"], ["study", "studies", "studied"],
            ["find", "found", "finds"], ["child", "children"], ["person", "people"], ["woman", "women"],
            ["die", "died", "dies", "dying"], ["make", "made", "making"], ["take", "took", "taken", "taking"],
            ["crisis", "crises"], ["agree", "agreed"], ["rapid", "rapidly"], ["wide", "widely"], ["easy", "easily"],
            ["possible", "possibly"], ["typical", "typically"], ["high", "higher", "highest"], ["large", "larger", "largest"],
            ["family", "families"],
        ]
        for family in families {
            let keys = Set(family.map(AlignmentLexicon.englishKey))
            XCTAssertEqual(keys.count, 1, "\(family) → \(keys)")
        }
        XCTAssertNotEqual(AlignmentLexicon.englishKey("one"), AlignmentLexicon.englishKey("on"))
        XCTAssertEqual(AlignmentLexicon.englishKey("shed"), "shed")
        XCTAssertEqual(AlignmentLexicon.englishKey("bring"), "bring")
        XCTAssertNotEqual(AlignmentLexicon.englishKey("need"), AlignmentLexicon.englishKey("ne"))
        for (short, other) in [("only", "on"), ("early", "ear"), ("number", "numb"), ("manner", "man"), ("liver", "live")] {
            XCTAssertNotEqual(AlignmentLexicon.englishKey(short), AlignmentLexicon.englishKey(other), short)
        }
    }

    /// The common words of news that the FreeDict list lacks or translates narrowly meet their
    /// English counterparts, inflected.
    func testTheCommonWordsOfNewsMeetTheirTranslations() {
        for (indonesian, english) in [("memiliki", "has"), ("termasuk", "including"), ("menggunakan", "used"),
                                      ("orang", "people"), ("kasus", "cases"), ("meninggal", "died"),
                                      ("mengatakan", "said"), ("ditemukan", "found"), ("anak-anak", "children"),
                                      ("wabah", "outbreak"), ("terkonfirmasi", "confirmed"), ("gempa", "earthquake")] {
            XCTAssertTrue(AlignTests.lexicon.matches(indonesian: indonesian, english: english), "\(indonesian) / \(english)")
        }
        XCTAssertFalse(AlignTests.lexicon.matches(indonesian: "memiliki", english: "earthquake"))
    }

    /// A pair is stored (0.5) only where the fitted model says it is right `wrongPairCost` times
    /// out of `wrongPairCost + 1`; a sentence left out keeps the fitted probability, and a pair
    /// whose words say it is no translation stays under 0.5.
    func testAStoredPairMustBeRightSixteenTimesInSeventeen() {
        var pair = AlignmentBead(indonesian: [3], english: [4], confidence: 0, lexicalCoverage: 0.5, lengthScore: -0.3)
        pair.evidence = 9
        pair.competingEvidence = -4
        pair.unmatchedEdge = -1.5
        let fitted = AlignmentCalibration.fittedProbability(pair)
        let odds = fitted / (1 - fitted) / AlignmentCalibration.wrongPairCost
        XCTAssertEqual(AlignmentCalibration.confidence(pair), odds / (1 + odds), accuracy: 1e-12)
        XCTAssertLessThan(AlignmentCalibration.confidence(pair), fitted)
        // The fitted probability at which a pair reaches 0.5.
        let edge = AlignmentCalibration.wrongPairCost / (AlignmentCalibration.wrongPairCost + 1)
        XCTAssertEqual(edge, 16.0 / 17.0, accuracy: 1e-12)

        var left = AlignmentBead(indonesian: [5], english: [], confidence: 0, lexicalCoverage: 0, lengthScore: 0)
        left.competingEvidence = 2
        XCTAssertEqual(AlignmentCalibration.confidence(left), AlignmentCalibration.fittedProbability(left), accuracy: 1e-12)

        pair.evidence = -0.2
        XCTAssertLessThan(AlignmentCalibration.confidence(pair), 0.5)
    }

    /// Months and weekdays count as figures: `Maret` meets `March` and not `January`; a name that
    /// is a common word too (`Minggu lalu`, `May I`) is read as a date only inside a sentence or
    /// next to a figure.
    func testMonthsAndWeekdaysCountAsFigures() {
        var table = AlignmentConceptTable(lexicon: AlignTests.lexicon)
        let indonesian = AlignmentTokenizedSide(paragraphs: [["Pada Senin, 2 Maret, menteri tiba.", "Minggu lalu hujan.", "Rapat digelar hari Minggu."]],
                                                indonesian: true, lexicon: AlignTests.lexicon, table: &table)
        let english = AlignmentTokenizedSide(paragraphs: [["On Monday, March 2, the minister arrived.", "In January it rained.", "May I ask?", "They met on 5 May."]],
                                             indonesian: false, lexicon: AlignTests.lexicon, table: &table)
        func forms(_ side: AlignmentTokenizedSide, _ word: String) -> [Int] { side.forms.indices.filter { side.forms[$0] == word } }
        func meet(_ a: String, _ b: String) -> Bool {
            forms(indonesian, a).contains { x in forms(english, b).contains { y in !Set(indonesian.formConcepts[x]).isDisjoint(with: english.formConcepts[y]) } }
        }
        XCTAssertEqual(forms(indonesian, "maret").map { indonesian.formClass[$0] }, [.number])
        XCTAssertEqual(forms(english, "march").map { english.formClass[$0] }, [.number])
        XCTAssertTrue(meet("maret", "march"))
        XCTAssertFalse(meet("maret", "january"))
        XCTAssertTrue(meet("senin", "monday"))
        // `Minggu lalu` (last week) opens its sentence: a word; `hari Minggu`: Sunday.
        XCTAssertEqual(Set(forms(indonesian, "minggu").map { indonesian.formClass[$0] == .number }), [false, true])
        // `May I ask?` is no month; `5 May` is.
        XCTAssertEqual(Set(forms(english, "may").map { english.formClass[$0] == .number }), [false, true])
    }

    func testCognates() {
        for (indonesian, english) in [("diplomasi", "diplomacy"), ("vaksin", "vaccines"), ("informasi", "information"),
                                      ("universitas", "university"), ("komunitas", "community"), ("proses", "process")] {
            XCTAssertNotNil(AlignmentLexicon.cognateKey(indonesian), indonesian)
            XCTAssertEqual(AlignmentLexicon.cognateKey(indonesian), AlignmentLexicon.cognateKey(english), "\(indonesian) / \(english)")
        }
        XCTAssertNotEqual(AlignmentLexicon.cognateKey("menteri"), AlignmentLexicon.cognateKey("mentioned"))
        XCTAssertNil(AlignmentLexicon.cognateKey("data"))
    }

    func testLexicalEvidenceSeparatesTranslationsFromOtherSentences() {
        let pass = AlignmentPass(indonesian: [AlignFixtures.indonesian], english: [AlignFixtures.english],
                                 lexicon: AlignTests.lexicon, parameters: AlignmentParameters())
        for k in 0..<AlignFixtures.pairs.count {
            let right = pass.evidence(k..<(k + 1), k..<(k + 1))!
            let wrong = pass.evidence(k..<(k + 1), ((k + 1) % AlignFixtures.pairs.count)..<((k + 1) % AlignFixtures.pairs.count + 1))!
            XCTAssertGreaterThan(right.coverage, wrong.coverage + 0.15, "sentence \(k)")
            XCTAssertGreaterThan(right.score, wrong.score, "sentence \(k)")
        }
    }

    // MARK: second pass and confidence

    func testRealignLearnsWordPairsFromConfidentLinks() {
        var lexicon = AlignmentLexicon()
        let pairs = [("zorbak merah datang", "the red zorbak came"), ("zorbak biru pergi", "a blue zorbak left"),
                     ("kelinci kuning tidur", "yellow rabbit sleeps"), ("kelinci hijau makan", "green rabbit eats")]
        let added = lexicon.learn(fromPairs: pairs.map { ($0.0.replacingOccurrences(of: "zorbak", with: "tembikar"), $0.1.replacingOccurrences(of: "zorbak", with: "pottery")) }, minimumCount: 2)
        XCTAssertGreaterThanOrEqual(added, 2)
        XCTAssertTrue(lexicon.matches(indonesian: "tembikar", english: "pottery"))
        XCTAssertTrue(lexicon.matches(indonesian: "kelinci", english: "rabbit"))
        XCTAssertFalse(lexicon.matches(indonesian: "kelinci", english: "pottery"))
    }

    func testConfidenceFollowsTheEvidence() {
        func bead(_ evidence: Double, competing: Double = -20, edge: Double = 0, length: Double = -0.3) -> AlignmentBead {
            AlignmentBead(indonesian: [0], english: [0], confidence: 0, lexicalCoverage: 0.5, lengthScore: length,
                          evidence: evidence, competingEvidence: competing, unmatchedEdge: edge, weakestMember: evidence)
        }
        XCTAssertGreaterThan(AlignmentCalibration.fittedProbability(bead(40)), 0.99)
        XCTAssertGreaterThan(AlignmentCalibration.confidence(bead(40)), 0.95)
        // Words that say "no translation" keep a pair under 0.5 whatever else it has going for it.
        XCTAssertLessThan(AlignmentCalibration.confidence(bead(-0.5, length: 0)), 0.5)
        XCTAssertLessThan(AlignmentCalibration.confidence(bead(-8, length: 0)), 0.01)
        // A competitor that explains the sentences better, a part without counterpart, a bad length fit: lower.
        XCTAssertLessThan(AlignmentCalibration.confidence(bead(10, competing: 25)), AlignmentCalibration.confidence(bead(10)))
        XCTAssertLessThan(AlignmentCalibration.confidence(bead(30, edge: -12)), AlignmentCalibration.confidence(bead(30)))
        XCTAssertLessThan(AlignmentCalibration.confidence(bead(10, length: -6)), AlignmentCalibration.confidence(bead(10)))
        // A pair or a merge between two sentences left out: more often two leftovers on one topic.
        var island = bead(10)
        island.adjacentOmissions = 2
        XCTAssertLessThan(AlignmentCalibration.confidence(island), AlignmentCalibration.confidence(bead(10)) - 0.05)
        var merge = bead(15)
        merge.indonesian = [0, 1]
        let amongPairs = AlignmentCalibration.confidence(merge)
        merge.adjacentOmissions = 2
        XCTAssertLessThan(AlignmentCalibration.confidence(merge), amongPairs - 0.3)
    }

    // MARK: input and output

    func testPresegmentedInput() throws {
        let document = try AlignmentDocument.presegmented(text: "Satu.\nDua.\n<p>\nTiga.\n\n<P>\nEmpat.\n", path: "x.txt")
        XCTAssertEqual(document.paragraphs, [["Satu.", "Dua."], ["Tiga."], ["Empat."]])
        XCTAssertThrowsError(try AlignmentDocument.presegmented(text: "<p>\n<p>\n", path: "x.txt")) { error in
            XCTAssertEqual(error as? TMError, TMError(.onlyParagraphMarks, path: "x.txt"))
        }
        XCTAssertThrowsError(try AlignmentDocument.presegmented(text: "\n \n", path: "e.txt")) { error in
            XCTAssertEqual(error as? TMError, TMError(.nothingToAlign, path: "e.txt"))
        }
    }

    func testTSVKeepsTextsAndMarksMissingSides() {
        let pairs = [AlignedPair(indonesian: "Satu\tdua.", english: "", confidence: 0.42, kind: "1-0", indonesianSentences: [0], englishSentences: [],
                                 coverage: 0, lengthScore: 0)]
        XCTAssertEqual(AlignmentFormat.tsv(pairs), "Satu dua.\t\t0.420\n")
    }

    func testLanguageCheckFindsSwappedFilesAndOneLanguageTwice() throws {
        let lexicon = AlignTests.lexicon
        XCTAssertEqual(AlignmentLanguageCheck.check(first: [AlignFixtures.indonesian], second: [AlignFixtures.english], lexicon: lexicon), .asGiven)
        XCTAssertEqual(AlignmentLanguageCheck.check(first: [AlignFixtures.english], second: [AlignFixtures.indonesian], lexicon: lexicon), .swapped)
        XCTAssertEqual(AlignmentLanguageCheck.check(first: [AlignFixtures.indonesian], second: [AlignFixtures.indonesian], lexicon: lexicon), .sameLanguage("id"))
        XCTAssertEqual(AlignmentLanguageCheck.check(first: [AlignFixtures.english], second: [AlignFixtures.english], lexicon: lexicon), .sameLanguage("en"))
        XCTAssertEqual(AlignmentLanguageCheck.check(first: [["Oke."]], second: [AlignFixtures.english], lexicon: lexicon), .asGiven)

        // `load` reads each file as the language its text is in.
        let texts = ["a.txt": AlignFixtures.english, "b.txt": AlignFixtures.indonesian]
        var reads: [String] = []
        let loaded = try AlignmentLanguageCheck.load(indonesianPath: "a.txt", englishPath: "b.txt", lexicon: lexicon) { path, language in
            reads.append("\(path) \(language)")
            return AlignmentDocument(path: path, paragraphs: [texts[path]!])
        }
        XCTAssertTrue(loaded.swapped)
        XCTAssertEqual(loaded.indonesian.path, "b.txt")
        XCTAssertEqual(loaded.english.path, "a.txt")
        XCTAssertEqual(reads.suffix(2), ["b.txt indonesian", "a.txt english"])
        XCTAssertThrowsError(try AlignmentLanguageCheck.load(indonesianPath: "b.txt", englishPath: "b.txt", lexicon: lexicon) { path, _ in
            AlignmentDocument(path: path, paragraphs: [texts[path]!])
        }) { error in
            XCTAssertEqual(error as? TMError, TMError(.sameLanguage(language: "Indonesian", other: "b.txt"), path: "b.txt"))
        }
    }

    func testReviewPageShowsPairsOmissionsAndMerges() throws {
        var english = AlignFixtures.english
        english[2] = AlignFixtures.merged(english[2], english[3])
        english.remove(at: 3)
        english.remove(at: 6)
        let indonesian = AlignFixtures.indonesian.map { $0.replacingOccurrences(of: "Bekasi", with: "Bekasi <b>&</script>") }
        let result = aligner.align(indonesian: [indonesian], english: [english])
        let id = AlignmentDocument(path: "a.id.txt", paragraphs: [indonesian], translator: "Siti Rahmawati")
        let en = AlignmentDocument(path: "a.en.txt", paragraphs: [english])
        let decisions = AlignmentDecisions(result: result, indonesian: .init(id, sentences: result.indonesianSentences, sha256: "0"),
                                           english: .init(en, sentences: result.englishSentences, sha256: "1"), minimumConfidence: 0.5)
        let page = try AlignmentReviewPage.html(result, indonesian: id, english: en, decisions: decisions)
        XCTAssertTrue(page.contains("Bekasi &lt;b&gt;&amp;"))
        XCTAssertFalse(page.contains("<b>&"))
        XCTAssertTrue(page.contains("merge 2-1"))
        XCTAssertTrue(page.contains("not translated"))
        XCTAssertTrue(page.contains("Translator: Siti Rahmawati"))
        XCTAssertFalse(page.contains("http"))
        XCTAssertFalse(page.contains(" src="), "no outside script or image")
        XCTAssertEqual(page.components(separatedBy: "<tr class=").count - 1, result.beads.count)
        // No sentence can end the script that carries the decisions.
        XCTAssertEqual(page.components(separatedBy: "</script>").count - 1, 2)
        XCTAssertEqual(page.components(separatedBy: "\" checked>").count - 1, decisions.chosen.count)
        XCTAssertTrue(page.contains("data-file=\"a.id.decisions.json\""))
    }

    /// An aligned sentence over libxml2's text limit would make the memory unreadable: it is
    /// counted and not stored (issue: fidelity, item 1).
    func testAPairTooLongToReadBackIsNotStored() {
        let session = AlignmentSession(indonesian: AlignmentDocument(path: "/x/a.id.txt", paragraphs: []),
                                       english: AlignmentDocument(path: "/x/a.en.txt", paragraphs: []), lexicon: AlignTests.lexicon, store: nil)
        let huge = String(repeating: "kata ", count: 2_100_000)
        let pairs = [("Pendek.", "Short."), (huge, "Long.")].map {
            AlignedPair(indonesian: $0.0, english: $0.1, confidence: 0.9, kind: "1-1", indonesianSentences: [0], englishSentences: [0],
                        coverage: 1, lengthScore: 0)
        }
        var report = AlignmentReport(indonesianFile: "a.id.txt", englishFile: "a.en.txt", pairs: [], stored: 0, alreadyStored: 0,
                                     belowThreshold: 0, learnedFromMemory: 0, learnedFromFirstPass: 0, lengthRatio: 1,
                                     verdict: AlignmentVerdict(reviewedIndonesian: 2, english: 2, pairedIndonesian: 2, pairedEnglish: 2))
        var existing = Set<UnitKey>()
        let units = session.unitsToAdd(pairs.map { session.makeUnit($0) }, existing: &existing, report: &report)
        XCTAssertEqual(units.map { $0.indonesianEnglishPair?.english }, ["Short."])
        XCTAssertEqual(report.tooLong, 1)
    }

    func testUnitsCarryProvenance() {
        let id = AlignmentDocument(path: "/x/berita.id.txt", paragraphs: [AlignFixtures.indonesian], translator: "Siti Rahmawati",
                                   reporter: "Andi Firdaus", editor: "Dewi Lestari", source: "Reuters")
        let en = AlignmentDocument(path: "/x/berita.en.txt", paragraphs: [AlignFixtures.english])
        var session = AlignmentSession(indonesian: id, english: en, lexicon: AlignTests.lexicon, store: nil)
        session.user = "someone"
        let pair = AlignedPair(indonesian: "a", english: "b", confidence: 0.8, kind: "2-1", indonesianSentences: [0, 1], englishSentences: [0],
                               coverage: 0.5, lengthScore: 0)
        let unit = session.makeUnit(pair)
        XCTAssertEqual(unit.attribute("creationid"), "Siti Rahmawati")
        XCTAssertEqual(unit.property("x-editor"), "Dewi Lestari")
        XCTAssertEqual(unit.property("x-source"), "Reuters")
        XCTAssertEqual(unit.property("x-indonesian-file"), "berita.id.txt")
        XCTAssertEqual(unit.property("x-alignment-confidence"), "0.800")
        XCTAssertEqual(unit.notes.count, 1)
        XCTAssertEqual(unit.indonesianEnglishPair?.english, "b")
        session.indonesian.translator = nil
        XCTAssertEqual(session.makeUnit(pair).attribute("creationid"), "Andi Firdaus")
        session.indonesian.reporter = nil
        XCTAssertEqual(session.makeUnit(pair).attribute("creationid"), "someone")
    }
}
