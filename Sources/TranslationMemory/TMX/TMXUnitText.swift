import Foundation

/// The `<tu>` elements of a TMX file as they stand in its bytes, for a store that keeps each
/// unit's XML whole (the shared memory of `tm serve` keeps them in PostgreSQL and exports them
/// without loss). Found by the byte scan `TMXUnitLayout` that undo uses.
public enum TMXUnitText {
    /// Each `<tu>…</tu>` of a UTF-8 file (as `TMXWriter` writes), in file order, with its line.
    /// Throws when the file is in another encoding.
    public static func units(ofFile path: String) throws -> [(xml: String, line: Int)] {
        let mapped = try MappedFile(path: path)
        let encoding = XMLFileEncoding.detect(head: Array(mapped.bytes.prefix(200)))
        guard case .utf8 = encoding.form else {
            throw TMError(.invalidContent(reason: "only UTF-8 TMX files are read unit by unit"), path: path)
        }
        let layout = TMXUnitLayout.scan(mapped, encoding: encoding)
        return layout.units.map { span in
            (String(decoding: UnsafeRawBufferPointer(rebasing: mapped.bytes[span.bytes]), as: UTF8.self), span.line)
        }
    }
}
