import XCTest
@testable import TranslationMemory

/// Tables of paragraphs and the sentences they must give, one table per rule.
final class SegmentRuleTests: XCTestCase {
    private func check(_ language: ArticleLanguage, _ table: [(String, [String])], file: StaticString = #filePath, line: UInt = #line) throws {
        let segmenter = try SentenceSegmenter(language: language)
        for (paragraph, expected) in table {
            XCTAssertEqual(segmenter.sentences(in: paragraph), expected, paragraph, file: file, line: line)
        }
    }

    func testIndonesianAbbreviations() throws {
        try check(.indonesian, [
            ("Rapat dipimpin Prof. Dr. Ir. Hadi Susanto. Ia membuka acara.", ["Rapat dipimpin Prof. Dr. Ir. Hadi Susanto.", "Ia membuka acara."]),
            ("Kantornya di Jl. Sudirman Kav. 5, Kec. Tanah Abang, Kab. Bogor. Warga datang.", ["Kantornya di Jl. Sudirman Kav. 5, Kec. Tanah Abang, Kab. Bogor.", "Warga datang."]),
            ("Brigjen. Pol. Ahmad hadir bersama Kol. Inf. Budi. Mereka meninjau lokasi.", ["Brigjen. Pol. Ahmad hadir bersama Kol. Inf. Budi.", "Mereka meninjau lokasi."]),
            ("Surat itu ditujukan kepada Yth. Bapak Menteri a.n. Sekjen s.d. akhir bulan. Surat dibalas.", ["Surat itu ditujukan kepada Yth. Bapak Menteri a.n. Sekjen s.d. akhir bulan.", "Surat dibalas."]),
            ("Ia membeli beras, gula, minyak, dll. Namun harga naik.", ["Ia membeli beras, gula, minyak, dll.", "Namun harga naik."]),
            ("Saham PT Bank Mandiri (Persero) Tbk. Direktur utama menyatakan laba naik.", ["Saham PT Bank Mandiri (Persero) Tbk. Direktur utama menyatakan laba naik."]),
            ("Rapat digelar pk. 09.00 di ruang No. 3. Semua hadir.", ["Rapat digelar pk. 09.00 di ruang No. 3.", "Semua hadir."]),
            ("Hadir pula KH. Ma'ruf dan Hj. Siti. Keduanya berpidato.", ["Hadir pula KH. Ma'ruf dan Hj. Siti.", "Keduanya berpidato."]),
            ("Menko Jenderal TNI (Purn.) Luhut Binsar Pandjaitan hadir. Ia berpidato.", ["Menko Jenderal TNI (Purn.) Luhut Binsar Pandjaitan hadir.", "Ia berpidato."]),
            ("Gelar diberikan kepada Dr. (H.C.) Megawati. Acara selesai.", ["Gelar diberikan kepada Dr. (H.C.) Megawati.", "Acara selesai."]),
            ("Keduanya dijerat Pasal 340 KUHP jo. Pasal 55 ayat (1) ke-1 KUHP. Ancamannya berat.", ["Keduanya dijerat Pasal 340 KUHP jo. Pasal 55 ayat (1) ke-1 KUHP.", "Ancamannya berat."]),
        ])
    }

    func testEnglishAbbreviations() throws {
        try check(.english, [
            ("Mr. Smith met Dr. Jones and Gen. Andika. They talked.", ["Mr. Smith met Dr. Jones and Gen. Andika.", "They talked."]),
            ("Prices rose in the U.S. The index fell.", ["Prices rose in the U.S.", "The index fell."]),
            ("The U.S. Food and Drug Administration approved it. Sales rose.", ["The U.S. Food and Drug Administration approved it.", "Sales rose."]),
            ("Apple Inc. Chief Executive Tim Cook spoke at 10 a.m. The talk was short.", ["Apple Inc. Chief Executive Tim Cook spoke at 10 a.m.", "The talk was short."]),
            ("It was signed on Jan. 6 and in Sept. 2020, e.g. in Geneva. No. 10 agreed.", ["It was signed on Jan. 6 and in Sept. 2020, e.g. in Geneva.", "No. 10 agreed."]),
            ("Gen. (Ret.) Wiranto spoke. It was brief.", ["Gen. (Ret.) Wiranto spoke.", "It was brief."]),
            ("Temasek Holdings Pte. Ltd. invested $500 mln. The deficit is 2.8% of GDP (approx. Rp 600 trillion).", ["Temasek Holdings Pte. Ltd. invested $500 mln.", "The deficit is 2.8% of GDP (approx. Rp 600 trillion)."]),
            ("Sen. Warren and Rep. Ocasio-Cortez voted vs. the bill. It passed.", ["Sen. Warren and Rep. Ocasio-Cortez voted vs. the bill.", "It passed."]),
        ])
    }

