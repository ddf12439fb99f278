import Foundation
import XCTest

/// `tm align` as a user runs it: an ANTARA-style article pair (written for this test) with a
/// dateline and credit lines, stored into a memory folder.
final class AlignCommandTests: XCTestCase {
    static let indonesian = """
    Banjir Bekasi, pemprov salurkan bantuan beras

    Bekasi (ANTARA) - Pemerintah Provinsi Jawa Barat menyalurkan bantuan beras sebanyak 1.500,5 ton kepada warga terdampak banjir di Bekasi pada Sabtu. Kepala Dinas Sosial Budi Santoso mengatakan bantuan itu akan dibagikan di 12 kecamatan hingga akhir Februari.

    Menurut dia, jumlah pengungsi mencapai 4.250 orang yang tersebar di sekolah dan masjid. Sebanyak 37 sekolah di wilayah itu ditutup sementara sejak Senin.

    Badan Meteorologi, Klimatologi, dan Geofisika memperkirakan hujan lebat masih akan turun hingga Kamis. Warga diimbau menghindari bantaran sungai dan segera melapor kepada petugas jika melihat tanda bahaya.

    Tim gabungan SAR masih mencari dua warga yang dilaporkan hilang terseret arus.

    Baca juga: Harga cabai merah naik menjadi Rp85.000 per kilogram

    Sumber: Reuters
    Penerjemah: Siti Rahmawati
    Editor: Dewi Lestari
    Copyright © ANTARA 2024
    """

    static let english = """
    Bekasi floods: province distributes rice aid

    Bekasi (ANTARA) - The West Java provincial government distributed 1,500.5 tons of rice aid to flood-affected residents in Bekasi on Saturday. Head of the Social Affairs Office Budi Santoso said the aid would be distributed in 12 sub-districts until the end of February.

    According to him, the number of evacuees reached 4,250 people spread across schools and mosques. A total of 37 schools in the area have been temporarily closed since Monday.

    The Meteorology, Climatology and Geophysics Agency forecast that heavy rain would continue until Thursday.

    The joint search and rescue team is still looking for two residents reported missing after being swept away by the current.

    Reporter: Andi Firdaus
    Editor: Dewi Lestari
    COPYRIGHT © ANTARA 2024
    """

    static func write(_ folder: URL) throws -> (String, String) {
        let id = folder.appendingPathComponent("banjir.id.txt"), en = folder.appendingPathComponent("banjir.en.txt")
        try Self.indonesian.write(to: id, atomically: true, encoding: .utf8)
        try Self.english.write(to: en, atomically: true, encoding: .utf8)
        return (id.path, en.path)
    }

