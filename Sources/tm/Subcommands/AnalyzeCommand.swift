import ArgumentParser
import Foundation
import TranslationMemory

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Count how much of new articles the memory already translates: segments, words and characters per match band.",
        discussion: """
        Each article is segmented as tm segment does (title, dateline, body sentences; the credit \
        lines are counted apart) and each segment scored against the memory. Bands: repetitions (a \
        later occurrence of a segment seen earlier in the job), 100, 95-99, 85-94, 75-84, 50-74, \
        no-match. Words are counted as Trados counts them (a number, date, time or amount of money is \
        one word; inline codes are not counted); characters without spaces, charactersWithSpaces with. \
        --profile omegat uses OmegaT 3.6's bands (repetitions, exact, 95-100, 85-94, 75-84, 50-74, \
        no-match) and word count, and counts the credit lines as segments, as OmegaT does. --format \
        xml writes the shape of Trados' analysis report.
        """
    )

    @Argument(help: ArgumentHelp("The Indonesian articles (UTF-8 or UTF-16 text).", valueName: "file"))
    var files: [String]

    @OptionGroup var memory: MemoryOptions

    @Option(help: "Whose bands and word count: trados or omegat.")
    var profile: AnalysisProfile = .trados

    @OptionGroup var output: OutputOptions<AnalysisFormat>

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name the articles to analyse.") }
    }

    func run() throws {
        let job = try JobLoader.prepare(files, memory: memory, minimum: 50, glossary: nil, quiet: output.isJSON)
        let report = AnalysisReport(job: job, profile: profile)
        switch output.format {
        case .json: try Output.printJSON(report)
        case .xml: try report.writeXML(to: 1)
        case .csv: AnalysisPrinter.printCSV(report)
        case .text: AnalysisPrinter.printText(report)
        }
    }
}

extension AnalysisProfile: ExpressibleByArgument {}

enum AnalysisFormat: String, OutputFormat {
    case text, json, csv, xml
    static let formatHelp = "Output: text, json, csv or xml (Trados' analysis report)."
}
