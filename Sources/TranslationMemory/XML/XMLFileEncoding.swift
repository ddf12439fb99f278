import Foundation

/// The encoding of an existing XML file, enough to find markup in its bytes and to write more.
struct XMLFileEncoding {
    enum Form { case utf8, utf16LittleEndian, utf16BigEndian, byteEncoding(String) }
    let form: Form

    /// Bytes per code unit of ASCII markup.
    var width: Int {
        switch form {
        case .utf16LittleEndian, .utf16BigEndian: return 2
        default: return 1
        }
    }

    /// The name libxml2's encoder takes (nil: UTF-8, libxml2's own).
    var libxmlName: String? {
        switch form {
        case .utf8: return nil
        case .utf16LittleEndian: return "UTF-16LE"
        case .utf16BigEndian: return "UTF-16BE"
        case .byteEncoding(let name): return name
        }
    }

    /// ASCII markup in this encoding.
    func encode(_ ascii: String) -> [UInt8] {
        switch form {
        case .utf16LittleEndian: return ascii.utf8.flatMap { [$0, 0] }
        case .utf16BigEndian: return ascii.utf8.flatMap { [0, $0] }
        default: return Array(ascii.utf8)
        }
    }

    /// ASCII markup written in this encoding, back as a string (`encode` reversed).
    func decodeASCII(_ bytes: [UInt8]) -> String {
        switch form {
        case .utf16LittleEndian: return String(decoding: stride(from: 0, to: bytes.count - 1, by: 2).map { bytes[$0] }, as: UTF8.self)
        case .utf16BigEndian: return String(decoding: stride(from: 1, to: bytes.count, by: 2).map { bytes[$0] }, as: UTF8.self)
        default: return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The code unit at byte `index` (a byte, or a UTF-16 unit): markup is ASCII in every form.
    func unit(_ bytes: [UInt8], at index: Int) -> UInt16 {
        switch form {
        case .utf16LittleEndian: return UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
        case .utf16BigEndian: return UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
        default: return UInt16(bytes[index])
        }
    }

    /// True when the code units from byte `index` on spell `ascii`.
    func matches(_ ascii: String, in bytes: [UInt8], at index: Int) -> Bool {
        var position = index
        for character in ascii.utf8 {
            guard position + width <= bytes.count, unit(bytes, at: position) == UInt16(character) else { return false }
            position += width
        }
        return true
    }

    func lastRange(of ascii: String, in bytes: [UInt8]) -> Range<Int>? {
        let pattern = encode(ascii)
        guard bytes.count >= pattern.count else { return nil }
        var start = bytes.count - pattern.count
        while start >= 0 {
            if start % width == 0, bytes[start] == pattern[0], Array(bytes[start..<start + pattern.count]) == pattern {
                return start..<start + pattern.count
            }
            start -= 1
        }
        return nil
    }

    func isBlank<Bytes: RandomAccessCollection>(_ bytes: Bytes, at index: Int) -> Bool where Bytes.Element == UInt8, Bytes.Index == Int {
        let unit: UInt8
        switch form {
        case .utf16LittleEndian:
            guard bytes[index + 1] == 0 else { return false }
            unit = bytes[index]
        case .utf16BigEndian:
            guard bytes[index] == 0 else { return false }
            unit = bytes[index + 1]
        default:
            unit = bytes[index]
        }
        return unit == 0x20 || unit == 0x0A || unit == 0x0D || unit == 0x09
    }

    /// From the BOM, the first characters, or the XML declaration's `encoding`.
    static func detect(head: [UInt8]) -> XMLFileEncoding {
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0x3C, 0x00, 0x3F, 0x00]) { return XMLFileEncoding(form: .utf16LittleEndian) }
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return XMLFileEncoding(form: .utf16BigEndian) }
        let text = String(decoding: head.prefix(200), as: UTF8.self)
        guard text.hasPrefix("<?xml") || text.hasPrefix("\u{FEFF}<?xml"),
              let declarationEnd = text.range(of: "?>"),
              let match = text[..<declarationEnd.lowerBound].range(of: #"encoding\s*=\s*["']([A-Za-z0-9._-]+)["']"#, options: .regularExpression)
        else { return XMLFileEncoding(form: .utf8) }
        let name = text[match].split(whereSeparator: { $0 == "\"" || $0 == "'" })[1]
        let upper = name.uppercased()
        if upper == "UTF-8" || upper == "UTF8" || upper == "US-ASCII" || upper == "ASCII" { return XMLFileEncoding(form: .utf8) }
        return XMLFileEncoding(form: .byteEncoding(String(name)))
    }
}
