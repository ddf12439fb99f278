import Foundation
import PostgresNIO
import TranslationMemory
#if canImport(Glibc)
import Glibc
#endif

/// The project's exact index over the database's units: a private folder memory (the mirror)
/// holds the units' TMX, one file per batch of the change sequence, and `LookupIndex` indexes it
/// as it indexes any folder memory — a new file is indexed alone, the others stay as they are.
/// Lookup, statistics and export then run the same library code as `tm lookup`, `tm stats` and
/// `tm export`, and answer the same.
///
/// Refreshes take turns (the actor); lookups do not go through the actor: each refresh publishes
/// an `IndexSnapshot` (the mirror as it then stood, with a few open index handles), and lookups
/// read the snapshot published last from as many tasks as there are handles, one handle each,
/// on threads of their own. A refresh swaps the snapshot; lookups already running finish on the
/// old one.
///
/// With a cache folder (`tm serve --cache`), the mirror and its index stay on disk between starts:
/// a server that finds them matching the database (same generation, the last unit mirrored still
/// the same) only mirrors and indexes the units stored since.
public actor IndexAdapter {
    let database: SharedMemoryDatabase
    /// The private folder: `memory-N/` (the mirror's TMX files, with the index inside) and the state.
    let folder: String
    /// Whether `folder` is the user's cache, kept when the server stops.
    let isCache: Bool
    /// How many lookups run at once (one open index handle each).
    nonisolated let lookupWorkers: Int
    /// The mirror being filled (a new one after an undo).
    private var mirror: MirrorFolder
    /// The snapshot lookups read; swapped by refreshes.
    nonisolated let published = PublishedSnapshot()
    /// The last change-sequence value mirrored.
    public private(set) var lastSeq: Int64 = 0
    /// The SHA-256 of the last unit mirrored (the cache's check that the database is the same).
    private var lastUnitHash = ""
    private var fileCounter = 0
    /// Whether the first refresh took up the mirror a cache folder held.
    public private(set) var resumedFromCache = false
    private var mirrorCounter = 0
    /// The cache's lock (a descriptor holding `flock`), -1 without a cache.
    private let lockDescriptor: Int32
    /// The TMX around the units of a mirror file, as `TMXWriter` writes it.
    private let documentStart: String
    private let documentEnd: String

    /// Units per mirror file: a large database becomes files of this size, each indexed once.
    static let batchSize = 50_000

    /// - Parameter cacheFolder: where to keep the mirror between starts (nil: a private
    ///   temporary folder, removed on `close`). Two servers may not share one.
    public init(database: SharedMemoryDatabase, cacheFolder: String? = nil,
                lookupWorkers: Int = max(2, ProcessInfo.processInfo.activeProcessorCount)) throws {
        self.database = database
        self.lookupWorkers = max(1, lookupWorkers)
        if let cacheFolder {
            folder = URL(fileURLWithPath: cacheFolder).standardizedFileURL.path
            isCache = true
        } else {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-serve-\(getpid())-\(UUID().uuidString)").path
            isCache = false
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ServerError.usage("\(folder): cannot create the server's index folder (\(error.localizedDescription))")
        }
        if isCache {
            let descriptor = open(folder + "/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw ServerError.usage("\(folder)/lock: cannot open (\(String(cString: strerror(errno))))") }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                Glibc.close(descriptor)
                throw ServerError.usage("\(folder): another tm serve uses this --cache folder; give each server its own")
            }
            lockDescriptor = descriptor
        } else {
            lockDescriptor = -1
        }
        // An empty document from the project's TMX writer; units go where its body ends.
        let template = folder + "/template.xml"
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
        mirror = MirrorFolder(path: folder + "/memory-0", removeWhenDone: true)
    }

    /// Removes the private folder (a cache is kept, and unlocked).
    public func close() {
        published.set(nil)
        if isCache {
            // The cache's current mirror is what the next start takes up.
            mirror.removeWhenDone = false
            if lockDescriptor >= 0 { Glibc.close(lockDescriptor) }
        } else {
            try? FileManager.default.removeItem(atPath: folder)
        }
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

    /// What a cache folder remembers of its mirror, written after each file.
    struct CacheState: Codable {
        var mirror: String
        var generation: Int64
        var lastSeq: Int64
        var lastUnitSHA256: String
        var files: Int
    }

    private var statePath: String { folder + "/state.json" }

    private func refreshNow() async throws -> Int {
        let current = try await database.generation()
        if generation == nil && isCache {
            try await resumeCache(generation: current)
        }
        // Units taken out (an undo): the mirror starts again from the first unit, in a new folder;
        // the old one goes when the lookups still reading it are done.
        if let generation, generation != current {
            startNewMirror()
        }
        generation = current
        var added = 0
        while true {
            // The rows go to the file as they arrive, written beside and then renamed: the index
            // never sees half a file.
            let temporary = folder + "/incoming.partial"
            var writer: MirrorFileWriter?
            var count = 0, last: (seq: Int64, xml: String)?
            do {
                for try await row in try await database.unitRows(after: lastSeq, limit: Self.batchSize) {
                    let (seq, xml) = try row.decode((Int64, String).self)
                    if writer == nil { writer = try MirrorFileWriter(path: temporary, start: documentStart) }
                    try writer?.append(unit: xml)
                    count += 1
                    last = (seq, xml)
                }
                try writer?.finish(end: documentEnd)
            } catch {
                writer?.abandon()
                throw error
            }
            guard let last else { break }
            try FileManager.default.createDirectory(atPath: mirror.path, withIntermediateDirectories: true)
            fileCounter += 1
            let counter = String(fileCounter)
            let name = mirror.path + "/" + String(repeating: "0", count: max(0, 8 - counter.count)) + counter + "-\(last.seq).tmx"
            try FileManager.default.moveItem(atPath: temporary, toPath: name)
            lastSeq = last.seq
            lastUnitHash = SHA256.hex(Data(last.xml.utf8))
            added += count
            if isCache { try saveState() }
            if count < Self.batchSize { break }
        }
        if added > 0 || published.current == nil || published.current?.mirror !== mirror {
            try FileManager.default.createDirectory(atPath: mirror.path, withIntermediateDirectories: true)
            let mirror = self.mirror, workers = lookupWorkers, seq = lastSeq
            let snapshot = try await Self.offloaded { try IndexSnapshot(mirror: mirror, lastSeq: seq, handles: workers) }
            published.set(snapshot)
        }
        return added
    }

    private func startNewMirror() {
        mirrorCounter += 1
        mirror = MirrorFolder(path: folder + "/memory-\(mirrorCounter)", removeWhenDone: true)
        lastSeq = 0
        lastUnitHash = ""
        fileCounter = 0
    }

    private func saveState() throws {
        let state = CacheState(mirror: (mirror.path as NSString).lastPathComponent, generation: generation ?? 0, lastSeq: lastSeq,
                               lastUnitSHA256: lastUnitHash, files: fileCounter)
        try AtomicFile.write(try JSONEncoder().encode(state), to: statePath)
    }

    /// Takes up the mirror a cache folder holds when it matches the database: the same
    /// generation, the files the state names, and the last unit mirrored still stored with the
    /// same XML. Anything else (another database, an undo while stopped, a crash between a file
    /// and its state) starts the mirror again; folders of older mirrors are removed.
    private func resumeCache(generation current: Int64) async throws {
        var resumed = false
        if let data = FileManager.default.contents(atPath: statePath),
           let state = try? JSONDecoder().decode(CacheState.self, from: data),
           state.generation == current, !state.mirror.contains("/"), state.mirror.hasPrefix("memory-") {
            let path = folder + "/" + state.mirror
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".tmx") }.sorted()
            let lastInNames = files.last.flatMap { name in Int64(name.dropLast(4).split(separator: "-").last ?? "") }
            if files.count == state.files, lastInNames == state.lastSeq,
               let stored = try await database.unitXML(seq: state.lastSeq), SHA256.hex(Data(stored.utf8)) == state.lastUnitSHA256 {
                mirrorCounter = Int(state.mirror.dropFirst("memory-".count)) ?? 0
                mirror = MirrorFolder(path: path, removeWhenDone: false)
                lastSeq = state.lastSeq
                lastUnitHash = state.lastUnitSHA256
                fileCounter = state.files
                resumed = true
                resumedFromCache = true
            }
        }
        let keep = resumed ? (mirror.path as NSString).lastPathComponent : nil
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix("memory-") && name != keep {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
        if !resumed {
            try? FileManager.default.removeItem(atPath: statePath)
            mirrorCounter += 1
            mirror = MirrorFolder(path: folder + "/memory-\(mirrorCounter)", removeWhenDone: false)
        }
        // Mirrors after an undo replace this one; this one is then removed too.
        mirror.removeWhenDone = true
    }

    /// The snapshot lookups would read now.
    private nonisolated func currentSnapshot() throws -> IndexSnapshot {
        guard let snapshot = published.current else { throw ServerError.database("the index is not built yet") }
        return snapshot
    }

    /// `tm lookup --json` over the shared memory. Runs beside other lookups (up to
    /// `lookupWorkers` at once), off the server's event loops and its shared task threads.
    public nonisolated func lookup(_ request: LookupRequest) async throws -> LookupReport {
        let snapshot = try currentSnapshot()
        let handle = await snapshot.handles.acquire()
        defer { snapshot.handles.release(handle) }
        var report = try await Self.offloaded { try LookupEngine.run(request, index: handle.index, scratch: handle.scratch) }
        relabel(&report, mirror: snapshot.mirror.path)
        return report
    }

    /// `tm stats --json` over the shared memory.
    public nonisolated func statistics() async throws -> MemoryStatistics {
        let snapshot = try currentSnapshot()
        let memory = TranslationMemoryStore(path: snapshot.mirror.path)
        var statistics = try await Self.offloaded { try MemoryStatistics.compute(memory) }
        statistics.path = database.label
        for index in statistics.files.indices { statistics.files[index].path = relabel(statistics.files[index].path, mirror: snapshot.mirror.path) }
        for index in statistics.skipped.indices { statistics.skipped[index].path = relabel(statistics.skipped[index].path, mirror: snapshot.mirror.path) }
        withExtendedLifetime(snapshot) {}
        return statistics
    }

    /// `tm export` of the shared memory into `path`.
    public nonisolated func export(to path: String, options: MemoryExporter.Options) async throws -> ExportReport {
        let snapshot = try currentSnapshot()
        let memory = TranslationMemoryStore(path: snapshot.mirror.path)
        let report = try await Self.offloaded { try MemoryExporter.export(memory, to: path, options: options) }
        withExtendedLifetime(snapshot) {}
        return report
    }

    /// A mirror file's path as users see it: the database, then the file's name.
    nonisolated func relabel(_ path: String, mirror: String) -> String {
        path.hasPrefix(mirror + "/") ? database.label + "/" + path.dropFirst(mirror.count + 1) : path
    }

    private nonisolated func relabel(_ report: inout LookupReport, mirror: String) {
        for index in report.matches.indices {
            report.matches[index].provenance.file = relabel(report.matches[index].provenance.file, mirror: mirror)
        }
        if var concordance = report.concordance {
            for index in concordance.hits.indices {
                concordance.hits[index].provenance.file = relabel(concordance.hits[index].provenance.file, mirror: mirror)
            }
            report.concordance = concordance
        }
    }

    /// Runs blocking library work on a thread of its own, off the server's event loops and the
    /// cooperative threads that run every request's handler.
    static func offloaded<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}

