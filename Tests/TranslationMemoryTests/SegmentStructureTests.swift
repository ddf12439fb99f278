import XCTest
@testable import TranslationMemory

/// An article written for these tests in ANTARA's style (not taken from any corpus).
let segmentTestArticleID = """
Pemerintah percepat pembangunan jalan tol di Sumatera

Palembang (ANTARA) - Pemerintah menargetkan ruas tol Palembang–Jambi rampung pada 2025. Hal itu disampaikan Dr. Budi Santoso, S.T., M.T. di Jl. Merdeka No. 12, Palembang, pada Senin.

"Kami optimistis target itu tercapai," kata Budi. Anggaran yang disiapkan mencapai Rp1.500.000,50 miliar.

Baca juga: Tol Trans Sumatera capai 1.000 km

Pekerjaan dimulai pukul 10.30 WIB dan dihadiri Gubernur H. Ahmad Yani serta warga sekitar dll. Namun sebagian warga belum menerima ganti rugi.

Pewarta: Siti Rahmawati
Penerjemah: Andi Firdaus dan Dewi Lestari
Editor: Yuni Arisandy
Copyright © ANTARA 2024
"""

final class SegmentStructureTests: XCTestCase {
    func testArticleParts() throws {
        let article = try SentenceSegmenter(language: .indonesian).segment(article: segmentTestArticleID)
        XCTAssertEqual(article.title?.text, "Pemerintah percepat pembangunan jalan tol di Sumatera")
        XCTAssertEqual(article.dateline, Dateline(text: "Palembang (ANTARA) -", place: "Palembang", agency: "ANTARA", date: nil))
        XCTAssertEqual(article.paragraphs.map { $0.sentences.map(\.text) }, [
            ["Pemerintah menargetkan ruas tol Palembang–Jambi rampung pada 2025.",
             "Hal itu disampaikan Dr. Budi Santoso, S.T., M.T. di Jl. Merdeka No. 12, Palembang, pada Senin."],
            ["\"Kami optimistis target itu tercapai,\" kata Budi.",
             "Anggaran yang disiapkan mencapai Rp1.500.000,50 miliar."],
            ["Pekerjaan dimulai pukul 10.30 WIB dan dihadiri Gubernur H. Ahmad Yani serta warga sekitar dll.",
             "Namun sebagian warga belum menerima ganti rugi."],
        ])
        XCTAssertEqual(article.credits.map(\.kind), [.readAlso, .reporter, .translator, .editor, .copyright])
        XCTAssertEqual(article.credits[0].value, "Tol Trans Sumatera capai 1.000 km")
        XCTAssertEqual(article.credits[2].names, ["Andi Firdaus", "Dewi Lestari"])
        XCTAssertEqual(article.credits[2].line, 12)
        XCTAssertEqual(article.credits[4].names, ["ANTARA"])
        XCTAssertEqual(article.reporter, "Siti Rahmawati")
        XCTAssertEqual(article.translator, "Andi Firdaus, Dewi Lestari")
        XCTAssertEqual(article.editor, "Yuni Arisandy")
        XCTAssertNil(article.source)
    }

