import Foundation
import XCTest
@testable import TranslationMemory

/// The XML layer: checked writes, and readers that keep their errors to themselves.
final class XMLLayerTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("xml-layer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// `/dev/full` accepts the open and refuses every byte with ENOSPC, as a full disk does: the
    /// writer must report it, and it can only learn of it from its checked writes and close.
    func testFullDiskIsReportedNotIgnored() throws {
        let writer = try XMLStreamWriter(path: "/dev/full")
        XCTAssertThrowsError(try {
            try writer.startDocument()
            try writer.startElement("tmx")
            try writer.text(String(repeating: "kata ", count: 10_000))
            try writer.endElement()
            try writer.endDocument()
        }()) { error in
            let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
            XCTAssertTrue(message.contains("/dev/full"), message)
            XCTAssertTrue(message.contains("No space left on device"), message)
            XCTAssertFalse(message.contains("libxml2"), message)
        }
    }

    func testWrittenDocumentReadsBack() throws {
        let path = folder.appendingPathComponent("small.xml").path
        let writer = try XMLStreamWriter(path: path)
        try writer.startDocument()
        try writer.element("p", attributes: [XMLAttribute("xml:lang", "id")], text: "Rp1,5 triliun & \"kutipan\"")
        try writer.endDocument()
        let reader = try XMLStreamReader(path: path)
        var texts: [String] = []
        while try reader.read() {
            guard reader.kind == .startElement, reader.nameIs("p") else { continue }
            XCTAssertEqual(reader.attributes(), [XMLAttribute("xml:lang", "id")])
            texts.append(try reader.readElementText())
        }
        XCTAssertEqual(texts, ["Rp1,5 triliun & \"kutipan\""])
    }

    /// Readers on many threads at once, half of them on broken files: each reports its own file's
    /// error at its own line, never another reader's.
    func testConcurrentReadersKeepTheirOwnErrors() throws {
        var files: [(path: String, brokenLine: Int?)] = []
        for index in 0..<16 {
            let path = folder.appendingPathComponent("file\(index).xml").path
            let broken = index % 2 == 1
            var text = "<?xml version=\"1.0\"?>\n<root>\n"
            for line in 0..<(index + 3) { text += "  <item n=\"\(line)\">teks</item>\n" }
            text += broken ? "  <item>unclosed\n</root>\n" : "</root>\n"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            files.append((path, broken ? index + 3 + 4 : nil))
        }
        let paths = files.map(\.path)
        let results = Results(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            do {
                let reader = try XMLStreamReader(path: paths[index])
                while try reader.read() {}
                results.set(index, "ok")
            } catch {
                results.set(index, "\(error)")
            }
        }
        for (index, file) in files.enumerated() {
            let result = results.get(index) ?? "nothing"
            if let line = file.brokenLine {
                XCTAssertTrue(result.hasPrefix("\(file.path):\(line): "), result)
            } else {
                XCTAssertEqual(result, "ok")
            }
        }
    }
}

extension XMLLayerTests {
    private static let header = """
        <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="plaintext"/>
        """

    private func write(_ text: String, _ name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func message(of body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch {
            return (error as? LocalizedError)?.errorDescription ?? "\(error)"
        }
    }

    /// libxml2 expands entities in attribute values even without NOENT: `tuid="&x;"` became `XYX`.
    /// The declaration itself is refused, on its own line.
    func testEntityDeclarationRefusedBeforeAttributeExpansion() throws {
        let path = try write("""
            <?xml version="1.0"?>
            <!DOCTYPE tmx [<!ENTITY x "XYX">]>
            <tmx version="1.4">\(Self.header)<body>
            <tu tuid="&x;"><tuv xml:lang="id"><seg>a</seg></tuv><tuv xml:lang="en"><seg>b</seg></tuv></tu>
            </body></tmx>
            """, "entity.tmx")
        let text = message { _ = try TMXReader.readAll(path: path) }
        XCTAssertTrue(text.hasPrefix("\(path):2: "), text)
        XCTAssertTrue(text.contains("declares entities"), text)
    }

    func testEntityDeclarationRefusedInUTF16() throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE tmx [\n<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n<tmx version=\"1.4\">\(Self.header)<body/></tmx>\n"
        let path = folder.appendingPathComponent("utf16.tmx").path
        var data = Data([0xFF, 0xFE])
        data.append(text.data(using: .utf16LittleEndian)!)
        try data.write(to: URL(fileURLWithPath: path))
        let refused = message { _ = try TMXReader.readAll(path: path) }
        XCTAssertTrue(refused.hasPrefix("\(path):3: "), refused)
        XCTAssertTrue(refused.contains("external entity"), refused)
    }

    /// What only looks like markup (in comments, CDATA, attribute values) is left alone.
    func testLookalikesInCommentsCDATAAndValuesAreAccepted() throws {
        let path = try write("""
            <?xml version="1.0"?>
            <!-- <!ENTITY x "not a declaration"> -->
            <tmx version="1.4">\(Self.header)<body>
            <tu tuid="a=b>c" creationid='x="y"'><tuv xml:lang="id"><seg><![CDATA[<!ENTITY y "z"> a=b]]></seg></tuv><tuv xml:lang="en"><seg>b</seg></tuv></tu>
            </body></tmx>
            """, "lookalikes.tmx")
        let (_, units, _) = try TMXReader.readAll(path: path)
        XCTAssertEqual(units.count, 1)
        XCTAssertEqual(units.first?.attributes.first?.value, "a=b>c")
    }

    /// 100,000 attributes on one element took libxml2 2.9 over 10 s before any callback ran.
    func testElementWithTooManyAttributesIsRefused() throws {
        var tag = "<tu"
        for index in 0..<100_000 { tag += " a\(index)=\"v\"" }
        tag += ">"
        let path = try write("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\(Self.header)<body>\n\(tag)</tu></body></tmx>\n", "attributes.tmx")
        let text = message { _ = try TMXReader.readAll(path: path) }
        XCTAssertTrue(text.hasPrefix("\(path):3: "), text)
        XCTAssertTrue(text.contains("more than \(XMLInputGuard.maximumAttributes) attributes"), text)
    }
}

/// Results written from several threads.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String?]

    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: String) { lock.withLock { values[index] = value } }
    func get(_ index: Int) -> String? { lock.withLock { values[index] } }
}