    func testInitials() throws {
        try check(.english, [
            ("Antony J. Blinken arrived. He met J.K. Rowling.", ["Antony J. Blinken arrived.", "He met J.K. Rowling."]),
            ("They need vitamin C. The trial showed it.", ["They need vitamin C.", "The trial showed it."]),
        ])
        try check(.indonesian, [
            ("Susilo B. Yudhoyono hadir. Ia memberi sambutan.", ["Susilo B. Yudhoyono hadir.", "Ia memberi sambutan."]),
        ])
    }

    func testNumbersURLsAndEmail() throws {
        try check(.indonesian, [
            ("Harganya Rp1.500.000,50 per unit. Stok 1,5 juta.", ["Harganya Rp1.500.000,50 per unit.", "Stok 1,5 juta."]),
            ("Acara dimulai pukul 10.30 WIB. Tamu datang pada 2-3 Februari.", ["Acara dimulai pukul 10.30 WIB.", "Tamu datang pada 2-3 Februari."]),
            ("Daftar di www.antaranews.com atau https://contoh.go.id/daftar.html. Kirim ke humas@contoh.go.id. Terima kasih.", ["Daftar di www.antaranews.com atau https://contoh.go.id/daftar.html.", "Kirim ke humas@contoh.go.id.", "Terima kasih."]),
        ])
        try check(.english, [
            ("It cost $1,500.50 in 2023. Sales hit 3.5 million.", ["It cost $1,500.50 in 2023.", "Sales hit 3.5 million."]),
        ])
    }

    func testQuotesQuestionsAndEllipses() throws {
        try check(.indonesian, [
            ("\"Kami siap,\" kata dia. \"Apa lagi?\" tanyanya. Semua diam.", ["\"Kami siap,\" kata dia.", "\"Apa lagi?\" tanyanya.", "Semua diam."]),
            ("Ia berkata, “Kami menolak.” Menteri diam.", ["Ia berkata, “Kami menolak.”", "Menteri diam."]),
            ("Benarkah? Ya! Itu benar…", ["Benarkah?", "Ya!", "Itu benar…"]),
            ("Ia ragu... lalu pergi. Mereka menunggu... Akhirnya ia datang.", ["Ia ragu... lalu pergi.", "Mereka menunggu...", "Akhirnya ia datang."]),
            ("Warga (sekitar 200 orang.) Datang ke balai.", ["Warga (sekitar 200 orang.)", "Datang ke balai."]),
            ("Tanpa tanda akhir", ["Tanpa tanda akhir"]),
        ])
        try check(.english, [
            ("He said: \"Stop!\" The crowd left. «Non.» They laughed.", ["He said: \"Stop!\"", "The crowd left.", "«Non.»", "They laughed."]),
            ("'Why?' he asked. She smiled.", ["'Why?' he asked.", "She smiled."]),
        ])
    }

    func testListsAndLineBreaks() throws {
        try check(.indonesian, [
            ("1. Pertama, cuci tangan. 2. Kedua, pakai masker.", ["1. Pertama, cuci tangan.", "2. Kedua, pakai masker."]),
        ])
        let article = try SentenceSegmenter(language: .indonesian).segment(article: """
        Syaratnya sebagai berikut:
        - Membawa KTP.
        - Mengisi formulir.
        • Datang tepat waktu
        """)
        XCTAssertEqual(article.paragraphs.map { $0.sentences.map(\.text) },
                       [["Syaratnya sebagai berikut:"], ["- Membawa KTP."], ["- Mengisi formulir."], ["• Datang tepat waktu"]])
    }

