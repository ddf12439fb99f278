import Foundation
import TranslationMemory

/// The project's exact index over the database's units: a private folder memory (the mirror)
/// holds the units' TMX, one file per batch of the change sequence, and `LookupIndex` indexes it
/// as it indexes any folder memory — a new file is indexed alone, the others stay as they are.
/// Lookup, statistics and export then run the same library code as `tm lookup`, `tm stats` and
/// `tm export`, and answer the same.
///
/// An actor: refreshes and lookups take turns over the one index.
public actor IndexAdapter {
    let database: SharedMemoryDatabase
    /// The private folder: `memory/` (the mirror's TMX files) and the index inside it.
    let folder: String
    let mirror: TranslationMemoryStore
    private var index: LookupIndex?
    /// The last change-sequence value mirrored.
    public private(set) var lastSeq: Int64 = 0
    private var fileCounter = 0
    /// The TMX around the units of a mirror file, as `TMXWriter` writes it.
    private let documentStart: String
    private let documentEnd: String

    /// Units per mirror file: a large database becomes files of this size, each indexed once.
    static let batchSize = 50_000

    public init(database: SharedMemoryDatabase) throws {
        self.database = database
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tm-serve-\(getpid())-\(UUID().uuidString)").path
        folder = base
        try FileManager.default.createDirectory(atPath: base + "/memory", withIntermediateDirectories: true)
        mirror = TranslationMemoryStore(path: base + "/memory")
        // An empty document from the project's TMX writer; units go where its body ends.
        let template = base + "/template.xml"
        let writer = try TMXWriter(path: template, header: TMXWriter.standardHeader(date: Date(timeIntervalSince1970: 0)))
        try writer.finish()
        let text = try String(contentsOfFile: template, encoding: .utf8)
        try? FileManager.default.removeItem(atPath: template)
        guard let bodyEnd = text.range(of: "</body>") else {
            throw ServerError.database("the TMX writer wrote no body")
        }
        var start = String(text[..<bodyEnd.lowerBound])
        while start.last == " " || start.last == "\n" { start.removeLast() }
        documentStart = start
        documentEnd = "\n  " + String(text[bodyEnd.lowerBound...])
    }

    /// Removes the private folder.
    public func close() {
        index = nil
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The refresh running or last run: refreshes take turns.
    private var running: Task<Int, any Error>?

    /// Mirrors the units stored since the last refresh and indexes their files. Returns how many
    /// units came in. Refreshes are chained: an actor method is re-entered while it awaits the
    /// database, and two refreshes reading from the same `lastSeq` would mirror units twice.
    @discardableResult
    public func refresh() async throws -> Int {
        let previous = running
        let next = Task { () async throws -> Int in
            _ = try? await previous?.value
            return try await self.refreshNow()
        }
        running = next
        return try await next.value
    }

    /// The database's generation the mirror holds (nil before the first refresh).
    private var generation: Int64?

    private func refreshNow() async throws -> Int {
        // Units taken out (an undo): the mirror starts again from the first unit.
        let current = try await database.generation()
        if let generation, generation != current {
            for name in try FileManager.default.contentsOfDirectory(atPath: mirror.path) where name.hasSuffix(".tmx") {
                try FileManager.default.removeItem(atPath: mirror.path + "/" + name)
            }
            lastSeq = 0
            index = nil
        }
        generation = current
        var added = 0
        while true {
            let batch = try await database.units(after: lastSeq, limit: Self.batchSize)
            guard let last = batch.last else { break }
            fileCounter += 1
            let counter = String(fileCounter)
            let name = mirror.path + "/" + String(repeating: "0", count: max(0, 8 - counter.count)) + counter + "-\(last.seq).tmx"
            var text = documentStart
            text.reserveCapacity(batch.reduce(documentStart.count + documentEnd.count) { $0 + $1.xml.utf8.count + 8 })
            for unit in batch {
                text += "\n    "
                text += unit.xml
            }
            text += documentEnd
            // Written beside, then renamed: the index never sees half a file.
            let temporary = folder + "/incoming.partial"
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            try FileManager.default.moveItem(atPath: temporary, toPath: name)
            lastSeq = last.seq
            added += batch.count
            if batch.count < Self.batchSize { break }
        }
        if added > 0 || index == nil {
            index = try LookupIndex(memory: mirror)
        }
        return added
    }

    /// `tm lookup --json` over the shared memory.
    public func lookup(_ request: LookupRequest) throws -> LookupReport {
        guard let index else { throw ServerError.database("the index is not built yet") }
        var report = try LookupEngine.run(request, index: index)
        relabel(&report)
        return report
    }

    /// `tm stats --json` over the shared memory.
    public func statistics() throws -> MemoryStatistics {
        var statistics = try MemoryStatistics.compute(mirror)
        statistics.path = database.label
        for index in statistics.files.indices { statistics.files[index].path = relabel(statistics.files[index].path) }
        for index in statistics.skipped.indices { statistics.skipped[index].path = relabel(statistics.skipped[index].path) }
        return statistics
    }

    /// `tm export` of the shared memory into `path`.
    public func export(to path: String, options: MemoryExporter.Options) throws -> ExportReport {
        try MemoryExporter.export(mirror, to: path, options: options)
    }

    /// A mirror file's path as users see it: the database, then the file's name.
    func relabel(_ path: String) -> String {
        path.hasPrefix(mirror.path + "/") ? database.label + "/" + path.dropFirst(mirror.path.count + 1) : path
    }

    private func relabel(_ report: inout LookupReport) {
        for index in report.matches.indices {
            report.matches[index].provenance.file = relabel(report.matches[index].provenance.file)
        }
        if var concordance = report.concordance {
            for index in concordance.hits.indices {
                concordance.hits[index].provenance.file = relabel(concordance.hits[index].provenance.file)
            }
            report.concordance = concordance
        }
    }
}
