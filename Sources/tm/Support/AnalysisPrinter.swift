import Foundation
import TranslationMemory

/// The text and CSV forms of `tm analyze`.
enum AnalysisPrinter {
    static func printText(_ report: AnalysisReport) {
        var out = ""
        if report.files.count > 1 {
            for file in report.files {
                out += file.path + "\n" + table(file.bands, total: file.total, credits: file.credits) + "\n"
            }
            out += "All \(report.files.count) files\n"
        }
        out += table(report.bands, total: report.total, credits: report.credits)
        print(out, terminator: "")
    }

    static func table(_ bands: [AnalysisBand], total: JobCount, credits: JobCount?) -> String {
        let header = ["band", "segments", "words", "characters", "with spaces", "% words"]
        var rows = bands.map { [$0.band] + numbers($0.count, total: total) }
        rows.append(["total"] + numbers(total, total: total))
        if let credits, credits.segments > 0 { rows.append(["credits (apart)"] + numbers(credits, total: nil)) }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max()! }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ") + "\n"
        }
        return ([header] + rows).map(line).joined()
    }

    private static func numbers(_ count: JobCount, total: JobCount?) -> [String] {
        let percent = total.map { $0.words == 0 ? "0.0" : String(format: "%.1f", Double(count.words) * 100 / Double($0.words)) } ?? ""
        return [String(count.segments), String(count.words), String(count.characters), String(count.charactersWithSpaces), percent]
    }

    static func printCSV(_ report: AnalysisReport) {
        var out = "file,band,segments,words,characters,charactersWithSpaces\n"
        func rows(_ file: String, _ bands: [AnalysisBand], _ total: JobCount, _ credits: JobCount?) {
            let name = DelimitedText.csvField(file)
            for band in bands { out += "\(name),\(band.band),\(band.segments),\(band.words),\(band.characters),\(band.charactersWithSpaces)\n" }
            out += "\(name),total,\(total.segments),\(total.words),\(total.characters),\(total.charactersWithSpaces)\n"
            if let credits { out += "\(name),credits,\(credits.segments),\(credits.words),\(credits.characters),\(credits.charactersWithSpaces)\n" }
        }
        for file in report.files { rows(file.path, file.bands, file.total, file.credits) }
        rows("*", report.bands, report.total, report.credits)
        print(out, terminator: "")
    }
}
