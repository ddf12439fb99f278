import XCTest
@testable import TranslationMemory

final class TextDecodingTests: XCTestCase {
    func testEncodingsAndLineEnds() throws {
        let text = "Jakarta (ANTARA) - Harga naik.\nBaris dua."
        XCTAssertEqual(try TextDecoding.decode(Data(text.utf8), path: "a"), text)
        XCTAssertEqual(try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8), path: "a"), text)
        XCTAssertEqual(try TextDecoding.decode(TMXFixtures.utf16LittleEndian(text), path: "a"), text)
        XCTAssertEqual(try TextDecoding.decode(TMXFixtures.utf16BigEndian(text), path: "a"), text)
        XCTAssertEqual(try TextDecoding.decode(Data("a\r\nb\rc".utf8), path: "a"), "a\nb\nc")
        XCTAssertEqual(try TextDecoding.decode(Data(), path: "a"), "")
    }

    func testBadBytesNameTheOffsetLineAndColumnWithAHint() {
        // Latin-1 "é" (0xE9) on the second line.
        XCTAssertThrowsError(try TextDecoding.decode(Data("Baris satu.\ncaf".utf8) + Data([0xE9, 0x20]), path: "latin1.txt")) { error in
            XCTAssertEqual("\(error)", "latin1.txt:2:4: invalid UTF-8 at byte 15; if it is Latin-1 or Windows-1252, convert it (iconv -f latin1 -t utf-8 FILE > NEW)")
        }
        XCTAssertThrowsError(try TextDecoding.decode(Data([0x61, 0x00, 0x62]), path: "bin")) { error in
            XCTAssertEqual(error as? TMError, TMError(.binary(byteOffset: 1), path: "bin", line: 1, column: 2))
        }
        // UTF-16 saved without its byte order mark.
        let utf16 = "Jakarta (ANTARA) - Harga naik.".data(using: .utf16LittleEndian)!
        XCTAssertThrowsError(try TextDecoding.decode(utf16, path: "utf16.txt")) { error in
            XCTAssertTrue("\(error)".contains("looks like UTF-16LE without a byte order mark") && "\(error)".contains("iconv -f UTF-16LE"), "\(error)")
        }
        // An overlong encoding and a lone surrogate are refused too.
        XCTAssertEqual(TextDecoding.firstInvalidUTF8([0x41, 0xC0, 0x80]), 1)
        XCTAssertEqual(TextDecoding.firstInvalidUTF8([0xED, 0xA0, 0x80]), 0)
        XCTAssertNil(TextDecoding.firstInvalidUTF8(Array("Rp1.500 – “kutipan” 🙂".utf8)))
    }
}
