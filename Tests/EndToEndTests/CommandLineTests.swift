import XCTest

final class CommandLineTests: XCTestCase {
    func testUsageErrorsExit64() throws {
        let result = try TMProcess.run(["import"])
        XCTAssertEqual(result.status, 64, result.stderr)
        let unknown = try TMProcess.run(["no-such-command"])
        XCTAssertEqual(unknown.status, 64, unknown.stderr)
    }

    func testHelpListsCommands() throws {
        let result = try TMProcess.run(["--help"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("import"))
        XCTAssertTrue(result.stdout.contains("export"))
    }
}
