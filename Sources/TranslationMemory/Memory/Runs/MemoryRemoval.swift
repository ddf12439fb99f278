import Foundation

/// Which units `tm remove` takes out: every criterion given must hold. Texts are compared whole
/// (white space at the ends aside, Unicode NFC): a removal never takes a unit the translator
/// did not name.
public struct UnitSelection: Sendable, Hashable {
    /// The Indonesian (source) text.
    public var source: String?
    /// The English (target) text.
    public var target: String?
    /// The run that stored the unit (`x-tm-run`).
    public var run: String?
    /// The `creationid` of the unit, or of one of its variants.
    public var creator: String?

    public init(source: String? = nil, target: String? = nil, run: String? = nil, creator: String? = nil) {
        self.source = source.map(UnitSelection.normalized)
        self.target = target.map(UnitSelection.normalized)
        self.run = run
        self.creator = creator
    }

    public var isEmpty: Bool { source == nil && target == nil && run == nil && creator == nil }

    func matches(_ unit: TranslationUnit) -> Bool {
        if let run, unit.property(MemoryRun.idProperty) != run { return false }
        if let creator, unit.attribute("creationid") != creator,
           !unit.variants.contains(where: { variant in variant.attributes.contains { $0.name == "creationid" && $0.value == creator } }) {
            return false
        }
        if let source, unit.variant(for: .indonesian).map({ UnitSelection.normalized($0.segment.plainText) }) != source { return false }
        if let target, unit.variant(for: .english).map({ UnitSelection.normalized($0.segment.plainText) }) != target { return false }
        return true
    }

    static func normalized(_ text: String) -> String {
        TextNormalization.nfc(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// What a removal found and (unless it was a dry run) took out.
public struct RemovalReport: Sendable, Codable, Hashable {
    public struct Unit: Sendable, Codable, Hashable {
        public var file: String
        public var line: Int
        public var source: String?
        public var target: String?
        public var creator: String?
        public var date: String?
        public var run: String?
    }

    public var units: [Unit] = []
    /// False for a dry run: nothing was changed.
    public var removed = false
    /// Files rewritten without the units, and files removed (written by a run that left no unit in them).
    public var changedFiles: [String] = []
    public var deletedFiles: [String] = []
    /// The run taken back, for `tm undo` and `--run`.
    public var run: MemoryRun?
}

/// Takes units out of a memory with every other byte of every file kept (`tm undo`, `tm remove`).
///
/// A unit's bytes are found by a scan of the file checked against the XML reader
/// (`TMXUnitLayout`); each is cut with the blank layout before it, so that undoing a run that
/// appended to a single file gives back the file byte for byte, and undoing a run that wrote a
/// new file removes that file. A run is taken back only as it was stored: when its units in the
/// memory are fewer, more, or not byte for byte what the run wrote (the journal's checksum), the
/// removal is refused and nothing changes. All files and the journal change in one `FileCommit`
/// under the memory's lock.
public enum MemoryRemoval {
    /// Takes back run `id`.
    public static func undo(run id: String, in store: TranslationMemoryStore) throws -> RemovalReport {
        try remove(UnitSelection(run: id), from: store, apply: true)
    }

    /// Finds the units `selection` names; with `apply`, takes them out.
    ///
    /// - Complexity: O(size of the memory) to read it, plus O(size of each file changed).
    public static func remove(_ selection: UnitSelection, from store: TranslationMemoryStore, apply: Bool) throws -> RemovalReport {
        try store.checkExists()
        let lock = apply ? try store.lock() : nil
        defer { withExtendedLifetime(lock) {} }
        var journal = try RunJournal.read(store)
        var report = RemovalReport()
        if let id = selection.run {
            guard let record = journal.record(id) else { throw TMError(.noSuchRun(id: id)) }
            report.run = record.run
        }
        let found = try MemorySelectionScan(store: store, selection: selection)
        report.units = found.selected.map(\.reported)
        if let record = selection.run.flatMap(journal.record) {
            let runUnits = found.files.values.reduce(0) { $0 + $1.runUnits.count }
            guard runUnits == record.units, found.runDigest == record.digestValue else {
                throw TMError(.runChanged(id: record.id, stored: record.units, found: runUnits))
            }
        }
        guard apply, !found.selected.isEmpty else { return report }

        var taken: [String: (count: Int, digest: UInt64)] = [:]
        for scan in found.files.values {
            for (run, digest) in scan.selectedDigests {
                taken[run, default: (0, 0)].count += 1
                taken[run, default: (0, 0)].digest &+= digest
            }
        }
        /// Runs whose every unit goes: what they changed besides their units goes back too.
        let runsTakenWhole = Set(journal.records.filter { taken[$0.id]?.count == $0.units }.map(\.id))

        var commit = FileCommit(intent: store.commitIntent)
        do {
            for (file, scan) in found.files.sorted(by: { $0.key < $1.key }) where !scan.selected.isEmpty {
                let name = store.relativeName(of: file)
                let writers = journal.records.filter { $0.file == name }
                let left = scan.unitElements - scan.selected.count
                if left == 0, writers.contains(where: \.created) {
                    try commit.remove(file)
                    report.deletedFiles.append(file)
                } else {
                    let emptyBody = left == 0 ? writers.first { $0.emptyBody != nil && taken[$0.id] != nil }?.emptyBody : nil
                    let header = try scan.headerRestorations(writers.compactMap { record in
                        runsTakenWhole.contains(record.id) ? record.header.map { (record.id, $0) } : nil
                    })
                    try commit.stage(file) { temporary in try scan.writeWithout(to: temporary, emptyBody: emptyBody, header: header) }
                    report.changedFiles.append(file)
                }
            }
            for (id, removed) in taken {
                guard var record = journal.record(id) else { continue }
                record.units -= removed.count
                record.digestValue &-= removed.digest
                if record.units <= 0 { journal.remove(id) } else { try journal.update(record) }
            }
            try journal.stage(into: &commit)
        } catch {
            commit.discard()
            throw error
        }
        try commit.commit()
        report.removed = true
        return report
    }
}
