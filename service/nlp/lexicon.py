"""Linguistic data the rules read: quotation marks, reporting verbs, titles, dependency label sets."""
from __future__ import annotations

# --- Quotation marks -------------------------------------------------------------------------------
# Double marks carry speech in English news; shape says which way they face, context decides for the
# straight " and for mis-typed curly marks (‘”Hello”’ typed with two closers).
DOUBLE_OPENERS = frozenset("“„‟«")
DOUBLE_CLOSERS = frozenset("”»")
DOUBLE_AMBIGUOUS = frozenset('"')
DOUBLE_MARKS = DOUBLE_OPENERS | DOUBLE_CLOSERS | DOUBLE_AMBIGUOUS
SINGLE_OPENERS = frozenset("‘‹")
SINGLE_CLOSERS = frozenset("’›")
SINGLE_AMBIGUOUS = frozenset("'")
SINGLE_MARKS = SINGLE_OPENERS | SINGLE_CLOSERS | SINGLE_AMBIGUOUS
ALL_MARKS = DOUBLE_MARKS | SINGLE_MARKS

# Characters after which an opening mark may stand: "said: “...", "(“...", "—“..."
OPEN_CONTEXT = frozenset(" \t\n\r\u00a0([{—–-/:;,") | ALL_MARKS
# Characters before which a closing mark may stand: "...,” he said", "...”)", "...”."
CLOSE_CONTEXT = frozenset(" \t\n\r\u00a0)]}—–-/:;,.!?…") | ALL_MARKS

# Elisions written with an apostrophe at a word's start: rock ’n’ roll, ’em, ’til, ’90s.
LEADING_ELISIONS = ("n'", "n’", "em", "til", "tis", "twas", "cause", "bout", "round")

# --- Reporting cues ---------------------------------------------------------------------------------
# Lemmas of verbs that report speech or writing, mined from PolNeAR train cues (direct attributions)
# and extended by hand with common synonyms.
REPORTING_VERBS = frozenset("""
say tell add write tweet post continue ask respond reply declare state explain note report read
conclude describe call insist admit argue chant warn pledge shout acknowledge remark accuse recall
thank urge joke vow promise claim put point laugh suggest predict emphasize emphasise stress observe
announce complain comment confirm deny assert affirm maintain contend counter retort quip joke muse
mutter whisper yell scream cry exclaim boast brag concede grant lament bemoan decry criticize criticise
praise hail blast slam attack mock charge allege testify recount recall reveal disclose divulge tout
proclaim pronounce profess reiterate repeat echo caution advise recommend demand plead beg implore
wonder question query inquire speculate guess estimate figure reckon hint imply signal indicate agree
disagree object protest propose offer threaten assure reassure remind inform notify brief tell reply
answer begin start go finish end summarize summarise interject interrupt blurt gush rave sneer scoff
snap snarl growl grumble sigh sob stammer stutter murmur mumble chime weigh elaborate clarify correct
dismiss label brand dub term characterize characterise hinting hint text email message tweet retweet
blog pen author sign caption lecture preach tell headline headlined title titled
conclude surmise posit theorize theorise
cite bark denounce confess grouse beam press reprise fume marvel
""".split())

# Nouns heading a speech act: "his promise that", "in a statement", "the president’s remark".
REPORTING_NOUNS = frozenset("""
statement remark remarks comment comments interview speech address tweet post message letter memo
email release promise pledge vow claim assertion warning words quote response reply answer
announcement testimony op-ed editorial essay column note declaration suggestion
""".split())

# Multi-word cues whose head is not a verb: "according to X".
ACCORDING_TO = ("according", "to")

# --- Speakers ---------------------------------------------------------------------------------------
PERSONAL_PRONOUNS = {"he": "male", "him": "male", "she": "female", "her": "female"}
PLURAL_PRONOUNS = frozenset({"they", "them", "we"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})

# Words that precede a name as a role ("U.S. President Donald Trump", "Ontario Premier Doug Ford");
# lower-case, single tokens, matched on the token text.
TITLE_WORDS = frozenset("""
president vice prime minister premier chancellor secretary senator sen. sen representative rep. rep
congressman congresswoman governor gov. gov mayor speaker leader chairman chairwoman chair ceo
spokesman spokeswoman spokesperson ambassador director commissioner attorney general judge justice
candidate nominee chief adviser advisor aide official officer minister's king queen prince pope
trade foreign finance defense defence deputy former u.s. us canadian american opposition conservative
liberal democratic republican democrat gop independent libertarian activist state federal white house press
commerce treasury
mr. mr mrs. mrs ms. ms dr. dr miss sir lord lady gen. gen col. col lt. sgt. rev. prof.
""".split())

# Honorifics that say the gender of the name after them.
MALE_HONORIFICS = frozenset({"mr.", "mr", "sir", "lord", "king", "prince", "congressman"})
FEMALE_HONORIFICS = frozenset({"mrs.", "mrs", "ms.", "ms", "miss", "lady", "queen", "congresswoman",
                               "spokeswoman", "chairwoman"})

# Heads of descriptions that stand for a named person already in the article: "the president".
ROLE_NOUNS = frozenset("""
president premier minister chancellor secretary senator governor mayor leader chairman chairwoman
spokesman spokeswoman spokesperson ambassador director commissioner candidate nominee chief ceo
businessman billionaire congressman congresswoman lawmaker official potus
""".split())

# Speakers that name nobody in particular: "a source", "one observer", "officials".
ANONYMOUS_HEADS = frozenset("""
source sources observer observers official officials analyst analysts expert experts critic critics
insider insiders aide aides person people someone witness witnesses resident residents voter voters
supporter supporters protester protesters member members staffer staffers diplomat diplomats
economist economists strategist strategists
""".split())

# Organisations, known by their words (the entity recogniser is not loaded): a head noun that names an
# organisation when a capitalised word modifies it ("the Justice Department", "the Trump campaign") ...
ORGANISATION_HEADS = frozenset("""
committee department party campaign council agency association institute university college foundation
commission court administration ministry office service union league center centre fund bank company
corporation corp. corp inc. inc group network news times post journal press tribune herald bureau board
organization organisation coalition caucus channel magazine newspaper pac church police army navy
government embassy parliament assembly federation alliance movement hospital club team firm society
institution house
""".split())
# ... and names that stand alone.
STANDALONE_ORGANISATIONS = frozenset("""
senate congress pentagon kremlin reuters bloomberg politico gallup twitter facebook google youtube amazon
microsoft breitbart axios
""".split())

# Places, known by their words: a name ending in one of these ("United States", "Wall Street", "Election
# Day") or starting with one of the others ("New Jersey", "North Korea", "Los Angeles") names no person.
# Words that end people's names too (Hill, West, Bay, Park) are left out.
PLACE_LAST_WORDS = frozenset("""
states kingdom republic union york jersey hampshire mexico carolina dakota virginia korea arabia africa
america americas europe asia lanka sudan zealand street avenue square city county island islands sea
ocean river valley coast mall monument mountains day week month
""".split())
PLACE_FIRST_WORDS = frozenset("""
new north south east west united saudi sri los las san santa st. fort port
""".split())

# Dependency labels (spaCy English, ClearNLP style).
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
AGENT_DEP = "agent"
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "obj"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "parataxis", "acl", "relcl"})
