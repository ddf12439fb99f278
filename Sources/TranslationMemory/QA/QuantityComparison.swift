import Foundation

/// A quantity of one text without its counterpart in the other: both set when two quantities of
/// the same kind stand where each other's value should be (`Rp1,5 triliun` / `Rp1.5 billion`).
public struct QuantityMismatch: Sendable, Hashable {
    public var kind: QuantityKind
    public var source: Quantity?
    public var target: Quantity?
    /// What differs, when it can be told: `scale word`, `currency`, `day and month swapped`, …
    public var reason: String?
}

/// Compares the quantities of a source and its translation by value and unit, never as strings:
/// `1.500,50` = `1,500.50`, `Rp3,2 triliun` = `Rp3.2 trillion`, `(7/8)` = `Aug. 7`.
///
/// Quantities are paired first within a kind by equal value, then across kinds by equal amounts
/// (`5 miliar` read as money on one side, a bare figure on the other). What is left over is a
/// mismatch, except what translations legitimately leave out: a number or ordinal written as a
/// word (`salah satu`, `kedua negara` = both countries) unless the other side has a contradicting
/// one, the date ANTARA writes after a weekday (`Senin (7/8)`), which English renders as the
/// weekday alone, a range the other side writes as two figures, and what the other side writes as
/// no quantity (`14-day`, `2019–20`, `mid-March`, `on Sundays`).
public enum QuantityComparison {
    /// - Complexity: O(s × t) in the quantities of the two texts (a handful per sentence).
    public static func mismatches(source: [Quantity], sourceText: String, target: [Quantity], targetText: String) -> [QuantityMismatch] {
        var sourceUsed = [Bool](repeating: false, count: source.count)
        var targetUsed = [Bool](repeating: false, count: target.count)
        // Figures pair before words, so that `dua kali lipat … 2,0 hari` pairs `2,0` with `2.0`, not `dua`.
        let sourceOrder = source.indices.filter { !isWord(source[$0]) } + source.indices.filter { isWord(source[$0]) }
        let targetOrder = target.indices.filter { !isWord(target[$0]) } + target.indices.filter { isWord(target[$0]) }
        for pass in [agree, agreeAcrossKinds] {
            for i in sourceOrder where !sourceUsed[i] {
                let s = source[i]
                if let j = targetOrder.first(where: { !targetUsed[$0] && pass(s, target[$0]) }) {
                    sourceUsed[i] = true
                    targetUsed[j] = true
                }
            }
        }
        var leftSource = source.indices.filter { !sourceUsed[$0] }
        var leftTarget = target.indices.filter { !targetUsed[$0] }
        leftSource.removeAll { dateAfterWeekdayKeptAsWeekday(source, $0, sourceText, target) }
        pairRangesWithFigures(source, &leftSource, target, &leftTarget, otherText: targetText)
        pairRangesWithFigures(target, &leftTarget, source, &leftSource, otherText: sourceText)
        leftSource.removeAll { writtenOtherwise(source[$0], in: targetText, claimed: target, language: .english) }
        leftTarget.removeAll { writtenOtherwise(target[$0], in: sourceText, claimed: source, language: .indonesian) }
        var result: [QuantityMismatch] = []
        // Two of a kind left over contradict each other: report them together.
        for kind in QuantityKind.allCases {
            let s = leftSource.filter { source[$0].kind == kind }
            let t = leftTarget.filter { target[$0].kind == kind }
            for (i, j) in zip(s, t) {
                result.append(QuantityMismatch(kind: kind, source: source[i], target: target[j], reason: reason(source[i], target[j])))
                leftSource.removeAll { $0 == i }
                leftTarget.removeAll { $0 == j }
            }
        }
        for i in leftSource where !isOptional(source[i]) {
            result.append(QuantityMismatch(kind: source[i].kind, source: source[i], target: nil, reason: nil))
        }
        for j in leftTarget where !isOptional(target[j]) {
            result.append(QuantityMismatch(kind: target[j].kind, source: nil, target: target[j], reason: nil))
        }
        return result.sorted { ($0.source?.range.lowerBound ?? Int.max, $0.target?.range.lowerBound ?? Int.max)
            < ($1.source?.range.lowerBound ?? Int.max, $1.target?.range.lowerBound ?? Int.max) }
    }

    /// Same kind, same value; a date without a year agrees with the same day and month in any
    /// year, a time on a 12-hour dial with either half of the day, and a named zone with `local time`.
    static func agree(_ a: Quantity, _ b: Quantity) -> Bool {
        guard a.kind == b.kind else { return false }
        switch a.kind {
        case .date:
            guard let x = a.value.date, let y = b.value.date else { return false }
            return x.day == y.day && x.endDay == y.endDay && x.month == y.month && (x.year == nil || y.year == nil || x.year == y.year)
        case .time:
            let (x, y) = (a.value.times, b.value.times)
            return x.count == y.count && zip(x, y).allSatisfy(sameTime)
        default:
            return a.value.key == b.value.key
        }
    }

