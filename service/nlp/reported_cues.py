"""Which cue lemmas report which kind of content; written by scripts/fit_reported_cues.py from PolNeAR train.

ccomp: a clause ('said that ...'); passive: a clause of a passive cue ('it was reported that ...'); xcomp:
an infinitive ('urged them to ...'); dobj: an object ('cited a poll'); prep: 'lemma preposition' whose object
is the content ('accused him of lying'); noun: a speech noun with a that-clause ('his claim that ...').
Each entry: lemma  # clauses seen on train, precision.
"""
from __future__ import annotations

REPORTED_CUES: dict[str, frozenset[str]] = {
    "ccomp": frozenset({
        "acknowledge",  # 49, 0.90
        "add",  # 191, 0.94
        "address",  # 4, 0.75
        "admit",  # 28, 0.79
        "adopt",  # 2, 0.50
        "agree",  # 28, 0.82
        "allege",  # 10, 0.80
        "anger",  # 2, 0.50
        "announce",  # 60, 0.90
        "answer",  # 3, 1.00
        "anticipate",  # 2, 0.50
        "appear",  # 16, 0.31
        "applaud",  # 3, 0.33
        "argue",  # 110, 0.93
        "ask",  # 107, 0.79
        "assert",  # 13, 0.85
        "assume",  # 13, 0.31
        "assure",  # 13, 0.85
        "believe",  # 125, 0.46
        "boast",  # 3, 1.00
        "calculate",  # 3, 1.00
        "capture",  # 2, 0.50
        "caution",  # 4, 1.00
        "charge",  # 7, 0.86
        "cite",  # 4, 0.50
        "claim",  # 46, 0.78
        "clarify",  # 5, 0.60
        "complain",  # 10, 0.80
        "concede",  # 10, 0.90
        "conclude",  # 26, 0.96
        "confirm",  # 11, 0.91
        "consider",  # 22, 0.45
        "contend",  # 6, 1.00
        "continue",  # 32, 0.78
        "contradict",  # 2, 1.00
        "convince",  # 14, 0.71
        "counter",  # 4, 0.50
        "criticize",  # 2, 0.50
        "crystallize",  # 3, 0.33
        "cut",  # 3, 0.33
        "dawn",  # 2, 1.00
        "decide",  # 25, 0.32
        "declare",  # 35, 0.80
        "decline",  # 2, 0.50
        "define",  # 2, 1.00
        "demand",  # 4, 0.75
        "demonstrate",  # 11, 0.64
        "denounce",  # 2, 1.00
        "deny",  # 14, 0.79
        "describe",  # 7, 0.71
        "detail",  # 2, 0.50
        "determine",  # 25, 0.36
        "discover",  # 6, 0.33
        "discuss",  # 4, 1.00
        "doubt",  # 5, 0.80
        "email",  # 2, 0.50
        "embrace",  # 2, 0.50
        "emerge",  # 2, 0.50
        "emphasize",  # 9, 0.89
        "enjoy",  # 2, 1.00
        "estimate",  # 12, 0.75
        "expect",  # 24, 0.54
        "explain",  # 50, 0.86
        "express",  # 4, 1.00
        "favor",  # 2, 0.50
        "fear",  # 20, 0.80
        "find",  # 91, 0.71
        "forbid",  # 2, 0.50
        "forecast",  # 2, 1.00
        "forget",  # 4, 0.50
        "grapple",  # 2, 0.50
        "guess",  # 9, 0.56
        "highlight",  # 7, 0.57
        "hint",  # 3, 0.67
        "hop",  # 42, 0.55
        "hope",  # 14, 0.86
        "imagine",  # 5, 0.60
        "imply",  # 12, 0.75
        "indicate",  # 38, 0.82
        "inform",  # 3, 0.67
        "insist",  # 46, 0.91
        "interject",  # 2, 1.00
        "joke",  # 8, 1.00
        "judge",  # 2, 0.50
        "know",  # 93, 0.45
        "lament",  # 2, 0.50
        "lay",  # 2, 0.50
        "learn",  # 18, 0.72
        "maintain",  # 9, 0.67
        "mention",  # 8, 0.38
        "note",  # 108, 0.98
        "notice",  # 5, 0.60
        "order",  # 5, 0.60
        "pledge",  # 4, 0.75
        "point",  # 44, 0.75
        "posit",  # 2, 1.00
        "post",  # 6, 0.83
        "predict",  # 24, 0.88
        "pretend",  # 2, 0.50
        "promise",  # 9, 1.00
        "propose",  # 3, 0.33
        "provide",  # 3, 0.33
        "publish",  # 2, 1.00
        "question",  # 19, 0.79
        "read",  # 8, 0.75
        "reaffirm",  # 2, 1.00
        "realize",  # 10, 0.60
        "rebut",  # 2, 1.00
        "recall",  # 21, 0.86
        "recognize",  # 12, 0.83
        "recommend",  # 5, 0.80
        "reconsider",  # 2, 0.50
        "reiterate",  # 5, 0.80
        "remark",  # 5, 0.60
        "remember",  # 12, 0.33
        "remind",  # 8, 0.88
        "reply",  # 15, 0.87
        "report",  # 85, 0.82
        "require",  # 7, 0.43
        "resist",  # 2, 0.50
        "respond",  # 18, 0.83
        "return",  # 2, 0.50
        "reveal",  # 32, 0.81
        "rule",  # 4, 0.75
        "say",  # 3616, 0.93
        "seek",  # 2, 0.50
        "seem",  # 16, 0.38
        "sense",  # 2, 1.00
        "share",  # 5, 0.60
        "shoot",  # 4, 0.50
        "show",  # 185, 0.69
        "signal",  # 5, 1.00
        "sound",  # 5, 0.40
        "speculate",  # 4, 1.00
        "state",  # 21, 0.81
        "stress",  # 5, 0.80
        "strike",  # 2, 0.50
        "suggest",  # 164, 0.87
        "surmise",  # 2, 1.00
        "suspect",  # 7, 0.57
        "tell",  # 287, 0.87
        "testify",  # 3, 0.67
        "think",  # 163, 0.47
        "tout",  # 2, 0.50
        "tweet",  # 24, 0.71
        "underscore",  # 3, 0.33
        "understand",  # 17, 0.35
        "urge",  # 4, 0.50
        "vow",  # 2, 1.00
        "want",  # 50, 0.44
        "warn",  # 27, 0.89
        "welcome",  # 3, 0.67
        "wonder",  # 16, 0.88
        "worry",  # 14, 0.86
        "write",  # 137, 0.95
    }),
    "passive": frozenset({
        "ask",  # 9, 0.89
        "assume",  # 2, 1.00
        "raise",  # 2, 0.50
        "report",  # 2, 1.00
        "reveal",  # 2, 1.00
        "say",  # 3, 1.00
        "tell",  # 6, 0.33
    }),
    "xcomp": frozenset({
        "-",  # 2, 0.50
        "advise",  # 5, 0.40
        "advocate",  # 3, 0.33
        "agree",  # 29, 0.59
        "aim",  # 12, 0.58
        "allude",  # 2, 1.00
        "appear",  # 101, 0.61
        "argue",  # 4, 0.75
        "ask",  # 59, 0.68
        "aspire",  # 2, 0.50
        "attempt",  # 25, 0.32
        "authorize",  # 2, 0.50
        "believe",  # 4, 0.50
        "call",  # 47, 0.79
        "campaign",  # 3, 0.67
        "caution",  # 2, 1.00
        "challenge",  # 4, 0.75
        "chant",  # 2, 1.00
        "claim",  # 3, 1.00
        "commit",  # 2, 0.50
        "condemn",  # 2, 1.00
        "dare",  # 3, 0.33
        "decide",  # 39, 0.49
        "decline",  # 59, 0.92
        "demand",  # 3, 0.67
        "describe",  # 3, 0.33
        "deserve",  # 2, 0.50
        "design",  # 11, 0.36
        "determine",  # 6, 0.33
        "discuss",  # 2, 0.50
        "emerge",  # 2, 0.50
        "empower",  # 2, 0.50
        "encourage",  # 17, 0.47
        "endorse",  # 2, 1.00
        "exist",  # 3, 0.33
        "expect",  # 18, 0.50
        "find",  # 3, 0.33
        "hesitate",  # 2, 1.00
        "hire",  # 6, 0.50
        "hold",  # 3, 0.33
        "hop",  # 34, 0.71
        "hope",  # 9, 0.33
        "know",  # 4, 0.50
        "learn",  # 2, 0.50
        "like",  # 24, 0.54
        "lobby",  # 3, 0.67
        "look",  # 21, 0.62
        "love",  # 4, 0.75
        "mention",  # 3, 1.00
        "move",  # 9, 0.33
        "nominate",  # 2, 0.50
        "note",  # 2, 1.00
        "offer",  # 8, 0.75
        "oppose",  # 5, 0.40
        "opt",  # 4, 0.50
        "order",  # 10, 0.80
        "perceive",  # 2, 0.50
        "persuade",  # 18, 0.39
        "plan",  # 89, 0.34
        "plead",  # 2, 0.50
        "pledge",  # 26, 0.73
        "plot",  # 3, 0.67
        "prefer",  # 6, 0.83
        "press",  # 6, 0.50
        "proceed",  # 3, 0.33
        "promise",  # 34, 0.76
        "propose",  # 17, 0.82
        "prove",  # 12, 0.33
        "push",  # 16, 0.50
        "read",  # 2, 0.50
        "recall",  # 2, 0.50
        "recommend",  # 2, 0.50
        "refuse",  # 64, 0.77
        "report",  # 12, 0.92
        "respond",  # 3, 0.33
        "rule",  # 4, 0.75
        "say",  # 24, 0.83
        "scramble",  # 10, 0.30
        "see",  # 3, 0.33
        "seek",  # 91, 0.53
        "seem",  # 96, 0.70
        "shout",  # 3, 0.67
        "show",  # 5, 0.80
        "sign",  # 2, 1.00
        "strive",  # 2, 1.00
        "suggest",  # 6, 0.83
        "support",  # 16, 0.56
        "tell",  # 12, 0.67
        "threaten",  # 20, 0.80
        "tweet",  # 2, 1.00
        "urge",  # 55, 0.82
        "vote",  # 14, 0.57
        "vow",  # 37, 0.92
        "want",  # 138, 0.36
        "warn",  # 2, 1.00
        "write",  # 3, 1.00
    }),
    "dobj": frozenset({
        "accuse",  # 14, 0.79
        "acknowledge",  # 20, 0.65
        "admire",  # 4, 0.50
        "admit",  # 8, 0.38
        "adopt",  # 13, 0.31
        "advocate",  # 6, 0.33
        "affirm",  # 6, 0.33
        "agree",  # 2, 1.00
        "allege",  # 4, 0.50
        "announce",  # 47, 0.74
        "answer",  # 26, 0.38
        "append",  # 4, 0.50
        "applaud",  # 8, 0.88
        "approve",  # 8, 0.50
        "argue",  # 3, 0.67
        "articulate",  # 5, 0.80
        "ask",  # 37, 0.35
        "assail",  # 2, 0.50
        "assert",  # 4, 0.75
        "attack",  # 54, 0.41
        "authorize",  # 5, 0.40
        "back",  # 72, 0.33
        "bash",  # 3, 0.67
        "beg",  # 3, 0.33
        "believe",  # 16, 0.38
        "belittle",  # 2, 0.50
        "bemoan",  # 2, 1.00
        "betray",  # 3, 0.33
        "blame",  # 10, 0.90
        "blare",  # 2, 0.50
        "blast",  # 11, 1.00
        "boo",  # 3, 0.67
        "brand",  # 2, 1.00
        "breach",  # 2, 0.50
        "broadcast",  # 2, 0.50
        "brush",  # 4, 0.75
        "call",  # 166, 0.70
        "challenge",  # 22, 0.36
        "chant",  # 3, 1.00
        "cheer",  # 5, 0.40
        "chide",  # 2, 1.00
        "churn",  # 2, 0.50
        "circulate",  # 2, 1.00
        "cite",  # 48, 0.92
        "claim",  # 25, 0.52
        "clarify",  # 5, 0.60
        "commission",  # 2, 0.50
        "compare",  # 10, 0.40
        "compile",  # 5, 0.40
        "concede",  # 3, 0.67
        "condemn",  # 12, 0.67
        "confirm",  # 15, 0.60
        "congratulate",  # 6, 0.83
        "connect",  # 2, 0.50
        "consider",  # 33, 0.30
        "contemplate",  # 4, 0.50
        "contradict",  # 7, 0.43
        "correct",  # 3, 0.33
        "credit",  # 2, 1.00
        "criticize",  # 41, 0.71
        "declare",  # 16, 0.56
        "decline",  # 4, 0.75
        "decry",  # 8, 1.00
        "deem",  # 8, 0.75
        "defend",  # 47, 0.64
        "deflect",  # 3, 0.33
        "demand",  # 10, 0.50
        "denounce",  # 22, 0.86
        "deny",  # 19, 0.42
        "deregulate",  # 2, 0.50
        "deride",  # 3, 1.00
        "describe",  # 37, 0.76
        "detail",  # 4, 1.00
        "devise",  # 2, 0.50
        "disavow",  # 8, 0.38
        "disclose",  # 8, 0.50
        "discount",  # 2, 0.50
        "discuss",  # 53, 0.60
        "dislike",  # 5, 0.60
        "dismiss",  # 21, 0.90
        "disparage",  # 2, 0.50
        "display",  # 5, 0.40
        "dispute",  # 5, 0.80
        "disregard",  # 2, 1.00
        "distribute",  # 5, 0.40
        "document",  # 2, 1.00
        "doubt",  # 2, 0.50
        "downplay",  # 8, 0.38
        "dump",  # 3, 0.33
        "echo",  # 19, 0.53
        "email",  # 6, 0.33
        "emphasize",  # 10, 0.60
        "empower",  # 2, 0.50
        "endorse",  # 69, 0.59
        "entertain",  # 3, 0.33
        "envision",  # 2, 0.50
        "evade",  # 2, 0.50
        "exclude",  # 3, 0.33
        "expect",  # 7, 0.57
        "experience",  # 5, 0.60
        "explain",  # 17, 0.59
        "explore",  # 4, 0.50
        "expose",  # 14, 0.36
        "express",  # 45, 0.89
        "extoll",  # 2, 1.00
        "eye",  # 2, 0.50
        "fear",  # 5, 0.60
        "feel",  # 11, 0.55
        "file",  # 12, 0.33
        "fire",  # 10, 0.40
        "float",  # 2, 1.00
        "foreshadow",  # 2, 1.00
        "forward",  # 2, 1.00
        "grieve",  # 2, 0.50
        "hail",  # 4, 0.50
        "hammer",  # 2, 0.50
        "hat",  # 3, 0.67
        "hate",  # 5, 0.40
        "highlight",  # 22, 0.45
        "hone",  # 3, 0.33
        "hop",  # 2, 0.50
        "identify",  # 18, 0.33
        "illustrate",  # 5, 0.40
        "indicate",  # 4, 0.50
        "insult",  # 3, 0.33
        "intend",  # 2, 1.00
        "interpret",  # 2, 0.50
        "introduce",  # 15, 0.40
        "invoke",  # 9, 0.44
        "issue",  # 31, 0.48
        "judge",  # 3, 0.67
        "justify",  # 4, 0.75
        "label",  # 3, 0.33
        "lament",  # 7, 1.00
        "laud",  # 2, 0.50
        "lay",  # 26, 0.46
        "level",  # 3, 0.33
        "like",  # 11, 0.45
        "link",  # 5, 0.40
        "list",  # 9, 1.00
        "lob",  # 2, 0.50
        "love",  # 5, 0.60
        "mandate",  # 3, 0.33
        "mention",  # 30, 0.80
        "merit",  # 2, 0.50
        "misstate",  # 3, 0.33
        "mock",  # 19, 0.79
        "mount",  # 10, 0.30
        "name",  # 17, 0.41
        "note",  # 14, 0.93
        "observe",  # 2, 0.50
        "offer",  # 100, 0.46
        "oppose",  # 46, 0.48
        "order",  # 8, 0.75
        "outline",  # 6, 0.83
        "paint",  # 5, 0.40
        "pen",  # 2, 0.50
        "perpetuate",  # 3, 0.33
        "plant",  # 2, 0.50
        "point",  # 9, 0.56
        "polish",  # 2, 0.50
        "politicize",  # 3, 0.33
        "portray",  # 5, 0.80
        "post",  # 19, 0.58
        "pound",  # 2, 0.50
        "praise",  # 29, 0.90
        "predict",  # 9, 0.44
        "prefer",  # 9, 0.44
        "present",  # 13, 0.31
        "proclaim",  # 2, 0.50
        "prohibit",  # 2, 0.50
        "promise",  # 12, 0.67
        "promote",  # 21, 0.43
        "propose",  # 19, 0.74
        "publicize",  # 4, 0.50
        "publish",  # 13, 0.54
        "question",  # 26, 0.77
        "quote",  # 8, 0.50
        "rattle",  # 4, 0.50
        "reaffirm",  # 3, 0.67
        "reassess",  # 2, 0.50
        "reassure",  # 3, 0.33
        "reboot",  # 2, 0.50
        "rebuff",  # 5, 0.40
        "rebut",  # 7, 0.71
        "recalibrate",  # 2, 0.50
        "recall",  # 18, 0.83
        "recite",  # 6, 0.67
        "recognize",  # 16, 0.50
        "recommend",  # 6, 0.50
        "recount",  # 5, 0.60
        "redact",  # 2, 0.50
        "refer",  # 2, 0.50
        "reference",  # 8, 0.50
        "refuse",  # 2, 1.00
        "refute",  # 2, 1.00
        "regret",  # 2, 0.50
        "reiterate",  # 11, 0.82
        "reject",  # 44, 0.64
        "release",  # 73, 0.30
        "relish",  # 2, 0.50
        "remember",  # 6, 0.67
        "remind",  # 13, 0.69
        "render",  # 3, 0.33
        "renounce",  # 3, 0.67
        "repeat",  # 15, 0.73
        "replay",  # 2, 1.00
        "report",  # 17, 0.76
        "repudiate",  # 3, 1.00
        "request",  # 6, 0.33
        "resist",  # 6, 0.67
        "rest",  # 3, 0.33
        "restrict",  # 8, 0.62
        "retweete",  # 4, 0.50
        "reveal",  # 20, 0.65
        "revise",  # 3, 0.33
        "revisit",  # 6, 0.33
        "ridicule",  # 2, 1.00
        "right",  # 2, 0.50
        "rip",  # 4, 0.50
        "rush",  # 3, 0.33
        "satirize",  # 2, 1.00
        "savage",  # 2, 0.50
        "say",  # 54, 0.72
        "see",  # 105, 0.33
        "seek",  # 49, 0.39
        "seem",  # 3, 0.67
        "share",  # 26, 0.42
        "shelve",  # 2, 0.50
        "show",  # 89, 0.57
        "signal",  # 9, 0.44
        "single",  # 4, 0.50
        "skirt",  # 2, 0.50
        "slam",  # 11, 0.82
        "slash",  # 5, 0.40
        "solicit",  # 2, 0.50
        "sound",  # 6, 0.67
        "sow",  # 2, 0.50
        "specify",  # 2, 0.50
        "spell",  # 2, 0.50
        "sponsor",  # 6, 0.33
        "spot",  # 3, 0.67
        "spotlight",  # 3, 0.67
        "state",  # 4, 0.75
        "stifle",  # 2, 0.50
        "stress",  # 7, 1.00
        "submit",  # 2, 0.50
        "suggest",  # 14, 0.50
        "sum",  # 2, 1.00
        "symbolize",  # 2, 0.50
        "talk",  # 4, 0.75
        "thank",  # 6, 0.83
        "tick",  # 3, 1.00
        "tie",  # 2, 0.50
        "title",  # 2, 0.50
        "tone",  # 2, 0.50
        "tout",  # 13, 0.92
        "trade",  # 5, 0.40
        "trash",  # 2, 0.50
        "trumpet",  # 2, 1.00
        "tweet",  # 24, 0.71
        "underline",  # 3, 0.33
        "underscore",  # 16, 0.38
        "unleash",  # 7, 0.43
        "unveil",  # 6, 0.67
        "urge",  # 4, 0.50
        "utter",  # 2, 1.00
        "veto",  # 4, 0.50
        "voice",  # 7, 0.86
        "vow",  # 2, 1.00
        "walk",  # 8, 0.38
        "want",  # 42, 0.31
        "wave",  # 5, 0.40
        "will",  # 2, 0.50
        "withdraw",  # 6, 0.67
        "withhold",  # 5, 0.60
        "witness",  # 6, 0.50
        "write",  # 26, 0.46
        "yell",  # 2, 0.50
    }),
    "prep": frozenset({
        "accept as",  # 2, 0.50
        "accuse of",  # 59, 0.86
        "acquiesce to",  # 2, 1.00
        "address at",  # 2, 0.50
        "admit to",  # 4, 0.50
        "advocate for",  # 12, 0.50
        "advocate in",  # 2, 0.50
        "agree in",  # 2, 0.50
        "agree on",  # 8, 0.75
        "agree to",  # 6, 0.33
        "agree with",  # 16, 0.56
        "alienate with",  # 3, 0.33
        "align on",  # 2, 0.50
        "align with",  # 8, 0.38
        "allude to",  # 3, 1.00
        "announce for",  # 2, 1.00
        "apologize for",  # 8, 0.75
        "appoint to",  # 6, 0.50
        "approve of",  # 3, 0.33
        "argue against",  # 2, 1.00
        "argue for",  # 2, 1.00
        "argue with",  # 2, 0.50
        "ask about",  # 49, 0.57
        "ask at",  # 3, 0.67
        "ask for",  # 19, 0.47
        "ask of",  # 3, 0.33
        "assail for",  # 3, 1.00
        "assure of",  # 7, 0.57
        "attack as",  # 3, 0.67
        "attack by",  # 3, 0.33
        "attack during",  # 3, 0.33
        "attack for",  # 7, 0.71
        "attack on",  # 3, 0.33
        "attack over",  # 2, 1.00
        "attribute to",  # 15, 0.33
        "back for",  # 4, 0.50
        "balk at",  # 6, 0.83
        "bank on",  # 3, 0.33
        "be against",  # 4, 0.50
        "begin by",  # 6, 0.50
        "begin with",  # 6, 0.33
        "believe in",  # 5, 0.60
        "berate for",  # 2, 0.50
        "blame for",  # 25, 0.64
        "blame on",  # 5, 0.80
        "blast for",  # 8, 1.00
        "blast on",  # 2, 1.00
        "boast about",  # 3, 1.00
        "boast of",  # 3, 1.00
        "boo at",  # 2, 0.50
        "brag about",  # 3, 1.00
        "brief on",  # 3, 0.33
        "bristle at",  # 2, 0.50
        "call at",  # 5, 0.40
        "call by",  # 3, 0.33
        "call for",  # 62, 0.79
        "call in",  # 7, 0.43
        "call on",  # 11, 0.45
        "call to",  # 6, 0.33
        "call with",  # 3, 1.00
        "campaign against",  # 5, 0.60
        "campaign for",  # 17, 0.35
        "care about",  # 13, 0.46
        "caricature as",  # 2, 0.50
        "cast as",  # 17, 0.71
        "cast for",  # 12, 0.42
        "cast on",  # 7, 0.57
        "catch between",  # 2, 0.50
        "caution against",  # 4, 0.75
        "cement as",  # 3, 0.33
        "center on",  # 6, 0.33
        "challenge on",  # 3, 0.67
        "challenge over",  # 4, 0.75
        "challenge to",  # 5, 0.60
        "change about",  # 2, 0.50
        "characterize as",  # 6, 0.67
        "charge with",  # 19, 0.58
        "check with",  # 3, 0.33
        "cheer for",  # 2, 0.50
        "cheer on",  # 3, 0.67
        "chime with",  # 2, 1.00
        "choose as",  # 5, 0.40
        "cite as",  # 13, 0.92
        "cite in",  # 4, 0.75
        "claim for",  # 3, 0.67
        "clash over",  # 3, 0.33
        "come against",  # 6, 0.50
        "comment on",  # 24, 0.62
        "complain about",  # 4, 1.00
        "compromise on",  # 3, 0.33
        "conclude by",  # 4, 0.75
        "concur with",  # 2, 1.00
        "condemn as",  # 2, 0.50
        "conflate with",  # 2, 0.50
        "confront with",  # 2, 0.50
        "congratulate for",  # 7, 0.43
        "consider in",  # 2, 0.50
        "continue on",  # 4, 0.50
        "contrast with",  # 5, 0.40
        "count among",  # 2, 1.00
        "count as",  # 2, 0.50
        "count on",  # 10, 0.30
        "credit for",  # 2, 1.00
        "criticize as",  # 5, 0.80
        "criticize for",  # 31, 0.90
        "criticize on",  # 6, 0.67
        "cry for",  # 2, 0.50
        "deadlocke on",  # 2, 0.50
        "decide against",  # 2, 0.50
        "declare for",  # 4, 0.75
        "decline in",  # 3, 0.33
        "decline to",  # 2, 0.50
        "defend against",  # 4, 0.75
        "defend as",  # 3, 1.00
        "define as",  # 3, 0.33
        "delve into",  # 2, 0.50
        "demand for",  # 2, 0.50
        "deny in",  # 2, 1.00
        "describe as",  # 27, 0.89
        "describe to",  # 3, 0.67
        "devote to",  # 12, 0.42
        "disagree on",  # 3, 0.67
        "disagree with",  # 6, 0.50
        "disclose for",  # 2, 1.00
        "discuss to",  # 3, 0.67
        "discuss with",  # 3, 0.33
        "dismiss as",  # 6, 1.00
        "distance from",  # 10, 0.70
        "distinguish as",  # 3, 0.67
        "divide between",  # 3, 0.33
        "divide over",  # 3, 0.67
        "double on",  # 9, 0.56
        "dwell on",  # 4, 0.50
        "elaborate on",  # 2, 0.50
        "elevate to",  # 3, 0.33
        "email on",  # 2, 0.50
        "embed in",  # 2, 0.50
        "empathize with",  # 3, 0.67
        "emphasize in",  # 2, 0.50
        "endorse for",  # 4, 0.50
        "enjoy since",  # 2, 1.00
        "enter with",  # 3, 0.33
        "estimate at",  # 3, 0.67
        "expand by",  # 2, 0.50
        "expect from",  # 2, 0.50
        "expect in",  # 2, 0.50
        "explain in",  # 3, 0.33
        "express for",  # 2, 1.00
        "feel about",  # 3, 0.33
        "feel for",  # 3, 1.00
        "fight about",  # 2, 1.00
        "find with",  # 7, 0.71
        "fire at",  # 8, 0.38
        "flop on",  # 2, 0.50
        "focus on",  # 104, 0.37
        "follow by",  # 4, 0.50
        "forgive for",  # 3, 0.33
        "frame as",  # 4, 0.75
        "get behind",  # 3, 0.33
        "go after",  # 23, 0.30
        "gravitate to",  # 2, 0.50
        "hail as",  # 2, 1.00
        "hang over",  # 2, 0.50
        "headline in",  # 2, 0.50
        "hear in",  # 3, 0.33
        "hew to",  # 2, 0.50
        "hint at",  # 7, 0.71
        "hire as",  # 3, 0.33
        "hire in",  # 5, 0.40
        "hit for",  # 4, 0.50
        "hold over",  # 2, 0.50
        "hop for",  # 6, 0.83
        "identify as",  # 13, 0.38
        "identify in",  # 2, 0.50
        "identify with",  # 3, 0.33
        "include at",  # 2, 0.50
        "inform of",  # 3, 1.00
        "insist on",  # 6, 0.33
        "interpret as",  # 3, 0.67
        "interview on",  # 2, 0.50
        "introduce into",  # 2, 0.50
        "invoke in",  # 4, 0.50
        "jab for",  # 2, 1.00
        "joke about",  # 2, 1.00
        "judge against",  # 2, 0.50
        "jump on",  # 3, 0.33
        "knock on",  # 3, 0.33
        "know about",  # 9, 0.33
        "know as",  # 29, 0.72
        "know for",  # 19, 0.63
        "know in",  # 3, 0.33
        "know since",  # 2, 0.50
        "label as",  # 2, 1.00
        "land at",  # 3, 0.33
        "lash at",  # 6, 0.67
        "laud for",  # 2, 0.50
        "laugh off",  # 2, 0.50
        "launch with",  # 2, 0.50
        "lay in",  # 5, 0.60
        "learn of",  # 3, 0.67
        "lecture on",  # 3, 0.33
        "lend to",  # 3, 0.33
        "lie about",  # 2, 0.50
        "light into",  # 2, 0.50
        "liken to",  # 4, 1.00
        "line behind",  # 3, 0.67
        "list as",  # 5, 1.00
        "list in",  # 2, 0.50
        "look on",  # 3, 0.33
        "look past",  # 3, 0.67
        "look to",  # 21, 0.43
        "make against",  # 3, 0.67
        "mention as",  # 4, 0.75
        "mention by",  # 10, 0.70
        "mince in",  # 2, 1.00
        "mock as",  # 2, 0.50
        "name as",  # 5, 0.80
        "name on",  # 2, 1.00
        "name to",  # 2, 1.00
        "negotiate in",  # 2, 0.50
        "nod to",  # 2, 0.50
        "nominate for",  # 5, 0.60
        "nominate to",  # 4, 0.75
        "note in",  # 3, 0.33
        "object to",  # 2, 0.50
        "offer for",  # 3, 0.67
        "offer to",  # 8, 0.38
        "open about",  # 3, 1.00
        "open by",  # 2, 0.50
        "paint as",  # 9, 0.44
        "persuade in",  # 2, 0.50
        "pick as",  # 3, 0.33
        "pile on",  # 3, 0.33
        "pitch as",  # 2, 1.00
        "pivot to",  # 10, 0.40
        "pledge to",  # 5, 0.60
        "point at",  # 3, 0.67
        "point to",  # 40, 0.68
        "poke at",  # 2, 1.00
        "polarize in",  # 2, 0.50
        "pore over",  # 2, 0.50
        "portray as",  # 15, 0.73
        "position around",  # 2, 0.50
        "position as",  # 3, 1.00
        "pounce on",  # 2, 0.50
        "praise as",  # 3, 1.00
        "praise for",  # 10, 0.80
        "present as",  # 11, 0.36
        "press about",  # 4, 0.75
        "press for",  # 5, 0.40
        "press on",  # 3, 0.67
        "pressure on",  # 2, 0.50
        "pride on",  # 2, 0.50
        "prohibit from",  # 5, 0.40
        "promote as",  # 2, 0.50
        "propose in",  # 3, 0.33
        "prosecute on",  # 2, 0.50
        "pull for",  # 2, 0.50
        "push against",  # 4, 0.50
        "push for",  # 15, 0.60
        "push on",  # 5, 0.80
        "puzzle through",  # 2, 0.50
        "question about",  # 5, 0.60
        "question in",  # 2, 0.50
        "quote as",  # 4, 1.00
        "rail against",  # 8, 0.88
        "recall in",  # 3, 0.33
        "reckon with",  # 2, 1.00
        "recognize for",  # 2, 1.00
        "recommend for",  # 3, 0.33
        "refer as",  # 2, 1.00
        "refer to",  # 45, 0.51
        "reference as",  # 2, 1.00
        "reflect on",  # 11, 0.45
        "refuse to",  # 3, 1.00
        "regard as",  # 4, 0.75
        "remember as",  # 3, 1.00
        "remind of",  # 2, 0.50
        "renege on",  # 3, 0.33
        "reply to",  # 3, 0.33
        "represent from",  # 3, 0.33
        "respond by",  # 14, 0.36
        "respond to",  # 82, 0.35
        "respond with",  # 5, 0.40
        "revel in",  # 3, 0.33
        "riff on",  # 2, 0.50
        "rise over",  # 2, 0.50
        "savage as",  # 2, 1.00
        "say about",  # 25, 0.52
        "say before",  # 2, 1.00
        "say for",  # 4, 0.75
        "say from",  # 2, 0.50
        "say of",  # 6, 0.33
        "say over",  # 2, 0.50
        "say with",  # 3, 0.33
        "see after",  # 2, 0.50
        "see as",  # 68, 0.54
        "see during",  # 2, 0.50
        "see for",  # 3, 0.33
        "see with",  # 2, 0.50
        "seek for",  # 2, 0.50
        "seek from",  # 5, 0.40
        "seek in",  # 3, 0.33
        "seem like",  # 13, 0.69
        "send with",  # 3, 0.67
        "sentence to",  # 8, 0.38
        "share for",  # 2, 0.50
        "shed on",  # 2, 0.50
        "show by",  # 3, 0.67
        "show in",  # 17, 0.35
        "show to",  # 5, 0.40
        "show with",  # 15, 0.87
        "shut by",  # 2, 0.50
        "side with",  # 8, 0.62
        "single as",  # 2, 1.00
        "sink into",  # 2, 0.50
        "slam for",  # 3, 1.00
        "sound on",  # 2, 1.00
        "spar over",  # 2, 1.00
        "speak about",  # 26, 0.88
        "speak against",  # 5, 0.40
        "speak of",  # 10, 0.90
        "speculate about",  # 2, 1.00
        "speculate on",  # 2, 0.50
        "split between",  # 2, 0.50
        "split on",  # 4, 0.75
        "spy on",  # 2, 0.50
        "stand by",  # 8, 0.50
        "stand on",  # 5, 0.40
        "start by",  # 3, 0.33
        "sue for",  # 4, 0.50
        "suggest in",  # 2, 0.50
        "support for",  # 7, 0.43
        "suspect of",  # 3, 0.33
        "swing at",  # 2, 0.50
        "tack to",  # 2, 0.50
        "take at",  # 34, 0.41
        "take for",  # 7, 0.43
        "talk about",  # 79, 0.71
        "talk at",  # 4, 0.50
        "talk of",  # 4, 0.75
        "talk over",  # 3, 0.33
        "tangle with",  # 2, 0.50
        "tell about",  # 4, 0.50
        "tell by",  # 2, 1.00
        "thank for",  # 11, 0.82
        "think about",  # 16, 0.38
        "think of",  # 11, 0.45
        "throw behind",  # 6, 0.67
        "touch on",  # 6, 0.67
        "tout as",  # 4, 0.75
        "tout in",  # 2, 0.50
        "trade in",  # 2, 0.50
        "turn during",  # 2, 0.50
        "turn toward",  # 2, 0.50
        "tweet to",  # 2, 1.00
        "underscore in",  # 2, 0.50
        "unite in",  # 3, 0.33
        "vie for",  # 3, 0.67
        "view as",  # 22, 0.55
        "view in",  # 2, 0.50
        "vote against",  # 11, 0.55
        "vouch for",  # 5, 1.00
        "want in",  # 3, 0.33
        "warm to",  # 3, 0.33
        "warn about",  # 4, 0.50
        "warn against",  # 5, 1.00
        "warn of",  # 4, 1.00
        "weigh on",  # 8, 0.50
        "wield against",  # 2, 0.50
        "worry about",  # 16, 0.50
        "write about",  # 6, 0.50
        "write of",  # 2, 0.50
        "zero on",  # 4, 0.50
    }),
    "noun": frozenset({
        "admission",  # 3, 0.67
        "advice",  # 2, 0.50
        "agreement",  # 3, 1.00
        "allegation",  # 6, 0.50
        "announcement",  # 3, 0.33
        "argument",  # 8, 0.38
        "assertion",  # 5, 0.80
        "assumption",  # 4, 0.75
        "assurance",  # 2, 0.50
        "attack",  # 2, 0.50
        "belief",  # 10, 0.50
        "case",  # 12, 0.42
        "claim",  # 21, 0.43
        "commitment",  # 2, 0.50
        "complaint",  # 8, 1.00
        "concern",  # 17, 0.47
        "confidence",  # 6, 0.50
        "contention",  # 2, 0.50
        "criticism",  # 2, 1.00
        "doubt",  # 5, 1.00
        "fear",  # 5, 0.40
        "hope",  # 7, 0.71
        "idea",  # 23, 0.30
        "implication",  # 3, 0.33
        "insistence",  # 4, 0.50
        "interview",  # 2, 0.50
        "moment",  # 2, 0.50
        "point",  # 4, 0.50
        "recognition",  # 3, 0.67
        "remark",  # 2, 1.00
        "revelation",  # 3, 0.33
        "rumor",  # 4, 0.50
        "sense",  # 4, 0.50
        "speculation",  # 3, 1.00
        "statement",  # 9, 0.67
        "suggestion",  # 17, 0.59
        "surprise",  # 3, 0.33
        "warning",  # 2, 0.50
    }),
}
