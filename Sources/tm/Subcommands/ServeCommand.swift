import ArgumentParser
import Foundation
import TranslationMemory
import TranslationMemoryServer

/// `tm serve`: one shared memory on PostgreSQL behind an HTTP API (TranslationMemoryServer).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve one shared memory, stored in PostgreSQL, over HTTP.",
        discussion: """
        The database's schema is created or migrated on start. Every request but / and /healthz needs \
        a bearer token (tm serve token create). The API is described in openapi.yaml; TLS is left to \
        a reverse proxy.
        """,
        subcommands: [ServeRunCommand.self, ServeTokenCommand.self],
        defaultSubcommand: ServeRunCommand.self
    )
}

/// `--database URL`, else `$TM_DATABASE`.
struct DatabaseOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The PostgreSQL database (default: $TM_DATABASE).", valueName: "postgres://user@host:port/db"))
    var database: String?

    func resolved() throws -> String {
        if let database, !database.isEmpty { return database }
        if let fromEnvironment = ProcessInfo.processInfo.environment["TM_DATABASE"], !fromEnvironment.isEmpty { return fromEnvironment }
        throw ValidationError("Give --database postgres://user@host:port/db or set TM_DATABASE.")
    }
}

struct ServeRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the server (the default).")

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("Where to listen; port 0 picks a free one.", valueName: "host:port"))
    var listen = "127.0.0.1:8080"

    @Option(help: ArgumentHelp("The largest request body, e.g. 64MB, 512KB.", valueName: "size"))
    var maxBody = "64MB"

    @Option(help: ArgumentHelp("Keep the index in this folder between starts: a restart then indexes only the units stored since (one server per folder).", valueName: "folder"))
    var cache: String?

    func run() throws {
        guard let size = ServerConfiguration.parseSize(maxBody) else { throw ValidationError("--max-body: \(maxBody) is not a size (say 64MB)") }
        let configuration: ServerConfiguration
        do {
            configuration = try ServerConfiguration(databaseURL: try database.resolved(), listen: listen, maximumBody: size, cacheFolder: cache)
        } catch let error as ServerError {
            throw ValidationError(error.description)
        }
        try SharedMemoryServer.blocking { try await SharedMemoryServer.run(configuration) }
    }
}

struct ServeTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Manage the API's bearer tokens.",
                                                    subcommands: [ServeTokenCreateCommand.self])
}

struct ServeTokenCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a bearer token; it is printed once, as the last line, and stored only hashed."
    )

    @Argument(help: "A name for the token (who or what uses it).")
    var name: String

    @Option(help: ArgumentHelp("reader (look up, export, stats), translator (also import), admin (everything).", valueName: "role"))
    var role: String

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        guard let tokenRole = TokenRole(rawValue: role) else { throw ValidationError("--role must be reader, translator or admin") }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("Give the token a name.") }
        let url = try database.resolved()
        do { try ServerConfiguration.checkDatabaseURL(url) } catch let error as ServerError { throw ValidationError(error.description) }
        let name = name
        let token = try SharedMemoryServer.blocking { try await SharedMemoryServer.createToken(databaseURL: url, name: name, role: tokenRole) }
        Output.error("token \(name) (\(tokenRole.rawValue)) created; it is shown only now:")
        print(token)
    }
}