    static func sameTime(_ a: ClockTime, _ b: ClockTime) -> Bool {
        guard a.minute == b.minute else { return false }
        let hours = (a.twelveHour || b.twelveHour) ? a.hour % 12 == b.hour % 12 : a.hour == b.hour
        guard hours else { return false }
        guard let x = a.zone, let y = b.zone, x != .local, y != .local else { return true }
        return x == y
    }

    /// Different kinds with the same amounts: the same figure read with more context on one side.
    static func agreeAcrossKinds(_ a: Quantity, _ b: Quantity) -> Bool {
        guard a.kind != b.kind, !a.value.amounts.isEmpty else { return false }
        if let x = a.value.currency, let y = b.value.currency, x != y { return false }
        if let x = a.value.unit, let y = b.value.unit, x != y { return false }
        return a.value.amounts.map(\.value) == b.value.amounts.map(\.value)
    }

    static func isWord(_ quantity: Quantity) -> Bool { quantity.form.numeral.style == .word }

    /// Numbers and ordinals in words (`satu`, `kedua`, `one`, `first`) are often not figures at
    /// all in the other language; left alone they are not reported.
    static func isOptional(_ quantity: Quantity) -> Bool {
        (quantity.kind == .number || quantity.kind == .ordinal) && quantity.form.numeral.style == .word
    }

    /// `Senin (7/8)` rendered `on Monday`: the date after a weekday may go when the target has a
    /// weekday (a different one is the weekdays check's finding).
    static func dateAfterWeekdayKeptAsWeekday(_ source: [Quantity], _ index: Int, _ text: String, _ target: [Quantity]) -> Bool {
        guard source[index].kind == .date, index > 0, source[index - 1].kind == .weekday else { return false }
        let scalars = Array(text.unicodeScalars)
        let between = scalars[source[index - 1].range.upperBound..<source[index].range.lowerBound]
        guard between.allSatisfy({ $0 == " " || $0 == "(" || $0 == "," }) else { return false }
        return target.contains { $0.kind == .weekday }
    }

    /// `from 49 to 73` read as a range on one side, `dari 49 menjadi 73` as two figures on the
    /// other; either figure may be glued to a word there (`10 hingga 20 kali` / `10- to 20-fold`).
    static func pairRangesWithFigures(_ one: [Quantity], _ left: inout [Int], _ other: [Quantity], _ otherLeft: inout [Int],
                                      otherText: String) {
        var runs: Set<String>?
        for i in left where one[i].value.amounts.count == 2 {
            let values = one[i].value.amounts.map(\.value)
            let a = otherLeft.first(where: { other[$0].value.amounts.map(\.value) == [values[0]] })
            let b = otherLeft.first(where: { $0 != a && other[$0].value.amounts.map(\.value) == [values[1]] })
            if a == nil || b == nil {
                if runs == nil { runs = freeDigitRuns(otherText, claimed: other) }
                let glued = { (value: Decimal) in Int(exactly: NSDecimalNumber(decimal: value)).map { runs!.contains(String($0)) } ?? false }
                guard a != nil || glued(values[0]), b != nil || glued(values[1]), one[i].form.numeral.style == .digits else { continue }
            }
            left.removeAll { $0 == i }
            otherLeft.removeAll { $0 == a || $0 == b }
        }
    }

    /// A quantity the other text writes in a way that is no quantity there: whole numbers glued
    /// to a word (`14 hari` / `14-day`, `12 gulung` / `12-roll`, `2019-2020` / `2019–20`), a month or weekday named without
    /// a date (`Maret` / `mid-March`, `hari Minggu` / `on Sundays`).
    static func writtenOtherwise(_ quantity: Quantity, in text: String, claimed: [Quantity], language: ArticleLanguage) -> Bool {
        let value = quantity.value
        let wholes = value.amounts.compactMap { $0.scale == nil ? Int(exactly: NSDecimalNumber(decimal: $0.value)) : nil }
        if !wholes.isEmpty, wholes.count == value.amounts.count, quantity.form.numeral.style == .digits {
            let runs = freeDigitRuns(text, claimed: claimed)
            // A season's second year may be cut to two digits: `2019-2020` / `2019–20`.
            return wholes.enumerated().allSatisfy { index, whole in
                runs.contains(String(whole)) || (quantity.kind == .year && index == 1 && runs.contains(String(format: "%02d", whole % 100)))
            }
        }
        var name: String?
        if quantity.kind == .weekday, let weekday = value.weekday {
            name = CalendarVocabulary.weekdayNames[language]?[weekday.rawValue - 1]
        } else if quantity.kind == .date, let date = value.date, date.day == nil, date.year == nil {
            name = CalendarVocabulary.monthNames[language]?[date.month - 1]
        }
        return name.map { text.contains($0) } ?? false
    }

