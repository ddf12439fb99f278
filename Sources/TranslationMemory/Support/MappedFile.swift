import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory, for byte scans of files too large to copy into an array.
/// A class because it owns the mapping (`munmap` on deinit).
final class MappedFile {
    let path: String
    let bytes: UnsafeRawBufferPointer

    init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw TMError(errno == ENOENT ? .noSuchFile : .cannotRead(reason: systemErrorMessage()), path: path)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw TMError(.cannotRead(reason: systemErrorMessage()), path: path) }
        let size = Int(info.st_size)
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
              mapped != UnsafeMutableRawPointer(bitPattern: -1) else {
            throw TMError(.cannotRead(reason: systemErrorMessage()), path: path)
        }
        bytes = UnsafeRawBufferPointer(start: mapped, count: size)
    }

    /// How far a forward scan goes between two `release` calls.
    static let releaseStep = 8 << 20

    /// Gives back the pages before `offset` (the kernel reads them again if they are touched):
    /// a front-to-back pass over a file larger than memory keeps only a window resident.
    func release(upTo offset: Int) {
        guard let base = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let length = min(offset, bytes.count) / page * page
        if length > 0 { madvise(UnsafeMutableRawPointer(mutating: base), length, MADV_DONTNEED) }
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}
