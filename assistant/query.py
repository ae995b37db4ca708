"""Understanding a question: its terms, the kind of answer it wants, what it is about, and its
context in the conversation.

All rules here are about the form of questions in English (wh-words, auxiliaries, pronouns,
the nouns that name parts of a page), never about particular questions or one article's
content.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .text import STOPWORDS, terms, words

# The kind of thing a question asks for, when its form says so.
NUMBER, TIME, PERSON, PLACE, TITLE, ROLE = "number", "time", "person", "place", "title", "role"
# A way to get in touch, asked in one of three forms (``Query.contact``): "What's the
# council's e-mail address?", "What phone number should I ring?", "What's the URL?".
CONTACT = "contact"
# The words a question opens with when it is phrased as one (not as keywords).
_ASKING_WORDS = (r"who|whom|whose|what|what's|which|where|when|why|how|is|are|was|were|do|does|"
                 r"did|can|could|will|would|should|has|have|had|and|so|but")
EMAIL, PHONE, WEB = "email", "phone", "web"
_CONTACT_ASKED = (
    (EMAIL, re.compile(r"\be-?mail address(?:es)?\b|\b(?:his|her|their|your|\w+['\u2019]s)\s+"
                       r"e-?mail\s*\??\s*$", re.I)),
    (PHONE, re.compile(r"\b(?:(?:tele)?phone|mobile|contact|helpline|fax)\s+(?:number|no)\b"
                       r"|\bnumbers? to (?:call|ring|phone|text)\b", re.I)),
    (WEB, re.compile(r"\bweb ?(?:address|link)(?:es|s)?\b|\burls?\b|\bweb ?page address\b"
                     # a question typed as keywords ending in a site or an online thing's link:
                     # "bursary form link", "club website?" (not "chain link?")
                     r"|^(?!\s*(?:" + _ASKING_WORDS + r")\b)(?:\W*+[\w'-]++){0,4}\s+(?:website|web site|"
                     r"(?:form|page|booking|sign-?up|registration|application|donation|download|"
                     r"survey|petition|meeting|video|stream|ticket|tickets)\s+links?)\W*$", re.I)),
)


def contact_asked(question: str) -> str | None:
    """The form of contact the question asks for ("email", "phone", "web"), if any."""
    return next((form for form, pattern in _CONTACT_ASKED if pattern.search(question)), None)


# Nouns for people: "which student ...?" asks for a person.
_PERSON_NOUNS = (
    r"researcher|scientist|author|person|people|reader|commenter|doctor|professor|expert|"
    r"official|engineer|councillor|councilor|keeper|writer|journalist|member|student|pupil|"
    r"teacher|resident|director|manager|leader|spokesperson|spokesman|spokeswoman|politician|"
    r"minister|mayor|candidate|owner|worker|employee|volunteer|critic|opponent|supporter|speaker|"
    r"colleague|parent|mother|father|patient|participant|player|coach|artist|chair|chairman|"
    r"chairwoman|president|officer|investigator|co-author|coauthor|historian|archaeologist|"
    r"ecologist|biologist|physician|nurse|surgeon|economist|analyst|activist|neighbour|neighbor|"
    r"customer|visitor|guest|user|baker|farmer|beekeeper|curator|librarian|ranger|judge|lawyer")
# ... as the head of its phrase: a verb follows ("which member voted", not "which member
# states"), or the question ends.
_THEN_VERB = (r"(?=\s*[?.!]?\s*$|\s+(is|are|was|were|has|have|had|did|does|do|will|would|can|"
              r"could|should|may|might|must|\w+ed|put|said|says|told|tells|led|leads|ran|runs|"
              r"wrote|writes|made|makes|gave|gives|took|spoke|thought|thinks|felt|got|won|set|"
              r"paid|sent|met|left|kept|brought|came|went|chose|saw|sees|warns|argues|"
              r"wants|believes|backs|opposes|supports)\b)")
# A preposition: no modifier of the noun asked ("What change to road planning ...?" asks for a
# change, not a road; "What advice for parents ...?" for advice, not a parent).
_PREPOSITION_RE = (r"(?:to|in|on|at|for|from|with|by|about|into|onto|over|under|between|against|"
                 r"through|during|after|before|near|like|than|per|via|without|within)\b")
# The words between are modifiers ("which council member"), never an auxiliary or a
# determiner: in "What did the people buried there die of?" the people are the subject.
_MODIFIER = (r"(?: (?!(?:is|was|are|were|do|does|did|has|have|had|will|would|can|could|should|"
             r"the|an?|this|that|these|those|his|her|their|its|my|our|your)\b|" + _PREPOSITION_RE + r")\w+)")
# "which (council) member", "what kind of person": a person asked for by a noun
_PERSON_PHRASE = r"\b(?:which|what)" + _MODIFIER + "?" + _MODIFIER + r"? (?P<noun>" + _PERSON_NOUNS + r")s?"
_PERSON_HEAD_RE = _PERSON_PHRASE + _THEN_VERB
_PERSON_HEAD = re.compile(_PERSON_HEAD_RE, re.I)
PERSON_HEAD = _PERSON_HEAD

# Nouns for things known by a proper name: "which (middle) school ...?" asks for one by name.
_ENTITY_NOUNS = (
    r"university|universities|institution|institute|country|countries|city|cities|town|village|"
    r"region|district|ward|county|province|state|neighbou?rhood|island|river|journal|lab|"
    r"laboratory|magazine|newspaper|publisher|website|organi[sz]ation|school|college|company|"
    r"companies|firm|hospital|clinic|museum|agency|ship|place|street|road|brand|shop|store|"
    r"supermarket|supplier|manufacturer|maker|bakery|restaurant|cafe|hotel|airline|operator|"
    r"bank|insurer|charity|association|club|party|breed|species|variety|app|council|team|"
    r"station|farm|motorway|reservoir|make(?=\s+of\b)|model|church|park|venue|stadium|estate|"
    r"mountain|lake|valley|bridge|port|harbou?r|airport|league|division|band|orchestra|choir|"
    r"show|programme|festival|conference|court|prison|factory|mine|mill|pub|market|"
    r"ministry|trust|society|foundation|network")
# (Not a committee, group or department: "the finance committee" is named in lower case.)
# ... as the head of the phrase after "which" / "what", past at most two modifiers ("which
# insurance company", "which Belgian newspaper"), not a kind ("what kind of school").
_ENTITY_HEAD_RE = (r"\b(?:which|what)(?: (?!kind\b|kinds\b|type\b|types\b|sort\b|of\b|"
                   r"is\b|was\b|are\b|were\b|do\b|does\b|did\b|the\b|an?\b|" + _PREPOSITION_RE
                   + r")[\w-]+){0,2}"
                   r" (?P<entity>" + _ENTITY_NOUNS + r")(?:e?s)?\b(?![\w-])(?!'s)")
_ENTITY_HEAD = re.compile(_ENTITY_HEAD_RE, re.I)

# "What is the price of ...", "what was the date of ...": the thing asked after a copula.
# "what is the ...", "what's an ...", and a possessive in their place: "What's Jean Lowe's
# phone number?", "What was the club's budget?", "What is her age?"
_COPULA = (r"\b(what|which)('s| is| was| are| were| will be) (the |an? |(?:the )?(?:[A-Z][\w-]*"
           r" ){0,2}[\w-]+['\u2019]s |(?:his|her|their|its|my|your|our) )?(average |total |usual |exact )?")

_PAGE_NOUNS = (r"post|article|piece|column|blog|story|entry|guide|paper|study|review|report|"
               r"newsletter|e-?mail|episode|handbook|diary|transcript|pull request")
# A person's title ("Isobel's official title", "her job title") is what they do, not a
# headline; a named person's ("Isobel's"), not a thing's ("the exhibition's title" is a name).
_PERSON_TITLE = (r"(?:\b(?!(?:" + _PAGE_NOUNS + r"|book|site|page|journal)['\u2019])"
                 r"(?-i:[A-Z])[\w-]+['\u2019]s|\b(?:his|her|their|my|your))\s+(?:(?:official|formal|job|exact|full|"
                 r"proper|honorary|new|old|former)\s+)?titles?\b|\b(?:job|official) titles?\b")

_PERSON_TITLE_RE = re.compile(_PERSON_TITLE, re.I)

# A question opening with "where" ("And where did she get them from?").
_WHERE_RE = r"\s*(and\s+)?where\b"

# Sizes a quantity answers ("What is the wingspan of a fieldfare?"), besides the nouns the
# number pattern lists itself.
_LENGTH_SIZES = r"width|wingspan|diameter|thickness|altitude|elevation"
# ("What wattage is the heater?": a power.)
_SIZE_NOUNS = r"weight|wattage|" + _LENGTH_SIZES
# Prices, closing a question typed as keywords ("smart meter cost??").
_PRICE_NOUNS = r"cost|costs|price|prices|fee|fees|fine|fines|charge|rent|salary|wage"
# What a quantity is of, closing a question typed as keywords ("gutter length?").
_MEASURE_NOUNS = (_PRICE_NOUNS + r"|length|height|depth|distance|size|temperature|speed|age|"
                  + _SIZE_NOUNS)
# When something happens, closing a question typed as keywords ("concert date?", "rehearsal
# day and time", "meeting times").
_DAY_AND_TIME = r"(?:days?|dates?)\s+(?:and|&)\s+times?"
_WHEN_NOUNS = rf"{_DAY_AND_TIME}|days?|dates?|times?"
_ASKING = _ASKING_WORDS


# "What did the older model cost?", "What would it cost to fence the plot?": a price asked
# without "how much".
_COST_ASKED = (r"^\W*(?:and\s+|so\s+)?what\s+(?:did|does|do|will|would|might|could|should|has|"
               r"had|is|was)\s+(?:[\w'\u2019-]+\s+){1,8}?(?:cost|costs|charge|charges)\b(?!\s+of\b)")


# A question that names its topic in keywords before it asks ("error e08 what did support do
# about it", "bridge closure - when does it reopen?"): the topic, then the question word.
# (each run taken whole, ``*+`` and ``++``: a hyphen is in both, and a run of them split every
# way took minutes for a few hundred characters)
_TOPIC_THEN_ASKED = re.compile(r"^\W*+(?!(?:" + _ASKING + r")\b)(?P<topic>(?:[\w'\u2019-]++[\s,:;-]++){1,5}?)"
                               r"(?P<asked>(?:who|what|which|where|when|why|how)\b.*)$", re.I | re.S)


def topic_and_asked(question: str) -> tuple[str, str] | None:
    """(topic, asked) of a question that names its topic in a few keywords before its
    question word ("error e08" and "what did support do about it"), or None: a question
    phrased as one ("What did support do about the error?") or keywords alone."""
    m = _TOPIC_THEN_ASKED.match(question)
    if not m or re.search(r"\b(?:" + _ASKING + r"|i|you|we|he|she|they|it)\b", m["topic"], re.I):
        return None  # "I wonder what he did": a clause, not a topic
    return m["topic"].strip(" ,:;-"), m["asked"]


def _keywords_ending(nouns: str, lead: str = r"(?:\W*+[\w'-]++){0,4}\s+") -> str:
    r"""A question not phrased as one (no opening question word) that ends in one of
    ``nouns``, after ``lead``: by default a few keywords ("smart meter cost??"). The run of
    non-word characters before each keyword, and each keyword, are taken whole (``\W*+``,
    ``[\w'-]++``): a hyphen is both a non-word character and part of a keyword, and letting
    either take it made "a-a-a-...", or a question of 40 hyphens, try every way of splitting
    the run (minutes for a few hundred characters)."""
    return r"^(?!\s*(?:" + _ASKING + r")\b)" + lead + r"(?:" + nouns + r")\W*$"


# "Which year of the festival is this?" asks its how-manyth ("its 38th year"), not a date; "What
# year is he in?", "What year is your daughter in?" a school year ("a junior", "in Year 9").
_YEAR_OF = (r"(?! of (?:the|this|its|his|her|their)\b)"
            r"(?!\s+(?:is|was|are|were|am)\s+(?:he|she|they|you|i|we|(?:your|his|her|their|my|our)"
            r"\s+\w+)\s+in\s*\??\s*$)")
_TYPE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (CONTACT, re.compile("|".join(f"(?:{p.pattern})" for _, p in _CONTACT_ASKED), re.I)),
    (ROLE, _PERSON_TITLE_RE),
    # (An episode is not named by its page's title: a show's page is often titled with the
    # show's name, the episode's in its text.)
    (TITLE, re.compile(r"\b(title|titled|headline|subject line|name of (the|this) (post|article|paper|"
                       r"study|book|review|piece|column|blog|recipe|guide|page|story|podcast|"
                       r"newsletter|handbook|document|pull request|issue|thread|topic|product|"
                       r"item))\b"
                       # a shop's page: "What is the product being sold on this page?"
                       r"|\b(?:what|which)(?:'s| is| was)?(?: exactly)?(?: is)? (?:the |this )?"
                       r"(?:product|item)(?: (?:is|was))?(?: being)? (?:sold|for sale|on sale|"
                       r"on offer|offered|on (?:this|the) page)\b"
                       r"|\bsubject of (the|this) (e-?mail|message|newsletter)\b"
                       r"|\b(what|which)('s| is| was) (this|the|that) "
                       r"([\w-]+ )?(post|article|paper|study|book|review|piece|"
                       r"column|blog|story|entry|report|newsletter|e-?mail|handbook|"
                       r"document|pull request|issue|thread|topic|discussion|page) called\b", re.I)),
    (TIME, re.compile(
        # (not "Which year of the festival is this?", the how-manyth: "its 38th year")
        r"^\s*(and\s+)?when\b|\b(what|which|in what|what's the) (year" + _YEAR_OF
        + r"|date|day|month|time|season|decade|century|period)\b|"
        + _COPULA + r"(year|date|day|month|time|decade|century|period)\b"
        r"|\bhow long\b|\bfor how many (days|weeks|months|years|hours|"
        r"minutes)\b|\bhow soon\b|\bat what (age|point|stage)\b|\bsince when\b|\buntil when\b"
        # a deadline or a start: "By when do I have to book?", "From when is it valid?"
        r"|^\W*(?:and\s+|so\s+)?(?:by|from|till)\s+when\b"
        # a when-question asking more than one time, or a season: "In which years was the
        # survey run?", "In which summers ...?", "On what dates ...?", "Which winter ...?"
        r"|(?:\b(?:in|on|during)\s+|^\W*)(?:which|what)\s+(?:years|months|days|dates|weeks|decades|"
        r"seasons|summers|winters|springs|autumns)\b"
        r"|\b(?:in|during)\s+(?:which|what)\s+(?:summer|winter|spring|autumn)\b"
        # a keyword question ending in when: "concert date?", "rehearsal day and time"
        r"|" + _keywords_ending(_WHEN_NOUNS), re.I)),
    (NUMBER, re.compile(
        r"\bhow (many|much|often|old|large|big|high|low|far|deep|tall|wide|heavy|fast|"
        r"frequently|common|likely|hot|cold|warm|loud)\b"
        r"|\b(what|which)" + _MODIFIER + r"? (dose|doses|dosage|amount|percentage|proportion|share|"
        r"number|quantity|rate|size|price|cost|depth|height|length|distance|temperature|speed|figure|"
        r"score|capacity|" + _SIZE_NOUNS + r")\b|"
        # a measure read or reached: "What reading did the meter give?", "What range does it
        # get?" (not "what range of colours")
        r"\b(?:what|which)" + _MODIFIER + r"? (?:reading|range)(?! of\b)\b(?= (?:did|does|do|is|was|"
        r"will|would|can|could|should)\b)|"
        # "What did the older model cost?", "What would it cost to ...?"
        + _COST_ASKED + r"|"
        + _COPULA + r"(\w+ ){0,2}(dose|dosage|amount|percentage|proportion|number|quantity|rate|size|"
        r"price|cost|charge|fee|fine|budget|salary|wage|rent|depth|height|length|distance|"
        r"temperature|speed|population|age|capacity|reading|" + _SIZE_NOUNS + r")\b"
        r"|" + _COPULA + r"(\w+ ){0,2}range\s*\??\s*$"
        # a keyword question ending in what it measures: "skylark weight??", "meter cost?"
        r"|" + _keywords_ending(_MEASURE_NOUNS),
        re.I)),
    (PERSON, re.compile(
        r"^\s*(and\s+)?who\b|\bwhose\b|\bwhom\b|\bby whom\b"
        r"|" + _PERSON_HEAD_RE
        + r"|\bwhat (is|was|are|were) the names? of the (author|researcher|scientist|person|"
        r"reader|commenter|writer)s?\b(?!['\u2019])"
        # a person's name: "What's her name?" (a noun's, "the mayor's name", asks for a name of
        # the kind named: PLACE below, name_align)
        r"|\b(what|which)('s|\u2019s| is| was| are| were)\s+(his|her|their)\s+"
        r"(full |first |last |sur)?names?\b", re.I)),
    # A thing known by a name: "the names of the mills", "the mayor's name", "what was the
    # storm called?" (answered by a proper name the question does not give).
    (PLACE, re.compile(r"\bnames? of\b|^" + _WHERE_RE + "|" + _ENTITY_HEAD_RE
                       + r"|\b(what|which)('s| is| was| are| were)\b.*\b(names?|called)\s*\??\s*$",
                       re.I)),
    # What someone does for a living: "What does Nadia do for a living?", "What's her job?"
    (ROLE, re.compile(r"\bdo(es)? for (a |their |his |her )?(living|work)\b|\b(earn|earns|earned|"
                      r"make|makes|made) (a|their|his|her|my|your) living\b|\bwhat(?:'s|\s+\w+)*\s+"
                      r"(job|jobs|occupation|profession|line of work|trade)\b", re.I)),
)

_AUX = frozenset(
    """do does did is are was were can could will would should has have had may might must""".split()
)
_DETERMINERS = frozenset("""the a an this that these those some any all there its their his her""".split())
_SUBJECT_PRONOUNS = frozenset("""i you he she it we they""".split())
_PRONOUNS = frozenset(
    """he she him her his hers they them their theirs it its this that these those there""".split()
)
# What is sent: an e-mail, a newsletter, a letter ("Who sent the newsletter?", "When was this
# e-mail sent?" ask after its sender and its date).
_SENT_NOUNS = r"e-?mail|newsletter|message|letter|bulletin|circular"
# What is opened or filed: an issue, a pull request ("When was the issue opened?").
_FILED_NOUNS = r"issue|pull request|PR|ticket|bug report|thread|topic"
# The newest message of a thread: "the last email", "the most recent message".
_NEWEST = r"(?:last|latest|most\s+recent|newest|final)"
# Asking who made something: "who wrote ...", "the author of ...".
_AUTHOR_WORDS = re.compile(
    r"\b(wrote|write|writes|written|writing|author|authors|authored|writer|blogger|columnist|"
    r"journalist|reporter|by whom|byline|posted it|published it|original poster|"
    r"(?:started|began|opened|created|posted|filed|raised|submitted)\s+(?:the|this)\s+(?:thread|topic|"
    r"discussion|forum post|issue|pull request|PR|ticket|bug report)"
    # "Who posted the what's-on page?", "Who put this article online?"
    r"|(?:posted|put\s+up|put\s+online)\s+(?:the|this)\s+(?:[\w'\u2019-]+\s+){0,2}"
    r"(?:page|post|article|blog\s+post|web\s*page)"
    # the newest message of a thread is the one on top, its post ("Who sent the last email in
    # this chain?"); the first, the oldest, is quoted at the bottom, a comment
    r"|sent(?:\s+out)?\s+(?:the|this)\s+(?:" + _NEWEST + r"\s+)?"
    r"(?:" + _SENT_NOUNS + r"))\b",
    re.I)
# Asking when something appeared: "when was it published", "what year did the study come out".
# "When was the site excavated?" or "In what year did she take it over?" asks about
# something the page tells, not about the page: a bare "when was this?" or "the date of the
# post" asks after the page.
_PUBLISHED_WORDS = re.compile(
    r"\b(published|publish|posted|post(ed)? date|written|wrote|came out|come out|appeared|"
    r"appear|released|dated)\b|\bdate of (publication|(the|this) (" + _PAGE_NOUNS + r"))\b"
    r"|\b(?:this|the|it)\s+(?:" + _NEWEST + r"\s+(?=e-?mail|message))?"
    r"(?:(?:" + _SENT_NOUNS + r")\s+)?(?:was\s+|were\s+|get\s+|got\s+)?sent\b"
    r"(?!\s+(?:to|by|from|with)\b)"
    r"|\b(?:" + _FILED_NOUNS + r")\s+(?:was\s+|get\s+|got\s+)?(?:opened|filed|raised|submitted|created)\b"
    r"|\bwhen was (this|it|(the|this) (" + _PAGE_NOUNS + r"))\s*[?.!]*\s*$"
    r"|\bwhat (?:year|date|day) (is|was|are|were) (this|it|these|(the|this|these) (?:live )?(" + _PAGE_NOUNS
    + r"|coverage|updates?|posts?)) from\b", re.I)
# The act a comment's or a post's date records: writing, posting, saying, asking, answering.
_WRITTEN_WHEN = re.compile(
    r"\b(comment|comments|commented|commenting|write|writes|wrote|written|writing|post|posts|"
    r"posted|posting|reply|replies|replied|respond|responds|responded|say|says|said|add|added|"
    r"ask|asked|answer|answers|answered|mention|mentioned|publish|published)\b", re.I)
_REPLY_ASKED = re.compile(r"\b(reply|replies|replied|replying|respond|responds|responded|"
                          r"responding|response|answer|answers|answered|answering|tell|tells|"
                          r"told)\b", re.I)
# A comment named by its place on the page: "the first comment", "the third commenter", "the
# last comment", "Who commented first?" (1 the first, -1 the last).
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4, "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7,
             "eighth": 8, "8th": 8, "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "last": -1,
             "final": -1, "latest": -1, "most recent": -1, "newest": -1, "earliest": 1,
             "oldest": 1}
# The first message of a thread, in time: "the very first email", "the original message"
_FIRST_MESSAGE = re.compile(r"\b(?:first|earliest|oldest|original|opening)\s+(?:e-?mail|message|"
                            r"mail)\b(?!\s+(?:address|addresses)\b)", re.I)
# ... but "Who agreed with the first commenter?" asks after another comment
_AGREED = re.compile(r"\b(?:agree|agrees|agreed|disagree|disagrees|disagreed|quote|quotes|quoted|"
                     r"thank|thanks|thanked|mention|mentions|mentioned|cite|cites|cited)\b", re.I)
_ORDINAL = "|".join(sorted((re.escape(k) for k in _ORDINALS), key=len, reverse=True))
_COMMENT_AT = re.compile(
    rf"\b(?P<at>{_ORDINAL})(?:\s+(?:signed|unsigned|anonymous|reader'?s?|readers'))?"
    r"\s+(?:reader\s+)?(?:comment|commenter|commentator|comment's|commenter's)\b(?!\s+to\b)"
    rf"|\b(?P<at2>{_ORDINAL})\s+(?:reader|person|one)\s+to\s+(?:comment|reply|respond)\b(?!\s+to\b)"
    r"|\b(?:commented|replied|responded)\s+(?P<at3>first|last)\b", re.I)


# A list's item named by its place: "the last item in the ingredients list", "What's listed as
# the first con?", "the second bullet point", "What comes first on the list?" (the ordinal
# itself, of a list's items; 1 the first, -1 the last).
_ITEM_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                  "fourth": 4, "4th": 4, "fifth": 5, "5th": 5, "last": -1, "final": -1}
_ITEM_ORDINAL = "|".join(sorted((re.escape(k) for k in _ITEM_ORDINALS), key=len, reverse=True))
_ITEM_AT = re.compile(
    rf"\bthe\s+(?P<at>{_ITEM_ORDINAL})\s+(?:[\w'-]+\s+){{0,2}}?(?:item|bullet)s?\b", re.I)
_LISTED = re.compile(r"\blist(?:s|ed)?\b", re.I)
_LISTED_AT = re.compile(
    rf"\b(?:the\s+(?P<at>{_ITEM_ORDINAL})\b(?!\s+(?:time|times|year|years|month|months|week|weeks|"
    rf"day|days|night|nights)\b)|\blisted\s+(?P<at2>first|last)\b|\b(?P<at3>first|last)\s+on\s+the\s+list\b)",
    re.I)

_LIST_TERMS = frozenset(terms(" ".join([*_ITEM_ORDINALS, "list", "listed", "lists", "item", "items",
                                        "bullet", "bullets", "point"])))


def item_at(question: str) -> int | None:
    """The place in a list of the item ``question`` asks after: 1 for "the first item", -1 for
    "the last item in the ingredients list" or "What's listed as the first con?"; None when it
    asks after no list's item ("the first comment" is a comment's place)."""
    if comment_at(question) is not None:
        return None
    m = _ITEM_AT.search(question)
    if m is None and _LISTED.search(question):
        m = _LISTED_AT.search(question)
    if m is None:
        return None
    at = next(v for v in m.groupdict().values() if v)
    return _ITEM_ORDINALS[at.lower()]


# Asks what the post is about as a whole: "What is this article about?", "Summarize the
# post", "What's the main point?", "tl;dr" (the post's lead answers).
_DOC = r"(?:article|post|blog post|blog|piece|page|story|text|essay|column|entry|write-?up)"
_GIST = re.compile(
    rf"\bwhat(?:'s|\s+is|\s+was)\s+(?:this|the)\s+{_DOC}\s+(?:\w+\s+)?about\b"
    r"|^\W*(?:(?:please|can you|could you)\s+)?(?:summari[sz]e|sum up)\b"
    r"|\b(?:summary|gist|tl;?\s?dr|nutshell)\b"
    r"|\b(?:main|key|central|overall)\s+(?:point|idea|message|argument|takeaway|topic|theme|"
    rf"thesis)s?\b(?=\W*$|\s+(?:of|in)\s+(?:this|the)\s+{_DOC}\b|\s+here\b)"
    rf"|\btopic\s+of\s+(?:this|the)\s+{_DOC}", re.I)


# The words such a question is made of; any other ("Summarize the findings on mice", "Give
# me a summary of the French Revolution") asks about something in particular.
_GIST_WORDS = frozenset("""
    article post blog piece page story text essay column entry write writeup summary summarize
    summarise summarised summarized sum give short brief quick please main key central overall
    point points idea ideas message messages argument arguments takeaway takeaways topic topics
    theme themes thesis gist tl dr tldr nutshell really actually mainly basically version
    explain briefly tell whole generally general say says
    """.split())


def asks_gist(question: str) -> bool:
    """Whether ``question`` asks what the post is about as a whole (not a comment's or a
    cited study's point: "What is the main point of Paul's comment?", nor "Summarize the
    findings on mice")."""
    return (bool(_GIST.search(question)) and target_of(question) in (None, "post")
            and all(w in STOPWORDS or w in _GIST_WORDS for w in words(question)))


# Asks who commented or how many comments there are, in such words only ("Who commented on
# the post?", "How many people left comments?"; not "Who commented about calcium?").
_COMMENTERS = re.compile(r"^\W*(?:who|which (?:readers?|people|persons))\b|\bwho\s+(?:are|were)\s+the\s+"
                         r"(?:commenters|commentators)\b", re.I)
_COMMENT_COUNT = re.compile(r"\bhow\s+many\b|\bnumber\s+of\b", re.I)
_ON_COMMENTS = frozenset("""
    comment comments commented commenting commenter commenters commentator commentators
    left leave wrote write writes posted post posts article blog page piece story reader
    readers people persons person anyone someone anybody somebody total number altogether
    there get got receive received have has did does made make count
    """.split())


def comments_asked(question: str) -> str | None:
    """"who" when ``question`` asks who commented on the post, "count" when it asks how many
    comments (or commenters) there are; None for any other question."""
    if not re.search(r"\bcomment(?:s|ed|ing|ers|ators)\b", question, re.I):
        return None  # "Who wrote the comment?" asks after one comment
    if not all(w in STOPWORDS or w in _ON_COMMENTS for w in words(question)):
        return None
    if _COMMENT_COUNT.search(question):
        return "count"
    return "who" if _COMMENTERS.search(question) else None


@lru_cache(maxsize=4096)  # asked of a question, and of its history, several times
def comment_at(question: str) -> int | None:
    """The place on the page of the comment ``question`` names by its order: 1 for "the first
    comment", 3 for "the third commenter", -1 for "the last comment"; None when it names none
    that way ("the first reply to Paul" is no comment's place)."""
    m = _COMMENT_AT.search(question)
    # (the reply words of its own phrase aside: "the first person to reply" is a comment's place)
    rest = question[:m.start()] + " " + question[m.end():] if m else question
    if not m or _AGREED.search(question, 0, m.start()) or not m["at3"] and _REPLY_ASKED.search(rest):
        # "Who replied to the first comment?", "Did the last commenter get an answer?", "Who
        # agreed with the first commenter?" ask after another comment
        return None
    return _ORDINALS[(m["at"] or m["at2"] or m["at3"]).lower()]


_CLOCK_ASKED = re.compile(r"\b(?:what|which) time\b(?!\s+(?:of\s+(?:the\s+)?(?:year|month|"
                          r"season|life)|frame|period|span|scale|limit|zone))|\bwhat hour\b"
                          r"|\bhow (?:early|late)\b"
                          # keywords: "rehearsal day and time" (not "cooking time", how long)
                          r"|" + _keywords_ending(_DAY_AND_TIME), re.I)
_DURATION_ASKED = re.compile(r"\bhow long\b|\bfor how many\b|\bsince when\b", re.I)
# How long something has gone on so far: "How long has she ...?", "Since when have they ...?"
_SPAN_ASKED = re.compile(r"\bhow long (?:has|have|had)\b|\bsince when\b", re.I)
# The events of a thing's or a person's life a date is asked about, by the question's words.
EVENTS: dict[str, re.Pattern[str]] = {
    # (not "found": "When was the body found?")
    "founded": re.compile(r"\b(?:found(?:ed|ing)|co-?founded|establish(?:ed)?|set up|formed)\b",
                          re.I),
    "graduated": re.compile(r"\bgraduat(?:e|ed|es|ing)\b", re.I),
    "retired": re.compile(r"\bretir(?:e|ed|es|ing)\b", re.I),
    "married": re.compile(r"\b(?:marry|married|marries|wed)\b", re.I),
    "born": re.compile(r"\bborn\b", re.I),
    "died": re.compile(r"\b(?:die|died|pass(?:ed)? away)\b", re.I),
    "built": re.compile(r"\b(?:built|constructed|erected)\b", re.I),
    # when something starts or ends ("What time do the talks start again?", "When is the
    # rebuild expected to be finished?"): a time the sentence gives only for the other end of
    # it ("the talks broke up at 17:55") is another event's (``sentences.tells_event``)
    "start": re.compile(r"\b(?:start|starts|started|starting|begin|begins|began|begun|beginning|"
                        r"open|opens|opened|opening|re-?open\w*|commenc\w*|kick(?:s|ed)?\s+off|"
                        r"resum\w*|restart\w*|launch\w*|(?:switch|turn)(?:ed|es|s)?\s+(?:back\s+)?on"
                        r"|from\s+when)\b", re.I),
    "end": re.compile(r"\b(?:finish|finishes|finished|finishing|end|ends|ended|ending|"
                      r"close(?!\s+(?:to|by)\b)|closes|closed|closing|shut|shuts|stop|stops|stopped|"
                      r"conclud\w*|(?:break|breaks|broke|wrap|wraps|wrapped)\s+up|"
                      r"(?:switch|turn)(?:ed|es|s)?\s+(?:back\s+)?off|by\s+when|deadline)\b", re.I),
}
# The events a question may name without being about a life's: the start or the end of
# something, which the question's other words say (``PHASES``).
PHASES = frozenset({"start", "end"})
# A question about what is yet to happen: "When will ...?", "When is it going to ...?"
_FUTURE = re.compile(r"\b(?:will|shall|won't|going to)\b|['\u2019]ll\b", re.I)


# "When did it start doing that?": the start of whatever was done, which may be a stop
# ("Which school stopped setting homework?").
_DOING = re.compile(r"\s+(?:doing|to\s+do)\b", re.I)


def event_asked(question: str) -> str | None:
    """The event whose date ``question`` asks ("When was the club founded?": "founded"; "What
    time does the ride start?": "start"), or None (see ``EVENTS``); not a start and an end at
    once ("When does it open and close?")."""
    found = [name for name, pattern in EVENTS.items() if (m := pattern.search(question))
             and not (name in PHASES and _DOING.match(question, m.end()))]
    if set(found) >= PHASES:
        found = [name for name in found if name not in PHASES]
    return found[0] if found else None


# Words that name the readers' comments ("Which commenter ...?", "What did readers say?"),
# unless ``_not_commenters`` says otherwise.
_COMMENT_WORDS = re.compile(r"\b(comment|comments|commented|commenter|commenters|reader|readers|"
                            r"responded|replied|reply|answerers?)\b"
                            # a question-and-answer page's answers: "the accepted answer", "the
                            # top answer", "the other answers" (not "the answer to ...")
                            r"|\b(?:accepted|top|best|highest[- ]voted|most[- ]upvoted|first|"
                            r"second|third|last|other|another)\s+answers?\b"
                            r"|\b(?:accepted|marked)\s+solution\b", re.I)
# What a question is about: the post itself, a cited work, or the readers' comments.
_TARGETS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("comment", _COMMENT_WORDS),
    ("paper", re.compile(r"\b(paper|study|studies|review|journal article|cited|reference|book|"
                         r"research paper|publication|report cited|source cited|"
                         r"(research|scientific|academic|original) article)\b", re.I)),
    ("post", re.compile(r"\b(post|blog|blog post|article|entry|piece|column|guide|story|"
                        r"interview|essay|explainer|this|page|op-ed|newsletter|e-?mail|episode|"
                        r"handbook|pull request)\b", re.I)),
)

# Nouns naming a part of a page, and the source kind that part is.
_PART_NOUNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "the title of the study" names a cited work's title, in its reference
    ("title", re.compile(r"\b(title|titled|headline)\b(?! of (the |this |that |an? )?"
                         r"([\w-]+ )?(study|paper|book|review|report|research|journal article|"
                         r"(research|scientific|academic|original) article)\b)",
                         re.I)),
    ("caption", re.compile(r"\b(picture|image|photo|photograph|figure|caption|illustration|"
                           r"diagram|chart)s?\b", re.I)),
    ("reference", re.compile(
        r"\b(journal|doi|reference|references|citation|cited|volume|pages|bibliography)\b", re.I)),
    ("comment", _COMMENT_WORDS),
    ("byline", re.compile(r"\b(byline|wrote this|author of (this|the) (post|article|piece|"
                          r"column|guide|blog|story))\b", re.I)),
    ("abstract", re.compile(r"\babstract\b", re.I)),
)


