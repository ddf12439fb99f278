import Foundation
import Logging
import PostgresNIO
import TranslationMemory

/// The shared memory's store of record: a PostgreSQL database that `tm serve` creates the schema
/// of and any number of servers read and write.
///
/// Tables (see `migrations`):
/// - `units`: one row per unit, its whole `<tu>` XML (`tu_xml`, for a lossless export), the
///   Indonesian and English plain texts (`source`, `target`), the duplicate keys (`unit_key`: the
///   languages and NFC plain texts, as a folder memory drops duplicates; `whole_key`: the whole
///   unit), its provenance (`creator`, `creation_date`, `imported_from`) and `run_id`. `seq`, a
///   bigserial, is the change sequence servers follow to keep their index current.
/// - `runs`: each storing request (the runs of `tm log`).
/// - `glossary_entries`: the shared glossary.
/// - `api_tokens`: bearer tokens, only their SHA-256, with a role.
///
/// Writers hold one transaction-scoped advisory lock (`writeLock`) from their duplicate check
/// until commit, so `seq` values become visible in increasing order: a server that has read up
/// to `seq` N never later finds a committed unit below N.
public struct SharedMemoryDatabase: Sendable {
    public let client: PostgresClient
    /// The database as shown to users (no password): `postgres://user@host:port/db`.
    public let label: String
    let logger: Logger

    /// The advisory lock every writer of units takes (an arbitrary constant: "tm" + 16).
    static let writeLock: Int64 = 0x746D_0016
    /// The advisory lock schema migrations take, so that servers starting together do not race.
    static let migrationLock: Int64 = 0x746D_0017
    /// The channel writers notify on commit; servers listening refresh at once.
    public static let changeChannel = "tm_units"

    public init(url: String) throws {
        let parsed = try DatabaseURL(url)
        var configuration = PostgresClient.Configuration(host: parsed.host, port: parsed.port, username: parsed.user,
                                                         password: parsed.password, database: parsed.database, tls: .disable)
        configuration.options.maximumConnections = 16
        client = PostgresClient(configuration: configuration)
        label = parsed.label
        var logger = Logger(label: "tm-serve")
        logger.logLevel = .error
        self.logger = logger
    }

    /// The schema, one step per version; each runs once, in a transaction.
    static let migrations: [String] = [
        """
        CREATE TABLE runs (
            id text PRIMARY KEY,
            command text NOT NULL,
            user_name text NOT NULL,
            created_at timestamptz NOT NULL,
            files text[] NOT NULL,
            units integer NOT NULL
        );
        CREATE TABLE units (
            seq bigserial PRIMARY KEY,
            unit_key char(32) NOT NULL,
            whole_key char(32) NOT NULL,
            source text,
            target text,
            tu_xml text NOT NULL,
            creator text,
            creation_date text,
            imported_from text,
            run_id text REFERENCES runs(id),
            UNIQUE (unit_key, whole_key)
        );
        CREATE INDEX units_run_id ON units (run_id);
        CREATE TABLE glossary_entries (
            id bigserial PRIMARY KEY,
            source text NOT NULL,
            target text NOT NULL,
            note text,
            created_by text,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE api_tokens (
            id bigserial PRIMARY KEY,
            name text NOT NULL UNIQUE,
            role text NOT NULL CHECK (role IN ('reader', 'translator', 'admin')),
            token_sha256 char(64) NOT NULL UNIQUE,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        """,
        // 2: undo. A run taken back removes units, which the servers' mirrors (append-only, by
        // `seq`) cannot follow: the generation tells them to mirror the units again.
        """
        CREATE TABLE tm_generation (value bigint NOT NULL);
        INSERT INTO tm_generation (value) VALUES (0)
        """,
    ]