    func testExtraAbbreviations() throws {
        let text = "Ia bekerja di Div. Keuangan. Mereka berbincang."
        XCTAssertEqual(try SentenceSegmenter(language: .indonesian).sentences(in: text).count, 3)
        XCTAssertEqual(try SentenceSegmenter(language: .indonesian, extraAbbreviations: ["Div."]).sentences(in: text),
                       ["Ia bekerja di Div. Keuangan.", "Mereka berbincang."])
    }

    func testFinalAbbreviationsAndTimes() throws {
        try check(.indonesian, [
            ("Dibagikan masker, sarung tangan, dsb. Data itu dikirim kemarin.", ["Dibagikan masker, sarung tangan, dsb.", "Data itu dikirim kemarin."]),
            ("Budi dkk. Mereka meneliti varian baru.", ["Budi dkk.", "Mereka meneliti varian baru."]),
            ("Hadir Drs. H. M. Yusuf, M.Si. Keduanya memberi sambutan. Budi, S.H. M.H. hadir.", ["Hadir Drs. H. M. Yusuf, M.Si.", "Keduanya memberi sambutan.", "Budi, S.H. M.H. hadir."]),
            ("Rapat dimulai pukul 09.00 WIB. Sementara itu hujan turun.", ["Rapat dimulai pukul 09.00 WIB.", "Sementara itu hujan turun."]),
            ("Saham PT Bank Rakyat Indonesia (Persero) Tbk. (BBRI) naik 2 persen. Investor senang.", ["Saham PT Bank Rakyat Indonesia (Persero) Tbk. (BBRI) naik 2 persen.", "Investor senang."]),
        ])
        try check(.english, [
            ("The vote is at 10 a.m. Monday and ends at 4 p.m. EST. The result follows.", ["The vote is at 10 a.m. Monday and ends at 4 p.m. EST.", "The result follows."]),
            ("It ended at 6 a.m. Thailand then eased the curfew.", ["It ended at 6 a.m.", "Thailand then eased the curfew."]),
            ("They bought masks, gloves, etc. Prices rose.", ["They bought masks, gloves, etc.", "Prices rose."]),
            ("A review by Whitby et al. Commercial devices followed. Whitby et al. (2020) agreed.", ["A review by Whitby et al.", "Commercial devices followed.", "Whitby et al. (2020) agreed."]),
        ])
    }

    func testQuestionsBeforeLowerCase() throws {
        try check(.indonesian, [
            ("apakah Anda demam? dan apakah Anda batuk?", ["apakah Anda demam?", "dan apakah Anda batuk?"]),
            ("Kenapa? tanya dia. \"Siapa?\" ujar Budi.", ["Kenapa? tanya dia.", "\"Siapa?\" ujar Budi."]),
        ])
        try check(.english, [
            ("Why? he asked. Where does it hurt? is it sharp?", ["Why? he asked.", "Where does it hurt?", "is it sharp?"]),
            ("\"Is it fair?\" Widodo asked. \"No!\" The crowd shouted.", ["\"Is it fair?\" Widodo asked.", "\"No!\"", "The crowd shouted."]),
        ])
    }