# "Readers" the post speaks to are its audience, not its commenters: "Why does the blogger urge
# readers to be careful?", "Why should readers be cautious?" ("Which reader asked ...?" and
# "What did readers say?" are about commenters).
_AUDIENCE_BEFORE = re.compile(
    r"\b(?:tell|tells|told|urge|urges|urged|warn|warns|warned|advise|advises|advised|remind|"
    r"reminds|reminded|send|sends|sent|invite|invites|invited|encourage|encourages|encouraged|"
    r"ask|asks|give|gives|gave|show|shows|showed|help|helps|let|lets|want|wants|point|points|"
    r"should|must|can|could|would|might|may)\s+(?:(?:his|her|their|its|the|our|your)\s+)?$",
    re.I)


# "Which outside expert commented on the trial?": an expert quoted in the post, not a commenter.
_ROLE_BEFORE = re.compile(
    r"\b(?:expert|scientist|researcher|professor|specialist|spokesperson|spokesman|spokeswoman|"
    r"official|minister|mayor|councillor|director|doctor|analyst|economist|engineer|lawyer)s?"
    r"\s+(?:\w+\s+)?$", re.I)


_TO_THE_LETTER = re.compile(r"\s+to\s+(?:this|the|her|his|their|my|your|that)\s+letter\b", re.I)


