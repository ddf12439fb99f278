import XCTest
@testable import TranslationMemory

/// The recogniser's hard cases: conventions, scale words, what is not a quantity, and words that
/// are quantities only in some places.
final class QuantityRecognizerTests: XCTestCase {
    private func found(_ text: String, _ language: ArticleLanguage) -> [Quantity] {
        QuantityRecognizer(language: language).quantities(in: text)
    }

    private func only(_ text: String, _ language: ArticleLanguage, file: StaticString = #filePath, line: UInt = #line) throws -> Quantity {
        let all = found(text, language)
        XCTAssertEqual(all.count, 1, "\(text): \(all.map(\.text))", file: file, line: line)
        return try XCTUnwrap(all.first, file: file, line: line)
    }

    func testTheLanguageDecidesASingleSeparatorBeforeThreeDigits() throws {
        XCTAssertEqual(try only("Sebanyak 1.500 orang", .indonesian).value.key, "1500")
        XCTAssertEqual(try only("a ratio of 1.500 was", .english).value.key, "1.5")
        XCTAssertEqual(try only("naik 1,500 kali lipat", .indonesian).value.key, "1.5")
        XCTAssertEqual(try only("some 1,500 people", .english).value.key, "1500")
        let english = try only("ratio of 1.500 here", .english)
        XCTAssertEqual(english.form.numeral.fractionDigits, 3)
        XCTAssertEqual(QuantityRenderer().render(english, in: .indonesian), "1,500")
    }

    func testOtherFiguresSayTheirConventionThemselves() throws {
        let indonesian = try only("Rp1.500.000,50", .english)
        XCTAssertEqual(indonesian.value.key, "IDR 1500000.5")
        XCTAssertEqual(indonesian.form.numeral.convention, .indonesian)
        let english = try only("dana 1,500,000.50 dikucurkan", .indonesian)
        XCTAssertEqual(english.value.key, "1500000.5")
        XCTAssertEqual(english.form.numeral.convention, .english)
        XCTAssertEqual(try only("naik 2.5 persen", .indonesian).value.key, "2.5")
        XCTAssertEqual(try only("up 3,2 percent", .english).value.key, "3.2")
        XCTAssertEqual(try only("sebanyak 1.500.000 orang", .indonesian).value.key, "1500000")
        XCTAssertEqual(found("kode 1.50.000 dan 1.2,3", .indonesian).map(\.text), [])
        XCTAssertEqual(try only("stok 2,50 ton", .indonesian).form.numeral.fractionDigits, 2)
    }

    func testScaleWordsAreTheirOwnPowersOfTen() throws {
        let values = ["1 ribu": "1000", "1 juta": "1000000", "1 miliar": "1000000000", "1 milyar": "1000000000",
                      "1 triliun": "1000000000000", "10 rb": "10000", "10 jt": "10000000"]
        for (text, value) in values {
            XCTAssertEqual(try only("sebanyak \(text) orang", .indonesian).value.key, value, text)
        }
        for (text, value) in ["1 thousand": "1000", "1 million": "1000000", "1 billion": "1000000000", "1 trillion": "1000000000000",
                              "2 bln": "2000000000", "2 bn": "2000000000", "2 mln": "2000000"] {
            XCTAssertEqual(try only("some \(text) people", .english).value.key, value, text)
        }
        let money = try only("Rp3,2 triliun", .indonesian)
        XCTAssertEqual(money.value.amounts, [QuantityAmount(figure: Decimal(string: "3.2")!, scale: .trillion)])
    }

    func testAnAmountWithItsScaleAndCurrencyIsOneQuantity() throws {
        let quantity = try only("senilai 4,75 juta dolar AS tahun ini", .indonesian)
        XCTAssertEqual(quantity.text, "4,75 juta dolar AS")
        XCTAssertEqual(quantity.kind, .money)
        XCTAssertEqual(quantity.value.currency, "USD")
        XCTAssertEqual(quantity.form.unit?.position, .after)
        XCTAssertEqual(quantity.form.scale?.spelling, "juta")
        XCTAssertEqual(try only("worth 4.75 million U.S. dollars", .english).text, "4.75 million U.S. dollars")
    }

