import Foundation
import XCTest

/// Every `tm` command in the README's shell blocks, run as a newcomer runs it: in order, in a copy
/// of the shipped `TMX/` and `Glossaries/`, with the article pair the examples name written here.
final class ReadmeExamplesTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The README's fenced blocks: (info string, lines).
    static func blocks(_ text: String) -> [(kind: String, lines: [String])] {
        var blocks: [(String, [String])] = []
        var open: (String, [String])?
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                if let block = open { blocks.append(block); open = nil } else { open = (String(line.dropFirst(3)), []) }
            } else {
                open?.1.append(line)
            }
        }
        return blocks
    }

    /// A shell line split into commands at `&&` and into words as sh splits them (quotes taken
    /// off, a `#` comment dropped).
    static func commands(_ line: String) -> [[String]] {
        var commands: [[String]] = [[]]
        var word: String?
        var quote: Character?
        var previous: Character = " "
        for character in line {
            defer { previous = character }
            if let open = quote {
                if character == open { quote = nil } else { word = (word ?? "") + String(character) }
                continue
            }
            switch character {
            case "\"", "'": quote = character; word = word ?? ""
            case "#" where previous == " " && word == nil: return finish(&commands, &word)
            case " ", "\t":
                if let finished = word { commands[commands.count - 1].append(finished); word = nil }
            default: word = (word ?? "") + String(character)
            }
            if commands[commands.count - 1].last == "&&" { commands[commands.count - 1].removeLast(); commands.append([]) }
        }
        return finish(&commands, &word)
    }

    private static func finish(_ commands: inout [[String]], _ word: inout String?) -> [[String]] {
        if let last = word { commands[commands.count - 1].append(last) }
        if commands[commands.count - 1].last == "&&" { commands[commands.count - 1].removeLast() }
        return commands.filter { !$0.isEmpty }
    }

    /// The arguments of every `tm` command (`tm …`, `.build/release/tm …`) in the README's sh blocks.
    static func examples() throws -> [[String]] {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        return blocks(readme).filter { $0.kind == "sh" }.flatMap(\.lines).flatMap(commands).compactMap { words in
            guard let program = words.first, program == "tm" || program.hasSuffix("/tm") else { return nil }
            return Array(words.dropFirst())
        }
    }

    func testTheParserReadsShellLines() {
        XCTAssertEqual(Self.commands(#"apt-get update && swift build && .build/release/tm lookup "kemitraan strategis""#),
                       [["apt-get", "update"], ["swift", "build"], [".build/release/tm", "lookup", "kemitraan strategis"]])
        XCTAssertEqual(Self.commands("tm segment a.txt      # sentences (--json for offsets)"), [["tm", "segment", "a.txt"]])
        XCTAssertEqual(Self.commands("tm lookup 'a # b' -n 2"), [["tm", "lookup", "a # b", "-n", "2"]])
    }

    func testEveryExampleRunsAndPrintsResults() throws {
        let examples = try Self.examples()
        XCTAssertEqual(Set(examples.map { $0.prefix(2).joined(separator: " ") }),
                       ["lookup Kemenlu mengeluarkan pernyataan pada 5-6 Februari", "lookup kemitraan strategis", "segment artikel.id.txt",
                        "align artikel.id.txt", "glossary suggest", "export --out", "log", "analyze artikel.id.txt",
                        "pretranslate artikel.id.txt"], "the examples this test knows")
        let folder = try TMProcess.temporaryFolder(self)
        for name in ["TMX", "Glossaries"] {
            try FileManager.default.copyItem(at: Self.root.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("TMX/.tm-index"))
        try AlignCommandTests.indonesian.write(to: folder.appendingPathComponent("artikel.id.txt"), atomically: true, encoding: .utf8)
        try AlignCommandTests.english.write(to: folder.appendingPathComponent("article.en.txt"), atomically: true, encoding: .utf8)
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let shownLookup = Self.blocks(readme).first { $0.kind == "text" && $0.lines.first == "Glossary:" }?.lines.joined(separator: "\n")

        for arguments in examples {
            let result = try TMProcess.run(arguments, in: folder)
            let what = "tm \(arguments.joined(separator: " "))"
            XCTAssertEqual(result.status, 0, "\(what): \(result.stderr)")
            XCTAssertFalse(result.stdout.isEmpty, what)
            switch arguments[0] {
            case "segment":
                XCTAssertTrue(result.stdout.contains("Pemerintah Provinsi Jawa Barat menyalurkan bantuan beras"), "\(what): \(result.stdout)")
            case "align":
                XCTAssertTrue(result.stdout.contains("pairs stored"), "\(what): \(result.stdout)")
                XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("review.html").path), what)
            case "lookup":
                let matches = result.stdout.components(separatedBy: "Fuzzy matches (id, ≥ 50%): ").dropFirst().first?.prefix { $0.isNumber }
                XCTAssertGreaterThan(Int(matches ?? "") ?? 0, 0, "\(what) finds fuzzy matches: \(result.stdout)")
                XCTAssertTrue(result.stdout.hasPrefix("Glossary:\n"), "\(what): \(result.stdout)")
                if arguments[1].hasPrefix("Kemenlu") {
                    XCTAssertEqual(result.stdout, (shownLookup ?? "") + "\n", "the README shows what \(what) prints")
                } else {
                    XCTAssertFalse(result.stdout.contains("Concordance (id): 0 units"), "\(what): \(result.stdout)")
                }
            case "glossary":
                let rows = result.stdout.split(separator: "\n").filter { $0.first?.isNumber == true }.map { $0.split(separator: "\t").map(String.init) }
                XCTAssertGreaterThanOrEqual(rows.count, 5, "\(what): \(result.stdout)")
                // Nothing the shipped glossary has, no speech verb, no rendering cut off.
                for row in rows {
                    XCTAssertFalse(["ASEAN", "AS", "dolar AS", "KTT ASEAN", "mengatakan", "kata", "menurut"].contains(row[1]), "\(row)")
                    XCTAssertFalse(["U.S", "US", "said"].contains(row[2]), "\(row)")
                }
            case "export":
                XCTAssertTrue(result.stdout.hasPrefix("for-omegat.tmx: "), "\(what): \(result.stdout)")
                XCTAssertFalse(result.stdout.hasPrefix("for-omegat.tmx: 0 units"), "\(what): \(result.stdout)")
                XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("for-omegat.tmx").path), what)
            case "analyze":
                XCTAssertTrue(result.stdout.contains("repetitions") && result.stdout.contains("total"), "\(what): \(result.stdout)")
            case "pretranslate":
                XCTAssertTrue(result.stdout.contains("proyek: OmegaT project with"), "\(what): \(result.stdout)")
                XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("draft.en.txt").path), what)
            case "log":
                XCTAssertTrue(result.stdout.contains("align") && result.stdout.contains("artikel.id.txt"), "\(what): \(result.stdout)")
            default:
                XCTFail("\(what): an example this test does not know; say what it must print")
            }
        }
    }
}
