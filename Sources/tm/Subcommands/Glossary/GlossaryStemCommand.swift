import ArgumentParser
import Foundation
import TranslationMemory

extension IndonesianStemMode: ExpressibleByArgument {}

struct GlossaryStemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stem",
        abstract: "Show how the Indonesian stemmer reduces words (the words given, else one per line on stdin).",
        discussion: "Prints word<TAB>stem<TAB>form. Useful to see why a glossary term matched or did not."
    )

    @Option(help: "inflectional (default: particles, possessives, reduplication) or derivational (affixes, to the root).")
    var mode = IndonesianStemMode.inflectional
    @Argument(help: "Words to stem.") var words: [String] = []

    func run() throws {
        let stemmer = try IndonesianStemmer.shared
        func show(_ word: String) {
            let analysis = stemmer.analyse(word, mode: mode)
            print("\(word)\t\(analysis.stem)\t\(analysis.formDescription)")
        }
        if !words.isEmpty {
            words.forEach(show)
            return
        }
        while let line = readLine() {
            let word = line.trimmingCharacters(in: .whitespaces)
            if !word.isEmpty { show(word) }
        }
    }
}
