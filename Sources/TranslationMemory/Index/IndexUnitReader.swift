import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a unit's text can be read back from: the index keeps this instead of the text. For a
/// TMX file, the byte range of its `<tu>` (`offset`, `length`); a store that keeps units in a
/// database would put the unit's id in `offset` and give its own `IndexUnitReader`.
public struct IndexUnitLocator: Sendable, Hashable, Codable {
    public var offset: UInt64
    public var length: UInt32
    /// The line of the `<tu>`, for `file:line` in reports.
    public var line: UInt32
    /// A checksum of the unit's two texts (`IndexUnitLocator.check`): what is read back must match.
    public var check: UInt32

    public init(offset: UInt64, length: UInt32, line: UInt32, check: UInt32) {
        self.offset = offset
        self.length = length
        self.line = line
        self.check = check
    }

    /// The checksum of a unit's texts that a read-back is checked against.
    public static func check(indonesian: String, english: String) -> UInt32 {
        var bytes = Array(indonesian.utf8)
        bytes.append(0)
        bytes += english.utf8
        return bytes.withUnsafeBytes { IndexChecksum.fold(IndexChecksum.of($0, seed: 0x6C6F63)) }
    }
}

/// Reads back the units a lookup shows, from where they are stored.
public protocol IndexUnitReader: AnyObject {
    /// The unit at `locator`; throws `.corruptIndex` when what is there is not the unit indexed.
    func record(at locator: IndexUnitLocator) throws -> LookupUnitRecord
}

extension LookupUnitRecord {
    /// What the index shows of a unit: its Indonesian–English pair and provenance (the `tu`'s
    /// creation id and date, else the Indonesian `tuv`'s, else the change id and date); nil
    /// for a unit without both languages.
    public init?(unit: TranslationUnit, line: Int) {
        guard let pair = unit.indonesianEnglishPair else { return nil }
        let source = unit.variant(for: .indonesian)
        let creationID = unit.attribute("creationid") ?? source?.attributes.first { $0.name == "creationid" }?.value
            ?? unit.attribute("changeid") ?? ""
        let creationDate = unit.attribute("creationdate") ?? source?.attributes.first { $0.name == "creationdate" }?.value
            ?? unit.attribute("changedate") ?? ""
        self.init(indonesian: pair.indonesian, english: pair.english, creationID: creationID, creationDate: creationDate, line: line)
    }
}

/// Reads units back from a TMX file at their byte ranges: the `<tu>` is read with `pread`,
/// wrapped in a minimal TMX document in the file's own encoding, and parsed by `TMXReader`, so
/// a unit reads back exactly as a full read of the file gives it.
///
/// A class because it owns the open file.
public final class TMXIndexUnitReader: IndexUnitReader {
    public let path: String
    /// Opened on the first unit read, so a memory of many files holds open only those it shows.
    private var file: (descriptor: Int32, size: UInt64, encoding: XMLFileEncoding)?

    public init(path: String) {
        self.path = path
    }

    deinit { if let file { close(file.descriptor) } }

    private func opened() throws -> (descriptor: Int32, size: UInt64, encoding: XMLFileEncoding) {
        if let file { return file }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw TMError(.cannotRead(reason: systemErrorMessage()), path: path) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            close(descriptor)
            throw TMError(.cannotRead(reason: systemErrorMessage()), path: path)
        }
        var head = [UInt8](repeating: 0, count: 512)
        let count = pread(descriptor, &head, head.count, 0)
        let opened = (descriptor, UInt64(info.st_size), XMLFileEncoding.detect(head: Array(head.prefix(max(0, count)))))
        file = opened
        return opened
    }

    public func record(at locator: IndexUnitLocator) throws -> LookupUnitRecord {
        func corrupt(_ reason: String) -> TMError {
            TMError(.corruptIndex(reason: "the unit at line \(locator.line): \(reason)"), path: path)
        }
        let (descriptor, size, encoding) = try opened()
        guard locator.offset <= size, UInt64(locator.length) <= size - locator.offset, locator.length > 0 else {
            throw corrupt("its bytes lie outside the file")
        }
        var unitBytes = [UInt8](repeating: 0, count: Int(locator.length))
        var done = 0
        while done < unitBytes.count {
            let count = unitBytes.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + done, $0.count - done, off_t(locator.offset) + off_t(done))
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw TMError(.cannotRead(reason: systemErrorMessage()), path: path) }
            done += count
        }
        var document: [UInt8] = []
        switch encoding.form {
        case .utf16LittleEndian: document = [0xFF, 0xFE]
        case .utf16BigEndian: document = [0xFE, 0xFF]
        case .byteEncoding(let name): document = encoding.encode("<?xml version=\"1.0\" encoding=\"\(name)\"?>")
        case .utf8: break
        }
        document += encoding.encode("<tmx version=\"1.4\"><header/><body>")
        document += unitBytes
        document += encoding.encode("</body></tmx>")
        let unit: TranslationUnit?
        do {
            unit = try TMXReader(bytes: document, path: path).next()
        } catch {
            throw corrupt("it does not read as a <tu> (\(error.localizedDescription))")
        }
        guard let unit, let record = LookupUnitRecord(unit: unit, line: Int(locator.line)),
              IndexUnitLocator.check(indonesian: record.indonesian, english: record.english) == locator.check else {
            throw corrupt("it is not the unit indexed")
        }
        return record
    }
}
