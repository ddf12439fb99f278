import Foundation

extension AlignmentLexicon {
    /// Learns word pairs from sentence pairs that translate each other (the confident 1-1 links of
    /// a first pass, or the memory's units), as hunalign's `-realign` builds its automatic
    /// dictionary: among the words of a pair that found no counterpart yet, an Indonesian word and
    /// an English word that occur together in at least `minimumCount` pairs, with a Dice
    /// coefficient of at least `minimumDice`, become a translation. Returns the number of pairs
    /// added.
    ///
    /// - Complexity: O(Σ u_id · u_en) over the pairs, u being the unmatched content words of a pair.
    @discardableResult
    public mutating func learn(fromPairs pairs: [(String, String)], minimumCount: Int = 2, minimumDice: Double = 0.5) -> Int {
        guard !pairs.isEmpty else { return 0 }
        var table = AlignmentConceptTable(lexicon: self)
        let indonesian = AlignmentTokenizedSide(paragraphs: [pairs.map(\.0)], indonesian: true, lexicon: self, table: &table)
        let english = AlignmentTokenizedSide(paragraphs: [pairs.map(\.1)], indonesian: false, lexicon: self, table: &table)
        let links = zip(indonesian.paragraphs[0], english.paragraphs[0]).map { (indonesian: $0.0, english: $0.1) }
        let learned = AlignmentTokenizedSide.learnedWords(indonesian: indonesian, english: english, links: links,
                                                          minimumCount: minimumCount, minimumDice: minimumDice)
        for (a, b) in learned {
            add(indonesian: indonesian.forms[Int(a)], english: english.forms[Int(b)])
        }
        return learned.count
    }
}
