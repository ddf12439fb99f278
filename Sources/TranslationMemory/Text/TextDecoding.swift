import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads text files as people save them: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, CRLF
/// or CR line ends (normalised to LF). Anything else is refused with the offset of the first bad
/// byte, never guessed.
public enum TextDecoding {
    public static func readFile(_ path: String) throws -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a regular file" : "no such file"
            throw TMError(.cannotRead(reason: reason), path: path)
        }
        return try decode(data, path: path)
    }

    public static func decode(_ data: Data, path: String) throws -> String {
        if let text = decodeCommonCase(data) { return text }
        let bytes = [UInt8](data)
        var text: String
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            guard (bytes.count - 2) % 2 == 0 else {
                throw badBytes(bytes, at: bytes.count - 1, encoding: "UTF-16", path: path)
            }
            var units: [UInt16] = []
            units.reserveCapacity((bytes.count - 2) / 2)
            var index = 2
            while index + 1 < bytes.count {
                units.append(littleEndian ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                                          : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
                index += 2
            }
            var scalars = String.UnicodeScalarView()
            var decoder = UTF16()
            var iterator = units.makeIterator()
            var consumed = 0
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar):
                    scalars.append(scalar)
                    consumed += scalar.value > 0xFFFF ? 2 : 1
                case .emptyInput: break loop
                case .error:
                    throw badBytes(bytes, at: 2 + consumed * 2, encoding: "UTF-16", path: path)
                }
            }
            text = String(scalars)
        } else {
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            let offsetBase = bytes.count - body.count
            if let bad = firstInvalidUTF8(body) {
                throw badBytes(bytes, at: offsetBase + bad, encoding: "UTF-8", path: path)
            }
            text = String(decoding: body, as: UTF8.self)
        }
        if let nul = text.utf8.firstIndex(of: 0) {
            let offset = text.utf8.distance(from: text.utf8.startIndex, to: nul)
            if let utf16 = utf16WithoutMark(bytes) {
                throw badBytes(bytes, at: offset, encoding: "UTF-8",
                               hint: "it looks like \(utf16) without a byte order mark: convert it (iconv -f \(utf16) -t UTF-8 FILE > NEW)", path: path)
            }
            let (line, column) = position(of: offset, in: bytes)
            throw TMError(.binary(byteOffset: offset), path: path, line: line, column: column)
        }
        if text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    /// The error for bytes that are not valid `encoding` at `offset`, with its line and column
    /// and a hint at what the file probably is.
    static func badBytes(_ bytes: [UInt8], at offset: Int, encoding: String, hint: String? = nil, path: String) -> TMError {
        let (line, column) = position(of: offset, in: bytes)
        var advice = hint ?? "save the file as UTF-8 and try again"
        if hint == nil, encoding == "UTF-8", offset < bytes.count, bytes[offset] >= 0x80 {
            advice = "if it is Latin-1 or Windows-1252, convert it (iconv -f latin1 -t utf-8 FILE > NEW)"
        }
        return TMError(.invalidEncoding(encoding: encoding, byteOffset: offset, hint: advice), path: path, line: line, column: column)
    }

    /// Line and column (in bytes, from 1) of a byte offset, counting LF, CRLF and CR as line ends.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < min(offset, bytes.count) {
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return (line, offset - lineStart + 1)
    }

    /// `UTF-16LE` or `UTF-16BE` when the file's NUL bytes fall where UTF-16 puts them for
    /// ASCII text (every other byte), nil otherwise.
    static func utf16WithoutMark(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 4 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let half = sample.count / 2
        if oddZeros * 10 >= half * 6, evenZeros * 10 < half { return "UTF-16LE" }
        if evenZeros * 10 >= half * 6, oddZeros * 10 < half { return "UTF-16BE" }
        return nil
    }

    /// The common case — UTF-8 without CR, NUL or UTF-16 BOM — validated once by the standard
    /// library, NUL and CR found with `memchr`: a 100 MB article decodes at memory speed. Nil sends
    /// the data down the general path, which also finds the exact offset of any bad byte.
    static func decodeCommonCase(_ data: Data) -> String? {
        data.withUnsafeBytes { raw -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
            if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return nil }
            if memchr(base, 0x0D, bytes.count) != nil || memchr(base, 0x00, bytes.count) != nil { return nil }
            let skip = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
            return String(validating: UnsafeBufferPointer(rebasing: bytes[skip...]), as: UTF8.self)
        }
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, or nil.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; scalar = UInt32(byte & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(byte & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(byte & 0x07); minimum = 0x10000
            default: return index
            }
            guard index + length <= count else { return index }
            for k in 1..<length {
                let next = bytes[index + k]
                guard next & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
            _ = minimum
        }
        return nil
    }
}
