import Foundation

/// What the memory says about the texts being checked: for each source the targets it has, and
/// for each target its sources; only texts that occur in the input are kept, so a large memory
/// costs one read and little memory.
public struct QAMemoryTranslations: Sendable {
    struct Seen: Sendable {
        var texts: [String: String] = [:]   // key → the text as written
        var origin: String
    }
    var targetsBySource: [String: Seen] = [:]
    var sourcesByTarget: [String: Seen] = [:]

    /// Reads the memory's Indonesian–English units whose source or target occurs in `pairs`.
    public static func read(_ store: TranslationMemoryStore, for pairs: [QAPair]) throws -> (QAMemoryTranslations, [SkippedUnit]) {
        let sources = Set(pairs.map { InconsistencyCheck.key($0.source) })
        let targets = Set(pairs.map { InconsistencyCheck.key($0.target) })
        var result = QAMemoryTranslations()
        let skipped = try store.forEachUnit { unit, origin in
            guard let (source, target) = unit.indonesianEnglishPair else { return }
            let (s, t) = (InconsistencyCheck.key(source), InconsistencyCheck.key(target))
            let place = "\(origin.path):\(origin.line)"
            if sources.contains(s) { result.targetsBySource[s, default: Seen(origin: place)].texts[t] = target }
            if targets.contains(t) { result.sourcesByTarget[t, default: Seen(origin: place)].texts[s] = source }
        }
        return (result, skipped)
    }
}

/// `inconsistent-target`: one source translated differently (within the input, or from the
/// memory); `inconsistent-source`: one target given to different sources. Texts compare after
/// NFC and with runs of white space as one space.
public enum InconsistencyCheck {
    public static let targetID = "inconsistent-target"
    public static let sourceID = "inconsistent-source"
    public static let severity = QASeverity.warning

    static func key(_ text: String) -> String {
        TextNormalization.nfc(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The findings over all pairs; `memory` nil when the memory is itself the input.
    public static func findings(in pairs: [QAPair], memory: QAMemoryTranslations?, enabled: (String) -> Bool) -> [QAFinding] {
        var result: [QAFinding] = []
        for (id, side) in [(targetID, QASide.target), (sourceID, .source)] where enabled(id) {
            var first: [String: QAPair] = [:]
            for pair in pairs where !key(pair.source).isEmpty && !key(pair.target).isEmpty {
                let (own, other) = side == .target ? (pair.source, pair.target) : (pair.target, pair.source)
                let (ownKey, otherKey) = (key(own), key(other))
                let noun = side == .target ? "source" : "target"
                if let earlier = first[ownKey] {
                    let earlierOther = side == .target ? earlier.target : earlier.source
                    if key(earlierOther) != otherKey {
                        result.append(QAFinding(check: id, pair: pair, severity: severity,
                                                message: "the same \(noun) has \(side == .target ? "target" : "source") `\(earlierOther)` in pair \(earlier.number)"))
                    }
                } else {
                    first[ownKey] = pair
                }
                let known = side == .target ? memory?.targetsBySource[ownKey] : memory?.sourcesByTarget[ownKey]
                if let known, known.texts[otherKey] == nil, let shown = known.texts.values.sorted().first {
                    result.append(QAFinding(check: id, pair: pair, severity: severity,
                                            message: "the memory gives the same \(noun) \(side == .target ? "target" : "source") `\(shown)` (\(known.origin))"))
                }
            }
        }
        return result
    }
}
