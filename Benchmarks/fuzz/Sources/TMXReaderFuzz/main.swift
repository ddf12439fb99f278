import Foundation
import TranslationMemory

// libFuzzer runs `fuzzTMXReader` on each input. The reader only reads paths, so each input is
// written to a file in /dev/shm (memory, not disk) and read from there with the public API, as
// `tm stats` and `tm import` read a file. Errors are expected and ignored; a crash, a hang or a
// broken round trip is a finding.

/// `TM_FUZZ_SCRATCH` (set by run.sh, which removes it after the run), else /dev/shm; one folder
/// a process, as -fork runs one process after another.
private let directory: String = {
    let environment = ProcessInfo.processInfo.environment
    let base = environment["TM_FUZZ_SCRATCH"]
        ?? (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
    let path = "\(base)/tm-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()
private let inputPath = directory + "/input.tmx"
private let roundTripPath = directory + "/written.tmx"

/// Writes `units` with `header` and reads the file back; nil when the writer refuses (a text too
/// long to read back, a full disk): that is the writer's answer, not a reader's failure.
private func roundTrip(_ units: [TranslationUnit], header: TMXHeader) -> (written: [TranslationUnit], read: [TranslationUnit])? {
    var written: [TranslationUnit] = []
    do {
        let writer = try TMXWriter(path: roundTripPath, header: header)
        for unit in units {
            do {
                try writer.write(unit)
                written.append(unit)
            } catch {
                continue
            }
        }
        try writer.finish()
    } catch {
        return nil
    }
    do {
        return (written, try TMXReader.readAll(path: roundTripPath).units)
    } catch {
        fatalError("round trip, written file unreadable: \(error)")
    }
}

func fuzzTMXReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    guard FileManager.default.createFile(atPath: inputPath, contents: bytes) else {
        fatalError("cannot write \(inputPath)")
    }
    // 1. The reader, unit by unit, as every command reads a memory.
    var header = TMXHeader()
    var units: [TranslationUnit] = []
    do {
        let reader = try TMXReader(path: inputPath)
        while let unit = try reader.next() {
            _ = unit.indonesianEnglishPair
            _ = unit.creationDate
            _ = unit.changeDate
            for variant in unit.variants {
                _ = variant.languageCode
                _ = variant.segment.hasSubflowText
            }
            units.append(MemoryImporter.normalizingLanguages(unit))
        }
        header = reader.header
    } catch {
        units = []
    }
    // 2. `tm stats` over the file as a single-file memory.
    _ = try? MemoryStatistics.compute(TranslationMemoryStore(path: inputPath))
    // 3. What the reader accepted, the writer writes and the reader reads back: every unit with
    // its languages. Foreign markup is rewritten as native code on the first write, so only the
    // second round trip must give back exactly what went in.
    guard !units.isEmpty, let first = roundTrip(units, header: header) else { return 0 }
    let languages = { (units: [TranslationUnit]) in units.map { $0.variants.map(\.language) } }
    guard languages(first.read) == languages(first.written) else {
        let emptyCode = languages(first.written).joined().contains("") ? " (a language code normalised to \"\")" : ""
        fatalError("round trip, units lost\(emptyCode): \(first.written.count) written, \(first.read.count) read back: \(languages(first.written)) → \(languages(first.read))")
    }
    guard let second = roundTrip(first.read, header: header) else { return 0 }
    guard second.read == second.written else {
        let index = zip(second.written, second.read).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(second.written.count, second.read.count)
        fatalError("second round trip, unit changed: unit \(index + 1): \(second.written.dropFirst(index).first.map { "\($0)" } ?? "none") → \(second.read.dropFirst(index).first.map { "\($0)" } ?? "none")")
    }
    return 0
}

/// libFuzzer's own driver. SwiftPM renames an executable's `main`, which hides libFuzzer's, so
/// this top-level code starts the driver itself.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzTMXReader($0, $1) })
