import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an article for segmentation: the same contract as `TextDecoding.readFile` (UTF-8 with
/// or without BOM, UTF-16 with BOM, CRLF; errors name the file and the byte offset), with a fast
/// path for the common case — UTF-8 without CR — that validates once with the standard library
/// and looks for NUL bytes with `memchr`, so that a 100 MB article reads at memory speed.
public enum SegmenterTextInput {
    public static func readFile(_ path: String) throws -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            return try TextDecoding.readFile(path)   // reports the reason in the shared wording
        }
        return try decode(data, path: path)
    }

    public static func decode(_ data: Data, path: String) throws -> String {
        let fast: String?? = data.withUnsafeBytes { raw -> String?? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress, bytes.count > 0 else { return .some(nil) }
            if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return .none }
            if memchr(base, 0x0D, bytes.count) != nil || memchr(base, 0x00, bytes.count) != nil { return .none }
            let skip = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
            return .some(String(validating: UnsafeBufferPointer(rebasing: bytes[skip...]), as: UTF8.self))
        }
        switch fast {
        case .some(.some(let text)): return text
        case .some(.none) where data.isEmpty: return ""
        default: return try TextDecoding.decode(data, path: path)   // slow path: exact error offsets, UTF-16, CR
        }
    }
}
