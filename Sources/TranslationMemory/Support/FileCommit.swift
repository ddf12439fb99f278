import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Several files replaced and removed as one change: a run's new TMX file and its journal line,
/// an undo's cut file, deleted file and shortened journal. A `kill -9` at any instant leaves all
/// of them as before or, once the next writer has taken the lock, all as after.
///
/// Every new content is first written to a complete, synced temporary file. Then an intent file
/// naming every rename and removal is put in place atomically: that is the moment of commit.
/// The renames and removals follow, and the intent goes. A writer killed before the intent
/// exists leaves temporary files, which the next writer removes (`AtomicFile`); one killed after
/// leaves the intent, which the next writer carries out (`recover`) before anything else.
struct FileCommit {
    /// Where the intent is written while the commit is carried out.
    let intent: String
    private(set) var staged: [AtomicFile.StagedFile] = []
    private(set) var removals: [String] = []

    init(intent: String) {
        self.intent = intent
    }

    private struct Intent: Codable {
        var renames: [AtomicFile.StagedFile]
        var removals: [String]
    }

    /// Writes the new content of `path` to a temporary file, through `body`.
    mutating func stage(_ path: String, _ body: (String) throws -> Void) throws {
        do {
            staged.append(try AtomicFile.stage(to: path, body))
        } catch {
            discard()
            throw error
        }
    }

    /// Writes `bytes` as the new content of `path`.
    mutating func stage(_ path: String, bytes: [UInt8]) throws {
        try stage(path) { temporary in
            let file = try FileDescriptor(writing: temporary)
            try file.write(bytes, path: temporary)
            try file.close(path: temporary)
        }
    }

    /// Removes `path` (links resolved) when the commit is carried out.
    mutating func remove(_ path: String) throws {
        removals.append(try AtomicFile.resolvingLinks(path))
    }

    /// Removes the temporary files of a commit that will not happen.
    func discard() {
        for file in staged { unlink(file.temporary) }
    }

    /// Commits: from the moment the intent is in place, the change happens even if this process dies.
    func commit() throws {
        guard try writeIntent() else { return }
        try FileCommit.carryOut(Intent(renames: staged, removals: removals), intent: intent)
    }

    /// The moment of commit: puts the intent in place. False when there is nothing to do.
    func writeIntent() throws -> Bool {
        guard !staged.isEmpty || !removals.isEmpty else { return false }
        do {
            let data = try JSONEncoder().encode(Intent(renames: staged, removals: removals))
            try AtomicFile.write(data, to: intent)
        } catch {
            discard()
            throw error
        }
        return true
    }

    /// Carries out the commit a killed writer left behind, if any. Call it holding the lock of
    /// the files concerned, before removing abandoned temporary files.
    static func recover(intent: String) throws {
        guard let data = FileManager.default.contents(atPath: intent) else { return }
        guard let pending = try? JSONDecoder().decode(Intent.self, from: data) else {
            // The intent is renamed into place whole, so it cannot be half written.
            throw TMError(.invalidContent(reason: "an unfinished change of the memory that tm cannot read; remove this file to go on"), path: intent)
        }
        try carryOut(pending, intent: intent)
    }

    /// Idempotent: a rename whose temporary file is gone, or a removal of a file already gone,
    /// was done before.
    private static func carryOut(_ intent: Intent, intent path: String) throws {
        var folders = Set<String>()
        for file in intent.renames {
            if rename(file.temporary, file.destination) != 0 && errno != ENOENT {
                throw TMError(.cannotWrite(reason: systemErrorMessage()), path: file.destination)
            }
            folders.insert(URL(fileURLWithPath: file.destination).deletingLastPathComponent().path)
        }
        for file in intent.removals {
            if unlink(file) != 0 && errno != ENOENT {
                throw TMError(.cannotWrite(reason: systemErrorMessage()), path: file)
            }
            folders.insert(URL(fileURLWithPath: file).deletingLastPathComponent().path)
        }
        for folder in folders.sorted() { try AtomicFile.sync(path: folder) }
        guard unlink(path) == 0 || errno == ENOENT else {
            throw TMError(.cannotWrite(reason: systemErrorMessage()), path: path)
        }
        try? AtomicFile.sync(path: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }
}
