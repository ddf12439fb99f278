import ArgumentParser
import TranslationMemory
import TranslationMemoryClient

/// `--server URL`: the command works on a `tm serve` team server instead of a local memory; the
/// token comes from `TM_TOKEN`.
struct ServerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A tm serve team server (http://host:port) to use instead of a local memory; the token comes from $TM_TOKEN.", valueName: "url"))
    var server: String?

    /// The client, when `--server` is given.
    func client() throws -> ServerClient? {
        guard let server else { return nil }
        return try ServerClient.fromEnvironment(url: server)
    }

    /// `--server` and `--tm` name two memories: the command would have to choose.
    func validate(against memory: MemoryOptions) throws {
        if server != nil && memory.path != nil {
            throw ValidationError("Give --server or --tm, not both.")
        }
    }
}
