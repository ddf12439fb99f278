import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary file written front to back through a buffer, then read back front to back: what
/// the index builder keeps on disk instead of in memory. Its name is removed as soon as it is
/// made, so the file lives only as long as its descriptor: a build or import that is killed
/// leaves nothing behind, in the memory's folder or in the temporary one.
///
/// A class because it owns the file descriptor.
final class SpillFile {
    /// The name the file was made with, for messages (no file bears it any more).
    let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let bufferSize: Int
    /// The bytes the write buffer holds room for (0 until a small write needs it).
    var bufferCapacity: Int { buffer.capacity }
    /// Bytes written so far (flushed or not).
    private(set) var count: UInt64 = 0

    /// A new file in `folder`.
    init(folder: String, bufferSize: Int = 1 << 20) throws {
        var template = Array((folder.hasSuffix("/") ? folder : folder + "/").utf8CString.dropLast()) + Array(".tm-spill-XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else {
            throw TMError(.cannotWriteIndex(reason: "cannot create a temporary file: \(systemErrorMessage())"), path: folder)
        }
        self.descriptor = descriptor
        self.path = String(cString: template)
        self.bufferSize = bufferSize
        unlink(template)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count > bufferSize { try flush() }
        if bytes.count >= bufferSize {
            try writeThrough(bytes)
        } else {
            // The buffer is made on the first small write: a file written in large blocks only
            // (a sorted run of the duplicate sieve) never holds one while it waits to be merged.
            if buffer.capacity == 0 { buffer.reserveCapacity(bufferSize) }
            buffer.append(contentsOf: bytes)
        }
        count += UInt64(bytes.count)
    }

    func write(_ bytes: [UInt8]) throws { try bytes.withUnsafeBytes { try write($0) } }

    func write<T: FixedWidthInteger>(_ value: T) throws {
        try Swift.withUnsafeBytes(of: value.littleEndian) { try write($0) }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeThrough($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes out what the buffer holds and lets the buffer go: for a file that is complete but
    /// waits to be read (a sorted run of the duplicate sieve, one of many).
    func finishWriting() throws {
        try flush()
        buffer = []
    }

    private func writeThrough(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw TMError(.cannotWriteIndex(reason: systemErrorMessage()), path: path) }
            done += written
        }
    }

    /// A reader from the start of what was written (the buffer flushed first).
    func reader(bufferSize: Int = 1 << 20) throws -> SpillReader {
        try flush()
        return SpillReader(file: self, descriptor: descriptor, bufferSize: bufferSize)
    }

    /// Copies everything written to `handle`.
    func copy(to sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        let reader = try reader(bufferSize: 4 << 20)
        while let chunk = try reader.nextChunk() { try sink(chunk) }
    }
}

/// Reads a spill file front to back through a buffer, at offsets of its own on the file's
/// descriptor (`pread`): the file has no name to open again, and several readers may read it
/// while it is written on.
final class SpillReader {
    /// Keeps the descriptor open while this reads.
    private let file: SpillFile
    private let descriptor: Int32
    private var offset: off_t = 0
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var reachedEnd = false

    fileprivate init(file: SpillFile, descriptor: Int32, bufferSize: Int) {
        self.file = file
        self.descriptor = descriptor
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bufferSize, 64), alignment: 8)
    }

    deinit {
        buffer.deallocate()
    }

    private func fill() throws {
        if start > 0 {
            let remaining = end - start
            if remaining > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: remaining) }
            start = 0
            end = remaining
        }
        while end < buffer.count && !reachedEnd {
            let count = pread(descriptor, buffer.baseAddress! + end, buffer.count - end, offset)
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw TMError(.cannotRead(reason: systemErrorMessage()), path: file.path) }
            if count == 0 { reachedEnd = true } else { end += count; offset += off_t(count) }
        }
    }

    /// The next `size` bytes (at most the buffer's size), or nil at the end.
    func next(_ size: Int) throws -> UnsafeRawBufferPointer? {
        if end - start < size { try fill() }
        guard end - start >= size else { return nil }
        defer { start += size }
        return UnsafeRawBufferPointer(start: buffer.baseAddress! + start, count: size)
    }

    /// Whatever is buffered next, or nil at the end.
    func nextChunk() throws -> UnsafeRawBufferPointer? {
        if end == start { try fill() }
        guard end > start else { return nil }
        defer { start = end }
        return UnsafeRawBufferPointer(start: buffer.baseAddress! + start, count: end - start)
    }
}

/// One posting as the builder emits it: the word, and the unit as (its word count, its rank
/// among the units of that count in file order); the unit's number, `lengthStart[length] +
/// rank`, is known only once the whole file has been read.
struct IndexPosting {
    var word: UInt32
    var length: UInt32
    var rank: UInt32
}

/// The postings of one side, built in bounded memory: they collect in a buffer of fixed size;
/// a full buffer is sorted by word (a counting sort, stable) and written as a run to a temporary
/// file; `merge` reads the runs back together (a k-way merge on a binary heap, Knuth TAOCP 3,
/// 5.4.1) and hands over each word's postings in turn. This is the sort-based inversion of
/// Witten, Moffat and Bell, *Managing Gigabytes* (1999), 5.2.
final class IndexSpill {
    private let folder: String
    private let capacity: Int
    private var buffer: [IndexPosting] = []
    private var runs: [(file: SpillFile, count: Int)] = []
    /// Words seen so far (ids are below this).
    var vocabularySize = 0

