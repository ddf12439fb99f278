import Testing
@testable import TranslationMemory

@Suite("Language codes as CAT tools write them")
struct LanguageCodeTests {
    @Test("Indonesian spellings all match id", arguments: ["id", "id-ID", "ID", "in", "in-ID", "IN", "id_ID"])
    func indonesian(_ spelling: String) {
        #expect(LanguageCode(spelling).matches(.indonesian))
        #expect(!LanguageCode(spelling).matches(.english))
    }

    @Test("English spellings all match en", arguments: ["en", "en-US", "EN-GB", "en_us"])
    func english(_ spelling: String) {
        #expect(LanguageCode(spelling).matches(.english))
    }

    @Test("Matching compares primary subtags, however they are spelled")
    func matchingAgreesWithPrimarySubtags() {
        let spellings = ["id", "ID-id", "in", "IN_ID", "en", "En-gB", "he", "iw", "IW-IL", "yi", "ji", "", "-id", "_en",
                         "x-klingon", "X-KLINGON-qq", "abcdefgh", "ABCDEFGH-x", "abcdefghi", "abcdefghij-en", "é", "É-FR",
                         "id\u{0}", "i", "idx"]
        for left in spellings {
            for right in spellings {
                let expected = !LanguageCode(left).primary.isEmpty && LanguageCode(left).primary == LanguageCode(right).primary
                #expect(LanguageCode(left).matches(LanguageCode(right)) == expected, "\(left) against \(right)")
            }
        }
    }

    @Test("Canonical spelling", arguments: [("IN", "id"), ("in-id", "id-ID"), ("en_us", "en-US"), ("zh-hant-tw", "zh-Hant-TW"), ("EN-GB", "en-GB")])
    func normalized(_ pair: (String, String)) {
        #expect(LanguageCode(pair.0).normalized == pair.1)
    }
}
