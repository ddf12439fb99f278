import Foundation
import Hummingbird
import Logging
import NIOCore
import TranslationMemory

/// How `tm serve` runs.
public struct ServerConfiguration: Sendable {
    public var databaseURL: String
    public var host: String
    public var port: Int
    /// Request bodies over this many bytes get 413.
    public var maximumBody: Int
    /// How often the database's change sequence is read for other servers' writes.
    public var pollInterval: Duration
    /// Where the mirror and its index stay between starts (`--cache`); nil: a temporary folder.
    public var cacheFolder: String?

    public init(databaseURL: String, listen: String = "127.0.0.1:8080", maximumBody: Int = 64 << 20,
                pollInterval: Duration = .milliseconds(200), cacheFolder: String? = nil) throws {
        _ = try DatabaseURL(databaseURL)
        self.databaseURL = databaseURL
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port) else {
            throw ServerError.usage("--listen must be HOST:PORT (say 127.0.0.1:8080), not \(listen)")
        }
        var host = String(listen[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.host = host.isEmpty ? "127.0.0.1" : host
        self.port = port
        guard maximumBody > 0 else { throw ServerError.usage("--max-body must be positive") }
        self.maximumBody = maximumBody
        self.pollInterval = pollInterval
        if let cacheFolder, cacheFolder.isEmpty { throw ServerError.usage("--cache needs a folder") }
        self.cacheFolder = cacheFolder
    }

    /// Throws `ServerError.usage` when `url` is no `postgres://user@host:port/database` address.
    public static func checkDatabaseURL(_ url: String) throws {
        _ = try DatabaseURL(url)
    }

    /// `64MB`, `512KB`, `1GB` or a number of bytes.
    public static func parseSize(_ text: String) -> Int? {
        let upper = text.uppercased().trimmingCharacters(in: .whitespaces)
        for (suffix, factor) in [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10), ("B", 1)]
        where upper.hasSuffix(suffix) {
            return Int(upper.dropLast(suffix.count)).map { $0 * factor }
        }
        return Int(upper)
    }
}

/// `tm serve`: the HTTP API over the shared memory (issue 16; `openapi.yaml` documents it).
public enum SharedMemoryServer {
    /// Runs until SIGINT or SIGTERM. Prints `listening on http://HOST:PORT` to stderr once it
    /// accepts requests (with the real port when the configuration asked for port 0).
    public static func run(_ configuration: ServerConfiguration) async throws {
        let database = try SharedMemoryDatabase(url: configuration.databaseURL)
        let adapter = try IndexAdapter(database: database, cacheFolder: configuration.cacheFolder)
        let api = API(database: database, index: adapter, maximumBody: configuration.maximumBody)
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: JSONErrorMiddleware())
        api.register(on: router)
        var logger = Logger(label: "tm-serve")
        logger.logLevel = .error
        let interval = configuration.pollInterval
        var application = Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "tm"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                FileHandle.standardError.write(Data("listening on http://\(configuration.host):\(port)\n".utf8))
                // Other servers' writes: read the change sequence from now on.
                Task {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: interval)
                        do { try await adapter.refresh() } catch {
                            FileHandle.standardError.write(Data("tm serve: reading the database's changes: \(error)\n".utf8))
                        }
                    }
                }
            },
            logger: logger
        )
        application.addServices(database.client)
        application.beforeServerStarts {
            try await database.migrate()
            let count = try await adapter.refresh()
            let resumed = await adapter.resumedFromCache
            FileHandle.standardError.write(Data("\(database.label): \(count) units indexed\(resumed ? " (new since the --cache folder's index)" : "")\n".utf8))
        }
        defer { Task { await adapter.close() } }
        try await application.runService()
    }

    /// `tm serve token create`: migrates the schema if needed and returns the new token.
    public static func createToken(databaseURL: String, name: String, role: TokenRole) async throws -> String {
        let database = try SharedMemoryDatabase(url: databaseURL)
        return try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask { await database.client.run(); return nil }
            defer { group.cancelAll() }
            try await database.migrate()
            return try await database.createToken(name: name, role: role)
        }
    }

    /// Runs `body` to the end from synchronous code (the command line is synchronous).
    public static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = BlockingResult<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }
}

