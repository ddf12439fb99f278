import Foundation

/// Where a problem was found: a file, and the line and column in it when known (both from 1).
public struct FileLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var column: Int?

    public init(path: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.line = line.flatMap { $0 > 0 ? $0 : nil }
        self.column = line == nil ? nil : column.flatMap { $0 > 0 ? $0 : nil }
    }

    /// `path:line:column`, as compilers and editors print it (and jump to it).
    public var description: String {
        var text = path
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        return text
    }
}

/// The library's one error: what went wrong (`kind`) and where (`location`, when a file is
/// concerned). Every message is in the user's terms and starts with the place, `path:line:`,
/// so a terminal or an editor can jump to it; no libxml2 or system wording stands alone.
///
/// Areas add their own kinds below; the command line maps every error to exit status 1.
public struct TMError: LocalizedError, Sendable, Hashable, CustomStringConvertible {
    public var kind: Kind
    public var location: FileLocation?

    public init(_ kind: Kind, at location: FileLocation? = nil) {
        self.kind = kind
        self.location = location
    }

    public init(_ kind: Kind, path: String, line: Int? = nil, column: Int? = nil) {
        self.init(kind, at: FileLocation(path: path, line: line, column: column))
    }

    /// The file the error is about, if any.
    public var path: String? { location?.path }
    /// The line the error is about, if known.
    public var line: Int? { location?.line }

    public var errorDescription: String? { description }

    public var description: String {
        guard let location else { return kind.message }
        return "\(location): \(kind.message)"
    }

    /// A problem in an SRX file, said in full by `reason`.
    static func invalidSRX(path: String, line: Int, reason: String) -> TMError {
        TMError(.invalidContent(reason: reason), path: path, line: line)
    }

    /// A TBX file that is well-formed XML but not TBX.
    static func notTBX(path: String, line: Int, reason: String) -> TMError {
        TMError(.wrongFormat(format: "TBX", reason: reason), path: path, line: line)
    }

    /// A file's content that is wrong in a way `reason` says in full.
    static func invalidContent(path: String, line: Int, reason: String) -> TMError {
        TMError(.invalidContent(reason: reason), path: path, line: line)
    }

    static func cannotWrite(path: String, reason: String) -> TMError {
        TMError(.cannotWrite(reason: reason), path: path)
    }

    /// True for a failure to write or lock (as opposed to bad input).
    public var isWriteFailure: Bool {
        switch kind {
        case .cannotWrite, .cannotWriteIndex, .cannotLock: return true
        default: return false
        }
    }

    /// The same error at another place (a reader's error re-attributed to the file the user named).
    public func at(_ location: FileLocation) -> TMError { TMError(kind, at: location) }
}

extension TMError {
    public enum Kind: Sendable, Hashable {
        // MARK: Files, in any area
        /// No file or folder at the path.
        case noSuchFile
        /// The file exists but cannot be read (permissions, a folder where a file was expected, …).
        case cannotRead(reason: String)
        /// The file cannot be written or moved into place (a full disk, permissions, …).
        case cannotWrite(reason: String)
        /// The lock that serialises writers cannot be taken.
        case cannotLock(reason: String)
        /// Bytes that are not valid text in the encoding the file declares or seems to use.
        case invalidEncoding(encoding: String, byteOffset: Int, hint: String)
        /// A NUL byte: the file is not text.
        case binary(byteOffset: Int)
        /// The file holds nothing of what was expected (`what`: "no text to segment", …).
        case empty(what: String)
        /// A data file shipped with tm is missing or unreadable: a broken installation.
        case missingResource(name: String, reason: String)

        // MARK: XML formats (TMX, TBX, SRX, XLIFF)
        /// Not well-formed XML (truncated, binary, bad encoding, entity tricks).
        case malformedXML(String)
        /// Well-formed XML, but not the format expected (`format`: "TMX", "TBX", …).
        case wrongFormat(format: String, reason: String)
        /// A problem specific to a format's content, said in full by `reason`.
        case invalidContent(reason: String)

        // MARK: Delimited files (TSV, CSV)
        case unterminatedQuote
        case noPairs

        // MARK: Memory
        case noSuchMemory
        case notAMemory
        /// No run with that id is recorded in the memory.
        case noSuchRun(id: String)
        /// A run's units are not as it wrote them: `found` of the `stored` are there, and their bytes
        /// match or not.
        case runChanged(id: String, stored: Int, found: Int)
        /// What a run added to a single file's header is no longer there as it wrote it.
        case runHeaderChanged(id: String)
        /// The byte scan of a TMX file does not agree with the XML reader: its units cannot be cut out.
        case cannotLocateUnits(reason: String)

        // MARK: Team server (the `--server` clients)
        /// The server could not be reached (refused, no such host, timed out).
        case serverUnreachable(reason: String)
        /// The server answered with an error status and its message.
        case serverRefused(status: Int, message: String)
        /// The server's answer is not what `tm` expects from `tm serve`.
        case unexpectedServerAnswer(reason: String)

