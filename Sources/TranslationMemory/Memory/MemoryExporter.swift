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
    /// The language sets of the units left out for that, with their counts (`en-US+fr-FR`: 3),
    /// so the user sees which `--src`/`--tgt` would export them.
    public var leftOutLanguages: [String: Int] = [:]
    /// Units whose text is only inline code: a TSV cell of them would be empty and could not be
    /// imported back, so they are left out of a TSV export.
    public var unitsWithoutText = 0
    /// Units whose text changed to fit the format: tabs and line breaks written as spaces (TSV),
    /// text inside `<sub>` dropped (TMX level 1 and TSV, which hold no native code).
    public var unitsAltered = 0
    /// Units written with an empty `seg` (level 1): their text is only inline code, or `<sub>`
    /// text level 1 drops. Where the first of them are (`file.tmx:12`).
    public var unitsEmptied = 0
    public var emptiedUnits: [String] = []
    /// TSV: units written with variants besides the pair, which a TSV line cannot hold, and the
    /// languages of those variants with their counts.
    public var unitsWithOtherVariants = 0
    public var otherVariantLanguages: [String: Int] = [:]
    /// TSV: units written without their props or notes (tm's own run bookkeeping aside).
    public var unitsWithPropertiesOrNotes = 0
    /// What was left out or altered, in the user's words, one line each.
    public var warnings: [String] = []

    /// True when some unit of the memory is not in the file as it is in the memory.
    public var isIncomplete: Bool {
        unitsWithoutPair > 0 || unitsWithoutText > 0 || unitsAltered > 0 || unitsEmptied > 0 || unitsWithOtherVariants > 0
            || unitsWithPropertiesOrNotes > 0 || !skipped.isEmpty
    }
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

    /// Streams the memory into `path` (written atomically). Refuses a `.tmx` inside the memory
    /// itself (it would be read back as part of the memory, doubling it) and a memory that does
    /// not exist. `progress` hears how far the read of the memory is.
    ///
    /// - Complexity: O(size of the memory · 2) time (read once to find the duplicates, once to
    ///   write); memory flat whatever the size: the duplicate keys are sorted on disk (`DuplicateSieve`).
    public static func export(_ store: TranslationMemoryStore, to path: String, options: Options = Options(), date: Date = Date(),
                              progress: ((ReadProgress) -> Void)? = nil) throws -> ExportReport {
        try store.checkExists()
        if options.format == .tmx, store.contains(path) {
            throw TMError(.cannotWrite(reason: "the file would be inside the memory \(store.path), which would then hold every unit twice; write it elsewhere"), path: path)
        }
        var report = ExportReport(path: path, format: options.format)
        let source = LanguageCode(options.sourceLanguage)
        let target = LanguageCode(options.targetLanguage)
        /// What each file's header says of its units' data that the export's header does not.
        var carried: [String: [XMLAttribute]] = [:]
        /// Every unit with both languages, rewritten and without duplicates, in memory order.
        func forEachExportable(_ body: (TranslationUnit) throws -> Void) throws {
            // First read: the whole units' keys, numbered, into the sieve.
            let sieve = DuplicateSieve(kinds: [true])
            var sequence = 0
            _ = try store.forEachUnit { unit, origin in
                guard let unit = rewrite(unit.addingDefaults(carried[origin.path] ?? []), source: source, target: target) else { return }
                try sieve.add(UnitKey(wholeUnit: unit), sequence: sequence, kind: 0)
                sequence += 1
            }
            try sieve.sift()
            sequence = 0
            report.skipped = try store.forEachUnit(progress: progress) { unit, origin in
                guard let unit = rewrite(unit.addingDefaults(carried[origin.path] ?? []), source: source, target: target) else {
                    report.unitsWithoutPair += 1
                    let languages = Set(unit.variants.map { LanguageCode($0.language).normalized }).sorted().joined(separator: "+")
                    report.leftOutLanguages[languages.isEmpty ? "(none)" : languages, default: 0] += 1
                    return
                }
                defer { sequence += 1 }
                guard try !sieve.isRejected(sequence) else {
                    report.duplicates += 1
                    return
                }
                let pair = unit.variants[0...1].map(\.segment)
                switch options.format {
                case .tsv:
                    if pair.contains(where: { $0.plainText.allSatisfy(\.isWhitespace) }) {
                        report.unitsWithoutText += 1
                        return
                    }
                    if pair.contains(where: { $0.hasSubflowText || !DelimitedText.fitsTSVField($0.plainText) }) {
                        report.unitsAltered += 1
                    }
                    noteWhatTSVCannotHold(unit, in: &report)
                case .tmx:
                    if options.level == .plainText, pair.contains(where: \.hasSubflowText) { report.unitsAltered += 1 }
                    if options.level == .plainText, unit.variants.contains(where: { isOnlyCode($0.segment) }) {
                        report.unitsEmptied += 1
                        if report.emptiedUnits.count < emptiedUnitsNamed { report.emptiedUnits.append("\(origin.path):\(origin.line)") }
                    }
                }
                try body(unit)
                report.unitsWritten += 1
            }
        }
        try AtomicFile.write(to: path) { temporary in
            switch options.format {
            case .tmx:
                // Props, notes and user-defined encodings of the memory's files travel with their units.
                let files = try store.tmxFiles()
                let headers = try files.map { try TMXReader(path: $0).header }
                let header = TMXHeader.merging(headers, into: TMXWriter.standardHeader(sourceLanguage: options.sourceLanguage, date: date))
                for (file, own) in zip(files, headers) { carried[file] = own.dataAttributes(missingFrom: header) }
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
                    buffer += DelimitedText.tsvField(unit.variants[0].segment.plainText) + "\t" + DelimitedText.tsvField(unit.variants[1].segment.plainText) + "\n"
                    if buffer.utf8.count > 1 << 20 {
                        try handle.write(contentsOf: Data(buffer.utf8))
                        buffer = ""
                    }
                }
                try handle.write(contentsOf: Data(buffer.utf8))
            }
        }
        report.warnings = warnings(report, options: options)
        return report
    }

    /// True when the segment holds inline code and no text outside it: at level 1 it is empty.
    private static func isOnlyCode(_ segment: Segment) -> Bool {
        segment.content.contains { if case .element = $0 { return true } else { return false } } && segment.plainText.allSatisfy(\.isWhitespace)
    }

    /// How many emptied units the report names.
    static let emptiedUnitsNamed = 10

    /// The other variants and the props and notes of a unit a TSV line leaves out. The run a unit
    /// came with (`x-tm-run`) and the TSV line it came from (`x-document`, made again when the
    /// TSV is imported) are tm's own bookkeeping, not the unit's content.
    private static func noteWhatTSVCannotHold(_ unit: TranslationUnit, in report: inout ExportReport) {
        if unit.variants.count > 2 {
            report.unitsWithOtherVariants += 1
            for variant in unit.variants.dropFirst(2) { report.otherVariantLanguages[LanguageCode(variant.language).normalized, default: 0] += 1 }
        }
        let bookkeeping: Set<String> = [MemoryRun.idProperty, MemoryRun.userProperty, "x-document"]
        if unit.properties.contains(where: { !bookkeeping.contains($0.type) }) || !unit.notes.isEmpty
            || unit.variants.prefix(2).contains(where: { !$0.properties.isEmpty || !$0.notes.isEmpty }) {
            report.unitsWithPropertiesOrNotes += 1
        }
    }

    private static func counts(_ counts: [String: Int]) -> String {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
    }

    private static func warnings(_ report: ExportReport, options: Options) -> [String] {
        var lines: [String] = []
        if report.unitsWithoutPair > 0 {
            let sets = counts(report.leftOutLanguages)
            lines.append("left out: \(Plural.count(report.unitsWithoutPair, "unit")) without both \(options.sourceLanguage) and \(options.targetLanguage) (languages of those: \(sets))")
        }
        if report.unitsWithoutText > 0 {
            lines.append("left out: \(Plural.count(report.unitsWithoutText, "unit")) whose text is only inline code (an empty TSV cell could not be imported back; export TMX to keep them)")
        }
        if report.unitsAltered > 0 {
            let what = options.format == .tsv
                ? "tabs or line breaks written as spaces, or text inside <sub> dropped (TSV holds no inline code; export TMX to keep it)"
                : "text inside <sub> dropped (level 1 holds no inline code; use --level 2 to keep it)"
            lines.append("altered: \(Plural.count(report.unitsAltered, "unit")) with \(what)")
        }
        if report.unitsEmptied > 0 {
            let more = report.unitsEmptied > report.emptiedUnits.count ? ", …" : ""
            lines.append("emptied: \(Plural.count(report.unitsEmptied, "unit")) written with an empty <seg>, their text being only inline code or text inside <sub> (level 1 holds no inline code; use --level 2 to keep it): \(report.emptiedUnits.joined(separator: ", "))\(more)")
        }
        if report.unitsWithOtherVariants > 0 {
            lines.append("left out: the other variants of \(Plural.count(report.unitsWithOtherVariants, "unit")) (a TSV line holds one pair; export TMX to keep them): \(counts(report.otherVariantLanguages))")
        }
        if report.unitsWithPropertiesOrNotes > 0 {
            lines.append("left out: the props or notes of \(Plural.count(report.unitsWithPropertiesOrNotes, "unit")) (TSV holds only the texts; export TMX to keep them)")
        }
        return lines
    }

    /// The unit with its source and target variants first, spelt as asked; nil when it lacks one.
    /// A variant whose tag is the one asked for (`en-GB`) wins over one of the same language
    /// (`en-US`), so regional variants export as themselves; variants not chosen keep their own
    /// code, and no two variants ever carry the same one.
    static func rewrite(_ unit: TranslationUnit, source: LanguageCode, target: LanguageCode) -> TranslationUnit? {
        func pick(_ code: LanguageCode, excluding: Int?) -> Int? {
            let exact = code.normalized.lowercased()
            let candidates = unit.variants.indices.filter { $0 != excluding }
            return candidates.first { LanguageCode(unit.variants[$0].language).normalized.lowercased() == exact }
                ?? candidates.first { unit.variants[$0].languageCode.matches(code) }
        }
        guard let sourceIndex = pick(source, excluding: nil), let targetIndex = pick(target, excluding: sourceIndex) else { return nil }
        var unit = unit
        var sourceVariant = unit.variants[sourceIndex]
        var targetVariant = unit.variants[targetIndex]
        sourceVariant.language = source.raw
        targetVariant.language = target.raw
        let labels = Set([source.normalized.lowercased(), target.normalized.lowercased()])
        let others = unit.variants.enumerated().filter { $0.offset != sourceIndex && $0.offset != targetIndex }.map(\.element)
            .filter { !labels.contains(LanguageCode($0.language).normalized.lowercased()) }
        unit.variants = [sourceVariant, targetVariant] + others
        if let declared = unit.attribute("srclang"), declared != "*all*" {
            let code = LanguageCode(declared)
            if code.normalized.lowercased() == source.normalized.lowercased() || (code.matches(source) && !code.matches(target)) {
                unit.setAttribute("srclang", source.raw)
            } else if code.normalized.lowercased() == target.normalized.lowercased() || code.matches(target) {
                unit.setAttribute("srclang", target.raw)
            }
        }
        return unit
    }
}
