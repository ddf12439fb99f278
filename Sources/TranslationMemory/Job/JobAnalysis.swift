import Foundation

/// One band of an analysis: its name (`repetitions`, `100`, `95-99`, …, `no-match`) and counts.
public struct AnalysisBand: Sendable, Codable, Hashable {
    public var band: String
    public var segments: Int
    public var words: Int
    public var characters: Int
    public var charactersWithSpaces: Int

    init(_ band: String, _ count: JobCount) {
        self.band = band
        segments = count.segments
        words = count.words
        characters = count.characters
        charactersWithSpaces = count.charactersWithSpaces
    }

    public var count: JobCount { JobCount(segments: segments, words: words, characters: characters, charactersWithSpaces: charactersWithSpaces) }
}

/// The bands of one file, or of the whole job.
public struct AnalysisTable: Sendable, Codable, Hashable {
    public var bands: [AnalysisBand]
    /// The sum of the bands.
    public var total: JobCount
    /// Credit lines, counted apart (trados profile; absent with omegat, where they are segments).
    public var credits: JobCount?
}

/// A file's analysis.
public struct AnalysisFile: Sendable, Codable, Hashable {
    public var path: String
    public var bands: [AnalysisBand]
    public var total: JobCount
    public var credits: JobCount?
}

/// What `tm analyze` reports: segments, words and characters per match band, for the job and
/// per file. Bands are in a fixed order so that reports line up across runs and tools.
public struct AnalysisReport: Sendable, Codable, Hashable {
    public var profile: AnalysisProfile
    public var bands: [AnalysisBand]
    public var total: JobCount
    public var credits: JobCount?
    public var files: [AnalysisFile]

    /// A band: its name, and the lowest and highest score in it (nil for repetitions and the
    /// exact band, which are not fuzzy).
    public struct BandDefinition: Sendable, Hashable {
        public var name: String
        public var range: ClosedRange<Int>?
    }

    /// The bands of a profile in report order; `repetitions` first, `no-match` last.
    public static func bands(_ profile: AnalysisProfile) -> [BandDefinition] {
        let fuzzy: [(String, ClosedRange<Int>)]
        switch profile {
        case .trados: fuzzy = [("100", 100...100), ("95-99", 95...99), ("85-94", 85...94), ("75-84", 75...84), ("50-74", 50...74)]
        case .omegat: fuzzy = [("exact", 100...100), ("95-100", 95...99), ("85-94", 85...94), ("75-84", 75...84), ("50-74", 50...74)]
        }
        return [BandDefinition(name: "repetitions", range: nil)] + fuzzy.map { BandDefinition(name: $0.0, range: $0.1) }
            + [BandDefinition(name: "no-match", range: nil)]
    }

    /// The band a segment falls in: a repetition, else by its best score.
    public static func band(of segment: JobSegment, profile: AnalysisProfile) -> String {
        let bands = bands(profile)
        if segment.repetitionOf != nil { return bands[0].name }
        return bands.first { $0.range?.contains(segment.score) ?? false }?.name ?? "no-match"
    }

    public init(job: TranslationJob, profile: AnalysisProfile) {
        self.profile = profile
        let names = AnalysisReport.bands(profile).map(\.name)
        var overall = [String: JobCount]()
        var overallCredits = JobCount()
        files = job.files.map { file in
            var counts = [String: JobCount]()
            var credits = JobCount()
            for segment in file.segments {
                let count = profile.count(segment.source)
                if segment.kind == .credit && profile == .trados {
                    credits = credits + count
                } else {
                    let band = AnalysisReport.band(of: segment, profile: profile)
                    counts[band, default: JobCount()] = counts[band, default: JobCount()] + count
                }
            }
            for (band, count) in counts { overall[band, default: JobCount()] = overall[band, default: JobCount()] + count }
            overallCredits = overallCredits + credits
            let table = AnalysisReport.table(counts, names: names, credits: profile == .trados ? credits : nil)
            return AnalysisFile(path: file.path, bands: table.bands, total: table.total, credits: table.credits)
        }
        let table = AnalysisReport.table(overall, names: names, credits: profile == .trados ? overallCredits : nil)
        bands = table.bands
        total = table.total
        credits = table.credits
    }

    private static func table(_ counts: [String: JobCount], names: [String], credits: JobCount?) -> AnalysisTable {
        let bands = names.map { AnalysisBand($0, counts[$0] ?? JobCount()) }
        return AnalysisTable(bands: bands, total: bands.reduce(JobCount()) { $0 + $1.count }, credits: credits)
    }

    /// Writes the report in the shape of Trados Studio's analysis report (`<task name="analyse">`,
    /// a `<file>` per article and `<batchTotal>`, each with an `<analyse>` of `exact`, `repeated`,
    /// `new`, `fuzzy min max` and `total` carrying `segments words characters`), which invoicing
    /// scripts read. Writes to `descriptor`, which stays open.
    public func writeXML(to descriptor: Int32, path: String = "<stdout>") throws {
        let xml = try XMLStreamWriter(appendingTo: descriptor, path: path, encoding: nil)
        try xml.startDocument()
        try xml.startElement("task")
        try xml.attribute("name", "analyse")
        try xml.layout("\n  ")
        try xml.startElement("taskInfo")
        try xml.attribute("taskId", "tm-analyse")
        try xml.attribute("runAt", TMXDate.format(Date()))
        try xml.attribute("runTime", "")
        try xml.layout("\n    ")
        try xml.startElement("settings")
        try xml.attribute("reportCrossFileRepetitions", "yes")
        try xml.attribute("minimumMatchScore", "50")
        try xml.attribute("profile", profile.rawValue)
        try xml.endElement()
        try xml.layout("\n  ")
        try xml.fullEndElement()
        for file in files {
            try xml.layout("\n  ")
            try xml.startElement("file")
            try xml.attribute("name", file.path)
            try writeAnalyse(xml, file.bands, total: file.total, indent: "\n    ")
            try xml.layout("\n  ")
            try xml.fullEndElement()
        }
        try xml.layout("\n  ")
        try xml.startElement("batchTotal")
        try writeAnalyse(xml, bands, total: total, indent: "\n    ")
        try xml.layout("\n  ")
        try xml.fullEndElement()
        try xml.layout("\n")
        try xml.fullEndElement()
        try xml.layout("\n")
        try xml.endDocument()
    }

    private func writeAnalyse(_ xml: XMLStreamWriter, _ bands: [AnalysisBand], total: JobCount, indent: String) throws {
        try xml.layout(indent)
        try xml.startElement("analyse")
        let definitions = AnalysisReport.bands(profile)
        func counts(_ name: String, _ count: JobCount, _ extra: [(String, String)] = []) throws {
            try xml.layout(indent + "  ")
            try xml.startElement(name)
            for (key, value) in extra { try xml.attribute(key, value) }
            try xml.attribute("segments", String(count.segments))
            try xml.attribute("words", String(count.words))
            try xml.attribute("characters", String(count.characters))
            try xml.endElement()
        }
        // The exact band, then repetitions, new, the fuzzy bands from the lowest, the total.
        try counts("exact", bands[1].count)
        try counts("repeated", bands[0].count)
        try counts("new", bands[bands.count - 1].count)
        for index in stride(from: bands.count - 2, through: 2, by: -1) {
            let range = definitions[index].range!
            let upper = profile == .omegat && range.upperBound == 99 ? 100 : range.upperBound
            try counts("fuzzy", bands[index].count, [("min", String(range.lowerBound)), ("max", String(upper))])
        }
        try counts("total", total)
        try xml.layout(indent)
        try xml.fullEndElement()
    }
}