def _not_commenters(m: re.Match[str]) -> bool:
    """Whether a matched comment word is not about the readers' comments: "readers" as the
    audience addressed (``_AUDIENCE_BEFORE``), or a quoted expert who "commented"."""
    word = m.group().lower()
    if word == "readers":
        return bool(_AUDIENCE_BEFORE.search(m.string, 0, m.start()))
    if word in ("reply", "replied", "responded") and _TO_THE_LETTER.match(m.string, m.end()):
        return True  # an advice column's "reply to this letter" is the column itself
    return (word in ("commented", "replied", "responded")
            and bool(_ROLE_BEFORE.search(m.string, 0, m.start())))


def _names_part(kind: str, pattern: re.Pattern[str], question: str) -> re.Match[str] | None:
    """Where the question first names that part of the page (the comment words that are not
    about the comments left out)."""
    return next((m for m in pattern.finditer(question)
                 if not (kind == "comment" and _not_commenters(m))), None)


def kind_hints(question: str) -> frozenset[str]:
    """Source kinds the question names by a part of the page ("the picture", "the DOI")."""
    found = frozenset(kind for kind, pattern in _PART_NOUNS
                      if _names_part(kind, pattern, question))
    if ("title" in found and _PERSON_TITLE_RE.search(question)
            and not re.search(r"\bheadline", question, re.I)):
        found -= {"title"}  # "her job title" is not the page's
    return found