    /// Creates or migrates the schema to the newest version. Safe when several servers start at once.
    public func migrate() async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
            try await connection.query("CREATE TABLE IF NOT EXISTS tm_schema (version integer NOT NULL)", logger: logger)
            var version = 0
            for try await (value) in try await connection.query("SELECT version FROM tm_schema", logger: logger).decode(Int.self) {
                version = value
            }
            guard version <= Self.migrations.count else {
                throw ServerError.database("the database's schema is version \(version), newer than this tm knows (\(Self.migrations.count)); upgrade tm")
            }
            for step in Self.migrations.dropFirst(version) {
                for statement in step.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) where !statement.isEmpty {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
            }
            if version == 0 {
                try await connection.query("INSERT INTO tm_schema (version) VALUES (\(Self.migrations.count))", logger: logger)
            } else if version < Self.migrations.count {
                try await connection.query("UPDATE tm_schema SET version = \(Self.migrations.count)", logger: logger)
            }
        }
    }

    // MARK: Units

    /// One unit as stored.
    public struct StoredUnit: Sendable {
        public var unitKey: String
        public var wholeKey: String
        public var source: String
        public var target: String
        public var xml: String
        public var creator: String
        public var creationDate: String
    }

    /// Stores the units of one run in one transaction: those whose texts already stand in the
    /// database are left out and counted. Returns how many were new; the run is stored only then.
    public func store(_ units: [StoredUnit], run: MemoryRun, importedFrom: String) async throws -> Int {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.writeLock))", logger: logger)
            var existing = Set<String>()
            let keys = Array(Set(units.map(\.unitKey)))
            for try await key in try await connection.query("SELECT unit_key FROM units WHERE unit_key = ANY(\(keys))", logger: logger).decode(String.self) {
                existing.insert(key)
            }
            let new = units.filter { !existing.contains($0.unitKey) }
            guard !new.isEmpty else { return 0 }
            let files = run.files
            try await connection.query("""
                INSERT INTO runs (id, command, user_name, created_at, files, units)
                VALUES (\(run.id), \(run.command), \(run.user), \(run.date), \(files), \(new.count))
                """, logger: logger)
            // One statement per 2,000 units keeps each message well under PostgreSQL's limits.
            var start = 0
            while start < new.count {
                let chunk = new[start..<min(start + 2_000, new.count)]
                start += chunk.count
                let unitKeys = chunk.map(\.unitKey), wholeKeys = chunk.map(\.wholeKey)
                let sources = chunk.map(\.source), targets = chunk.map(\.target), xmls = chunk.map(\.xml)
                let creators = chunk.map(\.creator), dates = chunk.map(\.creationDate)
                try await connection.query("""
                    INSERT INTO units (unit_key, whole_key, source, target, tu_xml, creator, creation_date, imported_from, run_id)
                    SELECT k, w, NULLIF(s, ''), NULLIF(t, ''), x, NULLIF(c, ''), NULLIF(d, ''), \(importedFrom), \(run.id)
                    FROM unnest(\(unitKeys)::text[], \(wholeKeys)::text[], \(sources)::text[], \(targets)::text[],
                                \(xmls)::text[], \(creators)::text[], \(dates)::text[]) AS u(k, w, s, t, x, c, d)
                    ON CONFLICT (unit_key, whole_key) DO NOTHING
                    """, logger: logger)
            }
            try await connection.query("SELECT pg_notify(\(Self.changeChannel), \(run.id))", logger: logger)
            return new.count
        }
    }

    /// What undoing a run did.
    public struct Undone: Sendable, Codable {
        public var run: MemoryRun
        public var unitsRemoved: Int
    }

    /// Takes run `id` back: its units and the run go in one transaction (under the writers' lock),
    /// and the generation moves on so that every server mirrors the units again. nil when there is
    /// no such run; `RequestError.forbidden` when `user` (not an admin) did not make it.
    public func undo(run id: String, by user: String, isAdmin: Bool) async throws -> Undone? {
        do {
            return try await undoInTransaction(run: id, by: user, isAdmin: isAdmin)
        } catch let error as PostgresTransactionError {
            // A refusal inside the transaction is the caller's answer, not a database failure.
            if let refusal = error.closureError as? RequestError { throw refusal }
            throw error
        }
    }

    private func undoInTransaction(run id: String, by user: String, isAdmin: Bool) async throws -> Undone? {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.writeLock))", logger: logger)
            var found: MemoryRun?
            let rows = try await connection.query("SELECT id, command, user_name, created_at, files, units FROM runs WHERE id = \(id)", logger: logger)
            for try await (id, command, owner, date, files, units) in rows.decode((String, String, String, Date, [String], Int).self) {
                var run = MemoryRun(command: command, files: files, user: owner, date: date)
                run.id = id
                run.units = units
                found = run
            }
            guard let run = found else { return nil }
            guard isAdmin || run.user == user else {
                throw RequestError.forbidden("run \(id) was made by \(run.user); a translator may undo only their own runs")
            }
            var removed = 0
            for try await count in try await connection.query("WITH gone AS (DELETE FROM units WHERE run_id = \(id) RETURNING 1) SELECT count(*) FROM gone", logger: logger).decode(Int.self) {
                removed = count
            }
            try await connection.query("DELETE FROM runs WHERE id = \(id)", logger: logger)
            try await connection.query("UPDATE tm_generation SET value = value + 1", logger: logger)
            return Undone(run: run, unitsRemoved: removed)
        }
    }

    /// The generation: it changes when units are taken out (see `undo`).
    public func generation() async throws -> Int64 {
        var value: Int64 = 0
        for try await current in try await client.query("SELECT value FROM tm_generation", logger: logger).decode(Int64.self) { value = current }
        return value
    }

    /// Units stored after `seq`, in order, at most `limit`.
    public func units(after seq: Int64, limit: Int) async throws -> [(seq: Int64, xml: String)] {
        var result: [(seq: Int64, xml: String)] = []
        for try await row in try await unitRows(after: seq, limit: limit) { result.append(try row.decode((Int64, String).self)) }
        return result
    }

    /// The rows (`seq`, `tu_xml`) of the units stored after `seq`, in order, at most `limit`, as
    /// they arrive: a large batch need never be held whole.
    public func unitRows(after seq: Int64, limit: Int) async throws -> PostgresRowSequence {
        try await client.query("SELECT seq, tu_xml FROM units WHERE seq > \(seq) ORDER BY seq LIMIT \(limit)", logger: logger)
    }

    /// The XML of the unit at `seq`, nil when there is none.
    public func unitXML(seq: Int64) async throws -> String? {
        var xml: String?
        for try await value in try await client.query("SELECT tu_xml FROM units WHERE seq = \(seq)", logger: logger).decode(String.self) { xml = value }
        return xml
    }

    public func unitCount() async throws -> Int {
        var count = 0
        for try await value in try await client.query("SELECT count(*) FROM units", logger: logger).decode(Int.self) { count = value }
        return count
    }

    /// The runs, newest first (as `tm log --json` lists them).
    public func runs() async throws -> [MemoryRun] {
        var runs: [MemoryRun] = []
        let rows = try await client.query("SELECT id, command, user_name, created_at, files, units FROM runs ORDER BY created_at DESC, id DESC", logger: logger)
        for try await (id, command, user, date, files, units) in rows.decode((String, String, String, Date, [String], Int).self) {
            var run = MemoryRun(command: command, files: files, user: user, date: date)
            run.id = id
            run.units = units
            runs.append(run)
        }
        return runs
    }

    // MARK: Glossary

    public func glossaryEntries() async throws -> [SharedGlossaryEntry] {
        var entries: [SharedGlossaryEntry] = []
        let rows = try await client.query("SELECT source, target, note FROM glossary_entries ORDER BY id", logger: logger)
        for try await (source, target, note) in rows.decode((String, String, String?).self) {
            entries.append(SharedGlossaryEntry(source: source, target: target, note: note))
        }
        return entries
    }

    public func addGlossaryEntries(_ entries: [SharedGlossaryEntry], by user: String) async throws {
        try await client.withTransaction(logger: logger) { connection in
            for entry in entries {
                try await connection.query("""
                    INSERT INTO glossary_entries (source, target, note, created_by) VALUES (\(entry.source), \(entry.target), \(entry.note), \(user))
                    """, logger: logger)
            }
        }
    }

    // MARK: Tokens

    /// Creates a token and returns it; only its SHA-256 is stored.
    public func createToken(name: String, role: TokenRole) async throws -> String {
        var generator = SystemRandomNumberGenerator()
        let token = "tm_" + (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        let hash = SHA256.hex(Data(token.utf8))
        do {
            try await client.query("INSERT INTO api_tokens (name, role, token_sha256) VALUES (\(name), \(role.rawValue), \(hash))", logger: logger)
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            throw ServerError.database("a token named \(name) already exists")
        }
        return token
    }

    /// The role and name of a token, or nil when no token has this hash.
    public func role(ofToken token: String) async throws -> (name: String, role: TokenRole)? {
        let hash = SHA256.hex(Data(token.utf8))
        for try await (name, role) in try await client.query("SELECT name, role FROM api_tokens WHERE token_sha256 = \(hash)", logger: logger).decode((String, String).self) {
            if let role = TokenRole(rawValue: role) { return (name, role) }
        }
        return nil
    }
}

