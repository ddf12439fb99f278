import Foundation

/// The one way to load the data files shipped in the library's `Resources/` (word lists, the
/// lexicon, segmentation rules): a missing or unreadable file is a `TMError` of kind
/// `.missingResource` naming it, so that no loader stops the process or carries on with an
/// empty list.
public enum ResourceLoader {
    /// The text of the shipped file `name` (`stemmer-id-words.txt`), decoded as `TextDecoding` does.
    public static func text(named name: String) throws -> String {
        let file = URL(fileURLWithPath: name)
        let base = file.deletingPathExtension().lastPathComponent
        let ext = file.pathExtension
        guard let url = Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Resources")
                ?? Bundle.module.url(forResource: base, withExtension: ext) else {
            throw TMError(.missingResource(name: name, reason: "not in the installation"))
        }
        do {
            return try TextDecoding.readFile(url.path)
        } catch {
            throw TMError(.missingResource(name: name, reason: error.localizedDescription))
        }
    }
}
