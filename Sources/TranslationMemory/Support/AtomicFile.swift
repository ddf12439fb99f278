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
public enum AtomicFile {
    /// Calls `body` with a temporary path to fill, then moves it into place.
    public static func write(to path: String, _ body: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/.\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try body(temporary)
            try sync(path: temporary)
            guard rename(temporary, path) == 0 else {
                throw TMError(.cannotWrite(reason: systemErrorMessage()), path: path)
            }
            try? sync(path: folder)
        } catch let error as TMError where error.path == temporary {
            // The user knows the file by its own name, not by the temporary one.
            unlink(temporary)
            throw error.at(FileLocation(path: path))
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Writes bytes atomically.
    public static func write(_ data: Data, to path: String) throws {
        try write(to: path) { temporary in
            guard FileManager.default.createFile(atPath: temporary, contents: data) else {
                throw TMError(.cannotWrite(reason: systemErrorMessage()), path: path)
            }
        }
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
