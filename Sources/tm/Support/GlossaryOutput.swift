import TranslationMemory

/// How the glossary commands show entries and problems.
enum GlossaryOutput {
    static func report(_ problems: [GlossaryProblem], limit: Int = 30) {
        for problem in problems.prefix(limit) { Output.error("\(problem.description) [\(problem.kind.rawValue)]") }
        if problems.count > limit { Output.error("… and \(problems.count - limit) more problems") }
    }

    static func line(_ entry: GlossaryEntry) -> String {
        var text = "\(entry.source)\t\(entry.target)"
        var extras: [String] = []
        if let pos = entry.partOfSpeech { extras.append(pos) }
        if let domain = entry.domain { extras.append(domain) }
        if !entry.alternativeTargets.isEmpty { extras.append("also: " + entry.alternativeTargets.joined(separator: "; ")) }
        if !entry.forbiddenTargets.isEmpty { extras.append("not: " + entry.forbiddenTargets.joined(separator: "; ")) }
        if let note = entry.note { extras.append(note) }
        if !extras.isEmpty { text += "\t" + extras.joined(separator: " | ") }
        return text
    }
}
