import Foundation

/// ANSI colours for stdout. Only the CLI colours: the library hands over plain text and data.
struct Colours {
    enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", boldYellow = "1;33"
    }

    let enabled: Bool

    /// Colours only when stdout is a terminal and NO_COLOR is unset (or empty, as no-color.org says).
    static var forStdout: Colours {
        Colours(enabled: isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true)
    }

    func paint(_ text: String, _ style: Style) -> String {
        enabled ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
