import XCTest
@testable import TranslationMemory

final class GlossaryFormatTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-glossary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Entries using every field: statuses other than the default, a preferred alternative, a
    /// superseded variant, a part of speech outside TBX-Basic's five, list items holding `|` and `;`.
    let sample: [GlossaryEntry] = [
        GlossaryEntry(source: "kemitraan strategis", target: "strategic partnership", note: "diplomacy, \"fixed\" phrase", partOfSpeech: "noun", domain: "politics"),
        GlossaryEntry(source: "Kemenlu", target: "Foreign Ministry", alternativeTargets: ["Ministry of Foreign Affairs"],
                      forbiddenTargets: ["Foreign Affairs Ministry"], partOfSpeech: "noun", domain: "government"),
        GlossaryEntry(source: "Penerjemah", target: "Translator"),
        GlossaryEntry(source: "Kemlu", target: "Foreign Ministry", alternativeTargets: ["MFA"],
                      forbiddenTargets: ["Deplu", "Foreign Affairs | Ministry; old"], note: "older abbreviation", partOfSpeech: "proper noun",
                      domain: "government", sourceStatus: .admitted, targetStatus: .admitted, supersededTargets: ["Deplu"]),
        GlossaryEntry(source: "Kementerian Luar Negeri", target: "Foreign Ministry", alternativeTargets: ["MFA", "Ministry of Foreign Affairs"],
                      preferredAlternatives: ["Ministry of Foreign Affairs"]),
        GlossaryEntry(source: "Deplu", target: "Foreign Department", sourceStatus: .superseded, targetStatus: .admitted),
    ]

    func strip(_ entries: [GlossaryEntry]) -> [GlossaryEntry] {
        entries.map { var e = $0; e.origin = nil; return e }
    }

    func testTSVReadsOmegaTFormat() throws {
        let path = try write("g.txt", "# comment\nkemitraan strategis\tstrategic partnership\tdiplomacy\r\n\nKemenlu\tForeign Ministry\nonly-one-column\n")
        let glossary = try GlossaryFile.read(path: path)
        XCTAssertEqual(glossary.entries.map(\.source), ["kemitraan strategis", "Kemenlu"])
        XCTAssertEqual(glossary.entries[0].note, "diplomacy")
        XCTAssertEqual(glossary.entries[1].origin, GlossaryEntryOrigin(path: path, line: 4))
        XCTAssertEqual(glossary.problems.map(\.line), [5])
        XCTAssertEqual(glossary.problems.first?.kind, .skippedRow)
    }

    func testTSVRoundTripKeepsEveryField() throws {
        let path = folder.appendingPathComponent("out.tsv").path
        try GlossaryFile.write(sample, to: path, format: .tsv)
        let back = try GlossaryFile.read(path: path)
        XCTAssertEqual(back.problems, [])
        XCTAssertEqual(strip(back.entries), sample)
        // OmegaT's three columns come first; the columns line is a comment to OmegaT.
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines[0], "# tm glossary columns: source\ttarget\tnote\tpos\tdomain\tstatus\tsource status\talternatives\tpreferred alternatives\tforbidden\tsuperseded")
        XCTAssertEqual(lines[3], "Penerjemah\tTranslator")
        XCTAssertEqual(lines[4], "Kemlu\tForeign Ministry\tolder abbreviation\tproper noun\tgovernment\tadmitted\tadmitted\tMFA\t\tDeplu|Foreign Affairs \\| Ministry\\; old\tDeplu")
        XCTAssertEqual(lines[5], "Kementerian Luar Negeri\tForeign Ministry\t\t\t\t\t\tMFA|Ministry of Foreign Affairs\tMinistry of Foreign Affairs")
    }

    /// A glossary with OmegaT's three fields only is written as before: no columns line.
    func testPlainTSVHasNoColumnsLineAndTheStarterGlossaryWritesBackItsRows() throws {
        let starter = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Glossaries/news-id-en.tsv").path
        let read = try GlossaryFile.read(path: starter)
        XCTAssertEqual(read.problems, [])
        let path = folder.appendingPathComponent("starter.tsv").path
        try GlossaryFile.write(read.entries, to: path, format: .tsv)
        let rows = try String(contentsOfFile: starter, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), rows.map { $0 + "\n" }.joined())
    }

    /// Without a columns line, cells after the third are the comment, as tm always read them; below
    /// one, each cell is its column's field.
    func testTSVColumnsLineAppliesToTheRowsBelowIt() throws {
        let path = try write("mixed.txt", """
        Senin\tMonday\tday\tfirst
        #  TM GLOSSARY COLUMNS: source\ttarget\tdomain\tforbidden\tstatus
        Selasa\tTuesday\tcalendar\tTues|Tue\tadmitted
        Rabu\tWednesday\t\t\t\tstray
        Kamis\tThursday\t\t\tdeprecated
        Jumat\tFriday

        """)
        let glossary = try GlossaryFile.read(path: path)
        XCTAssertEqual(strip(glossary.entries), [
            GlossaryEntry(source: "Senin", target: "Monday", note: "day first"),
            GlossaryEntry(source: "Selasa", target: "Tuesday", forbiddenTargets: ["Tues", "Tue"], domain: "calendar", targetStatus: .admitted),
            GlossaryEntry(source: "Jumat", target: "Friday"),
        ])
        XCTAssertEqual(glossary.problems.map(\.description), [
            "\(path):4: 6 cells, but the columns line at line 2 names 5 columns",
            "\(path):5: the status column says 'deprecated'; a target is preferred or admitted (deprecated and superseded renderings go in the forbidden and superseded columns)",
        ])
        for (line, message) in [("# tm glossary columns: source\ttarget\tcolour", "unknown column 'colour'"),
                                ("# tm glossary columns: target\tnote", "must name the source and target"),
                                ("# tm glossary columns: source\ttarget\tpos\tpart of speech", "names pos twice")] {
            let bad = try write("bad.tsv", line + "\na\tb\n")
            XCTAssertThrowsError(try GlossaryFile.read(path: bad)) { error in
                XCTAssertTrue(error.localizedDescription.hasPrefix("\(bad):1: "), error.localizedDescription)
                XCTAssertTrue(error.localizedDescription.contains(message), error.localizedDescription)
            }
        }
    }

    /// The target is the first preferred term: an admitted target with a preferred alternative
    /// would read back with another target, so it is neither read nor written.
    func testAnAdmittedTargetCannotHaveAPreferredAlternative() throws {
        let path = try write("odd.tsv", "# tm glossary columns: source\ttarget\tstatus\tpreferred alternatives\nKemlu\tForeign Ministry\tadmitted\tMFA\n")
        let glossary = try GlossaryFile.read(path: path)
        XCTAssertEqual(glossary.entries, [])
        XCTAssertEqual(glossary.problems.map(\.description), ["\(path):2: the target is admitted but an alternative is preferred; make the preferred term the target"])
        let odd = GlossaryEntry(source: "Kemlu", target: "Foreign Ministry", alternativeTargets: ["MFA"], targetStatus: .admitted, preferredAlternatives: ["MFA"])
        let tbx = folder.appendingPathComponent("odd.tbx").path
        XCTAssertThrowsError(try GlossaryFile.write([odd], to: tbx, format: .tbx)) { error in
            XCTAssertTrue(error.localizedDescription.hasPrefix("\(tbx): not written: Kemlu → Foreign Ministry: the target is admitted"), error.localizedDescription)
        }
    }

    func testTSVRefusesARowOmegaTWouldReadAsAComment() throws {
        let path = folder.appendingPathComponent("tags.tsv").path
        XCTAssertThrowsError(try GlossaryFile.write([GlossaryEntry(source: "#MeToo", target: "#MeToo")], to: path, format: .tsv)) { error in
            XCTAssertEqual(error.localizedDescription, "\(path): not written: #MeToo → #MeToo: a TSV row starting with '#' is a comment to OmegaT and tm; use a .csv or .tbx glossary for it")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        let csv = folder.appendingPathComponent("tags.csv").path
        try GlossaryFile.write([GlossaryEntry(source: "#MeToo", target: "#MeToo")], to: csv, format: .csv)
        XCTAssertEqual(try GlossaryFile.read(path: csv).entries.map(\.source), ["#MeToo"])
    }

    func testCSVRoundTripKeepsEverything() throws {
        let path = folder.appendingPathComponent("out.csv").path
        try GlossaryFile.write(sample, to: path, format: .csv)
        XCTAssertEqual(strip(try GlossaryFile.read(path: path).entries), sample)
    }

    func testCSVNeedsAHeader() throws {
        let path = try write("bad.csv", "kemitraan,partnership\n")
        XCTAssertThrowsError(try GlossaryFile.read(path: path)) { error in
            XCTAssertTrue(error.localizedDescription.hasPrefix("\(path):1: "), error.localizedDescription)
        }
        let good = try write("good.csv", "English,Indonesian,Comment\npartnership,kemitraan,\"a, b\"\n")
        let glossary = try GlossaryFile.read(path: good)
        XCTAssertEqual(glossary.entries.first?.source, "kemitraan")
        XCTAssertEqual(glossary.entries.first?.note, "a, b")
    }

    func testTBXBasicRoundTrip() throws {
        let path = folder.appendingPathComponent("out.tbx").path
        try GlossaryFile.write(sample, to: path, format: .tbx)
        XCTAssertEqual(try GlossaryTBX.detectVersion(path: path), .basic3)
        XCTAssertEqual(strip(try GlossaryFile.read(path: path).entries), sample)
    }

    func testTBX2RoundTrip() throws {
        let path = folder.appendingPathComponent("out2.tbx").path
        try GlossaryFile.write(sample, to: path, format: .tbx2)
        XCTAssertEqual(try GlossaryTBX.detectVersion(path: path), .martif2)
        XCTAssertEqual(strip(try GlossaryFile.read(path: path).entries), sample)
    }

    func testReadsTranslateToolkitStyleMartif() throws {
        let path = try write("tt.tbx", """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE martif PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" "TBXcdv04.dtd">
        <martif type="TBX" xml:lang="en">
          <martifHeader><fileDesc><sourceDesc><p>Translate Toolkit</p></sourceDesc></fileDesc></martifHeader>
          <text><body>
            <termEntry id="1">
              <langSet xml:lang="in-ID"><ntig><termGrp><term>Pewarta</term></termGrp></ntig></langSet>
              <langSet xml:lang="en"><tig><term>Reporter</term></tig></langSet>
            </termEntry>
            <termEntry id="2">
              <langSet xml:lang="en"><tig><term>orphan</term></tig></langSet>
            </termEntry>
          </body></text>
        </martif>
        """)
        let glossary = try GlossaryFile.read(path: path)
        XCTAssertEqual(glossary.entries.map(\.source), ["Pewarta"])
        XCTAssertEqual(glossary.entries.map(\.target), ["Reporter"])
        XCTAssertEqual(glossary.problems.first?.message, "concept has no Indonesian term")
    }

    func testHostileTBXIsRefused() throws {
        let xxe = try write("xxe.tbx", """
        <?xml version="1.0"?>
        <!DOCTYPE martif [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        <martif type="TBX"><text><body><termEntry><langSet xml:lang="id"><tig><term>&secret;</term></tig></langSet></termEntry></body></text></martif>
        """)
        XCTAssertThrowsError(try GlossaryFile.read(path: xxe)) { error in
            let message = error.localizedDescription
            XCTAssertTrue(message.hasPrefix("\(xxe):2: "), message)
            XCTAssertTrue(message.contains("external entity"), message)
        }
        let undeclared = try write("entity.tbx", "<martif><text><body><termEntry><langSet xml:lang='id'><tig><term>&x;</term></tig></langSet></termEntry></body></text></martif>")
        XCTAssertThrowsError(try GlossaryFile.read(path: undeclared))
        let notTBX = try write("tmx.tbx", "<tmx version='1.4'><body/></tmx>")
        XCTAssertThrowsError(try GlossaryFile.read(path: notTBX)) { error in
            XCTAssertTrue(error.localizedDescription.contains("expected <martif> or <tbx>"), error.localizedDescription)
        }
        let empty = try write("empty.tbx", "")
        XCTAssertThrowsError(try GlossaryFile.read(path: empty)) { error in
            XCTAssertEqual(error.localizedDescription, "\(empty): not a TBX file: the file is empty")
        }
        let truncated = try write("cut.tbx", "<martif><text><body><termEntry>")
        XCTAssertThrowsError(try GlossaryFile.read(path: truncated)) { error in
            XCTAssertTrue(error.localizedDescription.hasPrefix(truncated), error.localizedDescription)
        }
        let binary = try write("junk.txt", "abc\u{0}\u{1}def")
        XCTAssertThrowsError(try GlossaryFile.read(path: binary))
    }

    func testTBXBasicOutputValidatesAgainstCoreRNG() throws {
        guard let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("xmllint is not installed")
        }
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/spec/tbx-basic/TBXcoreStructV03.rng")
        guard FileManager.default.fileExists(atPath: schema.path) else { throw XCTSkip("TBX core RNG not found at \(schema.path)") }
        let path = folder.appendingPathComponent("valid.tbx").path
        try GlossaryFile.write(sample, to: path, format: .tbx)
        // Every part of speech is one of TBX-Basic's five; the entry's own value is in a note.
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).contains(
            "<min:partOfSpeech>noun</min:partOfSpeech><min:administrativeStatus>admittedTerm-admn-sts</min:administrativeStatus><note>part of speech: proper noun</note>"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--nonet", "--relaxng", schema.path, path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, output)
    }

    func testDuplicatesAndConflictsAreReportedNotMerged() throws {
        let a = try write("a.tsv", "Kemenlu\tForeign Ministry\nPresiden\tPresident\n")
        let b = try write("b.tsv", "kemenlu\tforeign ministry\nPresiden\tChairman\n")
        let glossary = try Glossary.load(paths: [a, b])
        XCTAssertEqual(glossary.entries.count, 4)
        XCTAssertEqual(glossary.problems.map(\.kind), [.duplicate, .conflict])
        XCTAssertEqual(glossary.problems.map(\.line), [1, 2])
        XCTAssertTrue(glossary.problems[1].message.contains("\(a):2"), glossary.problems[1].message)
    }

    func testFolderReadsOnlyGlossaryFilesAtTopLevel() throws {
        _ = try write("one.tsv", "Senin\tMonday\n")
        _ = try write("README.md", "# not a glossary\n")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tbx"), withIntermediateDirectories: true)
        _ = try write("tbx/copy.csv", "source,target\nSenin,Monday\n")
        let glossary = try Glossary.load(paths: [folder.path])
        XCTAssertEqual(glossary.entries.count, 1)
        XCTAssertThrowsError(try Glossary.load(paths: [folder.appendingPathComponent("missing").path]))
    }

    /// An entry with more fields than a file's columns adds a columns line below the old rows,
    /// which keep their meaning (a fourth cell there is still part of the comment).
    func testTSVAppendAddsAColumnsLineAndKeepsTheRowsAbove() throws {
        let path = try write("old.tsv", "Senin\tMonday\tday\tfirst\n")
        let selasa = GlossaryEntry(source: "Selasa", target: "Tuesday", forbiddenTargets: ["Tues"])
        try GlossaryFile.append([selasa], to: path)
        try GlossaryFile.append([GlossaryEntry(source: "Rabu", target: "Wednesday", partOfSpeech: "noun")], to: path)
        try GlossaryFile.append([GlossaryEntry(source: "Kamis", target: "Thursday", forbiddenTargets: ["Thurs"])], to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), """
        Senin\tMonday\tday\tfirst
        # tm glossary columns: source\ttarget\tnote\tforbidden
        Selasa\tTuesday\t\tTues
        # tm glossary columns: source\ttarget\tnote\tpos\tforbidden
        Rabu\tWednesday\t\tnoun
        Kamis\tThursday\t\t\tThurs

        """)
        XCTAssertEqual(strip(try GlossaryFile.read(path: path).entries), [
            GlossaryEntry(source: "Senin", target: "Monday", note: "day first"), selasa,
            GlossaryEntry(source: "Rabu", target: "Wednesday", partOfSpeech: "noun"),
            GlossaryEntry(source: "Kamis", target: "Thursday", forbiddenTargets: ["Thurs"]),
        ])
        // A file with its own column order keeps it; new columns go after.
        let own = try write("own.tsv", "# tm glossary columns: target\tsource\n")
        try GlossaryFile.append([GlossaryEntry(source: "Jumat", target: "Friday", domain: "calendar")], to: own)
        XCTAssertEqual(try String(contentsOfFile: own, encoding: .utf8),
                       "# tm glossary columns: target\tsource\n# tm glossary columns: target\tsource\tdomain\nFriday\tJumat\tcalendar\n")
    }

    func testCSVAppendUsesTheFilesColumnsAndRefusesAFieldWithoutOne() throws {
        let path = try write("their.csv", "English,Indonesian,Notes\nMonday,Senin,\n")
        try GlossaryFile.append([GlossaryEntry(source: "Selasa", target: "Tuesday", note: "day")], to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "English,Indonesian,Notes\nMonday,Senin,\nTuesday,Selasa,day\n")
        XCTAssertThrowsError(try GlossaryFile.append([GlossaryEntry(source: "Rabu", target: "Wednesday", forbiddenTargets: ["Wed"], partOfSpeech: "noun")], to: path)) { error in
            XCTAssertEqual(error.localizedDescription, "\(path): not written: the CSV header has no column for pos, forbidden; add those columns to its header row, or use a .tsv or .tbx glossary")
        }
        XCTAssertEqual(try GlossaryFile.read(path: path).entries.count, 2)
        let fresh = folder.appendingPathComponent("fresh.csv").path
        try GlossaryFile.append(sample, to: fresh)
        XCTAssertEqual(strip(try GlossaryFile.read(path: fresh).entries), sample)
    }

    /// TBX is rewritten to add to it: a file holding concepts tm does not read is refused whole.
    func testTBXAppendRefusesAFileWithConceptsItWouldLose() throws {
        let path = try write("multi.tbx", """
        <martif type="TBX"><text><body>
        <termEntry><langSet xml:lang="id"><tig><term>Senin</term></tig></langSet><langSet xml:lang="en"><tig><term>Monday</term></tig></langSet></termEntry>
        <termEntry><langSet xml:lang="fr"><tig><term>lundi</term></tig></langSet><langSet xml:lang="en"><tig><term>Monday</term></tig></langSet></termEntry>
        </body></text></martif>
        """)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try GlossaryFile.append([GlossaryEntry(source: "Selasa", target: "Tuesday")], to: path)) { error in
            XCTAssertEqual(error.localizedDescription, "\(path): not written: tm rewrites a TBX file to add to it, and this one holds 1 concept tm does not read (\(path):3: concept has no Indonesian term), which would be lost; add to a .tsv glossary instead")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }

    /// Statuses as other tools write them: admitted stays admitted, superseded stays superseded,
    /// in both TBX versions and through every format.
    func testTBXStatusesAreKept() throws {
        let v2 = try write("statuses2.tbx", """
        <?xml version="1.0" encoding="UTF-8"?>
        <martif type="TBX" xml:lang="en"><text><body>
        <termEntry id="t1"><descrip type="subjectField">government</descrip>
        <langSet xml:lang="id"><tig><term>Kemlu</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
          <tig><term>Deplu</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig></langSet>
        <langSet xml:lang="en"><tig><term>Foreign Ministry</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote><note>the usual form</note></tig>
          <tig><term>MFA</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
          <tig><term>Department of Foreign Affairs</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote><note>before 1999</note></tig></langSet>
        </termEntry></body></text></martif>
        """)
        let v3 = try write("statuses3.tbx", """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:min="http://www.tbxinfo.net/ns/min">
        <tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader><text><body>
        <conceptEntry id="c1"><min:subjectField>government</min:subjectField>
        <langSec xml:lang="id"><termSec><term>Kemlu</term><min:administrativeStatus>admittedTerm-admn-sts</min:administrativeStatus></termSec>
          <termSec><term>Deplu</term><min:administrativeStatus>supersededTerm-admn-sts</min:administrativeStatus></termSec></langSec>
        <langSec xml:lang="en"><termSec><term>Foreign Ministry</term><min:administrativeStatus>admittedTerm-admn-sts</min:administrativeStatus><note>the usual form</note></termSec>
          <termSec><term>MFA</term><min:administrativeStatus>admittedTerm-admn-sts</min:administrativeStatus></termSec>
          <termSec><term>Department of Foreign Affairs</term><min:administrativeStatus>supersededTerm-admn-sts</min:administrativeStatus><note>before 1999</note></termSec></langSec>
        </conceptEntry></body></text></tbx>
        """)
        let expected = ["Kemlu": TermStatus.admitted, "Deplu": .superseded].map { source, status in
            GlossaryEntry(source: source, target: "Foreign Ministry", alternativeTargets: ["MFA"], forbiddenTargets: ["Department of Foreign Affairs"],
                          note: "the usual form before 1999", domain: "government", sourceStatus: status, targetStatus: .admitted,
                          supersededTargets: ["Department of Foreign Affairs"])
        }.sorted { $0.source > $1.source }
        for path in [v2, v3] {
            let read = try GlossaryFile.read(path: path)
            XCTAssertEqual(read.problems, [])
            XCTAssertEqual(strip(read.entries), expected, path)
        }
        for format in GlossaryFormat.allCases {
            let out = folder.appendingPathComponent("statuses-out-\(format).\(format == .tbx2 ? "tbx" : format.rawValue)").path
            try GlossaryFile.write(expected, to: out, format: format)
            XCTAssertEqual(strip(try GlossaryFile.read(path: out).entries), expected, "\(format)")
        }
        let tbx = try String(contentsOfFile: folder.appendingPathComponent("statuses-out-tbx.tbx").path, encoding: .utf8)
        XCTAssertTrue(tbx.contains("<term>Foreign Ministry</term><min:administrativeStatus>admittedTerm-admn-sts</min:administrativeStatus>"), tbx)
        XCTAssertTrue(tbx.contains("<term>Deplu</term><min:administrativeStatus>supersededTerm-admn-sts</min:administrativeStatus>"), tbx)
    }

    func testAppendKeepsExistingTextAndWritesAtomically() throws {
        let path = try write("mine.tsv", "Senin\tMonday")
        try GlossaryFile.append([GlossaryEntry(source: "Selasa", target: "Tuesday", note: "day")], to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "Senin\tMonday\nSelasa\tTuesday\tday\n")
        let tbx = folder.appendingPathComponent("new.tbx").path
        try GlossaryFile.append([GlossaryEntry(source: "Rabu", target: "Wednesday")], to: tbx)
        try GlossaryFile.append([GlossaryEntry(source: "Kamis", target: "Thursday")], to: tbx)
        XCTAssertEqual(try GlossaryFile.read(path: tbx).entries.map(\.target), ["Wednesday", "Thursday"])
    }
}

