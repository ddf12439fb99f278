import Foundation

/// Progress of indexing, for a progress bar: over the files that need indexing, `fileIndex`
/// counting among them.
public typealias LookupIndexProgress = ReadProgress

/// The persistent lookup index of a memory: one shard per TMX file in `<memory folder>/.tm-index/`,
/// named after the file's path. A shard is rebuilt when its TMX file's size, mtime or sampled
/// hash changes, or when it fails a check (truncated, corrupt, wrong version); shards of removed
/// files are deleted. Segments are written atomically (`AtomicFile`), so a crash or a concurrent
/// lookup never sees half an index. Adding a file to the memory indexes only that file.
///
/// A class because it owns the mapped shards.
public final class LookupIndex {
    public let memory: TranslationMemoryStore
    /// The TMX files, in `tmxFiles()` order; `shards[i]` indexes `files[i]`.
    public let files: [String]
    public private(set) var shards: [IndexShard]
    /// Where the shards are: the memory's `.tm-index/`; when that is not writable, a private
    /// folder in the user's cache; when no index can be written at all, a transient folder that
    /// is removed once the shards are open (the search then works without a persistent index).
    public private(set) var folder: String
    /// True when the shards live only as long as this object (nothing could be written to keep).
    public private(set) var isTransient = false
    /// Files indexed (or re-indexed) while opening.
    public private(set) var rebuilt: [String] = []
    /// Why shards were rebuilt, e.g. `TMX/a.tmx: stale` (for `--verbose` style reporting).
    public private(set) var reasons: [String] = []
    /// Units the TMX reader passed over while indexing.
    public private(set) var skipped: [SkippedUnit] = []
    /// Notes for the user (e.g. the index folder was not writable).
    public private(set) var notes: [String] = []

    private let progress: ((LookupIndexProgress) -> Void)?
    /// Units read by the indexing so far, for `progress`.
    private var unitsIndexed = 0

    /// Opens the index of `memory`, building what is missing or stale.
    ///
    /// - Complexity: O(number of files) when the index is fresh (a `stat`, 128 KiB read and a
    ///   header check per file); O(size of the changed files) otherwise.
    public init(memory: TranslationMemoryStore, progress: ((LookupIndexProgress) -> Void)? = nil) throws {
        self.memory = memory
        self.progress = progress
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: memory.path, isDirectory: &isDirectory) else {
            throw TMError(.noSuchMemory, path: memory.path)
        }
        let scan = try memory.scanFiles()
        files = scan.files
        var folder = (memory.folder.isEmpty ? "." : memory.folder) + "/.tm-index"
        var notes: [String] = []
        if !LookupIndex.prepareFolder(folder) {
            let absolute = URL(fileURLWithPath: memory.folder.isEmpty ? "." : memory.folder).standardizedFileURL.path
            let name = String(IndexChecksum.of(string: absolute), radix: 16)
            do {
                let fallback = try LookupIndex.privateCacheFolder() + "/" + name
                guard LookupIndex.prepareFolder(fallback) else {
                    throw TMError(.cannotWriteIndex(reason: "cannot create the folder"), path: fallback)
                }
                notes.append("\(folder): not writable; keeping the lookup index in \(fallback)")
                folder = fallback
            } catch {
                notes.append("\(folder): not writable, and \(error); searching without a persistent index")
                folder = try LookupIndex.transientFolder()
                isTransient = true
            }
        }
        self.folder = folder
        self.notes = notes
        self.shards = []
        skipped = scan.ignored
        defer { if isTransient { try? FileManager.default.removeItem(atPath: self.folder) } }