    /// The runs of digits in `text` outside every quantity found in it.
    static func freeDigitRuns(_ text: String, claimed: [Quantity]) -> Set<String> {
        var runs = Set<String>()
        var current = ""
        var offset = 0
        var covered = claimed.map(\.range).makeIterator()
        var next = covered.next()
        for scalar in text.unicodeScalars {
            while let range = next, range.upperBound <= offset { next = covered.next() }
            let inside = next.map { $0.contains(offset) } ?? false
            if ("0"..."9").contains(scalar) && !inside {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                runs.insert(current)
                current = ""
            }
            offset += 1
        }
        if !current.isEmpty { runs.insert(current) }
        return runs
    }

    /// What differs between two quantities of a kind, when one thing does.
    static func reason(_ a: Quantity, _ b: Quantity) -> String? {
        if let x = a.value.currency, let y = b.value.currency, x != y { return "currency \(x) ≠ \(y)" }
        if let x = a.value.unit, let y = b.value.unit, x != y { return "unit \(x.rawValue) ≠ \(y.rawValue)" }
        if let x = a.value.date, let y = b.value.date {
            if x.day == y.month && x.month == y.day && x.day != x.month { return "day and month swapped" }
            if x.year != nil && y.year != nil && x.year != y.year && x.month == y.month && x.day == y.day { return "year" }
            return nil
        }
        let (x, y) = (a.value.amounts, b.value.amounts)
        if x.count == y.count, x.count > 0 {
            if zip(x, y).allSatisfy({ $0.figure == $1.figure }) && zip(x, y).contains(where: { $0.scale != $1.scale }) {
                return "scale word"
            }
        }
        if let t = a.value.times.first, let u = b.value.times.first, t.hour == u.hour, t.minute == u.minute, t.zone != u.zone {
            return "time zone"
        }
        return nil
    }

    /// The value as a reader checks it: `IDR 1500000000000`, `2023-8-7`, `10:30 wib`.
    static func describe(_ quantity: Quantity) -> String {
        if let date = quantity.value.date {
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            var text = (date.day.map { "\($0)" } ?? "") + (date.endDay.map { "–\($0)" } ?? "")
            text += (text.isEmpty ? "" : " ") + months[(date.month - 1) % 12]
            return text + (date.year.map { " \($0)" } ?? "")
        }
        return quantity.value.key
    }
}

/// Compares the quantities of one kind (`numbers`, `money`, … `measures`: the kind's `checkID`);
/// `weekdays` also reports a weekday that contradicts the date written with it.
public struct QuantityCheck: QACheck {
    public let kind: QuantityKind
    public var id: String { kind.checkID }
    public var severity: QASeverity { .error }

    public func findings(in pair: QAPairText) -> [QAFinding] {
        guard !pair.target.isEmpty else { return [] }
        var result = pair.quantityMismatches.filter { $0.kind == kind }.map { mismatch -> QAFinding in
            let describe = QuantityComparison.describe
            switch (mismatch.source, mismatch.target) {
            case let (s?, t?):
                let why = mismatch.reason.map { " (\($0))" } ?? ""
                return finding(pair, "source `\(s.text)` (\(describe(s))) but target `\(t.text)` (\(describe(t)))\(why)",
                               [QASpan(.source, s), QASpan(.target, t)])
            case let (s?, nil):
                return finding(pair, "source `\(s.text)` (\(describe(s))) is not in the target", [QASpan(.source, s)])
            case let (nil, t?):
                return finding(pair, "target `\(t.text)` (\(describe(t))) is not in the source", [QASpan(.target, t)])
            case (nil, nil):
                return finding(pair, "quantities differ")
            }
        }
        if kind == .weekday { result += contradictions(pair) }
        result += indonesianSeparators(pair)
        return result
    }

    /// `5,52%` or `Rp1.500.000` in English copy: the right value in the wrong language's separators.
    private func indonesianSeparators(_ pair: QAPairText) -> [QAFinding] {
        pair.targetQuantities.filter { $0.kind == kind && $0.form.numeral.convention == .indonesian }.map { q in
            finding(pair, "target `\(q.text)` is written with Indonesian separators; English writes `\(QuantityRenderer().render(q, in: .english))`",
                    [QASpan(.target, q)])
        }
    }

    /// `Senin (8/8/2023)`: 8 August 2023 is a Tuesday. Dates without a year take the pair's year.
    private func contradictions(_ pair: QAPairText) -> [QAFinding] {
        let year = (pair.sourceQuantities + pair.targetQuantities).lazy.compactMap { $0.value.date?.year }.first
        var result: [QAFinding] = []
        for (side, quantities, text) in [(QASide.source, pair.sourceQuantities, pair.source), (.target, pair.targetQuantities, pair.target)] {
            for (w, d) in QuantityCalendar.contradictions(in: quantities, text: text, assumingYear: year) {
                let actual = quantities[d].value.date?.weekday(assumingYear: year).map { "\($0)".capitalized } ?? "?"
                result.append(finding(pair, "\(side.rawValue) `\(quantities[w].text)` contradicts `\(quantities[d].text)`, a \(actual)",
                                      [QASpan(side, quantities[w]), QASpan(side, quantities[d])]))
            }
        }
        return result
    }
}