/// A glossary entry of the shared glossary.
public struct SharedGlossaryEntry: Sendable, Codable, Hashable {
    public var source: String
    public var target: String
    public var note: String?
}

/// Who may do what (issue 16): readers read, translators also write, admins also manage tokens.
public enum TokenRole: String, Sendable, Codable, CaseIterable, Comparable {
    case reader, translator, admin

    var rank: Int { TokenRole.allCases.firstIndex(of: self)! }
    public static func < (a: TokenRole, b: TokenRole) -> Bool { a.rank < b.rank }
}

/// A `postgres://user:password@host:port/database` address.
struct DatabaseURL {
    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String

    init(_ text: String) throws {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              scheme == "postgres" || scheme == "postgresql" else {
            throw ServerError.usage("--database must be a postgres://user@host:port/database address, not \(text)")
        }
        guard let user = components.user, !user.isEmpty else {
            throw ServerError.usage("--database \(text) names no user (postgres://user@host:port/database)")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty else {
            throw ServerError.usage("--database \(text) names no database (postgres://user@host:port/database)")
        }
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        port = components.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database
    }

    var label: String { "postgres://\(user)@\(host):\(port)/\(database)" }
}

/// What goes wrong in the server, in the user's terms.
public enum ServerError: Error, CustomStringConvertible {
    case usage(String)
    case database(String)

    public var description: String {
        switch self {
        case .usage(let message), .database(let message): return message
        }
    }
}