@dataclass(frozen=True)
class Query:
    """A question made ready for retrieval."""

    question: str
    text: str  # what is embedded: the question, plus earlier ones for a follow-up
    terms: tuple[str, ...]  # the question's own content terms
    context_terms: tuple[str, ...]  # terms of earlier questions, weighted lower
    answer_type: str | None
    follow_up: bool
    yes_no_subject: str | None  # the subject word of a yes/no question, e.g. "vitamin"
    author_of: str | None  # "post" for "Who wrote this post?", "paper" for "...the study?"
    kinds: frozenset[str] = frozenset()  # parts of the page the question (or context) names
    words: frozenset[str] = frozenset()  # every word of the question (and context), lower-cased
    names: frozenset[str] = frozenset()  # capitalised words past the first: "colaianni", "bari"
    # The same word when it is plainly the grammatical subject ("Does estrogen ...?"), not a
    # verb behind a pronoun ("Does it work?" gives "work" above and None here).
    yes_no_topic: str | None = None
    # The word after it, which may be the head of a compound ("smart" in "Does the smart meter
    # use Wi-Fi?" modifies "meter"): a passage naming it speaks of the topic when the article
    # itself says "smart meter".
    yes_no_head: str | None = None
    # ... and that word is by its form the subject's own noun, the topic a word modifying it
    # ("Is the old bridge still in use?", "Are borrowed instruments insured?", "Was the
    # ship's bell found?"): a passage naming the bridge speaks of the old bridge
    head_noun: bool = False
    published_of: str | None = None  # "post" for "When was this published?", "paper"...
    target: str | None = None  # what the question is about: "post", "paper", "comment"
    yes_no: bool = False  # opens with an auxiliary: "Does ...?", "Is ...?"
    surface: tuple[str, ...] = ()  # the question's own content words as typed, in order
    explains: bool = False  # asks why, or how something happens or is done
    # The thing asked for: "pages" in "How many pages ...?", "company" in "Which company ...?".
    focus: tuple[str, ...] = ()
    focus_verb: tuple[str, ...] = ()  # the predicate asked about ("paid" in "Who paid ...?")
    year: bool = False  # asks for a year ("In what year ...?")
    # The measure a quantity question asks for, when its words say: "money" for "How much
    # does X cost?", "age" for "How old ...?" (``MEASURES``).
    measure: str | None = None
    # What a quantity question counts or measures: "rail operators" in "How many rail
    # operators provided ...?", "honey" in "How much honey ...?".
    counted: tuple[str, ...] = ()
    credit: bool = False  # asks who took a photo or made a picture: a credit line answers
    # Asks who said something ("Who called the cuts a scandal?"): a quote answers when its
    # speaker is named where it opens or stands behind its pronoun ('"...," she said.').
    speaker: bool = False
    # Asks who presents the show or put the questions of an interview ("Who presents the
    # podcast?", "Who conducted this interview?"): the byline's author, or a transcript's host.
    host: bool = False
    entity: str | None = None  # the kind of named thing asked for: "school" in "Which school ...?"
    naming: bool = False  # asks what something is called: "What is the name of her dog?"
    # Asks when something was written or said ("When did Priya comment?"), which a comment's
    # date answers; "How long has Priya owned her shop?" asks about what she tells.
    when_written: bool = False
    # Asks how long ("How long was the museum shut?"): a stretch of time or a length answers,
    # a bare date does not.
    duration: bool = False
    # Asks for a time of day ("What time does the train arrive?"), which a date does not give.
    clock: bool = False
    # Asks how long a state has lasted so far ("How long has she worked there?", "Since when
    # has he ...?"): a span up to now answers ("for 22 years", "since 2019"), not any length.
    span: bool = False
    # The event in a life whose date is asked ("When was the club founded?": "founded"; born,
    # died, built, graduated, retired, married; ``EVENTS``): only a date the sentence gives
    # with that event answers, never the page's or a comment's.
    event: str | None = None
    # Asks when something is yet to happen ("When will the report be published?"): the page's
    # or a comment's date, already past, is no answer.
    future: bool = False
    contact: str | None = None  # the form of contact asked for ("email", "phone", "web")
    # Asks where ("Where is the tap?"), which a place without a name can answer ("by the gate").
    where: bool = False
    # Asks (or follows up a question that asked) how someone was answered: "Did the author
    # reply to Marcus?", "What did the author tell her?": a reply to that person answers.
    reply: bool = False
    # The comment asked about by its place on the page: 1 the first, -1 the last (the
    # earlier question's, for a follow-up that names none: "Who wrote the last comment? When?")
    comment_at: int | None = None
    # Asks after the first message of a thread by its place in time: "Who sent the very first
    # email?", "When did the original message go out?" (the earlier question's, for a follow-up)
    first_message: bool = False
    # The item of a list asked about by its place: 1 the first, -1 the last ("What is the
    # last item in the ingredients list?")
    item_at: int | None = None
    # The person a follow-up asks after by pronoun, named by the answer to the "who ...?"
    # question before it ("Who answered Paul's comment? / What did he propose?": Tomasz Wrona)
    referent: str | None = None
    # The earlier questions a follow-up leans on (the last two), as asked: whom its "he" or
    # "she" means may be the person the last of them names ("When did Ada Lunn join? / How old
    # is she?").
    earlier: tuple[str, ...] = ()
    # The reader's comment the answer to the last earlier question quoted first: a follow-up
    # ("Where are the stops on the route? / And which of them comes before the climb?") is
    # most likely answered where that reader goes on.
    earlier_comment: str | None = None
    # Asks what the post is about as a whole ("What is this article about?"): its lead answers.
    gist: bool = False
    # Asks about the readers' comments as a whole: "who" for "Who commented?" (each
    # commenter's opening words answer), "count" for "How many comments are there?" (the page
    # shows them; its words do not count them).
    comments_asked: str | None = None
    # Asks who did something to the people it names ("Who replied to Imre?", "Who is the
    # reader that agreed with Paul?"), or what the person it names should do (advice given to
    # them: "What should Priya do about the hinge?"): their own words and bylines do not say.
    named_object: bool = False
    # The post's signed writer, when the question names them by role ("the author", "the
    # writer of the post", "the columnist", "the reporter"): their own replies among the
    # comments are theirs as much as the post, and a byline printing their job says what it
    # is (``Answerer.on_page``).
    writer: str | None = None
    # The paragraphs of a reader's letter the post prints (an advice column's: "Dear Ann, ...
    # / Fiona, Leeds"), when the question asks after "the letter writer" or who sent it in:
    # they are that writer's own words (``Answerer.on_page``).
    letter: frozenset[str] = frozenset()


# A rate that is a percentage: "What interest rate will they pay?", "the survival rate" (not
# "the birth rate", "the heart rate", "the exchange rate").
_RATE_ASKED = (r"\b(?:interest|tax|vat|inflation|unemployment|vacancy|occupancy|survival|success|"
               r"failure|pass|dropout|drop-out|error|response|mortgage)\s+rates?\b")
RATE_ASKED = re.compile(_RATE_ASKED, re.I)
# The measure a quantity question asks for. Money only for "how much" and a price noun
# ("How many fines were issued?" asks for a count, not an amount).
_MONEY_WORDS = (r"cost|costs|costing|price|prices|priced|charge|charges|charged|fee|fees|fine|"
                r"fines|pay|pays|paid|spend|spends|spent|money|budget|afford|worth|earn|earns|"
                r"earned|salary|salaries|wage|wages|funding|raise|raised|bring in|brought in|"
                r"sell for|sold for|rent|tax|taxes|bill|bills|refund|refunded|owe|owed|owes|"
                r"get back|got back|claim back|claimed back|revenue|revenues|income|profit|"
                r"profits|turnover|takings")
# "How much is this kettle?", "How much are tickets for the concert?", "How much was the part
# I needed?": a thing itself, asked "how much", is asked its price (not a change or a part of
# something: "How much is the increase?", "How much was left?"; nor a thing done to it: "How
# much is the water used?").
_NOT_PRICED = (r"left|known|enough|there|it|of|increase|increases|rise|fall|drop|"
               r"change|difference|gap|reduction|growth|decline|loss|cut|share|rest|total|more|"
               r"less|too|so")
_PRICE_DET = r"(?:this|that|these|those|the|an?|one|each|your|my|our|their|his|her|its)\s+"
_PRICED_WORD = r"(?![\w'\u2019-]*ed\b)(?!(?:for|at|from|in|on|with|by|to|of|and|or)\b)[\w'\u2019-]+"
_THING_PRICED = (r"\bhow much (?:is|are|was|were|will be|would be)\s+(?!(?:" + _PRICE_DET + r")?(?:"
                 + _NOT_PRICED + r")\b)(?:" + _PRICE_DET + r")?" + _PRICED_WORD + r"(?:\s+"
                 + _PRICED_WORD + r"){0,2}(?:\s*[?.!]*\s*$|\s+(?:for|at|from|in|on|with|now|today|"
                 r"here|i|i'd|you|we|they|he|she)\b)")
MEASURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("money", re.compile(rf"\bhow much\b.*\b({_MONEY_WORDS})\b|\b({_MONEY_WORDS})\b.*\bhow much\b"
                         r"|\bhow much (is|are|was|were|will be|would be) (an?|one|each) "  # "a ticket"
                         r"|" + _THING_PRICED +
                         r"|\b(what|which)(?: \w+)? (price|cost|charge|fee|fine|budget|salary|wage|"
                         r"rent)\b|" + _COPULA + r"(\w+ )?(price|cost|charge|fee|fine|budget|salary|wage|"
                         r"rent)\b|" + _keywords_ending(_PRICE_NOUNS, lead=r".*\b") + "|" + _COST_ASKED
                         # an amount asked in a currency: "How much damage was done, in pounds?"
                         + r"|\bhow much\b(?!.*\bweigh).*\bin (?:pounds|dollars|euros|sterling)\b",
                         re.I)),
    ("age", re.compile(r"\bhow old\b|\bage\b|\bages\b", re.I)),
    ("interval", re.compile(r"\bhow (far|long|much time) apart\b", re.I)),
    ("length", re.compile(r"\bhow (tall|high|deep|far|wide)\b|\b(height|depth|length|distance|"
                          + _LENGTH_SIZES + r")\b", re.I)),
    ("weight", re.compile(r"\bhow heavy\b|\b(weight|weigh|weighs|weighed)\b", re.I)),
    ("share", re.compile(r"\b(percentage|percent|per cent|proportion|share|fraction)\b|" + _RATE_ASKED,
                         re.I)),
    ("temperature", re.compile(r"\btemperature\b|\bhow (hot|cold|warm)\b", re.I)),
    # a speed, or a limit of one ("What was the speed limit?"; not "What speed of chain?")
    ("speed", re.compile(r"\bspeeds?\b(?! of\b)", re.I)),
    # what a place, a vessel or a battery holds: "capacity", not a count of what came
    ("capacity", re.compile(r"\bcapacity\b", re.I)),
    ("loudness", re.compile(r"\bhow loud\b|\bdecibels?\b|\bnoise levels?\b", re.I)),
    # a power ("What wattage is it?", "its power output"), a light's output in lumens or lux,
    # an energy in calories or kilowatt-hours: a sentence answers only in their units
    ("power", re.compile(r"\b(?:watts?|kilowatts?|megawatts?|wattage|horsepower)\b(?![- ]hours?\b)"
                         r"|\bpower (?:output|rating)\b", re.I)),
    ("light", re.compile(r"\b(?:lumens?|lux|candelas?|candlepower)\b", re.I)),
    ("energy", re.compile(r"\b(?:calories|kilocalories|kcal|kilojoules|kilowatt[- ]hours?|kwh)\b",
                          re.I)),
    # how many live in a place: "What is the population of the town?"
    ("population", re.compile(r"\bpopulations?\b", re.I)),
    ("frequency", re.compile(r"\bhow (often|frequently)\b", re.I)),
)


# "Who said ...?", "Who compared ... to ...?": asks whose words a quote is.
_ASKS_SPEAKER = re.compile(
    r"^who\s+(?:\w+ly\s+)?(?:said|says|told|tells|called|calls|compared|compares|described|"
    r"describes|warned|warns|argued|argues|claimed|claims|complained|complains|joked|jokes|"
    r"admitted|admits|insisted|insists|urged|urges|predicted|predicts|suggested|suggests|"
    r"explained|explains|reckons|reckoned|quipped|remarked|added|pointed\s+out|dismissed|"
    r"praised|criticised|criticized|likened|likens)\b", re.I)
# "Who presents the show?", "Who is the host?", "Who conducted this interview?", "Who
# interviewed her?": the page's own presenter or interviewer.
_SHOW = r"(?:show|podcast|programme|program|episode|broadcast|interview)"
_ASKS_HOST = re.compile(
    rf"^who\s+(?:presents|presented|hosts|hosted|fronts|fronted)\s+(?:the|this)\s+{_SHOW}\b"
    rf"|^who(?:['\u2019]s|\s+is|\s+was)\s+(?:the\s+)?(?:{_SHOW}['\u2019]s\s+)?"
    rf"(?:host|presenter|interviewer)(?:\s+(?:of|on)\s+(?:the|this)\s+{_SHOW})?\s*\??$"
    r"|^who\s+(?:conducted|did|carried\s+out)\s+(?:the|this)\s+interview\s*\??$"
    r"|^who\s+interviewed\b", re.I)
# "Who took the photo?", "who is the picture by?": asks for a picture's credit.
_PICTURES = r"photo|photos|photograph|photographs|picture|pictures|image|images|illustration|drawing|painting"
_CREDIT = re.compile(
    rf"\bwho\b.*\b(took|take|taken|shot|snapped|made|make|drew|draw|painted|created|illustrated)\b"
    rf".*\b({_PICTURES})\b|\bwho\b.*\b({_PICTURES})\b.*\b(by|credit|credited)\b"
    rf"|\b({_PICTURES})\b.*\bcredit", re.I)


# Units a quantity is counted in, by measure ("How many grams of inulin ...?": a weight).
# ``sentences`` reads a stated length or weight ("12 metres", "16 micrograms") with the same
# words and their abbreviations.
UNITS: dict[str, frozenset[str]] = {
    "weight": frozenset("""grams gram kilograms kilogram kilos kilo kg milligrams milligram mg
                        micrograms microgram tonnes tonne tons ton pounds lbs lb ounces ounce
                        oz""".split()),
    "length": frozenset("""metres meters metre meter kilometres kilometre kilometers kilometer
                        km miles mile feet foot inches inch yards yard centimetres centimetre
                        centimeters centimeter cm millimetres millimetre millimeters millimeter
                        mm""".split()),
    "temperature": frozenset(["degrees"]),
    "loudness": frozenset(["decibels"]),
    "money": frozenset("dollars euros pence cents quid".split()),
    "power": frozenset("watts kilowatts megawatts horsepower".split()),
    "light": frozenset(["lumens"]),
    "energy": frozenset("calories kilocalories kilojoules".split()),
}
_UNIT_COUNTED = re.compile(r"\bhow many (?P<unit>" + "|".join(sorted(
    (u for us in UNITS.values() for u in us), key=len, reverse=True)) + r")\b", re.I)
# "How much did Ann pay for the lamp?": the lamp is priced, not Ann.
_PAID_FOR = re.compile(r"\bhow much (?:did|does|do|will|would|has|have|had|is|was)\s+"
                       r"(?:[\w'-]+\s+){1,4}?(?:pay|paid|spend|spent|charge|charged)\s+"
                       r"(?:for|on)\s+(?P<w>.+)$", re.I)


# "How much does it cost to stay at the inn?", "How much is it costing to build?": staying,
# building is priced ("be a member": a member).
_COST_TO = re.compile(r"\bhow much (?:does|do|did|will|would|is|was)\s+it\s+(?:be\s+)?cost(?:ing)?\s+"
                      r"(?:[\w'-]+\s+){0,3}?to\s+(?:be\s+|get\s+|have\s+)?(?P<w>.+)$", re.I)
_COUNTED = re.compile(r"\bhow (?:many|much)\s+(?P<w>.+)$|\b(?:what|which) (?:number|percentage|"
                      r"proportion|share|fraction|amount|quantity) of\s+(?P<of>.+)$"
                      # "What did the older model cost?": the model is priced
                      r"|^\W*(?:and\s+|so\s+)?what\s+(?:did|does|do|will|would|is|was)\s+"
                      r"(?P<cost>.+?)\s+(?:cost|costs)\b", re.I)


