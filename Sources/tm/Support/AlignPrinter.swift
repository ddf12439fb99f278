import Foundation
import TranslationMemory

/// Prints `tm align`'s pairs and what was stored, in the format asked for.
struct AlignPrinter {
    let format: AlignmentFormat
    let colours: Colours
    let dryRun: Bool
    let minimumConfidence: Double

    func print(_ outcome: AlignmentOutcome) throws {
        switch format {
        case .tsv:
            FileHandle.standardOutput.write(Data(AlignmentFormat.tsv(outcome.pairs).utf8))
            // stdout is for the pairs: the summary goes to stderr.
            if !dryRun { Output.error(summary(outcome.report)) }
        case .text:
            FileHandle.standardOutput.write(Data(AlignmentFormat.text(outcome.pairs, header: header).utf8))
            if !dryRun {
                Swift.print(summary(outcome.report))
                if let file = outcome.report.writtenTo { Swift.print("written to \(file)") }
                if let run = outcome.report.run { Swift.print("run \(run) (tm undo \(run) takes it back)") }
            }
        case .json:
            try Output.printJSON(outcome.report)
        }
    }

    /// Green from 0.9, yellow from 0.5, red below.
    private func header(_ pair: AlignedPair, _ text: String) -> String {
        colours.paint(text, pair.confidence >= 0.9 ? .green : pair.confidence >= 0.5 ? .yellow : .red)
    }

    private func summary(_ report: AlignmentReport) -> String {
        "\(Plural.count(report.stored, "pair")) stored, \(report.alreadyStored) already in the memory, \(report.belowThreshold) below \(minimumConfidence)"
    }
}