        var stamps: [IndexFileStamp] = []
        var toBuild: [Int] = []
        var opened: [IndexShard?] = []
        for (index, file) in files.enumerated() {
            let stamp = try IndexFileStamp.of(path: file)
            stamps.append(stamp)
            let shardPath = shardPath(for: file)
            var shard: IndexShard?
            if FileManager.default.fileExists(atPath: shardPath) {
                do {
                    let candidate = try IndexShard(path: shardPath, unitReader: TMXIndexUnitReader(path: file))
                    if candidate.stamp == stamp && candidate.tmxPath == identity(of: file) {
                        shard = candidate
                    } else {
                        reasons.append("\(file): changed since it was indexed")
                    }
                } catch {
                    reasons.append("\(file): \(error.localizedDescription)")
                }
            } else {
                reasons.append("\(file): not indexed yet")
            }
            if shard == nil { toBuild.append(index) }
            opened.append(shard)
        }
        let bytesTotal = toBuild.reduce(UInt64(0)) { $0 + stamps[$1].size }
        var bytesDone: UInt64 = 0
        for (position, index) in toBuild.enumerated() {
            opened[index] = try buildOrFallBack(index, stamp: stamps[index], fileIndex: position, fileCount: toBuild.count,
                                                bytesDone: bytesDone, bytesTotal: bytesTotal)
            bytesDone += stamps[index].size
        }
        shards = opened.map { $0! }
        if !isTransient { removeOrphans() }
    }

    /// Re-indexes file `index` after a query found its shard corrupt.
    public func rebuild(shardAt index: Int) throws {
        reasons.append("\(files[index]): corrupt shard found while searching")
        let stamp = try IndexFileStamp.of(path: files[index])
        if isTransient { folder = try LookupIndex.transientFolder() }
        defer { if isTransient { try? FileManager.default.removeItem(atPath: folder) } }
        shards[index] = try buildOrFallBack(index, stamp: stamp, fileIndex: 0, fileCount: 1, bytesDone: 0, bytesTotal: stamp.size)
    }

    /// Builds a shard where the index lives; when it cannot be written there (a full disk, a
    /// folder in its place), moves the whole index to a transient folder rather than failing the
    /// lookup, and says so.
    private func buildOrFallBack(_ index: Int, stamp: IndexFileStamp, fileIndex: Int, fileCount: Int, bytesDone: UInt64,
                                 bytesTotal: UInt64) throws -> IndexShard {
        do {
            return try build(index, stamp: stamp, fileIndex: fileIndex, fileCount: fileCount, bytesDone: bytesDone, bytesTotal: bytesTotal)
        } catch let error as TMError where !isTransient && error.isWriteFailure {
            notes.append("\(error); searching without a persistent index")
            let transient = try LookupIndex.transientFolder()
            // Shards already open stay mapped; the ones still to build go to the transient folder.
            folder = transient
            isTransient = true
            return try build(index, stamp: stamp, fileIndex: fileIndex, fileCount: fileCount, bytesDone: bytesDone, bytesTotal: bytesTotal)
        }
    }

    /// The index of the shard whose file is `path`, if any.
    public func shardIndex(path: String) -> Int? { shards.firstIndex { $0.path == path } }

    private func build(_ index: Int, stamp: IndexFileStamp, fileIndex: Int, fileCount: Int, bytesDone: UInt64,
                       bytesTotal: UInt64) throws -> IndexShard {
        let file = files[index]
        let output = shardPath(for: file)
        let before = unitsIndexed
        let report = progress.map { report in
            { (read: ReadProgress) in
                report(LookupIndexProgress(file: file, fileIndex: fileIndex, fileCount: fileCount, units: before + read.units,
                                           bytesDone: bytesDone + read.bytesDone, bytesTotal: bytesTotal))
            }
        }
        report?(ReadProgress(file: file, fileIndex: 0, fileCount: 1, units: 0, bytesDone: 0, bytesTotal: stamp.size))
        var unitsRead = 0
        skipped += try IndexShardBuilder.build(tmxPath: file, identity: identity(of: file), stamp: stamp, to: output) { read in
            unitsRead = read.units
            report?(read)
        }
        unitsIndexed += unitsRead
        rebuilt.append(file)
        return try IndexShard(path: output, unitReader: TMXIndexUnitReader(path: file))
    }

    /// The path of a file relative to the memory: what a shard is keyed by.
    func identity(of file: String) -> String {
        if memory.isSingleFile { return URL(fileURLWithPath: file).lastPathComponent }
        let prefix = memory.path.hasSuffix("/") ? memory.path : memory.path + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }

    func shardPath(for file: String) -> String {
        let identity = identity(of: file)
        let hash = String(IndexChecksum.of(string: identity), radix: 16)
        let readable = String(URL(fileURLWithPath: identity).deletingPathExtension().lastPathComponent
            .map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }.prefix(40))
        return "\(folder)/\(readable)-\(hash).\(IndexLayout.fileExtension)"
    }

    /// Deletes shards of files no longer in the memory, and temporary files left by an
    /// indexing that was killed (shards being written, and spill files of versions that named
    /// them until the end; older than an hour, so a concurrent indexing keeps its own).
    /// A single-file memory shares its folder's index with the other files there (memories of
    /// their own, or the folder's memory), so it removes no shard but its own stale ones.
    private func removeOrphans() {
        let expected = Set(files.map { URL(fileURLWithPath: shardPath(for: $0)).lastPathComponent })
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasSuffix("." + IndexLayout.fileExtension) && !expected.contains(name) && !memory.isSingleFile {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
        for name in names where name.hasPrefix(".") && (name.contains(".\(IndexLayout.fileExtension).tmp-") || name.hasPrefix(".tm-spill-")) {
            let path = folder + "/" + name
            if let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
               modified < Date().addingTimeInterval(-3600) {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }

    /// The user's own folder for index fallbacks: `$XDG_CACHE_HOME/tm/index`, else
    /// `~/.cache/tm/index`, else `$TMPDIR/tm-index-UID`. Made with mode 0700; refused when it
    /// (or its `tm` parent) is a link, belongs to someone else or is open to others, since a
    /// folder another user controls could feed lookups a forged index.
    static func privateCacheFolder(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let chain: [String]
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            chain = [cache + "/tm", cache + "/tm/index"]
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            chain = [home + "/.cache/tm", home + "/.cache/tm/index"]
        } else {
            chain = [NSTemporaryDirectory() + "/tm-index-\(getuid())"]
        }
        for folder in chain {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
            var info = stat()
            guard lstat(folder, &info) == 0 else {
                throw TMError(.cannotWriteIndex(reason: "cannot create a private folder: \(systemErrorMessage())"), path: folder)
            }
            guard info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid(), info.st_mode & 0o077 == 0 else {
                throw TMError(.cannotWriteIndex(reason: "the folder is not private (it must be a folder of yours with mode 0700)"), path: folder)
            }
        }
        return chain[chain.count - 1]
    }

    /// A new private folder for an index that lives only as long as the lookup: in RAM
    /// (`/dev/shm`) where there is one, so even a full disk does not stop a search.
    static func transientFolder() throws -> String {
        for base in ["/dev/shm", NSTemporaryDirectory()] where access(base, W_OK) == 0 {
            var template = Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast()) + Array("tm-index-XXXXXX".utf8CString)
            if let made = mkdtemp(&template) { return String(cString: made) }
        }
        throw TMError(.cannotWriteIndex(reason: "no folder can be written, not even a temporary one"), path: NSTemporaryDirectory())
    }

    private static func prepareFolder(_ folder: String) -> Bool {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            return false
        }
        return access(folder, W_OK) == 0
    }
}