# "the name of Owen Price's bakery": a named thing of a kind, too.
_NAME_OF = re.compile(r"\bnames? of (?:the |an? |(?:[\w-]+ ){0,2}[\w-]+'s )?(?:[\w-]+ )?"
                      r"(?P<entity>" + _ENTITY_NOUNS + r")(?:e?s)?\b(?![\w-])", re.I)


def entity_asked(question: str) -> str | None:
    """The kind of named thing a "which ...?" question asks for ("school" in "Which middle
    school does she teach at?"), singular; None for other questions."""
    m = _ENTITY_HEAD.search(question) or _NAME_OF.search(question)
    if not m or answer_type(question) != PLACE:
        return None
    noun = m["entity"].lower()
    return {"universities": "university", "cities": "city", "countries": "country",
            "companies": "company"}.get(noun, noun)


# A person's name asked by a noun for them: "What's the councillor's name?", "the name of the
# police officer ...", "What was the farmer called?".
_PERSON_NAMED = re.compile(r"\b(?:" + _PERSON_NOUNS + r")s?['\u2019]s?\s+(?:full |first |last |sur)?"
                           r"names?\b|\bnames? of (?:the |this |that |an? |her |his |their )?"
                           r"(?:[\w-]+ )?(?:" + _PERSON_NOUNS + r")s?\b(?!['\u2019])|\b(?:"
                           + _PERSON_NOUNS + r")s?\s+(?:was |is |were |are )?called\b", re.I)


def person_named(question: str) -> bool:
    """The question asks a person's name by a noun for them ("What's the councillor's
    name?"): a person's name answers, without "called"."""
    return bool(_PERSON_NAMED.search(question))


_MONEY_WORD = re.compile(_MONEY_WORDS)
_NAMING = re.compile(r"\bnames?\b|\bcalled\b", re.I)
_WHERE = re.compile(_WHERE_RE, re.I)


_PLURAL = re.compile(r"[a-z-]{2,}(?<!s|u|i)s|people|children|men|women|staff|police|mice|geese|"
                     r"teeth|feet")


def _past_determiners(ws: Sequence[str]) -> list[str]:
    """``ws`` from its first word that is not a determiner ("the people": "people")."""
    at = next((k for k, w in enumerate(ws) if w not in _DETERMINERS), len(ws))
    return list(ws[at:])


# Words before what is counted that say only that each one counted is another ("How many
# different species ...?", "how many separate visits"): the count is of the noun after them.
_SAMENESS = frozenset("different distinct separate individual unique various diverse".split())


def counted_words(question: str) -> tuple[str, ...]:
    """The (at most two) words naming what a quantity question counts or measures: the words
    after "how many" / "what share of" (or after the auxiliary: "how much does *a ticket*
    cost") up to the first auxiliary, function word, past-tense verb or word for money."""
    m = _COUNTED.search(question)
    if not m:
        return ()
    out: list[str] = []
    much = m["cost"] is not None or (m["w"] is not None and m.group().lower().startswith("how much"))
    ws = _past_determiners(words(m["cost"])) if m["cost"] else words(m["w"] or m["of"])
    paid = (_PAID_FOR.search(question) or _COST_TO.search(question)) if much else None
    if paid or (ws and _UNIT_COUNTED.match(m.group())):
        # "How much did Ann pay for *the lamp*?"; "How many grams of *inulin* ...?" (the unit
        # says the measure)
        ws = _past_determiners(words(paid["w"]) if paid
                               else ws[2:] if len(ws) > 1 and ws[1] == "of" else [])
    if ws and (ws[0] in _AUX or ws[0] == "of"):  # "How much does a ticket cost?": the ticket;
        if ws[0] in _AUX and len(ws) > 2 and ws[1].endswith("ing") and ws[2] in STOPWORDS:
            # "How much was sitting in the reserve?", "How much is coming from the grant?":
            # a verb after the auxiliary, no thing measured
            return ()
        ws = _past_determiners(ws[1:])  # "How many of the people ...?": the people
    for at, w in enumerate(ws[:3]):
        if w in STOPWORDS or w in _AUX:
            break
        if re.search(rf"\b{re.escape(w)}['\u2019]s\b", question, re.I):
            # "How many of Dr Beaton's patients ...?": Dr Beaton holds the patients counted
            # ("the council's other bridges": the bridges)
            ws = ws[at + 1:]
            ws = ws[1:] if ws[:1] in (["other"], ["own"]) else ws
            break
    for w in ws:
        if not out and w in _SAMENESS:
            continue  # "How many different kinds of bacteria ...?": not a thing counted
        if (w in STOPWORDS or w in _AUX or w in _GENERIC or w.isdigit() or w.endswith("ed")
                or (much and _MONEY_WORD.fullmatch(w))):
            break
        out.append(w)
        # a plural ends the noun phrase: in "How many foxes live in ...?" a verb follows it
        # (not a possessive one: "How many borrowers' accounts ...?")
        if len(out) == 2 or (_PLURAL.fullmatch(w) and not re.search(
                rf"\b{re.escape(w)}['\u2019]", question, re.I)):
            break
    return tuple(out)


_HOW_MANY = re.compile(r"\bhow many\s+(?:more\s+|fewer\s+|other\s+)?(?P<noun>[\w'-]+)", re.I)


def measure_asked(question: str) -> str | None:
    """The measure a quantity question asks for ("money", "age", "length", "weight", "share",
    "temperature", "frequency"), or None: a count, or a question not about a quantity. A unit
    counted says which: "How many grams ...?" asks for a weight, "how many miles" a length."""
    if answer_type(question) != NUMBER:
        return None
    unit = _UNIT_COUNTED.search(question)
    if unit:
        return next(name for name, units in UNITS.items() if unit["unit"].lower() in units)
    many = _HOW_MANY.search(question)
    if many and not any(pattern.search(many["noun"]) for _, pattern in MEASURES):
        # "On how many days has the train run at full length?": a count of days, whatever
        # measure the rest of the question names
        return None
    return next((name for name, pattern in MEASURES if pattern.search(question)), None)


# A length asked in one dimension: a height or a depth ("How tall is the mast?", "What is the
# depth of the loch?"), or a breadth ("How wide is the river?", "What is the wingspan of a
# swift?"); not a length along ("How long is the path?") nor a distance ("How far ...?").
_HEIGHT_ASKED = re.compile(r"\bhow (?:tall|high|deep)\b|\b(?:height|depth|altitude|elevation)\b", re.I)
_BREADTH_ASKED = re.compile(r"\bhow (?:wide|broad|thick)\b|\b(?:width|breadth|wingspan|diameter|"
                            r"thickness)\b", re.I)


def dimension_asked(question: str) -> str | None:
    """"height" or "breadth" when a question asking a length asks it in that dimension
    (``measure_asked`` "length"), else None."""
    if measure_asked(question) != "length":
        return None
    height, breadth = _HEIGHT_ASKED.search(question), _BREADTH_ASKED.search(question)
    if bool(height) == bool(breadth):
        return None
    return "height" if height else "breadth"


# A question asking for a reason or a cause: "Why ...?", "How come ...?", "What made ...?".
_REASON_ASKED = (r"\bwhat(?:'s|\u2019s|\s+is|\s+was|\s+are|\s+were)?\s+(?:(?:the|their|his|her|its|"
                 r"our|your|my|main|real|official|only|one|other)\s+)*(?:reasons?|explanation)\b")
_ASKS_WHY = re.compile(r"\b(?:why|how come|what for|for what reason|what made|what caused|"
                       r"what causes)\b|" + _REASON_ASKED, re.I)


def asks_why(question: str) -> bool:
    """Whether the question asks for a reason or a cause ("Why ...?", "How come ...?")."""
    return _ASKS_WHY.search(question) is not None


_EXPLAINS = re.compile(r"\b(why|how come|what for|for what reason|what causes|what caused|"
                       r"how (do|does|did|can|could|should|would|is|are|was|were|to))\b"
                       # "What reason did they give?", "What was the explanation?"
                       r"|" + _REASON_ASKED +
                       # a means or a course of action asked, as "how" asks it: "What does she
                       # do so the milk keeps?", "What should I do about the leak?"
                       r"|\bwhat\s+(?:do|does|did|can|could|should|would|will|must|might)\s+"
                       r"(?:[\w'\u2019-]+\s+){1,4}?do\s+(?:so|to|in\s+order|about|instead|if|when)\b",
                       re.I)


# A question asking what to do: "What steps does the author suggest?", "What do you do if you
# adopt a tree?", "How do I fit the chain?", "What should I do if ...?", "How to ...?", "What
# did he advise doing?" (not "How do I know ...?", which asks for signs).
_ORDERS_ASKED = re.compile(
    r"\b(?:steps|tips|advice|instructions|what\s+to\s+do|how\s+to)\b|\bwhat\s+(?:\w+\s+)?step\b"
    r"|\bhow\s+(?:do|can|could|should|must|would|shall)\s+(?:I|you|we|one|anyone|people)"
    r"\b(?!\s+(?:know|tell|feel|think|say|mean|call|get\s+to)\b)"
    r"|\bwhat\s+(?:do|can|could|should|must|would|shall)\s+(?:I|you|we|one|anyone|people)\s+"
    r"(?:[\w'\u2019-]+\s+){0,2}?do\b"
    r"|\bwhat\s+(?:should|must|ought)\s+(?:[\w'\u2019-]+\s+){1,4}?(?:to\s+)?do\b"
    # what someone advises doing: "What did he advise doing about them?", "What does she
    # suggest you do?", "What did they urge residents to do?"
    r"|\b(?:advis|recommend|suggest|urg)\w*\s+(?:[\w'\u2019-]+\s+)?(?:to\s+)?do(?:ing)?\b",
    re.I)


def asks_orders(question: str) -> bool:
    """Whether the question asks what to do (``_ORDERS_ASKED``), not why."""
    return _ORDERS_ASKED.search(question) is not None and not asks_why(question)


_YEAR = re.compile(r"\b(what|which|in what|what's the) year\b" + _YEAR_OF + r"|\byear (was|did|were)\b",
                   re.I)
# "Which two members ...": a count says how many, not what is asked.
_COUNTS = frozenset("two three four five six seven eight nine ten both".split())
# Words too general to say what is asked ("what kind of ...", "when did it happen").
_GENERIC = frozenset(
    """kind kinds type types sort sorts thing things way ways part parts one ones lot lots
    happen happened happens occur occurred take took taken make made do did does get got go
    going went come came name names called call number amount year years date dates time
    times day days month months show shows showed shown say says said think thinks thought
    ask asks asked mean means meant use used uses want wants wanted whatever top bottom
    above below left right first last next previous middle end start beginning average total
    usual exact overall around approximately roughly nearly almost today currently still
    already""".split()
)
# Words about the page itself (its author, title, comments, picture...): what they ask is
# answered from the page's structure, not by a word of the answer.
_PAGE = frozenset(
    """author authors wrote write written writer blogger columnist journalist reporter
    publish published posted post posts article articles blog piece column guide story
    interview essay title titled headline picture image photo photograph caption figure
    illustration diagram comment comments commented commenter commenters reader readers reply
    replied reference references cited citation book paper study review pages volume issue
    doi""".split()
)
_WH_HEAD = re.compile(
    r"\b(?:how (?:many|much)|which|what)\s+(?P<rest>.+)$|\bwho(?:\s+|(?=['\u2019]s\b))(?P<who>.+)$"
    r"|\b(?:when|where)\s+(?P<when>.+)$|\bhow (?P<adj>long|old|tall|big|large|far|deep|wide|"
    r"high|heavy|fast|often|soon)\b(?P<after>.*)$", re.I)


# A past participle: "announced", "switched", "built", "born" (an -ed word, but not one in
# "-eed": "speed" is none).
_PARTICIPLE = re.compile(r"[a-z]{3,}(?<!e)ed|born|built|held|made|taken|given|written|known|"
                         r"shown|seen|done|begun|sold|won|found|paid|laid|set|put|cut|shut|"
                         r"grown|thrown|drawn|chosen|spoken|broken|frozen|stolen|driven|risen|"
                         r"fallen|left|kept|lost|met|sent|spent|told|brought|bought|"
                         r"caught|taught|fought|sought|dug|hung|led|fed|bred|fled|sung|struck|"
                         r"hidden|eaten|forgotten|run|undertaken|rebuilt")
# Verbs of a start or an end, whose -ing object is the event asked ("start charging fees").
_ASPECT = frozenset("""start started starts begin began begun stop stopped stops finish finished
    keep kept quit""".split())
# Words that may follow a verb in its clause: "switched back on", "built up".
_PARTICLES = frozenset("back off on up down out over away in around along".split())


def _main_verb(ws: Sequence[str], at: int) -> bool:
    """Whether ``ws[at]`` is a participle or an -ing form that carries the clause asked about:
    not one in a relative clause ("the storm that breached the wall"), nor one leading to
    another verb ("expected to arrive"), nor an adjective before its noun ("the donated food")."""
    w = ws[at]
    if at and ws[at - 1] in _ASPECT and w.endswith("ing"):
        return True
    if not _PARTICIPLE.fullmatch(w) or (at and ws[at - 1] in ("that", "which", "who")):
        return False
    after = ws[at + 1] if at + 1 < len(ws) else None
    return after is None or after in _PARTICLES or (after != "to" and not _is_content(after))


