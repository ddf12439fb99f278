import Foundation

/// The memory's record of its runs: one JSON object a line, oldest first, in `.tm-runs.jsonl` in
/// a folder memory (hidden, like the index and the lock) or `NAME.tmx.runs.jsonl` beside a
/// single-file memory. Besides what `tm log` shows, each line holds what `tm undo` checks: the
/// file the run wrote, whether the run created it, and a checksum of its units' bytes.
///
/// Lines are kept as they were written: undoing the last run leaves the journal byte for byte as
/// it was before the run (and removes it when no run is left).
struct RunJournal {
    struct Record: Codable, Hashable {
        var id: String
        var date: Date
        var user: String
        var command: String
        var files: [String]
        var units: Int
        /// The memory file the units went to, relative to the memory's folder.
        var file: String
        /// True when the run wrote the file new: it goes when the run's last unit goes.
        var created: Bool
        /// `TMXUnitLayout.digest` of the run's units in the memory, in hex.
        var digest: String
        /// The `<body/>` the run's units replaced in a single-file memory, to put back.
        var emptyBody: String?
        /// What the run added to a single-file memory's header (the notes, props and `ude`s of the
        /// imported file's header that it lacked), to take out with the run's last unit.
        var header: TMXAppender.HeaderEdit?

        init(_ run: MemoryRun, file: String, created: Bool, digest: UInt64, emptyBody: String?,
             header: TMXAppender.HeaderEdit? = nil) {
            (id, date, user, command, files, units) = (run.id, run.date, run.user, run.command, run.files, run.units)
            self.file = file
            self.created = created
            self.digest = String(digest, radix: 16)
            self.emptyBody = emptyBody
            self.header = header
        }

        var run: MemoryRun {
            var run = MemoryRun(command: command, files: files, user: user, date: date)
            run.id = id
            run.units = units
            return run
        }

        var digestValue: UInt64 {
            get { UInt64(digest, radix: 16) ?? 0 }
            set { digest = String(newValue, radix: 16) }
        }
    }

    /// The digest of the units a run just wrote to `file` (a temporary file): all its units when
    /// the run wrote it new, else those in the `inserted` bytes. `path` names it in errors.
    static func digest(ofUnitsIn file: String, inserted: Range<Int>?, expected: Int, path: String) throws -> UInt64 {
        let mapped = try MappedFile(path: file)
        let encoding = XMLFileEncoding.detect(head: Array(mapped.bytes.prefix(200)))
        let (count, digest) = TMXUnitLayout.digestOfWritten(mapped, range: inserted, encoding: encoding)
        guard count == expected else {
            throw TMError(.cannotLocateUnits(reason: "\(expected) units written, \(count) found in the bytes"), path: path)
        }
        return digest
    }

    let path: String
    /// Each line's text, and its record when it could be read (a line from a newer tm is kept).
    private(set) var lines: [(text: String, record: Record?)]

    static func location(of store: TranslationMemoryStore) -> String {
        store.isSingleFile ? store.path + ".runs.jsonl" : store.path + "/.tm-runs.jsonl"
    }

    static func read(_ store: TranslationMemoryStore) throws -> RunJournal {
        let path = location(of: store)
        guard FileManager.default.fileExists(atPath: path) else { return RunJournal(path: path, lines: []) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TMError(.cannotRead(reason: "permission denied"), path: path)
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
            (String(line), try? decoder.decode(Record.self, from: Data(line.utf8)))
        }
        return RunJournal(path: path, lines: lines)
    }

    var records: [Record] { lines.compactMap(\.record) }

    func record(_ id: String) -> Record? { records.first { $0.id == id } }

    mutating func append(_ record: Record) throws {
        lines.append((try RunJournal.encode(record), record))
    }

    /// Puts `record` in place of the line of the run with its id.
    mutating func update(_ record: Record) throws {
        guard let index = lines.firstIndex(where: { $0.record?.id == record.id }) else { return }
        lines[index] = (try RunJournal.encode(record), record)
    }

    mutating func remove(_ id: String) {
        lines.removeAll { $0.record?.id == id }
    }

    /// The journal's new content as part of `commit`; no line left, no file.
    func stage(into commit: inout FileCommit) throws {
        if lines.isEmpty {
            if FileManager.default.fileExists(atPath: path) { try commit.remove(path) }
            return
        }
        try commit.stage(path, bytes: Array(lines.map { $0.text + "\n" }.joined().utf8))
    }

    private static func encode(_ record: Record) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(record), as: UTF8.self)
    }
}