/// Where `blocking` leaves the result; written once before the semaphore is signalled.
final class BlockingResult<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

/// The tokens found valid in the last `lifetime` (their SHA-256, name and role), so that a
/// client sending lookup after lookup does not cost the database a query each. Tokens not
/// found are never remembered: one created a moment ago works at once.
final class TokenCache: @unchecked Sendable {
    static let lifetime: Duration = .seconds(10)
    private let lock = NSLock()
    private var entries: [String: (name: String, role: TokenRole, until: ContinuousClock.Instant)] = [:]

    func role(ofToken token: String) -> (name: String, role: TokenRole)? {
        let key = SHA256.hex(Data(token.utf8)), now = ContinuousClock.now
        return lock.withLock {
            guard let entry = entries[key] else { return nil }
            guard entry.until > now else {
                entries[key] = nil
                return nil
            }
            return (entry.name, entry.role)
        }
    }

    func remember(_ token: String, name: String, role: TokenRole) {
        let key = SHA256.hex(Data(token.utf8)), until = ContinuousClock.now + Self.lifetime
        lock.withLock {
            if entries.count > 10_000 { entries.removeAll() }
            entries[key] = (name, role, until)
        }
    }
}

/// A file read by one response body's writer (one task at a time).
final class ExportFile: @unchecked Sendable {
    let handle: FileHandle
    init(_ handle: FileHandle) { self.handle = handle }
}

/// Turns every refusal into `{"error": "message"}` with its status; anything unexpected is a
/// 500 with its message (never for bad input: every input check throws a `RequestError`).
struct JSONErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as RequestError {
            return API.errorResponse(error.description, status: error.status)
        } catch is NIOTooManyBytesError {
            return API.errorResponse("the request body is larger than the server's --max-body", status: 413)
        } catch let error as HTTPError {
            return API.errorResponse(error.body ?? error.status.reasonPhrase, status: error.status.code)
        } catch let error as TMError {
            return API.errorResponse(error.description, status: 400)
        } catch {
            return API.errorResponse("\(error)", status: 500)
        }
    }
}

/// The routes.
struct API: Sendable {
    let database: SharedMemoryDatabase
    let index: IndexAdapter
    let maximumBody: Int
    /// Valid tokens seen in the last seconds: a lookup then costs no query for its token.
    let tokens = TokenCache()

