import Foundation

/// What `tm stats` reports about a memory.
public struct MemoryStatistics: Sendable, Codable {
    public struct FileStatistics: Sendable, Codable {
        public var path: String
        public var units: Int
        public var skipped: Int
    }

    public var path: String
    public var files: [FileStatistics] = []
    public var units = 0
    /// Units with both an Indonesian and an English variant: the ones `tm` matches and aligns with.
    public var indonesianEnglishUnits = 0
    /// Units with only one of the two (e.g. an Indonesian-only draft).
    public var oneSideMissing = 0
    /// Units with neither (other language pairs of a multilingual memory).
    public var otherLanguagesOnly = 0
    /// Unit counts by language set, e.g. `en+id`, `de+en+id`.
    public var languageSets: [String: Int] = [:]
    /// The variants' language codes as written, with counts (`id-ID`, `in`, `EN-GB`, …).
    public var languageCodes: [String: Int] = [:]
    public var earliest: Date?
    public var latest: Date?
    /// `creationid` values with counts.
    public var creators: [String: Int] = [:]
    public var skipped: [SkippedUnit] = []

    /// Reads the whole memory once, streaming; `progress` hears how far the read is.
    public static func compute(_ store: TranslationMemoryStore, progress: ((ReadProgress) -> Void)? = nil) throws -> MemoryStatistics {
        var statistics = MemoryStatistics(path: store.path)
        var currentFile = ""
        var memo = LanguageMemo()
        let (files, ignored) = try store.scanFiles()
        statistics.skipped = ignored
        let tally = ReadProgressTally(files: files, report: progress)
        for file in files {
            let reader = try TMXReader(path: file)
            var count = 0
            currentFile = file
            while let unit = try reader.next() {
                count += 1
                statistics.add(unit, memo: &memo)
                tally?.unitRead(in: file, bytes: reader.bytesRead)
            }
            tally?.finished(file)
            statistics.files.append(FileStatistics(path: currentFile, units: count, skipped: reader.skipped.count))
            statistics.skipped += reader.skipped
        }
        return statistics
    }

    /// What the last unit's language codes gave. Consecutive units nearly always carry the same
    /// codes, so most units cost a comparison of short strings instead of subtag parsing and a
    /// sort (`tm stats` streams millions of units).
    struct LanguageMemo {
        var codes: [String] = []
        var setKey = ""
        var hasIndonesian = false
        var hasEnglish = false
    }

    mutating func add(_ unit: TranslationUnit, memo: inout LanguageMemo) {
        units += 1
        let same = memo.codes.count == unit.variants.count
            && zip(memo.codes, unit.variants).allSatisfy { $0 == $1.language }
        if !same {
            var languages: [String] = []
            for variant in unit.variants {
                let primary = variant.languageCode.primary
                if !languages.contains(primary) { languages.append(primary) }
            }
            languages.sort()
            memo = LanguageMemo(codes: unit.variants.map(\.language), setKey: languages.joined(separator: "+"),
                                hasIndonesian: languages.contains("id"), hasEnglish: languages.contains("en"))
        }
        for code in memo.codes { languageCodes[code, default: 0] += 1 }
        languageSets[memo.setKey, default: 0] += 1
        switch (memo.hasIndonesian, memo.hasEnglish) {
        case (true, true): indonesianEnglishUnits += 1
        case (false, false): otherLanguagesOnly += 1
        default: oneSideMissing += 1
        }
        if let creator = unit.attribute("creationid") { creators[creator, default: 0] += 1 }
        if let date = unit.creationDate { include(date) }
        if let date = unit.changeDate { include(date) }
    }

    private mutating func include(_ date: Date) {
        if earliest == nil || date < earliest! { earliest = date }
        if latest == nil || date > latest! { latest = date }
    }
}