def asked_thing(question: str) -> tuple[str, ...]:
    """The thing asked for (the words naming what is asked are this and ``asked_verb``), by
    the form of the question: the noun after "how many" /
    "which" / "what" ("pages", "company"), the adjective of "how tall"."""
    return tuple(w for w, kind in _asked(question) if kind == "thing")


def asked_verb(question: str) -> tuple[str, ...]:
    """The predicate asked about: the verb after "who" ("paid"), the last verb of a "when" or
    "where" question ("founded", "live"), of "how long has X owned ...". A paraphrase often
    leaves it out ("Who led the study?" / "a study by Dr. X"), so it weighs less than a thing."""
    return tuple(w for w, kind in _asked(question) if kind == "verb")


# Prepositions that ``STOPWORDS`` leaves out; one ends a noun phrase.
_PREPOSITIONS = frozenset(
    """without within despite across along among amongst around behind beyond beside besides
    toward towards via per versus including like near since until till unlike upon""".split())


# Words that open a noun phrase the question asks after: its determiners and possessives, and
# the prepositions that take a noun ("for people's sleep", "with air pollution"); not "to",
# which opens a verb as often ("allowed to walk home").
_NP_DETERMINERS = frozenset("""a an the any some my your his her its our their this these those
    every each another no more fewer less""".split())
_NP_PREPOSITIONS = _PREPOSITIONS | frozenset(
    """for with in on at from about of into onto by during without over under through between
    against""".split())
_BE = frozenset("is are was were be been being".split())
# Adverbs that may stand between "is" and what it says a thing is ("only a disease").
_COMPLEMENT_ADVERBS = frozenset("""only just really exclusively still already actually even also
    always ever mainly mostly simply purely truly merely""".split())
# Nouns of a hedge, a judgement or a limit, which an answer gives in its own words ("Are there
# concerns about side effects?" / "... without adverse side effects", "Is there an age limit?"
# / "Players aged 13 and over may ...").
_HEDGE_NOUNS = frozenset("""concern concerns worry worries issue issues problem problems risk
    risks chance chances reason reasons sign signs evidence point option options choice choices
    alternative alternatives difference need catch snag downside downsides drawback drawbacks
    benefit benefits advantage advantages limit limits restriction restrictions rule rules
    requirement requirements""".split())

# Nouns of a preposition of several words ("in favour of", "on behalf of", "in charge of", "in
# front of", "by means of"): the thing asked after is the noun after "of".
_PREPOSITION_NOUNS = frozenset("""favour favor behalf charge front spite terms place case light
    view addition respect means lieu regard relation response honour honor support danger need
    search""".split())


def object_heads(question: str) -> tuple[str, ...]:
    """For a yes/no question, the head nouns of the noun phrases that say what it asks of its
    subject: the things it asks whether there are ("Is there a *discount* ...?", "Are there
    blue badge *spaces* ...?") and the nouns its predicate takes after a determiner or a
    preposition ("poisonous to *cats*", "go in the *dishwasher*", "help with air
    *pollution*"). Not its subject (the phrase right after its first word), nor what the
    subject is said to be ("Is osteoporosis only a disease of women?", "... used as a drug",
    "is a scam", "one of the jobs"): an answer says that in its own words. Nor a gerund ("for
    sending in the form"), a name, a number, or a word too general or hedging to be missed
    ("all the time", "concerns")."""
    # a possessive modifies the noun after it: "people's sleep" is of sleep
    # ("it's", "that's" are a pronoun and "is")
    owners = {w.lower() for w in re.findall(r"([\w-]+)['\u2019]s\b", question)} - STOPWORDS
    ws = [w for w in words(question) if w not in owners]
    if not ws or ws[0] not in _AUX:
        return ()
    names = set(proper_names(question))
    existential = len(ws) > 1 and ws[1] == "there"
    copula = ws[0] in _BE and not existential
    heads: list[str] = []
    seen_complement = False
    for k, w in enumerate(ws[:-1]):
        # (after "to", only a plural is surely a noun: "poisonous to cats", "allowed to walk")
        opens = w in _NP_DETERMINERS or w in _NP_PREPOSITIONS or (w == "there" and k == 1) or (
            w == "to" and _PLURAL.fullmatch(ws[k + 1]) is not None)
        if not opens or (k == 1 and w != "there"):
            continue  # (the subject: "Does the smart meter ...?")
        if w in _NP_DETERMINERS and ws[k - 1] in _NP_DETERMINERS | _NP_PREPOSITIONS:
            continue  # "for the ...": the preposition's phrase
        nxt = ws[k + 1]
        if w in _NP_PREPOSITIONS and nxt.endswith("ing") and nxt not in _NP_DETERMINERS:
            continue  # a gerund: "for sending in the form"
        if w in _NP_PREPOSITIONS and nxt in _PREPOSITION_NOUNS and ws[k + 2:k + 3] == ["of"]:
            continue  # a preposition of several words: "in favour of the idea" is of the idea
        before = k - 1
        while before >= 0 and ws[before] in _COMPLEMENT_ADVERBS:
            before -= 1
        prev = ws[before] if before >= 0 else ""
        if prev in _BE and before >= 1 and ws[before - 1] == "there":
            prev = "there"  # "Will there be an official ceremony?" asks whether there is one
        # what the subject is: "is (only) a disease", "as a drug", "one of the ...", and in
        # "Is X a Y?", its first "a" phrase
        if (w in ("a", "an") and (prev in _BE or prev == "as" or (copula and not seen_complement))) \
                or (w == "of" and prev == "one") or (w in _NP_DETERMINERS and prev == "as"):
            seen_complement = seen_complement or w in ("a", "an")
            continue
        head = _object_head(ws[k + 1:], names)
        if head is not None:
            heads.append(head)
    bare = _bare_object(ws, names)
    if bare is not None:
        heads.append(bare)
    return tuple(dict.fromkeys(heads))


# What opens the class a yes/no question says its subject belongs to: "Is rye one of the
# grains ...?", "Is the mill among the oldest buildings ...?", "Is a crumpet a kind of bread?".
_CLASS_OPENER = re.compile(
    r"\b(?:(?:one|any|some|none|each|either|neither) of|among|amongst|a (?:kind|type|sort|form) of)"
    r"\s+(?:(?:the|its|their|his|her|your|our|these|those|my)\s+)?(?:other\s+)?", re.I)

# A possessive and the noun it owns: up to two words more, to a stopword or the end of a clause
# ("an old master's pattern", "the ship's brass bell of ...").
_OWNED = re.compile(
    r"([\w-]+)['\u2019]s\s+((?:[\w-]+\s+){0,2}?[\w-]+)(?=\s*(?:[?,.;:]|$|\s(?:"
    + "|".join(sorted(map(re.escape, STOPWORDS), key=len, reverse=True)) + r")\b))")


def qualifiers(question: str) -> dict[str, str | None]:
    """Words of a yes/no question that qualify a thing it asks after rather than name it, each
    with the noun it qualifies: a possessive's owner and what it owns ("an old master's
    pattern": "master" -> "pattern"), and, with None, the words of the class the subject is
    said to belong to ("Is rye one of the other grains of the bread?": "grains"). An article
    that never says such a word may still say what is asked: the owned thing, or the subject
    as one of several, in its own words ("Considering the roles of ...")."""
    out: dict[str, str | None] = {}
    for m in _OWNED.finditer(question):
        owner = m.group(1).lower()
        if owner not in STOPWORDS:
            out[owner] = m.group(2).split()[-1].lower()
    for m in _CLASS_OPENER.finditer(question):
        for w in re.findall(r"[\w-]+", question[m.end():].split("?")[0]):
            w = w.lower()
            if w in STOPWORDS:
                break
            out.setdefault(w, None)
    return out


# Verbs whose object is a clause: what someone says, thinks or claims.
_SAYING = frozenset("""say says said think thinks thought mention mentions mentioned claim
    claims claimed suggest suggests suggested believe believes believed feel feels felt argue
    argues argued admit admits admitted agree agrees agreed know knows knew mean means meant
    explain explains explained""".split())
# Adverbs that may stand between a subject and its verb ("Does she also run ...?").
_VERB_ADVERBS = frozenset("""also still ever really usually already actually just even always
    often sometimes normally ever""".split())


def _bare_object(ws: Sequence[str], names: set[str]) -> str | None:
    """In "Do you need insurance ...?", "Does Brandvold make bows ...?", "Does the article
    recommend exercise ...?": the head of the object that follows the verb with no determiner,
    when the subject before the verb is plainly one (a pronoun, a name, or the page itself)."""
    if ws[0] not in _BARE_VERB_AFTER or len(ws) < 4:
        return None
    at = 1
    if ws[at] in _SUBJECT_PRONOUNS:
        at += 1
    else:
        if ws[at] == "the":
            at += 1
        start = at
        while at < len(ws) and (ws[at] in names or any(c.isdigit() for c in ws[at])):
            at += 1
        if at == start and at < len(ws) and ws[at] in _PAGE:
            at += 1
        if at == start:
            return None
    while at < len(ws) and ws[at] in _VERB_ADVERBS:
        at += 1
    verb = at
    if verb + 1 >= len(ws) or not (_is_content(ws[verb]) or ws[verb] in _GENERIC
                                   or ws[verb] in ("have", "has", "had")):
        return None
    if ws[verb] in _SAYING or ws[verb] in ("get", "gets", "got"):
        return None  # what is said or thought is a clause ("Does the post say X improves Y?");
        # "get" a passive's ("Did the school get shut down?")
    first = ws[verb + 1]
    if (first in STOPWORDS or first in _NP_DETERMINERS or first in _NP_PREPOSITIONS
            or first in _AUX or first.endswith("ing") or first in names):
        return None
    return _object_head(ws[verb + 1:], names)


# Nouns too general to be missed ("all the time", "the main thing", "people who ..."), and
# words that end a noun phrase without being one ("the pavement outside").
_GENERIC_NOUNS = frozenset("""kind kinds type types sort sorts thing things way ways part parts
    one ones lot lots bit number amount year years date dates time times day days month months
    name names end start beginning average total top bottom people person anyone anybody
    someone somebody everyone everybody anything something everything anywhere somewhere
    everywhere nowhere money""".split()) | frozenset(
    # a noun of a set phrase: "in advance", "in full", "of course", "by hand", "in order"
    """advance full general fact course case hand order touch least""".split()) | frozenset(
    # kinds of day and of people, which an article names by their members ("open on
    # weekends?" / "Saturday and Sunday", "free for children?" / "under-5s go free")
    """weekend weekends weekday weekdays evening evenings morning mornings afternoon
    afternoons night nights holiday holidays season seasons children kids adults
    grown-ups pensioners seniors students beginners families visitors members residents
    customers users parents teenagers locals""".split())
_PHRASE_ENDS = frozenset("""outside inside nearby away back off out up down together instead
    too anyway here there""".split())


def _object_head(ws: Sequence[str], names: set[str]) -> str | None:
    """The head of the noun phrase ``ws`` opens with (past its determiners): its last word
    before a function word, a number, an adverb, a participle or a verb after it, or at a
    plural; None when that is a name, a word too general, or a hedge."""
    phrase: list[str] = []
    for w in ws:
        if w in _NP_DETERMINERS and not phrase:
            continue
        if (w in STOPWORDS or w in _AUX or w in _NP_PREPOSITIONS or w in _PHRASE_ENDS
                or w.isdigit() or (w.endswith("ly") and len(w) > 5)
                or (phrase and w.endswith("ed"))):
            break
        if w in _GENERIC_NOUNS:
            return None  # "the main thing", "all the time"
        if not _is_content(w):
            break  # "the husband still ...", "the council got ..."
        phrase.append(w)
        if _PLURAL.fullmatch(w):
            break
    if not phrase or phrase[-1] in names or phrase[-1] in _HEDGE_NOUNS:
        return None
    return phrase[-1]


def _is_content(w: str) -> bool:
    """A word that can name what is asked: not a function, generic or page word, nor a count."""
    return (w not in STOPWORDS and w not in _AUX and w not in _GENERIC and w not in _PAGE
            and w not in _COUNTS and not w.isdigit())


def _content(text: str) -> list[str]:
    return [w for w in words(text) if _is_content(w)]


def _phrase_head(ws: Sequence[str], names: set[str]) -> str | None:
    """The head of the noun phrase ``ws`` opens with: its last content word before a function
    word, an auxiliary or a number, or at a plural ("the extended opening hours during the
    week": "hours"); None when it holds none but names."""
    phrase: list[str] = []
    for at, w in enumerate(ws):
        if (w in STOPWORDS or w in _AUX or w in _PREPOSITIONS or w.isdigit()
                or (w.endswith("ly") and len(w) > 5)):  # an adverb: "his theory exactly"
            if phrase:
                break
            continue
        # a participle or a verb after the noun ends it: "she paid compared with ...", "the
        # programme costing?" (one before it is an adjective: "the tested bags")
        if phrase and (w.endswith("ed") or (w.endswith("ing") and at == len(ws) - 1)):
            break
        phrase.append(w)
        if _PLURAL.fullmatch(w):
            break
    kept = [w for w in phrase if _is_content(w) and w not in names]
    if len(kept) > 1 and _MONEY_WORD.fullmatch(kept[-1]):
        kept.pop()  # "the replacement charge": the charge is the measure asked, not the thing
    return kept[-1] if kept else None


# Kinds of place a "which ...?" question may ask where a deed was done in.
_PLACE_KIND_NOUNS = frozenset({"country", "city", "town", "village", "region", "county",
                               "district", "province", "state", "island"})
