import Foundation

/// A pair as the user sees it: the texts of a bead's sentences (joined by a space when the bead
/// holds several), its shape and confidence.
public struct AlignedPair: Sendable, Codable, Hashable {
    public var indonesian: String
    public var english: String
    public var confidence: Double
    /// `1-1`, `2-1`, `1-0`, …
    public var kind: String
    /// Sentence numbers (from 0) in each document.
    public var indonesianSentences: [Int]
    public var englishSentences: [Int]
    /// The evidence behind the confidence (see `AlignmentBead`): share of words matched,
    /// Gale–Church length log-probability, the words' log-likelihood ratio, the best a
    /// competing explanation reaches, the part with no counterpart at an edge, and the weakest
    /// sentence of a merge, and how many of the beads beside it are sentences left out.
    public var coverage: Double
    public var lengthScore: Double
    public var evidence: Double = 0
    public var competingEvidence: Double = 0
    public var unmatchedEdge: Double = 0
    public var weakestMember: Double = 0
    public var adjacentOmissions: Int = 0

    /// True when both sides hold text (a 1-0 / 0-1 bead is an omission, not a pair to store).
    public var isPair: Bool { !indonesian.isEmpty && !english.isEmpty }
}

private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

extension AlignmentResult {
    /// The beads as text pairs, in document order.
    public var pairs: [AlignedPair] {
        beads.map { bead in
            AlignedPair(indonesian: bead.indonesian.map { indonesianSentences[$0] }.joined(separator: " "),
                        english: bead.english.map { englishSentences[$0] }.joined(separator: " "),
                        confidence: rounded(bead.confidence),
                        kind: bead.kind,
                        indonesianSentences: bead.indonesian,
                        englishSentences: bead.english,
                        coverage: rounded(bead.lexicalCoverage), lengthScore: rounded(bead.lengthScore),
                        evidence: rounded(bead.evidence), competingEvidence: rounded(bead.competingEvidence),
                        unmatchedEdge: rounded(bead.unmatchedEdge), weakestMember: rounded(bead.weakestMember),
                        adjacentOmissions: bead.adjacentOmissions)
        }
    }
}

/// Output formats of `tm align`.
public enum AlignmentFormat: String, Sendable, CaseIterable, Codable {
    case text, tsv, json

    /// `INDONESIAN<TAB>ENGLISH<TAB>CONFIDENCE`, one line a pair, an empty field for a missing side
    /// (the format `tmeval.py` reads), fields as `DelimitedText.tsvField` writes them.
    public static func tsv(_ pairs: [AlignedPair]) -> String {
        var out = ""
        for pair in pairs {
            out += DelimitedText.tsvField(pair.indonesian) + "\t" + DelimitedText.tsvField(pair.english) + "\t" + decimal(pair.confidence, places: 3) + "\n"
        }
        return out
    }

    /// A readable listing: confidence and shape, then both sides. `header` may decorate each
    /// pair's `[0.95 1-1]` line (the CLI colours it; the library prints no escape codes).
    public static func text(_ pairs: [AlignedPair], header: (AlignedPair, String) -> String = { $1 }) -> String {
        var out = ""
        for pair in pairs {
            out += header(pair, "[\(decimal(pair.confidence, places: 2)) \(pair.kind)]") + "\n"
            out += "  id: " + (pair.indonesian.isEmpty ? "—" : DelimitedText.tsvField(pair.indonesian)) + "\n"
            out += "  en: " + (pair.english.isEmpty ? "—" : DelimitedText.tsvField(pair.english)) + "\n"
        }
        return out
    }

    /// `0.425` for (0.4251, 3): a number in [0, 1] with a fixed number of decimals.
    static func decimal(_ value: Double, places: Int) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((min(max(value, 0), 1) * Double(scale)).rounded())
        let fraction = String(scaled % scale)
        return "\(scaled / scale)." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}
