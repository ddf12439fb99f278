import ArgumentParser
import Foundation
import TranslationMemory
import TranslationMemoryClient

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count the memory's units, language pairs, files, dates and creators."
    )

    @OptionGroup var memory: MemoryOptions

    @OptionGroup var remote: ServerOptions

    @OptionGroup var output: OutputOptions<ReportFormat>

    func validate() throws {
        try remote.validate(against: memory)
    }

    func run() throws {
        if let server = try remote.client() {
            try show(server.statistics())
            return
        }
        let store = memory.store
        if !FileManager.default.fileExists(atPath: store.path) {
            throw TMError(.noSuchMemory, path: store.path)
        }
        let bar = ProgressBar("reading", when: !output.isJSON)
        let statistics = try MemoryStatistics.compute(store, progress: bar.reporter)
        bar.finish()
        try show(statistics)
    }

    private func show(_ statistics: MemoryStatistics) throws {
        if output.isJSON {
            try Output.printJSON(statistics)
        } else {
            print("memory: \(statistics.path)")
            print("files: \(statistics.files.count)")
            for file in statistics.files { print("  \(file.path): \(Plural.count(file.units, "unit"))" + (file.skipped > 0 ? ", \(file.skipped) skipped" : "")) }
            print("units: \(statistics.units)")
            print("  Indonesian–English: \(statistics.indonesianEnglishUnits)")
            print("  one side missing: \(statistics.oneSideMissing)")
            print("  other languages only: \(statistics.otherLanguagesOnly)")
            print("language sets: " + statistics.languageSets.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            print("language codes: " + statistics.languageCodes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            if let earliest = statistics.earliest, let latest = statistics.latest {
                print("dates: \(TMXDate.format(earliest)) – \(TMXDate.format(latest))")
            }
            if !statistics.creators.isEmpty {
                print("creators: " + statistics.creators.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(20).map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            }
        }
        Output.reportSkipped(statistics.skipped)
        if !statistics.skipped.isEmpty { throw Output.finishedWithProblems }
    }
}
