import XCTest
@testable import TranslationMemory

final class StemmerTests: XCTestCase {
    var stemmer: IndonesianStemmer!

    override func setUpWithError() throws {
        stemmer = try IndonesianStemmer.shared
    }

    func testWordListsAreBundled() {
        XCTAssertGreaterThan(stemmer.knownWords.count, 8_000)
        XCTAssertTrue(stemmer.roots.contains("laksana"))
        XCTAssertTrue(stemmer.roots.contains("mitra"))
    }

    func testInflectionalParticlesAndPossessives() {
        XCTAssertEqual(stemmer.stem("strategisnya"), "strategis")
        XCTAssertEqual(stemmer.stem("bukunya"), "buku")
        XCTAssertEqual(stemmer.stem("rumahku"), "rumah")
        XCTAssertEqual(stemmer.stem("negaramu"), "negara")
        XCTAssertEqual(stemmer.stem("dialah"), "dia")
        XCTAssertEqual(stemmer.stem("apakah"), "apa")
        XCTAssertEqual(stemmer.stem("merekapun"), "mereka")
        XCTAssertEqual(stemmer.stem("bukunyalah"), "buku")
        let analysis = stemmer.analyse("bukunyalah")
        XCTAssertEqual(analysis.suffixes, ["lah", "nya"])
    }

    func testInflectionalKeepsKnownWordsWhole() {
        for word in ["pemerintah", "masalah", "sekolah", "langkah", "buku", "tanya", "hanya", "perintah"] {
            XCTAssertEqual(stemmer.stem(word), word, word)
        }
        XCTAssertEqual(stemmer.stem("pemerintahnya"), "pemerintah")
    }

    func testInflectionalModeKeepsDerivationApart() {
        XCTAssertEqual(stemmer.stem("kemitraan"), "kemitraan")
        XCTAssertNotEqual(stemmer.stem("kemitraan"), stemmer.stem("mitra"))
        XCTAssertEqual(stemmer.stem("melaksanakan"), "melaksanakan")
    }

    func testReduplication() {
        XCTAssertEqual(stemmer.stem("negara-negara"), "negara")
        XCTAssertEqual(stemmer.stem("Negara-negaranya"), "negara")
        XCTAssertTrue(stemmer.analyse("negara-negara").reduplicated)
        XCTAssertEqual(stemmer.stem("sayur-mayur"), "sayur-mayur")
        XCTAssertEqual(stemmer.stem("berbagai-bagai", mode: .derivational), "bagai")
    }

    func testDerivationalPrefixesWithNasalAssimilation() {
        let d = IndonesianStemMode.derivational
        XCTAssertEqual(stemmer.stem("melaksanakan", mode: d), "laksana")
        XCTAssertEqual(stemmer.stem("dilaksanakan", mode: d), "laksana")
        XCTAssertEqual(stemmer.stem("laksanakan", mode: d), "laksana")
        XCTAssertEqual(stemmer.stem("menyampaikan", mode: d), "sampai")     // meny+V ← s
        XCTAssertEqual(stemmer.stem("memukul", mode: d), "pukul")           // mem+V ← p
        XCTAssertEqual(stemmer.stem("menulis", mode: d), "tulis")           // men+V ← t
        XCTAssertEqual(stemmer.stem("mengirim", mode: d), "kirim")          // meng+V ← k
        XCTAssertEqual(stemmer.stem("mengambil", mode: d), "ambil")         // meng+V
        XCTAssertEqual(stemmer.stem("membantu", mode: d), "bantu")          // mem+b
        XCTAssertEqual(stemmer.stem("mendukung", mode: d), "dukung")        // men+d
        XCTAssertEqual(stemmer.stem("melihat", mode: d), "lihat")           // me+l
        XCTAssertEqual(stemmer.stem("bekerja", mode: d), "kerja")           // be+C er
        XCTAssertEqual(stemmer.stem("berusaha", mode: d), "usaha")          // ber+V
        XCTAssertEqual(stemmer.stem("tertulis", mode: d), "tulis")          // ter-
        XCTAssertEqual(stemmer.stem("pelaksanaan", mode: d), "laksana")     // pe-…-an
        XCTAssertEqual(stemmer.stem("kemitraan", mode: d), "mitra")         // ke-…-an
        XCTAssertEqual(stemmer.stem("perbaikan", mode: d), "baik")          // per-…-an
        XCTAssertEqual(stemmer.stem("memperbaiki", mode: d), "baik")        // mem+per+…-i
        XCTAssertEqual(stemmer.stem("pengiriman", mode: d), "kirim")        // peng+V ← k, -an
        XCTAssertEqual(stemmer.stem("penyerahan", mode: d), "serah")        // peny+V ← s
        XCTAssertEqual(stemmer.stem("kunjungi", mode: d), "kunjung")        // -i
        XCTAssertEqual(stemmer.stem("dikunjunginya", mode: d), "kunjung")   // di-…-i + -nya
    }

