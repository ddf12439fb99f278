import Foundation

/// Records of three 64-bit words sorted in bounded memory: they collect in a buffer of fixed
/// size, a full buffer is sorted and written as a run to a temporary file, and `forEachSorted`
/// merges the runs (external merge sort, Knuth TAOCP 3, 5.4.1).
final class ExternalSorter {
    struct Record: Comparable {
        var a: UInt64
        var b: UInt64
        var c: UInt64
        static func < (x: Record, y: Record) -> Bool { x.a != y.a ? x.a < y.a : x.b != y.b ? x.b < y.b : x.c < y.c }
    }

    private let folder: String
    private let capacity: Int
    private var buffer: [Record] = []
    private(set) var runs: [SpillFile] = []

    /// `capacity` records (24 bytes each) are held before a run is written.
    init(folder: String, capacity: Int) {
        self.folder = folder
        self.capacity = max(1, capacity)
    }

    func append(_ record: Record) throws {
        buffer.append(record)
        if buffer.count >= capacity { try spill() }
    }

    private func spill() throws {
        guard !buffer.isEmpty else { return }
        buffer.sort()
        let file = try SpillFile(folder: folder, bufferSize: 1 << 20)
        try buffer.withUnsafeBytes { try file.write($0) }
        try file.finishWriting()
        runs.append(file)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Every record appended, in order; the sorter is empty afterwards.
    func forEachSorted(_ body: (Record) throws -> Void) throws {
        if runs.isEmpty {
            buffer.sort()
            for record in buffer { try body(record) }
            buffer = []
            return
        }
        try spill()
        buffer = []
        let size = MemoryLayout<Record>.stride
        let readers = try runs.map { try $0.reader(bufferSize: max(64 << 10, (16 << 20) / runs.count)) }
        var heads: [(record: Record, run: Int)] = []
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heads.count && heads[left].record < heads[smallest].record { smallest = left }
                if right < heads.count && heads[right].record < heads[smallest].record { smallest = right }
                if smallest == parent { return }
                heads.swapAt(parent, smallest)
                parent = smallest
            }
        }
        for (run, reader) in readers.enumerated() {
            if let bytes = try reader.next(size) { heads.append((bytes.loadUnaligned(as: Record.self), run)) }
        }
        for index in stride(from: heads.count / 2, through: 0, by: -1) { siftDown(index) }
        while let top = heads.first {
            try body(top.record)
            if let bytes = try readers[top.run].next(size) {
                heads[0] = (bytes.loadUnaligned(as: Record.self), top.run)
            } else {
                heads[0] = heads[heads.count - 1]
                heads.removeLast()
            }
            if !heads.isEmpty { siftDown(0) }
        }
        runs = []
    }
}

/// Finds the duplicates in a stream of units in flat memory, at any size: instead of a set of
/// every unit's key, the keys go to sorted runs on disk (`ExternalSorter`) with each unit's
/// sequence number, and sorting brings equal keys together. The caller reads its input twice:
/// once to `add` every key, then again, asking `isRejected` in sequence order.
///
/// Two kinds of key: a *reference* key (a unit already stored) rejects every candidate with the
/// same key; among candidates, with `keepsFirstOfRepeats`, every repeat of a key after its first
/// is rejected.
final class DuplicateSieve {
    private let folder: String
    private let capacity: Int
    private var sorters: [(sorter: ExternalSorter, keepsFirstOfRepeats: Bool)] = []
    /// The rejected sequence numbers, sorted and unique, read back in order.
    private var stream: SpillReader?
    private var streamFile: SpillFile?
    private var nextRejected: UInt64?

    /// `kinds` sieves, each judging its own keys (`recordsPerRun` 24-byte records a sorter, 6 MB,
    /// before a run is written) (e.g. texts against the memory, whole units within the batch).
    init(kinds: [Bool], folder: String = NSTemporaryDirectory(), recordsPerRun: Int = 1 << 18) {
        self.folder = folder
        self.capacity = recordsPerRun
        sorters = kinds.map { (ExternalSorter(folder: folder, capacity: recordsPerRun), $0) }
    }

    /// A key already stored, in sieve `kind`.
    func addReference(_ key: UnitKey, kind: Int) throws {
        try sorters[kind].sorter.append(.init(a: key.first, b: key.second, c: 0))
    }

    /// The key of the candidate numbered `sequence` (from 0, increasing), in sieve `kind`.
    func add(_ key: UnitKey, sequence: Int, kind: Int) throws {
        try sorters[kind].sorter.append(.init(a: key.first, b: key.second, c: UInt64(sequence) + 1))
    }

    /// Sorts what was added; afterwards ask `isRejected` in increasing sequence order.
    func sift() throws {
        let rejected = ExternalSorter(folder: folder, capacity: capacity)
        for (sorter, keepsFirst) in sorters {
            var key: (UInt64, UInt64)?
            var referenced = false
            var firstSeen = false
            try sorter.forEachSorted { record in
                if key == nil || key! != (record.a, record.b) {
                    key = (record.a, record.b)
                    referenced = false
                    firstSeen = false
                }
                if record.c == 0 {
                    referenced = true
                } else if referenced || (keepsFirst && firstSeen) {
                    try rejected.append(.init(a: record.c - 1, b: 0, c: 0))
                } else {
                    firstSeen = true
                }
            }
        }
        sorters = []
        let file = try SpillFile(folder: folder)
        var last: UInt64?
        try rejected.forEachSorted { record in
            if record.a != last { try file.write(record.a); last = record.a }
        }
        stream = try file.reader(bufferSize: 1 << 20)
        streamFile = file
        try advance()
    }

    private func advance() throws {
        nextRejected = try stream?.next(8).map { $0.loadUnaligned(as: UInt64.self).littleEndian }
    }

    /// Whether candidate `sequence` is a duplicate; ask in increasing order.
    func isRejected(_ sequence: Int) throws -> Bool {
        let value = UInt64(sequence)
        while let next = nextRejected, next < value { try advance() }
        return nextRejected == value
    }
}
