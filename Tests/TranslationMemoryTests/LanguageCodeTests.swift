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

    @Test("Canonical spelling", arguments: [("IN", "id"), ("in-id", "id-ID"), ("en_us", "en-US"), ("zh-hant-tw", "zh-Hant-TW"), ("EN-GB", "en-GB")])
    func normalized(_ pair: (String, String)) {
        #expect(LanguageCode(pair.0).normalized == pair.1)
    }
}
