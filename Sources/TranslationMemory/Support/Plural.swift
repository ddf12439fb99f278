/// Counts in messages: "1 unit", "2 units", "0 entries". One helper, so no message says
/// "1 units" or "1 merges".
public enum Plural {
    /// `count` and the noun, plural unless the count is 1 (`plural` for irregular nouns).
    public static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? regularPlural(noun))"
    }

    /// English plural of a regular noun: entry → entries, match → matches, unit → units.
    static func regularPlural(_ noun: String) -> String {
        if noun.hasSuffix("y"), let before = noun.dropLast().last, !"aeiou".contains(before) {
            return noun.dropLast() + "ies"
        }
        if noun.hasSuffix("s") || noun.hasSuffix("x") || noun.hasSuffix("ch") || noun.hasSuffix("sh") {
            return noun + "es"
        }
        return noun + "s"
    }
}
