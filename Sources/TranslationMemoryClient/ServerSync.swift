import Foundation
import TranslationMemory

/// `tm push` and `tm pull`: a translator's local memory (a folder of TMX files or one file) and
/// the team server's memory brought together. Both ways go through the ordinary import, which
/// drops units the other side already holds, so pushing or pulling twice adds nothing, and a
/// push then a pull gives back what was pushed.
public enum ServerSync {
    /// What a push sent and what the server kept.
    public struct PushReport: Sendable, Codable {
        /// One server import per local TMX file, as the server reported it.
        public var files: [ImportReport] = []
        public var unitsRead = 0
        public var added = 0
        public var duplicates = 0
        public var skipped: [SkippedUnit] = []
    }

    /// Sends every TMX file of `store` to the server as it is (each byte, header and props, so
    /// nothing is lost on the way), one server run per file.
    ///
    /// - Complexity: one request per file; each file is read into memory to be sent.
    public static func push(_ store: TranslationMemoryStore, to server: ServerClient) throws -> PushReport {
        try store.checkExists()
        var report = PushReport()
        for file in try store.tmxFiles() {
            var answer = try server.importFile(file)
            // The server names its own upload; the user knows the file by its local name.
            for index in answer.files.indices { answer.files[index].path = file }
            report.files.append(answer)
            report.unitsRead += answer.unitsRead
            report.added += answer.added
            report.duplicates += answer.duplicates
            report.skipped += answer.skipped
        }
        return report
    }

    /// Downloads the server's memory (`src`/`tgt` as `tm export` takes them) and imports it into
    /// `store` as one local run (`tm undo` takes a pull back). The download goes to a private
    /// temporary folder, removed after.
    public static func pull(into store: TranslationMemoryStore, from server: ServerClient,
                            sourceLanguage: String = "id-ID", targetLanguage: String = "en-US",
                            progress: ((ReadProgress) -> Void)? = nil) throws -> ImportReport {
        let host = server.base.host ?? "server"
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("tm-pull-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let download = scratch.appendingPathComponent("pull-\(host).tmx").path
        try server.export(to: download, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, level: .markup)
        var report = try MemoryImporter.importFiles([download], into: store, progress: progress)
        for index in report.files.indices { report.files[index].path = server.base.absoluteString }
        return report
    }
}
