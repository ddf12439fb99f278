extension AlignmentLexicon {
    /// English irregular forms and their base, so that a dictionary's `find` meets `found` and
    /// `child` meets `children`: the irregular verbs' past tenses and participles, irregular
    /// plurals, and the few regular forms the light stem cannot undo (`used`, `using`).
    /// Written for this project from English grammar (the common irregular verbs and nouns).
    static let englishIrregularBases: [String: String] = {
        let groups: [(String, [String])] = [
            ("arise", ["arose", "arisen"]), ("awake", ["awoke", "awoken"]), ("be", ["was", "were", "been", "being", "is", "are", "am"]),
            ("bear", ["bore", "borne", "born"]), ("beat", ["beaten"]), ("become", ["became", "becoming"]), ("begin", ["began", "begun", "beginning"]),
            ("bend", ["bent"]), ("bet", ["betting"]), ("bind", ["bound"]), ("bite", ["bit", "bitten"]), ("bleed", ["bled"]),
            ("blow", ["blew", "blown"]), ("break", ["broke", "broken"]), ("breed", ["bred"]), ("bring", ["brought", "bringing"]),
            ("build", ["built"]), ("burn", ["burnt"]), ("buy", ["bought"]), ("catch", ["caught"]), ("choose", ["chose", "chosen"]),
            ("cling", ["clung"]), ("come", ["came", "coming"]), ("cost", ["costing"]), ("creep", ["crept"]), ("deal", ["dealt"]),
            ("dig", ["dug"]), ("do", ["did", "done", "does", "doing"]), ("draw", ["drew", "drawn"]), ("dream", ["dreamt"]),
            ("drink", ["drank", "drunk"]), ("drive", ["drove", "driven"]), ("eat", ["ate", "eaten"]), ("fall", ["fell", "fallen"]),
            ("feed", ["fed"]), ("feel", ["felt"]), ("fight", ["fought"]), ("find", ["found"]), ("flee", ["fled"]), ("fly", ["flew", "flown", "flies"]),
            ("forbid", ["forbade", "forbidden"]), ("forecast", ["forecasting"]), ("forget", ["forgot", "forgotten"]),
            ("forgive", ["forgave", "forgiven"]), ("freeze", ["froze", "frozen"]), ("get", ["got", "gotten", "getting"]),
            ("give", ["gave", "given", "giving"]), ("go", ["went", "gone", "goes", "going"]),
            ("grow", ["grew", "grown"]), ("hang", ["hung"]), ("have", ["had", "has", "having"]), ("hear", ["heard"]),
            ("hide", ["hid", "hidden"]), ("hit", ["hitting"]), ("hold", ["held"]), ("hurt", ["hurting"]), ("keep", ["kept"]),
            ("know", ["knew", "known"]), ("lay", ["laid"]), ("lead", ["led"]), ("lean", ["leant"]), ("leap", ["leapt"]),
            ("learn", ["learnt"]), ("leave", ["left", "leaving"]), ("lend", ["lent"]), ("let", ["letting"]), ("lie", ["lain", "lying"]),
            ("light", ["lit"]), ("lose", ["lost", "losing"]), ("make", ["made", "making"]), ("mean", ["meant"]), ("meet", ["met"]),
            ("pay", ["paid"]), ("prove", ["proven"]), ("put", ["putting"]), ("quit", ["quitting"]), ("read", ["reading"]),
            ("ride", ["rode", "ridden"]), ("ring", ["rang", "rung"]), ("rise", ["rose", "risen", "rising"]), ("run", ["ran", "running"]),
            ("say", ["said", "says"]), ("see", ["saw", "seen", "seeing"]), ("seek", ["sought"]), ("sell", ["sold"]), ("send", ["sent"]),
            ("set", ["setting"]), ("shake", ["shook", "shaken"]), ("shine", ["shone"]), ("shoot", ["shot"]), ("show", ["shown"]),
            ("shrink", ["shrank", "shrunk"]), ("shut", ["shutting"]), ("sing", ["sang", "sung"]), ("sink", ["sank", "sunk"]),
            ("sit", ["sat", "sitting"]), ("sleep", ["slept"]), ("slide", ["slid"]), ("speak", ["spoke", "spoken"]),
            ("spend", ["spent"]), ("spin", ["spun"]), ("spread", ["spreading"]), ("spring", ["sprang", "sprung"]),
            ("stand", ["stood"]), ("steal", ["stole", "stolen"]), ("stick", ["stuck"]), ("sting", ["stung"]), ("strike", ["struck", "stricken"]),
            ("swear", ["swore", "sworn"]), ("sweep", ["swept"]), ("swim", ["swam", "swum"]), ("swing", ["swung"]),
            ("take", ["took", "taken", "taking"]), ("teach", ["taught"]), ("tear", ["tore", "torn"]), ("tell", ["told"]),
            ("think", ["thought"]), ("throw", ["threw", "thrown"]), ("understand", ["understood"]), ("undergo", ["underwent", "undergone"]),
            ("undertake", ["undertook", "undertaken"]), ("wake", ["woke", "woken"]), ("wear", ["wore", "worn"]), ("weep", ["wept"]),
            ("win", ["won", "winning"]), ("withdraw", ["withdrew", "withdrawn"]), ("write", ["wrote", "written", "writing"]),
            ("use", ["used", "using", "uses"]), ("agree", ["agreed"]), ("guarantee", ["guaranteed"]), ("free", ["freed"]),
            ("die", ["died", "dies", "dying"]), ("tie", ["tied", "tying"]),
            // Irregular plurals.
            ("child", ["children"]), ("person", ["people", "persons"]), ("man", ["men"]), ("woman", ["women"]), ("foot", ["feet"]),
            ("tooth", ["teeth"]), ("mouse", ["mice"]), ("goose", ["geese"]), ("ox", ["oxen"]), ("life", ["lives"]), ("wife", ["wives"]),
            ("knife", ["knives"]), ("leaf", ["leaves"]), ("half", ["halves"]), ("shelf", ["shelves"]), ("thief", ["thieves"]),
            ("wolf", ["wolves"]), ("crisis", ["crises"]), ("analysis", ["analyses"]), ("thesis", ["theses"]),
            ("diagnosis", ["diagnoses"]), ("hypothesis", ["hypotheses"]), ("phenomenon", ["phenomena"]), ("criterion", ["criteria"]),
            ("datum", ["data"]), ("bacterium", ["bacteria"]),
            // Comparatives and superlatives of the irregular adjectives.
            ("good", ["better", "best"]), ("bad", ["worse", "worst"]), ("many", ["more", "most"]), ("little", ["less", "least"]),
            ("far", ["further", "furthest", "farther", "farthest"]),
            // Regular comparatives and superlatives of common adjectives (`-er` alone is no ending
            // to strip: `number`, `manner`, `liver`).
            ("high", ["higher", "highest"]), ("low", ["lower", "lowest"]), ("old", ["older", "oldest", "elder", "eldest"]),
            ("young", ["younger", "youngest"]), ("large", ["larger", "largest"]), ("great", ["greater", "greatest"]),
            ("small", ["smaller", "smallest"]), ("big", ["bigger", "biggest"]), ("long", ["longer", "longest"]),
            ("short", ["shorter", "shortest"]), ("early", ["earlier", "earliest"]), ("late", ["later", "latest"]),
            ("fast", ["faster", "fastest"]), ("slow", ["slower", "slowest"]), ("strong", ["stronger", "strongest"]),
            ("weak", ["weaker", "weakest"]), ("new", ["newer", "newest"]), ("close", ["closer", "closest"]),
            ("near", ["nearer", "nearest"]), ("wide", ["wider", "widest"]), ("easy", ["easier", "easiest"]),
            ("hard", ["harder", "hardest"]), ("strict", ["stricter", "strictest"]), ("heavy", ["heavier", "heaviest"]),
            ("rich", ["richer", "richest"]), ("poor", ["poorer", "poorest"]), ("cheap", ["cheaper", "cheapest"]),
            ("deep", ["deeper", "deepest"]), ("safe", ["safer", "safest"]), ("warm", ["warmer", "warmest"]),
            ("cold", ["colder", "coldest"]), ("hot", ["hotter", "hottest"]), ("dry", ["drier", "driest"]),
            ("busy", ["busier", "busiest"]), ("severe", ["severer"]),
        ]
        var table: [String: String] = [:]
        for (base, forms) in groups {
            for form in forms where table[form] == nil { table[form] = base }
        }
        return table
    }()
}
