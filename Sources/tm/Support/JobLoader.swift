import Foundation
import TranslationMemory

/// Reads the articles and scores them against the memory: the common start of `tm analyze`
/// and `tm pretranslate`.
enum JobLoader {
    static func prepare(_ files: [String], memory: MemoryOptions, minimum: Double, glossary: GlossaryMatcher?,
                        quiet: Bool) throws -> TranslationJob {
        var articles: [(path: String, text: String)] = []
        for file in files {
            let text = try TextDecoding.readFile(file)
            if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
                throw TMError(.empty(what: "the file holds no text to analyse"), path: file)
            }
            articles.append((file, text))
        }
        let bar = ProgressBar("indexing", when: !quiet)
        let index = try LookupIndex(memory: memory.store, progress: bar.reporter)
        bar.finish()
        for note in index.notes { Output.error("note: \(note)") }
        if !index.skipped.isEmpty { Output.reportSkipped(index.skipped) }
        return try TranslationJob.prepare(articles: articles, index: index, glossary: glossary,
                                          options: JobOptions(minimum: minimum))
    }
}