    func testTheSameValueWhateverTheFormAndLanguage() throws {
        let forms = [try only("Rp3,2 triliun", .indonesian), try only("Rp3.200 miliar", .indonesian),
                     try only("Rp3.200.000.000.000", .indonesian), try only("3,2 triliun rupiah", .indonesian),
                     try only("Rp3.2 trillion", .english), try only("IDR 3.2 trillion", .english), try only("3.2 trillion rupiah", .english)]
        for quantity in forms { XCTAssertTrue(quantity.sameValue(as: forms[0]), quantity.text) }
        XCTAssertFalse(try only("Rp3,2 miliar", .indonesian).sameValue(as: forms[0]))
        XCTAssertFalse(try only("3,2 triliun dolar AS", .indonesian).sameValue(as: forms[0]))
        XCTAssertEqual(forms[0].key, "money IDR 3200000000000")
    }

    func testHeadlineScalesOnlyAfterACurrency() throws {
        XCTAssertEqual(try only("LABA RP500 M", .indonesian).value.key, "IDR 500000000000")
        XCTAssertEqual(try only("Rp3,2T", .indonesian).value.key, "IDR 3200000000000")
        XCTAssertEqual(try only("sebanyak 500 M", .indonesian).value.key, "500")
        XCTAssertEqual(try only("exports of $4.75m", .english).value.key, "USD 4750000")
        let metres = try only("the 100m sprint", .english)
        XCTAssertEqual(metres.kind, .measure)
        XCTAssertEqual(metres.value.unit, .meter)
    }

    func testGluedFiguresAreNoQuantities() {
        XCTAssertEqual(found("Pandemi COVID-19 dan KTT G20 di era 5G, skor 3-1.", .indonesian).map(\.text), [])
        XCTAssertEqual(found("UU Nomor 11/2020 dan putusan 5/2023/PN, pesawat Su-30.", .indonesian).map(\.text), [])
        XCTAssertEqual(found("In the 1990s, the B737 and the F-16 flew.", .english).map(\.text), [])
        XCTAssertEqual(found("Tim menang 3-1 atas lawannya, lalu 2-3 orang pulang.", .indonesian).map(\.text), ["2-3"])
    }

    func testSlashesAreDatesInContextAndFractionsElsewhere() throws {
        let half = try only("sekitar 1/2 wilayah", .indonesian)
        XCTAssertEqual(half.kind, .number)
        XCTAssertEqual(half.form.numeral.fraction, [1, 2])
        XCTAssertEqual(try only("sebanyak 7/8 bagian", .indonesian).value.key, "0.875")
        XCTAssertEqual(try only("about 7/8 of it", .english).value.key, "0.875")
        XCTAssertEqual(try only("hanya ½ porsi", .indonesian).value.key, "0.5")
        XCTAssertEqual(found("pada Senin (7/8) lalu", .indonesian).map(\.kind), [.weekday, .date])
        for text in ["digelar tanggal 7/8", "digelar tgl. 7/8", "digelar 7/8/2023", "digelar 7/8/23"] {
            let date = try only(text, .indonesian)
            XCTAssertEqual(date.kind, .date, text)
            XCTAssertEqual(date.value.date?.day, 7, text)
            XCTAssertEqual(date.value.date?.month, 8, text)
        }
        XCTAssertEqual(try only("digelar 7/8/23", .indonesian).value.date?.year, 2023)
    }

    func testMingguIsAWeekdayOnlyWhenItNamesADay() {
        XCTAssertEqual(found("Minggu lalu harga naik, minggu depan turun.", .indonesian).map(\.text), [])
        XCTAssertEqual(found("Pawai digelar Minggu (6/8) pagi.", .indonesian).map(\.kind), [.weekday, .date])
        XCTAssertEqual(found("rapat pada senin pagi", .indonesian).map(\.text), [])
    }

    func testKeduaMeansSecondOrBoth() {
        XCTAssertEqual(found("Pertemuan antara kedua negara dan kedua belah pihak.", .indonesian).map(\.text), [])
        XCTAssertEqual(found("Kedua negara sepakat.", .indonesian).map(\.text), [])
        XCTAssertEqual(found("Ia lolos ke putaran kedua.", .indonesian).map(\.text), ["kedua"])
        XCTAssertEqual(found("Kedua, anggaran ditambah.", .indonesian).map(\.text), ["Kedua"])
        XCTAssertEqual(found("Ini kunjungan ketiga kali ke Papua.", .indonesian).map(\.text), ["ketiga"])
    }

