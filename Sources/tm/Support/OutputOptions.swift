import ArgumentParser
import TranslationMemory

/// A format a reporting command prints in: `text` by default, `json` for programs.
protocol OutputFormat: ExpressibleByArgument, CaseIterable, Equatable {
    static var text: Self { get }
    static var json: Self { get }
    /// The help line of `--format`.
    static var formatHelp: String { get }
}

/// The formats of a command whose report has no tabular form.
enum ReportFormat: String, OutputFormat {
    case text, json
    static let formatHelp = "How to print the report."
}

extension AlignmentFormat: OutputFormat {
    static let formatHelp = "Output: text, tsv (INDONESIAN<TAB>ENGLISH<TAB>CONFIDENCE) or json."
}

/// `--format` and its alias `--json`, the one output convention of every reporting command.
/// Both with different values is a usage error.
struct OutputOptions<Format: OutputFormat>: ParsableArguments {
    @Option(name: .customLong("format"), help: ArgumentHelp(Format.formatHelp, valueName: "format"))
    var choice = FormatChoice(Format.text)

    @Flag(help: "Same as --format json.")
    var json = false

    func validate() throws {
        if json && choice.given && choice.value != .json {
            throw ValidationError("--json and --format \(choice.value.defaultValueDescription) do not go together.")
        }
    }

    var format: Format { json ? .json : choice.value }
    var isJSON: Bool { format == .json }
    /// How the user asked for JSON, for messages.
    var jsonSpelling: String { json ? "--json" : "--format json" }
}

/// A `--format` value that remembers whether it was given, so that `--json --format text` can be
/// refused while the help still shows the default.
struct FormatChoice<Format: OutputFormat>: ExpressibleByArgument {
    var value: Format
    var given: Bool

    init(_ value: Format) {
        self.value = value
        given = false
    }

    init?(argument: String) {
        guard let value = Format(argument: argument) else { return nil }
        self.value = value
        given = true
    }

    var defaultValueDescription: String { value.defaultValueDescription }
    static var allValueStrings: [String] { Format.allValueStrings }
    static var allValueDescriptions: [String: String] { Format.allValueDescriptions }
    static var defaultCompletionKind: CompletionKind { Format.defaultCompletionKind }
}