        // MARK: Lookup index
        case corruptIndex(reason: String)
        case cannotWriteIndex(reason: String)
        case emptyQuery
        case invalidThreshold(Double)

        // MARK: Glossary
        case noSuchGlossary
        case unsupportedGlossaryFormat
        case noGlossaryEntries
        case duplicateTerm(source: String, target: String, existing: String)
        case conflictingTerm(source: String, target: String, existingTarget: String, existing: String)
        /// The glossary file cannot hold what was to be written to it; nothing was written.
        case glossaryCannotHold(reason: String)

        // MARK: Segmentation and alignment
        case badAbbreviationLine(text: String)
        case nothingToAlign
        case onlyParagraphMarks
        /// A file a decisions file was made on no longer has the bytes it had then.
        case changedSinceReview
        /// Both files of `tm align` are in one language (`language` is "Indonesian" or "English").
        case sameLanguage(language: String, other: String)

        /// The message without the place.
        public var message: String {
            switch self {
            case .noSuchFile: return "cannot read: no such file"
            case .cannotRead(let reason): return "cannot read: \(reason)"
            case .cannotWrite(let reason): return "cannot write: \(reason)"
            case .cannotLock(let reason): return "cannot lock: \(reason)"
            case .invalidEncoding(let encoding, let offset, let hint):
                return "invalid \(encoding) at byte \(offset); \(hint)"
            case .binary(let offset): return "looks like a binary file (NUL byte at byte \(offset)), not text"
            case .empty(let what): return what
            case .missingResource(let name, let reason):
                return "the data file \(name) shipped with tm cannot be loaded (\(reason)); reinstall tm"
            case .malformedXML(let message): return message
            case .wrongFormat(let format, let reason): return "not a \(format) file: \(reason)"
            case .invalidContent(let reason): return reason
            case .unterminatedQuote: return "a quoted field is never closed"
            case .noPairs:
                return "no Indonesian/English pairs found (expected two columns separated by a tab or a comma)"
            case .noSuchMemory: return "no such translation memory (a folder of .tmx files or one .tmx file)"
            case .notAMemory: return "a translation memory must be a folder or a .tmx file"
            case .noSuchRun(let id): return "no run \(id) in this memory (tm log lists its runs)"
            case .runChanged(let id, let stored, let found):
                let what = found == stored ? "its units were edited after it" : "the memory holds \(found) of them now"
                return "run \(id) stored \(Plural.count(stored, "unit")), but \(what) (by hand or by another tool); nothing was removed"
            case .runHeaderChanged(let id):
                return "run \(id) added notes or props to this file's header, and they are no longer as it wrote them (edited, or a later run added to the header after them: undo that one first); nothing was removed"
            case .cannotLocateUnits(let reason):
                return "cannot find where the units lie in the file's bytes (\(reason)); nothing was changed"
            case .serverUnreachable(let reason): return "cannot reach the server: \(reason)"
            case .serverRefused(let status, let message):
                let hint: String
                switch status {
                case 401: hint = " (set TM_TOKEN to a token from `tm serve token create`)"
                case 403: hint = " (the token's role may not do this; ask the server's admin)"
                case 413: hint = " (the server's --max-body is lower than this file)"
                default: hint = ""
                }
                return "the server refused (HTTP \(status)): \(message)\(hint)"
            case .unexpectedServerAnswer(let reason): return "the server's answer is not a tm server's: \(reason)"
            case .corruptIndex(let reason): return "corrupt lookup index: \(reason)"
            case .cannotWriteIndex(let reason): return "cannot write the lookup index: \(reason)"
            case .emptyQuery: return "the query has no words to look up"
            case .invalidThreshold(let value): return "minimum score \(value) is outside 1…100"
            case .noSuchGlossary: return "no such glossary file or folder"
            case .unsupportedGlossaryFormat: return "not a glossary format tm reads (.txt, .utf8, .tsv, .tab, .csv, .tbx)"
            case .noGlossaryEntries: return "no glossary entries found"
            case .duplicateTerm(let source, let target, let existing):
                return "\(source) → \(target) is already in the glossary (\(existing))"
            case .conflictingTerm(let source, let target, let existingTarget, let existing):
                return "\(source) → \(target) conflicts with \(source) → \(existingTarget) (\(existing))"
            case .glossaryCannotHold(let reason): return "not written: \(reason)"
            case .badAbbreviationLine(let text):
                return "not an abbreviation line (expected e.g. 'Dr.' or 'No. numeric'): \(text)"
            case .nothingToAlign: return "no sentences to align (the file is empty or holds only credits)"
            case .onlyParagraphMarks: return "holds only paragraph marks (<p>), no sentences"
            case .changedSinceReview:
                return "has changed since its review page was made (its SHA-256 differs); align it again and review the new page"
            case .sameLanguage(let language, let other):
                return "looks \(language), as does \(other): tm align needs an Indonesian text and its English translation; nothing stored"
            }
        }
    }
}