    func testJamBeforeAFigureIsATimeAndAfterOneADuration() throws {
        XCTAssertEqual(found("Perjalanan ditempuh dalam 3 jam 15 menit, buka 24 jam.", .indonesian).filter { $0.kind == .time }.map(\.text), [])
        let hours = ["jam 7 pagi": 7, "jam 7 malam": 19, "jam 12 malam": 0, "jam 1 siang": 13, "pukul 3 sore": 15,
                     "pukul 11 siang": 11, "pukul 2 dini hari": 2, "pukul 19.30": 19]
        for (text, hour) in hours {
            XCTAssertEqual(try only("Acara dimulai \(text).", .indonesian).value.times.first?.hour, hour, text)
        }
        for (text, hour) in ["12 a.m.": 0, "12 p.m.": 12, "12:30 a.m.": 0, "1 p.m.": 13, "11:59 p.m.": 23] {
            XCTAssertEqual(try only("It began at \(text) on the dot", .english).value.times.first?.hour, hour, text)
        }
        let ambiguous = try only("It opens at 10:30 every day", .english)
        XCTAssertEqual(ambiguous.value.times.first, ClockTime(hour: 10, minute: 30, twelveHour: true))
        XCTAssertEqual(found("Skor akhir 10.30 poin", .indonesian).first?.kind, .measure)
    }

    /// A figure after `pukul` is a clock time exactly when it reads as one or two digits of hours
    /// up to 24 and, after one `.` or `:`, two digits of minutes under 60; the time keeps them.
    func testFiguresAfterATimeMarkerAreTimesOnlyWhenTheyReadAsAClock() {
        var figures = ["10.30.15", "1.000.000", "7:30:00"]
        for hours in ["0", "7", "07", "12", "24", "25", "99", "123"] {
            figures.append(hours)
            for separator in [".", ":", ","] {
                for minutes in ["0", "00", "05", "30", "59", "60", "99", "100"] { figures.append(hours + separator + minutes) }
            }
        }
        for figure in figures {
            let parts = figure.split { $0 == "." || $0 == ":" }
            var expected: (hour: Int, minute: Int)?
            if !figure.contains(","), parts.count <= 2, parts[0].count <= 2, let hour = Int(parts[0]), hour <= 24 {
                if parts.count == 1 {
                    expected = (hour, 0)
                } else if parts[1].count == 2, let minute = Int(parts[1]), minute < 60 {
                    expected = (hour, minute)
                }
            }
            let times = found("Rapat dimulai pukul \(figure) WIB di Jakarta.", .indonesian).filter { $0.kind == .time }
            XCTAssertEqual(times.count, expected == nil ? 0 : 1, figure)
            if let expected, let clock = times.first?.value.times.first {
                XCTAssertEqual(clock.minute, expected.minute, figure)
                XCTAssertEqual(clock.hour % 24, expected.hour % 24, figure)
            }
        }
    }

    func testEnglishMonthsThatAreWords() {
        XCTAssertEqual(found("It may rain in March 2024 and on May 1.", .english).map(\.text), ["March 2024", "May 1"])
        XCTAssertEqual(found("May said the March was long.", .english).map(\.text), [])
        XCTAssertEqual(found("Data Agustus dirilis; harga mei turun.", .indonesian).map(\.text), ["Agustus"])
    }

    func testRangesScaleAndCurrency() throws {
        let range = try only("kebutuhan Rp2-3 triliun", .indonesian)
        XCTAssertEqual(range.value.amounts.map(\.scale), [.trillion, .trillion])
        XCTAssertEqual(try only("naik 2,5%-3% tahun ini", .indonesian).value.key, "2.5 3")
        XCTAssertEqual(try only("antara 2 s.d. 3 persen", .indonesian).value.key, "2 3")
        // A word joins a range only between bare figures: this is a change, two quantities.
        XCTAssertEqual(found("rose from 5 percent to 10 percent", .english).map(\.text), ["5 percent", "10 percent"])
        XCTAssertEqual(found("Periode 2020-2024 dan APBN 2023/2024", .indonesian).map(\.kind), [.year, .year])
    }

