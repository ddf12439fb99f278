import Foundation
import TranslationMemory

/// `tm segment`'s text output: one sentence a line, a blank line between paragraphs, then the
/// dateline and credits as '# kind: value' lines unless `sentencesOnly`.
struct SegmentPrinter {
    let sentencesOnly: Bool

    /// Prints straight from the text's bytes through one buffer: a 100 MB article prints in a
    /// few large writes and never becomes a million small strings.
    func print(_ text: String, _ segmenter: SentenceSegmenter) {
        var text = text
        text.withUTF8 { p in
            var out: [UInt8] = []
            out.reserveCapacity(1 << 20)
            func flush(force: Bool = false) {
                if out.count >= 1 << 20 || (force && !out.isEmpty) {
                    out.withUnsafeBytes { FileHandle.standardOutput.write(Data($0)) }
                    out.removeAll(keepingCapacity: true)
                }
            }
            func line(_ r: Range<Int>) {
                let from = out.count
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[r]))
                // A sentence of a hard-wrapped paragraph spans lines: print it on one.
                for k in from..<out.count where out[k] == 0x0A || out[k] == 0x09 { out[k] = 0x20 }
                out.append(0x0A)
            }
            func line(_ s: String) {
                out.append(contentsOf: Array(s.utf8).map { $0 == 0x0A || $0 == 0x09 ? 0x20 : $0 })
                out.append(0x0A)
            }
            var first = true
            var metadata: [String] = []
            segmenter.forEachPart(utf8: p) { part in
                switch part {
                case .title(let r):
                    line(r)
                    first = false
                case .paragraph:
                    if !first { out.append(0x0A) }
                    first = false
                    flush()
                case .sentence(let r):
                    line(r)
                case .dateline(let dateline):
                    var parts = ["place: \(dateline.place)"]
                    if let agency = dateline.agency { parts.append("agency: \(agency)") }
                    if let date = dateline.date { parts.append("date: \(date)") }
                    metadata.append("# dateline: \(dateline.text) (\(parts.joined(separator: ", ")))")
                case .credit(let credit):
                    let names = credit.names.isEmpty ? "" : " [" + credit.names.joined(separator: "; ") + "]"
                    metadata.append("# \(credit.kind.rawValue): \(credit.value)\(names)")
                }
            }
            if !sentencesOnly && !metadata.isEmpty {
                if !first { out.append(0x0A) }
                for item in metadata { line(item) }
            }
            flush(force: true)
        }
    }
}
