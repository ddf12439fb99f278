import Foundation
import XCTest

/// Interop on files shaped like the ones CAT tools hand over (issue 11): a Trados-style UTF-16
/// file with `ude`/`map`, RTF props and `o-encoding` in its header, an OmegaT-style TMX 1.1 with
/// `lang`, a memoQ-style memory of five-language units with regional variants, and an Okapi-style
/// file with every inline code and `sub` inside native code. Each is imported into a fresh memory,
/// counted and exported as CAT tools ask for it; readers that are not ours (lxml, translate-toolkit,
/// xmllint against the TMX 1.4b DTD) check that every unit, the header and every variant came
/// through, and that what an export leaves out is said on stderr with exit 2.
final class CATInteropTests: XCTestCase {
    // MARK: - Fixtures (our own sentences, written the way each tool writes TMX)

    private struct Fixture {
        var name: String
        var text: String
        var utf16 = false
        /// UTF-16LE with a BOM, as Trados writes, or UTF-8.
        var data: Data { utf16 ? Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)! : Data(text.utf8) }
    }

    private static let trados = Fixture(name: "trados.tmx", text: #"""
        <?xml version="1.0" encoding="UTF-16"?>
        <tmx version="1.4">
          <header creationtool="SDL Language Platform" creationtoolversion="8.0" o-tmf="SDL TM8 Format" datatype="rtf" segtype="sentence" adminlang="en-US" srclang="id-ID" o-encoding="windows-1252" creationdate="20220314T083000Z" creationid="KANTOR\penerjemah">
            <prop type="RTFFontTable">{\fonttbl{\f1 \fswiss Arial;}{\f2 \froman Times New Roman;}}</prop>
            <prop type="RTFStyleSheet">{\stylesheet{\s0 \f1\fs20 Normal;}{\s1 \f2\fs28\b Judul;}}</prop>
            <note>Memori ekspor untuk kanal ekonomi.</note>
            <ude name="MacRoman" base="Macintosh">
              <map unicode="#xF8FF" code="#xF0" ent="Apple_logo" subst="[Apple]"/>
              <map unicode="#x2318" code="#x11"/>
            </ude>
            <prop type="x-TMName" xml:lang="en-US">Ekonomi 2022</prop>
            <note xml:lang="id-ID">Dibuat dari arsip kanal.</note>
          </header>
          <body>
            <tu creationdate="20220314T083000Z" creationid="KANTOR\penerjemah" changedate="20220315T091500Z" changeid="KANTOR\editor" lastusagedate="20220320T120000Z" usagecount="3">
              <prop type="x-Domain:SinglePicklist">Ekonomi</prop>
              <tuv xml:lang="id-ID">
                <seg>Bank Indonesia menahan suku bunga acuan di level <bpt i="1" type="bold">{\b </bpt>5,75 persen<ept i="1">}</ept>.</seg>
              </tuv>
              <tuv xml:lang="en-US">
                <seg>Bank Indonesia held its benchmark rate at <bpt i="1" type="bold">{\b </bpt>5.75 percent<ept i="1">}</ept>.</seg>
              </tuv>
            </tu>
            <tu creationdate="20220316T100000Z" creationid="KANTOR\penerjemah" usagecount="0">
              <prop type="x-ConfirmationLevel">Translated</prop>
              <prop type="x-Origin">TM</prop>
              <tuv xml:lang="id-ID">
                <seg>Inflasi tahunan tercatat <ph x="1" type="x-tab">{\tab}</ph>3,2 persen pada Maret, kata warganet 👍 </seg>
              </tuv>
              <tuv xml:lang="en-US" changeid="KANTOR\editor">
                <seg>Annual inflation stood at <ph x="1" type="x-tab">{\tab}</ph>3.2 percent in March, netizens said 👍 </seg>
              </tuv>
            </tu>
            <tu creationdate="20220317T100000Z" creationid="KANTOR\penerjemah">
              <note>Judul berita; huruf kapital sesuai gaya rumah.</note>
              <tuv xml:lang="id-ID">
                <seg>Rupiah Menguat terhadap Dolar AS</seg>
              </tuv>
              <tuv xml:lang="en-US">
                <seg>Rupiah Strengthens against US Dollar</seg>
              </tuv>
            </tu>
          </body>
        </tmx>

        """#, utf16: true)

    private static let omegaT11 = Fixture(name: "omegat.tmx", text: #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE tmx SYSTEM "tmx11.dtd">
        <tmx version="1.1">
          <header creationtool="OmegaT" creationtoolversion="1.6" segtype="sentence" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="ID-ID" datatype="plaintext">
          </header>
          <body>
            <tu>
              <tuv lang="ID-ID">
                <seg>Gunung Merapi kembali meluncurkan awan panas sejauh dua kilometer.</seg>
              </tuv>
              <tuv lang="EN-US">
                <seg>Mount Merapi again sent out hot clouds as far as two kilometres.</seg>
              </tuv>
            </tu>
            <tu>
              <tuv lang="ID-ID" changeid="relawan" changedate="20051103T101010Z">
                <seg>Warga di lereng gunung diminta tetap waspada.</seg>
              </tuv>
              <tuv lang="EN-US">
                <seg>Residents on the slopes were asked to stay alert.</seg>
              </tuv>
            </tu>
            <tu>
              <tuv lang="ID-ID">
                <seg>Status gunung tetap <ut>&lt;b&gt;</ut>Siaga<ut>&lt;/b&gt;</ut>.</seg>
              </tuv>
              <tuv lang="EN-US">
                <seg>The volcano's status remains at <ut>&lt;b&gt;</ut>Alert<ut>&lt;/b&gt;</ut>.</seg>
              </tuv>
            </tu>
          </body>
        </tmx>

        """#)

    private static let memoQ = Fixture(name: "memoq.tmx", text: #"""
        <?xml version="1.0" encoding="utf-8"?>
        <tmx version="1.4">
          <header creationtool="MemoQ" creationtoolversion="9.12.8" segtype="sentence" o-tmf="MemoQTM" adminlang="en-US" srclang="id-ID" datatype="unknown">
            <prop type="defclient">Kantor Berita Contoh</prop>
            <prop type="defproject">Berita Multibahasa</prop>
            <prop type="defdomain">Pariwisata</prop>
            <prop type="description">Memori lima bahasa untuk rubrik pariwisata</prop>
            <prop type="targetlang">en-US</prop>
            <prop type="targetlang">en-GB</prop>
            <prop type="targetlang">de-DE</prop>
            <prop type="targetlang">fr-FR</prop>
          </header>
          <body>
            <tu changedate="20240105T101500Z" creationdate="20240105T100000Z" creationid="penerjemah1" changeid="penyunting1">
              <prop type="client">Kantor Berita Contoh</prop>
              <prop type="x-context-pre">Pariwisata Bali pulih setelah pandemi.</prop>
              <prop type="x-context-post"></prop>
              <tuv xml:lang="id-ID">
                <seg>Jumlah wisatawan mancanegara ke Bali naik tajam pada musim panas.</seg>
              </tuv>
              <tuv xml:lang="en-US">
                <seg>The number of foreign tourists to Bali rose sharply over the summer.</seg>
              </tuv>
              <tuv xml:lang="en-GB">
                <note>Ejaan Inggris Britania.</note>
                <seg>The number of overseas tourists to Bali rose sharply over the summer.</seg>
              </tuv>
              <tuv xml:lang="de-DE">
                <seg>Die Zahl ausländischer Touristen auf Bali stieg im Sommer stark an.</seg>
              </tuv>
              <tuv xml:lang="fr-FR">
                <seg>Le nombre de touristes étrangers à Bali a fortement augmenté cet été.</seg>
              </tuv>
            </tu>
            <tu changedate="20240106T080000Z" creationdate="20240106T080000Z" creationid="penerjemah2">
              <tuv xml:lang="id-ID">
                <seg>Pemerintah daerah memperbaiki jalan menuju pusat kota.</seg>
              </tuv>
              <tuv xml:lang="en-US">
                <seg>The regional government repaired the road to the center of town.</seg>
              </tuv>
              <tuv xml:lang="en-GB">
                <seg>The regional government repaired the road to the centre of town.</seg>
              </tuv>
              <tuv xml:lang="en-AU">
                <seg>The regional government fixed up the road into the town centre.</seg>
              </tuv>
              <tuv xml:lang="de-DE">
                <seg>Die Regionalregierung ließ die Straße ins Stadtzentrum ausbessern.</seg>
              </tuv>
              <tuv xml:lang="fr-FR">
                <seg>Le gouvernement régional a réparé la route du centre-ville.</seg>
              </tuv>
            </tu>
            <tu tuid="mq-3" creationdate="20240107T090000Z" creationid="penerjemah1">
              <prop type="x-context-pre"></prop>
              <tuv xml:lang="de-DE">
                <seg>Der Flughafen erweitert sein Terminal.</seg>
              </tuv>
              <tuv xml:lang="id-ID">
                <seg>Bandara memperluas terminalnya.</seg>
              </tuv>
              <tuv xml:lang="en-GB">
                <seg>The airport is enlarging its terminal.</seg>
              </tuv>
            </tu>
            <tu creationdate="20240108T090000Z" creationid="penerjemah3">
              <tuv xml:lang="de-DE">
                <seg>Hotels melden volle Buchungen.</seg>
              </tuv>
              <tuv xml:lang="fr-FR">
                <seg>Les hôtels affichent complet.</seg>
              </tuv>
            </tu>
          </body>
        </tmx>

        """#)

    /// Every inline element of TMX 1.4b; `sub` inside `ph` and `bpt`, a `ph` inside a `sub`, a
    /// `bpt`/`ept` pair inside `hi`, and a segment of inline code only.
    private static let okapi = Fixture(name: "okapi.tmx", text: #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="okapi" creationtoolversion="1.45.0" segtype="sentence" o-tmf="okp" adminlang="en" srclang="id-ID" datatype="html"></header><body>
        <tu tuid="halaman-1"><prop type="Txt::FileName">banjir.html</prop>
        <tuv xml:lang="id-ID"><seg>Lihat <ph x="1" type="image">&lt;img src="peta.png" alt="<sub type="x-alt">Peta banjir Jakarta</sub>"/&gt;</ph> dan <bpt i="2" type="link" x="2">&lt;a title="<sub>Berita terkait</sub>" href="/berita/1"&gt;</bpt>laporan lengkapnya<ept i="2">&lt;/a&gt;</ept>.</seg></tuv>
        <tuv xml:lang="en-US"><seg>See <ph x="1" type="image">&lt;img src="peta.png" alt="<sub type="x-alt">Map of the Jakarta floods</sub>"/&gt;</ph> and <bpt i="2" type="link" x="2">&lt;a title="<sub>Related news</sub>" href="/berita/1"&gt;</bpt>the full report<ept i="2">&lt;/a&gt;</ept>.</seg></tuv>
        </tu>
        <tu tuid="halaman-2"><prop type="Txt::FileName">banjir.html</prop>
        <tuv xml:lang="id-ID"><seg><it pos="begin" x="3" type="italic">&lt;i&gt;</it>Ketinggian air mencapai <hi type="x-number" x="4">dua meter</hi> di <ut x="5">{\cs6\f1 </ut>Kampung Melayu<ut x="6">}</ut>.</seg></tuv>
        <tuv xml:lang="en-US"><seg><it pos="begin" x="3" type="italic">&lt;i&gt;</it>The water reached <hi type="x-number" x="4">two metres</hi> in <ut x="5">{\cs6\f1 </ut>Kampung Melayu<ut x="6">}</ut>.</seg></tuv>
        </tu>
        <tu tuid="halaman-3">
        <tuv xml:lang="id-ID"><seg>Keterangan: <ph x="7">&lt;span title="<sub>catatan <ph x="8">&amp;lt;br/&amp;gt;</ph> redaksi</sub>"/&gt;</ph> <hi type="x-name">Sutopo <bpt i="9">&lt;b&gt;</bpt>Purwo<ept i="9">&lt;/b&gt;</ept></hi></seg></tuv>
        <tuv xml:lang="en-US"><seg>Caption: <ph x="7">&lt;span title="<sub>editor's <ph x="8">&amp;lt;br/&amp;gt;</ph> note</sub>"/&gt;</ph> <hi type="x-name">Sutopo <bpt i="9">&lt;b&gt;</bpt>Purwo<ept i="9">&lt;/b&gt;</ept></hi></seg></tuv>
        </tu>
        <tu tuid="halaman-4">
        <tuv xml:lang="id-ID"><seg><ph x="10">&lt;br/&gt;</ph></seg></tuv>
        <tuv xml:lang="en-US"><seg><ph x="10">&lt;br/&gt;</ph></seg></tuv>
        </tu>
        </body></tmx>

        """#)

    private static let fixtures = [trados, omegaT11, memoQ, okapi]

    // MARK: - Tests

    func testTradosUTF16FileWithUserDefinedEncodingsAndRTFProps() throws {
        try roundTrip(CATInteropTests.trados)
    }

    func testOmegaTTMX11FileWithLangAttributes() throws {
        try roundTrip(CATInteropTests.omegaT11)
    }

    func testMemoQFiveLanguageUnitsWithRegionalVariants() throws {
        try roundTrip(CATInteropTests.memoQ)
    }

    func testInlineCodesWithSubInsideNativeCode() throws {
        try roundTrip(CATInteropTests.okapi)
    }

    /// Three files in one import, then a fourth: the memory file of the three has a header with
    /// every file's props, notes and encodings; the export's header has all four's; and every unit
    /// keeps what its own file's header said of its data (`datatype`, `o-tmf`, `segtype`,
    /// `o-encoding`), in the memory and in the export, where the files disagree.
    func testFilesOfSeveralToolsInOneMemoryKeepTheirHeaders() throws {
        let python = try Interop.translateToolkit()
        _ = (try Interop.tool("xmllint"), try Interop.shared("spec/tmx14.dtd"))
        let folder = try TMProcess.temporaryFolder(self)
        let inputs = try CATInteropTests.fixtures.map { try write($0, in: folder) }
        let memory = folder.appendingPathComponent("memory")
        let together = try TMProcess.run(["import", "--tm", memory.path, "--json"] + inputs.dropLast().map(\.path))
        XCTAssertEqual(together.status, 0, together.stderr)
        let stored = URL(fileURLWithPath: try XCTUnwrap(try json(together.stdout)["writtenTo"] as? String))
        let alone = try TMProcess.run(["import", "--tm", memory.path, inputs.last!.path])
        XCTAssertEqual(alone.status, 0, alone.stderr)
        let export = folder.appendingPathComponent("export.tmx")
        let exported = try TMProcess.run(["export", "--tm", memory.path, "--out", export.path, "--src", "id-ID", "--tgt", "en-US"])
        XCTAssertEqual(exported.status, 2, exported.stderr)
        try Interop.validateAgainstDTD(stored)
        try Interop.validateAgainstDTD(export)

        let dumps = try dump(python, inputs + [stored, export])
        let sources = Array(dumps.prefix(inputs.count))
        let (three, written) = (dumps[inputs.count], dumps[inputs.count + 1])
        for (name, file, from) in [("memory", three, sources.dropLast()), ("export", written, sources[...])] {
            XCTAssertEqual(file.header.props, from.flatMap(\.header.props), name)
            XCTAssertEqual(file.header.notes, from.flatMap(\.header.notes), name)
            XCTAssertEqual(file.header.udes, from.flatMap(\.header.udes), name)
        }
        let origins = sources.flatMap { source in source.units.map { (source.header, $0) } }
        XCTAssertEqual(three.units.count, origins.count - sources.last!.units.count)
        for ((header, unit), got) in zip(origins, three.units) {
            assertDataAttributes(of: got, in: three.header, equal: header, unit.variants[0].text)
        }
        let exportable = origins.filter { choose($0.1, source: "id-ID", target: "en-US") != nil }
        XCTAssertEqual(written.units.count, exportable.count)
        for ((header, unit), got) in zip(exportable, written.units) {
            assertDataAttributes(of: got, in: written.header, equal: header, unit.variants[0].text)
        }
    }

    /// A Trados memory used as a single-file memory: importing into it keeps every byte it held and
    /// its UTF-16, and the units added keep what their own file's header said of their data.
    func testImportIntoATradosUTF16MemoryKeepsItsBytes() throws {
        let python = try Interop.translateToolkit()
        let folder = try TMProcess.temporaryFolder(self)
        let original = CATInteropTests.trados.data
        let memory = folder.appendingPathComponent("trados-memory.tmx")
        try original.write(to: memory)
        let inputs = try [CATInteropTests.memoQ, CATInteropTests.okapi].map { try write($0, in: folder) }
        let imported = try TMProcess.run(["import", "--tm", memory.path, "--json"] + inputs.map(\.path))
        XCTAssertEqual(imported.status, 0, imported.stderr)

        // Every byte of the Trados file stands in the memory, in order: up to `</header>` (the
        // other files' header items go before it), from there to the last unit, and from
        // `</body>` on (the new units go before it).
        let bytes = try Data(contentsOf: memory)
        func utf16(_ text: String) -> Data { text.data(using: .utf16LittleEndian)! }
        let headerEnd = try XCTUnwrap(original.range(of: utf16("</header>"))).lowerBound
        let lastUnit = try XCTUnwrap(original.range(of: utf16("</tu>"), options: .backwards)).upperBound
        let body = try XCTUnwrap(original.range(of: utf16("</body>"), options: .backwards)).lowerBound
        XCTAssertEqual(bytes.prefix(headerEnd - 2 * 3), original.prefix(headerEnd - 2 * 3), "up to the blanks before </header>")
        let middle = original[(headerEnd - 2 * 3)..<lastUnit]
        XCTAssertNotNil(bytes.range(of: Data(middle)), "from </header> to the last unit")
        XCTAssertEqual(bytes.suffix(original.count - body), original.suffix(original.count - body))

        let dumps = try dump(python, [try write(CATInteropTests.trados, in: folder)] + inputs + [memory])
        let stored = dumps[3]
        // The Trados header's attributes stay; the other files' header items it lacks are added.
        XCTAssertEqual(stored.header.attributes, dumps[0].header.attributes)
        func union<Item: Equatable>(_ lists: [[Item]]) -> [Item] { lists.joined().reduce(into: []) { if !$0.contains($1) { $0.append($1) } } }
        XCTAssertEqual(stored.header.props, union(dumps[0...2].map(\.header.props)))
        XCTAssertEqual(stored.header.notes, union(dumps[0...2].map(\.header.notes)))
        XCTAssertEqual(stored.header.udes, union(dumps[0...2].map(\.header.udes)))
        XCTAssertGreaterThan(stored.header.props.count, dumps[0].header.props.count, "the fixtures' headers differ")
        try Interop.validateAgainstDTD(memory)
        let origins = dumps[0...2].flatMap { source in source.units.map { (source.header, $0) } }
        XCTAssertEqual(stored.units.count, origins.count)
        for ((header, unit), got) in zip(origins, stored.units) {
            // An attribute the unit's own header lacks cannot be taken back from the Trados header
            // (`o-encoding`): only the ones its header gives are compared.
            assertDataAttributes(of: got, in: stored.header, equal: header, unit.variants[0].text, onlyGiven: true)
        }
    }

    // MARK: - One fixture, end to end

    /// The exports of every fixture: id–en as OmegaT and memoQ want it, en-GB as the target, a
    /// regional pair, level 1 and TSV.
    private struct Export {
        var source: String
        var target: String
        var level = 2
        var tsv = false
        var arguments: [String] {
            ["--src", source, "--tgt", target, "--level", String(level)] + (tsv ? ["--format", "tsv"] : [])
        }
        var fileName: String { "export-\(source)-\(target)-\(level)." + (tsv ? "tsv" : "tmx") }
    }

    private static let exports = [
        Export(source: "id-ID", target: "en-US"),
        Export(source: "id-ID", target: "en-GB"),
        Export(source: "en-US", target: "en-GB"),
        Export(source: "id-ID", target: "en-US", level: 1),
        Export(source: "id-ID", target: "en-US", tsv: true),
    ]

    /// Imports `fixture` into a fresh memory, counts it, exports it every way and checks each file.
    private func roundTrip(_ fixture: Fixture, line: UInt = #line) throws {
        let python = try Interop.translateToolkit()
        _ = (try Interop.tool("xmllint"), try Interop.shared("spec/tmx14.dtd"))
        let folder = try TMProcess.temporaryFolder(self)
        let input = try write(fixture, in: folder)
        let memory = folder.appendingPathComponent("memory")
        let original = try dump(python, [input])[0]

        let imported = try TMProcess.run(["import", "--tm", memory.path, input.path, "--json"])
        XCTAssertEqual(imported.status, 0, imported.stderr, line: line)
        let importReport = try json(imported.stdout)
        XCTAssertEqual(importReport["unitsRead"] as? Int, original.units.count, line: line)
        XCTAssertEqual(importReport["added"] as? Int, original.units.count, line: line)
        XCTAssertEqual((importReport["skipped"] as? [Any])?.count, 0, line: line)

        let stats = try TMProcess.run(["stats", "--tm", memory.path, "--json"])
        XCTAssertEqual(stats.status, 0, stats.stderr, line: line)
        let statistics = try json(stats.stdout)
        XCTAssertEqual(statistics["units"] as? Int, original.units.count, "every unit counted", line: line)
        XCTAssertEqual((statistics["skipped"] as? [Any])?.count, 0, line: line)
        var codes: [String: Int] = [:]
        for variant in original.units.flatMap(\.variants) { codes[normalized(variant.lang), default: 0] += 1 }
        XCTAssertEqual(statistics["languageCodes"] as? [String: Int], codes, "every variant counted", line: line)

        // The memory file: the header and every unit as the tool wrote them (codes normalised).
        let stored = try memoryFile(memory)
        try Interop.validateAgainstDTD(stored)
        let kept = try dump(python, [stored])[0]
        assertHeaderKept(kept.header, of: original.header, line: line)
        for (name, value) in original.header.attributes {
            XCTAssertEqual(kept.header.attributes[name], value, "header \(name) in the memory", line: line)
        }
        XCTAssertEqual(kept.units.map(comparable), original.units.map(comparable), "every unit and variant kept", line: line)

        var written: [(Export, URL, [String: Any])] = []
        for export in CATInteropTests.exports {
            let out = folder.appendingPathComponent(export.fileName)
            let result = try TMProcess.run(["export", "--tm", memory.path, "--out", out.path, "--json"] + export.arguments)
            let report = try json(result.stdout)
            checkReport(report, status: result.status, stderr: result.stderr, of: export, from: original, line: line)
            written.append((export, out, report))
        }
        let tmxExports = written.filter { !$0.0.tsv }
        for (_, out, _) in tmxExports { try Interop.validateAgainstDTD(out) }
        let exportDumps = try dump(python, tmxExports.map(\.1))
        for ((export, _, _), got) in zip(tmxExports, exportDumps) {
            checkTMXExport(got, of: export, from: original, line: line)
        }
        let toolkit = try readWithToolkit(python, written.map(\.1))
        for ((export, out, report), read) in zip(written, toolkit) {
            checkToolkitReading(read, of: export, written: report["unitsWritten"] as? Int ?? -1, from: original,
                                file: out.lastPathComponent, line: line)
        }
    }

    /// The report, the exit status and stderr: every unit left out or altered is counted and said.
    private func checkReport(_ report: [String: Any], status: Int32, stderr: String, of export: Export,
                             from original: TMXDump, line: UInt) {
        let chosen = original.units.compactMap { choose($0, source: export.source, target: export.target) }
        let leftOut = original.units.filter { choose($0, source: export.source, target: export.target) == nil }
        var expected: [String] = []
        if !leftOut.isEmpty {
            var sets: [String: Int] = [:]
            for unit in leftOut { sets[Set(unit.variants.map { normalized($0.lang) }).sorted().joined(separator: "+"), default: 0] += 1 }
            let listed = sets.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            expected.append("left out: \(units(leftOut.count)) without both \(export.source) and \(export.target) (languages of those: \(listed.joined(separator: ", ")))")
        }
        let pairs = chosen.map { [$0.variants[0], $0.variants[1]] }
        var withoutText = 0, altered = 0
        if export.tsv {
            let withText = pairs.filter { pair in !pair.contains { $0.plain.allSatisfy(\.isWhitespace) } }
            withoutText = pairs.count - withText.count
            altered = withText.filter { pair in pair.contains { $0.subText || tsvField($0.plain) != $0.plain } }.count
            if withoutText > 0 { expected.append("left out: \(units(withoutText)) whose text is only inline code") }
            if altered > 0 { expected.append("altered: \(units(altered)) with tabs or line breaks written as spaces, or text inside <sub> dropped") }
            // What a TSV line cannot hold: the other variants, the props and notes.
            let written = chosen.filter { unit in !unit.variants.prefix(2).contains { $0.plain.allSatisfy(\.isWhitespace) } }
            let others = written.filter { $0.variants.count > 2 }.count
            if others > 0 { expected.append("left out: the other variants of \(units(others))") }
            let annotated = written.filter { unit in
                !unit.props.isEmpty || !unit.notes.isEmpty || unit.variants.prefix(2).contains { !$0.props.isEmpty || !$0.notes.isEmpty }
            }.count
            if annotated > 0 { expected.append("left out: the props or notes of \(units(annotated))") }
        } else if export.level == 1 {
            altered = pairs.filter { $0.contains(where: \.subText) }.count
            if altered > 0 { expected.append("altered: \(units(altered)) with text inside <sub> dropped") }
            let emptied = chosen.filter { unit in unit.variants.contains { $0.plain.allSatisfy(\.isWhitespace) && $0.seg.contains("<") } }.count
            if emptied > 0 { expected.append("emptied: \(units(emptied)) written with an empty <seg>") }
        }
        let context = "\(export.arguments.joined(separator: " ")): \(stderr)"
        XCTAssertEqual(status, expected.isEmpty ? 0 : 2, context, line: line)
        let lines = stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, expected.count, context, line: line)
        for (got, want) in zip(lines, expected) {
            XCTAssertTrue(got.hasPrefix(want), "\(got)\ndoes not start with\n\(want)", line: line)
        }
        XCTAssertEqual(report["unitsWritten"] as? Int, chosen.count - withoutText, context, line: line)
        XCTAssertEqual(report["unitsWithoutPair"] as? Int, leftOut.count, context, line: line)
        XCTAssertEqual(report["unitsWithoutText"] as? Int, withoutText, context, line: line)
        XCTAssertEqual(report["unitsAltered"] as? Int, altered, context, line: line)
    }

    /// A TMX export: the header's props, notes, encodings and data attributes, and every unit that
    /// has the pair with all its variants, the pair first and spelt as asked.
    private func checkTMXExport(_ got: TMXDump, of export: Export, from original: TMXDump, line: UInt) {
        let name = export.fileName
        assertHeaderKept(got.header, of: original.header, name, line: line)
        for attribute in CATInteropTests.dataAttributes {
            XCTAssertEqual(got.header.attributes[attribute], original.header.attributes[attribute], "\(name): header \(attribute)", line: line)
        }
        var expected = original.units.compactMap { choose($0, source: export.source, target: export.target) }
        if export.level == 1 {
            for unit in expected.indices {
                for variant in expected[unit].variants.indices {
                    let plain = expected[unit].variants[variant].plain
                    expected[unit].variants[variant].seg = escape(plain)
                    expected[unit].variants[variant].text = plain
                    expected[unit].variants[variant].subText = false
                }
            }
        }
        XCTAssertEqual(got.units.count, expected.count, name, line: line)
        for (unit, want) in zip(got.units, expected) {
            let languages = unit.variants.map { $0.lang.lowercased() }
            XCTAssertEqual(Set(languages).count, languages.count, "\(name): one xml:lang twice in \(languages)", line: line)
            XCTAssertEqual(unit.variants.prefix(2).map(\.lang), [export.source, export.target], name, line: line)
            XCTAssertEqual(comparable(unit), comparable(want), "\(name): every variant kept", line: line)
        }
    }

    /// What translate-toolkit reads: every unit written, with the texts of every variant (TMX),
    /// or every row (TSV, read as an OmegaT glossary: the header row first).
    private func checkToolkitReading(_ read: [ToolkitUnit], of export: Export, written: Int, from original: TMXDump,
                                     file: String, line: UInt) {
        let chosen = original.units.compactMap { choose($0, source: export.source, target: export.target) }
        if export.tsv {
            let rows = chosen.map { $0.variants.prefix(2).map { tsvField($0.plain) } }.filter { !$0.contains { $0.allSatisfy(\.isWhitespace) } }
            XCTAssertEqual(read.count, written + 1, file, line: line)
            XCTAssertEqual(read.map { [$0.source, $0.target] }, [[export.source, export.target]] + rows, file, line: line)
            return
        }
        XCTAssertEqual(read.count, written, file, line: line)
        let expected = chosen.map { unit in unit.variants.map { [$0.lang.lowercased(), export.level == 1 ? $0.plain : $0.text] } }
        XCTAssertEqual(read.map { $0.variants.map { [$0[0].lowercased(), $0[1]] } }, expected, file, line: line)
        XCTAssertEqual(read.map { [$0.source, $0.target] }, expected.map { [$0[0][1], $0[1][1]] }, file, line: line)
    }

    private func assertHeaderKept(_ got: TMXDump.Header, of original: TMXDump.Header, _ name: String = "memory", line: UInt) {
        XCTAssertEqual(got.props, original.props, "\(name): header props", line: line)
        XCTAssertEqual(got.notes, original.notes, "\(name): header notes", line: line)
        XCTAssertEqual(got.udes, original.udes, "\(name): header ude/map", line: line)
    }

    /// Header attributes that describe the units' data, which a unit may carry itself.
    private static let dataAttributes = ["datatype", "o-tmf", "segtype", "o-encoding"]

    /// `unit` (in a file with `header`) says of its data what `own` (its original file's header) said.
    private func assertDataAttributes(of unit: TMXDump.Unit, in header: TMXDump.Header, equal own: TMXDump.Header,
                                      _ what: String, onlyGiven: Bool = false, line: UInt = #line) {
        for name in CATInteropTests.dataAttributes where !onlyGiven || own.attributes[name] != nil {
            let effective = unit.attributes[name] ?? header.attributes[name]
            XCTAssertEqual(effective, own.attributes[name], "\(name) of “\(what)”", line: line)
        }
    }

    // MARK: - Export rules, from the issue (not from the code under test)

    /// The unit as an export for `source`–`target` must hold it, or nil when it lacks one side:
    /// the exact tag wins, then the same primary language; the pair first, spelt as asked; every
    /// other variant after it, with its own code.
    private func choose(_ unit: TMXDump.Unit, source: String, target: String) -> TMXDump.Unit? {
        func pick(_ code: String, excluding: Int?) -> Int? {
            let candidates = unit.variants.indices.filter { $0 != excluding }
            return candidates.first { unit.variants[$0].lang.lowercased() == code.lowercased() }
                ?? candidates.first { primary(unit.variants[$0].lang) == primary(code) }
        }
        guard let s = pick(source, excluding: nil), let t = pick(target, excluding: s) else { return nil }
        var result = unit
        var (sourceVariant, targetVariant) = (unit.variants[s], unit.variants[t])
        (sourceVariant.lang, targetVariant.lang) = (source, target)
        result.variants = [sourceVariant, targetVariant] + unit.variants.indices.filter { $0 != s && $0 != t }.map { unit.variants[$0] }
        return result
    }

    private func primary(_ code: String) -> String {
        let head = code.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        return head == "in" ? "id" : head
    }

    /// `ID-ID` → `id-ID`: how `tm` stores a code.
    private func normalized(_ code: String) -> String {
        let parts = code.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        return ([primary(code)] + parts.dropFirst().map { $0.count == 2 ? $0.uppercased() : $0.lowercased() }).joined(separator: "-")
    }

    /// A unit with language codes compared case-insensitively.
    private func comparable(_ unit: TMXDump.Unit) -> TMXDump.Unit {
        var unit = unit
        for index in unit.variants.indices { unit.variants[index].lang = unit.variants[index].lang.lowercased() }
        return unit
    }

    private func units(_ count: Int) -> String { count == 1 ? "1 unit" : "\(count) units" }

    private func tsvField(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }))
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    // MARK: - Files and outside readers

    private func write(_ fixture: Fixture, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(fixture.name)
        try fixture.data.write(to: url)
        return url
    }

    /// The one TMX file of a memory folder.
    private func memoryFile(_ memory: URL) throws -> URL {
        let files = try FileManager.default.contentsOfDirectory(atPath: memory.path).filter { $0.hasSuffix(".tmx") }
        XCTAssertEqual(files.count, 1, "\(files)")
        return memory.appendingPathComponent(try XCTUnwrap(files.first))
    }

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    /// A TMX file as lxml reads it: the header, and every unit with its attributes, props, notes
    /// and variants; a segment's markup with attributes sorted, its text (native code included,
    /// as translate-toolkit gives it) and its plain text (native code and `sub` left out).
    private struct TMXDump: Decodable, Equatable {
        struct Property: Decodable, Equatable { var type: String; var attributes: [String: String]; var text: String }
        struct Note: Decodable, Equatable { var attributes: [String: String]; var text: String }
        struct Encoding: Decodable, Equatable { var attributes: [String: String]; var maps: [[String: String]] }
        struct Header: Decodable, Equatable {
            var attributes: [String: String]
            var props: [Property]
            var notes: [Note]
            var udes: [Encoding]
        }
        struct Variant: Decodable, Equatable {
            var lang: String
            var attributes: [String: String]
            var props: [Property]
            var notes: [Note]
            var seg: String
            var text: String
            var plain: String
            var subText: Bool
        }
        struct Unit: Decodable, Equatable {
            var attributes: [String: String]
            var props: [Property]
            var notes: [Note]
            var variants: [Variant]
        }
        var header: Header
        var units: [Unit]
    }

    private static let dumpScript = #"""
        import json, sys
        from lxml import etree
        XML = "{http://www.w3.org/XML/1998/namespace}"
        CODE = {"bpt", "ept", "ph", "it", "ut"}
        def attrs(e, drop=()):
            named = {k.replace(XML, "xml:"): v for k, v in e.attrib.items()}
            return {k: v for k, v in named.items() if k not in drop}
        def esc(t):
            return (t or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        def markup(e):
            out = esc(e.text)
            for c in e:
                a = "".join(' %s="%s"' % (k, esc(v).replace('"', "&quot;")) for k, v in sorted(attrs(c).items()))
                out += "<%s%s>%s</%s>" % (c.tag, a, markup(c), c.tag) + esc(c.tail)
            return out
        def plain(e):
            out = e.text or ""
            for c in e:
                if c.tag not in CODE and c.tag != "sub":
                    out += plain(c)
                out += c.tail or ""
            return out
        def meta(e):
            # A run's props (x-tm-run, x-tm-run-user) are tm's own, new on every import: RunCommandTests checks them.
            return {"props": [{"type": p.get("type", ""), "attributes": attrs(p, ("type",)), "text": p.text or ""} for p in e.findall("prop")
                              if not p.get("type", "").startswith("x-tm-run")],
                    "notes": [{"attributes": attrs(n), "text": n.text or ""} for n in e.findall("note")]}
        def variant(tuv):
            seg = tuv.find("seg")
            return dict(lang=tuv.get(XML + "lang") or tuv.get("lang") or "", attributes=attrs(tuv, ("xml:lang", "lang")),
                        seg=markup(seg), text="".join(seg.itertext()), plain=plain(seg),
                        subText=any("".join(s.itertext()).strip() != "" for s in seg.iter("sub")), **meta(tuv))
        def dump(path):
            root = etree.parse(path, etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
            header = root.find("header")
            udes = [{"attributes": attrs(u), "maps": [attrs(m) for m in u.findall("map")]} for u in header.findall("ude")]
            units = [dict(attributes=attrs(tu), variants=[variant(tuv) for tuv in tu.findall("tuv")], **meta(tu))
                     for tu in root.find("body").findall("tu")]
            return {"header": dict(attributes=attrs(header), udes=udes, **meta(header)), "units": units}
        json.dump([dump(p) for p in sys.argv[1:]], sys.stdout)
        """#

    private func dump(_ python: URL, _ files: [URL]) throws -> [TMXDump] {
        let result = try TMProcess.runProgram(python, ["-c", CATInteropTests.dumpScript] + files.map(\.path))
        guard result.status == 0 else { throw InteropFailure(message: "lxml could not read \(files.map(\.lastPathComponent)):\n\(result.stderr)") }
        return try JSONDecoder().decode([TMXDump].self, from: Data(result.stdout.utf8))
    }

    private struct ToolkitUnit: Decodable {
        var source: String
        var target: String
        /// `[xml:lang, text]` of every `tuv` (TMX only).
        var variants: [[String]]
    }

    private static let toolkitScript = #"""
        import json, sys
        from translate.storage import omegat, tmx
        from translate.misc.xml_helpers import getXMLlang
        def read(path):
            if path.endswith(".tsv"):
                with open(path, "rb") as f:
                    return [dict(source=u.source, target=u.target, variants=[]) for u in omegat.OmegaTFile(f).units]
            store = tmx.tmxfile.parsefile(path)
            return [dict(source=u.source, target=u.target,
                         variants=[[getXMLlang(n), u.getNodeText(n)] for n in u.getlanguageNodes()]) for u in store.units]
        json.dump([read(p) for p in sys.argv[1:]], sys.stdout)
        """#

    private func readWithToolkit(_ python: URL, _ files: [URL]) throws -> [[ToolkitUnit]] {
        let result = try TMProcess.runProgram(python, ["-c", CATInteropTests.toolkitScript] + files.map(\.path))
        guard result.status == 0 else { throw InteropFailure(message: "translate-toolkit could not read \(files.map(\.lastPathComponent)):\n\(result.stderr)") }
        return try JSONDecoder().decode([[ToolkitUnit]].self, from: Data(result.stdout.utf8))
    }
}
