import Foundation

/// Where a unit came from: the file and the line of its `<tu>`.
public struct UnitOrigin: Sendable, Codable, Hashable {
    public var path: String
    public var line: Int
}

/// A translation memory: a folder of TMX files (every `.tmx` below it counts, as in OmegaT's `tm/`
/// folder, so a team can share it in git and drop CAT-tool exports into it), or a single `.tmx`.
///
/// New units never edit a file in place: in a folder they go to a new file; a single-file memory is
/// rewritten atomically with every byte it held kept and the new units inserted before `</body>`
/// (`TMXAppender`). Writers hold an exclusive lock on the memory.
public struct TranslationMemoryStore: Sendable {
    /// The folder or file.
    public let path: String
    public let isSingleFile: Bool

    /// The default location: `TM_PATH` if set, else `TMX/` in the current directory.
    public static func resolve(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> TranslationMemoryStore {
        if let explicit, !explicit.isEmpty { return TranslationMemoryStore(path: explicit) }
        if let fromEnvironment = environment["TM_PATH"], !fromEnvironment.isEmpty {
            return TranslationMemoryStore(path: fromEnvironment)
        }
        return TranslationMemoryStore(path: "TMX")
    }

    public init(path: String) {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        self.path = path
        self.isSingleFile = exists ? !isDirectory.boolValue : path.lowercased().hasSuffix(".tmx")
    }

    /// The folder that holds the memory's files (and its lock and index).
    public var folder: String {
        isSingleFile ? URL(fileURLWithPath: path).deletingLastPathComponent().path : path
    }

    /// Throws "no such memory" when nothing is at the path: reading commands must not take a
    /// mistyped `--tm` for an empty memory. An existing empty folder is a memory of 0 units.
    public func checkExists() throws {
        guard FileManager.default.fileExists(atPath: path) else { throw TMError(.noSuchMemory, path: path) }
    }

    /// True when `file` is one of the memory's files or lies inside its folder (links resolved).
    public func contains(_ file: String) -> Bool {
        let target = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
        let own = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        if isSingleFile { return target == own }
        return target.hasPrefix(own.hasSuffix("/") ? own : own + "/")
    }

    /// The TMX files of the memory, sorted by path. An absent folder is an empty memory.
    public func tmxFiles() throws -> [String] { try scanFiles().files }

    /// The TMX files of the memory, and the `.tmx` links it does not follow.
    ///
    /// The memory folder may itself be a symbolic link. Links inside it are followed when they
    /// lead to a file inside the memory's own tree (each file is read once, however many links
    /// lead to it); a link that leads outside, or nowhere, is reported rather than silently read
    /// or silently ignored. Hidden files and folders (the index, the lock) are not the memory's.
    public func scanFiles() throws -> (files: [String], ignored: [SkippedUnit]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return ([], []) }
        if !isDirectory.boolValue {
            guard path.lowercased().hasSuffix(".tmx") else { throw TMError(.notAMemory, path: path) }
            return ([path], [])
        }
        let root = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var files: [String] = []
        var ignored: [SkippedUnit] = []
        var seen = Set<String>()
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey],
                                                              options: [.skipsHiddenFiles]) else { return ([], []) }
        var links: [(url: URL, shown: String)] = []
        for case let url as URL in enumerator where url.pathExtension.lowercased() == "tmx" {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            let relative = String(url.standardizedFileURL.path.dropFirst(rootPath.count))
            let shown = path.hasSuffix("/") ? path + relative : path + "/" + relative
            if values?.isSymbolicLink == true {
                links.append((url, shown))
            } else if values?.isRegularFile == true, seen.insert(url.standardizedFileURL.path).inserted {
                files.append(shown)
            }
        }
        // Links after the files, so a file is known by its own name before any link to it.
        for (url, shown) in links.sorted(by: { $0.shown < $1.shown }) {
            let target = url.resolvingSymlinksInPath().standardizedFileURL
            var targetIsDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: target.path, isDirectory: &targetIsDirectory), !targetIsDirectory.boolValue else {
                ignored.append(SkippedUnit(path: shown, line: 0, reason: "a link to nothing readable; not read"))
                continue
            }
            guard target.path.hasPrefix(rootPath) else {
                ignored.append(SkippedUnit(path: shown, line: 0, reason: "a link to \(target.path), outside the memory; not read (copy the file in to use it)"))
                continue
            }
            if seen.insert(target.path).inserted { files.append(shown) }
        }
        return (files.sorted(), ignored)
    }

    /// Streams every unit of every file, with its origin; `progress` hears how far the read is.
    /// Returns the units passed over.
    ///
    /// - Complexity: O(total size of the memory); memory bounded by the largest unit.
    @discardableResult
    public func forEachUnit(progress: ((ReadProgress) -> Void)? = nil, _ body: (TranslationUnit, UnitOrigin) throws -> Void) throws -> [SkippedUnit] {
        let (files, ignored) = try scanFiles()
        return ignored + (try Self.forEachUnit(in: files, tally: ReadProgressTally(files: files, report: progress), body))
    }

    /// The units of `files`, counted in `tally` (which may count other files read before or after).
    static func forEachUnit(in files: [String], tally: ReadProgressTally?, _ body: (TranslationUnit, UnitOrigin) throws -> Void) throws -> [SkippedUnit] {
        var skipped: [SkippedUnit] = []
        for file in files {
            let reader = try TMXReader(path: file)
            while let unit = try reader.next() {
                try body(unit, UnitOrigin(path: file, line: reader.lastUnitLine))
                tally?.unitRead(in: file, bytes: reader.bytesRead)
            }
            tally?.finished(file)
            skipped += reader.skipped
        }
        return skipped
    }

    /// Takes the memory's exclusive writer lock (blocking until it is free), carries out a change
    /// a killed writer committed but did not finish, then removes the temporary files that killed
    /// writers left behind.
    public func lock() throws -> FileLock {
        let lock: FileLock
        if isSingleFile {
            try FileManager.default.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
            lock = try FileLock(path: path + ".lock")
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw TMError(.cannotWrite(reason: "cannot create the memory folder"), path: path)
            }
            lock = try FileLock(path: path + "/.tm.lock")
        }
        try FileCommit.recover(intent: commitIntent)
        AtomicFile.removeAbandonedTemporaryFiles(in: folder.isEmpty ? "." : folder)
        return lock
    }

    /// Where a change of several files records what it will do (see `FileCommit`).
    var commitIntent: String { isSingleFile ? path + ".commit" : path + "/.tm-commit" }

    /// A memory file's name relative to the memory's folder (the single file's own name).
    func relativeName(of file: String) -> String {
        if isSingleFile { return URL(fileURLWithPath: file).lastPathComponent }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }

    /// Adds units to the memory as one run: a new file in a folder memory, an atomic rewrite of a
    /// single-file memory. The caller holds `lock()`. Returns nil when there was nothing to add.
    ///
    /// - Parameter name: a short name for the new file (`import-glossary`, `align-article`).
    @discardableResult
    public func append(_ units: [TranslationUnit], name: String, header: TMXHeader = TMXWriter.standardHeader(),
                       date: Date = Date(), run: MemoryRun) throws -> MemoryWrite? {
        try write(name: name, header: header, date: date, run: run) { emit in
            for unit in units { try emit(unit) }
        }
    }

    /// The header the units `write` adds will stand under: the file's own when they go into an
    /// existing single-file memory (whose bytes are kept), else `header`.
    public func headerOfNewUnits(_ header: TMXHeader) throws -> TMXHeader {
        isSingleFile && FileManager.default.fileExists(atPath: path) ? try TMXReader(path: path).header : header
    }

    /// Streams new units into the memory as one run: `body` emits them one at a time, so an
    /// import of a 2 GB file never holds it in memory. Each unit gets the run's props, and the
    /// run goes into the memory's journal (`tm log`, `tm undo`) in the same atomic change.
    /// Nothing is visible until `body` returns: if it throws, the temporary file is removed and
    /// the memory is untouched; if it emits nothing, nothing is written and the result is nil.
    /// The caller holds `lock()`.
    public func write(name: String, header: TMXHeader = TMXWriter.standardHeader(), date: Date = Date(), run: MemoryRun,
                      _ body: (_ emit: (TranslationUnit) throws -> Void) throws -> Void) throws -> MemoryWrite? {
        struct NothingWritten: Error {}
        let destination: String
        if isSingleFile {
            destination = path
        } else {
            let stamp = TMXDate.format(date)
            let safeName = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }.prefix(60))
            var file = "\(path)/\(safeName)-\(stamp).tmx"
            var counter = 2
            while FileManager.default.fileExists(atPath: file) {
                file = "\(path)/\(safeName)-\(stamp)-\(counter).tmx"
                counter += 1
            }
            destination = file
        }
        var journal = try RunJournal.read(self)
        var run = run
        while journal.record(run.id) != nil { run.id = MemoryRun.newID(date: run.date) }
        let created = !FileManager.default.fileExists(atPath: destination)
        var commit = FileCommit(intent: commitIntent)
        var inserted: Range<Int>?
        var emptyBody: String?
        var headerEdit: TMXAppender.HeaderEdit?
        do {
            try commit.stage(destination) { temporary in
                if !created {
                    // Keep every byte of the file; the new units go in before `</body>`, the
                    // notes, props and `ude`s of `header` it lacks into its header.
                    let result = try TMXAppender.append(to: path, temporary: temporary, header: header) { emit in
                        try withoutActuallyEscaping(emit) { emit in try body { try emit(run.stamp($0)) } }
                    }
                    if result.units == 0 { throw NothingWritten() }
                    (run.units, inserted, emptyBody, headerEdit) = (result.units, result.inserted, result.emptyBody, result.header)
                    return
                }
                let writer = try TMXWriter(path: temporary, header: header)
                try body { unit in
                    try writer.write(run.stamp(unit))
                    run.units += 1
                }
                if run.units == 0 { throw NothingWritten() }
                try writer.finish()
            }
        } catch is NothingWritten {
            return nil
        }
        do {
            let digest = try RunJournal.digest(ofUnitsIn: commit.staged[0].temporary, inserted: inserted, expected: run.units,
                                               path: destination)
            try journal.append(RunJournal.Record(run, file: relativeName(of: destination), created: created,
                                                 digest: digest, emptyBody: emptyBody, header: headerEdit))
            try journal.stage(into: &commit)
        } catch {
            commit.discard()
            throw error
        }
        try commit.commit()
        return MemoryWrite(file: destination, run: run)
    }
}
