import Foundation
import TranslationMemory

/// The CLI's one progress bar: a line on stderr redrawn in place, shown only on a terminal and
/// never when a program reads the output (--json). Redrawn at most ten times a second, cut to the
/// terminal's width so that it never wraps; says the time left once it can tell.
/// Sendable because the aligner reports progress from its worker; the lock guards the state.
final class ProgressBar: @unchecked Sendable {
    let isShown: Bool
    private let label: String
    private let lock = NSLock()
    /// When the work began: the first report, so a bar made ahead of its stage times that stage.
    private var started: Date?
    private var lastDrawn = Date.distantPast
    private var drawn = false

    init(_ label: String, when wanted: Bool) {
        self.label = label
        isShown = wanted && Output.stderrIsTerminal
    }

    /// Shows `fraction` (0–1) done, the `rate`, the time left and `detail`; `force` draws even
    /// within the tenth of a second.
    func draw(_ fraction: Double, rate: String? = nil, detail: String = "", force: Bool = false) {
        guard isShown else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let begun = started ?? now
        started = begun
        guard force || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        drawn = true
        let width = 24
        let share = min(1, max(0, fraction))
        let filled = Int(share * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let parts = [rate, ProgressBar.timeLeft(share, elapsed: now.timeIntervalSince(begun)), detail].compactMap { $0 }.filter { !$0.isEmpty }
        let line = "\(label) [\(bar)] \(Int(share * 100))%" + parts.map { " · " + $0 }.joined()
        FileHandle.standardError.write(Data(("\r" + ProgressBar.fitted(line) + "\u{1B}[K").utf8))
    }

    /// Shows a read: the bar filled by the share of bytes read, the rate, the time left, the file
    /// (with its place when there are several) and the units read. The end of the read is always
    /// drawn, so a quick read shows its bar full.
    func draw(_ read: ReadProgress) {
        guard isShown else { return }
        let elapsed = lock.withLock { started.map { Date().timeIntervalSince($0) } } ?? 0
        let file = (read.fileCount > 1 ? "file \(read.fileIndex + 1)/\(read.fileCount) " : "") + read.file
        draw(read.fraction, rate: elapsed >= 0.5 ? ProgressBar.bytes(Double(read.bytesDone) / elapsed) + "/s" : nil,
             detail: file + " · " + Plural.count(read.units, "unit"), force: read.bytesDone >= read.bytesTotal)
    }

    /// What a library read reports to: draws the read, or nil when the bar is not shown (the read
    /// then pays nothing for it).
    var reporter: ((ReadProgress) -> Void)? { isShown ? { self.draw($0) } : nil }

    /// Erases the bar, if it was drawn.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }

    /// `12 s left`, `3 min 05 s left`: from the pace so far, once a second has passed and 1% is done.
    static func timeLeft(_ fraction: Double, elapsed: TimeInterval) -> String? {
        guard fraction >= 0.01, fraction < 1, elapsed >= 1 else { return nil }
        let seconds = Int((elapsed * (1 - fraction) / fraction).rounded(.up))
        if seconds < 60 { return "\(seconds) s left" }
        if seconds < 3600 { return "\(seconds / 60) min \(String(format: "%02d", seconds % 60)) s left" }
        return "\(seconds / 3600) h \(String(format: "%02d", seconds / 60 % 60)) min left"
    }

    /// `812 KB`, `12.3 MB`, `1.2 GB` (powers of 1,000, as `ls -h --si` and disk makers count).
    static func bytes(_ count: Double) -> String {
        if count < 1e6 { return "\(Int(count / 1e3)) KB" }
        if count < 1e9 { return String(format: "%.1f MB", count / 1e6) }
        return String(format: "%.1f GB", count / 1e9)
    }

    /// The line cut to the terminal's width, less one column, so that `\r` redraws it in place.
    static func fitted(_ line: String) -> String {
        var size = winsize()
        guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 1 else { return line }
        let columns = Int(size.ws_col) - 1
        return line.count > columns ? String(line.prefix(columns - 1)) + "…" : line
    }
}
