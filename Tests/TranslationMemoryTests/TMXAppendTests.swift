import Foundation
import XCTest
@testable import TranslationMemory

/// Adding units to a single-file memory keeps every byte the file held (issue: fidelity, item 2).
final class TMXAppendTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tmx-append-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// What a CAT tool writes and `tm`'s reader does not model: a DOCTYPE, comments, `ude` and
    /// `map`, header props and notes, a `tuv` without a language, an empty `tu`, an element of
    /// the tool's own, its own layout.
    static let foreign = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE tmx SYSTEM "tmx14.dtd">
        <!-- exported by a CAT tool -->
        <tmx version="1.4">
        <header creationtool="SDL Language Platform" creationtoolversion="8.1" o-tmf="SDL TM8 Format" datatype="rtf"
            segtype="sentence" adminlang="en-US" srclang="id-ID" o-encoding="windows-1252">
          <note>Project: Berita Ekonomi</note>
          <prop type="x-Recognizers">RecognizeAll</prop>
          <ude name="MacRoman" base="Macintosh"><map unicode="#xF8FF" code="#xF0" ent="Apple_logo" subst="[Apple]"/></ude>
        </header>
        <body>
        \t<tu tuid="1" creationid="SITI"><tuv xml:lang="id-ID"><seg>Inflasi turun.</seg></tuv><tuv xml:lang="en-US"><seg>Inflation fell.</seg></tuv></tu>
        \t<tu tuid="2"><tuv><seg>Tanpa bahasa.</seg></tuv><tuv xml:lang="en-US"><seg>No language.</seg></tuv></tu>
        \t<tu tuid="3"></tu>
        \t<x-tool-data key="k">opaque</x-tool-data>
        \t<!-- a comment between units -->
        </body>
        </tmx>

        """

    private func newUnit(_ indonesian: String, _ english: String) -> TranslationUnit {
        TranslationUnit(attributes: [XMLAttribute("creationid", "tm")],
                        variants: [Variant(language: "id-ID", segment: Segment(text: indonesian)),
                                   Variant(language: "en-US", segment: Segment(text: english))])
    }

    private func append(_ units: [TranslationUnit], to path: String) throws {
        let memory = TranslationMemoryStore(path: path)
        XCTAssertTrue(memory.isSingleFile)
        let lock = try memory.lock()
        defer { withExtendedLifetime(lock) {} }
        try memory.append(units, name: "test", run: MemoryRun(command: "test", files: []))
    }

    /// The old file's bytes must stand at the start and at the end of the new one, split where
    /// the new units went in.
    private func assertKeepsEveryByte(_ old: Data, _ new: Data, file: StaticString = #filePath, line: UInt = #line) {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[old.startIndex + prefix] == new[new.startIndex + prefix] { prefix += 1 }
        let suffix = old.count - prefix
        XCTAssertGreaterThan(new.count, old.count, file: file, line: line)
        XCTAssertEqual(new.suffix(suffix), old.suffix(suffix), "the bytes after the insertion point changed", file: file, line: line)
    }

    /// The old file's bytes must all stand in the new one, in order, with new bytes in at most
    /// two places (the header's new items, the new units).
    private func assertKeepsEveryByteAroundTwoInsertions(_ old: Data, _ new: Data, file: StaticString = #filePath, line: UInt = #line) {
        let (old, new) = ([UInt8](old), [UInt8](new))
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let middle = Data(old[prefix..<old.count - suffix])
        XCTAssertNotNil(Data(new[prefix..<new.count - suffix]).range(of: middle), "bytes of the old file are missing", file: file, line: line)
    }

    /// Importing a CAT tool's TMX into an existing single-file memory used to drop its header's
    /// notes, props and `ude`s: the memory's header takes those it lacks, byte for byte around
    /// them, the units say their tool and data, and an export carries it all on.
    func testImportIntoASingleFileMemoryKeepsTheImportedHeader() throws {
        let input = folder.appendingPathComponent("trados.tmx").path
        try Data(Self.foreign.utf8).write(to: URL(fileURLWithPath: input))
        let headers = [
            #"<header creationtool="tm" creationtoolversion="0.1.0" segtype="sentence" o-tmf="tm" adminlang="en-US" srclang="id-ID" datatype="plaintext">"#
                + "\n    <prop type=\"x-own\">Milik sendiri</prop>\n    <note>Project: Berita Ekonomi</note>\n  </header>",
            #"<header creationtool="tm" creationtoolversion="0.1.0" segtype="sentence" o-tmf="tm" adminlang="en-US" srclang="id-ID" datatype="plaintext" />"#,
        ]
        for (number, header) in headers.enumerated() {
            let path = folder.appendingPathComponent("memory-\(number).tmx").path
            let original = Data("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- <header> in a comment is no header -->
                <tmx version="1.4">
                  \(header)
                  <body>
                    <tu><tuv xml:lang="id-ID"><seg>Sudah ada.</seg></tuv><tuv xml:lang="en-US"><seg>Already there.</seg></tuv></tu>
                  </body>
                </tmx>

                """.utf8)
            try original.write(to: URL(fileURLWithPath: path))
            let before = try TMXReader(path: path).header
            let memory = TranslationMemoryStore(path: path)
            XCTAssertEqual(try MemoryImporter.importFiles([input], into: memory).added, 1)
            let after = try Data(contentsOf: URL(fileURLWithPath: path))
            // An empty `<header … />` has to lose its `/` to hold the items: every other byte stays.
            let opened = String(decoding: original, as: UTF8.self).replacingOccurrences(of: "\" />", with: "\" >")
            assertKeepsEveryByteAroundTwoInsertions(Data(opened.utf8), after)

            let (stored, units, _) = try TMXReader.readAll(path: path)
            XCTAssertEqual(stored.attributes, before.attributes, "the memory's own attributes stay")
            XCTAssertEqual(stored.properties, before.properties + [Property(type: "x-Recognizers", value: "RecognizeAll")])
            XCTAssertEqual(stored.notes.map(\.text), ["Project: Berita Ekonomi"], "a note the memory has is not repeated")
            XCTAssertEqual(stored.userDefinedEncodings.first?.maps.first?.first { $0.name == "ent" }?.value, "Apple_logo")
            let added = try XCTUnwrap(units.last)
            for (name, value) in [("datatype", "rtf"), ("o-encoding", "windows-1252"), ("creationtool", "SDL Language Platform"),
                                  ("creationtoolversion", "8.1")] {
                XCTAssertEqual(added.attribute(name), value, name)
            }
            XCTAssertNil(units[0].attribute("creationtool"), "the memory's own unit is as it was")

            let exported = folder.appendingPathComponent("out-\(number).tmx").path
            _ = try MemoryExporter.export(memory, to: exported)
            let (header, exportedUnits, _) = try TMXReader.readAll(path: exported)
            XCTAssertEqual(header.properties, stored.properties)
            XCTAssertEqual(header.notes.map(\.text), stored.notes.map(\.text))
            XCTAssertEqual(header.userDefinedEncodings, stored.userDefinedEncodings)
            XCTAssertEqual(exportedUnits.last?.attribute("datatype"), "rtf")
            XCTAssertEqual(exportedUnits.last?.attribute("creationtool"), "SDL Language Platform")
        }
    }

    func testAppendKeepsEveryByteOfAForeignFile() throws {
        let path = folder.appendingPathComponent("trados.tmx").path
        try Data(Self.foreign.utf8).write(to: URL(fileURLWithPath: path))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        try append([newUnit("Ekspor naik 5 persen.", "Exports rose 5 percent.")], to: path)
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        assertKeepsEveryByte(before, after)
        let text = String(decoding: after, as: UTF8.self)
        for kept in ["<ude name=\"MacRoman\"", "<x-tool-data key=\"k\">opaque</x-tool-data>", "<tuv><seg>Tanpa bahasa.</seg>",
                     "<tu tuid=\"3\"></tu>", "<!-- a comment between units -->", "o-encoding=\"windows-1252\""] {
            XCTAssertTrue(text.contains(kept), kept)
        }
        let (header, units, _) = try TMXReader.readAll(path: path)
        XCTAssertEqual(header.attributes.first { $0.name == "creationtool" }?.value, "SDL Language Platform")
        XCTAssertEqual(units.map { $0.variants.first?.segment.plainText }, ["Inflasi turun.", "Ekspor naik 5 persen."])
    }

    func testAppendToAUTF16FileWritesUTF16() throws {
        let path = folder.appendingPathComponent("utf16.tmx").path
        let original = Self.foreign.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        var before = Data([0xFF, 0xFE])
        before.append(original.data(using: .utf16LittleEndian)!)
        try before.write(to: URL(fileURLWithPath: path))
        try append([newUnit("Harga naik di Bogor: şekerli, ü.", "Prices rose in Bogor.")], to: path)
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        assertKeepsEveryByte(before, after)
        let decoded = try XCTUnwrap(String(data: after.dropFirst(2), encoding: .utf16LittleEndian))
        XCTAssertTrue(decoded.contains("<seg>Harga naik di Bogor: şekerli, ü.</seg>"), decoded)
        XCTAssertEqual(try TMXReader.readAll(path: path).units.count, 2)
    }

    func testAppendToALatin1FileKeepsItsEncoding() throws {
        let path = folder.appendingPathComponent("latin1.tmx").path
        let original = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="plaintext"/>
            <body>
            <tu><tuv xml:lang="id"><seg>Café di Jakarta.</seg></tuv><tuv xml:lang="en"><seg>A café in Jakarta.</seg></tuv></tu>
            </body>
            </tmx>

            """
        let before = original.data(using: .isoLatin1)!
        try before.write(to: URL(fileURLWithPath: path))
        // é is Latin-1; ş is not and must come back as a character reference, not be lost.
        try append([newUnit("Kafe é di Eskişehir.", "A café in Eskişehir.")], to: path)
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        assertKeepsEveryByte(before, after)
        let units = try TMXReader.readAll(path: path).units
        XCTAssertEqual(units.map { $0.variants[0].segment.plainText }, ["Café di Jakarta.", "Kafe é di Eskişehir."])
    }

    func testAppendIntoAnEmptyBody() throws {
        let path = folder.appendingPathComponent("empty.tmx").path
        let original = """
            <?xml version="1.0"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="plaintext"/>
            <body/>
            </tmx>

            """
        try Data(original.utf8).write(to: URL(fileURLWithPath: path))
        try append([newUnit("Satu.", "One."), newUnit("Dua.", "Two.")], to: path)
        XCTAssertEqual(try TMXReader.readAll(path: path).units.map { $0.variants[1].segment.plainText }, ["One.", "Two."])
    }

    /// A file without `</body>` cannot take units: refused, and the file is untouched.
    func testAppendRefusesAFileWithoutBody() throws {
        let path = folder.appendingPathComponent("nobody.tmx").path
        let original = Data("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header/></tmx>\n".utf8)
        try original.write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try append([newUnit("Satu.", "One.")], to: path)) { error in
            XCTAssertEqual((error as? TMError)?.path, path)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), original)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }, [])
    }

    /// Importing a CAT tool's file into a folder memory keeps its header (ude/map, props, notes,
    /// datatype, o-encoding, creationtool), and an export carries them on (issue: fidelity, item 3).
    func testImportAndExportKeepTheHeader() throws {
        let input = folder.appendingPathComponent("trados.tmx").path
        try Data(Self.foreign.utf8).write(to: URL(fileURLWithPath: input))
        let memory = TranslationMemoryStore(path: folder.appendingPathComponent("TMX").path)
        let report = try MemoryImporter.importFiles([input], into: memory)
        let stored = try TMXReader(path: try XCTUnwrap(report.writtenTo)).header
        for name in ["creationtool", "datatype", "o-encoding", "o-tmf"] {
            XCTAssertEqual(stored.attribute(name), try TMXReader(path: input).header.attribute(name), name)
        }
        XCTAssertEqual(stored.properties, [Property(type: "x-Recognizers", value: "RecognizeAll")])
        XCTAssertEqual(stored.notes.map(\.text), ["Project: Berita Ekonomi"])
        XCTAssertEqual(stored.userDefinedEncodings.first?.maps.first?.first { $0.name == "ent" }?.value, "Apple_logo")

        let exported = folder.appendingPathComponent("out.tmx").path
        _ = try MemoryExporter.export(memory, to: exported)
        let header = try TMXReader(path: exported).header
        XCTAssertEqual(header.attribute("creationtool"), "tm")
        XCTAssertEqual(header.attribute("datatype"), "rtf")
        XCTAssertEqual(header.attribute("o-encoding"), "windows-1252")
        XCTAssertEqual(header.properties, stored.properties)
        XCTAssertEqual(header.notes.map(\.text), ["Project: Berita Ekonomi"])
        XCTAssertEqual(header.userDefinedEncodings, stored.userDefinedEncodings)
    }
}