    func testLetterNamesAndMixedCaseWords() throws {
        try check(.indonesian, [
            ("Ikatan terjadi pada protein S. Umumnya virus menempel di sana.", ["Ikatan terjadi pada protein S.", "Umumnya virus menempel di sana."]),
            ("Jalan tol itu masuk tahap I. Pembangunan dimulai 2024.", ["Jalan tol itu masuk tahap I.", "Pembangunan dimulai 2024."]),
            ("Proyek itu rampung pada tahap II. Pemerintah puas.", ["Proyek itu rampung pada tahap II.", "Pemerintah puas."]),
            ("Vaksin itu disetujui. mRNA adalah pembawa pesan genetik.", ["Vaksin itu disetujui.", "mRNA adalah pembawa pesan genetik."]),
            ("Data diperbarui. e-KTP wajib dibawa. eks-Menteri itu hadir.", ["Data diperbarui.", "e-KTP wajib dibawa. eks-Menteri itu hadir."]),
            ("Surat ditandatangani oleh M. Nuh dan R.A. Kartini.", ["Surat ditandatangani oleh M. Nuh dan R.A. Kartini."]),
            // `Ada` (there is) opens a sentence after a letter that is no initial.
            ("Virus itu menempel pada bagian lain dari S. Ada banyak reseptor lain.", ["Virus itu menempel pada bagian lain dari S.", "Ada banyak reseptor lain."]),
        ])
        try check(.english, [
            ("Trenches marked World War I. Historians agree.", ["Trenches marked World War I.", "Historians agree."]),
            ("The firm sold it. iPhone sales fell.", ["The firm sold it.", "iPhone sales fell."]),
            ("The speech by George W. Bush was short.", ["The speech by George W. Bush was short."]),
        ])
    }

    /// Issue 12 item 4: gaps found on news copy.
    func testDegreeLettersInAStreetName() throws {
        try check(.indonesian, [
            ("Massa berkumpul di Jl. M.H. Thamrin, Jakarta Pusat. Polisi berjaga.", ["Massa berkumpul di Jl. M.H. Thamrin, Jakarta Pusat.", "Polisi berjaga."]),
            ("Kantor itu di Jalan M.H. Thamrin Nomor 2. Budi Santoso, S.H., M.H. Ia hadir.", ["Kantor itu di Jalan M.H. Thamrin Nomor 2.", "Budi Santoso, S.H., M.H.", "Ia hadir."]),
        ])
        try check(.english, [
            ("Protesters gathered on Jl. M.H. Thamrin in Central Jakarta. Police watched.", ["Protesters gathered on Jl. M.H. Thamrin in Central Jakarta.", "Police watched."]),
        ])
    }

    func testEnglishTitlesKeptInIndonesianCopy() throws {
        try check(.indonesian, [
            ("Pertemuan dihadiri Mr. Smith dan Mrs. Jones dari kedutaan.", ["Pertemuan dihadiri Mr. Smith dan Mrs. Jones dari kedutaan."]),
            ("Usul itu datang dari Sen. Warren dan Rep. Ocasio-Cortez. Keduanya Demokrat.", ["Usul itu datang dari Sen. Warren dan Rep. Ocasio-Cortez.", "Keduanya Demokrat."]),
            ("Kasus ditangani Det. Miller atas perintah Gov. Newsom. Ia menolak berkomentar.", ["Kasus ditangani Det. Miller atas perintah Gov. Newsom.", "Ia menolak berkomentar."]),
            ("Putusan Roe v. Wade dibatalkan pada 2022. Protes merebak.", ["Putusan Roe v. Wade dibatalkan pada 2022.", "Protes merebak."]),
        ])
    }

    func testStopAfterAnAbbreviationsStop() throws {
        try check(.indonesian, [
            ("Ia lahir di Washington D.C.. Keluarganya pindah ke Bali.", ["Ia lahir di Washington D.C..", "Keluarganya pindah ke Bali."]),
            ("Pabrik itu milik PT Astra Tbk.. Produksi naik.", ["Pabrik itu milik PT Astra Tbk..", "Produksi naik."]),
        ])
        try check(.english, [
            ("He moved to Washington, D.C.. Prices there were high.", ["He moved to Washington, D.C..", "Prices there were high."]),
            ("The meeting ends at 5 p.m.. Officials then leave.", ["The meeting ends at 5 p.m..", "Officials then leave."]),
        ])
    }

    func testWhiteSpaceVariants() throws {
        try check(.indonesian, [
            ("Ia datang.\u{00A0}Mereka pulang.", ["Ia datang.", "Mereka pulang."]),
            ("  Ia datang.   Mereka pulang.  ", ["Ia datang.", "Mereka pulang."]),
            ("Ia datang.\tMereka pulang.", ["Ia datang.", "Mereka pulang."]),
            ("", []),
            ("   ", []),
        ])
    }
}
