import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system's reason for the last failed call (`strerror(errno)`).
func systemErrorMessage() -> String { String(cString: strerror(errno)) }

/// Writes a file atomically: the content goes to a temporary file in the same folder, is flushed
/// to disk with `fsync`, then renamed over the destination, and the folder is synced. A crash
/// (`kill -9`, power loss) at any instant leaves either the old file or the new one, never a mix.
///
/// A replaced file keeps its permissions and (where the user may set them) its owner and group:
/// a memory kept at 0600 stays private. A path that is a symbolic link is written through: the
/// file it points to is replaced and the link stays a link.
public enum AtomicFile {
    /// Calls `body` with a temporary path to fill, then moves it into place.
    public static func write(to path: String, _ body: (String) throws -> Void) throws {
        let staged = try stage(to: path, body)
        guard rename(staged.temporary, staged.destination) == 0 else {
            let reason = systemErrorMessage()
            unlink(staged.temporary)
            throw TMError(.cannotWrite(reason: reason), path: path)
        }
        try? sync(path: URL(fileURLWithPath: staged.destination).deletingLastPathComponent().path)
    }

    /// A complete, synced temporary file waiting to be renamed over `destination`.
    struct StagedFile: Codable, Hashable {
        var temporary: String
        var destination: String
    }

    /// Fills a temporary file beside `path` (links resolved) through `body`, gives it the
    /// permissions and owner of the file it will replace, and syncs it; nothing is renamed yet.
    /// On failure the temporary file is removed and the error names `path`.
    static func stage(to path: String, _ body: (String) throws -> Void) throws -> StagedFile {
        let destination = try resolvingLinks(path)
        let url = URL(fileURLWithPath: destination)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/.\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try body(temporary)
            try keepOwnership(of: destination, on: temporary)
            try sync(path: temporary)
            return StagedFile(temporary: temporary, destination: destination)
        } catch let error as TMError where error.path == temporary || error.path == destination {
            // The user knows the file by its own name, not by the temporary one.
            unlink(temporary)
            throw error.at(FileLocation(path: path))
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Removes the temporary files of writes whose process is gone (a `kill -9` mid-write leaves
    /// one as large as the file it was writing). Call it holding the lock that serialises the
    /// writers of `folder`, so that no write of a living process is mistaken for one.
    ///
    /// - Returns: the names removed.
    @discardableResult
    public static func removeAbandonedTemporaryFiles(in folder: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var removed: [String] = []
        for name in names where name.hasPrefix(".") {
            guard let marker = name.range(of: ".tmp-", options: .backwards) else { continue }
            let fields = name[marker.upperBound...].split(separator: "-")
            guard fields.count == 2, let pid = Int32(fields[0]), UInt32(fields[1]) != nil else { continue }
            // kill(pid, 0) fails with ESRCH only when no such process exists.
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH, unlink(folder + "/" + name) == 0 {
                removed.append(name)
            }
        }
        return removed
    }

    /// Writes bytes atomically; every write and the close are checked.
    public static func write(_ data: Data, to path: String) throws {
        try write(to: path) { temporary in
            let file = try FileDescriptor(writing: temporary)
            try file.write([UInt8](data), path: temporary)
            try file.close(path: temporary)
        }
    }

    /// The file a chain of symbolic links ends at (the path itself when it is no link). A link
    /// to a file that does not exist yet resolves to where the file will be.
    static func resolvingLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = target.hasPrefix("/") ? target
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(target).path
        }
        throw TMError(.cannotWrite(reason: "too many levels of symbolic links"), path: path)
    }

    /// Gives `temporary` the permissions, owner and group of the file it will replace.
    private static func keepOwnership(of destination: String, on temporary: String) throws {
        var info = stat()
        guard stat(destination, &info) == 0 else { return } // a new file: the umask decides
        guard chmod(temporary, info.st_mode & 0o7777) == 0 else {
            throw TMError(.cannotWrite(reason: systemErrorMessage()), path: destination)
        }
        // Only root may give a file away; others keep their own ownership, as `cp` does.
        _ = chown(temporary, info.st_uid, info.st_gid)
    }

    /// Flushes a file (or folder) to stable storage.
    public static func sync(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw TMError(.cannotWrite(reason: systemErrorMessage()), path: path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw TMError(.cannotWrite(reason: systemErrorMessage()), path: path) }
    }
}

/// An exclusive advisory lock (`flock`) held on a lock file for as long as the object lives: two
/// writers of the same memory queue up rather than overwrite each other. The kernel drops the lock
/// if the process dies, so a crash never leaves the memory locked.
public final class FileLock {
    public let path: String
    private let descriptor: Int32

    /// Blocks until the lock is acquired.
    public init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw TMError(.cannotLock(reason: systemErrorMessage()), path: path) }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let reason = systemErrorMessage()
            close(descriptor)
            throw TMError(.cannotLock(reason: reason), path: path)
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
