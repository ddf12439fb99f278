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

    /// Reads the whole memory once, streaming.
    public static func compute(_ store: TranslationMemoryStore) throws -> MemoryStatistics {
        var statistics = MemoryStatistics(path: store.path)
        var currentFile = ""
        for file in try store.tmxFiles() {
            let reader = try TMXReader(path: file)
            var count = 0
            currentFile = file
            while let unit = try reader.next() {
                count += 1
                statistics.add(unit)
            }
            statistics.files.append(FileStatistics(path: currentFile, units: count, skipped: reader.skipped.count))
            statistics.skipped += reader.skipped
        }
        return statistics
    }

    mutating func add(_ unit: TranslationUnit) {
        units += 1
        var languages: [String] = []
        for variant in unit.variants {
            languageCodes[variant.language, default: 0] += 1
            let primary = variant.languageCode.primary
            if !languages.contains(primary) { languages.append(primary) }
        }
        languages.sort()
        languageSets[languages.joined(separator: "+"), default: 0] += 1
        switch (languages.contains("id"), languages.contains("en")) {
        case (true, true): indonesianEnglishUnits += 1
        case (false, false): otherLanguagesOnly += 1
        default: oneSideMissing += 1
        }
        if let creator = unit.attribute("creationid") { creators[creator, default: 0] += 1 }
        for date in [unit.creationDate, unit.changeDate].compactMap({ $0 }) {
            if earliest == nil || date < earliest! { earliest = date }
            if latest == nil || date > latest! { latest = date }
        }
    }
}
