import Foundation

/// The units of a memory that a selection names, and where their bytes lie in their files.
///
/// Each file is read with `TMXReader`; a file holding a selected unit (or a unit of the run the
/// selection names) is then scanned byte by byte (`TMXUnitLayout`), and the scan must agree with
/// the reader on the number of `<tu>` elements and on the line of each unit concerned, or the
/// file is not touched.
struct MemorySelectionScan {
    /// A unit found: its file, its place among the file's `<tu>` elements, and what a report shows.
    struct Found {
        var ordinal: Int
        var line: Int
        var run: String?
        var reported: RemovalReport.Unit
    }

    struct FileScan {
        let path: String
        /// Every `<tu>` of the file, read or passed over by the reader.
        let unitElements: Int
        var selected: [Found] = []
        /// The units of the run the selection names, selected or not: their places and lines.
        var runUnits: [(ordinal: Int, line: Int)] = []
        var mapped: MappedFile?
        var encoding = XMLFileEncoding(form: .utf8)
        var layout = TMXUnitLayout()

        func span(_ found: Found) -> TMXUnitLayout.Span { layout.units[found.ordinal] }
        func span(_ place: (ordinal: Int, line: Int)) -> TMXUnitLayout.Span { layout.units[place.ordinal] }

        /// The selected units' runs and byte checksums.
        var selectedDigests: [(run: String, digest: UInt64)] {
            guard let bytes = mapped?.bytes else { return [] }
            return selected.compactMap { found in
                found.run.map { ($0, TMXUnitLayout.digest(of: [span(found)], in: bytes)) }
            }
        }

        /// Where the header bytes that `edits` added lie now, each with the bytes to put back:
        /// the last place before `<body>` that holds them exactly. Throws `runHeaderChanged` when
        /// one is no longer there (edited, or split by a later run's items).
        func headerRestorations(_ edits: [(run: String, edit: TMXAppender.HeaderEdit)]) throws -> [(Range<Int>, [UInt8])] {
            guard let bytes = mapped?.bytes, !edits.isEmpty else { return [] }
            let limit = layout.bodyOpen?.lowerBound ?? layout.units.first?.bytes.lowerBound ?? bytes.count
            var restorations: [(Range<Int>, [UInt8])] = []
            for (run, edit) in edits {
                let added = [UInt8](edit.added)
                var found: Int?
                var start = limit - added.count
                while start >= 0, !added.isEmpty {
                    if bytes[start] == added[0], added.indices.allSatisfy({ bytes[start + $0] == added[$0] }) {
                        found = start
                        break
                    }
                    start -= encoding.width
                }
                guard let found, !restorations.contains(where: { $0.0.overlaps(found..<found + added.count) }) else {
                    throw TMError(.runHeaderChanged(id: run), path: path)
                }
                restorations.append((found..<found + added.count, [UInt8](edit.replaced)))
            }
            return restorations
        }

