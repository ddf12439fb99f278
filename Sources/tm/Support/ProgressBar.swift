import Foundation

/// The CLI's one progress bar: a line on stderr redrawn in place, shown only on a terminal and
/// never when a program reads the output (--json). Redrawn at most ten times a second.
/// Sendable because the aligner reports progress from its worker; the lock guards the state.
final class ProgressBar: @unchecked Sendable {
    let isShown: Bool
    private let label: String
    private let lock = NSLock()
    private var lastDrawn = Date.distantPast
    private var drawn = false

    init(_ label: String, when wanted: Bool) {
        self.label = label
        isShown = wanted && Output.stderrIsTerminal
    }

    /// Shows `fraction` (0–1) done and `detail` after it; `force` draws even within the tenth of a second.
    func draw(_ fraction: Double, detail: String = "", force: Bool = false) {
        guard isShown else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard force || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        drawn = true
        let width = 24
        let share = min(1, max(0, fraction))
        let filled = Int(share * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = "\r\(label) [\(bar)] \(Int(share * 100))%" + (detail.isEmpty ? "" : " \(detail)") + "\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Erases the bar, if it was drawn.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}