# A passive deed closing a question: "... are the hoses made?", "... was the film shot?".
_DONE_AT = re.compile(r"\b(?:is|are|was|were|be|been)\s+(?:[\w'-]+\s+){0,4}?"
                      r"([a-z]{3,}(?<!e)ed|made|built|sold|sent|kept|held|grown|shot|found|"
                      r"bought|written|drawn|taken|given|sewn|spun|dug|born)\s*\?\s*$", re.I)


def _asked(question: str) -> tuple[tuple[str, str], ...]:
    m = _WH_HEAD.search(question)
    if not m:
        return ()

    if answer_type(question) == TITLE:
        return ()
    if re.search(_REASON_ASKED, question, re.I):
        return ()  # "What reason did they give?": a reason is told without the word

    if m["rest"] is not None:
        ws = words(m["rest"])
        if ws and ws[0] in _AUX | {"is", "was", "are", "were"}:  # "what is ...", "how much does X cost"
            names = {n.lower() for n in re.findall(r"(?<=\s)[A-Z][\w-]+", question)}
            tail = [w for w in _content(m["rest"]) if w not in names]
            if not tail:
                return ()
            # "How much does a fig cost?": the last word; "What is the capital of Italy?": the
            # head of the first noun phrase ("the extended opening *hours* during ..."), else
            # the first word that is not a name.
            if ws[0] in _AUX - {"is", "was", "are", "were"}:
                return ((tail[-1], "thing"),)
            head = _phrase_head(ws[1:], names)
            return ((head or tail[0], "thing"),)
        person = _PERSON_HEAD.search(question)
        if person:  # "Which council member put ...?": the member
            return ((person["noun"].lower(), "thing"),)
        entity = _ENTITY_HEAD.search(question)
        if entity and entity.start() == m.start():  # "Which middle school ...?": the school
            done = _DONE_AT.search(question) if entity["entity"].lower() in _PLACE_KIND_NOUNS else None
            if done:  # "In which country are the hoses made?": the country, and the deed
                return ((entity["entity"].lower(), "thing"), (done[1].lower(), "verb"))
            return ((entity["entity"].lower(), "thing"),)
        first = next((w for w in ws if w not in STOPWORDS and w not in _COUNTS
                      and not w.isdigit()), None)
        if first in _GENERIC:  # "what kind of fertiliser": the noun after "of"
            rest = _content(" ".join(ws[ws.index(first) + 1 :]))
            return tuple((w, "thing") for w in rest[:1])
        return ((first, "thing"),) if first and first not in _PAGE else ()
    if m["who"] is not None:
        ws = words(m["who"])
        if not ws:
            return ()
        if ws[0] in ("is", "was", "are", "were", "am", "s"):  # "who is X": identity ...
            # ... unless it asks who does something: "Who is leading the service?", "Who was
            # the technician who scored the test?"
            doing = [w for at, w in enumerate(ws) if at and (
                (at == 1 and w.endswith("ing") and len(w) > 4)
                or (ws[at - 1] in ("who", "that") and w not in _AUX and _is_content(w)))]
            return ((doing[-1], "verb"),) if doing else ()
        first = ws[1] if ws[0] in _AUX and len(ws) > 1 else ws[0]
        return ((first, "verb"),) if first not in STOPWORDS | _GENERIC | _PAGE else ()
    if m["when"] is not None:
        # the clause asked about ends at a comma: "Where are the trains kept, according to the
        # guard?" asks about "kept", not "according"
        main, comma, _ = m["when"].partition(",")
        ws = words(main if comma and len(words(main)) > 1 else m["when"])
        # "When did they automate the lighthouse?": the word after "did" and a pronoun
        if len(ws) > 2 and ws[0] in _AUX and ws[1] in _SUBJECT_PRONOUNS and ws[2] not in STOPWORDS:
            return ((ws[2], "verb"),)
        names = {w.lower() for w in re.findall(r"(?<=\s)[A-Z][\w'-]+", question)}
        tail = [w for w in _content(" ".join(ws)) if w not in names]
        # the verb where its form shows it, not the last noun: "When were the survey results
        # *announced* at the school gate?", "... *inspected* before the January floods?", "When
        # did the library start *charging* fees?"; else the last word ("When did Penrose *die*?")
        # after a copula and its subject, an -ing form is the verb: "Where are people *meeting*
        # after the service?" (not "the meeting", a noun after its article)
        marked = [w for at, w in enumerate(ws) if w in tail and (_main_verb(ws, at) or (
            ws[0] in ("is", "are", "was", "were") and at > 1 and w.endswith("ing") and len(w) > 4
            and ws[at - 1] not in STOPWORDS and ws[at - 1] not in _PREPOSITIONS))]
        if not marked and ws and ws[0] in ("is", "are", "was", "were", "s") and not any(
                _PARTICIPLE.fullmatch(w) or w.endswith("ing") for w in ws[1:]):
            # "Where is her workshop?", "Where were the farms in the study?": a copula, no
            # verb asked (the last word is a noun, not a deed)
            return ()
        return (((marked or tail)[-1], "verb"),) if tail else ()
    if m["adj"] is not None:
        verb = [w for w in _content(m["after"] or "") if w.endswith(("ed", "en"))]
        adj = m["adj"].lower()
        return (*(() if adj in ("long", "often", "soon") else ((adj, "thing"),)),
                *((v, "verb") for v in verb[-1:]))
    return ()


@lru_cache(maxsize=4096)  # asked of one question several times as it is read
def answer_type(question: str) -> str | None:
    lead = _LEAD_WH.search(question) or _LEAD_HOW_WHY.search(question)
    for kind, pattern in _TYPE_PATTERNS:
        for m in pattern.finditer(question):
            # "Which hormone controls how much bone we have?" asks for the hormone, "Which
            # reader asked how big the dogs were?" for a reader: a "how much / how long"
            # clause inside a question that opens on "which NOUN" or "who" says what it is
            # about ("... and how long did she do it?" asks a second question)
            if lead and m.start() > lead.end() and _HOW_CLAUSE.match(question, m.start()) \
                    and not _SECOND_QUESTION.search(question, 0, m.start()):
                continue
            return kind
    return None


# A question opening on "which/what NOUN" (not a measure: "What limit is set on how much
# ...?" asks for one) or "who", and a "how ..." clause that may follow it.
_LEAD_WH = re.compile(r"^\W*(?:\w+\W+){0,5}?(?:who\b|(?:which|what)\s+(?!(?:is|was|are|were|do|"
                      r"does|did|has|have|had|can|could|will|would|should|might|must|kind|sort|"
                      r"type|limit|" + _MEASURE_NOUNS + r")\b)[a-z]+\b)", re.I)
# A question opening on "how" or "why" and an auxiliary asks for a means or a reason: a "how
# many / how much" clause inside it is what the means finds out ("How did they work out how
# many birds had died?", "Why did she ask how much it cost?"), not a quantity asked.
_LEAD_HOW_WHY = re.compile(r"^\W*(?:(?:and|so|but)\s+)?(?:how|why)\s+(?:is|are|was|were|do|does|did|"
                           r"has|have|had|can|could|will|would|should|might|must)\b", re.I)
_HOW_CLAUSE = re.compile(r"how\b", re.I)
_SECOND_QUESTION = re.compile(r"(?:\band|\bor|,|;)\s*$", re.I)


def is_follow_up(question: str) -> bool:
    """True when the question leans on the conversation: a pronoun, "and ...", "what about ...",
    or no content words at all ("Why?")."""
    ws = words(question)
    if any(w in _PRONOUNS for w in ws):
        return True
    if re.match(r"^\s*(and|what about|how about|also|so)\b", question, re.I):
        return True
    if _ONE_OF_THEM.search(question):
        return True
    return not terms(question)


# "one" standing for a thing named before: "How do I get the longer one?", "Did she get a new
# one?", "Which one is cheaper?" (not "one of the walkers", which names the thing itself).
_ONE_OF_THEM = re.compile(r"\b(?:the|a|an|this|that|which|another|other|new|old|same)\s+"
                          r"(?:[a-z]+\s+)?ones?\b(?!\s+of\b)", re.I)


def yes_no_subject(question: str) -> str | None:
    """For "Does vitamin D reduce ...?", the first content word after the auxiliary."""
    ws = words(question)
    if not ws or ws[0] not in _AUX:
        return None
    rest = ws[1:]
    if rest and rest[0] == "there":  # "Are there concerns about ...": existential, no subject
        return None
    for w in rest:
        if w in _DETERMINERS or w in STOPWORDS or w in _INDEFINITE:
            continue
        return w
    return None


# Subjects that name no thing a passage must name: a count or a share of something ("Did the
# number of visitors fall?"), people at large, and the page's own writer or a paper's own
# researchers, who speak as "I" and "we" ("Does the reviewer think ...?", "Did the researchers
# measure ...?").
_NO_TOPIC = frozenset("""number numbers amount amounts share proportion percentage level levels
    rate people person reviewer researcher researchers""".split())
# Everyday words that modify a noun rather than name the subject: "the old bridge", "the first
# batch", "the daily totals".
_MODIFIERS = frozenset("""old new older newer oldest newest young big small large little main
    local original first second third last final next previous other same whole full free public
    private early late current former daily weekly monthly annual yearly nearby upper lower
    front back""".split())
_BE_OR_MODAL = frozenset("""is are was were be been being has have had can could will would
    should may might must""".split())


def _noun_head(ws: Sequence[str], question: str) -> bool:
    """Whether ``ws[2]``, the word after a yes/no question's first word of subject ``ws[1]``
    (articles left out), is the subject's own noun: the first word modifies it (an everyday
    modifier, a participle, a possessive: "the old bridge", "borrowed instruments", "the
    ship's bell"), the word is plural ("the daily totals") or a form of "be", or a modal
    follows it ("Has the government grant been ...?"); or it ends in "-ing" where a verb would
    be bare ("Did the carbon dating show ...?"). Not "Does estrogen help ...?"."""
    first, head = ws[1], ws[2]
    after = ws[3] if len(ws) > 3 else ""
    possessive = re.search(rf"\b{re.escape(first)}['\u2019]s\b", question, re.I) is not None
    if head.endswith("ed") and len(head) > 4:
        return False  # a participle is the predicate: "Is the public allowed in?"
    return (first in _MODIFIERS or (first.endswith("ed") and len(first) > 4) or possessive
            or bool(_PLURAL.fullmatch(head)) and ws[0] in ("do", "are", "were", "have", "had")
            or after in _BE_OR_MODAL
            or head.endswith("ing") and len(head) > 5 and ws[0] in _BARE_VERB_AFTER)


# After these the verb is bare ("Did the dating show ...?"): an "-ing" word there is no verb.
_BARE_VERB_AFTER = frozenset("do does did can could will would should may might must".split())


def _gerund_subject(question: str, subject: str) -> bool:
    """The subject is an act, an "-ing" word with its own object ("Does brewing the tea
    longer ...?"): what it acts on is the thing spoken of, not the word itself."""
    return subject.endswith("ing") and re.search(
        rf"\b{re.escape(subject)}\s+(?:the|a|an|his|her|their|its|your|my|our|this|that|these|"
        r"those)\b", question, re.I) is not None


# "Did anyone suggest ...?", "Is anything said about ...?": no one in particular, so no subject
# the article must name.
_INDEFINITE = frozenset("""anyone anybody someone somebody anything something everyone everybody
    everything nobody""".split())


_POSTED = re.compile(r"\b(?:posted|post date|uploaded|put online|put up)\b", re.I)


def target_of(question: str) -> str | None:
    """What the question is about, by the first page part it names."""
    found = [(m.start(), kind) for kind, p in _TARGETS if (m := _names_part(kind, p, question))]
    return min(found)[1] if found else None


# Writing to someone, not writing the page: "Who do I write to?", "To whom do I write?", "Who
# is the MP she is thinking of writing to?", "Who wrote to the council about parking?" (a
# letter the page tells of).
_WRITE_TO = re.compile(r"\b(?:write|writes|wrote|written|writing)\s+to\b|\bto whom\b.*"
                       r"\b(?:write|writes|wrote|written|writing)\b", re.I)


def author_target(question: str, context: str | None = None) -> str | None:
    """Which kind of source a "who wrote ...?" question is about, if it is one (for a
    follow-up without a target of its own, what the earlier question was about). Without one,
    the post, unless the question names a person whose work it asks about ("Who were
    Colaianni's co-authors?"): a cited work, which a byline does not record."""
    if not _AUTHOR_WORDS.search(question) or answer_type(question) != PERSON \
            or _WRITE_TO.search(question):
        return None
    return (target_of(question) or (target_of(context) if context else None)
            or ("paper" if proper_names(question) else "post"))


# Something the page tells of appearing or coming out: "When did the notice about the
# felling appear?", "When did the first swallows appear?" (not the page, nor a work it cites,
# which ``target_of`` names: "When did the study come out?").
_THING_APPEARED = re.compile(
    r"\b(?:did|does|do|was|were|has|have|had)\s+(?:(?:the|an?|his|her|their|its|our|your|those|these)"
    # ... or a thing by its name or number: "When did tilewright v2.1 actually come out?"
    r"\s+|(?!(?:it|this|that|these|those|they|you|we|i|he|she)\b)"
    r"(?=(?:[\w'.\u2019-]+\s+){0,3}?(?:(?-i:[A-Z])|[\w.-]*\d)))"
    r"(?:[\w'.\u2019-]+\s+){1,8}?(?:(?:first|actually|originally|finally|really|eventually)\s+)?"
    r"(?:appear|appeared|come out|came out)\b"
    r"(?!\s+in\s+(?:print|writing)\b)", re.I)  # (to appear in print is to be published)