    func testRangesAreScalarOffsetsIntoTheText() {
        let text = "Café “Aroma” di Jl. Braga: Rp3,2 triliun 😀 pada Senin (7/8) pukul 10.30 WITA, 30°C."
        let scalars = Array(text.unicodeScalars)
        let quantities = found(text, .indonesian)
        XCTAssertEqual(quantities.map(\.text), ["Rp3,2 triliun", "Senin", "7/8", "pukul 10.30 WITA", "30°C"])
        for quantity in quantities {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[quantity.range])
            XCTAssertEqual(String(view), quantity.text)
        }
        let words = WordTokenizer.tokenize(text)
        let senin = quantities[1]
        XCTAssertTrue(words.contains { $0.start == senin.range.lowerBound && $0.end == senin.range.upperBound })
    }

    func testQuantitiesAreCodableValues() throws {
        let quantities = found("Rp3,2 triliun pada Senin (7/8) pukul 10.30 WIB, naik 2,5 persen, HUT ke-78.", .indonesian)
        XCTAssertEqual(quantities.count, 6)
        let data = try JSONEncoder().encode(quantities)
        XCTAssertEqual(try JSONDecoder().decode([Quantity].self, from: data), quantities)
    }

    func testLanguageOfAMemoryCode() {
        XCTAssertEqual(ArticleLanguage(code: LanguageCode("in-ID")), .indonesian)
        XCTAssertEqual(ArticleLanguage(code: LanguageCode("EN-gb")), .english)
        XCTAssertNil(ArticleLanguage(code: LanguageCode("fr")))
    }

    func testKindsAreTheQAChecksVocabulary() {
        XCTAssertEqual(QuantityKind.allCases.map(\.rawValue),
                       ["number", "money", "percent", "range", "time", "date", "weekday", "year", "ordinal", "measure"])
        XCTAssertEqual(QuantityKind.allCases.map(\.checkID),
                       ["numbers", "money", "percent", "ranges", "times", "dates", "weekdays", "years", "ordinals", "measures"])
    }
}

/// The byte pre-scan that spares the recogniser texts with no quantity (`mayHoldQuantity`) and
/// the keys-only walk of the index (`FuzzyTokenizer.keys`) change no result.
final class QuantityPreScanTests: XCTestCase {
    static let texts = [
        "Pemerintah meminta warga tetap tinggal di rumah selama wabah.",
        "The government asked residents to stay home during the outbreak.",
        "Harga naik menjadi Rp3,2 triliun pada Senin (7/8).",
        "Prices rose to $3.2 billion on Monday, officials said.",
        "Kunjungan ke-78 itu berlangsung pukul 10.30 WIB.",
        "Dua ratus orang hadir; sepertiga di antaranya perempuan.",
        "Two hundred people came, a third of them women.",
        "Jum'at lalu, negara-negara anggota bertemu.",
        "It's the virus' second wave -- don't panic!",
        "Inflasi 5 % tahun ini, turun dari tahun lalu.",
        "Il était une fois à Paris, café crème.",
        "Suhu mencapai ½ derajat di atas normal.",
        "In May the rate fell; on March 3 it rose.",
        "Pada Januari, kasus baru turun tajam.",
    ]

    func testThePreScanRulesOutOnlyTextsWithoutQuantities() {
        for language in [ArticleLanguage.indonesian, .english] {
            let recognizer = QuantityRecognizer(language: language)
            var ruledOut = 0
            for text in Self.texts {
                let read = recognizer.readQuantities(in: text)
                if !recognizer.mayHoldQuantity(text) {
                    ruledOut += 1
                    XCTAssertEqual(read.map(\.text), [], "\(language): \(text)")
                }
                XCTAssertEqual(recognizer.quantities(in: text).map(\.text), read.map(\.text), "\(language): \(text)")
            }
            XCTAssertGreaterThan(ruledOut, 0, "\(language): the pre-scan spared no text")
        }
    }

