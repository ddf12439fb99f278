import Foundation
import TranslationMemory

/// `POST /v1/import`: the body is read and checked by the library's importer exactly as
/// `tm import` reads a file (into a private, empty folder memory, which drops the duplicates
/// within the body and stamps the run), then its units go to the database in one transaction,
/// which drops those whose texts the database already holds. The report is `tm import --json`'s.
enum SharedImport {
    /// The formats a request may send, by its Content-Type.
    enum BodyFormat: String {
        case tmx, tsv, csv

        init?(contentType: String?) {
            let type = (contentType ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            switch type {
            case "application/xml", "text/xml", "application/x-tmx+xml": self = .tmx
            case "text/tab-separated-values": self = .tsv
            case "text/csv": self = .csv
            default: return nil
            }
        }
    }

    /// What the library's importer made of a body, before the database saw it.
    struct Prepared: Sendable {
        var report: ImportReport
        var run: MemoryRun?
        var units: [SharedMemoryDatabase.StoredUnit]
    }

    /// Reads `body` as a file called `name` (its name shows in the report and in messages).
    /// Blocking: call off the server's event loops.
    static func prepare(_ body: Data, format: BodyFormat, name: String, user: String, date: Date = Date()) throws -> Prepared {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-import-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/memory", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let safeName = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "-" }.prefix(80))
        var base = safeName.isEmpty ? "body" : safeName
        if !base.lowercased().hasSuffix("." + format.rawValue) { base += "." + format.rawValue }
        let file = folder + "/" + base
        try body.write(to: URL(fileURLWithPath: file))
        let store = TranslationMemoryStore(path: folder + "/memory")
        var report: ImportReport
        do {
            report = try MemoryImporter.importFiles([file], into: store, creator: user, date: date, user: user)
        } catch let error as TMError {
            throw RequestError.badRequest(error.description.replacingOccurrences(of: file, with: name))
        }
        for index in report.files.indices { report.files[index].path = name }
        for index in report.skipped.indices { report.skipped[index].path = name }
        var units: [SharedMemoryDatabase.StoredUnit] = []
        var run: MemoryRun?
        if let written = report.writtenTo {
            let texts = try TMXUnitText.units(ofFile: written)
            let reader = try TMXReader(path: written)
            var position = 0
            while let unit = try reader.next() {
                guard position < texts.count else { break }
                let pair = (unit.variant(for: .indonesian)?.segment.plainText ?? "", unit.variant(for: .english)?.segment.plainText ?? "")
                units.append(.init(unitKey: UnitKey(unit).hex, wholeKey: UnitKey(wholeUnit: unit).hex, source: pair.0, target: pair.1,
                                   xml: texts[position].xml, creator: unit.attribute("creationid") ?? "",
                                   creationDate: unit.attribute("creationdate") ?? ""))
                position += 1
            }
            guard units.count == texts.count, reader.skipped.isEmpty else {
                throw ServerError.database("the units written for \(name) did not read back whole (\(units.count) read, \(texts.count) found)")
            }
            run = try store.runs().first
            run?.files = [name]
        }
        report.writtenTo = nil
        return Prepared(report: report, run: run, units: units)
    }

    /// Stores what `prepare` read and finishes the report: units the database already held are
    /// counted as duplicates, and without a new unit there is no run.
    static func store(_ prepared: Prepared, in database: SharedMemoryDatabase) async throws -> ImportReport {
        var report = prepared.report
        guard var run = prepared.run, !prepared.units.isEmpty else {
            report.run = nil
            return report
        }
        let added = try await database.store(prepared.units, run: run, importedFrom: report.files.first?.path ?? "")
        let alreadyStored = prepared.units.count - added
        run.units = added
        report.added -= alreadyStored
        report.duplicates += alreadyStored
        if !report.files.isEmpty {
            report.files[0].added -= alreadyStored
            report.files[0].duplicates += alreadyStored
        }
        report.run = added > 0 ? run.id : nil
        return report
    }
}

/// A request the server refuses, with the status and message it answers.
enum RequestError: Error, CustomStringConvertible {
    case badRequest(String)
    case unauthorized(String)
    case forbidden(String)
    case notFound(String)
    case tooLarge(String)
    case unsupportedMediaType(String)

    var description: String {
        switch self {
        case .badRequest(let m), .unauthorized(let m), .forbidden(let m), .notFound(let m), .tooLarge(let m), .unsupportedMediaType(let m): return m
        }
    }

    var status: Int {
        switch self {
        case .badRequest: return 400
        case .unauthorized: return 401
        case .forbidden: return 403
        case .notFound: return 404
        case .tooLarge: return 413
        case .unsupportedMediaType: return 415
        }
    }
}
