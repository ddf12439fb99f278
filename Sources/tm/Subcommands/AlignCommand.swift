import ArgumentParser
import Foundation
import TranslationMemory

struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align an Indonesian article with its English translation into sentence pairs, and store them in the memory.",
        discussion: """
        Both files are split into sentences (or, with --presegmented, read one segment a line with <p> lines \
        between paragraphs, as hunalign reads). Credit lines and datelines are not aligned: they give the \
        stored units their provenance (translator, editor, source). Pairs at or above --min-confidence are \
        added to the memory unless --dry-run; pairs already in the memory are not added again. The memory's \
        units (when there are any) also teach the aligner word pairs and the length ratio, and the glossary's \
        one-word terms count as translations.

        A pair's confidence weighs the evidence that its words translate each other (lexicon, memory, glossary, \
        numbers, names) against chance and against its neighbours: a pair whose words do not translate each \
        other stays under 0.5. When too few pairs show such evidence, the files do not look like translations of \
        each other: every pair is given confidence 0, nothing is stored and tm align exits 2 (--force stores the \
        pairs at or above --min-confidence anyway). Files given the wrong way round are aligned the right way \
        (with a note); two files in one language are refused. \
        --review writes a page on which the translator unticks wrong pairs, merges or splits rows and \
        saves the decisions; --apply stores the pairs so chosen, once both files are checked to be the \
        ones reviewed.
        """
    )

    @Argument(help: ArgumentHelp("The Indonesian text.", valueName: "id-file"))
    var indonesianFile: String?

    @Argument(help: ArgumentHelp("The English text.", valueName: "en-file"))
    var englishFile: String?

    @OptionGroup var memory: MemoryOptions

    @OptionGroup var glossary: GlossaryOptions

    @Flag(help: "Print the pairs but do not store them.")
    var dryRun = false

    @Flag(help: "Store the pairs at or above --min-confidence even when the two files do not look like translations of each other.")
    var force = false

    @Option(help: ArgumentHelp("Store only pairs at least this confident (0–1).", valueName: "confidence"))
    var minConfidence: Double = 0.5

    @OptionGroup var output: OutputOptions<AlignmentFormat>

    @Option(help: ArgumentHelp("Also write a side-by-side review page (self-contained HTML).", valueName: "file.html"))
    var review: String?

    @Option(help: ArgumentHelp("Store the pairs chosen on a review page (its saved decisions) instead of aligning.", valueName: "decisions.json"))
    var apply: String?

    @Flag(help: "The files are already split: one segment a line, <p> lines between paragraphs.")
    var presegmented = false

    @Option(help: .hidden)
    var parameters: String?

    func validate() throws {
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1.") }
        try validateFiles()
    }

    /// Two files to align, or none with --apply (the decisions name theirs).
    private func validateFiles() throws {
        if apply != nil {
            guard indonesianFile == nil else { throw ValidationError("--apply takes no files: the decisions name the files they were made on.") }
            guard review == nil, !presegmented else { throw ValidationError("--apply does not align: --review and --presegmented do not apply.") }
        } else {
            guard indonesianFile != nil else { throw ValidationError("Missing expected argument '<id-file>' (or --apply <decisions.json>)") }
            guard englishFile != nil else { throw ValidationError("Missing expected argument '<en-file>'") }
        }
    }

    func run() throws {
        if let apply { return try applyDecisions(apply) }
        let (indonesianFile, englishFile) = (self.indonesianFile!, self.englishFile!)
        var lexicon = try AlignmentLexicon.shipped()
        // One-word glossary terms are lexical evidence too (Kemenlu → Foreign Ministry).
        lexicon.add(glossary: try glossary.load(report: false))
        // The files' text decides which is which: swapped files are aligned the right way round.
        let presegmented = self.presegmented
        let (indonesian, english, swapped) = try AlignmentLanguageCheck.load(
            indonesianPath: indonesianFile, englishPath: englishFile, lexicon: lexicon
        ) { path, language in
            presegmented ? try AlignmentDocument.presegmented(path: path) : try AlignmentDocument.segmented(path: path, language: language)
        }
        if swapped { Output.error("note: \(AlignmentLanguageCheck.swappedNote(indonesian: indonesian, english: english))") }
        var settings = AlignmentParameters()
        if let parameters {
            // For experiments: a JSON object overriding some of the aligner's parameters.
            do {
                settings = try AlignmentParameters.overriding(settings, with: Data(parameters.utf8))
            } catch {
                throw ValidationError("--parameters: \(error.localizedDescription)")
            }
        }
        let session = AlignmentSession(indonesian: indonesian, english: english, lexicon: lexicon,
                                       store: memory.store, parameters: settings)
        let reading = ProgressBar("reading the memory", when: !output.isJSON)
        let bar = ProgressBar("aligning", when: !output.isJSON && indonesian.sentenceCount + english.sentenceCount > 2000)
        let progress: (@Sendable (Double) -> Void)? = bar.isShown ? { @Sendable fraction in bar.draw(fraction) } : nil
        let outcome = try session.run(minimumConfidence: minConfidence, store: !dryRun, force: force, reading: reading.reporter, progress: progress)
        reading.finish()
        bar.finish()
        if let review {
            try AlignmentReviewPage.write(outcome.result, indonesian: indonesian, english: english, minimumConfidence: minConfidence, to: review)
        }
        try AlignPrinter(format: output.format, colours: .forStdout, dryRun: dryRun, minimumConfidence: minConfidence).print(outcome)
        let verdict = outcome.report.verdict
        if outcome.report.rejected {
            Output.error("\(dryRun ? "would not store" : "not stored"): \(verdict.explanation); every pair is given confidence 0 (--force stores them anyway)")
        } else if !verdict.looksTranslated {
            Output.error("warning: \(verdict.explanation); storing anyway (--force)")
        }
        if outcome.report.tooLong > 0 {
            Output.error("skipped: \(Plural.count(outcome.report.tooLong, "pair")) with a text over \(TMXWriter.maximumTextBytes) bytes, which no TMX reader could read back; not stored")
            throw Output.finishedWithProblems
        }
        if outcome.report.rejected { throw Output.finishedWithProblems }
    }

    /// `--apply`: stores the chosen pairs, printed as an alignment's are.
    private func applyDecisions(_ path: String) throws {
        let decisions = try AlignmentDecisions.read(path: path)
        let report = try AlignmentSession(decisions: decisions, store: memory.store).apply(decisions, store: !dryRun)
        try AlignPrinter(format: output.format, colours: .forStdout, dryRun: dryRun, minimumConfidence: decisions.minimumConfidence)
            .print(pairs: report.pairs, report: report)
    }
}