    func testEveryWordAQuantityWithoutAFigureHoldsKeepsTheText() {
        for language in [ArticleLanguage.indonesian, .english] {
            let recognizer = QuantityRecognizer(language: language)
            let lexicon = QuantityLexicon.of(language)
            for word in lexicon.figurelessTriggers {
                for written in [word, word.uppercased(), word.prefix(1).uppercased() + word.dropFirst()] {
                    XCTAssertTrue(recognizer.mayHoldQuantity("kata \(written) lain"), "\(language): \(written)")
                }
            }
            for text in ["kata 5 lain", "kata ½ lain", "kata é lain"] { XCTAssertTrue(recognizer.mayHoldQuantity(text), text) }
            XCTAssertFalse(recognizer.mayHoldQuantity("kata lain"))
        }
        // Words that only go with a figure do not make the text lexed.
        XCTAssertFalse(QuantityRecognizer(language: .english).mayHoldQuantity("Go to the local market - on the way."))
        XCTAssertFalse(QuantityRecognizer(language: .indonesian).mayHoldQuantity("Dia pergi ke pasar dengan temannya - sampai sore."))
    }

    /// Texts without figures made of every word and symbol the phrase tables and readers know
    /// (each in three cases), glued or spaced at random: any quantity read in one is read in a
    /// text the pre-scan keeps. Seeded, so a failure can be replayed.
    func testThePreScanKeepsEveryTextWithAQuantityWithoutAFigure() {
        for language in [ArticleLanguage.indonesian, .english] {
            let recognizer = QuantityRecognizer(language: language)
            let lexicon = QuantityLexicon.of(language)
            let vocabulary = lexicon.words.union(lexicon.startSymbols).filter { $0.unicodeScalars.allSatisfy { $0.value < 0x80 } }
                .union(["a", "an", "and", "of", "the", "day", "kata", "lain", "yang", ",", ".", "(", ")", "-", "/", ":"]).sorted()
            var random = SeededRandom(seed: language == .indonesian ? 0x5EED_1D : 0x5EED_E4)
            var read = 0
            for _ in 0..<20_000 {
                let text = random.text(of: vocabulary, words: 6)
                let found = recognizer.readQuantities(in: text)
                if !found.isEmpty { read += 1 }
                if !recognizer.mayHoldQuantity(text) {
                    XCTAssertEqual(found.map(\.text), [], "\(language): \(text)")
                }
            }
            // The texts do hold quantities: the test can fail.
            XCTAssertGreaterThan(read, 1_000, "\(language)")
        }
    }

    /// Texts made of every word and symbol the phrase tables know, figures of every shape the
    /// readers read and a few joiners, in three cases, glued or spaced at random: the readers,
    /// tried only at figures, start words and start symbols, read what they read when tried at
    /// every lexeme. Seeded, so a failure can be replayed.
    func testTheReadersStartOnlyAtFiguresStartWordsAndStartSymbols() {
        for language in [ArticleLanguage.indonesian, .english] {
            let recognizer = QuantityRecognizer(language: language)
            let lexicon = QuantityLexicon.of(language)
            let symbols = ["$", "%", "-", "–", "/", ".", ",", "(", ")", ":", "+", "½", "€", "£", "'"]
            let figures = ["1", "2", "5", "7", "8", "12", "19", "30", "78", "100", "2023", "1990", "10.30", "07.00", "10:30",
                           "3,2", "4.75", "1.500.000,50", "15.700", "1/2", "7/8/2023"]
            let vocabulary = lexicon.words.union(lexicon.startSymbols).union(symbols).union(figures)
                .union(["a", "an", "and", "of", "the", "day", "st", "th", "tanggal", "kata", "lain", "yang", "Bank"]).sorted()
            XCTAssertFalse(lexicon.startWords.contains("the"))
            XCTAssertFalse(lexicon.startSymbols.contains("-"))
            var random = SeededRandom(seed: language == .indonesian ? 0x5EED_57A1 : 0x5EED_57A2)
            var read = 0
            for _ in 0..<20_000 {
                let text = random.text(of: vocabulary, words: 8)
                let found = recognizer.readQuantities(in: text)
                if !found.isEmpty { read += 1 }
                XCTAssertEqual(found, recognizer.readQuantities(in: text, everyLexeme: true), "\(language): \(text)")
            }
            // The texts do hold quantities: the test can fail.
            XCTAssertGreaterThan(read, 5_000, "\(language)")
        }
    }

