import Foundation

extension XLIFFUnit {
    /// Props that record where an imported unit came from.
    public static let stateProperty = "x-xliff-state"
    public static let documentProperty = "x-document"
    public static let restypeProperty = "x-xliff-restype"

    /// The translation unit a confirmed XLIFF unit becomes: source and target in the file's
    /// languages, the translator as `creationid`, the article (`original`), the state and the
    /// unit's kind (`restype`) as props. Nil with the reason when it cannot be one.
    public func translationUnit(file: XLIFFFile, translator: String, date: Date) -> (unit: TranslationUnit?, problem: String?) {
        guard let target, isConfirmed else { return (nil, nil) }
        guard let targetLanguage = target.language ?? file.targetLanguage, !targetLanguage.isEmpty else {
            return (nil, "no target language (<file target-language> or <target xml:lang>)")
        }
        guard !target.content.plainText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return (nil, "the target is confirmed (\(target.state?.rawValue ?? "approved")) but empty")
        }
        var properties = [Property(type: XLIFFUnit.documentProperty, value: file.original),
                          Property(type: XLIFFUnit.stateProperty, value: target.state?.rawValue ?? "approved")]
        if let restype { properties.append(Property(type: XLIFFUnit.restypeProperty, value: restype)) }
        let unit = TranslationUnit(
            attributes: [XMLAttribute("creationdate", TMXDate.format(date)), XMLAttribute("creationid", translator),
                         XMLAttribute("srclang", file.sourceLanguage)],
            properties: properties,
            variants: [Variant(language: file.sourceLanguage, segment: source),
                       Variant(language: targetLanguage, segment: target.content)])
        return (unit, nil)
    }
}
