import Foundation

/// A day of the week, numbered as ISO 8601 does (Monday 1 … Sunday 7).
public enum Weekday: Int, Sendable, Codable, CaseIterable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday
}

/// A date as news copy gives it: a month, with a day (or a span of days) and a year when written.
public struct CalendarDate: Sendable, Codable, Hashable {
    /// 1…31, nil for a month alone (`Agustus 2023`).
    public var day: Int?
    /// The last day of a span in the same month (`2-3 Februari`).
    public var endDay: Int?
    /// 1…12.
    public var month: Int
    public var year: Int?

    public init(day: Int?, endDay: Int? = nil, month: Int, year: Int? = nil) {
        self.day = day
        self.endDay = endDay
        self.month = month
        self.year = year
    }

    /// The weekday of the first day in the Gregorian calendar, using `year` when the date has
    /// none; nil without a day or a year.
    public func weekday(assumingYear fallback: Int? = nil) -> Weekday? {
        guard let day, let year = year ?? fallback else { return nil }
        return QuantityCalendar.weekday(day: day, month: month, year: year)
    }

    var key: String {
        let y = year.map { String($0) } ?? "?"
        let d = day.map { String($0) } ?? "?"
        return "\(y)-\(month)-\(d)" + (endDay.map { "..\($0)" } ?? "")
    }
}

/// A time zone named next to a clock time.
public enum TimeZoneMark: String, Sendable, Codable, CaseIterable {
    /// Waktu Indonesia Barat (UTC+7), Tengah (UTC+8), Timur (UTC+9).
    case wib, wita, wit
    /// `waktu setempat`, `local time`.
    case local
    case gmt, utc
}

/// A time of day. `hour` is 0…23 unless `twelveHour`: an English time written without a.m. or
/// p.m. (`at 10:30`), whose hour is the dial's 1…12.
public struct ClockTime: Sendable, Codable, Hashable {
    public var hour: Int
    public var minute: Int
    public var twelveHour: Bool
    public var zone: TimeZoneMark?

    public init(hour: Int, minute: Int, twelveHour: Bool = false, zone: TimeZoneMark? = nil) {
        self.hour = hour
        self.minute = minute
        self.twelveHour = twelveHour
        self.zone = zone
    }

    var key: String {
        let clock = String(format: "%02d:%02d", hour, minute) + (twelveHour ? "/12" : "")
        return zone.map { clock + " " + $0.rawValue } ?? clock
    }
}

/// Calendar arithmetic for the checks that compare a weekday with its date.
public enum QuantityCalendar {
    /// The weekday of a Gregorian date (Sakamoto's method).
    /// - Complexity: O(1).
    public static func weekday(day: Int, month: Int, year: Int) -> Weekday {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        let sundayBased = (y + y / 4 - y / 100 + y / 400 + offsets[(month - 1) % 12] + day) % 7   // 0 = Sunday
        return Weekday(rawValue: sundayBased == 0 ? 7 : sundayBased)!
    }

    /// Weekdays that contradict the date written with them (`Senin (8/8/2023)`: 8 August 2023 is
    /// a Tuesday). A weekday goes with the date right after it, as ANTARA writes `Senin (7/8)`;
    /// dates without a year take `year`.
    /// - Returns: pairs of indices into `quantities`: the weekday and its date.
    /// - Complexity: O(n) in the number of quantities.
    public static func contradictions(in quantities: [Quantity], text: String, assumingYear year: Int? = nil) -> [(weekday: Int, date: Int)] {
        var result: [(weekday: Int, date: Int)] = []
        let scalars = Array(text.unicodeScalars)
        for index in quantities.indices.dropLast() where quantities[index].kind == .weekday {
            let next = index + 1
            guard quantities[next].kind == .date, let date = quantities[next].value.date,
                  let weekday = quantities[index].value.weekday else { continue }
            let between = scalars[quantities[index].range.upperBound..<quantities[next].range.lowerBound]
            guard between.allSatisfy({ $0 == " " || $0 == "(" || $0 == "," }) else { continue }
            if let actual = date.weekday(assumingYear: year), actual != weekday { result.append((index, next)) }
        }
        return result
    }
}
