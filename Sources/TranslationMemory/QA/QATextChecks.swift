import Foundation

/// `untranslated`: the target is empty (or white space).
public struct UntranslatedCheck: QACheck {
    public var id: String { "untranslated" }
    public var severity: QASeverity { .error }

    public func findings(in pair: QAPairText) -> [QAFinding] {
        guard pair.target.allSatisfy(\.isWhitespace), !pair.source.allSatisfy(\.isWhitespace) else { return [] }
        return [finding(pair, "the target is empty")]
    }
}

/// `same-as-source`: the target copies the source. Names, acronyms, figures and credit lines stay
/// the same in translation, so only a text with an ordinary (lower-case) word of three letters or
/// more is reported.
public struct SameAsSourceCheck: QACheck {
    public var id: String { "same-as-source" }
    public var severity: QASeverity { .warning }

    public func findings(in pair: QAPairText) -> [QAFinding] {
        let source = pair.source.trimmingCharacters(in: .whitespaces)
        guard !source.isEmpty, source == pair.target.trimmingCharacters(in: .whitespaces),
              CreditsCheck.credit(in: source) == nil else { return [] }
        let ordinary = WordTokenizer.tokenize(source).contains { token in
            !token.isNumber && token.text.count >= 3 && token.text == token.normalized
        }
        return ordinary ? [finding(pair, "the target is the source, untranslated")] : []
    }
}