    /// `capacity` postings (12 bytes each) are held before a run is written.
    init(folder: String, capacity: Int = 1 << 20) {
        self.folder = folder
        self.capacity = capacity
        // All of it at once: a block this large is mapped (`MemoryAllocator`), so only the
        // pages the postings reach are ever touched, and the buffer is never copied to grow.
        buffer.reserveCapacity(capacity)
    }

    var runCount: Int { runs.count }

    /// Appends a unit's postings at once; a run is written once the buffer holds `capacity`
    /// or more (where the runs part changes nothing in the merged lists).
    @inline(__always)
    func append(contentsOf postings: [IndexPosting]) throws {
        buffer.append(contentsOf: postings)
        if buffer.count >= capacity { try spill() }
    }

    private func spill() throws {
        guard !buffer.isEmpty else { return }
        // Written straight through: the slices are large.
        let file = try SpillFile(folder: folder, bufferSize: 64 << 10)
        try forEachSortedSlice { slice in try file.write(UnsafeRawBufferPointer(slice)) }
        try file.finishWriting()
        runs.append((file, buffer.count))
        buffer.removeAll(keepingCapacity: true)
    }

    /// The buffer sorted by word, stably (file order kept within a word), handed to `body` a
    /// slice of the words at a time: each slice is a counting sort of the postings of words
    /// `first..<last` (about a quarter of the buffer), so sorting costs the buffer and a quarter
    /// of it rather than twice the buffer. Both sides of a file sort their last postings at
    /// once, on the build's peak of memory.
    private func forEachSortedSlice(_ body: (UnsafeBufferPointer<IndexPosting>) throws -> Void) throws {
        var counts = [UInt32](repeating: 0, count: vocabularySize + 1)
        for posting in buffer { counts[Int(posting.word)] += 1 }
        let window = (buffer.count + 3) / 4
        var slice: [IndexPosting] = []
        slice.reserveCapacity(window)
        var first = 0
        while first < vocabularySize {
            // Words first..<last: at least one, and as many more as the window holds.
            var total = Int(counts[first])
            var last = first + 1
            while last < vocabularySize && total + Int(counts[last]) <= window {
                total += Int(counts[last])
                last += 1
            }
            if total > 0 {
                // Each word's count becomes its first place in the slice, then its next one.
                var place: UInt32 = 0
                for word in first..<last {
                    let count = counts[word]
                    counts[word] = place
                    place += count
                }
                slice.removeAll(keepingCapacity: true)
                slice.append(contentsOf: repeatElement(IndexPosting(word: 0, length: 0, rank: 0), count: total))
                let (low, high) = (UInt32(first), UInt32(last))
                slice.withUnsafeMutableBufferPointer { slice in
                    for posting in buffer where posting.word >= low && posting.word < high {
                        slice[Int(counts[Int(posting.word)])] = posting
                        counts[Int(posting.word)] += 1
                    }
                }
                try slice.withUnsafeBufferPointer { try body($0) }
            }
            first = last
        }
    }

    /// Calls `body` once per word that has postings, in increasing word id, with the postings of
    /// that word (in no particular order across runs).
    func merge(_ body: (UInt32, [IndexPosting]) throws -> Void) throws {
        if runs.isEmpty {
            // Words do not straddle slices.
            try forEachSortedSlice { sorted in
                var index = 0
                while index < sorted.count {
                    let word = sorted[index].word
                    var end = index
                    while end < sorted.count && sorted[end].word == word { end += 1 }
                    try body(word, Array(sorted[index..<end]))
                    index = end
                }
            }
            buffer = []
            return
        }
        try spill()
        buffer = []
        let size = MemoryLayout<IndexPosting>.stride
        // 16 MB of read buffers in all: both sides merge at once, at the build's peak of memory.
        let readers = try runs.map { try $0.file.reader(bufferSize: max(64 << 10, (16 << 20) / max(1, runs.count))) }
        func next(_ run: Int) throws -> IndexPosting? {
            guard let bytes = try readers[run].next(size) else { return nil }
            return bytes.loadUnaligned(as: IndexPosting.self)
        }
        // A binary min-heap of (word, run).
        var heap: [(word: UInt32, run: Int, posting: IndexPosting)] = []
        func less(_ a: Int, _ b: Int) -> Bool { heap[a].word != heap[b].word ? heap[a].word < heap[b].word : heap[a].run < heap[b].run }
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count && less(left, smallest) { smallest = left }
                if right < heap.count && less(right, smallest) { smallest = right }
                if smallest == parent { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        for run in runs.indices {
            if let posting = try next(run) { heap.append((posting.word, run, posting)) }
        }
        for index in stride(from: heap.count / 2, through: 0, by: -1) { siftDown(index) }
        var current: [IndexPosting] = []
        var currentWord: UInt32?
        while let top = heap.first {
            if top.word != currentWord {
                if let word = currentWord { try body(word, current) }
                current.removeAll(keepingCapacity: true)
                currentWord = top.word
            }
            current.append(top.posting)
            if let posting = try next(top.run) {
                heap[0] = (posting.word, top.run, posting)
            } else {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            if !heap.isEmpty { siftDown(0) }
        }
        if let word = currentWord { try body(word, current) }
        runs = []
    }
}