    func register(on router: Router<BasicRequestContext>) {
        router.get("/healthz") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        router.get("/") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: API.page)))
        }
        router.get("/v1/lookup") { request, _ -> Response in
            try await authorize(request, .reader)
            return try await lookup(request, query: request.uri.queryParameters["q"].map(String.init), concordanceOnly: false)
        }
        router.post("/v1/lookup") { request, _ -> Response in
            try await authorize(request, .reader)
            var request = request
            let body = try await request.collectBody(upTo: maximumBody)
            struct Body: Decodable { var q: String }
            guard let decoded = try? JSONDecoder().decode(Body.self, from: Data(body.readableBytesView)) else {
                throw RequestError.badRequest("the body must be JSON {\"q\": \"the query\"}")
            }
            return try await lookup(request, query: decoded.q, concordanceOnly: false)
        }
        router.get("/v1/concordance") { request, _ -> Response in
            try await authorize(request, .reader)
            return try await lookup(request, query: request.uri.queryParameters["q"].map(String.init), concordanceOnly: true)
        }
        router.post("/v1/import") { request, _ -> Response in
            let who = try await authorize(request, .translator)
            guard let format = SharedImport.BodyFormat(contentType: request.headers[.contentType]) else {
                throw RequestError.unsupportedMediaType("send TMX as application/xml, or pairs as text/tab-separated-values or text/csv")
            }
            var request = request
            let body = try await request.collectBody(upTo: maximumBody)
            let name = request.uri.queryParameters["name"].map(String.init) ?? "request.\(format.rawValue)"
            FileHandle.standardError.write(Data("import started: \(name), \(body.readableBytes) bytes, by \(who)\n".utf8))
            let prepared = try await offloaded { try SharedImport.prepare(Data(body.readableBytesView), format: format, name: name, user: who) }
            let report = try await SharedImport.store(prepared, in: database)
            try await index.refresh()
            return try API.json(report)
        }
        router.get("/v1/stats") { request, _ -> Response in
            try await authorize(request, .reader)
            // What other servers wrote up to now counts too (not only up to the last poll).
            try await index.refresh()
            let statistics = try await index.statistics()
            return try API.json(statistics)
        }
        router.get("/v1/runs") { request, _ -> Response in
            try await authorize(request, .reader)
            return try API.json(RunLog(runs: try await database.runs()))
        }
        router.post("/v1/runs/:id/undo") { request, context -> Response in
            let who = try await authorize(request, .translator)
            let id = try context.parameters.require("id")
            guard MemoryRun.isID(id) else { throw RequestError.badRequest("\(id) is not a run id (GET /v1/runs lists them)") }
            let isAdmin = try await database.role(ofToken: API.token(in: request))?.role == .admin
            guard let undone = try await database.undo(run: id, by: who, isAdmin: isAdmin) else {
                throw RequestError.notFound("no run \(id) in this memory (GET /v1/runs lists them)")
            }
            try await index.refresh()
            return try API.json(undone)
        }
        router.get("/v1/glossary") { request, _ -> Response in
            try await authorize(request, .reader)
            return try API.json(try await database.glossaryEntries())
        }
        router.post("/v1/glossary") { request, _ -> Response in
            let who = try await authorize(request, .translator)
            var request = request
            let body = try await request.collectBody(upTo: maximumBody)
            guard let entries = try? JSONDecoder().decode([SharedGlossaryEntry].self, from: Data(body.readableBytesView)),
                  !entries.isEmpty, entries.allSatisfy({ !$0.source.isEmpty && !$0.target.isEmpty }) else {
                throw RequestError.badRequest("the body must be a JSON array of {\"source\", \"target\", \"note\"} with both terms given")
            }
            try await database.addGlossaryEntries(entries, by: who)
            return try API.json(["added": entries.count])
        }
        router.get("/v1/export") { request, _ -> Response in
            try await authorize(request, .reader)
            return try await export(request)
        }
    }

    /// The bearer token of a request ("" without one).
    static func token(in request: Request) -> String {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { return "" }
        return header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
    }

    /// The token's name, when its role may do `needed`.
    @discardableResult
    func authorize(_ request: Request, _ needed: TokenRole) async throws -> String {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw RequestError.unauthorized("send a token: Authorization: Bearer TOKEN (tm serve token create NAME --role ROLE)")
        }
        let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        let known: (name: String, role: TokenRole)?
        if let remembered = tokens.role(ofToken: token) {
            known = remembered
        } else {
            known = try await database.role(ofToken: token)
            if let known { tokens.remember(token, name: known.name, role: known.role) }
        }
        guard let (name, role) = known else {
            throw RequestError.unauthorized("the token is not valid")
        }
        guard role >= needed else {
            throw RequestError.forbidden("the token \(name) has the role \(role.rawValue); this needs \(needed.rawValue)")
        }
        return name
    }

    func lookup(_ request: Request, query: String?, concordanceOnly: Bool) async throws -> Response {
        let parameters = request.uri.queryParameters
        guard let query = query?.trimmingCharacters(in: .whitespacesAndNewlines), !query.isEmpty else {
            throw RequestError.badRequest("give the query: q=TEXT")
        }
        guard !WordTokenizer.tokenize(query).isEmpty else { throw RequestError.badRequest("the query has no words to look up") }
        var side = LookupSide.indonesian
        if let from = parameters["from"] {
            switch LanguageCode(String(from)).primary {
            case "id": side = .indonesian
            case "en": side = .english
            default: throw RequestError.badRequest("from must be id or en, not \(from)")
            }
        }
        var minimum = 50.0
        if let text = parameters["min"] {
            guard let value = Double(String(text)), value >= 1, value <= 100 else { throw RequestError.badRequest("min must be between 1 and 100") }
            minimum = value
        }
        var limit = 5
        if let text = parameters["n"] {
            guard let value = Int(String(text)), value >= 1, value <= 1000 else { throw RequestError.badRequest("n must be between 1 and 1000") }
            limit = value
        }
        var searchTarget = false
        if let text = parameters["target"] {
            switch text.lowercased() {
            case "true", "1", "yes": searchTarget = true
            case "false", "0", "no": searchTarget = false
            default: throw RequestError.badRequest("target must be true or false, not \(text)")
            }
        }
        let lookupRequest = LookupRequest(query: query, minimum: minimum, limit: limit, from: side, searchTarget: searchTarget,
                                          concordanceLimit: limit * 2)
        let report = try await index.lookup(lookupRequest)
        if concordanceOnly {
            guard let concordance = report.concordance else {
                throw RequestError.badRequest("a concordance is made for queries of up to \(lookupRequest.concordanceMaxWords) words")
            }
            return try API.json(concordance)
        }
        return try API.json(report)
    }

    /// `GET /v1/export?src=&tgt=&level=`: the memory as `tm export` writes it, streamed from a
    /// private file that is removed once sent.
    func export(_ request: Request) async throws -> Response {
        let parameters = request.uri.queryParameters
        var options = MemoryExporter.Options()
        if let source = parameters["src"] { options.sourceLanguage = String(source) }
        if let target = parameters["tgt"] { options.targetLanguage = String(target) }
        // As `tm export` checks them: regional pairs (en-US → en-GB) export; one language twice does not.
        for code in [options.sourceLanguage, options.targetLanguage]
        where code.isEmpty || code.count > 35 || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            throw RequestError.badRequest("\(code) is not a language code (say id-ID or en-US)")
        }
        let (source, target) = (LanguageCode(options.sourceLanguage), LanguageCode(options.targetLanguage))
        let regional = source.normalized.contains("-") && target.normalized.contains("-")
            && source.normalized.lowercased() != target.normalized.lowercased()
        if source.matches(target) && !regional {
            throw RequestError.badRequest("src and tgt name the same language (\(options.sourceLanguage), \(options.targetLanguage))")
        }
        if let level = parameters["level"] {
            switch level {
            case "1": options.level = .plainText
            case "2": options.level = .markup
            default: throw RequestError.badRequest("level must be 1 (plain text) or 2 (with markup), not \(level)")
            }
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tm-export-\(UUID().uuidString).tmx").path
        try await index.refresh()
        _ = try await index.export(to: path, options: options)
        let file = ExportFile(try FileHandle(forReadingFrom: URL(fileURLWithPath: path)))
        // Unlinked now, read from the open handle: nothing is left behind, whatever happens to the request.
        try? FileManager.default.removeItem(atPath: path)
        let size = Int(try file.handle.seekToEnd())
        try file.handle.seek(toOffset: 0)
        let body = ResponseBody(contentLength: size) { writer in
            defer { try? file.handle.close() }
            while let chunk = try file.handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "application/xml; charset=utf-8",
                                               .contentDisposition: "attachment; filename=\"memory.tmx\""], body: body)
    }

    /// Runs blocking library work on a thread of its own, off the server's event loops.
    func offloaded<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    static func json<T: Encodable>(_ value: T, status: Int = 200) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(value)
        data.append(0x0A)
        return Response(status: .init(code: status), headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func errorResponse(_ message: String, status: Int) -> Response {
        (try? json(["error": message], status: status)) ?? Response(status: .init(code: status))
    }

    /// The page at `/`: the editors' lookup and concordance page (`EditorsPage.swift`).
    static let page = EditorsPage.html
}
