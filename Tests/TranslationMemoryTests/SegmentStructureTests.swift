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
    func testArticleParts() {
        let article = SentenceSegmenter(language: .indonesian).segment(article: segmentTestArticleID)
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

    func testOffsetsAreUnicodeScalarsIntoTheText() {
        let text = "Judul “berita” ini\n\nJakarta (ANTARA) - Harga naik 5%… Warga mengeluh. Ekspor ke Jepang turun—kata menteri.\n"
        let article = SentenceSegmenter(language: .indonesian).segment(article: text)
        let scalars = Array(text.unicodeScalars)
        var all = article.paragraphs.flatMap(\.sentences)
        if let title = article.title { all.insert(title, at: 0) }
        XCTAssertEqual(all.count, 4)
        for sentence in all {
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[sentence.start..<sentence.end])), sentence.text)
        }
        XCTAssertEqual(all[1].text, "Harga naik 5%…")
    }

    func testOneParagraphPerLineAndEnglishCredits() {
        let text = """
        JAKARTA, 5 Feb (Reuters) - The U.S. envoy met Indonesian officials on Monday.
        He left on Tuesday.
        Reporter: Budi Santoso
        Editor: Rahmad Nasution
        Read also: Envoy to visit Jakarta
        COPYRIGHT © ANTARA 2023
        """
        let article = SentenceSegmenter(language: .english).segment(article: text)
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
}
