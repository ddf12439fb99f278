import Foundation

/// The byte range of each `<tu>` of a TMX file in file order (`TMXUnitLayout.forEachUnit`),
/// found by a scan on a thread of its own and handed over a block at a time, while the index
/// build's reader parses the same file: the scan ran first with a core idle at each file's
/// start. At most `pendingBlocks` blocks wait, so memory is bounded whatever the file's size.
final class IndexUnitSpans: @unchecked Sendable {
    typealias Span = (offset: UInt64, length: UInt32)

    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var blocks: [[Span]] = []
    private var scanned = false
    private var cancelled = false
    private var failure: Error?

    /// Taken by the reading thread only.
    private var block: [Span] = []
    private var position = 0

    static let blockSize = 4096
    static let pendingBlocks = 16

    /// Starts scanning `path`. The scan holds the object until it ends: call `cancel` when the
    /// spans are no longer read.
    init(path: String) {
        let thread = Thread { [self] in scan(path) }
        thread.start()
    }

    /// Stops the scan (the build ended or failed); the spans not taken are dropped.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next span, nil after the last; throws what the scan failed with.
    func next() throws -> Span? {
        if position == block.count {
            condition.lock()
            defer { condition.unlock() }
            while blocks.isEmpty && !scanned { condition.wait() }
            if blocks.isEmpty {
                if let failure { throw failure }
                return nil
            }
            block = blocks.removeFirst()
            position = 0
            condition.signal()
        }
        position += 1
        return block[position - 1]
    }

    private func scan(_ path: String) {
        var pending: [Span] = []
        pending.reserveCapacity(Self.blockSize)
        /// Hands `pending` over, waiting for room; false once cancelled.
        func handOver() -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while blocks.count >= Self.pendingBlocks && !cancelled { condition.wait() }
            guard !cancelled else { return false }
            blocks.append(pending)
            condition.signal()
            pending = []
            pending.reserveCapacity(Self.blockSize)
            return true
        }
        var stopped = false
        do {
            let mapped = try MappedFile(path: path)
            let head = [UInt8](UnsafeRawBufferPointer(rebasing: mapped.bytes.prefix(512)))
            TMXUnitLayout.forEachUnit(mapped, encoding: XMLFileEncoding.detect(head: head)) { range in
                guard !stopped else { return }
                pending.append((UInt64(range.lowerBound), UInt32(clamping: range.count)))
                if pending.count == Self.blockSize && !handOver() { stopped = true }
            }
            if !stopped && !pending.isEmpty { _ = handOver() }
        } catch {
            condition.lock()
            failure = error
            condition.unlock()
        }
        condition.lock()
        scanned = true
        condition.broadcast()
        condition.unlock()
    }
}
