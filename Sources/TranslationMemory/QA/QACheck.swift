import Foundation

/// One translation-QA check: a stable id (what `--only`, `--skip`, the ignore file and the JSON
/// name it by), a severity, and what it finds in one pair.
public protocol QACheck: Sendable {
    var id: String { get }
    var severity: QASeverity { get }
    func findings(in pair: QAPairText) -> [QAFinding]
}

extension QACheck {
    func finding(_ pair: QAPairText, _ message: String, _ spans: [QASpan] = []) -> QAFinding {
        QAFinding(check: id, pair: pair.pair, severity: severity, message: message, spans: spans)
    }
}

/// A pair read once for every check: its quantities and glossary terms on both sides.
public struct QAPairText: Sendable {
    public var pair: QAPair
    public var sourceQuantities: [Quantity]
    public var targetQuantities: [Quantity]
    /// Glossary hits in the source (longest only) and every hit in the target; empty without a glossary.
    public var sourceTerms: [GlossaryHit]
    public var targetTerms: [GlossaryHit]
    /// The quantities that do not correspond, computed once for the ten quantity checks.
    public var quantityMismatches: [QuantityMismatch]

    public init(_ pair: QAPair, glossary: GlossaryMatcher? = nil) {
        self.pair = pair
        sourceQuantities = QuantityRecognizer(language: .indonesian).quantities(in: pair.source)
        targetQuantities = QuantityRecognizer(language: .english).quantities(in: pair.target)
        if let glossary {
            sourceTerms = GlossaryMatcher.preferLongest(glossary.matches(in: pair.source, language: .indonesian))
            targetTerms = pair.target.isEmpty ? [] : glossary.matches(in: pair.target, language: .english)
        } else {
            sourceTerms = []
            targetTerms = []
        }
        quantityMismatches = QuantityComparison.mismatches(source: sourceQuantities, sourceText: pair.source,
                                                           target: targetQuantities, targetText: pair.target)
    }

    var source: String { pair.source }
    var target: String { pair.target }
}

/// Every check tm knows, by id, in the order reports list them.
public enum QACatalog {
    /// The per-pair checks; `glossary` is what `terms` and `forbidden-term` match with.
    public static func pairChecks() -> [any QACheck] {
        var checks: [any QACheck] = [UntranslatedCheck(), SameAsSourceCheck()]
        checks += QuantityKind.allCases.map { QuantityCheck(kind: $0) }
        checks += [TermsCheck(), ForbiddenTermCheck()]
        checks += [EndPunctuationCheck(), BracketsCheck(), QuotesCheck(), DoubleSpaceCheck(), DoubleWordCheck(),
                   MarkedSpanCheck.urls, MarkedSpanCheck.emails, TagsCheck(), LengthRatioCheck(), CreditsCheck()]
        return checks
    }

    /// The checks that compare pairs with each other and with the memory.
    public static let consistencyIDs = [InconsistencyCheck.targetID, InconsistencyCheck.sourceID]

    /// Every id, in report order.
    public static var allIDs: [String] {
        let ids = pairChecks().map(\.id)
        return Array(ids.prefix(while: { $0 != "end-punctuation" })) + consistencyIDs + ids.drop(while: { $0 != "end-punctuation" })
    }

    /// The severity of a check by its id.
    public static func severity(of id: String) -> QASeverity {
        if consistencyIDs.contains(id) { return InconsistencyCheck.severity }
        return pairChecks().first { $0.id == id }?.severity ?? .warning
    }
}
