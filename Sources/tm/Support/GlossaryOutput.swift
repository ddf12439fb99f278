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
        if entry.targetStatus != .preferred { extras.append(entry.targetStatus.rawValue) }
        if entry.sourceStatus != .preferred { extras.append("source \(entry.sourceStatus.rawValue)") }
        /// A variant with its status when it is not the usual one (a preferred alternative, a superseded variant).
        func variants(_ terms: [String], usual: TermStatus) -> String {
            terms.map { entry.status(ofVariant: $0) == usual ? $0 : "\($0) (\(entry.status(ofVariant: $0).rawValue))" }.joined(separator: "; ")
        }
        if !entry.alternativeTargets.isEmpty { extras.append("also: " + variants(entry.alternativeTargets, usual: .admitted)) }
        if !entry.forbiddenTargets.isEmpty { extras.append("not: " + variants(entry.forbiddenTargets, usual: .deprecated)) }
        if let note = entry.note { extras.append(note) }
        if !extras.isEmpty { text += "\t" + extras.joined(separator: " | ") }
        return text
    }
}
