import Foundation
import XCTest

/// `tm align` on files that are not a translation pair: two articles about different events, the
/// files given the wrong way round, one language twice. Articles written for these tests in
/// ANTARA style (invented events).
final class AlignVerdictTests: XCTestCase {
    /// An Indonesian article about a diplomatic meeting.
    static let meeting = """
    Menlu RI dan Menlu Jepang bahas kerja sama maritim di Tokyo

    Tokyo (ANTARA) - Menteri Luar Negeri Indonesia bertemu dengan Menteri Luar Negeri Jepang di Tokyo pada Selasa untuk membahas kerja sama maritim dan perdagangan kedua negara. Pertemuan itu berlangsung selama dua jam di gedung Kementerian Luar Negeri Jepang.

    Kedua menteri sepakat memperkuat patroli bersama di perairan internasional dan mempercepat perundingan tentang perlindungan nelayan. Menurut juru bicara kementerian, Indonesia juga menawarkan kerja sama di bidang energi terbarukan.

    Nilai perdagangan kedua negara tahun lalu mencapai 32 miliar dolar AS, naik delapan persen dibandingkan tahun sebelumnya. Jepang merupakan salah satu investor terbesar di Indonesia, terutama di sektor otomotif.

    Menlu Jepang dijadwalkan berkunjung ke Jakarta pada Oktober untuk menandatangani nota kesepahaman tentang pendidikan vokasi.

    Pewarta: Azis Kurmala
    Editor: Fransiska Ninditya
    Copyright © ANTARA 2024
    """

    /// An English article about an earthquake: another event altogether.
    static let earthquake = """
    Magnitude 5.8 earthquake rattles West Sulawesi, hundreds flee homes

    Mamuju (ANTARA) - A magnitude 5.8 earthquake struck Mamuju district in West Sulawesi on Thursday morning, damaging dozens of houses and sending hundreds of residents running to higher ground. The quake was centred at sea at a depth of ten kilometres.

    The local disaster mitigation agency said three people suffered minor injuries from falling debris. Officers are still checking the condition of schools and a bridge on the provincial road.

    The Meteorology, Climatology and Geophysics Agency recorded six aftershocks within four hours and said the quake did not have the potential to trigger a tsunami. Residents were advised to stay away from cracked buildings.

    The district government opened two shelters and distributed tents, blankets and instant noodles to displaced families.

    Reporter: Rahmad Nasution
    Editor: Yuni Arisandy
    COPYRIGHT © ANTARA 2024
    """

    private func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// AlignCommandTests' article pair in a new folder, and where its memory would go.
    private func translationPair() throws -> (id: String, en: String, memory: String) {
        let folder = try TMProcess.temporaryFolder(self)
        let (id, en) = try AlignCommandTests.write(folder)
        return (id, en, folder.appendingPathComponent("TMX").path)
    }

    private func tmxFiles(_ memory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: memory)) ?? []).filter { $0.hasSuffix(".tmx") }
    }

    func testUnrelatedArticlesStoreNothingUnlessForced() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let id = try write(Self.meeting, "pertemuan.id.txt", in: folder)
        let en = try write(Self.earthquake, "gempa.en.txt", in: folder)
        let memory = folder.appendingPathComponent("TMX").path

        let refused = try TMProcess.run(["align", id, en, "--tm", memory])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("do not look like translations"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("% needed"), refused.stderr)
        XCTAssertTrue(tmxFiles(memory).isEmpty)

        // Every format, and --dry-run: every pair at 0, so that no threshold lets one through.
        let tsv = try TMProcess.run(["align", "--dry-run", "--format", "tsv", id, en])
        XCTAssertEqual(tsv.status, 2, tsv.stderr)
        let lines = tsv.stdout.split(separator: "\n")
        XCTAssertFalse(lines.isEmpty)
        for line in lines { XCTAssertTrue(line.hasSuffix("\t0.000"), String(line)) }
        let json = try TMProcess.run(["align", "--dry-run", "--format", "json", id, en])
        XCTAssertEqual(json.status, 2, json.stderr)
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(report["rejected"] as? Bool, true)
        for pair in report["pairs"] as! [[String: Any]] { XCTAssertEqual(pair["confidence"] as? Double, 0) }
        let text = try TMProcess.run(["align", "--dry-run", "--format", "text", id, en])
        XCTAssertEqual(text.status, 2, text.stderr)
        XCTAssertTrue(text.stdout.contains("[0.00 "), text.stdout)
        XCTAssertFalse(text.stdout.contains("[0.5") || text.stdout.contains("[0.9"), text.stdout)
        let zeroThreshold = try TMProcess.run(["align", id, en, "--tm", memory, "--min-confidence", "0"])
        XCTAssertEqual(zeroThreshold.status, 2, zeroThreshold.stderr)
        XCTAssertTrue(tmxFiles(memory).isEmpty)

        let forced = try TMProcess.run(["align", id, en, "--tm", memory, "--force", "--min-confidence", "0", "--format", "json"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stderr.contains("storing anyway"), forced.stderr)
        let stored = (try JSONSerialization.jsonObject(with: Data(forced.stdout.utf8)) as! [String: Any])["stored"] as? Int
        XCTAssertGreaterThan(stored ?? 0, 0)
        XCTAssertEqual(tmxFiles(memory).count, 1)
    }

    func testTheTranslationPairIsNotRejected() throws {
        let (id, en, _) = try translationPair()
        let result = try TMProcess.run(["align", "--dry-run", "--format", "json", id, en])
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(report["rejected"] as? Bool, false)
        let pairs = (report["pairs"] as! [[String: Any]]).filter { ($0["kind"] as? String) == "1-1" }
        XCTAssertTrue(pairs.allSatisfy { ($0["confidence"] as! Double) >= 0.5 }, "\(pairs)")
    }

    func testSwappedFilesAreAlignedTheRightWayRound() throws {
        let (id, en, memory) = try translationPair()
        let result = try TMProcess.run(["align", en, id, "--tm", memory])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("note:") && result.stderr.contains("looks English"), result.stderr)
        let files = tmxFiles(memory)
        XCTAssertEqual(files.count, 1)
        let tmx = try String(contentsOfFile: memory + "/" + files[0], encoding: .utf8)
            .replacingOccurrences(of: ">\\s+<", with: "><", options: .regularExpression)
        // The Indonesian text is stored as Indonesian, the English as English.
        XCTAssertTrue(tmx.contains("<tuv xml:lang=\"id-ID\"><seg>Menurut dia, jumlah pengungsi mencapai 4.250 orang"), tmx)
        XCTAssertTrue(tmx.contains("<tuv xml:lang=\"en-US\"><seg>According to him, the number of evacuees reached 4,250 people"), tmx)
        XCTAssertTrue(tmx.contains("<prop type=\"x-indonesian-file\">banjir.id.txt</prop>"), tmx)
        XCTAssertTrue(tmx.contains("creationid=\"Siti Rahmawati\""), tmx)
    }

    func testOneLanguageTwiceStoresNothing() throws {
        let (id, en, memory) = try translationPair()
        let indonesian = try TMProcess.run(["align", id, id, "--tm", memory])
        XCTAssertEqual(indonesian.status, 1, indonesian.stderr)
        XCTAssertTrue(indonesian.stderr.contains("looks Indonesian"), indonesian.stderr)
        XCTAssertEqual(indonesian.stdout, "")
        let english = try TMProcess.run(["align", en, en, "--tm", memory, "--force"])
        XCTAssertEqual(english.status, 1, english.stderr)
        XCTAssertTrue(english.stderr.contains("looks English"), english.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: memory))
    }
}
