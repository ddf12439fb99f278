import XCTest

/// `tm segment` as a user runs it.
final class SegmentCommandTests: XCTestCase {
    private let article = """
    Harga beras naik jelang Lebaran

    Surabaya (ANTARA) - Harga beras di Pasar Wonokromo naik menjadi Rp15.000 per kg. Pedagang menyebut pasokan dari Jawa Tengah berkurang.

    "Kami berharap pemerintah segera turun tangan," kata Ny. Suminah, pedagang setempat.

    Pewarta: Budi Santoso
    Editor: Dewi Lestari
    Copyright © ANTARA 2024

    """

    private func write(_ text: String, _ name: String) throws -> String {
        let folder = try TMProcess.temporaryFolder(self)
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testPlainOutput() throws {
        let path = try write(article, "artikel.txt")
        let result = try TMProcess.run(["segment", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
        Harga beras naik jelang Lebaran

        Harga beras di Pasar Wonokromo naik menjadi Rp15.000 per kg.
        Pedagang menyebut pasokan dari Jawa Tengah berkurang.

        "Kami berharap pemerintah segera turun tangan," kata Ny. Suminah, pedagang setempat.

        # dateline: Surabaya (ANTARA) - (place: Surabaya, agency: ANTARA)
        # reporter: Budi Santoso [Budi Santoso]
        # editor: Dewi Lestari [Dewi Lestari]
        # copyright: © ANTARA 2024 [ANTARA]

        """)
        let only = try TMProcess.run(["segment", "--sentences-only", "--lang", "id", path])
        XCTAssertFalse(only.stdout.contains("#"))
    }

    func testJSONOutput() throws {
        let path = try write("\u{FEFF}" + article.replacingOccurrences(of: "\n", with: "\r\n"), "crlf-bom.txt")
        let result = try TMProcess.run(["segment", "--json", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(object?["language"] as? String, "id")
        XCTAssertEqual(object?["reporter"] as? String, "Budi Santoso")
        XCTAssertEqual(object?["editor"] as? String, "Dewi Lestari")
        let paragraphs = object?["paragraphs"] as? [[String: Any]]
        let first = (paragraphs?.first?["sentences"] as? [[String: Any]])?.first
        XCTAssertEqual(first?["text"] as? String, "Harga beras di Pasar Wonokromo naik menjadi Rp15.000 per kg.")
        XCTAssertEqual(first?["start"] as? Int, 53)
    }

    func testBadInputs() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let bad = folder.appendingPathComponent("latin1.txt")
        try Data([0x48, 0x61, 0x72, 0x67, 0x61, 0x20, 0xE9, 0x2E]).write(to: bad)
        let result = try TMProcess.run(["segment", bad.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("latin1.txt") && result.stderr.contains("byte 6"), result.stderr)

        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let emptyResult = try TMProcess.run(["segment", empty.path])
        XCTAssertEqual(emptyResult.status, 1)
        XCTAssertTrue(emptyResult.stderr.contains("empty.txt"), emptyResult.stderr)

        let missing = try TMProcess.run(["segment", folder.appendingPathComponent("nope.txt").path])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("nope.txt"), missing.stderr)

        let usage = try TMProcess.run(["segment"])
        XCTAssertEqual(usage.status, 64)
        let badLang = try TMProcess.run(["segment", "--lang", "fr", bad.path])
        XCTAssertEqual(badLang.status, 64)
    }

    func testStandardInputAndAutoLanguage() throws {
        let result = try TMProcess.run(["segment", "--json", "-"], stdin: "The U.S. team won. It was late.\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("\"language\" : \"en\""), result.stdout)
        XCTAssertTrue(result.stdout.contains("\"text\" : \"It was late.\""), result.stdout)
    }

    func testSRXExportImportAndAbbreviationFiles() throws {
        let folder = try TMProcess.temporaryFolder(self)
        let srx = folder.appendingPathComponent("tm-news.srx").path
        let export = try TMProcess.run(["segment", "--export-srx", srx])
        XCTAssertEqual(export.status, 0, export.stderr)
        let xml = try String(contentsOfFile: srx, encoding: .utf8)
        XCTAssertTrue(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        XCTAssertTrue(xml.contains("<languagemap languagepattern=\"(id|in)([-_].*)?\" languagerulename=\"Indonesian (tm news)\"/>"))
        if let xmllint = TMProcess.which("xmllint") {
            let lint = try TMProcess.runProgram(xmllint, ["--noout", srx])
            XCTAssertEqual(lint.status, 0, lint.stderr)
        }

        let path = try write(article, "artikel.txt")
        let plain = try TMProcess.run(["segment", "--sentences-only", path])
        let viaSRX = try TMProcess.run(["segment", "--sentences-only", "--srx", srx, path])
        XCTAssertEqual(viaSRX.status, 0, viaSRX.stderr)
        XCTAssertEqual(viaSRX.stdout, plain.stdout)

        // A user's abbreviation keeps `Div.` from ending a sentence, and goes into the export.
        let text = try write("Ia bekerja di Div. Keuangan. Mereka pulang.\n", "div.txt")
        let before = try TMProcess.run(["segment", "--lang", "id", text])
        XCTAssertEqual(before.stdout, "Ia bekerja di Div.\nKeuangan.\nMereka pulang.\n")
        let list = folder.appendingPathComponent("mine.txt")
        try Data("# my office's abbreviations\nDiv.\n".utf8).write(to: list)
        let after = try TMProcess.run(["segment", "--lang", "id", "--abbreviations", list.path, text])
        XCTAssertEqual(after.stdout, "Ia bekerja di Div. Keuangan.\nMereka pulang.\n")
        let srx2 = folder.appendingPathComponent("mine.srx").path
        XCTAssertEqual(try TMProcess.run(["segment", "--abbreviations", list.path, "--export-srx", srx2]).status, 0)
        XCTAssertTrue(try String(contentsOfFile: srx2, encoding: .utf8).contains("Div\\."))

        // Bad lists and bad SRX files are named in the error.
        let badList = folder.appendingPathComponent("bad.txt")
        try Data("Div. sometimes\n".utf8).write(to: badList)
        let badListResult = try TMProcess.run(["segment", "--abbreviations", badList.path, text])
        XCTAssertEqual(badListResult.status, 1)
        XCTAssertTrue(badListResult.stderr.contains("bad.txt:1"), badListResult.stderr)
        let badSRX = folder.appendingPathComponent("bad.srx")
        try Data("<srx><body>".utf8).write(to: badSRX)
        let badSRXResult = try TMProcess.run(["segment", "--srx", badSRX.path, text])
        XCTAssertEqual(badSRXResult.status, 1)
        XCTAssertTrue(badSRXResult.stderr.contains("bad.srx"), badSRXResult.stderr)
        // Nothing half-written when the export folder does not exist.
        let nowhere = folder.appendingPathComponent("no/such/dir/x.srx").path
        XCTAssertEqual(try TMProcess.run(["segment", "--export-srx", nowhere]).status, 1)
    }

    func testTheRealSampleArticleWhenPresent() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/samples/antara-china-russia.en.txt").standardized.path
        guard FileManager.default.fileExists(atPath: sample) else { throw XCTSkip("no ../shared/samples beside the checkout") }
        let result = try TMProcess.run(["segment", "--json", sample])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(object?["language"] as? String, "en")
        XCTAssertEqual(object?["translator"] as? String, "Kenzu Tandiah")
        XCTAssertEqual(object?["source"] as? String, "Reuters")
        XCTAssertEqual((object?["dateline"] as? [String: Any])?["agency"] as? String, "ANTARA")
    }

    /// The exported SRX in a Java SRX engine (java.util.regex, the engine of OmegaT and Okapi):
    /// every rule compiles, and the sentences come out as `tm segment` gives them.
    func testExportedSRXSegmentsAlikeInJava() throws {
        guard let java = TMProcess.which("java") else { throw XCTSkip("no java on PATH") }
        let folder = try TMProcess.temporaryFolder(self)
        let srx = folder.appendingPathComponent("tm.srx").path
        XCTAssertEqual(try TMProcess.run(["segment", "--export-srx", srx]).status, 0)
        let program = folder.appendingPathComponent("SRXCheck.java")
        try Data(SegmentCommandTests.javaSRXEngine.utf8).write(to: program)
        let samples: [(String, String)] = [
            ("id", """
            Rapat dipimpin Prof. Dr. Ir. Hadi Susanto di Jl. Sudirman No. 5. Ia membuka acara pukul 10.30 WIB. Benarkah? Ya!
            Harganya Rp1.500.000,50 per unit, kata Susilo B. Yudhoyono. Daftar di www.antaranews.com. Kirim ke humas@contoh.go.id. Terima kasih.
            Ia membeli beras, gula, dll. Namun harga naik. "Kami siap," kata dia. Mereka menunggu... Akhirnya ia datang.
            """),
            ("en", """
            Mr. Smith met Dr. Jones and Gen. Andika on Jan. 6. They talked. Prices rose in the U.S. The index fell.
            The U.S. Food and Drug Administration approved it at 10 a.m. Monday. Antony J. Blinken arrived. It cost $1,500.50 in 2023.
            He said: "Stop!" The crowd left. They bought masks, gloves, etc. Prices rose.
            """),
        ]
        for (language, text) in samples {
            let input = folder.appendingPathComponent("in.\(language).txt")
            try Data((text + "\n").utf8).write(to: input)
            let viaJava = try TMProcess.runProgram(java, [program.path, srx, language, input.path])
            XCTAssertEqual(viaJava.status, 0, viaJava.stderr)
            let ours = try TMProcess.run(["segment", "--sentences-only", "--lang", language, input.path])
            XCTAssertEqual(viaJava.stdout.trimmingCharacters(in: .newlines), ours.stdout.trimmingCharacters(in: .newlines))
        }
    }

    /// A minimal SRX 2.0 engine in Java: first matching rule decides each position (SRX 2.0 §2.5).
    private static let javaSRXEngine = """
import java.io.File;
import java.nio.file.Files;
import java.util.*;
import java.util.regex.*;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.*;

/** Segments text with an SRX 2.0 file the way Java SRX engines (OmegaT, Okapi) do. */
public class SRXCheck {
    public static void main(String[] args) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new File(args[0]));
        String lang = args[1];
        String text = new String(Files.readAllBytes(new File(args[2]).toPath()), "UTF-8");
        Map<String, Element> rules = new HashMap<>();
        NodeList lr = doc.getElementsByTagNameNS("*", "languagerule");
        for (int i = 0; i < lr.getLength(); i++) {
            Element e = (Element) lr.item(i);
            rules.put(e.getAttribute("languagerulename"), e);
        }
        List<Object[]> compiled = new ArrayList<>();
        NodeList maps = doc.getElementsByTagNameNS("*", "languagemap");
        for (int i = 0; i < maps.getLength(); i++) {
            Element m = (Element) maps.item(i);
            if (!Pattern.compile(m.getAttribute("languagepattern")).matcher(lang).matches()) continue;
            NodeList rs = rules.get(m.getAttribute("languagerulename")).getElementsByTagNameNS("*", "rule");
            for (int k = 0; k < rs.getLength(); k++) {
                Element r = (Element) rs.item(k);
                String before = r.getElementsByTagNameNS("*", "beforebreak").item(0).getTextContent();
                String after = r.getElementsByTagNameNS("*", "afterbreak").item(0).getTextContent();
                compiled.add(new Object[] { !"no".equals(r.getAttribute("break")), Pattern.compile(before), Pattern.compile(after) });
            }
            break;
        }
                for (String paragraph : text.split("\\n")) {
            if (paragraph.isBlank()) continue;
            TreeMap<Integer, Boolean> decided = new TreeMap<>();
            for (Object[] rule : compiled) {
                Matcher b = ((Pattern) rule[1]).matcher(paragraph);
                while (b.find()) {
                    int pos = b.end();
                    Matcher a = ((Pattern) rule[2]).matcher(paragraph);
                    a.region(pos, paragraph.length());
                    if (a.lookingAt() && !decided.containsKey(pos)) decided.put(pos, (Boolean) rule[0]);
                    if (b.end() == b.start()) { if (b.end() >= paragraph.length()) break; b.region(b.end() + 1, paragraph.length()); }
                }
            }
            int start = 0;
            for (Map.Entry<Integer, Boolean> e : decided.entrySet()) {
                if (!e.getValue() || e.getKey() <= start || e.getKey() >= paragraph.length()) continue;
                String s = paragraph.substring(start, e.getKey()).strip();
                if (!s.isEmpty()) System.out.println(s);
                start = e.getKey();
            }
            String s = paragraph.substring(start).strip();
            if (!s.isEmpty()) System.out.println(s);
            System.out.println();
        }
    }
}
"""
}
