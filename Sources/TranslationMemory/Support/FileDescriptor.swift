import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened with `open(2)`, for byte-exact copies; closed when released.
final class FileDescriptor {
    let descriptor: Int32
    private var isOpen = true

    init(reading path: String) throws {
        descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw TMError(errno == ENOENT ? .noSuchFile : .cannotRead(reason: systemErrorMessage()), path: path)
        }
    }

    init(writing path: String) throws {
        descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw TMError(.cannotWrite(reason: systemErrorMessage()), path: path) }
    }

    deinit {
        if isOpen { Glibc.close(descriptor) }
    }

    func size() throws -> UInt64 {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw TMError(.cannotRead(reason: systemErrorMessage()), path: "") }
        return UInt64(info.st_size)
    }

    /// The offset the next write goes to.
    func position(path: String) throws -> UInt64 {
        let offset = lseek(descriptor, 0, SEEK_CUR)
        guard offset >= 0 else { throw TMError(.cannotWrite(reason: systemErrorMessage()), path: path) }
        return UInt64(offset)
    }

    func textEncoding() throws -> XMLFileEncoding {
        var head = [UInt8](repeating: 0, count: 200)
        let count = pread(descriptor, &head, head.count, 0)
        return XMLFileEncoding.detect(head: Array(head.prefix(max(0, count))))
    }

    func read(range: Range<UInt64>, path: String) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Int(range.upperBound - range.lowerBound))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(range.lowerBound) + off_t(done))
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                throw TMError(.cannotRead(reason: count < 0 ? systemErrorMessage() : "the file shrank while it was read"), path: path)
            }
            done += count
        }
        return bytes
    }

    func write(_ bytes: [UInt8], path: String) throws {
        try bytes.withUnsafeBytes { try write($0, path: path) }
    }

    func write(_ bytes: UnsafeRawBufferPointer, path: String) throws {
        var done = 0
        while done < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw TMError(.cannotWrite(reason: systemErrorMessage()), path: path) }
            done += count
        }
    }

    /// Copies `range` of this file to the end of `target`, in 1 MiB blocks.
    func copy(to target: FileDescriptor, range: Range<UInt64>, path: String, destination: String) throws {
        var offset = range.lowerBound
        while offset < range.upperBound {
            let block = try read(range: offset..<min(range.upperBound, offset + 1 << 20), path: path)
            try target.write(block, path: destination)
            offset += UInt64(block.count)
        }
    }

    func close(path: String) throws {
        isOpen = false
        guard Glibc.close(descriptor) == 0 else { throw TMError(.cannotWrite(reason: systemErrorMessage()), path: path) }
    }
}