/// Writes one mirror file unit by unit through a buffer (the units of a batch are never held
/// whole). A class because it owns the open file.
final class MirrorFileWriter {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []

    init(path: String, start: String) throws {
        self.path = path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ServerError.database("\(path): cannot write the server's index mirror")
        }
        try handle.truncate(atOffset: 0)
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
        buffer += start.utf8
    }

    func append(unit xml: String) throws {
        buffer += "\n    ".utf8
        buffer += xml.utf8
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func finish(end: String) throws {
        buffer += end.utf8
        try flush()
        try handle.close()
    }

    /// Closes and removes a file not finished.
    func abandon() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// One mirror folder. Snapshots of it hold it; once the adapter has moved to a newer mirror (an
/// undo) and the last lookup on it has finished, it removes itself from the disk.
/// A class because it owns the folder.
final class MirrorFolder: @unchecked Sendable {
    let path: String
    /// Whether the folder goes with its last reader (false for a cache's mirror at `close`).
    /// Set only by the adapter, read only in `deinit`.
    var removeWhenDone: Bool

    init(path: String, removeWhenDone: Bool) {
        self.path = path
        self.removeWhenDone = removeWhenDone
    }

    deinit {
        if removeWhenDone { try? FileManager.default.removeItem(atPath: path) }
    }
}

/// A handle on the index: a `LookupIndex` opened on a mirror's shards with its search scratch.
/// `LookupIndex` and its shards keep per-object caches (open files, checked bits), so a handle
/// serves one lookup at a time; the kernel shares the mapped shards between handles.
final class IndexHandle: @unchecked Sendable {
    let index: LookupIndex
    let scratch = FuzzySearchScratch()
    init(index: LookupIndex) { self.index = index }
}

/// The mirror as one refresh left it, with its index handles. Never changed once published.
final class IndexSnapshot: Sendable {
    let mirror: MirrorFolder
    let lastSeq: Int64
    let handles: HandlePool

    /// Opens (building what is new) the mirror's index `handles` times. Blocking.
    init(mirror: MirrorFolder, lastSeq: Int64, handles count: Int) throws {
        self.mirror = mirror
        self.lastSeq = lastSeq
        let memory = TranslationMemoryStore(path: mirror.path)
        // The first open builds the shards of new files; the others find them fresh and only map them.
        var opened: [IndexHandle] = []
        for _ in 0..<count { opened.append(IndexHandle(index: try LookupIndex(memory: memory))) }
        handles = HandlePool(opened)
    }
}

/// The idle handles of a snapshot; a lookup waits for one when all are busy.
final class HandlePool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [IndexHandle]
    private var waiting: [CheckedContinuation<IndexHandle, Never>] = []

    init(_ handles: [IndexHandle]) { idle = handles }

    func acquire() async -> IndexHandle {
        await withCheckedContinuation { continuation in
            let handle: IndexHandle? = lock.withLock {
                if let handle = idle.popLast() { return handle }
                waiting.append(continuation)
                return nil
            }
            if let handle { continuation.resume(returning: handle) }
        }
    }

    func release(_ handle: IndexHandle) {
        let next: CheckedContinuation<IndexHandle, Never>? = lock.withLock {
            if waiting.isEmpty {
                idle.append(handle)
                return nil
            }
            return waiting.removeFirst()
        }
        next?.resume(returning: handle)
    }
}

/// The snapshot published last; read by any task, replaced by the refreshing one.
final class PublishedSnapshot: @unchecked Sendable {
    private let lock = NSLock()
    private var snapshot: IndexSnapshot?

    var current: IndexSnapshot? { lock.withLock { snapshot } }

    func set(_ new: IndexSnapshot?) { lock.withLock { snapshot = new } }
}
