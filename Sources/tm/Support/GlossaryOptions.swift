import ArgumentParser
import Foundation
import TranslationMemory

/// The `--glossary` option shared by the commands that read or write glossaries.
struct GlossaryOptions: ParsableArguments {
    @Option(name: .customLong("glossary"), help: ArgumentHelp("A glossary file or folder (repeatable; default: $TM_GLOSSARY, else Glossaries/).", valueName: "path"))
    var paths: [String] = []

    var resolved: [String] { GlossaryLocation.resolve(paths) }
    var writableFile: String { GlossaryLocation.writableFile(resolved) }

    /// The glossary, with its duplicates and conflicts reported on stderr.
    func load(report: Bool = true) throws -> Glossary {
        let glossary = try Glossary.load(paths: resolved)
        if report { GlossaryOutput.report(glossary.problems) }
        return glossary
    }

    /// Loads the glossaries plus the file written to (which may lie outside them).
    func loadWithDestination() throws -> Glossary {
        let destination = writableFile
        // The file written to may not exist yet.
        var paths = resolved.filter { $0 != destination || FileManager.default.fileExists(atPath: $0) }
        let alreadyIncluded = try paths.flatMap { try GlossaryLocation.files(at: $0) }.contains(destination)
        if !alreadyIncluded, FileManager.default.fileExists(atPath: destination) { paths.append(destination) }
        return try Glossary.load(paths: paths)
    }
}
