/// English word forms for glossary matching: plurals and verb forms reduce to one key
/// (`partnership`/`partnerships`, `agree`/`agreed`/`agreeing`, `policy`/`policies`). Light rules in
/// the spirit of Porter's (1980) step 1, not a full stemmer: derivational suffixes (`-ship`,
/// `-ment`) are kept, so `partner` never matches `partnership`.
public enum EnglishInflections {
    /// Irregular forms mapped to their base.
    static let irregular: [String: String] = [
        "men": "man", "women": "woman", "children": "child", "people": "person", "feet": "foot",
        "teeth": "tooth", "mice": "mouse", "geese": "goose", "crises": "crisis", "analyses": "analysis",
        "bases": "basis", "theses": "thesis", "criteria": "criterion", "phenomena": "phenomenon",
        "went": "go", "gone": "go", "goes": "go", "did": "do", "done": "do", "does": "do",
        "made": "make", "took": "take", "taken": "take", "gave": "give", "given": "give",
        "said": "say", "says": "say", "held": "hold", "met": "meet", "sent": "send", "spent": "spend",
        "built": "build", "brought": "bring", "bought": "buy", "thought": "think", "told": "tell",
        "sold": "sell", "led": "lead", "left": "leave", "kept": "keep", "began": "begin", "begun": "begin",
        "wrote": "write", "written": "write", "chose": "choose", "chosen": "choose", "rose": "rise",
        "risen": "rise", "fell": "fall", "fallen": "fall", "won": "win", "lost": "lose", "paid": "pay",
        "struck": "strike", "fought": "fight", "caught": "catch", "sought": "seek", "became": "become",
        "came": "come", "ran": "run", "saw": "see", "seen": "see", "knew": "know", "known": "know",
        "grew": "grow", "grown": "grow", "shown": "show", "drew": "draw", "drawn": "draw",
    ]

    /// Words ending in `s` that are not plurals.
    static let keepFinalS: Set<String> = [
        "news", "series", "species", "means", "politics", "economics", "physics", "statistics", "always",
        "perhaps", "whereas", "across", "various", "previous", "serious", "famous", "status", "virus",
        "campus", "census", "bonus", "focus", "bus", "gas", "yes", "this", "thus", "its", "his", "has",
        "was", "is", "as", "us", "less", "unless", "business", "witness", "congress", "press", "process",
        "access", "success", "address", "progress", "class", "glass", "mass", "chaos", "analysis", "basis",
        "crisis", "thesis", "diagnosis", "tuberculosis", "paralysis", "christmas", "atlas", "canvas",
        "lens", "axis", "bias", "alias", "corps", "headquarters", "whereabouts", "sars", "aids", "arms",
    ]

    /// The matching key of an English word (lower-cased).
    ///
    /// - Complexity: O(length of the word).
    public static func key(_ word: String) -> String {
        var w = word.lowercased()
        if let base = irregular[w] { w = base; return dropFinalE(w) }
        if w.count <= 3 || keepFinalS.contains(w) { return w }
        if w.hasSuffix("ies"), w.count > 4 {
            w = String(w.dropLast(3)) + "y"
        } else if w.hasSuffix("sses") || w.hasSuffix("ches") || w.hasSuffix("shes") || w.hasSuffix("xes") || w.hasSuffix("zzes") {
            w = String(w.dropLast(2))
        } else if w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") {
            w = String(w.dropLast())
        }
        if w.hasSuffix("ied"), w.count > 4 {
            w = String(w.dropLast(3)) + "y"
        } else if w.hasSuffix("eed"), w.count >= 6 {
            w = String(w.dropLast(1))            // agreed → agree
        } else if w.hasSuffix("ed"), w.count >= 5, hasVowel(w.dropLast(2)) {
            w = undouble(String(w.dropLast(2)))
        } else if w.hasSuffix("ing"), w.count >= 6, hasVowel(w.dropLast(3)) {
            w = undouble(String(w.dropLast(3)))
        }
        return dropFinalE(w)
    }

    private static func hasVowel(_ text: Substring) -> Bool {
        text.contains { "aeiouy".contains($0) }
    }

    /// `stopp` → `stop`, but `fall`, `pass`, `buzz` keep their double letter.
    private static func undouble(_ w: String) -> String {
        guard let last = w.last, w.count >= 3, w.dropLast().last == last, !"lsz".contains(last),
              !"aeiou".contains(last) else { return w }
        return String(w.dropLast())
    }

    /// `make`/`making`/`made` share `mak`; a final silent e is dropped from every key.
    private static func dropFinalE(_ w: String) -> String {
        if w.count > 3, w.hasSuffix("e"), !w.hasSuffix("ee") { return String(w.dropLast()) }
        return w
    }
}