_OTHER_PUBLISHED = re.compile(r"\b(?:published|publish|posted|written|wrote|released|dated)\b", re.I)


def published_target(question: str, context: str | None = None) -> str | None:
    """Which kind of source a "when was ... published?" question is about, if it is one."""
    if answer_type(question) != TIME or not _PUBLISHED_WORDS.search(question) \
            or _FUTURE.search(question):
        return None  # (what will be published is not this page, which has been)
    if _THING_APPEARED.search(question) and not _OTHER_PUBLISHED.search(question) \
            and target_of(question) is None:
        return None  # a thing the page tells of appeared, not the page
    target = target_of(question) or (target_of(context) if context else None) or "post"
    # a page, or a comment, is posted; a cited work is published: "When was the review posted?"
    # asks for the post's date, whatever it reviews
    return "post" if target == "paper" and _POSTED.search(question) else target


# "Who is Callum Rennick?", "Who was Dr. Vane?": asks about the person it names (not "Who is
# the ranger on Wrenholm?", which names a place and asks for a person).
_WHO_IS = re.compile(r"\s*who(?:'s| is| was)\s+(?:(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Sir|Dame)\.?\s+)?"
                     r"(?-i:[A-Z])", re.I)
# "Who replied to ...?", "Which reader agreed with ...?": the person asked is the one who acts,
# so a person the question names is acted on; "Who is the reader that ...?" likewise. Not
# "Who did Imre agree with?" or "Who is Imre?", which ask about the person named.
# "What should Priya do ...?", "What ought Dr Roe to do?": a course of action for the person
# named, which another gives them (an adviser's reply to a letter, a forum's answers).
_ADVICE_FOR = re.compile(r"^\W*(?:and\s+|so\s+)?what\s+(?:should|ought|must)\s+(?:(?:Dr|Mr|Mrs|Ms|"
                         r"Miss|Prof)\.?\s+)?(?!I\s)(?-i:[A-Z])[\w'\u2019-]*(?:\s+(?-i:[A-Z])[\w'\u2019-]*)?"
                         r"\s+(?:to\s+)?do\b", re.I)
_WHO_ACTS = re.compile(
    r"\s*(?:who|" + _PERSON_PHRASE + r")"
    r"(?:\s+(?!(?:" + "|".join(sorted(_AUX)) + r")\b)[a-z]\w*|\s+(?:has|have|had)\s+[a-z]\w*ed\b"
    r"|(?:'s|\s+(?:is|was|are|were))\s+(?:the|an?|that|this|one)\b)", re.I)


def recent(history: Sequence[str], max_history: int) -> list[str]:
    """The conversation's last ``max_history`` non-empty questions (none when it is 0)."""
    return [h for h in history if h.strip()][-max_history:] if max_history > 0 else []


def asks_after_person(question: str, history: Sequence[str] = (), max_history: int = 5) -> bool:
    """Whether ``question`` follows up a "who ...?" question without naming anyone itself
    ("Who answered Paul's comment?" / "What did he propose?"): it is about the person the
    earlier question's answer named, whom ``make_query`` then takes as ``referent``. Not when
    the earlier question asks about a person it names ("Who is Callum Rennick?")."""
    history = recent(history, max_history)
    if not history or not is_follow_up(question) or proper_names(question):
        return False
    last = history[-1]
    return answer_type(last) == PERSON and not _WHO_IS.match(last)


_HE = frozenset("he him his himself".split())
_SHE = frozenset("she her hers herself".split())


def _pronoun_gender(question: str) -> str | None:
    """"m" or "f" when the question's only personal pronouns are of one gender."""
    ws = set(words(question))
    he, she = bool(ws & _HE), bool(ws & _SHE)
    return None if he == she else "m" if he else "f"


def person_question(question: str, history: Sequence[str] = (), max_history: int = 5) -> int | None:
    """Which earlier question (its place in ``recent(history)``) a follow-up's person is the
    answer to: the last, when it asks "who ...?" (``asks_after_person``); or the one before it,
    when the last is itself a follow-up to that "who ...?" question by the same "he" or "she"
    ("Who said ...? / Which bakery does she run? / When did she take it over?"). None else."""
    history = recent(history, max_history)
    if asks_after_person(question, history, max_history):
        return len(history) - 1
    gender = _pronoun_gender(question)
    if (len(history) >= 2 and gender and not proper_names(question)
            and _pronoun_gender(history[-1]) == gender
            and asks_after_person(history[-1], history[:-1], max_history)):
        return len(history) - 2
    return None


# A follow-up that asks for the next (or the one before) of a numbered series the earlier
# question named: "What do you do in step 4? / And what comes after that?", "What's on day 2?
# / And the day before?". Only these words may make it up, and one must say which way.
_SEQUENCE_WORDS = frozenset("""and so ok okay right then what which whats what's comes come
    came happens happen happened follows follow followed is was do does did you i we should
    just straight immediately after next before previous that this it one the thing bit""".split())
_NEXT_WORDS = frozenset("after next then follows follow followed".split())
_BACK_WORDS = frozenset("before previous".split())
# The parts of an ordered whole a question names by number: "step 4", "day 2", "stage 3".
_SERIES = re.compile(r"\b(?P<noun>step|stage|phase|part|round|day|week|stop|lesson|chapter|level|"
                     r"leg|lap|episode|session|module|unit|tip|item)\s+(?P<n>\d{1,2})\b", re.I)
_COUNT_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                "twelfth").split()
_SERIES_ORDINAL = re.compile(r"\bthe\s+(?P<at>" + "|".join(_COUNT_WORDS) + r")\s+(?P<noun>[a-z]+)\b",
                             re.I)


def next_in_series(question: str, history: Sequence[str]) -> str | None:
    """For a question asking what comes after (or before) the numbered part of a series that
    it names ("What comes after step 4?") or, a follow-up, the last earlier question named
    ("What do you do in step 4?" / "And what comes after that?"), a question about that next
    part ("What is step 5?"); else None."""
    ws = [w.replace("\u2019", "'") for w in words(question)]
    if not ws or any(w not in _SEQUENCE_WORDS and w not in _SERIES_NOUNS and not w.isdigit()
                     and w not in _COUNT_WORDS for w in ws):
        return None
    forward, back = any(w in _NEXT_WORDS for w in ws), any(w in _BACK_WORDS for w in ws)
    if forward == back:
        return None
    step = 1 if forward else -1
    # the part named in the question itself ("What comes after step 4?"), else the earlier one
    own = _SERIES.search(question) or _SERIES_ORDINAL.search(question)
    if own is None and not history:
        return None
    last = question if own else history[-1]
    m = _SERIES.search(last)
    if m:
        n = int(m["n"]) + step
        return f"What is {m['noun'].lower()} {n}?" if n >= 1 else None
    m = _SERIES_ORDINAL.search(last)
    if m:
        n = _COUNT_WORDS.index(m["at"].lower()) + step
        return f"What is the {_COUNT_WORDS[n]} {m['noun'].lower()}?" if 0 <= n < len(_COUNT_WORDS) \
            else None
    return None


_SERIES_NOUNS = frozenset(_SERIES.pattern.split("(?P<noun>")[1].split(")")[0].split("|"))


# A wh-word and its verb: a question of its own, not an elliptical one ("and the women?").
_OWN_QUESTION = re.compile(r"^\W*(?:(?:and|so|but|ok(?:ay)?|well|then)\W+)*"
                           r"(?:what|which|how|why|where|who|when)(?:'s|\u2019s|\s+(?:is|are|was|"
                           r"were|do|does|did|has|have|had|can|could|will|would|should|might|may)"
                           r")\b", re.I)


def make_query(question: str, history: Sequence[str] = (), max_history: int = 5,
               referent: str | None = None) -> Query:
    """Analyse ``question``; a follow-up borrows the text of the latest earlier questions, and
    ``referent``: the person the answer to the last one named (see ``asks_after_person``)."""
    history = recent(history, max_history)
    follow = bool(history) and is_follow_up(question)
    context = history[-2:] if follow else []
    # the person is read with the earlier questions: "Who answered Paul's comment? What did he
    # propose? (Tomasz Wrona)"
    said = [f"({referent})"] if follow and referent else []
    own = tuple(terms(question))
    if item_at(question) is not None:
        # "What's listed as the first con?": the list's words and the place ask where in the
        # list; the rest ("con") says what the item is
        own = tuple(t for t in own if t not in _LIST_TERMS) or own
    ctx = tuple(t for h in [*context, *said] for t in terms(h) if t not in own)
    text = " ".join([*context, question, *said]) if context else question
    subject = yes_no_subject(question)
    ws = [w for w in words(question) if w not in ("a", "an", "the")]
    topic = subject if subject and len(ws) > 1 and ws[1] == subject \
        and subject not in _NO_TOPIC and not any(c.isdigit() for c in subject) \
        and not _gerund_subject(question, subject) else None
    head = ws[2] if topic and len(ws) > 2 and ws[2] not in STOPWORDS else None
    # an elliptical follow-up borrows the kind asked before ("How many men? / and women?"), a
    # question of its own does not ("How many mice? / so what are researchers doing about it")
    borrows = not own or len(own) == 1 and not _OWN_QUESTION.match(question)
    kind = answer_type(question) or (answer_type(context[-1]) if context and borrows else None)
    if said and kind == PERSON and not answer_type(question):
        kind = None  # the person asked for earlier is known: "What did he propose?" asks more
    duration = kind == TIME and bool(_DURATION_ASKED.search(question))
    names = set(proper_names(question))
    # with the person known, the earlier questions' other people are not who "he" is ("Who
    # answered Paul's comment? What did he propose?"): Tomasz's comment, not Paul's
    others = ({w for h in context for n in proper_names(h) for w in words(n)} - set(words(referent or ""))
              if said else set())
    if follow:
        names |= {n for h in [*context, *said] for n in proper_names(h)} - others
    # who wrote or when appeared "it": the latest earlier question that names a part of the
    # page says what "it" is ("Which journal published the review? / Who were the authors? /
    # What year did it come out?")
    spoken_of = next((h for h in reversed(context) if target_of(h)), context[-1] if context else None)
    return Query(
        question=question,
        text=text,
        terms=own,
        context_terms=ctx,
        answer_type=kind,
        follow_up=follow,
        yes_no_subject=subject,
        yes_no_topic=topic,
        yes_no_head=head,
        head_noun=bool(head) and _noun_head(ws, question),
        author_of=author_target(question, spoken_of),
        published_of=published_target(question, spoken_of),
        target=target_of(question) or (target_of(context[-1]) if context else None),
        kinds=kind_hints(text),
        # the person answered joins the names and the text, not the words a source's author
        # is matched by (cross-validated: author_named then kept its weight)
        words=frozenset(words(question))
        | frozenset(w for h in context for w in words(h) if w not in others),
        names=frozenset(names),
        yes_no=bool(ws) and ws[0] in _AUX,
        surface=tuple(w for w in words(question) if w not in STOPWORDS),
        explains=bool(_EXPLAINS.search(question)),
        focus=asked_thing(question),
        focus_verb=asked_verb(question),
        year=bool(_YEAR.search(question)),
        measure=measure_asked(question),
        counted=counted_words(question),
        credit=bool(_CREDIT.search(question)),
        speaker=bool(_ASKS_SPEAKER.match(question.strip())),
        host=bool(_ASKS_HOST.search(question.strip())),
        entity=entity_asked(question),
        naming=kind == PLACE and bool(_NAMING.search(question)),
        where=kind == PLACE and bool(_WHERE.match(question)),
        duration=duration,
        clock=kind == TIME and not duration and bool(_CLOCK_ASKED.search(question)),
        span=duration and bool(_SPAN_ASKED.search(question)),
        event=event_asked(question) if kind == TIME and not duration else None,
        future=kind == TIME and bool(_FUTURE.search(question)),
        contact=(contact_asked(question) or (contact_asked(context[-1]) if context else None)
                 if kind == CONTACT else None),
        # "when?" after "Who said ...?" asks when that was said
        when_written=kind == TIME and not duration and bool(
            _WRITTEN_WHEN.search(question)
            or (follow and not own and context and _WRITTEN_WHEN.search(context[-1]))),
        reply=any(_REPLY_ASKED.search(h) for h in [*context, question]),
        named_object=(kind == PERSON and bool(_WHO_ACTS.match(question)))
        or bool(_ADVICE_FOR.match(question)),
        gist=asks_gist(question),
        comments_asked=comments_asked(question),
        comment_at=next((at for h in [question, *reversed(context)]
                         if (at := comment_at(h)) is not None), None),
        first_message=bool(_FIRST_MESSAGE.search(question) or (
            follow and not own and context and _FIRST_MESSAGE.search(context[-1]))),
        referent=referent if said else None,
        earlier=tuple(context),
        item_at=item_at(question),
    )


def proper_names(question: str) -> list[str]:
    """Capitalised words that do not open the question, lower-cased ("Dr." and "I'm"
    excluded), a possessive's "'s" left off as ``words`` leaves it ("Paul's comment": "paul")."""
    found = re.findall(r"(?<=[\s(\"'])[A-Z][\w\u00c0-\u017f'\-]*[a-z\u00df-\u017f]\b(?!\.)", question)
    names = (re.sub(r"'s$", "", w.lower()) for w in found)
    return [w for w in names if w not in STOPWORDS and not _I_RUN_ON.fullmatch(w)]


# "I" with its verb run on ("I'm", "I've", "I'd", "I'll"): a capital that names no one.
_I_RUN_ON = re.compile(r"i['\u2019](?:m|ve|d|ll)")
