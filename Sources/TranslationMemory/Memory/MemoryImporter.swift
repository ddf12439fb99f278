import Foundation

/// What one `tm import` did, file by file.
public struct ImportReport: Sendable, Codable {
    public struct FileReport: Sendable, Codable {
        public var path: String
        public var format: String
        public var unitsRead: Int
        public var added: Int
        public var duplicates: Int
        public var skipped: Int
        /// XLIFF units whose target nobody confirmed (no `translated`/`final`/`signed-off` state,
        /// no `approved="yes"`): left out. Nil for other formats.
        public var unconfirmed: Int?
    }

    public var files: [FileReport] = []
    public var unitsRead = 0
    public var added = 0
    public var duplicates = 0
    public var skipped: [SkippedUnit] = []
    /// The TMX file the new units went to (nil when nothing was new).
    public var writtenTo: String?
    /// The run that stored them (`tm undo` takes it back); nil when nothing was new.
    public var run: String?

    public init() {}
}

/// Imports TMX (any flavour `TMXReader` reads), XLIFF 1.2 (the units a translator confirmed) and
/// two-column TSV/CSV files into a memory.
///
/// All inputs are read and checked before anything is written: a malformed file aborts the import
/// with the memory untouched. Language codes are normalised (`IN` → `id`, `en_us` → `en-US`); units
/// whose texts already stand in the memory (same language/text pairs) are dropped; everything else
/// of a unit (attributes, props, notes, markup) is kept.
public enum MemoryImporter {
    /// The import is one run (`user` is recorded with it; `creator` is the `creationid` of TSV/CSV
    /// units). `progress` hears how far the reads are: the memory's files, then the inputs.
    ///
    /// - Complexity: O(size of the memory + size of the inputs · 2) time (the inputs are read
    ///   twice: once to find the duplicates, once to write); memory flat whatever the sizes: the
    ///   duplicate keys are sorted on disk (`DuplicateSieve`) and the inputs stream into the new file.
    public static func importFiles(_ paths: [String], into store: TranslationMemoryStore, creator: String = MemoryImporter.defaultCreator(),
                                   date: Date = Date(), user: String = MemoryRun.currentUser(),
                                   progress: ((ReadProgress) -> Void)? = nil) throws -> ImportReport {
        var report = ImportReport()
        let formats = try paths.map(detectFormat)
        let lock = try store.lock()
        defer { withExtendedLifetime(lock) {} }
        // Sieve 0: the units' texts against the memory's. Sieve 1: within the files imported now,
        // only a unit repeated whole (same tuid, props, texts) is a duplicate: two units with the
        // same texts but their own context are both kept, as the CAT tool that wrote them kept them.
        let sieve = DuplicateSieve(kinds: [false, true])
        let memoryFiles = try store.tmxFiles()
        let tally = ReadProgressTally(files: memoryFiles + paths, report: progress)
        try TranslationMemoryStore.forEachUnit(in: memoryFiles, tally: tally) { unit, _ in try sieve.addReference(UnitKey(unit), kind: 0) }
        let name = paths.count == 1 ? "import-" + URL(fileURLWithPath: paths[0]).deletingPathExtension().lastPathComponent : "import"
        // A TSV or CSV file's units are tm's own: plain text, under tm's header.
        let sourceHeaders = try zip(paths, formats).map { path, format in
            if format == "tmx" { return try TMXReader(path: path).header }
            // An XLIFF file is opened now so that XLIFF 2 or a file that is no XLIFF stops the import.
            if format == "xliff" { _ = try XLIFFReader(path: path) }
            return TMXWriter.standardHeader(date: date)
        }
        let header = header(merging: sourceHeaders, formats: formats, date: date)
        let target = try store.headerOfNewUnits(header)
        let run = MemoryRun(command: "import", files: paths, user: user, date: date)
        /// Every unit of the inputs as offered for import, in order, with its line; the
        /// per-file counts of what is not offered go to `file` (read twice, counted once).
        func forEachInputUnit(counting: Bool, _ offer: (Int, TranslationUnit, Int) throws -> Void) throws {
            for (index, (path, format)) in zip(paths, formats).enumerated() {
                var file = ImportReport.FileReport(path: path, format: format, unitsRead: 0, added: 0, duplicates: 0, skipped: 0)
                var refused: [SkippedUnit] = []
                var carried = sourceHeaders[index].dataAttributes(missingFrom: target)
                if format == "tmx" { carried += toolAttributes(of: sourceHeaders[index], missingFrom: target) }
                func consider(_ unit: TranslationUnit, line: Int) throws {
                    let unit = unit.addingDefaults(carried)
                    file.unitsRead += 1
                    if let size = TMXWriter.oversizedText(in: unit) {
                        refused.append(SkippedUnit(path: path, line: line, reason: TMXWriter.oversizedReason(size)))
                    } else {
                        try offer(index, unit, line)
                    }
                }
                var skipped: [SkippedUnit]
                if format == "tmx" {
                    let reader = try TMXReader(path: path)
                    while let unit = try reader.next() {
                        try consider(normalizingLanguages(unit), line: reader.lastUnitLine)
                        if counting { tally?.unitRead(in: path, bytes: reader.bytesRead) }
                    }
                    skipped = reader.skipped
                } else if format == "xliff" {
                    let reader = try XLIFFReader(path: path)
                    var unconfirmed = 0
                    while let unit = try reader.next() {
                        guard let xliffFile = reader.file else { continue }
                        let (converted, problem) = unit.translationUnit(file: xliffFile, translator: xliffFile.translator ?? creator, date: date)
                        if let converted {
                            try consider(normalizingLanguages(converted), line: reader.lastUnitLine)
                        } else {
                            file.unitsRead += 1
                            if let problem { refused.append(SkippedUnit(path: path, line: reader.lastUnitLine, reason: problem)) } else { unconfirmed += 1 }
                        }
                        if counting { tally?.unitRead(in: path, bytes: reader.bytesRead) }
                    }
                    file.unconfirmed = unconfirmed
                    skipped = reader.skipped
                } else {
                    skipped = try PairFileReader.forEachUnit(path: path, creator: creator, date: date) { unit in
                        try consider(unit, line: sourceLine(of: unit))
                    }
                }
                guard counting else { continue }
                tally?.finished(path)
                skipped += refused
                file.skipped = skipped.count
                report.skipped += skipped
                report.files.append(file)
                report.unitsRead += file.unitsRead
            }
        }
        // First read: every offered unit's keys into the sieve.
        var sequence = 0
        try forEachInputUnit(counting: false) { _, unit, _ in
            try sieve.add(UnitKey(unit), sequence: sequence, kind: 0)
            try sieve.add(UnitKey(wholeUnit: unit), sequence: sequence, kind: 1)
            sequence += 1
        }
        try sieve.sift()
        // Second read: the units that are no duplicates go to the new file.
        var added = [Int](repeating: 0, count: paths.count), duplicates = [Int](repeating: 0, count: paths.count)
        sequence = 0
        let written = try store.write(name: name, header: header, date: date, run: run) { emit in
            try forEachInputUnit(counting: true) { index, unit, _ in
                defer { sequence += 1 }
                if try sieve.isRejected(sequence) {
                    duplicates[index] += 1
                } else {
                    try emit(unit)
                    added[index] += 1
                }
            }
        }
        for index in report.files.indices {
            report.files[index].added = added[index]
            report.files[index].duplicates = duplicates[index]
            report.added += added[index]
            report.duplicates += duplicates[index]
        }
        report.writtenTo = written?.file
        report.run = written?.run.id
        return report
    }