        /// Writes the file without the selected units, every other byte kept. When no unit is left
        /// and `emptyBody` is given (the `<body/>` a run's units replaced), the body, now blank,
        /// goes back to it. `header` puts back the header bytes that runs taken back changed.
        func writeWithout(to temporary: String, emptyBody: String?, header: [(Range<Int>, [UInt8])] = []) throws {
            guard let bytes = mapped?.bytes else { return }
            // Ranges of the old file replaced by new bytes (empty for a unit cut), in order.
            var edits: [(range: Range<Int>, bytes: [UInt8])] = selected.sorted(by: { $0.ordinal < $1.ordinal }).map { found in
                (TMXUnitLayout.removalRange(of: span(found), in: bytes, encoding: encoding), [])
            }
            if let emptyBody, let open = layout.bodyOpen, let close = layout.bodyClose {
                var kept: [Range<Int>] = []
                var start = open.upperBound
                for edit in edits {
                    kept.append(start..<max(start, edit.range.lowerBound))
                    start = max(start, edit.range.upperBound)
                }
                kept.append(start..<close.lowerBound)
                let blank = kept.allSatisfy { range in
                    stride(from: range.lowerBound, to: range.upperBound, by: encoding.width).allSatisfy { encoding.isBlank(bytes, at: $0) }
                }
                if blank { edits = [(open.lowerBound..<close.upperBound, encoding.encode(emptyBody))] }
            }
            edits = header.map { (range: $0.0, bytes: $0.1) } + edits
            edits.sort { $0.range.lowerBound < $1.range.lowerBound }

            let file = try FileDescriptor(writing: temporary)
            var offset = 0
            func copy(upTo end: Int) throws {
                while offset < end {
                    let block = min(end, offset + 1 << 20)
                    try file.write(Array(bytes[offset..<block]), path: temporary)
                    offset = block
                    if offset % MappedFile.releaseStep == 0 { mapped?.release(upTo: offset) }
                }
            }
            for edit in edits {
                try copy(upTo: max(offset, edit.range.lowerBound))
                if !edit.bytes.isEmpty { try file.write(edit.bytes, path: temporary) }
                offset = max(offset, edit.range.upperBound)
            }
            try copy(upTo: bytes.count)
            try file.close(path: temporary)
        }
    }

    private(set) var files: [String: FileScan] = [:]
    /// Every selected unit, file by file in the memory's order.
    private(set) var selected: [Found] = []
    /// The checksum of the named run's units.
    private(set) var runDigest: UInt64 = 0

    init(store: TranslationMemoryStore, selection: UnitSelection) throws {
        for file in try store.tmxFiles() {
            let reader = try TMXReader(path: file)
            var chosen: [Found] = []
            var ofRun: [(ordinal: Int, line: Int)] = []
            while let unit = try reader.next() {
                let run = unit.property(MemoryRun.idProperty)
                let isSelected = selection.matches(unit)
                guard isSelected || (selection.run != nil && run == selection.run) else { continue }
                let place = (ordinal: reader.unitElements - 1, line: reader.lastUnitLine)
                if isSelected {
                    chosen.append(Found(ordinal: place.ordinal, line: place.line, run: run,
                                        reported: RemovalReport.Unit(file: file, line: place.line,
                                                                     source: unit.variant(for: .indonesian)?.segment.plainText,
                                                                     target: unit.variant(for: .english)?.segment.plainText,
                                                                     creator: unit.attribute("creationid"),
                                                                     date: unit.attribute("creationdate"), run: run)))
                }
                if selection.run != nil && run == selection.run { ofRun.append(place) }
            }
            guard !chosen.isEmpty || !ofRun.isEmpty else { continue }
            var scan = FileScan(path: file, unitElements: reader.unitElements, selected: chosen, runUnits: ofRun)
            let mapped = try MappedFile(path: file)
            scan.mapped = mapped
            scan.encoding = XMLFileEncoding.detect(head: Array(mapped.bytes.prefix(200)))
            scan.layout = TMXUnitLayout.scan(mapped, encoding: scan.encoding)
            guard scan.layout.units.count == reader.unitElements else {
                throw TMError(.cannotLocateUnits(reason: "the reader found \(reader.unitElements) <tu> elements, the byte scan \(scan.layout.units.count)"), path: file)
            }
            // libxml2 knows lines up to 65,534 exactly; past them it gives an element 65,535 or
            // the line of a child: only the order can be checked there.
            for place in chosen.map({ ($0.ordinal, $0.line) }) + ofRun {
                let line = scan.span(place).line
                guard line == place.line || (place.line >= 65_535 && line >= 65_535) else {
                    throw TMError(.cannotLocateUnits(reason: "the unit the reader found here, the byte scan found on line \(line)"),
                                  path: file, line: place.line)
                }
            }
            runDigest &+= TMXUnitLayout.digest(of: ofRun.map(scan.span), in: mapped.bytes)
            for index in scan.selected.indices { scan.selected[index].reported.line = scan.span(scan.selected[index]).line }
            selected += scan.selected
            files[file] = scan
        }
    }
}
