import Foundation
import Testing
@testable import TranslationMemory

/// The seed corpus of the TMX reader's fuzz target (`Benchmarks/fuzz`) and what fuzzing found:
/// each seed is read or refused as it should be, so the corpus keeps covering what it names.
@Suite("TMX reader fuzzing: seeds and findings")
struct FuzzFindingsTests {
    static let seeds = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Benchmarks/fuzz/seeds")

    enum Outcome: Sendable {
        case units(Int)
        /// Refused with a `TMError` whose message holds the text (any message when empty).
        case refused(String)
    }

    static let expected: [String: Outcome] = [
        "attributes-over-limit.tmx": .refused("more than 1000 attributes"),
        "character-references.tmx": .units(1),
        "comments-cdata-pi.tmx": .units(1),
        "dates.tmx": .units(3),
        "deep-nesting.tmx": .units(1),
        "doctype-internal-subset.tmx": .units(1),
        "duplicate-attribute.tmx": .refused(""),
        "empty-body.tmx": .units(0),
        "empty-tmx.tmx": .refused("<body>"),
        "entity-declaration.tmx": .refused("declares entities"),
        "entity-external.tmx": .refused("external entity"),
        "entity-undeclared-reference.tmx": .refused("entity reference &copy;"),
        "finding-language-leading-hyphen.tmx": .units(1),
        "foreign-inline-markup.tmx": .units(1),
        "header-full.tmx": .units(1),
        "inline-codes.tmx": .units(5),
        "latin1-declared.tmx": .units(1),
        "many-attributes.tmx": .units(1),
        "mismatched-tags.tmx": .refused(""),
        "multiple-languages.tmx": .units(2),
        "namespaces.tmx": .units(2),
        "no-body.tmx": .refused("<body>"),
        "no-declaration-no-doctype.tmx": .units(1),
        "nul-byte.tmx": .refused("NUL"),
        "tmx11-lang.tmx": .units(1),
        "tmx14-xml-lang.tmx": .units(2),
        "truncated.tmx": .refused("cut off"),
        "unit-props-notes.tmx": .units(1),
        "units-to-skip.tmx": .units(2),
        "utf16be-bom.tmx": .units(1),
        "utf16le-bom.tmx": .units(1),
        "utf16le-no-bom.tmx": .units(1),
        "utf8-bom.tmx": .units(1),
        "whitespace.tmx": .units(2),
        "wrong-root.tmx": .refused("<xliff>"),
    ]

    @Test("The seed corpus is the one this test knows")
    func corpusIsKnown() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path).sorted()
        #expect(names == Self.expected.keys.sorted())
    }

    @Test("Each seed is read or refused as expected", arguments: expected.keys.sorted())
    func seed(_ name: String) throws {
        let path = Self.seeds.appendingPathComponent(name).path
        switch Self.expected[name] {
        case .units(let count):
            #expect(try TMXReader.readAll(path: path).units.count == count)
        case .refused(let text):
            let error = #expect(throws: TMError.self) { try TMXReader.readAll(path: path) }
            #expect(text.isEmpty || "\(error.map { "\($0)" } ?? "")".contains(text))
        case nil:
            Issue.record("no expectation for \(name)")
        }
    }

    /// Found by the fuzz target's round trip: `-UnSe` (no primary subtag) normalises to "" on
    /// import, so the memory holds `<tuv xml:lang="">`, which every later read skips: "1 added",
    /// then 0 units. Fixed: such a code is kept as written.
    @Test("An imported unit with a code lacking its primary subtag is read back")
    func languageWithoutPrimarySubtag() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-fuzz-finding-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = TranslationMemoryStore(path: folder.appendingPathComponent("memory").path)
        let input = Self.seeds.appendingPathComponent("finding-language-leading-hyphen.tmx").path
        let report = try MemoryImporter.importFiles([input], into: memory)
        #expect(report.added == 1)
        #expect(LanguageCode("-UnSe").normalized == "-UnSe")
        let statistics = try MemoryStatistics.compute(memory)
        #expect(statistics.units == 1)
        #expect(statistics.skipped.isEmpty)
    }
}
