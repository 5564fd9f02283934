"""Which cue lemmas report which kind of content; written by scripts/fit_reported_cues.py from PolNeAR train.

ccomp: a clause ('said that ...'); passive: a clause of a passive cue ('it was reported that ...'); xcomp:
an infinitive ('urged them to ...'); dobj: an object ('cited a poll'); prep: 'lemma preposition' whose object
is the content ('accused him of lying'); noun: a speech noun with a that-clause ('his claim that ...').
Each entry: lemma  # clauses seen on train, precision.
"""
from __future__ import annotations

REPORTED_CUES: dict[str, frozenset[str]] = {
    "ccomp": frozenset({
        "acknowledge",  # 49, 0.92
        "add",  # 192, 0.94
        "address",  # 4, 0.75
        "admit",  # 28, 0.79
        "adopt",  # 2, 0.50
        "agree",  # 30, 0.80
        "allege",  # 10, 0.90
        "anger",  # 2, 0.50
        "announce",  # 63, 0.90
        "answer",  # 3, 1.00
        "anticipate",  # 2, 0.50
        "argue",  # 111, 0.92
        "ask",  # 107, 0.79
        "assert",  # 13, 0.85
        "assure",  # 13, 0.85
        "boast",  # 3, 1.00
        "calculate",  # 3, 1.00
        "caution",  # 4, 1.00
        "charge",  # 7, 0.86
        "cite",  # 4, 0.50
        "claim",  # 48, 0.81
        "clarify",  # 5, 0.60
        "complain",  # 10, 0.80
        "concede",  # 11, 0.91
        "conclude",  # 29, 0.90
        "confirm",  # 11, 0.91
        "contend",  # 6, 1.00
        "continue",  # 32, 0.78
        "contradict",  # 2, 1.00
        "convince",  # 14, 0.71
        "counter",  # 4, 0.50
        "criticize",  # 2, 0.50
        "dawn",  # 2, 1.00
        "declare",  # 38, 0.82
        "decline",  # 2, 0.50
        "define",  # 2, 1.00
        "demand",  # 5, 0.60
        "demonstrate",  # 10, 0.70
        "denounce",  # 2, 1.00
        "deny",  # 14, 0.79
        "describe",  # 7, 0.71
        "detail",  # 2, 0.50
        "discuss",  # 4, 1.00
        "doubt",  # 6, 0.67
        "email",  # 2, 0.50
        "embrace",  # 2, 0.50
        "emerge",  # 2, 0.50
        "emphasize",  # 9, 0.89
        "encourage",  # 2, 1.00
        "enjoy",  # 2, 1.00
        "estimate",  # 13, 0.77
        "expect",  # 25, 0.56
        "explain",  # 52, 0.87
        "express",  # 4, 1.00
        "favor",  # 2, 0.50
        "fear",  # 20, 0.80
        "find",  # 92, 0.71
        "forbid",  # 2, 0.50
        "forecast",  # 2, 1.00
        "forget",  # 4, 0.50
        "grapple",  # 2, 0.50
        "guess",  # 9, 0.56
        "highlight",  # 7, 0.57
        "hint",  # 3, 0.67
        "hop",  # 45, 0.58
        "hope",  # 14, 0.86
        "imagine",  # 5, 0.60
        "imply",  # 12, 0.75
        "indicate",  # 38, 0.82
        "inform",  # 3, 0.67
        "insist",  # 46, 0.91
        "interject",  # 2, 1.00
        "joke",  # 8, 1.00
        "judge",  # 2, 0.50
        "lament",  # 2, 0.50
        "lay",  # 2, 0.50
        "learn",  # 18, 0.72
        "maintain",  # 9, 0.67
        "note",  # 111, 0.98
        "notice",  # 5, 0.60
        "order",  # 5, 0.60
        "outline",  # 2, 1.00
        "persuade",  # 2, 0.50
        "pledge",  # 4, 0.75
        "point",  # 45, 0.76
        "posit",  # 2, 1.00
        "post",  # 7, 0.71
        "predict",  # 26, 0.85
        "pretend",  # 2, 0.50
        "proclaim",  # 2, 1.00
        "promise",  # 9, 1.00
        "publish",  # 2, 1.00
        "question",  # 21, 0.81
        "read",  # 9, 0.67
        "reaffirm",  # 2, 1.00
        "realize",  # 10, 0.60
        "rebut",  # 2, 1.00
        "recall",  # 21, 0.86
        "recognize",  # 13, 0.77
        "recommend",  # 5, 0.80
        "reconsider",  # 2, 0.50
        "reiterate",  # 5, 0.80
        "remark",  # 4, 0.75
        "remind",  # 9, 0.78
        "reply",  # 15, 0.87
        "report",  # 89, 0.82
        "resist",  # 2, 0.50
        "respond",  # 18, 0.83
        "return",  # 2, 0.50
        "reveal",  # 34, 0.79
        "rule",  # 7, 0.57
        "say",  # 3684, 0.93
        "seek",  # 2, 0.50
        "sense",  # 2, 1.00
        "share",  # 5, 0.60
        "shoot",  # 4, 0.50
        "show",  # 200, 0.69
        "signal",  # 5, 1.00
        "speculate",  # 4, 1.00
        "state",  # 21, 0.81
        "stress",  # 5, 0.80
        "strike",  # 2, 0.50
        "suggest",  # 178, 0.86
        "surmise",  # 2, 1.00
        "suspect",  # 7, 0.57
        "tell",  # 294, 0.87
        "testify",  # 3, 0.67
        "tout",  # 2, 0.50
        "tweet",  # 24, 0.71
        "urge",  # 4, 0.50
        "vow",  # 2, 1.00
        "warn",  # 28, 0.89
        "welcome",  # 3, 0.67
        "wonder",  # 16, 0.88
        "worry",  # 16, 0.81
        "write",  # 136, 0.95
    }),
    "passive": frozenset({
        "ask",  # 9, 0.89
        "assume",  # 2, 1.00
        "raise",  # 2, 0.50
        "report",  # 2, 1.00
        "reveal",  # 2, 1.00
        "say",  # 3, 1.00
    }),
    "xcomp": frozenset({
        "-",  # 2, 0.50
        "advise",  # 6, 0.50
        "advocate",  # 4, 0.50
        "agree",  # 29, 0.59
        "aim",  # 15, 0.53
        "allude",  # 2, 1.00
        "appear",  # 110, 0.60
        "argue",  # 4, 0.75
        "ask",  # 64, 0.66
        "aspire",  # 2, 0.50
        "authorize",  # 2, 0.50
        "believe",  # 4, 0.50
        "call",  # 52, 0.77
        "campaign",  # 3, 0.67
        "caution",  # 2, 1.00
        "challenge",  # 4, 0.75
        "chant",  # 2, 1.00
        "claim",  # 6, 1.00
        "commit",  # 2, 0.50
        "condemn",  # 2, 1.00
        "decline",  # 69, 0.87
        "demand",  # 3, 0.67
        "deserve",  # 2, 0.50
        "discuss",  # 2, 0.50
        "emerge",  # 2, 0.50
        "empower",  # 2, 0.50
        "endorse",  # 3, 0.67
        "expect",  # 19, 0.53
        "forget",  # 2, 1.00
        "hesitate",  # 2, 1.00
        "hop",  # 36, 0.72
        "know",  # 6, 0.67
        "lean",  # 2, 0.50
        "learn",  # 2, 0.50
        "like",  # 26, 0.58
        "lobby",  # 3, 0.67
        "look",  # 22, 0.59
        "love",  # 5, 0.60
        "mention",  # 3, 1.00
        "nominate",  # 2, 0.50
        "note",  # 3, 1.00
        "offer",  # 8, 0.75
        "order",  # 10, 0.80
        "perceive",  # 2, 0.50
        "plead",  # 2, 0.50
        "plot",  # 4, 0.50
        "prefer",  # 6, 0.83
        "press",  # 6, 0.50
        "promise",  # 34, 0.76
        "propose",  # 18, 0.78
        "read",  # 2, 0.50
        "recall",  # 3, 0.67
        "recommend",  # 2, 0.50
        "refuse",  # 69, 0.75
        "report",  # 13, 0.92
        "rule",  # 4, 0.75
        "say",  # 26, 0.85
        "seem",  # 105, 0.67
        "shout",  # 3, 0.67
        "show",  # 6, 0.83
        "sign",  # 2, 1.00
        "sing",  # 2, 0.50
        "sting",  # 2, 0.50
        "strive",  # 2, 1.00
        "suggest",  # 6, 0.83
        "support",  # 19, 0.58
        "tell",  # 14, 0.71
        "threaten",  # 25, 0.72
        "tweet",  # 2, 1.00
        "urge",  # 57, 0.79
        "vote",  # 15, 0.60
        "vow",  # 38, 0.92
        "warn",  # 2, 1.00
        "write",  # 3, 1.00
    }),
    "dobj": frozenset({
        "accuse",  # 18, 0.67
        "acknowledge",  # 21, 0.62
        "admire",  # 4, 0.50
        "agree",  # 2, 1.00
        "announce",  # 51, 0.76
        "append",  # 4, 0.50
        "applaud",  # 8, 0.88
        "argue",  # 3, 0.67
        "articulate",  # 5, 0.80
        "assail",  # 2, 0.50
        "assert",  # 4, 0.75
        "author",  # 2, 0.50
        "bankroll",  # 2, 0.50
        "bash",  # 3, 0.67
        "belittle",  # 2, 0.50
        "bemoan",  # 2, 1.00
        "blame",  # 10, 0.90
        "blare",  # 2, 0.50
        "blast",  # 15, 1.00
        "boo",  # 3, 0.67
        "brand",  # 2, 1.00
        "breach",  # 2, 0.50
        "broadcast",  # 2, 0.50
        "brush",  # 4, 0.75
        "call",  # 179, 0.69
        "care",  # 2, 1.00
        "chant",  # 4, 0.75
        "chide",  # 2, 1.00
        "churn",  # 2, 0.50
        "circulate",  # 2, 1.00
        "cite",  # 50, 0.88
        "claim",  # 27, 0.52
        "clarify",  # 5, 0.60
        "coin",  # 2, 0.50
        "commission",  # 2, 0.50
        "concede",  # 3, 0.67
        "condemn",  # 16, 0.56
        "confirm",  # 15, 0.60
        "congratulate",  # 6, 0.83
        "contemplate",  # 4, 0.50
        "credit",  # 2, 1.00
        "criticize",  # 50, 0.66
        "declare",  # 16, 0.56
        "decline",  # 4, 0.75
        "decry",  # 9, 1.00
        "deem",  # 8, 0.75
        "defend",  # 59, 0.59
        "denounce",  # 26, 0.85
        "deregulate",  # 2, 0.50
        "deride",  # 3, 1.00
        "describe",  # 41, 0.71
        "detail",  # 8, 0.75
        "devise",  # 2, 0.50
        "disclose",  # 10, 0.50
        "discount",  # 2, 0.50
        "discuss",  # 57, 0.56
        "dismiss",  # 22, 0.86
        "disparage",  # 2, 0.50
        "display",  # 6, 0.50
        "dispute",  # 5, 0.80
        "disregard",  # 2, 1.00
        "document",  # 3, 1.00
        "doubt",  # 2, 0.50
        "echo",  # 22, 0.50
        "emphasize",  # 11, 0.55
        "endorse",  # 93, 0.58
        "endure",  # 2, 0.50
        "envision",  # 2, 0.50
        "expect",  # 8, 0.50
        "explain",  # 18, 0.56
        "explore",  # 6, 0.50
        "express",  # 50, 0.86
        "extoll",  # 2, 1.00
        "fear",  # 7, 0.57
        "fling",  # 2, 0.50
        "float",  # 2, 1.00
        "foreshadow",  # 2, 1.00
        "forward",  # 2, 1.00
        "govern",  # 2, 0.50
        "grieve",  # 2, 0.50
        "hammer",  # 2, 0.50
        "hat",  # 4, 0.50
        "hop",  # 2, 0.50
        "indicate",  # 4, 0.50
        "inflate",  # 2, 1.00
        "intend",  # 2, 1.00
        "interpret",  # 2, 0.50
        "invoke",  # 8, 0.50
        "judge",  # 2, 0.50
        "justify",  # 4, 0.75
        "lament",  # 7, 1.00
        "laud",  # 2, 0.50
        "list",  # 10, 1.00
        "lob",  # 2, 0.50
        "love",  # 6, 0.50
        "mention",  # 29, 0.83
        "merit",  # 2, 0.50
        "mock",  # 19, 0.79
        "note",  # 15, 0.93
        "order",  # 8, 0.75
        "outline",  # 8, 0.75
        "pen",  # 2, 0.50
        "plan",  # 2, 0.50
        "plant",  # 2, 0.50
        "point",  # 9, 0.56
        "polish",  # 2, 0.50
        "portray",  # 5, 0.80
        "post",  # 20, 0.55
        "pound",  # 2, 0.50
        "praise",  # 31, 0.90
        "preach",  # 2, 1.00
        "predict",  # 9, 0.56
        "prefer",  # 12, 0.58
        "proclaim",  # 2, 0.50
        "prohibit",  # 4, 0.50
        "promise",  # 14, 0.64
        "propose",  # 22, 0.77
        "publicize",  # 4, 0.50
        "publish",  # 13, 0.54
        "question",  # 29, 0.79
        "quote",  # 8, 0.50
        "ratify",  # 2, 0.50
        "reaffirm",  # 3, 0.67
        "reassess",  # 2, 0.50
        "reboot",  # 2, 0.50
        "rebut",  # 7, 0.71
        "recalibrate",  # 2, 0.50
        "recall",  # 19, 0.79
        "recite",  # 6, 0.67
        "recommend",  # 7, 0.57
        "recount",  # 7, 0.71
        "redact",  # 2, 0.50
        "refer",  # 2, 0.50
        "reference",  # 8, 0.50
        "refuse",  # 2, 1.00
        "refute",  # 2, 1.00
        "regret",  # 2, 0.50
        "reiterate",  # 11, 0.82
        "reject",  # 47, 0.62
        "relish",  # 3, 0.67
        "remember",  # 7, 0.71
        "remind",  # 13, 0.69
        "renounce",  # 3, 0.67
        "repeat",  # 15, 0.73
        "replay",  # 2, 1.00
        "report",  # 17, 0.76
        "repudiate",  # 3, 1.00
        "resist",  # 6, 0.67
        "restrict",  # 10, 0.60
        "retweete",  # 4, 0.50
        "reveal",  # 25, 0.56
        "ridicule",  # 3, 0.67
        "rip",  # 4, 0.50
        "risk",  # 2, 0.50
        "satirize",  # 2, 1.00
        "savage",  # 2, 0.50
        "say",  # 59, 0.73
        "seem",  # 3, 0.67
        "shelve",  # 2, 0.50
        "show",  # 96, 0.55
        "signal",  # 10, 0.50
        "single",  # 4, 0.50
        "slam",  # 13, 0.85
        "sound",  # 6, 0.67
        "sow",  # 2, 0.50
        "specify",  # 2, 0.50
        "spell",  # 2, 0.50
        "spot",  # 4, 0.50
        "spotlight",  # 3, 0.67
        "state",  # 6, 0.83
        "stifle",  # 2, 0.50
        "stress",  # 7, 1.00
        "submit",  # 2, 0.50
        "sum",  # 2, 1.00
        "symbolize",  # 2, 0.50
        "talk",  # 4, 0.75
        "thank",  # 6, 0.83
        "tick",  # 3, 1.00
        "title",  # 2, 0.50
        "tone",  # 2, 0.50
        "tout",  # 13, 0.92
        "trash",  # 2, 0.50
        "trumpet",  # 2, 1.00
        "tweet",  # 26, 0.69
        "unveil",  # 6, 0.67
        "urge",  # 7, 0.57
        "utter",  # 2, 1.00
        "veto",  # 4, 0.50
        "voice",  # 9, 0.89
        "vow",  # 2, 1.00
        "will",  # 2, 0.50
        "withdraw",  # 7, 0.57
        "withhold",  # 5, 0.60
        "witness",  # 6, 0.50
        "yell",  # 2, 0.50
    }),
    "prep": frozenset({
        "accept as",  # 2, 0.50
        "accuse of",  # 68, 0.79
        "acquiesce to",  # 2, 1.00
        "address at",  # 2, 0.50
        "agree in",  # 2, 0.50
        "agree on",  # 8, 0.75
        "agree with",  # 17, 0.53
        "alienate with",  # 2, 0.50
        "align on",  # 2, 0.50
        "allude to",  # 3, 1.00
        "announce for",  # 2, 1.00
        "apologize for",  # 8, 0.75
        "argue against",  # 2, 1.00
        "argue for",  # 3, 1.00
        "ask about",  # 51, 0.59
        "ask at",  # 3, 0.67
        "assail for",  # 3, 1.00
        "assure of",  # 7, 0.57
        "attack as",  # 4, 0.75
        "attack for",  # 7, 0.71
        "attack over",  # 2, 1.00
        "avoid in",  # 2, 0.50
        "back by",  # 2, 0.50
        "back for",  # 5, 0.60
        "balk at",  # 6, 0.83
        "be against",  # 5, 0.60
        "believe in",  # 7, 0.71
        "berate for",  # 2, 0.50
        "blame for",  # 25, 0.64
        "blame on",  # 5, 0.80
        "blast for",  # 8, 1.00
        "blast on",  # 2, 1.00
        "boast about",  # 3, 1.00
        "boast of",  # 6, 0.83
        "boo at",  # 2, 0.50
        "brag about",  # 4, 1.00
        "bristle at",  # 2, 0.50
        "call at",  # 5, 0.80
        "call for",  # 68, 0.78
        "call with",  # 3, 1.00
        "campaign against",  # 6, 0.50
        "caricature as",  # 2, 0.50
        "cast against",  # 2, 0.50
        "cast as",  # 19, 0.63
        "cast on",  # 7, 0.57
        "catch between",  # 2, 0.50
        "caution against",  # 4, 0.75
        "celebrate as",  # 2, 0.50
        "challenge on",  # 3, 0.67
        "challenge over",  # 4, 0.75
        "challenge to",  # 5, 0.60
        "change about",  # 2, 0.50
        "characterize as",  # 6, 0.67
        "charge with",  # 21, 0.57
        "cheer for",  # 2, 0.50
        "cheer on",  # 3, 0.67
        "chime with",  # 2, 1.00
        "cite as",  # 15, 0.93
        "cite in",  # 4, 0.75
        "claim for",  # 3, 0.67
        "come against",  # 6, 0.50
        "comment on",  # 24, 0.62
        "complain about",  # 7, 0.71
        "conclude by",  # 4, 0.75
        "concur with",  # 2, 1.00
        "condemn as",  # 2, 0.50
        "conflate with",  # 2, 0.50
        "confront with",  # 2, 0.50
        "continue on",  # 4, 0.50
        "contrast with",  # 6, 0.50
        "count among",  # 2, 1.00
        "count as",  # 2, 0.50
        "credit for",  # 2, 1.00
        "credit to",  # 2, 0.50
        "criticize as",  # 5, 0.80
        "criticize for",  # 31, 0.94
        "criticize on",  # 6, 0.67
        "cry for",  # 2, 0.50
        "declare for",  # 4, 0.75
        "decline to",  # 2, 0.50
        "defend against",  # 3, 1.00
        "defend as",  # 3, 1.00
        "delve into",  # 2, 0.50
        "demand for",  # 2, 0.50
        "denounce as",  # 2, 1.00
        "deny in",  # 2, 1.00
        "describe as",  # 28, 0.89
        "describe to",  # 3, 0.67
        "disagree on",  # 3, 0.67
        "disagree with",  # 6, 0.50
        "disapprove of",  # 2, 0.50
        "disclose for",  # 2, 1.00
        "discuss to",  # 3, 0.67
        "dismiss as",  # 6, 1.00
        "distance from",  # 11, 0.64
        "distinguish as",  # 3, 0.67
        "divide over",  # 3, 0.67
        "double on",  # 9, 0.56
        "dwell on",  # 5, 0.60
        "elaborate on",  # 2, 0.50
        "email on",  # 2, 0.50
        "embed in",  # 2, 0.50
        "empathize with",  # 3, 0.67
        "emphasize in",  # 2, 0.50
        "endorse for",  # 5, 0.60
        "enjoy since",  # 2, 1.00
        "estimate at",  # 3, 0.67
        "expand by",  # 2, 0.50
        "expect from",  # 2, 0.50
        "expect in",  # 2, 0.50
        "express for",  # 2, 1.00
        "face during",  # 2, 0.50
        "face to",  # 2, 0.50
        "fear in",  # 2, 0.50
        "feel for",  # 3, 1.00
        "fight about",  # 2, 1.00
        "find with",  # 7, 0.71
        "flop on",  # 2, 0.50
        "follow by",  # 4, 0.50
        "foresee in",  # 2, 1.00
        "frame as",  # 4, 0.75
        "garner for",  # 2, 0.50
        "generate for",  # 2, 0.50
        "give on",  # 4, 0.50
        "go by",  # 2, 1.00
        "gravitate to",  # 2, 0.50
        "greet with",  # 2, 0.50
        "hail as",  # 2, 1.00
        "hew to",  # 2, 0.50
        "hint at",  # 7, 0.71
        "hit for",  # 5, 0.60
        "hold over",  # 2, 0.50
        "hop for",  # 7, 0.86
        "identify in",  # 2, 0.50
        "impassione in",  # 2, 1.00
        "include at",  # 2, 0.50
        "inform of",  # 3, 1.00
        "interpret as",  # 3, 0.67
        "interview on",  # 2, 0.50
        "introduce into",  # 2, 0.50
        "invoke in",  # 4, 0.50
        "jab for",  # 2, 1.00
        "joke about",  # 2, 1.00
        "judge against",  # 2, 0.50
        "know as",  # 41, 0.56
        "know for",  # 22, 0.55
        "label as",  # 2, 1.00
        "lash at",  # 6, 0.67
        "laud for",  # 2, 0.50
        "laugh off",  # 2, 0.50
        "launch by",  # 2, 0.50
        "learn of",  # 3, 0.67
        "lie about",  # 2, 0.50
        "light into",  # 2, 0.50
        "liken to",  # 5, 1.00
        "line behind",  # 4, 0.75
        "list as",  # 6, 0.83
        "look past",  # 3, 0.67
        "make against",  # 2, 0.50
        "mention as",  # 5, 0.60
        "mention by",  # 10, 0.70
        "mince in",  # 2, 1.00
        "mix with",  # 2, 0.50
        "mock as",  # 2, 0.50
        "muse about",  # 2, 1.00
        "name as",  # 5, 0.80
        "name on",  # 2, 1.00
        "name to",  # 2, 1.00
        "negotiate in",  # 2, 0.50
        "nod to",  # 2, 0.50
        "nominate for",  # 7, 0.57
        "nominate to",  # 4, 0.75
        "object to",  # 2, 0.50
        "offer for",  # 3, 0.67
        "open about",  # 3, 1.00
        "open by",  # 2, 0.50
        "oppose in",  # 6, 0.50
        "persuade in",  # 2, 0.50
        "pitch as",  # 3, 1.00
        "play at",  # 2, 0.50
        "pledge to",  # 6, 0.50
        "point at",  # 3, 0.67
        "point to",  # 41, 0.66
        "poke at",  # 2, 1.00
        "polarize in",  # 2, 0.50
        "portray as",  # 17, 0.71
        "position around",  # 2, 0.50
        "position as",  # 3, 1.00
        "pounce on",  # 3, 0.67
        "praise as",  # 3, 1.00
        "praise for",  # 10, 0.80
        "press about",  # 4, 0.75
        "press on",  # 3, 0.67
        "pressure on",  # 2, 0.50
        "pride on",  # 2, 0.50
        "promote as",  # 2, 0.50
        "prosecute on",  # 2, 0.50
        "pull for",  # 2, 0.50
        "push against",  # 4, 0.50
        "push for",  # 17, 0.65
        "push on",  # 6, 0.67
        "puzzle through",  # 2, 0.50
        "question about",  # 5, 0.60
        "question in",  # 3, 0.67
        "quote as",  # 4, 1.00
        "rail against",  # 8, 0.88
        "rank as",  # 2, 0.50
        "rebuild in",  # 2, 0.50
        "reckon with",  # 2, 1.00
        "recognize for",  # 2, 1.00
        "refer as",  # 2, 1.00
        "refer to",  # 50, 0.54
        "reference as",  # 2, 1.00
        "refuse to",  # 3, 1.00
        "regard as",  # 6, 0.83
        "remember as",  # 3, 1.00
        "remind of",  # 2, 0.50
        "riff on",  # 2, 0.50
        "rise over",  # 2, 0.50
        "rule against",  # 2, 0.50
        "savage as",  # 2, 1.00
        "say about",  # 21, 0.52
        "say before",  # 2, 1.00
        "say for",  # 5, 0.60
        "say from",  # 2, 0.50
        "say over",  # 2, 0.50
        "see after",  # 2, 0.50
        "see as",  # 71, 0.55
        "see during",  # 2, 0.50
        "see with",  # 2, 0.50
        "seem like",  # 14, 0.71
        "send with",  # 3, 0.67
        "share for",  # 2, 0.50
        "shed on",  # 2, 0.50
        "show by",  # 3, 0.67
        "show with",  # 16, 0.81
        "shut by",  # 2, 0.50
        "shy from",  # 2, 0.50
        "side with",  # 10, 0.60
        "single as",  # 2, 1.00
        "sink into",  # 2, 0.50
        "slam for",  # 3, 1.00
        "sound on",  # 2, 1.00
        "spar over",  # 2, 1.00
        "speak about",  # 27, 0.89
        "speak of",  # 11, 0.91
        "speculate about",  # 2, 1.00
        "speculate on",  # 2, 0.50
        "split on",  # 4, 0.75
        "spy on",  # 2, 0.50
        "stand by",  # 8, 0.50
        "sue for",  # 4, 0.50
        "suggest in",  # 2, 0.50
        "swing at",  # 2, 0.50
        "tack to",  # 2, 0.50
        "talk about",  # 79, 0.72
        "talk at",  # 4, 0.50
        "talk of",  # 4, 0.75
        "tell about",  # 4, 0.50
        "tell by",  # 2, 1.00
        "thank for",  # 11, 0.82
        "think about",  # 16, 0.50
        "throw behind",  # 6, 0.67
        "touch on",  # 7, 0.57
        "tout as",  # 4, 0.75
        "tout in",  # 2, 0.50
        "trade in",  # 2, 0.50
        "turn during",  # 2, 0.50
        "turn toward",  # 2, 0.50
        "tweet to",  # 2, 1.00
        "underscore in",  # 2, 0.50
        "view as",  # 23, 0.57
        "view in",  # 2, 0.50
        "vouch for",  # 5, 1.00
        "warn about",  # 4, 0.50
        "warn against",  # 5, 1.00
        "warn of",  # 5, 0.80
        "weigh with",  # 2, 0.50
        "wield against",  # 2, 0.50
        "worry about",  # 14, 0.50
        "write about",  # 9, 0.56
        "write of",  # 2, 0.50
    }),
    "noun": frozenset({
        "admission",  # 3, 0.67
        "advice",  # 2, 0.50
        "agreement",  # 3, 1.00
        "allegation",  # 6, 0.50
        "assertion",  # 5, 0.80
        "assumption",  # 4, 0.75
        "assurance",  # 2, 0.50
        "attack",  # 2, 0.50
        "belief",  # 10, 0.50
        "commitment",  # 2, 0.50
        "complaint",  # 8, 1.00
        "confidence",  # 6, 0.50
        "contention",  # 2, 0.50
        "criticism",  # 2, 1.00
        "doubt",  # 5, 1.00
        "hope",  # 7, 0.71
        "insistence",  # 4, 0.50
        "interview",  # 2, 0.50
        "moment",  # 2, 0.50
        "point",  # 4, 0.50
        "recognition",  # 3, 0.67
        "remark",  # 2, 1.00
        "rumor",  # 4, 0.50
        "sense",  # 4, 0.50
        "speculation",  # 3, 1.00
        "statement",  # 9, 0.67
        "suggestion",  # 17, 0.59
        "warning",  # 2, 0.50
    }),
}
