import Foundation

/// How much a finding matters: an `error` is wrong as it stands (a figure, a term, a name); a
/// `warning` asks an editor to look.
public enum QASeverity: String, Sendable, Codable, Hashable {
    case error, warning
}

/// Which text of a pair a span lies in.
public enum QASide: String, Sendable, Codable, Hashable {
    case source, target
}

/// A stretch of one of the pair's texts a finding is about, in Unicode scalars (as `WordToken`).
public struct QASpan: Sendable, Codable, Hashable {
    public var side: QASide
    public var start: Int
    public var end: Int
    public var text: String

    public init(side: QASide, start: Int, end: Int, text: String) {
        self.side = side
        self.start = start
        self.end = end
        self.text = text
    }

    init(_ side: QASide, _ quantity: Quantity) {
        self.init(side: side, start: quantity.range.lowerBound, end: quantity.range.upperBound, text: quantity.text)
    }
}

/// One pair to check: an Indonesian source and its English target, numbered as the input gives
/// them (the line of `--pairs`, the aligned pair's order), with where it came from when known.
public struct QAPair: Sendable, Codable, Hashable {
    public var number: Int
    public var source: String
    public var target: String
    public var file: String?
    public var line: Int?
    /// The unit's id (`tuid`) in a memory, the trans-unit's `id` in XLIFF.
    public var id: String?
    /// The inline codes of each side, where the input has them (XLIFF); nil for plain text.
    public var sourceCodes: [QAInlineCode]?
    public var targetCodes: [QAInlineCode]?

    public init(number: Int, source: String, target: String, file: String? = nil, line: Int? = nil, id: String? = nil) {
        self.number = number
        self.source = source
        self.target = target
        self.file = file
        self.line = line
        self.id = id
    }
}

/// Something a check found in one pair. `check` is the check's stable id; `pair` the pair's number.
public struct QAFinding: Sendable, Codable, Hashable {
    public var check: String
    public var pair: Int
    public var severity: QASeverity
    public var message: String
    public var source: String
    public var target: String
    public var spans: [QASpan]
    public var file: String?
    public var line: Int?
    public var id: String?

    public init(check: String, pair: QAPair, severity: QASeverity, message: String, spans: [QASpan] = []) {
        self.check = check
        self.pair = pair.number
        self.severity = severity
        self.message = message
        self.source = pair.source
        self.target = pair.target
        self.spans = spans
        self.file = pair.file
        self.line = pair.line
        self.id = pair.id
    }
}

/// How many pairs were checked and what was found, by check id.
public struct QASummary: Sendable, Codable, Hashable {
    public var pairs: Int
    public var findings: Int
    public var byCheck: [String: Int]
    /// XLIFF units with no target or an empty one (not checked); nil for other inputs.
    public var notTranslated: Int?
}

/// The outcome of `tm check`: the findings in pair order, and the summary.
public struct QAReport: Sendable, Codable, Hashable {
    public var findings: [QAFinding]
    public var summary: QASummary

    public init(findings: [QAFinding], pairs: Int, notTranslated: Int? = nil) {
        self.findings = findings
        var byCheck: [String: Int] = [:]
        for finding in findings { byCheck[finding.check, default: 0] += 1 }
        summary = QASummary(pairs: pairs, findings: findings.count, byCheck: byCheck, notTranslated: notTranslated)
    }
}
