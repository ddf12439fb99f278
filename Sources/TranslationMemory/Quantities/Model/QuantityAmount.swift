import Foundation

/// A short-scale power of ten named by a word: `juta`/million, `miliar`/billion.
public enum QuantityScale: Int, Sendable, Codable, CaseIterable, Comparable {
    case thousand = 3, million = 6, billion = 9, trillion = 12

    public static func < (a: QuantityScale, b: QuantityScale) -> Bool { a.rawValue < b.rawValue }

    /// 10 raised to the scale's exponent.
    public var multiplier: Decimal { Decimal(sign: .plus, exponent: rawValue, significand: 1) }
}

/// A figure and its scale word: `3,2 triliun` is 3.2 at the trillion scale, worth 3.2 × 10¹².
public struct QuantityAmount: Sendable, Codable, Hashable {
    /// The figure as written, without its scale word: 3.2 in `Rp3,2 triliun`.
    public var figure: Decimal
    public var scale: QuantityScale?

    public init(figure: Decimal, scale: QuantityScale? = nil) {
        self.figure = figure
        self.scale = scale
    }

    /// What the amount is worth: `figure × 10^scale`.
    public var value: Decimal { scale.map { figure * $0.multiplier } ?? figure }
}

/// Units of measure that news copy gives figures in.
public enum MeasureUnit: String, Sendable, Codable, CaseIterable {
    case kilometer, meter, centimeter, millimeter, mile, squareKilometer, squareMeter
    case kilogram, gram, ton, hectare, liter, barrel
    case celsius, magnitude, richter
    case megawatt, kilowattHour, knot, kilometerPerHour
    /// Index points (`naik 25 poin`), percentage points and basis points.
    case point, percentagePoint, basisPoint
}
