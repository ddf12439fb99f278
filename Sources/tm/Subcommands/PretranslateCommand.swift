import ArgumentParser
import Foundation
import TranslationMemory

struct PretranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pretranslate",
        abstract: "Prepare a new article for translation with the memory's matches already in: XLIFF, an OmegaT project, an English draft.",
        discussion: """
        The article is segmented as tm segment does and each segment looked up. --omegat DIR writes \
        an OmegaT project (omegat.project, source/ with the article, tm/auto/ with the exact matches, \
        which OmegaT inserts, tm/ with the fuzzy matches at or above --min, glossary/ with the \
        article's glossary terms, tm's segmentation rules in omegat/). --out FILE.xlf writes XLIFF 1.2 \
        (strict schema): one trans-unit per segment (credits and the dateline marked \
        restype="x-credit" / "x-dateline"), the best match at or above --min as the target \
        (state needs-review-translation: tm import takes it only once a translator confirms it), \
        every match at or above --min as an alt-trans with match-quality and origin, the glossary \
        terms as notes. --draft FILE writes the \
        English article: matches at or above --min inserted (fuzzy ones marked [87%]), the rest \
        left in Indonesian and marked [ID]. The outputs combine in one run.
        """
    )

    @Argument(help: ArgumentHelp("The Indonesian article (UTF-8 or UTF-16 text).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Write an OmegaT project into this new (or empty) folder.", valueName: "dir"))
    var omegat: String?

    @Option(help: ArgumentHelp("Write the English draft to this file.", valueName: "file"))
    var draft: String?

    @Option(help: ArgumentHelp("Write the pre-translation as XLIFF 1.2 to this file.", valueName: "file.xlf"))
    var out: String?

    @OptionGroup var memory: MemoryOptions

    @OptionGroup var glossary: GlossaryOptions

    @Option(name: .customLong("min"), help: "The lowest score of a match put in, 1–100.")
    var minimum: Double = 75

    func validate() throws {
        if omegat == nil && draft == nil && out == nil { throw ValidationError("Give --omegat DIR, --draft FILE or --out FILE.xlf.") }
        guard minimum >= 1 && minimum <= 100 else { throw ValidationError("--min must be between 1 and 100") }
    }

    func run() throws {
        let terms = try glossary.load(report: false)
        let matcher = try terms.entries.isEmpty ? nil : GlossaryMatcher(glossary: terms)
        let job = try JobLoader.prepare([file], memory: memory, minimum: minimum, glossary: matcher, quiet: false)
        if let omegat {
            let summary = try OmegaTProject.write(job, to: omegat, minimum: minimum, rules: SentenceSegmenter(language: .indonesian).rules)
            print("\(omegat): OmegaT project with \(Plural.count(summary.exact, "exact match", plural: "exact matches")) in tm/auto, "
                  + "\(Plural.count(summary.fuzzy, "fuzzy match", plural: "fuzzy matches")) in tm, \(Plural.count(summary.terms, "glossary term"))")
        }
        if let out {
            let summary = try XLIFFPretranslation.write(job.files[0].pretranslationSegments,
                                                        job: XLIFFPretranslation.Job(original: URL(fileURLWithPath: file).lastPathComponent,
                                                                                     threshold: Int(minimum.rounded(.up))), to: out)
            print("\(out): XLIFF 1.2 with \(Plural.count(summary.units, "unit")): \(summary.exact) exact, \(summary.fuzzy) fuzzy, "
                  + "\(summary.glossaryOnly) from the glossary only, \(summary.untranslated) untranslated")
        }
        if let draft {
            try AtomicFile.write(Data(JobDraft.render(job.files[0], minimum: minimum).utf8), to: draft)
            let segments = job.segments.filter { $0.kind != .credit }
            let inserted = segments.filter { Double($0.score) >= minimum }.count
            print("\(draft): \(inserted) of \(Plural.count(segments.count, "segment")) translated from the memory (≥ \(Int(minimum))%), the rest marked [ID]")
        }
    }
}
