import ArgumentParser
import Foundation
import TranslationMemory

extension TermStatus: ExpressibleByArgument {}

struct GlossaryAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an entry to a glossary file (Glossaries/glossary.tsv unless --glossary names a file).",
        discussion: """
        An entry already present is refused; a different translation of a known source term is refused unless \
        --allow-conflict. Every field is kept: a TSV glossary gets named columns after OmegaT's three (a \
        '# tm glossary columns:' line), a CSV one must have a column for each field given, a TBX one is rewritten.
        """
    )

    @Argument(help: "The Indonesian term.") var source: String
    @Argument(help: "The English rendering.") var target: String
    @Option(help: "A note for translators.") var note: String?
    @Option(name: .customLong("pos"), help: "Part of speech (noun, verb, adjective, adverb, other).") var partOfSpeech: String?
    @Option(help: "Subject field (politics, health, …).") var domain: String?
    @Option(name: .customLong("alternative"), help: "Another acceptable English rendering (repeatable).") var alternatives: [String] = []
    @Option(name: .customLong("forbidden"), help: "An English rendering not to use (repeatable).") var forbidden: [String] = []
    @Option(help: "The target's status: preferred (default) or admitted.") var status = TermStatus.preferred
    @Flag(help: "Add even if the source term already has another translation.") var allowConflict = false
    @OptionGroup var glossary: GlossaryOptions

    func validate() throws {
        if source.trimmingCharacters(in: .whitespaces).isEmpty || target.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("SOURCE and TARGET must not be empty")
        }
        if (source + target).contains(where: { $0 == "\t" || $0 == "\n" }) {
            throw ValidationError("SOURCE and TARGET must be on one line, without tabs")
        }
        if ([note, partOfSpeech, domain].compactMap { $0 } + alternatives + forbidden).contains(where: { !DelimitedText.fitsTSVField($0) }) {
            throw ValidationError("--note, --pos, --domain, --alternative and --forbidden must be on one line, without tabs")
        }
        if status.isForbidden { throw ValidationError("--status is preferred or admitted; a rendering not to use goes in --forbidden") }
    }

    func run() throws {
        let destination = glossary.writableFile
        let lock = try GlossaryFile.lock(destination)
        defer { withExtendedLifetime(lock) {} }
        let existing = try glossary.loadWithDestination()
        let entry = GlossaryEntry(source: source.trimmingCharacters(in: .whitespaces), target: target.trimmingCharacters(in: .whitespaces),
                                  alternativeTargets: alternatives, forbiddenTargets: forbidden, note: note, partOfSpeech: partOfSpeech,
                                  domain: domain, targetStatus: status,
                                  origin: GlossaryEntryOrigin(path: "command line", line: 0))
        let plan = GlossaryMerge.plan(incoming: [entry], existing: existing.entries, allowConflicts: allowConflict)
        if let duplicate = plan.duplicates.first {
            Output.error("tm: \(duplicate.message)")
            throw ExitCode.failure
        }
        if let conflict = plan.conflicts.first {
            Output.error("tm: \(conflict.message)" + (allowConflict ? " (added anyway)" : "; use --allow-conflict to add it anyway"))
            if !allowConflict { throw ExitCode.failure }
        }
        var clean = entry
        clean.origin = nil
        try GlossaryFile.append([clean], to: destination)
        print("added to \(destination): \(entry.source) → \(entry.target)")
    }
}
