import ArgumentParser
import Foundation
import TranslationMemory

/// How runs read in text output.
enum RunText {
    /// `2024-05-01 10:15:00Z`.
    static func date(_ date: Date) -> String {
        let stamp = TMXDate.format(date)
        func part(_ from: Int, _ length: Int) -> Substring { stamp.dropFirst(from).prefix(length) }
        return "\(part(0, 4))-\(part(4, 2))-\(part(6, 2)) \(part(9, 2)):\(part(11, 2)):\(part(13, 2))Z"
    }

    /// A run id given on the command line, checked for its shape.
    static func id(_ text: String) throws -> String {
        guard MemoryRun.isID(text) else {
            throw ValidationError("'\(text)' is not a run id (YYYYMMDDThhmmssZ-xxxxxx; tm log lists them)")
        }
        return text
    }
}