    /// Random ASCII texts of letters, figures, separators, apostrophes, white space and control
    /// bytes: the lexemes read from the bytes are those read from the scalars. Seeded.
    func testTheByteLexerLexesAsTheScalarLexer() {
        let alphabet = Array("aZ09.,:'\u{20}\t\n\r\u{0B}\u{0C}\u{01}-/$%()`@[{~\u{7F}")
        var random = SeededRandom(seed: 0x5EED_1E7E)
        var symbols = 0
        for _ in 0..<20_000 {
            let text = String((0..<random.next(below: 24)).map { _ in alphabet[random.next(below: alphabet.count)] })
            var utf8 = text
            let fromBytes = utf8.withUTF8 { QuantityLexer.lexASCII($0) }
            XCTAssertEqual(fromBytes, QuantityLexer.lex(Array(text.unicodeScalars)), text.debugDescription)
            symbols += fromBytes.filter { $0.kind == .symbol }.count
        }
        XCTAssertGreaterThan(symbols, 10_000)
    }

    /// Random texts of month names (in every case, `May`/`March` beside figures or not),
    /// figures with separators, quantity words, joiners and non-ASCII words, ASCII or not: the
    /// keys the index writes from a text's bytes are the scorer's. Seeded, so a failure can be
    /// replayed.
    func testIndexKeysAreTheScorersKeysOnRandomTexts() {
        let pieces = ["May", "may", "MAY", "March", "march", "Jan", "jan", "Januari", "januari", "Nopember", "Sept", "sept",
                      "3", "10.30", "1.500.000,50", "2-3", "7/8", "2023", "ke-78", "Rp3,2", "$4.75m", "%", "persen", "percent",
                      "juta", "million", "dua", "puluh", "two", "hundred", "Senin", "Monday", "pukul", "WIB", "negara-negara",
                      "Qur'an", "don't", "it's", "crème", "Café", "cafe\u{301}", "Ijazah", "½", "٣", "-", ",", ".", "(", ")", "'",
                      "rumah", "the", "A", "Z", "aZ"]
        var random = SeededRandom(seed: 0x5EED_4E75)
        func next(_ bound: Int) -> Int { random.next(below: bound) }
        var ascii = 0
        var months = 0
        for _ in 0..<6_000 {
            var text = next(5) == 0 ? " " : ""
            for _ in 0..<(1 + next(8)) {
                text += (text.isEmpty || next(5) == 0 ? "" : " ") + pieces[next(pieces.count)]
            }
            if text.utf8.allSatisfy({ $0 < 0x80 }) { ascii += 1 }
            for language in [ArticleLanguage.indonesian, .english] {
                let expected = FuzzySegment(text, language: language).keys
                if expected.contains(FuzzyTokenizer.monthKey) { months += 1 }
                XCTAssertEqual(FuzzyTokenizer.keys(text, language: language), expected, "\(language): \(text)")
            }
        }
        // Both paths and the month keys are exercised: the test can fail.
        XCTAssertGreaterThan(ascii, 1_000)
        XCTAssertGreaterThan(6_000 * 2 - ascii * 2, 1_000)
        XCTAssertGreaterThan(months, 1_000)
    }

    func testIndexKeysAreTheScorersKeys() {
        for language in [ArticleLanguage.indonesian, .english] {
            for text in Self.texts + ["  \(Self.texts[0])  ", ""] {
                XCTAssertEqual(FuzzyTokenizer.keys(text, language: language), FuzzySegment(text, language: language).keys,
                               "\(language): \(text)")
            }
        }
    }
}

/// Numbers from a seed, the same on every run, so that a failure can be replayed: SplitMix64
/// (Steele, Lea and Flood).
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A number in `0..<bound`.
    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }

    /// A text of 1 to `words` entries of `vocabulary`, each in lower case as listed, in capitals
    /// or capitalised, glued to the one before it one time in four, else after a space.
    mutating func text(of vocabulary: [String], words: Int) -> String {
        var text = ""
        for _ in 0..<(1 + next(below: words)) {
            var word = vocabulary[next(below: vocabulary.count)]
            switch next(below: 3) {
            case 0: word = word.uppercased()
            case 1: word = word.prefix(1).uppercased() + word.dropFirst()
            default: break
            }
            text += (text.isEmpty || next(below: 4) == 0 ? "" : " ") + word
        }
        return text
    }
}
