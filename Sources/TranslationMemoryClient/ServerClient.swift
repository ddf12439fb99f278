import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TranslationMemory

/// A `tm serve` team server as the command line meets it: the same requests a translator makes
/// of a local memory (`lookup`, `import`, `export`, `stats`), answered with the same JSON the
/// local commands print, so the CLI prints a server's answer as it prints its own.
///
/// Calls are synchronous (the command line has nothing else to do meanwhile). The token (from
/// `TM_TOKEN`) travels as `Authorization: Bearer`; TLS is the reverse proxy's, so `https://`
/// URLs work as they are.
public struct ServerClient: Sendable {
    public let base: URL
    public let token: String?
    /// How long one request may wait for the server's first byte.
    public var timeout: TimeInterval = 300

    /// `url` is the server's address (`http://host:8080`, with or without a path prefix).
    public init(url: String, token: String?) throws {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
              parsed.host != nil else {
            throw TMError(.invalidContent(reason: "\(url) is not a server address (http://host:port)"))
        }
        base = parsed
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The client for `--server URL`, with the token from `TM_TOKEN`.
    public static func fromEnvironment(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ServerClient {
        try ServerClient(url: url, token: environment["TM_TOKEN"])
    }

    // MARK: - The requests

    /// `GET /v1/lookup` (or `POST` with the query in the body when it is long): the report
    /// `tm lookup --json` prints.
    public func lookup(_ request: LookupRequest) throws -> LookupReport {
        var parameters = [("from", request.from == .indonesian ? "id" : "en"),
                          ("min", Self.number(request.minimum)), ("n", String(request.limit))]
        if request.searchTarget { parameters.append(("target", "true")) }
        let answer: Data
        if request.query.utf8.count <= 2_000 {
            answer = try send("GET", "v1/lookup", query: [("q", request.query)] + parameters)
        } else {
            let body = try JSONSerialization.data(withJSONObject: ["q": request.query])
            answer = try send("POST", "v1/lookup", query: parameters, body: body, contentType: "application/json")
        }
        return try decode(LookupReport.self, from: answer, what: "lookup")
    }

    /// `GET /v1/stats`: the server's memory counted as `tm stats --json` counts a local one.
    public func statistics() throws -> MemoryStatistics {
        try decode(MemoryStatistics.self, from: try send("GET", "v1/stats"), what: "stats")
    }

    /// `POST /v1/import` of one file (TMX, TSV or CSV, sent as it is): the server reads, checks
    /// and stores it as one run.
    public func importFile(_ path: String) throws -> ImportReport {
        let type: String
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "tsv", "txt", "tab": type = "text/tab-separated-values"
        case "csv": type = "text/csv"
        case "tmx", "xml": type = "application/xml"
        default:
            throw TMError(.invalidContent(reason: "the server imports .tmx, .tsv and .csv files"), path: path)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TMError(FileManager.default.fileExists(atPath: path) ? .cannotRead(reason: "permission denied") : .noSuchFile, path: path)
        }
        let name = URL(fileURLWithPath: path).lastPathComponent
        return try decode(ImportReport.self, from: try send("POST", "v1/import", query: [("name", name)], body: data, contentType: type),
                          what: "import")
    }

    /// `GET /v1/export`: the server's memory as TMX, written to `path` atomically. The answer is
    /// streamed to a temporary file beside `path` (never held in memory), read back whole as TMX,
    /// then renamed over `path`. Returns the number of units.
    @discardableResult
    public func export(to path: String, sourceLanguage: String, targetLanguage: String, level: TMXLevel) throws -> Int {
        let destination = URL(fileURLWithPath: path)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).download-\(getpid())")
        try download("v1/export", query: [("src", sourceLanguage), ("tgt", targetLanguage),
                                          ("level", level == .plainText ? "1" : "2")], to: temporary, path: path)
        do {
            // What arrived must be a whole TMX: read it back before it replaces anything.
            var units = 0
            let reader = try TMXReader(path: temporary.path)
            while try reader.next() != nil { units += 1 }
            guard rename(temporary.path, destination.path) == 0 else {
                throw TMError(.cannotWrite(reason: String(cString: strerror(errno))), path: path)
            }
            return units
        } catch let error as TMError where error.path == temporary.path {
            try? FileManager.default.removeItem(at: temporary)
            throw TMError(.unexpectedServerAnswer(reason: "the export is not a whole TMX file (\(error.kind.message))"))
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    // MARK: - HTTP

    /// One request; the body of a 2xx answer, else `serverRefused` with the server's message.
    func send(_ method: String, _ endpoint: String, query: [(String, String)] = [], body: Data? = nil,
              contentType: String? = nil) throws -> Data {
        var request = try makeRequest(method, endpoint, query: query, body: body, contentType: contentType)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let exchange = Exchange()
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            exchange.finish(data: data, response: response, error: error)
        }
        task.resume()
        let (data, response, error) = exchange.wait()
        return try check(data ?? Data(), response, error)
    }

    /// A GET whose answer goes to the file `file` as it arrives (URLSession's download task).
    func download(_ endpoint: String, query: [(String, String)], to file: URL, path: String) throws {
        let request = try makeRequest("GET", endpoint, query: query, body: nil, contentType: nil)
        let exchange = Exchange()
        let moved = MoveResult()
        let task = URLSession.shared.downloadTask(with: request) { location, response, error in
            // The downloaded file is removed when this handler returns: move it now.
            if let location, let http = response as? HTTPURLResponse, (200..<300).contains(http.statusCode) {
                do {
                    try? FileManager.default.removeItem(at: file)
                    try FileManager.default.moveItem(at: location, to: file)
                } catch {
                    moved.error = error
                }
                exchange.finish(data: nil, response: response, error: error)
            } else {
                exchange.finish(data: location.flatMap { try? Data(contentsOf: $0) }, response: response, error: error)
            }
        }
        task.resume()
        let (data, response, error) = exchange.wait()
        _ = try check(data ?? Data(), response, error)
        if let failure = moved.error {
            throw TMError(.cannotWrite(reason: failure.localizedDescription), path: path)
        }
    }

    private func makeRequest(_ method: String, _ endpoint: String, query: [(String, String)], body: Data?,
                             contentType: String?) throws -> URLRequest {
        var components = URLComponents(url: base.appendingPathComponent(endpoint), resolvingAgainstBaseURL: false)!
        if !query.isEmpty { components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        // `+` is a space in a query string to most servers: send it escaped.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        guard let url = components.url else { throw TMError(.invalidContent(reason: "cannot make a request URL for \(endpoint)")) }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        request.httpBody = body
        return request
    }

    /// The body of a 2xx answer, else `serverRefused` with the server's message.
    private func check(_ payload: Data, _ response: URLResponse?, _ error: Error?) throws -> Data {
        if let error {
            throw TMError(.serverUnreachable(reason: "\(base.absoluteString): \(error.localizedDescription)"))
        }
        guard let http = response as? HTTPURLResponse else {
            throw TMError(.unexpectedServerAnswer(reason: "no HTTP answer from \(base.absoluteString)"))
        }
        guard (200..<300).contains(http.statusCode) else {
            throw TMError(.serverRefused(status: http.statusCode, message: Self.message(in: payload)))
        }
        return payload
    }

    /// The message of an error answer: `{"error": …}` or `{"message": …}` (or `reason`), else its text.
    static func message(in body: Data) -> String {
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            for key in ["error", "message", "reason"] {
                if let text = object[key] as? String { return text }
                if let nested = object[key] as? [String: Any], let text = nested["message"] as? String { return text }
            }
        }
        let text = String(decoding: body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("<") { return "an HTML page, not a tm server's answer (is this the address of tm serve?)" }
        return text.isEmpty ? "no message" : text
    }

    private func decode<T: Decodable>(_ type: T.Type, from data: Data, what: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(type, from: data)
        } catch {
            throw TMError(.unexpectedServerAnswer(reason: "its \(what) JSON does not read as tm's (\(error))"))
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// Where the download handler's move failed, if it did.
private final class MoveResult: @unchecked Sendable {
    var error: Error?
}

/// The answer of one `URLSession` task, handed from its queue to the waiting caller.
private final class Exchange: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: (Data?, URLResponse?, Error?) = (nil, nil, nil)

    func finish(data: Data?, response: URLResponse?, error: Error?) {
        result = (data, response, error)
        done.signal()
    }

    func wait() -> (Data?, URLResponse?, Error?) {
        done.wait()
        return result
    }
}
