import Foundation

/// How far a read of TMX, TSV or CSV files has got, for a progress bar. Its share is that of the
/// bytes read, so that one large file fills a bar as smoothly as many small ones.
public struct ReadProgress: Sendable, Hashable {
    /// The file being read.
    public var file: String
    /// 0-based position of `file` among the `fileCount` files read.
    public var fileIndex: Int
    public var fileCount: Int
    /// Units read so far, over all files.
    public var units: Int
    /// Bytes read so far and in all, over all files.
    public var bytesDone: UInt64
    public var bytesTotal: UInt64

    /// 0–1: the share of the bytes read.
    public var fraction: Double { bytesTotal == 0 ? 0 : min(1, Double(bytesDone) / Double(bytesTotal)) }
}

/// Adds up the reads of an operation that reads files one after another (the memory, then the
/// inputs of an import) into one `ReadProgress` over all of them. A class: the readers' loops
/// and closures share it.
final class ReadProgressTally {
    private let report: (ReadProgress) -> Void
    private let sizes: [UInt64]
    private let total: UInt64
    private var position = 0
    private var finishedBytes: UInt64 = 0
    private var units = 0

    /// Nil when nobody asked for progress, so that reads without a bar pay nothing.
    init?(files: [String], report: ((ReadProgress) -> Void)?) {
        guard let report else { return nil }
        self.report = report
        sizes = files.map { ((try? FileManager.default.attributesOfItem(atPath: $0))?[.size] as? NSNumber)?.uint64Value ?? 0 }
        total = sizes.reduce(0, +)
    }

    /// One more unit read from `file`, `bytes` of which are read so far; reported every 64 units.
    func unitRead(in file: String, bytes: UInt64) {
        units += 1
        if units % 64 == 0 { send(file, bytes: finishedBytes + min(bytes, size(position))) }
    }

    /// `file` is read whole.
    func finished(_ file: String) {
        finishedBytes += size(position)
        send(file, bytes: finishedBytes)
        position += 1
    }

    private func size(_ index: Int) -> UInt64 { index < sizes.count ? sizes[index] : 0 }

    private func send(_ file: String, bytes: UInt64) {
        report(ReadProgress(file: file, fileIndex: min(position, max(0, sizes.count - 1)), fileCount: sizes.count, units: units,
                            bytesDone: bytes, bytesTotal: total))
    }
}
