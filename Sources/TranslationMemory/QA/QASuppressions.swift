import Foundation

/// Findings an editor has accepted: the ignore file's lines `CHECK<TAB>SOURCE<TAB>TARGET`
/// (`#` starts a comment line). A finding is left out when its check, source and target are
/// those of a line (white space runs compared as one space).
public struct QASuppressions: Sendable {
    private var keys: Set<String> = []

    public init() {}

    public static func read(path: String) throws -> QASuppressions {
        var result = QASuppressions()
        let text = try TextDecoding.readFile(path)
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy(\.isWhitespace) || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3 else {
                throw TMError.invalidContent(path: path, line: number + 1,
                                             reason: "expected CHECK<TAB>SOURCE<TAB>TARGET, found \(Plural.count(fields.count, "field"))")
            }
            result.add(check: String(fields[0]).trimmingCharacters(in: .whitespaces), source: String(fields[1]), target: String(fields[2]))
        }
        return result
    }

    public mutating func add(check: String, source: String, target: String) {
        keys.insert(Self.key(check, source, target))
    }

    public func suppresses(_ finding: QAFinding) -> Bool {
        keys.contains(Self.key(finding.check, finding.source, finding.target))
    }

    private static func key(_ check: String, _ source: String, _ target: String) -> String {
        check + "\t" + InconsistencyCheck.key(source) + "\t" + InconsistencyCheck.key(target)
    }
}

/// Runs the checks over pairs: each pair read once, every enabled check on it, then the checks
/// across pairs and against the memory, the suppressed findings left out.
public struct QAChecker: Sendable {
    public var glossary: GlossaryMatcher?
    public var memory: QAMemoryTranslations?
    public var suppressions = QASuppressions()
    /// The ids to run; nil for all.
    public var enabled: Set<String>?

    public init(glossary: GlossaryMatcher? = nil, memory: QAMemoryTranslations? = nil) {
        self.glossary = glossary
        self.memory = memory
    }

    /// The ids among `ids` that name no check.
    public static func unknown(_ ids: [String]) -> [String] {
        let known = Set(QACatalog.allIDs)
        return ids.filter { !known.contains($0) }
    }

    func isEnabled(_ id: String) -> Bool { enabled?.contains(id) ?? true }

    /// `creditPairs` (two articles' credit lines) go through the credits check only.
    public func check(_ pairs: [QAPair], creditPairs: [QAPair] = []) -> QAReport {
        let checks = QACatalog.pairChecks().filter { isEnabled($0.id) }
        let order = Dictionary(uniqueKeysWithValues: QACatalog.allIDs.enumerated().map { ($1, $0) })
        var findings: [QAFinding] = []
        for pair in pairs where !pair.source.allSatisfy(\.isWhitespace) {
            let text = QAPairText(pair, glossary: glossary)
            for check in checks { findings += check.findings(in: text) }
        }
        if isEnabled("credits") {
            for pair in creditPairs { findings += CreditsCheck().findings(in: QAPairText(pair)) }
        }
        findings += InconsistencyCheck.findings(in: pairs, memory: memory, enabled: isEnabled)
        findings.removeAll(where: suppressions.suppresses)
        findings.sort { ($0.pair, order[$0.check] ?? 0) < ($1.pair, order[$1.check] ?? 0) }
        return QAReport(findings: findings, pairs: pairs.count + creditPairs.count)
    }

    /// An XLIFF file's units: those with a target are checked; those without one are counted in
    /// `summary.notTranslated` and, when `reportNotTranslated` (`--untranslated`), reported as
    /// `untranslated` — a pre-translated file holds many on purpose, so by default they are not findings.
    public func check(xliff input: QAXLIFFPairs, reportNotTranslated: Bool) -> QAReport {
        var report = check(input.pairs)
        if reportNotTranslated && isEnabled("untranslated") {
            let check = UntranslatedCheck()
            var added = input.notTranslated.map { pair in
                QAFinding(check: check.id, pair: pair, severity: check.severity, message: "the unit has no translation")
            }
            added.removeAll(where: suppressions.suppresses)
            let order = Dictionary(uniqueKeysWithValues: QACatalog.allIDs.enumerated().map { ($1, $0) })
            let findings = (report.findings + added).sorted { ($0.pair, order[$0.check] ?? 0) < ($1.pair, order[$1.check] ?? 0) }
            report = QAReport(findings: findings, pairs: 0)
        }
        return QAReport(findings: report.findings, pairs: input.pairs.count + input.notTranslated.count,
                        notTranslated: input.notTranslated.count)
    }
}