    func testAlignStoresUnitsWithProvenanceOnce() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let (id, en) = try Self.write(folder)
        let memory = folder.appendingPathComponent("TMX").path
        let first = try TMProcess.run(["align", id, en, "--tm", memory, "--format", "json"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let report = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(report["translator"] as? String, "Siti Rahmawati")
        XCTAssertEqual(report["source"] as? String, "Reuters")
        let pairs = report["pairs"] as! [[String: Any]]
        // Title, 6 translated sentences, 1 sentence left out; no credit or dateline in the pairs.
        XCTAssertEqual(pairs.filter { ($0["kind"] as? String) == "1-1" }.count, 7, "\(pairs)")
        XCTAssertEqual(pairs.filter { ($0["kind"] as? String) == "1-0" }.count, 1)
        for pair in pairs {
            let text = (pair["indonesian"] as! String) + (pair["english"] as! String)
            XCTAssertFalse(text.contains("Penerjemah") || text.contains("Editor") || text.contains("(ANTARA)") || text.contains("COPYRIGHT"), text)
        }
        XCTAssertEqual(report["stored"] as? Int, 7)

        let files = try FileManager.default.contentsOfDirectory(atPath: memory).filter { $0.hasSuffix(".tmx") }
        XCTAssertEqual(files.count, 1)
        let tmx = try String(contentsOfFile: memory + "/" + files[0], encoding: .utf8)
        XCTAssertTrue(tmx.contains("creationid=\"Siti Rahmawati\""))
        XCTAssertTrue(tmx.contains("<prop type=\"x-editor\">Dewi Lestari</prop>"))
        XCTAssertTrue(tmx.contains("<prop type=\"x-source\">Reuters</prop>"))
        XCTAssertTrue(tmx.contains("<prop type=\"x-indonesian-file\">banjir.id.txt</prop>"))
        XCTAssertTrue(tmx.contains("<prop type=\"x-english-file\">banjir.en.txt</prop>"))
        XCTAssertTrue(tmx.contains("x-alignment-confidence"))
        XCTAssertTrue(tmx.contains("1.500,5 ton") && tmx.contains("1,500.5 tons"))
        XCTAssertEqual(tmx.components(separatedBy: "<tu ").count - 1, 7)

        let second = try TMProcess.run(["align", id, en, "--tm", memory, "--format", "json"])
        XCTAssertEqual(second.status, 0, second.stderr)
        let again = try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(again["stored"] as? Int, 0)
        XCTAssertEqual(again["alreadyStored"] as? Int, 7)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: memory).filter { $0.hasSuffix(".tmx") }.count, 1)
    }

    func testDryRunTSVAndPresegmented() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let id = folder.appendingPathComponent("a.id"), en = folder.appendingPathComponent("a.en")
        try "Pemerintah menyalurkan bantuan beras pada Sabtu.\nHarga cabai naik menjadi Rp85.000.\n<p>\nTim SAR masih mencari dua warga.\n".write(to: id, atomically: true, encoding: .utf8)
        try "The government distributed rice aid on Saturday.\nChilli prices rose to Rp85,000.\n<p>\nThe SAR team is still looking for two residents.\n".write(to: en, atomically: true, encoding: .utf8)
        let result = try TMProcess.run(["align", "--dry-run", "--presegmented", "--format", "tsv", id.path, en.path], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[1][0], "Harga cabai naik menjadi Rp85.000.")
        XCTAssertEqual(lines[1][1], "Chilli prices rose to Rp85,000.")
        XCTAssertGreaterThan(Double(lines[1][2])!, 0.5)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("TMX").path))
    }

    func testReviewPageIsWritten() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let (id, en) = try Self.write(folder)
        let page = folder.appendingPathComponent("review.html").path
        let result = try TMProcess.run(["align", "--dry-run", id, en, "--review", page])
        XCTAssertEqual(result.status, 0, result.stderr)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("not translated"))
        XCTAssertTrue(html.contains("Translator: Siti Rahmawati"))
    }

    func testBadInputs() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let (id, en) = try Self.write(folder)
        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let binary = folder.appendingPathComponent("binary.txt")
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x14]).write(to: binary)
        let latin1 = folder.appendingPathComponent("latin1.txt")
        try Data([0x4B, 0x61, 0x6D, 0x69, 0x20, 0xE9, 0x74, 0xE9]).write(to: latin1)

        let emptyRun = try TMProcess.run(["align", "--dry-run", empty.path, en])
        XCTAssertEqual(emptyRun.status, 1)
        XCTAssertTrue(emptyRun.stderr.contains("empty.txt"), emptyRun.stderr)
        let binaryRun = try TMProcess.run(["align", "--dry-run", id, binary.path])
        XCTAssertEqual(binaryRun.status, 1)
        XCTAssertTrue(binaryRun.stderr.contains("binary.txt"), binaryRun.stderr)
        let encodingRun = try TMProcess.run(["align", "--dry-run", latin1.path, en])
        XCTAssertEqual(encodingRun.status, 1)
        XCTAssertTrue(encodingRun.stderr.contains("latin1.txt") && encodingRun.stderr.contains("byte 5"), encodingRun.stderr)
        let missing = try TMProcess.run(["align", "--dry-run", folder.appendingPathComponent("nope.txt").path, en])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("nope.txt"))
        let usage = try TMProcess.run(["align", "--dry-run", "--min-confidence", "2", id, en])
        XCTAssertEqual(usage.status, 64)

        let swapped = try TMProcess.run(["align", "--dry-run", "--format", "tsv", en, id])
        XCTAssertEqual(swapped.status, 0, swapped.stderr)
        XCTAssertTrue(swapped.stderr.contains("looks English"), swapped.stderr)
        XCTAssertTrue(swapped.stdout.hasPrefix("Banjir Bekasi, pemprov salurkan bantuan beras\tBekasi floods"), swapped.stdout)
    }
}
