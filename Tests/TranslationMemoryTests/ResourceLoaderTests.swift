import XCTest
@testable import TranslationMemory

final class ResourceLoaderTests: XCTestCase {
    func testShippedResourceLoads() throws {
        let text = try ResourceLoader.text(named: "stemmer-id-roots.txt")
        XCTAssertTrue(text.split(separator: "\n").contains("mitra"))
    }

    func testMissingResourceThrowsNamingIt() {
        XCTAssertThrowsError(try ResourceLoader.text(named: "no-such-list.txt")) { error in
            XCTAssertEqual((error as? TMError)?.kind, .missingResource(name: "no-such-list.txt", reason: "not in the installation"))
            XCTAssertEqual(error.localizedDescription,
                           "the data file no-such-list.txt shipped with tm cannot be loaded (not in the installation); reinstall tm")
        }
        // A file by the right name but the wrong extension is missing too.
        XCTAssertThrowsError(try ResourceLoader.text(named: "stemmer-id-roots.tsv"))
    }

    func testStemmerListLoadingFailsLoudly() {
        // Before, a missing list was an empty set, and the stemmer stripped every word.
        XCTAssertThrowsError(try IndonesianStemmer.loadList("stemmer-id-nothing.txt")) { error in
            XCTAssertEqual((error as? TMError)?.kind, .missingResource(name: "stemmer-id-nothing.txt", reason: "not in the installation"))
        }
    }
}
