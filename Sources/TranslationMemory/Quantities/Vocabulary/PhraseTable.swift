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
    private var firstShapes = ShapeSet()

    init(_ phrases: [(String, Value)], case caseRule: PhraseCase = .any) {
        add(phrases, case: caseRule)
    }

    mutating func add(_ phrases: [(String, Value)], case caseRule: PhraseCase) {
        for (phrase, value) in phrases {
            let scalars = Array(phrase.unicodeScalars)
            let lexemes = QuantityLexer.lex(scalars)
            guard !lexemes.isEmpty else { continue }
            let texts = lexemes.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
            let gaps = zip(lexemes, lexemes.dropFirst()).map { $0.end < $1.start }
            let entry = Entry(lexemes: texts, lowerLexemes: texts.map { $0.lowercased() },
                              upperLexemes: texts.map { $0.uppercased() }, gaps: gaps, caseRule: caseRule, value: value)
            let first = texts[0].lowercased()
            byFirst[first, default: []].append(entry)
            let shape = QuantityLexicon.shape(of: first)
            firstShapes.insert(shape)
            byFirst[first]!.sort { $0.lexemes.count > $1.lexemes.count }
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

    /// The longest phrase that starts at lexeme `index` of `scan`: its value and the index after it.
    /// - Complexity: O(k) in the phrases that share the first lexeme.
    func match(_ scan: QuantityScan, at index: Int) -> (value: Value, end: Int)? {
        guard index < scan.count else { return nil }
        let shape = scan.shape(index)
        guard firstShapes[shape], let candidates = byFirst[scan.lower(index)] else { return nil }
        for entry in candidates where index + entry.lexemes.count <= scan.count {
            var matched = true
            for offset in entry.lexemes.indices {
                let position = index + offset
                if offset > 0, (scan.lexemes[position - 1].end < scan.lexemes[position].start) != entry.gaps[offset - 1] { matched = false; break }
                if !PhraseTable.matches(scan, position, entry, offset) { matched = false; break }
            }
            if matched { return (entry.value, index + entry.lexemes.count) }
        }
        return nil
    }

    /// Whether lexeme `position` of `scan`, as written, is the entry's lexeme at `offset` under
    /// its case rule. The first lexeme's lower case is the key the entry was found under, so it
    /// is not compared again.
    private static func matches(_ scan: QuantityScan, _ position: Int, _ entry: Entry, _ offset: Int) -> Bool {
        switch entry.caseRule {
        case .any:
            return offset == 0 || scan.lower(position) == entry.lowerLexemes[offset]
        case .exact:
            let written = scan.written(position)
            return written == entry.lexemes[offset] || (written == entry.upperLexemes[offset] && written.count > 1)
        case .capitalized:
            guard offset == 0 else { return scan.lower(position) == entry.lowerLexemes[offset] }
            return scan.scalars[scan.lexemes[position].start].properties.isUppercase
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