    func testOffsetsAreUnicodeScalarsIntoTheText() throws {
        let text = "Judul “berita” ini\n\nJakarta (ANTARA) - Harga naik 5%… Warga mengeluh. Ekspor ke Jepang turun—kata menteri.\n"
        let article = try SentenceSegmenter(language: .indonesian).segment(article: text)
        let scalars = Array(text.unicodeScalars)
        var all = article.paragraphs.flatMap(\.sentences)
        if let title = article.title { all.insert(title, at: 0) }
        XCTAssertEqual(all.count, 4)
        for sentence in all {
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[sentence.start..<sentence.end])), sentence.text)
        }
        XCTAssertEqual(all[1].text, "Harga naik 5%…")
    }

    func testOneParagraphPerLineAndEnglishCredits() throws {
        let text = """
        JAKARTA, 5 Feb (Reuters) - The U.S. envoy met Indonesian officials on Monday.
        He left on Tuesday.
        Reporter: Budi Santoso
        Editor: Rahmad Nasution
        Read also: Envoy to visit Jakarta
        COPYRIGHT © ANTARA 2023
        """
        let article = try SentenceSegmenter(language: .english).segment(article: text)
        XCTAssertNil(article.title)
        XCTAssertEqual(article.dateline?.place, "JAKARTA")
        XCTAssertEqual(article.dateline?.date, "5 Feb")
        XCTAssertEqual(article.dateline?.agency, "Reuters")
        XCTAssertEqual(article.paragraphs.map { $0.sentences.map(\.text) },
                       [["The U.S. envoy met Indonesian officials on Monday."], ["He left on Tuesday."]])
        XCTAssertEqual(article.reporter, "Budi Santoso")
        XCTAssertEqual(article.editor, "Rahmad Nasution")
        XCTAssertEqual(article.credits.map(\.kind), [.reporter, .editor, .readAlso, .copyright])
    }

    func testLanguageDetection() {
        XCTAssertEqual(SentenceSegmenter.detectLanguage(segmentTestArticleID), .indonesian)
        XCTAssertEqual(SentenceSegmenter.detectLanguage("The minister said that the plan was on track and it will be finished."), .english)
        XCTAssertEqual(SentenceSegmenter.detectLanguage("Menteri mengatakan bahwa rencana itu akan selesai pada tahun ini."), .indonesian)
    }

    func testDatelineForms() throws {
        let segmenter = try SentenceSegmenter(language: .english)
        let table: [(String, Dateline?, String)] = [
            ("Nusa Dua, Bali (ANTARA) - Delegates arrived.", Dateline(text: "Nusa Dua, Bali (ANTARA) -", place: "Nusa Dua", agency: "ANTARA", date: "Bali"), "Delegates arrived."),
            ("WASHINGTON (AP) — The Senate voted.", Dateline(text: "WASHINGTON (AP) —", place: "WASHINGTON", agency: "AP", date: nil), "The Senate voted."),
            ("Kuala Lumpur, 3/2 (ANTARA) - Ministers met.", Dateline(text: "Kuala Lumpur, 3/2 (ANTARA) -", place: "Kuala Lumpur", agency: "ANTARA", date: "3/2"), "Ministers met."),
            ("JAKARTA - Prices rose.", Dateline(text: "JAKARTA -", place: "JAKARTA", agency: nil, date: nil), "Prices rose."),
            ("Covid-19 - what we know now.", nil, "Covid-19 - what we know now."),
            ("Jakarta - Prices rose.", nil, "Jakarta - Prices rose."),
        ]
        for (text, dateline, first) in table {
            let article = segmenter.segment(article: text)
            XCTAssertEqual(article.dateline, dateline, text)
            XCTAssertEqual(article.paragraphs.first?.sentences.first?.text, first, text)
        }
    }

    func testCreditForms() throws {
        let text = """
        The talks ended on Friday.

        Sumber itu mengatakan: tidak ada perubahan.
        Source: Xinhua, AFP
        (Reporting by Ananda Teresia and Stanley Widianto; Editing by Kanupriya Kapoor)
        Foto: ANTARA/Budi Santoso
        Copyright © 2023 ANTARA. All rights reserved
        Editor:
        """
        let article = try SentenceSegmenter(language: .english).segment(article: text)
        XCTAssertEqual(article.credits.map(\.kind), [.source, .reporter, .editor, .photographer, .copyright])
        XCTAssertEqual(article.credits[0].names, ["Xinhua", "AFP"])
        XCTAssertEqual(article.credits[1].names, ["Ananda Teresia", "Stanley Widianto"])
        XCTAssertEqual(article.credits[2].names, ["Kanupriya Kapoor"])
        XCTAssertEqual(article.credits[4].names, ["ANTARA"])
        XCTAssertEqual(article.source, "Xinhua, AFP")
        XCTAssertEqual(article.editor, "Kanupriya Kapoor")
        // A body sentence that merely starts with a credit word, and an empty credit, stay text.
        XCTAssertEqual(article.paragraphs.map { $0.sentences.map(\.text) },
                       [["The talks ended on Friday."], ["Sumber itu mengatakan: tidak ada perubahan."], ["Editor:"]])
    }

    func testWrappedAndContinuedLines() throws {
        let text = """
        Pemerintah menargetkan pembangunan jalan tol sepanjang 1.000
        kilometer rampung pada akhir tahun depan. Menteri menyebut
        anggaran telah disiapkan sejak awal tahun ini oleh Kementerian
        Keuangan.

        Baris pertama berakhir tanpa titik
        dan baris ini melanjutkannya.
        """
        let article = try SentenceSegmenter(language: .indonesian).segment(article: text)
        XCTAssertEqual(article.paragraphs.count, 2)
        XCTAssertEqual(article.paragraphs[0].sentences.count, 2)
        XCTAssertEqual(article.paragraphs[0].sentences[1].text, "Menteri menyebut\nanggaran telah disiapkan sejak awal tahun ini oleh Kementerian\nKeuangan.")
        XCTAssertEqual(article.paragraphs[1].sentences.map(\.text), ["Baris pertama berakhir tanpa titik\ndan baris ini melanjutkannya."])
        XCTAssertNil(article.title)

        // Lines of the same length that each end a sentence are paragraphs, not wrapping.
        let list = try SentenceSegmenter(language: .indonesian).segment(article: """
        Harga beras di Pasar Induk naik menjadi Rp15.000 per kg.
        Harga gula pasir turun menjadi Rp14.000 per kilogram.
        Harga minyak goreng kemasan stabil di Rp18.000 per liter
        Pedagang berharap harga kembali normal menjelang Lebaran.
        """)
        XCTAssertEqual(list.paragraphs.count, 4)
    }

    func testTitleNeedsABodyAndNoFullStop() throws {
        let segmenter = try SentenceSegmenter(language: .english)
        XCTAssertEqual(segmenter.segment(article: "Will prices rise?\n\nEconomists expect so.").title?.text, "Will prices rise?")
        XCTAssertNil(segmenter.segment(article: "Prices rose.\n\nEconomists expected it.").title)
        XCTAssertNil(segmenter.segment(article: "Only a heading").title)
        XCTAssertEqual(segmenter.segment(article: "Only a heading").paragraphs.first?.sentences.first?.text, "Only a heading")
    }

    func testSampleArticlesWhenPresent() throws {
        // The real ANTARA sample in ../shared, when this checkout sits beside it.
        let base = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/samples").standardized
        let id = base.appendingPathComponent("antara-china-russia.id.txt").path
        guard FileManager.default.fileExists(atPath: id) else { throw XCTSkip("no ../shared/samples beside the checkout") }
        let article = try SentenceSegmenter(language: .indonesian).segment(article: try TextDecoding.readFile(id))
        XCTAssertEqual(article.dateline?.place, "Shanghai")
        XCTAssertEqual(article.translator, "Kenzu Tandiah")
        XCTAssertEqual(article.editor, "Atman Ahdiat")
        XCTAssertEqual(article.source, "Reuters")
        XCTAssertEqual(article.credits.filter { $0.kind == .readAlso }.count, 3)
        XCTAssertEqual(article.paragraphs.count, 13)
        XCTAssertEqual(article.sentences.count, 14)
    }

    /// Random texts made of the pieces the rules look at: no crash, and every sentence's offsets
    /// give back its text, in order.
    func testRandomTextsKeepTheOffsetContract() throws {
        let pieces = ["a", "A", "b", " ", "  ", ".", "?", "!", "…", "\"", "'", "“", "”", "’", "«", "»", "(", ")", "\n", "\n\n",
                      "\t", ":", ",", "-", "–", "•", "1", "9", "Dr.", "U.S.", "dll.", " J. ", "Baca juga: ", "Editor: ",
                      "Copyright © ", "Jakarta (ANTARA) - ", "\u{00A0}", "é", "Ş", "😀", "\u{200B}", "http://x.y/z.", "1. ", "- "]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        for round in 0..<400 {
            let text = (0..<next(80)).map { _ in pieces[next(pieces.count)] }.joined()
            let language: ArticleLanguage = round % 2 == 0 ? .indonesian : .english
            let article = try SentenceSegmenter(language: language).segment(article: text)
            let scalars = Array(text.unicodeScalars)
            var all = article.sentences
            if let title = article.title { all.insert(title, at: 0) }
            var last = 0
            for sentence in all {
                XCTAssertLessThanOrEqual(last, sentence.start, text)
                XCTAssertLessThan(sentence.start, sentence.end, text)
                XCTAssertLessThanOrEqual(sentence.end, scalars.count, text)
                guard sentence.start < sentence.end, sentence.end <= scalars.count else { break }
                XCTAssertEqual(String(String.UnicodeScalarView(scalars[sentence.start..<sentence.end])), sentence.text, text)
                last = sentence.end
            }
        }
    }

    func testForEachPartGivesByteRangesInOrder() throws {
        let text = "Banjir di Jakarta\n\nJakarta (ANTARA) - Air naik. Warga mengungsi.\n\nEditor: Dewi Lestari\n"
        var kinds: [String] = []
        var sentences: [String] = []
        var copy = text
        let segmenter = try SentenceSegmenter(language: .indonesian)
        copy.withUTF8 { p in
            segmenter.forEachPart(utf8: p) { part in
                switch part {
                case .title(let r): kinds.append("title"); sentences.append(String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self))
                case .dateline(let d): kinds.append("dateline:" + d.place)
                case .paragraph: kinds.append("paragraph")
                case .sentence(let r): kinds.append("sentence"); sentences.append(String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self))
                case .credit(let c): kinds.append("credit:" + c.kind.rawValue)
                }
            }
        }
        XCTAssertEqual(kinds, ["title", "dateline:Jakarta", "paragraph", "sentence", "sentence", "credit:editor"])
        XCTAssertEqual(sentences, ["Banjir di Jakarta", "Air naik.", "Warga mengungsi."])
    }
}