    /// The header of the new memory file: the first imported TMX file's own (a CAT tool's `ude`
    /// maps, RTF font tables and style props, `datatype`, `o-encoding`, `creationtool`), with the
    /// props, notes and encodings of the other files added and the data attributes they all agree
    /// on; tm's own when only TSV and CSV come in.
    static func header(merging headers: [TMXHeader], formats: [String], date: Date) -> TMXHeader {
        guard let index = formats.firstIndex(of: "tmx") else { return TMXWriter.standardHeader(date: date) }
        var first = headers[index]
        first.version = "1.4"
        return TMXHeader.merging(headers, into: first)
    }

    /// The tool a TMX file names (`creationtool`, `creationtoolversion`) when the header its units
    /// go under names another (a single-file memory's): a `tu` may say it itself.
    static func toolAttributes(of source: TMXHeader, missingFrom target: TMXHeader) -> [XMLAttribute] {
        guard let tool = source.attribute("creationtool"), tool != target.attribute("creationtool") else { return [] }
        return ["creationtool", "creationtoolversion"].compactMap { name in source.attribute(name).map { XMLAttribute(name, $0) } }
    }

    /// The line a TSV/CSV unit came from, as its `x-document` prop (`file.tsv:12`) records it.
    private static func sourceLine(of unit: TranslationUnit) -> Int {
        guard let document = unit.properties.first(where: { $0.type == "x-document" })?.value,
              let colon = document.lastIndex(of: ":") else { return 0 }
        return Int(document[document.index(after: colon)...]) ?? 0
    }

    /// `xliff` for XLIFF files (by name or by a root `<xliff` near the start), `tmx` for other XML
    /// files (by content, so a `.xml` export works too), else `tsv`/`csv`.
    static func detectFormat(_ path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw TMError(.cannotRead(reason: exists ? "permission denied" : "no such file"), path: path)
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 512)) ?? Data()
        let lower = path.lowercased()
        let bytes = [UInt8](head)
        if lower.hasSuffix(".tmx") { return "tmx" }
        if lower.hasSuffix(".xlf") || lower.hasSuffix(".xliff") || XLIFFReader.startsLikeXLIFF(bytes) { return "xliff" }
        if lower.hasSuffix(".xml") { return "tmx" }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if bytes.starts(with: [0xFF, 0xFE, 0x3C, 0x00]) || bytes.starts(with: [0xFE, 0xFF, 0x00, 0x3C]) { return "tmx" }
        if bytes.count > start, bytes[start] == UInt8(ascii: "<") { return "tmx" }
        return lower.hasSuffix(".csv") ? "csv" : "tsv"
    }

    /// The user recorded as `creationid` when a file says nothing: `$TM_USER`, else `$USER`.
    public static func defaultCreator(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        environment["TM_USER"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "tm"
    }

    /// The unit with its language codes in canonical form (`IN` → `id`, `en_us` → `en-US`).
    public static func normalizingLanguages(_ unit: TranslationUnit) -> TranslationUnit {
        var unit = unit
        for index in unit.variants.indices {
            unit.variants[index].language = LanguageCode(unit.variants[index].language).normalized
        }
        if let source = unit.attribute("srclang"), source != "*all*" {
            unit.setAttribute("srclang", LanguageCode(source).normalized)
        }
        return unit
    }
}
