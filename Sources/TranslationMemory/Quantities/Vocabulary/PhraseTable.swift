/// How the case of a phrase in the text must match its listed spelling.
enum PhraseCase: Sendable {
    /// Any case: `rupiah`, `RUPIAH`.
    case any
    /// As listed, or in capitals (`M`, `T`, `m`; `kWh`).
    case exact
    /// A capital first letter (`Senin`, `SENIN`, not `senin`): names of days and months.
    case capitalized
}

/// Phrases of one or more lexemes (`dolar AS`, `U.S. dollars`, `a.m.`, `s.d.`) mapped to values,
/// matched at a lexeme of a text. A phrase is lexed as the text is, so `a.m.` must be written
/// without spaces and `dolar AS` with one.
struct PhraseTable<Value: Sendable>: Sendable {
    struct Entry: Sendable {
        var lexemes: [String]
        /// `lexemes` lower-cased and upper-cased, made once (the match compares them at every
        /// lexeme a quantity may start at).
        var lowerLexemes: [String]
        var upperLexemes: [String]
        /// Whether white space comes before each lexeme after the first.
        var gaps: [Bool]
        var caseRule: PhraseCase
        var value: Value
    }

    /// By the first lexeme, lower-cased; longest phrases first.
    private var byFirst: [String: [Entry]] = [:]
    /// The shapes (`QuantityLexicon.shape(of:)`) of the keys of `byFirst`, a bit each: most
    /// lexemes a reader tries start no phrase of the table, which this tells without hashing.
    private var firstShapes = [UInt64](repeating: 0, count: QuantityLexicon.shapeCount / 64)

    init(_ phrases: [(String, Value)], case caseRule: PhraseCase = .any) {
        add(phrases, case: caseRule)
    }

    mutating func add(_ phrases: [(String, Value)], case caseRule: PhraseCase) {
        for (phrase, value) in phrases {
            let lexemes = QuantityLexer.lex(Array(phrase.unicodeScalars))
            guard let first = lexemes.first else { continue }
            let gaps = zip(lexemes, lexemes.dropFirst()).map { $0.end < $1.start }
            let entry = Entry(lexemes: lexemes.map(\.text), lowerLexemes: lexemes.map { $0.text.lowercased() },
                              upperLexemes: lexemes.map { $0.text.uppercased() }, gaps: gaps, caseRule: caseRule, value: value)
            byFirst[first.text.lowercased(), default: []].append(entry)
            let shape = QuantityLexicon.shape(of: first.text.lowercased())
            firstShapes[shape >> 6] |= 1 << UInt64(shape & 63)
            byFirst[first.text.lowercased()]!.sort { $0.lexemes.count > $1.lexemes.count }
        }
    }

    /// Every word of every phrase, lower-cased.
    var words: Set<String> {
        Set(byFirst.values.joined().flatMap(\.lexemes).filter { $0.unicodeScalars.contains { QuantityLexer.isLetter($0) } }
            .map { $0.lowercased() })
    }

    /// The first lexemes of the phrases that hold a letter, lower-cased: the words a phrase of
    /// this table can start at.
    var firstWords: Set<String> {
        Set(byFirst.keys.filter { $0.unicodeScalars.contains { QuantityLexer.isLetter($0) } })
    }

    /// The first lexemes of the phrases that hold no letter (`$`, `€`, `%`), lower-cased: the
    /// symbols a phrase of this table can start at.
    var firstSymbols: Set<String> {
        Set(byFirst.keys.filter { !$0.unicodeScalars.contains { QuantityLexer.isLetter($0) } })
    }

    /// The longest phrase that starts at lexeme `index`: its value and the index after it.
    /// - Complexity: O(k) in the phrases that share the first lexeme.
    func match(_ lexemes: [QuantityLexeme], at index: Int) -> (value: Value, end: Int)? {
        guard index < lexemes.count else { return nil }
        let shape = QuantityLexicon.shape(of: lexemes[index].lower)
        guard firstShapes[shape >> 6] & (1 << UInt64(shape & 63)) != 0, let candidates = byFirst[lexemes[index].lower] else { return nil }
        for entry in candidates where index + entry.lexemes.count <= lexemes.count {
            var matched = true
            for offset in entry.lexemes.indices {
                let lexeme = lexemes[index + offset]
                if offset > 0, (lexemes[index + offset - 1].end < lexeme.start) != entry.gaps[offset - 1] { matched = false; break }
                if !PhraseTable.matches(lexeme, entry, offset) { matched = false; break }
            }
            if matched { return (entry.value, index + entry.lexemes.count) }
        }
        return nil
    }

    /// Whether the written `lexeme` is the entry's lexeme at `offset` under its case rule.
    private static func matches(_ lexeme: QuantityLexeme, _ entry: Entry, _ offset: Int) -> Bool {
        let written = lexeme.text
        switch entry.caseRule {
        case .any:
            return lexeme.lower == entry.lowerLexemes[offset]
        case .exact:
            return written == entry.lexemes[offset] || (written == entry.upperLexemes[offset] && written.count > 1)
        case .capitalized:
            guard lexeme.lower == entry.lowerLexemes[offset] else { return false }
            return offset != 0 || written.unicodeScalars.first.map { $0.properties.isUppercase } == true
        }
    }
}

/// A vocabulary entry with spellings in each language.
protocol Bilingual {
    associatedtype Spellings
    var indonesian: Spellings { get }
    var english: Spellings { get }
}

extension Bilingual {
    func spellings(_ language: ArticleLanguage) -> Spellings { language == .indonesian ? indonesian : english }
}
