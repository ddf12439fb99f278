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

    func testBadBytesNameTheOffset() {
        // Latin-1 "é" (0xE9) inside ASCII text.
        XCTAssertThrowsError(try TextDecoding.decode(Data([0x63, 0x61, 0x66, 0xE9, 0x20]), path: "latin1.txt")) { error in
            XCTAssertEqual(error as? TextFileError, .invalidEncoding(path: "latin1.txt", byteOffset: 3, encoding: "UTF-8"))
        }
        XCTAssertThrowsError(try TextDecoding.decode(Data([0x61, 0x00, 0x62]), path: "bin")) { error in
            XCTAssertEqual(error as? TextFileError, .binary(path: "bin", byteOffset: 1))
        }
        // An overlong encoding and a lone surrogate are refused too.
        XCTAssertEqual(TextDecoding.firstInvalidUTF8([0x41, 0xC0, 0x80]), 1)
        XCTAssertEqual(TextDecoding.firstInvalidUTF8([0xED, 0xA0, 0x80]), 0)
        XCTAssertNil(TextDecoding.firstInvalidUTF8(Array("Rp1.500 – “kutipan” 🙂".utf8)))
    }
}
