import Foundation

/// The file formats `tm export` writes.
public enum ExportFormat: String, Sendable, Codable, CaseIterable {
    case tmx, tsv
}

/// What an export did.
public struct ExportReport: Sendable, Codable {
    public var path: String
    public var format: ExportFormat
    public var unitsWritten = 0
    /// Units without both the source and the target language.
    public var unitsWithoutPair = 0
    /// Units repeated whole, texts, attributes and props alike (e.g. the same export dropped into
    /// the memory twice). Units that share texts but have their own tuid or context are all kept.
    public var duplicates = 0
    public var skipped: [SkippedUnit] = []
}

/// Exports the memory as one file for CAT tools, with the language codes spelt as the tool wants
/// (`id-ID` for OmegaT and memoQ, `id` or `in-ID` for older tools).
public enum MemoryExporter {
    public struct Options: Sendable {
        public var sourceLanguage = "id-ID"
        public var targetLanguage = "en-US"
        public var level = TMXLevel.markup
        public var format = ExportFormat.tmx

        public init(sourceLanguage: String = "id-ID", targetLanguage: String = "en-US",
                    level: TMXLevel = .markup, format: ExportFormat = .tmx) {
            self.sourceLanguage = sourceLanguage
            self.targetLanguage = targetLanguage
            self.level = level
            self.format = format
        }
    }

    /// Streams the memory into `path` (written atomically).
    ///
    /// - Complexity: O(size of the memory) time; memory O(units) for the 16-byte duplicate keys.
    public static func export(_ store: TranslationMemoryStore, to path: String, options: Options = Options(), date: Date = Date()) throws -> ExportReport {
        var report = ExportReport(path: path, format: options.format)
        let source = LanguageCode(options.sourceLanguage)
        let target = LanguageCode(options.targetLanguage)
        var seen = Set<UnitKey>()
        /// Every unit with both languages, rewritten and without duplicates, in memory order.
        func forEachExportable(_ body: (TranslationUnit) throws -> Void) throws {
            report.skipped = try store.forEachUnit { unit, _ in
                guard let unit = rewrite(unit, source: source, target: target) else {
                    report.unitsWithoutPair += 1
                    return
                }
                guard seen.insert(UnitKey(wholeUnit: unit)).inserted else {
                    report.duplicates += 1
                    return
                }
                try body(unit)
                report.unitsWritten += 1
            }
        }
        try AtomicFile.write(to: path) { temporary in
            switch options.format {
            case .tmx:
                let header = TMXWriter.standardHeader(sourceLanguage: options.sourceLanguage, date: date)
                let writer = try TMXWriter(path: temporary, header: header, level: options.level)
                try forEachExportable { try writer.write($0) }
                try writer.finish()
            case .tsv:
                guard FileManager.default.createFile(atPath: temporary, contents: nil),
                      let handle = FileHandle(forWritingAtPath: temporary) else {
                    throw TMError(.cannotWrite(reason: systemErrorMessage()), path: path)
                }
                defer { try? handle.close() }
                var buffer = "\(options.sourceLanguage)\t\(options.targetLanguage)\n"
                try forEachExportable { unit in
                    buffer += tsvField(unit.variants[0].segment.plainText) + "\t" + tsvField(unit.variants[1].segment.plainText) + "\n"
                    if buffer.utf8.count > 1 << 20 {
                        try handle.write(contentsOf: Data(buffer.utf8))
                        buffer = ""
                    }
                }
                try handle.write(contentsOf: Data(buffer.utf8))
            }
        }
        return report
    }

    /// The unit with its source and target variants first, spelt as asked; nil when it lacks one.
    static func rewrite(_ unit: TranslationUnit, source: LanguageCode, target: LanguageCode) -> TranslationUnit? {
        guard let sourceIndex = unit.variants.firstIndex(where: { $0.languageCode.matches(source) }),
              let targetIndex = unit.variants.firstIndex(where: { $0.languageCode.matches(target) }),
              sourceIndex != targetIndex else { return nil }
        var unit = unit
        var sourceVariant = unit.variants[sourceIndex]
        var targetVariant = unit.variants[targetIndex]
        sourceVariant.language = source.raw
        targetVariant.language = target.raw
        let others = unit.variants.enumerated().filter { $0.offset != sourceIndex && $0.offset != targetIndex }.map(\.element)
        unit.variants = [sourceVariant, targetVariant] + others
        if let declared = unit.attribute("srclang"), declared != "*all*" {
            let code = LanguageCode(declared)
            if code.matches(source) { unit.setAttribute("srclang", source.raw) }
            else if code.matches(target) { unit.setAttribute("srclang", target.raw) }
        }
        return unit
    }

    /// A text as one TSV field: tabs and line breaks become spaces.
    static func tsvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
        return String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
