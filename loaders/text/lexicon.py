"""Word lists the rules use: triggers, light verbs, modality cues, titles, organisations.

Everything is lower case. Verbs and nouns are given as lemmas; `lemma()` maps the inflected forms
news text uses to them (the spaCy lemmatizer is disabled for speed, see `loaders.text.nlp`).
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------- lemmas

_IRREGULAR = {
    "met": "meet", "held": "hold", "had": "have", "has": "have", "paid": "pay", "made": "make",
    "spoke": "speak", "spoken": "speak", "flew": "fly", "flown": "fly", "went": "go", "gone": "go",
    "came": "come", "began": "begin", "begun": "begin", "took": "take", "taken": "take", "gave": "give",
    "given": "give", "rang": "ring", "rung": "ring", "was": "be", "were": "be", "is": "be", "are": "be",
    "been": "be", "did": "do", "does": "do", "done": "do", "led": "lead", "set": "set", "sat": "sit",
    "saw": "see", "seen": "see", "told": "tell", "said": "say", "says": "say", "won": "win",
    "sought": "seek", "drove": "drive", "driven": "drive", "shook": "shake", "shaken": "shake",
    "wrote": "write", "written": "write", "undertook": "undertake", "undertaken": "undertake",
    "talks": "talk", "exercises": "exercise", "games": "game", "manoeuvres": "manoeuvre",
    "maneuvers": "maneuver", "negotiations": "negotiation", "discussions": "discussion",
    "consultations": "consultation", "memoranda": "memorandum", "agreements": "agreement",
    "visits": "visit", "trips": "trip", "calls": "call", "meetings": "meeting", "drills": "drill",
    "patrols": "patrol", "treaties": "treaty", "deals": "deal", "summits": "summit",
}


def lemma(token_text: str, verb: bool = False) -> str:
    """Lemma of a word, good enough for the trigger and cue lists below ("meeting" is "meet" as a verb)."""
    word = token_text.lower().replace("’", "'")
    if word in _IRREGULAR and not (verb and word in ("talks", "calls", "visits")):
        return _IRREGULAR[word]
    if word in KNOWN_LEMMAS and not (verb and word.endswith(("ing", "ed"))):
        return word
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("d", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + repl
            if stem in KNOWN_LEMMAS:
                return stem
            if suffix in ("ing", "ed") and stem + "e" in KNOWN_LEMMAS:
                return stem + "e"
            if suffix in ("ing", "ed") and len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in KNOWN_LEMMAS:
                return stem[:-1]
    return word


# ---------------------------------------------------------------- triggers (CAMEO codes)

#: verbs whose subject and object (or `with` object) consult each other
MEET_VERBS = {"meet": "040", "confer": "040", "consult": "040", "negotiate": "046", "discuss": "040",
              "talk": "040"}
#: verbs of a visit: the subject visits the object / the place
VISIT_VERBS = {"visit"}
#: motion verbs that make a visit when their destination is abroad
ARRIVE_VERBS = {"arrive", "land"}  # + in/at PLACE
TRAVEL_VERBS = {"travel", "fly", "head", "jet", "go", "journey"}  # + to PLACE
#: the subject hosts the object
HOST_VERBS = {"host", "receive", "welcome", "greet"}
#: verbs of a telephone call: the subject calls the object
PHONE_VERBS = {"telephone", "phone", "call", "ring"}
#: verbs that are a call when a phone cue is present, a consultation otherwise
SPEAK_VERBS = {"speak", "talk", "converse", "chat"}
PHONE_CUES = {"phone", "telephone", "video", "videoconference", "videolink", "teleconference", "call",
              "hotline", "zoom"}
#: the subject signs an agreement noun (057)
SIGN_VERBS = {"sign", "ink", "seal"}
AGREEMENT_NOUNS = {"agreement", "memorandum", "mou", "deal", "treaty", "accord", "pact", "contract",
                   "declaration", "protocol", "charter", "convention", "communique", "statement",
                   "document", "arrangement", "roadmap"}
#: material cooperation: the subject shares an information noun with someone (064)
SHARE_VERBS = {"share", "exchange"}
INFORMATION_NOUNS = {"intelligence", "information", "evidence", "data", "expertise", "technology"}
#: judicial cooperation (063): the subject extradites someone to a state
EXTRADITE_VERBS = {"extradite"}

#: nouns that are meetings (CAMEO code)
MEETING_NOUNS = {"meeting": "040", "talk": "040", "discussion": "040", "consultation": "040",
                 "negotiation": "046", "summit": "040", "dialogue": "040", "audience": "040",
                 "conversation": "040", "encounter": "040", "tete-a-tete": "040"}
VISIT_NOUNS = {"visit", "trip", "tour", "journey", "stopover"}
CALL_NOUNS = {"call", "videoconference", "teleconference", "videocall"}
WELCOME_NOUNS = {"welcome"}
#: nouns of joint military activity (062)
DRILL_NOUNS = {"drill", "exercise", "manoeuvre", "maneuver", "wargame", "patrol", "game"}

#: verbs that take a meeting/visit/call noun and make their subject a party to it
LIGHT_VERBS = {"hold", "have", "conduct", "pay", "make", "begin", "start", "open", "launch", "resume",
               "renew", "continue", "kick", "wrap", "conclude", "complete", "end", "finish", "attend",
               "join", "take", "participate", "engage", "enter", "place", "give", "extend", "accord",
               "undertake", "carry", "stage", "embark", "host", "lead", "fly", "receive",
               "perform", "organise", "organize", "run", "mount"}
#: prepositions through which a nominal trigger's context verb lends its subject ("in a call with X, Y said")
FRAME_PREPS = {"in", "during", "at", "on", "after", "before", "for", "ahead"}

# ---------------------------------------------------------------- modality

PLAN_VERBS = {"plan", "expect", "schedule", "set", "intend", "hope", "aim", "want", "wish", "seek", "prepare",
              "agree", "invite", "consider", "arrange", "decide", "promise", "pledge",
              "vow", "try", "attempt", "look", "due", "likely", "poise", "slate", "tip", "invitation",
              "intention", "bid", "request", "expected", "scheduled", "will"}
HYPOTHETICAL_VERBS = {"could", "might", "may", "should", "possible", "unlikely", "potential", "doubt",
                      "offer", "propose", "proposal", "ready", "willing", "eager", "keen", "prepared", "open",
                      "hypothetical", "question", "rumour", "rumor", "speculation", "urge", "call",
                      "demand", "ask", "suggest", "push", "press"}
DENY_VERBS = {"deny", "refuse", "decline", "reject", "fail", "dismiss", "refute", "avoid",
              "snub", "shun", "boycott", "skip", "unable", "rebuff"}
CANCEL_VERBS = {"cancel", "postpone", "scrap", "delay", "suspend", "abandon", "shelve", "axe", "defer",
                "scrub", "halt", "abort", "freeze"}
#: verb + particle pairs that cancel ("called off the visit", "broke off talks")
CANCEL_PHRASALS = {("call", "off"), ("break", "off"), ("put", "off"), ("pull", "out"), ("cut", "short")}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"could", "might", "may", "should", "must", "would've"}
PLANNED_AMODS = {"planned", "upcoming", "scheduled", "forthcoming", "expected", "next", "future",
                 "anticipated", "intended", "prospective", "impending", "coming"}
HYPOTHETICAL_AMODS = {"possible", "potential", "proposed", "hypothetical", "mooted", "rumoured", "rumored",
                      "putative"}
CANCELLED_AMODS = {"cancelled", "canceled", "postponed", "aborted", "scrapped"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
REPORTING_VERBS = {"say", "tell", "report", "add", "note", "state", "write", "claim", "insist", "stress"}

# ---------------------------------------------------------------- names and titles

TITLE_WORDS = {
    "president", "vice", "prime", "minister", "foreign", "defence", "defense", "secretary", "state", "chief",
    "premier", "chancellor", "king", "queen", "prince", "princess", "crown", "emir", "amir", "sheikh",
    "sultan", "diplomat", "envoy", "ambassador", "commander", "leader", "supreme", "deputy", "first",
    "national", "security", "adviser", "advisor", "external", "affairs", "home", "interior", "finance",
    "trade", "commerce", "economy", "treasury", "energy", "industry", "agriculture", "health", "education",
    "justice", "army", "navy", "naval", "air", "force", "military", "chairman", "chairwoman", "chair",
    "head", "director", "speaker", "mayor", "governor", "senator", "spokesman", "spokeswoman",
    "spokesperson", "representative", "special", "general", "admiral", "marshal", "colonel", "lieutenant",
    "lt", "gen", "maj", "major", "brigadier", "captain", "mr", "mrs", "ms", "dr", "sir", "dame", "lord",
    "pope", "cardinal", "ayatollah", "undersecretary", "under", "assistant", "executive", "official",
    "acting", "top", "senior", "general-secretary", "secretary-general", "party", "communist",
    "central", "committee", "staff", "joint", "chiefs", "of", "cabinet", "attorney", "sen", "rep",
    "gov", "pres", "excellency", "his", "her", "majesty", "highness", "royal", "field", "vice-president",
    "vice-premier", "state-owned", "parliamentary", "council", "federal", "defence-minister", "ceo",
    "counsellor", "councillor", "foreign-minister", "taoiseach", "tanaiste", "chargé", "charge",
    "affaires", "consul", "delegate", "negotiator", "regent", "tsar", "czar", "coordinator", "vizier",
}
#: honorifics and ranks dropped from both the name and the title
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "sheikh", "his", "her", "excellency", "majesty",
              "highness", "top", "senior", "visiting", "general", "admiral", "marshal", "colonel",
              "lieutenant", "lt", "gen", "maj", "major", "brigadier", "captain", "field", "acting",
              "the", "sen", "rep", "gov", "pres"}
#: a rank word that is part of a title after these words ("Secretary General", "Attorney General")
RANK_KEEPERS = {"secretary", "attorney", "director", "governor", "surgeon", "consul", "inspector",
                "solicitor", "auditor", "procurator", "prosecutor", "secretary-general"}
#: name particles never matched on their own
NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "da", "de", "del", "della", "di", "do", "dos", "du", "van",
                  "von", "der", "den", "la", "le", "abu", "ben", "mc", "y", "e", "st", "jr", "sr"}
#: common nouns that stand for an (unnamed) official or body of a state
ROLE_NOUNS = {"minister", "president", "premier", "chancellor", "official", "diplomat", "envoy",
              "ambassador", "leader", "delegation", "government", "chief", "counterpart", "king", "emir",
              "prince", "secretary", "spokesman", "spokeswoman", "side", "team", "negotiator", "army",
              "navy", "troop", "force", "soldier", "military", "warship", "warplane", "ship", "vessel",
              "jet", "aircraft", "bomber", "fighter", "submarine", "guard", "marine", "unit", "sailor",
              "authority", "administration", "regime", "ministry", "commander", "general", "officer",
              "representative", "lawmaker", "legislator", "parliamentarian", "deputy", "head", "monarch",
              "sultan", "junta", "cabinet", "adviser", "advisor", "group", "country", "nation", "state",
              "navies", "armies", "militaries", "coastguard", "airforce", "defence", "defense",
              "intelligence", "agency", "service", "mission", "counterparts", "chiefs", "people"}
#: role nouns for people (their holder may be named elsewhere in the document)
PERSON_ROLES = {"minister", "president", "premier", "chancellor", "diplomat", "envoy", "ambassador",
                "leader", "chief", "counterpart", "king", "emir", "prince", "secretary", "spokesman",
                "spokeswoman", "commander", "general", "head", "monarch", "sultan", "adviser", "advisor"}
#: "the two …" nouns that take the last pair of actors; the second set maps people to their states
PAIR_PERSON_NOUNS = {"leader", "minister", "president", "premier", "side", "official", "diplomat", "chief",
                     "counterpart", "man", "men", "woman", "women", "head", "envoy", "delegation"}
PAIR_STATE_NOUNS = {"country", "nation", "state", "government", "navy", "army", "military", "force",
                    "neighbour", "neighbor", "ally", "partner", "capital", "power", "economy", "coastguard",
                    "guard", "troop"}
PERSONAL_PRONOUNS = {"he", "she", "him", "his", "her", "hers"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs"}
RELATIVE_PRONOUNS = {"who", "whom", "which", "that", "whose"}

# ---------------------------------------------------------------- organisations

#: normalized alias → (canonical name, acronym or other aliases)
ORGANISATIONS: dict[str, tuple[str, tuple[str, ...]]] = {}
for _name, _aliases in {
    "NATO": ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "Nato"),
    "European Union": ("EU", "E.U."),
    "United Nations": ("UN", "U.N.", "the UN"),
    "UN Security Council": ("Security Council", "U.N. Security Council", "United Nations Security Council",
                            "UNSC"),
    "Shanghai Cooperation Organisation": ("SCO", "Shanghai Cooperation Organization"),
    "ASEAN": ("Association of Southeast Asian Nations", "Asean"),
    "African Union": ("AU",),
    "Arab League": ("League of Arab States",),
    "G7": ("G-7", "Group of Seven"),
    "G20": ("G-20", "Group of 20", "Group of Twenty"),
    "BRICS": ("Brics",),
    "OPEC": ("Organization of the Petroleum Exporting Countries", "Opec"),
    "International Atomic Energy Agency": ("IAEA",),
    "World Health Organization": ("WHO",),
    "International Monetary Fund": ("IMF",),
    "World Bank": (),
    "World Trade Organization": ("WTO",),
    "OSCE": ("Organization for Security and Co-operation in Europe",),
    "Gulf Cooperation Council": ("GCC",),
    "Collective Security Treaty Organization": ("CSTO",),
    "APEC": ("Asia-Pacific Economic Cooperation",),
    "Organization of American States": ("OAS",),
    "ECOWAS": ("Economic Community of West African States",),
    "European Commission": (),
    "Council of Europe": (),
    "Palestine Liberation Organization": ("PLO", "Palestinian Liberation Organization"),
    "Hamas": (), "Hezbollah": (), "Taliban": ("the Taliban",), "Houthis": ("Houthi",),
    "International Criminal Court": ("ICC",),
    "Red Cross": ("ICRC", "International Committee of the Red Cross"),
    "Quad": (),
    "AUKUS": (),
}.items():
    for _alias in (_name, *_aliases):
        ORGANISATIONS[re.sub(r"[^\w\s]", "", _alias.lower()).replace("  ", " ").strip()] = (_name, _aliases)

#: seats of government that stand for their state
METONYMS = {"kremlin": "RUS", "white house": "USA", "pentagon": "USA", "state department": "USA",
            "elysee": "FRA", "elysee palace": "FRA", "downing street": "GBR", "whitehall": "GBR",
            "zhongnanhai": "CHN", "blue house": "KOR", "quai d orsay": "FRA", "kantei": "JPN",
            "foggy bottom": "USA", "south block": "IND", "knesset": "ISR"}
#: news agencies and outlets: never actors of the events they report
MEDIA = {"reuters", "afp", "ap", "associated press", "agence france-presse", "xinhua", "tass", "ria novosti",
         "ria", "interfax", "bbc", "cnn", "kcna", "yonhap", "kyodo", "belta", "irna", "anadolu", "bloomberg",
         "al jazeera", "wafa", "sana", "spa", "wam", "bernama", "antara", "pti", "ani", "apa", "efe",
         "dpa", "ansa", "cctv", "global times", "people's daily", "nikkei", "itar-tass", "ukrinform",
         "vna", "photo", "getty", "epa", "sputnik", "rt"}
MEDIA_WORDS = re.compile(r"\b(agency|news|newspaper|times|post|daily|television|tv|radio|telegraph|journal|"
                         r"gazette|tribune|herald|broadcaster|press)\b", re.IGNORECASE)

# ---------------------------------------------------------------- pre-filter

#: a paragraph is parsed only when it matches this (others get named entities only)
TRIGGER_RE = re.compile(
    r"\b(meet|meets|met|meeting|meetings|talk|talks|talked|talking|visit\w*|trips?|tour|tours|toured|touring|"
    r"host|hosts|hosted|hosting|receiv\w*|welcom\w*|greet\w*|call|calls|called|calling|phon\w*|telephon\w*|"
    r"video\w*|spoke|spoken|speak|speaks|speaking|chat\w*|conversations?|sign|signs|signed|signing|inks?|inked|"
    r"seal|seals|sealed|memorand\w*|mous?|agreements?|accords?|treaty|treaties|pacts?|deals?|drills?|"
    r"exercises?|manoeuvres?|maneuvers?|war ?games?|patrols?|summits?|negotiat\w*|discuss\w*|consult\w*|"
    r"confer|conferred|conferring|arriv\w*|travel\w*|flew|fly|flies|flying|land|lands|landed|landing|"
    r"head|heads|headed|heading|jetted|journey\w*|went|go|goes|shar\w*|exchanged?|extradit\w*|audience|"
    r"dialogue|encounter\w*|sidelines|counterparts?|photo|pictured)\b|\((?:left|right|centre|center)\)",
    re.IGNORECASE)

KNOWN_LEMMAS: frozenset[str] = frozenset(
    set(MEET_VERBS) | VISIT_VERBS | ARRIVE_VERBS | TRAVEL_VERBS | HOST_VERBS | PHONE_VERBS | SPEAK_VERBS
    | SIGN_VERBS | SHARE_VERBS | EXTRADITE_VERBS | set(MEETING_NOUNS) | VISIT_NOUNS | CALL_NOUNS
    | WELCOME_NOUNS | DRILL_NOUNS | LIGHT_VERBS | PLAN_VERBS | HYPOTHETICAL_VERBS | DENY_VERBS | CANCEL_VERBS
    | REPORTING_VERBS | AGREEMENT_NOUNS | INFORMATION_NOUNS | PHONE_CUES | ROLE_NOUNS
    | {"shake", "side", "sideline", "margin", "troop", "country", "nation", "force", "official", "navy"})
