"""Linguistic data the rules read: quotation marks, reporting verbs, titles, dependency label sets.

Grouped by the rule that reads each list. Word lists are written with `words()`, which refuses a word
listed twice; a test checks that every list here is read by some rule.
"""
from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`, each listed once (a repeat is a mistake in the list)."""
    listed = text.split()
    repeated = sorted({w for w in listed if listed.count(w) > 1})
    if repeated:
        raise ValueError(f"listed twice: {', '.join(repeated)}")
    return frozenset(listed)


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

# --- Tagging repairs -------------------------------------------------------------------------------
# A modal governs a verb's base form ("will say"); a past or third-person form after a capitalised one means
# the word is a name the tagger took for the modal: "George Will wrote", "Will urged", "Theresa May said".
NOT_AFTER_A_MODAL_TAGS = words("VBD VBN VBZ")

# --- Reporting cues ---------------------------------------------------------------------------------
# Lemmas of verbs that report speech or writing, mined from PolNeAR train cues (direct attributions)
# and extended by hand with common synonyms.
REPORTING_VERBS = words("""
say tell add write tweet post continue ask respond reply declare state explain note report read
conclude describe call insist admit argue chant warn pledge shout acknowledge remark accuse recall
thank urge joke vow promise claim put point laugh suggest predict emphasize emphasise stress observe
announce complain comment confirm deny assert affirm maintain contend counter retort quip muse
mutter whisper yell scream cry exclaim boast brag concede grant lament bemoan decry criticize criticise
praise hail blast slam attack mock charge allege testify recount reveal disclose divulge tout
proclaim pronounce profess reiterate repeat echo caution advise recommend demand plead beg implore
wonder question query inquire speculate guess estimate figure reckon hint imply signal indicate agree
disagree object protest propose offer threaten assure reassure remind inform notify brief
answer begin start go finish end summarize summarise interject interrupt blurt gush rave sneer scoff
snap snarl growl grumble sigh sob stammer stutter murmur mumble chime weigh elaborate clarify correct
dismiss label brand dub term characterize characterise hinting text email message retweet
blog pen author sign caption lecture preach headline headlined title titled
surmise posit theorize theorise
cite bark denounce confess grouse beam press reprise fume marvel
quote refer reference publish express react blame credit condemn sing ponder worry remember welcome
opine recite deride demur apologize
""")

# "Bennett shot back", "she fired back": verbs that report speech with the particle "back".
BACK_VERBS = words("shoot fire hit push snap talk write")
# "and he goes, “...”", "went on about", "has gone after Trump as": a cue only when one of the
# INTRODUCING_FOLLOWERS follows ("the agreement goes “nowhere near far enough”" reports nothing).
INTRODUCING_ONLY_VERBS = words("go")
INTRODUCING_FOLLOWERS = words(", : on after")
# Verbs that report speech alone ('“...,” he continued') but not with a verb after them ('Rubio will continue
# to be “a champion”', 'began to call it “a hoax”'): there they say how long something lasts.
ASPECTUAL_VERBS = words("continue begin start finish end")
# Verbs of saying proper: a quote hangs on them rather than on a speech noun or a verb further back.
SAYING_VERBS = words("say tell add write explain insist argue claim note state declare tweet")
# a cue set off by commas inside what it reports ('Replacing him, she said, would be harder'): the saying verbs and
# the lemmas that PolNeAR train marks in that shape at least three times in four (think, know, find, decide: less)
PARENTHETICAL_CUES = SAYING_VERBS | words("believe predict indicate conclude suggest warn vow speculate report promise")
# a cue whose object is whom it is said to ('she told reporters'), not what is said
LISTENER_CUES = words("tell inform assure remind")
# a relative pronoun that, as a cue's object, stands for what is said ('Florida, which he describes as his home');
# 'whom' is whom it is said of (train: no gain), 'that' more often the writer's noun (13 of 28 gold, 159 cues)
OBJECT_RELATIVE_PRONOUNS = words("which")
# Words that may stand between a cue and the quote it governs: "promises a ‘fair treatment’", "said: “".
ADJACENT_FILLERS = words("a an the it as him her them of to that , :")
# Documents whose issuer speaks: "Trump released a statement saying ...".
DOCUMENT_NOUNS = words("statement letter release memo email message post tweet note video ad caption")

# Nouns heading a speech act: "his promise that", "in a statement", "the president’s remark".
REPORTING_NOUNS = words("""
statement remark remarks comment comments interview speech address tweet post message letter memo
email release promise pledge vow claim assertion warning words quote response reply answer
announcement testimony op-ed editorial essay column note declaration suggestion
""")

# --- Speakers ---------------------------------------------------------------------------------------
# Pronouns and nouns that can be a speaker (a subject "that", "this" or "which" cannot).
SPEAKER_PRONOUNS = words("i we you he she it they who")
SPEAKER_NOUNS = words("""
spokesman spokeswoman spokesperson campaign statement report government administration team
committee company firm office department ministry agency group
""")
RELATIVE_PRONOUNS = words("who which that")
# the shape of a reported clause (reported_shape.py): a source speaking of itself or to the reader ('I think',
# 'you know'), and a clause said only on a condition ('if he said that ...')
FIRST_SECOND_PERSON = words("i we you me us")
CONDITIONAL_MARKS = words("if unless whether")
# what ends a sentence that is not a headline
SENTENCE_END_CHARS = frozenset(".!?\"”’')…:;")
# Without the entity recogniser (not loaded, see pipeline.py) dates are known by their words: a date is
# never the speaker. May, June and August are left out: they are also first names.
TIME_WORDS = words("""
monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow
january february march april july september october november december
""")
# Closing marks as the tokenizer leaves them before an inverted cue: '“...,” said X'.
CLOSING_MARK_TOKENS = words("” \" ’ ' » ”, \", ’, ',")
# Parts of speech of a name phrase that opens an attribution after a quote: "Texas delegate Bill Eastland".
NAME_PHRASE_POS = words("PROPN NOUN ADJ DET")

PERSONAL_PRONOUNS = {"he": "male", "him": "male", "she": "female", "her": "female"}
PLURAL_PRONOUNS = frozenset({"they", "them", "we"})

# Words that precede a name as a role ("U.S. President Donald Trump", "Ontario Premier Doug Ford");
# lower-case, single tokens, matched on the token text.
TITLE_WORDS = words("""
president vice prime minister premier chancellor secretary senator sen. sen sens. sens representative rep. rep
reps. reps
congressman congresswoman governor gov. gov mayor speaker leader chairman chairwoman chair ceo
spokesman spokeswoman spokesperson ambassador director commissioner attorney general judge justice
candidate nominee chief adviser advisor aide official officer minister's king queen prince pope
trade foreign finance defense defence deputy former u.s. us canadian american opposition conservative
liberal democratic republican democrat gop independent libertarian activist state federal white house press
commerce treasury
mr. mr mrs. mrs ms. ms dr. dr miss sir lord lady gen. gen col. col lt. sgt. rev. prof. capt. maj. cmdr. adm. cpl.
""")

# Lower-case words inside a surname: "Bill de Blasio", "Ludwig van Beethoven".
NAME_PARTICLES = words("de del della der den di da du dos van von le la al bin ibn")
# Characters that join the parts of a hyphenated name: "Smith-Jones", "Park Geun-hye".
HYPHENS = words("- ‐ ‑")
# Honorifics: part of a role, never of a name ("Mr. Smith" is Smith).
HONORIFICS = words("mr. mrs. ms. mr mrs ms dr. dr miss sir")
# Acronyms that are titles, not organisations ("CEO", "Sen").
ROLE_ACRONYMS = words("ceo cfo coo us mr ms mrs dr sen rep gov")
# Title words that also name organisations: "the Justice Department", "the White House".
ORGANISATION_MODIFIERS = words("""
justice state federal white house press democratic republican commerce treasury defense foreign trade
""")
# Possessive endings the tokenizer splits off a name.
POSSESSIVE_MARKERS = words("'s ’s ' ’")

# Honorifics that say the gender of the name after them.
MALE_HONORIFICS = frozenset({"mr.", "mr", "sir", "lord", "king", "prince", "congressman"})
FEMALE_HONORIFICS = frozenset({"mrs.", "mrs", "ms.", "ms", "miss", "lady", "queen", "congresswoman",
                               "spokeswoman", "chairwoman"})

# Heads of descriptions that stand for a named person already in the article: "the president".
ROLE_NOUNS = words("""
president premier minister chancellor secretary senator governor mayor leader chairman chairwoman
spokesman spokeswoman spokesperson ambassador director commissioner candidate nominee chief ceo
businessman billionaire congressman congresswoman lawmaker official potus
""")

# Speakers that name nobody in particular: "a source", "one observer", "officials".
ANONYMOUS_HEADS = words("""
source sources observer observers official officials analyst analysts expert experts critic critics
insider insiders aide aides person people someone witness witnesses resident residents voter voters
supporter supporters protester protesters member members staffer staffers diplomat diplomats
economist economists strategist strategists
""")

# Organisations, known by their words (the entity recogniser is not loaded): a head noun that names an
# organisation when a capitalised word modifies it ("the Justice Department", "the Trump campaign") ...
ORGANISATION_HEADS = words("""
committee department party campaign council agency association institute university college foundation
commission court administration ministry office service union league center centre fund bank company
corporation corp. corp inc. inc group network news times post journal press tribune herald bureau board
organization organisation coalition caucus channel magazine newspaper pac church police army navy
government embassy parliament assembly federation alliance movement hospital club team firm society
institution house
""")
# ... and names that stand alone.
STANDALONE_ORGANISATIONS = words("""
senate congress pentagon kremlin reuters bloomberg politico gallup twitter facebook google youtube amazon
microsoft breitbart axios
""")

# Places, known by their words: a name ending in one of these ("United States", "Wall Street", "Election
# Day") or starting with one of the others ("New Jersey", "North Korea", "Los Angeles") names no person.
# Words that end people's names too (Hill, West, Bay, Park) are left out.
PLACE_LAST_WORDS = words("""
states kingdom republic union york jersey hampshire mexico carolina dakota virginia korea arabia africa
america americas europe asia lanka sudan zealand street avenue square city county island islands sea
ocean river valley coast mall monument mountains day week month
""")
PLACE_FIRST_WORDS = words("""
new north south east west united saudi sri los las san santa st. fort port
""")

# Dependency labels (spaCy English, ClearNLP style).
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
AGENT_DEP = "agent"

# Tags of a finite verb: "the 34-year-old mother of three replied" (who replies is who speaks).
FINITE_TAGS = words("VBD VBZ VBP")
# a finite verb or modal heads a reported clause, not an infinitive or a noun phrase (reported_shape.py)
FINITE_VERB_TAGS = FINITE_TAGS | words("MD")
# Dependents after an inverted cue that the parser gives the speaker: '“...,” said James Acton'.
INVERTED_SPEAKER_DEPS = words("attr dobj npadvmod oprd nsubj")
# Dependents through which a cue takes the subject of the clause it hangs on: "..., saying", "and added".
CLIMBING_DEPS = words("advcl xcomp conj ccomp pcomp prep parataxis")

# --- Quote kinds ---------------------------------------------------------------------------------
# Words before the marks that make them a label: "the word “conflict”", "so-called “experts”".
TERM_MARKERS = ("so-called", "dubbed", "known as")
TERM_NOUNS = words("word term phrase label slogan hashtag")
# A work named by what it is: 'her memoir, "Tough Choices."', 'an article titled "..."'.
WORK_NOUNS = words("""
book memoir novel movie film show series program programme play musical song album podcast episode
documentary ad article column op-ed essay headline titled entitled called named
""")
# Words a Title Case name may keep in lower case: "Face the Nation".
TITLE_SMALL_WORDS = words("a an the of and or in on at to for with by from it is 's")
# Verbs after which a quote opens a clause of its own: 'saying “We will ...”'.
CLAUSE_OPENING_VERBS = words("saying says said added asked told tweeted wrote")

# --- Reported content ----------------------------------------------------------------------------
# Dependents of a cue that carry what it reports: "said [that ...]", "called him [“a liar”]".
CONTENT_DEPS = words("ccomp xcomp dobj oprd advcl acl pobj attr conj npadvmod")

# --- Reported speech: line labels and polls --------------------------------------------------------
# Line openers that label the text, not a speaker ('UPDATE: ...', 'Breaking: ...'), as for transcript labels.
NOT_SPEAKER_LABELS = words("breaking update updated note editor correction watch read related photo video")
# A line label that is a source without being a name: 'Poll: Clinton and Trump in dead heat ...'.
LABEL_SOURCE_NOUNS = words("poll report survey study")
# What a clause opening 'In this poll, ...' reports from (train: 20 of 25 such phrases are a gold attribution).
POLL_NOUNS = words("poll survey")
# A focus adverb opening a reported source, which PolNeAR leaves out: 'Even some allies said' (train: cut 18 of 20).
SOURCE_FOCUS_ADVERBS = words("even")
# Determiners a reported content's head may carry (reported_shape: 'released a video' is rarely what PolNeAR marks,
# 'his claim' is).
INDEFINITE_ARTICLES = words("a an")
DEMONSTRATIVES = words("this that these those")
