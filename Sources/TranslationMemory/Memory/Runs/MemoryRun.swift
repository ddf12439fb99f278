import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One storing command (`tm import`, `tm align`): what `tm log` lists and `tm undo` takes back.
/// Every unit the run writes carries its id and user as props (`x-tm-run`, `x-tm-run-user`);
/// `creationid` stays the translator credited with the unit.
public struct MemoryRun: Sendable, Codable, Hashable {
    /// `YYYYMMDDThhmmssZ-` and 6 hex digits: sorts by date, and two runs in one second differ.
    public var id: String
    public var date: Date
    /// Who ran the command: `$TM_USER`, else the login name.
    public var user: String
    /// The subcommand (`import`, `align`).
    public var command: String
    /// The input files, as given on the command line.
    public var files: [String]
    /// The run's units still in the memory.
    public var units: Int

    public static let idProperty = "x-tm-run"
    public static let userProperty = "x-tm-run-user"

    public init(command: String, files: [String], user: String = MemoryRun.currentUser(), date: Date = Date()) {
        let seconds = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        self.id = MemoryRun.newID(date: seconds)
        self.date = seconds
        self.user = user
        self.command = command
        self.files = files
        self.units = 0
    }

    static func newID(date: Date) -> String {
        TMXDate.format(date) + "-" + String(UInt32.random(in: 0..<0x100_0000), radix: 16).leftPadded(to: 6)
    }

    /// True for text shaped as a run id.
    public static func isID(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && TMXDate.parse(String(parts[0])) != nil && parts[1].count == 6
            && parts[1].allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// `$TM_USER`, else the login name, else `$USER`.
    public static func currentUser(environment: [String: String] = ProcessInfo.processInfo.environment,
                                   login: String? = MemoryRun.loginName()) -> String {
        if let user = environment["TM_USER"], !user.isEmpty { return user }
        if let login, !login.isEmpty { return login }
        if let user = environment["USER"], !user.isEmpty { return user }
        return NSUserName()
    }

    /// The name the session logged in with (`getlogin`), which `sudo` and `su` do not change.
    public static func loginName() -> String? {
        guard let name = getlogin() else { return nil }
        return String(cString: name)
    }

    /// The unit as the run stores it: with the run's props, replacing those of a run of another
    /// memory it was exported from.
    func stamp(_ unit: TranslationUnit) -> TranslationUnit {
        var unit = unit
        unit.properties.removeAll { $0.type == MemoryRun.idProperty || $0.type == MemoryRun.userProperty }
        unit.properties.append(Property(type: MemoryRun.idProperty, value: id))
        unit.properties.append(Property(type: MemoryRun.userProperty, value: user))
        return unit
    }
}

private extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}

/// What a storing write put in the memory.
public struct MemoryWrite: Sendable {
    /// The file written: a new file in a folder memory, or the single file.
    public var file: String
    /// The run, with its final id and unit count.
    public var run: MemoryRun
}

/// What `tm log --json` prints.
public struct RunLog: Sendable, Codable, Hashable {
    public var runs: [MemoryRun]

    public init(runs: [MemoryRun]) {
        self.runs = runs
    }
}

extension TranslationMemoryStore {
    /// The runs whose units are in the memory, newest first.
    public func runs() throws -> [MemoryRun] {
        try checkExists()
        // A change a killed writer committed is carried out before its journal is read.
        if FileManager.default.fileExists(atPath: commitIntent) { _ = try lock() }
        return try RunJournal.read(self).records.map(\.run).reversed()
    }
}