    /// peN-/meN- replace a root's first p, k, s or t by their nasal (m, ng, ny, n), with -an, -kan
    /// and -i: `penanggulangan` is pe + n + anggulang + an, root `tanggulang`.
    func testNasalSubstitutionWithConfixes() {
        let roots = ["tanggulang", "tulis", "tampung", "tolak", "tutup", "tingkat", "tentu", "tangkap", "tuntut",
                     "pukul", "pasar", "pakai", "pilih", "periksa", "pindah", "potong", "pulih", "pantau",
                     "kirim", "kumpul", "kelola", "kembang", "kuasa", "kurang", "kendali", "kenal",
                     "selesai", "susun", "salur", "sebar", "sedia", "sidik", "selidik", "simpan", "serang", "sita"]
        let nasal: [Character: String] = ["t": "n", "p": "m", "k": "ng", "s": "ny"]
        for root in roots {
            let body = nasal[root.first!]! + root.dropFirst()
            for (word, form) in [("pe\(body)an", "pe-…-an"), ("me\(body)kan", "me-…-kan"), ("me\(body)i", "me-…-i"), ("me\(body)", "me-…")] {
                let analysis = stemmer.analyse(word, mode: .derivational)
                XCTAssertEqual(analysis.stem, root, word)
                XCTAssertEqual(analysis.formDescription, form, word)
            }
        }
        // ECS: me-…-i tries the prefix first, so a root ending in i keeps it (`menerapi` is `terapi`).
        for (word, root) in [("penerapan", "terap"), ("menerapkan", "terap"), ("menerapi", "terapi"), ("menilai", "nilai"), ("memulai", "mulai"), ("membeli", "beli"), ("memakai", "pakai")] {
            XCTAssertEqual(stemmer.stem(word, mode: .derivational), root, word)
        }
    }

    func testDerivationalAffixClassesAndReduplication() {
        let cases: [(String, String, String)] = [
            ("makanan", "makan", "-an"), ("sebuah", "buah", "se-…"), ("terbesar", "besar", "ter-…"),
            ("pertemuan", "temu", "per-…-an"), ("keberhasilan", "hasil", "ke-ber-…-an"), ("diperbaiki", "baik", "di-per-…-i"),
            ("menyelesaikan", "selesai", "me-…-kan"), ("pemerintahan", "perintah", "pe-…-an"),
            ("kemerah-merahan", "merah", "reduplication + ke-…-an"), ("bermain-main", "main", "reduplication + ber-…"),
        ]
        for (word, stem, form) in cases {
            let analysis = stemmer.analyse(word, mode: .derivational)
            XCTAssertEqual(analysis.stem, stem, word)
            XCTAssertEqual(analysis.formDescription, form, word)
        }
    }

    func testDerivationalKeepsRootsThatLookPrefixed() {
        let d = IndonesianStemMode.derivational
        for word in ["menang", "terbang", "kepala", "sebab", "tangan", "pemerintah"] where stemmer.roots.contains(word) {
            XCTAssertEqual(stemmer.stem(word, mode: d), word, word)
        }
        XCTAssertEqual(stemmer.stem("menang", mode: d), "menang")
        XCTAssertEqual(stemmer.stem("tangan", mode: d), "tangan")
    }

    func testUnknownWordsComeBackWhole() {
        XCTAssertEqual(stemmer.stem("xyzabc", mode: .derivational), "xyzabc")
        XCTAssertEqual(stemmer.stem("COVID-19"), "covid-19")
        XCTAssertEqual(stemmer.stem(""), "")
    }

    func testEnglishInflections() {
        XCTAssertEqual(EnglishInflections.key("partnership"), EnglishInflections.key("partnerships"))
        XCTAssertEqual(EnglishInflections.key("policy"), EnglishInflections.key("policies"))
        XCTAssertEqual(EnglishInflections.key("agree"), EnglishInflections.key("agreed"))
        XCTAssertEqual(EnglishInflections.key("agree"), EnglishInflections.key("agreeing"))
        XCTAssertEqual(EnglishInflections.key("stop"), EnglishInflections.key("stopped"))
        XCTAssertEqual(EnglishInflections.key("make"), EnglishInflections.key("making"))
        XCTAssertEqual(EnglishInflections.key("meeting"), EnglishInflections.key("meetings"))
        XCTAssertEqual(EnglishInflections.key("church"), EnglishInflections.key("churches"))
        XCTAssertEqual(EnglishInflections.key("children"), EnglishInflections.key("child"))
        XCTAssertEqual(EnglishInflections.key("news"), "news")
        XCTAssertEqual(EnglishInflections.key("virus"), "virus")
        XCTAssertNotEqual(EnglishInflections.key("partner"), EnglishInflections.key("partnership"))
    }
}