final class GlossaryTBXSampleTests: XCTestCase {
    /// The TBX-Basic sample published with the schemas (English/Spanish/…, no Indonesian): read with
    /// its namespaces and DCT elements, every concept reported as lacking an Indonesian term.
    func testReadsThePublishedTBXBasicSample() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/spec/tbx-basic/Example_Astronomy_DCT_VALID.tbx")
        guard FileManager.default.fileExists(atPath: sample.path) else { throw XCTSkip("no TBX-Basic sample at \(sample.path)") }
        XCTAssertEqual(try GlossaryTBX.detectVersion(path: sample.path), .basic3)
        let glossary = try GlossaryFile.read(path: sample.path)
        XCTAssertEqual(glossary.entries, [])
        XCTAssertFalse(glossary.problems.isEmpty)
        XCTAssertTrue(glossary.problems.allSatisfy { $0.message == "concept has no Indonesian term" })
    }
}

final class GlossaryHostileTBXTests: XCTestCase {
    func testBillionLaughsIsRefusedBeforeParsing() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("laughs-\(UUID().uuidString).tbx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE martif [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 { text += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">\n" }
        text += "]>\n<martif><text><body><termEntry><langSet xml:lang=\"id\"><tig><term>&lol9;</term></tig></langSet></termEntry></body></text></martif>\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try GlossaryFile.read(path: path)) { error in
            XCTAssertEqual(error.localizedDescription, "\(path):3: not a TBX file: the document declares entities; tm never expands entities and refuses the file")
        }
    }
}
