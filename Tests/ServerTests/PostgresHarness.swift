import Foundation
import XCTest
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A throwaway PostgreSQL server: `initdb` and `pg_ctl` from Debian's `postgresql` package in a
/// temporary folder, on a free local port, trusting local connections. As root it runs as
/// `nobody` (PostgreSQL refuses root). Missing binaries fail the test: `.ci/run` installs them.
final class PostgresHarness: @unchecked Sendable {
    let folder: URL
    let port: Int
    let binaries: URL
    private var databases = 0

    static func binariesFolder() throws -> URL {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
            let bin = root.appendingPathComponent(version).appendingPathComponent("bin")
            if FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent("initdb").path) { return bin }
        }
        throw HarnessFailure("PostgreSQL's initdb is not under /usr/lib/postgresql/*/bin: install Debian's postgresql (.ci/run does)")
    }

    init() throws {
        binaries = try Self.binariesFolder()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try Self.freePort()
        if getuid() == 0 {
            _ = try Self.run(URL(fileURLWithPath: "/bin/chown"), ["-R", "nobody:nogroup", folder.path])
        }
        let data = folder.appendingPathComponent("data").path
        let initdb = try runAsServerUser("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"])
        guard initdb.status == 0 else { throw HarnessFailure("initdb failed: \(initdb.output)") }
        let options = "-p \(port) -k \(folder.path) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        let start = try runAsServerUser("pg_ctl", ["-D", data, "-l", folder.appendingPathComponent("log").path, "-o", options, "-w", "-t", "60", "start"])
        guard start.status == 0 else {
            let log = (try? String(contentsOf: folder.appendingPathComponent("log"), encoding: .utf8)) ?? ""
            throw HarnessFailure("pg_ctl start failed: \(start.output)\n\(log)")
        }
    }

    /// Stops the server and removes its folder.
    func stop() {
        _ = try? runAsServerUser("pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: folder)
    }

    /// A new empty database; its URL.
    func createDatabase() throws -> String {
        databases += 1
        let name = "tm_test_\(databases)"
        let result = try Self.run(binaries.appendingPathComponent("createdb"), ["-h", "127.0.0.1", "-p", "\(port)", "-U", "postgres", name])
        guard result.status == 0 else { throw HarnessFailure("createdb failed: \(result.output)") }
        return "postgres://postgres@127.0.0.1:\(port)/\(name)"
    }

    /// Runs SQL with psql; the rows, fields separated by `|`.
    func sql(_ url: String, _ statement: String) throws -> [String] {
        let name = String(url.split(separator: "/").last!)
        let result = try Self.run(binaries.appendingPathComponent("psql"),
                                  ["-h", "127.0.0.1", "-p", "\(port)", "-U", "postgres", "-d", name, "-At", "-v", "ON_ERROR_STOP=1", "-c", statement])
        guard result.status == 0 else { throw HarnessFailure("psql failed: \(result.output)") }
        return result.output.split(separator: "\n").map(String.init)
    }

    private func runAsServerUser(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let program = binaries.appendingPathComponent(tool)
        if getuid() == 0 {
            return try Self.run(URL(fileURLWithPath: "/usr/bin/setpriv"),
                                ["--reuid=nobody", "--regid=nogroup", "--clear-groups", program.path] + arguments, directory: folder)
        }
        return try Self.run(program, arguments, directory: folder)
    }

    /// Runs `program` to its end; its status and output (stdout and stderr together).
    ///
    /// posix_spawn and waitpid, not Foundation's `Process`: `pg_ctl start` leaves the server it
    /// starts running in the background, and `Process.waitUntilExit` was seen never to return
    /// for it (pg_ctl left a zombie, the test hung).
    static func run(_ program: URL, _ arguments: [String], directory: URL? = nil) throws -> (status: Int32, output: String) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tm-pg-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // A working folder through the shell (glibc's addchdir is not exported to Swift here).
        let command = directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0.path, program.path] + arguments }
            ?? [program.path] + arguments
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw HarnessFailure("cannot start \(program.path): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw HarnessFailure("waitpid failed for \(program.path)") }
        }
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitStatus, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }

    /// A port nothing listens on now (bound to port 0, read, released).
    static func freePort() throws -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw HarnessFailure("socket() failed") }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, length) } }
        guard bound == 0 else { throw HarnessFailure("bind() failed") }
        let named = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) } }
        guard named == 0 else { throw HarnessFailure("getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct HarnessFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The `tm` executable built beside the test bundle.
enum TMBinary {
    static var url: URL {
        var folder = Bundle.main.bundleURL
        for candidate in [Bundle(for: PostgresHarness.self).bundleURL, Bundle.main.bundleURL] {
            folder = candidate
            for _ in 0..<4 {
                let tm = folder.appendingPathComponent("tm")
                if FileManager.default.isExecutableFile(atPath: tm.path) { return tm }
                folder = folder.deletingLastPathComponent()
            }
        }
        return folder.appendingPathComponent("tm")
    }

    /// Runs `tm` to the end: status, stdout, stderr.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "TM_PATH")
        env.removeValue(forKey: "TM_GLOSSARY")
        env.removeValue(forKey: "TM_DATABASE")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out"), err = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: out), as: UTF8.self),
                String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}

/// A `tm serve` process on a free port, its stderr in a file.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let log: URL
    private(set) var baseURL = URL(string: "http://127.0.0.1")!

    init(database: String, arguments: [String] = []) throws {
        log = FileManager.default.temporaryDirectory.appendingPathComponent("tm-serve-log-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = TMBinary.url
        process.arguments = ["serve", "--database", database, "--listen", "127.0.0.1:0"] + arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TM_DATABASE")
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let range = stderr.range(of: #"listening on (http://[0-9.]+:[0-9]+)"#, options: .regularExpression) {
                let text = String(stderr[range]).replacingOccurrences(of: "listening on ", with: "")
                baseURL = URL(string: text)!
                return
            }
            if !process.isRunning { throw HarnessFailure("tm serve exited: \(stderr)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        throw HarnessFailure("tm serve did not start within 60 s: \(stderr)")
    }

    var stderr: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// SIGKILL: no chance to finish anything.
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: log)
    }
}

/// A blocking HTTP client for the tests.
struct HTTPReply {
    var status: Int
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
    func json() throws -> Any { try JSONSerialization.jsonObject(with: body) }
}

enum HTTP {
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 120
        configuration.timeoutIntervalForResource = 300
        configuration.httpMaximumConnectionsPerHost = 16
        return URLSession(configuration: configuration)
    }()

    static func request(_ method: String, _ url: URL, token: String? = nil, contentType: String? = nil, body: Data? = nil) -> URLRequest {
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        request.httpBody = body
        return request
    }

    /// Sends and waits; throws when no answer came (a connection reset, a timeout).
    static func send(_ request: URLRequest) throws -> HTTPReply {
        final class Box: @unchecked Sendable { var result: Result<HTTPReply, any Error>? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        session.dataTask(with: request) { data, response, error in
            if let error {
                box.result = .failure(error)
            } else if let response = response as? HTTPURLResponse {
                box.result = .success(HTTPReply(status: response.statusCode, body: data ?? Data()))
            } else {
                box.result = .failure(HarnessFailure("no HTTP response"))
            }
            done.signal()
        }.resume()
        done.wait()
        return try box.result!.get()
    }

    static func get(_ server: ServerProcess, _ path: String, token: String?) throws -> HTTPReply {
        try send(request("GET", URL(string: server.baseURL.absoluteString + path)!, token: token))
    }

    static func post(_ server: ServerProcess, _ path: String, token: String?, contentType: String?, body: Data) throws -> HTTPReply {
        try send(request("POST", URL(string: server.baseURL.absoluteString + path)!, token: token, contentType: contentType, body: body))
    }
}

/// A test class on one throwaway PostgreSQL (started once per class, stopped after it), with the
/// `tm serve` processes and scratch folders of each test stopped and removed after it.
class PostgresTestCase: XCTestCase {
    nonisolated(unsafe) static var postgres: PostgresHarness?
    nonisolated(unsafe) static var startFailure: Error?
    private var servers: [ServerProcess] = []
    private var folders: [URL] = []

    override class func setUp() {
        super.setUp()
        do { postgres = try PostgresHarness() } catch { startFailure = error }
    }

    override class func tearDown() {
        postgres?.stop()
        postgres = nil
        super.tearDown()
    }

    override func tearDown() {
        for server in servers { server.stop() }
        for folder in folders { try? FileManager.default.removeItem(at: folder) }
        super.tearDown()
    }

    /// The class's PostgreSQL and a new database on it; a failure (never a skip) when it could not start.
    func database() throws -> (PostgresHarness, String) {
        if let startFailure = Self.startFailure { throw startFailure }
        guard let postgres = Self.postgres else { throw HarnessFailure("PostgreSQL did not start") }
        return (postgres, try postgres.createDatabase())
    }

    func startServer(_ url: String, _ arguments: [String] = []) throws -> ServerProcess {
        let server = try ServerProcess(database: url, arguments: arguments)
        servers.append(server)
        return server
    }

    /// `tm serve token create`: the token, the last line it prints.
    func token(_ url: String, name: String, role: String) throws -> String {
        let result = try TMBinary.run(["serve", "token", "create", name, "--role", role, "--database", url])
        XCTAssertEqual(result.status, 0, result.stderr)
        let token = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(token.hasPrefix("tm_"), "the last line is the token: \(result.stdout)")
        return token
    }

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-server-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        folders.append(folder)
        return folder
    }
}
