"""What each sentence of an article can answer, computed once per article.

``sentence_flags`` says which kinds of answer a sentence can hold (a number, a date, period or
duration, a year, a person, a place or institution, a title, what someone does for a living);
``SentenceInfo`` keeps those and other question-independent facts of every sentence (its
neighbours, how generic it is, the words it names, whether it names the doer of a deed or a
person's institution, the measures its numbers state and the words about them, a picture's
credit line) for ``features.feature_matrix``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from .query import CONTACT, EMAIL, NUMBER, PERSON, PHONE, PLACE, ROLE, TIME, TITLE, UNITS, WEB
from .text import STOPWORDS, WORD, stem, terms, word_of, words
from .types import Source, Span

# Numbers in words: the cardinals ("twelve", "twenty" and "two" of "twenty-two"), then the
# other words that say how many.
_CARDINAL_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|thousand")
_NUMBER_WORDS = (
    rf"{_CARDINAL_WORDS}|hundreds|thousands|million|millions|billion|"
    r"dozen|dozens|half|twice|percent|per cent|a third|a quarter|several|few"
)
# A number as written in figures or in words: "12", "1,150", "twelve", "twenty-two".
_CARDINAL = f"(?:{_CARDINAL_WORDS})"
_NUM = rf"(?:\d[\d,.]*|\b{_CARDINAL}(?:[\s-]+(?:and\s+)?{_CARDINAL})*)"
# A count of the people speaking or spoken to: "There are eight of us", "all 12 of you" (not
# "one of us", a person rather than a count).
_COUNT_OF_US = re.compile(rf"(?<![\w-])(?!one\b){_NUM}\s+of\s+(?:us|you)\b", re.I)
_HAS_NUMBER = re.compile(rf"\d|\b({_NUMBER_WORDS})\b", re.I)
# The calendar's names, lower case: a date's month or weekday, never a place or a person.
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = "|".join([*(m.capitalize() for m in MONTH_NAMES),
                    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"])
# A sentence that gives a reason or a cause in its own words: a conjunction or phrase of
# cause or purpose ("because", "since" and "after" not of a time, "so that", "which means",
# "blamed on"),
# ", so" / "; so" joining a consequence, "as" opening a clause of cause ("as none of them ...",
# ", as it ..."), a clause set after a colon or semicolon once the topic is stated ("A roof is a
# harsh spot, though: it is exposed to ...", not a speaker's "Brandvold: ..." nor a clock's
# "10:30"), a warning of what follows otherwise ("or it will turn bitter"), or a passive deed
# and its purpose ("was ploughed in May to bury ...").
REASON = "reason"  # the kind of answer "Why ...?" asks: a sentence giving a reason (REASON_FORM)
# ``CAUSE_LINK``: the forms that tie an outcome to its cause in so many words, all of
# ``REASON_FORM`` but the clause after a colon (which may as well define what it follows: "its
# coefficient of performance, or COP: the units of heat delivered for every unit used").
_CAUSE = (
    r"(?:^|[,;(]\s*)since\s+(?!\d|then\b|last\b|early\b|late\b|\w+ing\b|(?:"
    + "|".join(MONTH_NAMES) + r")\b)"
    r"|\b(?:because|due to|owing to|thanks to|so that|in order to|therefore|hence|reasons?|"
    r"caused|causes|cause|that's why|that is why|which is why|result of|as a result|"
    r"which means|which meant|means that|meaning that|blamed on|otherwise)\b"
    r"|[,;]\s+so\b(?!\s+(?:far|much|many|long)\b)"
    # "after" of a cause, not of a time: "closed after a storm", "after inspectors found ..."
    r"|\bafter\s+(?!\d|\w+ing\b|(?:then|that|this|about|around|nearly|almost|only|just|"
    r"dark|dusk|dawn|midnight|noon|lunch|dinner|breakfast|school|work|" + "|".join(MONTH_NAMES)
    + r")\b|(?:a|an|the|its|their|his|her|our|my|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|several|a few)\s+(?:\w+\s+)?(?:seconds?|minutes?|hours?|days?|nights?|weeks?|"
    r"months?|years?|decades?|seasons?|while)\b)\w+\s+\w+"
    r"|(?:,\s+|\b(?!(?:as|so|such|far|long|soon|much|well|just|twice|same)\b)\w+\s+)"
    r"as\s+(?:none|nobody|no one|nothing|it|they|he|she|we|I|you|there|its|their|his|her|our)"
    r"\s+(?!well\b|if\b|though\b)\w+"
    r"|\bor\s+(?:else\s+)?(?:it|they|you|the\s+\w+)\s+(?:will|would|can|could|may|might)\b"
    # a word that ties an outcome to its cause ("may reflect a ceiling set by the rotation",
    # "which accounts for the gap", "stems from", "is down to")
    r"|\b(?:reflects?|reflected|accounts?\s+for|accounted\s+for|stems?\s+from|stemmed\s+from|"
    r"(?:is|was|are|were|comes?|came)\s+down\s+to)\b(?!\s+(?:on|upon)\b)"
    # a consequence told as what would follow ("If one disease arrives, we could lose a
    # quarter of the trees")
    r"|^\W*(?:if|once|unless)\s+[^,;:.]{3,80},\s+(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?:could|would|will|might|may|can)(?:n['\u2019]t)?\s+\w+"
    # (a way that leads to a named place tells no cause: "a causeway leads to Little Holm")
    r"|\b(?:led|leads)\s+to\b(?!\s+(?-i:[A-Z]))"
    # what money raised goes on: "The increase covers our insurance premium", "the extra will
    # pay for a new boiler", "raised to cover the rising rent"
    r"|\b(?:increases?|rises?|hikes?|extra|surcharges?|money|fees?|levy|charges?|funds?|grants?|"
    r"donations?|proceeds)\s+(?:will\s+|would\s+|should\s+|(?:is|are)\s+to\s+)?(?:covers?|"
    r"pays?\s+for|goes?\s+towards?)\b"
    r"|\bto\s+(?:cover|pay\s+for|meet)\s+(?:the|our|their|its|his|her|rising|higher|extra)\s+"
    r"(?:\w+\s+)?(?:costs?|bills?|premiums?|rents?|fees?|prices?|wages|repairs?|losses|deficit)\b"
    # two degrees tied together: "The bigger the gap ..., the harder the pump has to work"
    r"|^\W*the\s+(?:more|less|fewer|\w+er)\b[^,;.]{3,100}[,;]\s+the\s+(?:more|less|fewer|\w+er)\b"
    r"|\b(?:is|are|was|were|been|be|being)\s+\w+ed\b"
    r"(?:\s+(?!by\b|who\b|whom\b|that\b|which\b)[\w,]+){1,6}?\s+to\s+"
    r"(?!the\b|a\b|an\b|be\b|\d)[a-z]+")
CAUSE_LINK = re.compile(_CAUSE, re.I)
REASON_FORM = re.compile(
    _CAUSE +
    # (not figures set out after it: "44 taxa in all; ploughed fields held 19", "Some did
    # better: deaths fell by two thirds" tell more results, not a reason)
    r"|^(?:\S+\s+){3,}\S*\w[:;]\s+(?=(?-i:[a-z]))"
    r"(?![^!?]*(?:\d|\b(?:percent|per\s+cent|half|thirds?|quarters?|fifths?|tenths?)\b))",
    re.I)
# A sentence that tells a measured outcome: a share ("fell by 31 percent", "two thirds"), a
# ratio ("3.1 times as many"), or a change by, from or to a number ("had fallen from 7.1 to
# 3.2", "rose by a third"). After a sentence restating what a "why" question asks about, one
# like it is another result, not the reason for the first.
RESULT = "result"
RESULT_FORM = re.compile(
    r"\d\s*%|\b(?:percent|per cent)\b|\b(?:a|one|two|three)[\s-](?:third|quarter|fifth|tenth)s?\b"
    rf"|\b{_NUM}\s+times\s+(?:as|more|less|fewer|higher|lower|greater|bigger|smaller)\b"
    r"|\b(?:fell|fallen|falls|rose|risen|rises|dropped|drops|climbed|grew|grown|shrank|shrunk|"
    r"increased|decreased|declined|jumped|slumped|doubled|halved|tripled)\s+"
    rf"(?:by|from|to)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|roughly\s+|more\s+than\s+|"
    rf"less\s+than\s+|over\s+|under\s+)?(?:{_NUM}|a\s+(?:third|quarter|half|fifth|tenth)|half)"
    # a part of a whole: "fewer than half of nights", "in only two of the 12 fields"
    r"|\b(?:more|fewer|less)\s+than\s+(?:half|a\s+third|a\s+quarter|two\s+thirds)\b"
    rf"|\b(?:only|just)\s+{_NUM}\s+(?:out\s+)?of\s+(?:the|all|its|their)\s+{_NUM}",
    re.I)
# A sentence that only sets up what the next one tells: it asks a question ("So does it
# work?"), ends on a colon ("Here is what I do:"), or reports what others ask, wonder or claim
# before the writer gives their own word ("People sometimes ask me to ...", "Some growers
# swear by ...", "I'm often asked whether ...", "The question is ...", "You may wonder ...").
_OTHERS = (r"(?:people|folks|everyone|everybody|others|someone|somebody|readers|customers|"
           r"clients|listeners|viewers|parents|visitors|users|(?:some|many|most|other)(?:\s+\w+)?)")
# A sentence that only announces what the next one tells: a part, finding, reason or worry
# named and left for later ("The worrying part is what happens next.", "The reason is simple.",
# "The survey results are, to me, the most interesting part.", "Here is what they found.").
_ANNOUNCED = (r"(?:part|bit|thing|news|twist|catch|problem|question|puzzle|reason|answer|"
              r"explanation|finding|findings|result|results|worry|concern|surprise|lesson|point)")
LEAD_IN = re.compile(
    r"^(?:but\s+|and\s+|so\s+|now\s+)?(?:the|this|that|my|our|one)\s+(?:\w+\s+){0,2}?"
    + _ANNOUNCED + r"\s+(?:is|are|was|were)\s+(?:(?:quite|very|pretty|fairly)\s+)?"
    r"(?:(?:simple|simply\s+this|this|easy|straightforward|obvious|clear|twofold)"
    r"|(?:what|how|where|why|when|whether)\b[^.;:!?]{0,60})[.!]?[\"'\u201d)]*\s*$"
    r"|^[^.;:!?]{0,60}\b(?:is|are|was|were)(?:\s*,[^,]{1,20},)?\s+(?:(?:perhaps|probably|"
    r"arguably|easily)\s+)?the\s+(?:(?:most|least)\s+)?\w+\s+" + _ANNOUNCED
    + r"(?:\s+of\s+(?:all|it))?[.!]?[\"'\u201d)]*\s*$"
    r"|^here(?:'s|\u2019s|\s+is|\s+are)\s+(?:what|why|how|the\s+\w+)\b[^.;:!?]{0,40}[.!]?"
    r"[\"'\u201d)]*\s*$",
    re.I)
SETS_UP = re.compile(
    LEAD_IN.pattern + "|"
    r"[?:][\"'\u201d)]*\s*$"
    r"|^(?:[^,.:]{0,30}[,:]\s+)?(?:" + _OTHERS + r")\s+(?:\w+\s+){0,2}?"
    r"(?:ask|asks|asked|wonder|wonders|wondered|swear|swears|claim|claims|insist|insists)\b"
    r"|^(?:[^,.:]{0,30}[,:]\s+)?I(?:'m|\s+am|\s+get|\s+was|\s+have\s+been|'ve\s+been)\s+"
    r"(?:\w+\s+)?asked\b"
    r"|^(?:[^,.:]{0,30}[,:]\s+)?(?:the|a|one)\s+(?:\w+\s+)?question\s+(?:is|was)\b"
    r"|^(?:[^,.:]{0,30}[,:]\s+)?you\s+(?:may|might|could)\s+(?:well\s+)?(?:wonder|ask)\b",
    re.I)
# Words that may stand where an order's verb would, before "the", "a", "it", ..., but tell no
# order: ``TELLS_STEPS`` takes a sentence opening with any other such word as an order ("Trial
# it for a month", "Put a layer of fresh mix in the pot", "Call us and we will confirm").
_NOT_ORDERS = (
    r"the|a|an|i|we|you|he|she|it|they|my|our|your|his|her|its|their|me|us|them|one|"
    r"is|was|are|were|do|does|did|has|have|had|will|would|can|could|should|may|might|must|shall|"
    r"of|in|on|at|for|with|from|to|by|about|into|onto|over|under|after|before|since|until|till|"
    r"while|when|where|if|as|but|and|or|nor|so|yet|then|now|here|there|even|only|just|also|"
    r"still|once|all|both|each|every|some|any|no|not|like|unlike|near|through|across|without|"
    r"within|against|among|between|behind|beyond|during|despite|along|around|above|below|"
    r"inside|outside|toward|towards|upon|via|per|than|that|this|these|those|what|which|who|"
    r"whom|whose|why|how|whether|although|though|because|unless|thank|thanks|meet|see|say|"
    r"welcome|hello|dear|yes|yesterday|today|tomorrow|tonight|last|next|first|finally|"
    r"well|oh|sadly|luckily|happily|however|instead|meanwhile|besides|perhaps|maybe|" +
    "|".join(MONTH_NAMES + WEEKDAY_NAMES))
# An order's verb and what follows it: a word not ending as a plural, a past, an "-ing" or an
# adverb does, followed by its object or a particle ("take out one more link", "ease the
# plant out", "pedal backwards slowly", "re-tighten them").
_ORDER = (r"(?!(?:" + _NOT_ORDERS + r")\b)[a-z]{2,}(?:-[a-z]{2,})?(?<![^s]s)(?<!ed)(?<!ing)(?<!ly)\s+"
          r"(?:the|a|an|it|them|your|yourself|us|me|him|her|this|these|those|each|every|some|"
          r"any|all|one|two|three|four|five|six|seven|eight|nine|ten|both|up|off|out|down|back|"
          r"away|around|over|\w+ly|\w+wards|\d)")
# A sentence that tells what to do: an order, alone or after a number, a word of sequence, a
# manner ("Gently ease ...", "Do not ..."), a condition ("If you are left with an outer end,
# take out one more link") or a semicolon ("This is harmless; run your cold tap until it
# clears"); or what "you" do in turn ("You sign up, we give you a bag, and you fill it once a
# week").
TELLS_STEPS = re.compile(
    r"(?:^\W*(?:\d{1,2}[.)]\s+)?(?:(?:first|then|next|finally|after\s+that|now|and|so|just|"
    r"simply|always|never|also|do\s+not|don['\u2019]t|\w+ly),?\s+){0,2}"
    r"|^\W*(?:if|when|once|before|after|while|until|as\s+soon\s+as|for|in|with|on|at)\b"
    r"[^,;.]{3,80}[,;]\s+"
    r"|;\s+)" + _ORDER +
    r"|^\W*(?:(?:first|then|next|finally|after\s+that|now),?\s+)?you\s+(?!(?:are|were|re|know|"
    r"see|think|say|said|feel|seem|mean|get\s+what|wonder|ask|might|may|could|would)\b)"
    r"[a-z']+\b[^.;!?]*[,;]\s+(?:and\s+|then\s+)?(?:you|we|they)\b",
    re.I)
# Words ending in "-est" that are no superlative ("interest", "harvest", "suggest").
NOT_SUPERLATIVE = frozenset(
    """interest interests test tests rest request west forest honest harvest modest earnest
    suggest protest chest nest guest quest pest vest invest digest arrest manifest contest
    attest detest conquest behest bequest crest zest jest lest unrest priest tempest inquest
    ingest infest divest wrest southwest northwest midwest latest""".split())
# A sentence that ranks what it speaks of, the kind of answer "Which ... was hit hardest?"
# and "Which moth was seen more than any other?" ask for: a superlative after a determiner
# ("the most frequent visitor", "its biggest", "the worst"), "best" or "worst" on their own
# ("fared worst"), "most" or "least" ending a clause ("gained the most", "suffered least"), or a
# comparison that is not a count ("far more than narrow trees", "more often than the rest", not
# "more than 40 people").
RANKS = "ranks"
_SUPERLATIVE_AFTER = re.compile(
    r"\b(?:the|its|their|our|his|her|your|my|by\s+far\s+the)\s+(?:\w+\s+)?(\w{2,}est|most|least|"
    r"fewest|best|worst)\b", re.I)
RANKING_FORM = re.compile(
    r"\b(?:best|worst|fewest)\b"
    r"|\b(?:most|least)\s*(?:[,.;:!?)]|$|of all\b)"
    r"|\b(?:more|less|fewer|better|worse)(?:\s+[a-z]+)?\s+than\s+(?:any|all|the\s+rest|others?\b|(?!\d|a\b|an\b|"
    r"one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|half\b|double\b|"
    r"twice\b|a\s+third\b|a\s+quarter\b|a\s+hundred\b|a\s+thousand\b|hundreds\b|thousands\b|"
    r"dozens?\b|[\d.,]+)[a-z])", re.I)


def ranks(text: str) -> bool:
    """Whether the sentence ranks what it speaks of (``RANKING_FORM``, or a superlative after a
    determiner that is not an "-est" word of another kind: "the latest figures" rank nothing)."""
    if RANKING_FORM.search(text):
        return True
    return any(m.group(1).lower() not in NOT_SUPERLATIVE for m in _SUPERLATIVE_AFTER.finditer(text))


# A question asking which one stands out: a superlative ("hit hardest", "the best job"), or
# "more than any other".
_RANK_ASKED = re.compile(r"\b(?:most|least|best|worst|fewest|(?:more|less)\s+than\s+any|(\w{2,}est))\b",
                         re.I)


def asks_to_rank(question: str) -> bool:
    """Whether the question asks which one ranks first ("Which species was hit hardest?")."""
    return any(m.group(1) is None or m.group(1).lower() not in NOT_SUPERLATIVE
               for m in _RANK_ASKED.finditer(question))


# "What difference did the cooler water make?", "What effect does salt have on ...?", "What
# impact has it had?": the outcome of something asked, told by a measured change.
_EFFECT_ASKED = re.compile(
    r"\bwhat\s+(?:\w+\s+)?(?:difference|effects?|impact)\s+(?:did|does|do|has|have|had|would|will|"
    r"could|can|might)\b", re.I)


def asks_effect(question: str) -> bool:
    """Whether the question asks what difference something made ("What effect did ... have?")."""
    return _EFFECT_ASKED.search(question) is not None


_TIME_UNITS = (r"seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?|months?|"
               r"years?|decades?|centuries|century|seasons?|winters?|summers?|springs?|autumns?|"
               r"semesters?|terms?|mornings?|evenings?|afternoons?")
_QUANTIFIER = (rf"\d[\d,.]*|{_NUMBER_WORDS}|a|an|the|few|several|couple of|first|last|next|"
               r"previous|following|coming|past|early|late|same|each|every|that|this|one")
_HAS_TIME = re.compile(
    rf"\b(1[5-9]\d\d|20\d\d)s?\b|\b({_MONTHS})\b\.?"
    rf"|\b({'|'.join(d.capitalize() for d in WEEKDAY_NAMES)}|today|tonight|yesterday|"
    r"tomorrow|overnight|nightly|daily|weekly|fortnightly|monthly|yearly|annually|ago|"
    r"nowadays|recently)\b"
    r"|\b(spring|summer|autumn|winter|midnight|noon|dawn|dusk|christmas|easter)\b"
    rf"|\b({_QUANTIFIER})[\s-]+(?:\w+[\s-]+)?({_TIME_UNITS})\b"
    r"|\b(at night|in the (morning|evening|afternoon|night))\b"
    # a clock time, not a price, a decimal or a DOI's digits ("£12.50", "10.1152/...")
    r"|(?<![$\u00a3\u20ac\d.,])\b\d{1,2}[:.]\d{2}(?![\d%])(?!\s*(?:per ?cent|percent)\b)"
    r"\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?",
    re.I)
# People named or described: a title and a name, two capitalised words, an interview's
# speaker ("FERREIRA: ..."), or a word for a person by role or relation.
_PERSON_NOUNS = (
    r"man|woman|men|women|person|people|son|sons|daughter|daughters|wife|husband|widow|widower|"
    r"mother|father|brother|sister|grandmother|grandfather|family|friend|friends|neighbour|"
    r"neighbor|colleague|colleagues|team|researcher|researchers|scientist|scientists|author|"
    r"authors|doctor|doctors|nurse|nurses|professor|student|students|volunteers?|participants?|"
    r"patients?|manager|owner|engineer|keeper|keepers|councillor|councillors|officials?|"
    r"spokesperson|spokeswoman|spokesman|director|chair|president|minister|mayor|staff|crew|"
    r"reader|readers|writer|journalist|reporter|editor|expert|experts|lead|leader|founder|"
    r"customer|customers|employees?|workers?|farmer|teacher|pupil|curator|historian|captain|"
    r"skipper|descendants?|ancestor|child|children|baby|babies|volunteer|advocate|resident|"
    r"residents|coach|player|players|artist|designer|developer|developers|users?"
)
_SURNAME = r"[A-Z][a-z\u00c0-\u017f]+(?:[-'\u2019][A-Z][a-z\u00c0-\u017f]+)?"
_SPEECH = (r"said|says|told|added|explained|admitted|recalled|wrote|asked|argued|noted|insisted|"
           r"warned|agreed|replied|conceded|laughed|joked|cautioned|suggested")
# Right after "said " or "according to " (the match starts at the name).
_AFTER_SPEECH = "(?:" + "|".join(f"(?<=\\b{v} )" for v in (*_SPEECH.split("|"), "according to",
                                                            "According to")) + ")"
# Capitalised words before "said" that name no one: "He said", "Officials said", "Police said".
_NAMES_NO_ONE = (r"(?:He|She|They|It|We|I|You|This|That|These|Those|Officials|Police|Critics|"
                r"Researchers|Scientists|Experts|Residents|Others|Some|Many|Most|Everyone|"
                r"Nobody|Somebody|Someone|Reports|Studies|Sources|Organisers|Organizers)")
# A person's title before the name: "Dr. Colaianni", "Councillor Peter Langridge".
PERSON_TITLES = r"(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame|Councillor|Councilor|Senator|Captain|Rev)"
_PERSON = re.compile(
    rf"\b{PERSON_TITLES}\.?\s+"
    # two capitalised words, the second no roman numeral: "Grade II", "Phase III" and "Type II"
    # are a thing's rank (a monarch's number follows a title or a name: "King Henry VIII")
    # (a day of the week opens no name: "On Tuesday Ben Odell ...")
    r"[A-Z]|(?<=[\s(\"'\u201c])(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)"
    r"[A-Z][\w'\-\u00c0-\u017f]+\s+(?:[A-Z]\.\s+)?(?![IVX]+\b)"
    r"[A-Z][\w'\-\u00c0-\u017f]+"
    r"|^[A-Z][a-z\u00c0-\u017f]+ [A-Z][a-z\u00c0-\u017f]+(?=,| said| says| told| wrote| who)"
    r"|^[A-Z]{2,}[A-Z .'\-]*:\s"
    # a quote's speaker by surname alone, as news names people after the first mention:
    # '"Nothing dramatic happens," Brenner-Haas said.', "said Kewley", "according to Pellegrin"
    rf"|(?:(?<=[\s\"'\u201c\u201d,])|^)(?!{_NAMES_NO_ONE}\b){_SURNAME}(?=\s+{_SPEECH}\b)"
    rf"|{_AFTER_SPEECH}(?!{_NAMES_NO_ONE}\b){_SURNAME}"
    # a person by their handle, as forums, changelogs and social posts name people:
    # "(#212, @oyelaran)", "thanks to @mira_k" (never an e-mail address's "@")
    r"|(?<![\w@.])@[A-Za-z0-9_][\w.-]{1,38}(?<![.-])")
# Capitalised pairs that name places and bodies, not people ("Maritime Museum").
_NOT_PERSON = re.compile(
    r"\b(Museum|University|Institute|Institution|College|School|Hospital|Centre|Center|Press|"
    r"Society|Council|Journal|Review|Point|Bay|Street|Road|Avenue|Park|Bridge|River|Lake|"
    r"Island|Islands|Trench|Sea|Ocean|Station|Company|Ltd|Inc|Group|Foundation|Trust|Agency|"
    r"Department|Ministry|Association|Club|Coalition|Garden|Gardens|Church|Hall|Library|"
    r"Laboratory|Lab|Office|Service|Services|Court|House|Square|Lane|Way|Orchestra|Choir|Chorus|"
    r"Ensemble|Partnership|Committee|Board|Authority|Commission|Federation|Alliance|Academy|"
    r"Crematorium|Cemetery|Cathedral|Chapel|Abbey|Theatre|Theater|Exchange|Market|Festival|"
    # a day of the week is no one: "On Saturday", "Last Tuesday"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_PERSON_WORD = re.compile(rf"\b({_PERSON_NOUNS})\b", re.I)
# fullmatch a word: a word for people, and the words a count of people is given in ("1,146
# spectators", "640 volunteers", "Seventy mourners"), everyday English
_COUNTED_PEOPLE = (
    r"persons|adults|staff|members|respondents|individuals|spectators|attendees|visitors|fans|"
    r"supporters|guests|delegates|passengers|commuters|riders|runners|walkers|cyclists|drivers|"
    r"voters|shoppers|tenants|householders|homeowners|parents|locals|teenagers|teens|youngsters|"
    r"kids|boys|girls|pupils|recruits|entrants|competitors|contestants|applicants|signatories|"
    r"subscribers|listeners|viewers|trainees|apprentices|pensioners|retirees|singers|musicians|"
    r"performers|dancers|athletes|helpers|donors|campaigners|protesters|demonstrators|citizens|"
    r"villagers|inhabitants|mourners|worshippers|diners|clients|consumers|owners|farmers|"
    r"teachers|officers|soldiers|survivors|victims")
PERSON_NOUN = re.compile(rf"{_PERSON_NOUNS}|{_COUNTED_PEOPLE}", re.I)
# A number of people told as such: a number, at most three words, then a word for people ("112
# healthy adults", "1,146 spectators", "40 of the participants", "112 deck, engine-room and
# catering staff", "Seventeen of us"); not a price, a year, a date or a clock time ("£5
# adults", "in 2019 members", "on 4 March members", "the 07:52"), nor a number of something per
# person ("one loaf per customer"), nor one of a list that goes on to people ("one road, and
# visitors").
_PEOPLE_COUNT = re.compile(
    rf"(?<![\w:.,\u00a3$\u20ac-])(?!(?:1[5-9]|20)\d\d\b){_NUM}\s+"
    rf"(?:(?!(?:per|each|every|a|an|for|in|on|at|to|by|from|and|or|{_CARDINAL_WORDS})\b)(?!\d)"
    rf"[\w-]+(?:,\s+|\s+(?:and|or)\s+|\s+)){{0,3}}(?:{_PERSON_NOUNS}|{_COUNTED_PEOPLE})\b"
    rf"|{_COUNT_OF_US.pattern}", re.I)

# A number of people told by a word for how many came or belong: "a population of about 1,140",
# "attendance was 120", "membership now stands at 45" (not a share: "turnout of 40 percent").
_PEOPLE_TOTAL = re.compile(
    r"\b(?:population|attendance|turnout|audience|membership|headcount|enrol?ment|workforce|"
    rf"congregation)s?\s+(?:[\w-]+\s+){{0,3}}?(?<![\u00a3$\u20ac])(?!(?:1[5-9]|20)\d\d\b){_NUM}\b"
    r"(?!\s*(?:%|percent|per cent))",
    re.I)


@lru_cache(maxsize=8192)
def counts_people(text: str) -> bool:
    """Whether the sentence tells a number of people in so many words (``_PEOPLE_COUNT``,
    ``_PEOPLE_TOTAL``)."""
    text = _NOT_A_COUNT.sub(_uncounted, text)
    return _PEOPLE_COUNT.search(text) is not None or _PEOPLE_TOTAL.search(text) is not None


# A list of three counts or more, each of its own thing: "12 blackcaps, 4 robins and 3 wrens"
# (whose total a question may ask by a word for all of them: "How many birds ...?").
_COUNT_ITEM = rf"(?<![\w£$€.,-]){_NUM}\s+(?!(?:and|or)\b)[a-z][\w-]*"
_COUNT_LIST = re.compile(rf"{_COUNT_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_COUNT_ITEM}){{2,}}", re.I)


def lists_counts(text: str) -> bool:
    """The sentence counts three things or more in a list ("12 blackcaps, 4 robins and 3
    wrens")."""
    return _COUNT_LIST.search(_NOT_A_COUNT.sub(_uncounted, text)) is not None


# A count given as the size of a group, the number with no noun of its own: "a group of 14 from
# the club came", "a party of six", "a crowd of about 2,000.", "a total of 40 were ringed": it
# counts the group's members, whatever the question calls them.
_GROUPS = r"group|party|crowd|team|flock|herd|pack|band|squad|gathering|delegation|total"
_GROUP_COUNT = re.compile(
    rf"\b(?:a|an|the)\s+(?:small\s+|large\s+|big\s+)?(?:{_GROUPS})\s+of\s+"
    rf"(?:about\s+|around\s+|some\s+|over\s+|nearly\s+|almost\s+|more\s+than\s+|just\s+)?{_NUM}"
    r"(?=\s*(?:[,.;:!?)\u2014-]|$)|\s+(?:from|of|who|that|which|and|or|in|at|on|with|to|for|by|"
    r"was|were|had|have|has|came|went|turned|joined|took|set|gathered|arrived|visited)\b)", re.I)


def counts_group(text: str) -> bool:
    """The sentence gives a count as a group's size, the number with no noun after it ("A
    group of 14 from the club came round"): a count of its members, whatever they are called."""
    return _GROUP_COUNT.search(text) is not None


_NUMBER_TOKEN_AT = re.compile(rf"\d[\d,.]*|\b(?:{_NUMBER_WORDS})\b", re.I)


def counts_only_shares(text: str) -> bool:
    """Every count of the sentence is a share's ("about one in eight of all the moths", "40
    percent of visitors"), and there is one: it tells a part, never a total."""
    text = _NOT_A_COUNT.sub(_uncounted, text)
    near = np.zeros(len(text) + 2, dtype=bool)  # per character: in a share, or next to one
    for m in _MEASURE_UNITS["share"].finditer(text):
        near[max(0, m.start() - 1) : m.end() + 2] = True
    if not any(near):
        return False
    return all(_YEAR.fullmatch(m.group()) or near[m.start()] or near[m.end()]
               for m in _NUMBER_TOKEN_AT.finditer(text))


# How many times something happened: "four times", "twice", "on three occasions", "never",
# "not once", "for the third time", "my 12th marathon"; or the years it happened in ("in 1998,
# 2004 and 2011").
_TIMES_TOLD = re.compile(
    r"\b(?:times?|once|twice|thrice|occasions?|never)\b"
    r"|\b\d+(?:st|nd|rd|th)\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|eleventh|twelfth|twentieth|hundredth)\b"
    r"|\b(?:1[5-9]\d\d|20\d\d)\b[^.;]{0,40}\b(?:1[5-9]\d\d|20\d\d)\b", re.I)


def tells_times(text: str) -> bool:
    """The sentence tells how many times something happened (``_TIMES_TOLD``)."""
    return _TIMES_TOLD.search(text) is not None


# A name in capitals, "of" or "the" inside it: "the Symphony Orchestra", "Bank of England".
_CAPITAL_RUN = re.compile(r"[A-Z][\w'\-\u00c0-\u017f]*(?:\s+(?:(?:of|the)\s+)*[A-Z][\w'\-\u00c0-\u017f]*)*")
# What joins two names of a list: "A and the B", "A, B", "A, and B", "A or B".
_LIST_GLUE = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or|&)\s+)(?:the\s+)?")
# Words that give each name of a list a count of its own: "30 players each", "... respectively".
_EACH = re.compile(r"\b(?:each|respectively|apiece|per|every)\b", re.I)


def counts_whole_of(text: str, asked: frozenset[str], counted: frozenset[str]) -> bool:
    """The sentence counts the thing (``counted``: its stems) of a list of named holders of
    which the one asked (``asked``: the question's capitalised words, lower case) is only one:
    "74 players across our two ensembles, the Symphony Orchestra and the Training Strings"
    counts both ensembles' players, not those of the Training Strings. The count stands
    before the list, and no number inside it nor a word giving each its own ("each",
    "respectively")."""
    if not asked or not counted or _EACH.search(text):
        return False
    runs = list(_CAPITAL_RUN.finditer(text))
    chains: list[list[re.Match[str]]] = []
    for k, run in enumerate(runs):
        if k and _LIST_GLUE.fullmatch(text, runs[k - 1].end(), run.start()):
            chains[-1].append(run)
        else:
            chains.append([run])
    for chain in chains:
        named = [set(words(r.group())) - STOPWORDS for r in chain]
        if len(chain) < 2 or all(n & asked for n in named) or not any(n & asked for n in named):
            continue
        start, end = chain[0].start(), chain[-1].end()
        if re.search(r"\d", text[start:end]) or set(words(text[start:end])) & _NUMBER_WORD_SET:
            continue
        ws = words(text[:start])
        if any((any(c.isdigit() for c in w) or w in _NUMBER_WORD_SET)
               and any(stem(x) in counted for x in ws[i + 1 : i + 4])
               for i, w in enumerate(ws)):
            return True
    return False


# A list of places or kinds in lower case after a preposition, up to the clause's end: "from
# gardens, allotments, railway embankments and two cemeteries".
_WHERE_LIST = re.compile(r"\b(?:from|in|at|on|across|along|around|among|throughout|between)\s+"
                         r"(?P<items>[^.;:!?()\[\]\u2013\u2014]+)")
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")


def counts_whole_of_list(text: str, asked: frozenset[str], counted: frozenset[str]) -> bool:
    """The sentence counts the thing (``counted``: its stems) over a list of three places or
    kinds or more, in lower case, of which one is the one asked (``asked``: the stems of the
    question's other words) and the others are not: "412 fox droppings from parks, gardens
    and two churchyards" counts the droppings of all of them, not those of the churchyards.
    The count stands just before the list, and the thing counted is not counted again in it."""
    if not asked or not counted or _EACH.search(text):
        return False
    text = _PARENTHESIS.sub("", text)
    for m in _WHERE_LIST.finditer(text):
        items = [words(x) for x in _ITEM_SPLIT.split(m["items"].strip())]
        if len(items) < 3 or any(not x or len(x) > 4 for x in items):
            continue
        hits = [bool({stem(w) for w in x} & asked) for x in items]
        if not any(hits) or all(hits) or any(stem(w) in counted for x in items for w in x):
            continue
        ws = words(text[: m.start()])[-4:]
        if any((any(c.isdigit() for c in w) or w in _NUMBER_WORD_SET)
               and any(stem(x) in counted for x in ws[i + 1 :]) for i, w in enumerate(ws)):
            return True
    return False


# A bound each of several holders keeps to, not a count: "41 firms, none with more than 50
# staff", "twelve farms, each with at least 200 cows".
_EACH_BOUND = re.compile(
    r"\b(?:none|each|every one|all|most|some|many|few)\s+(?:of them\s+)?"
    r"(?:with|having|has|have|had|employing|employs|holding|holds)\s+"
    r"(?:more than|fewer than|less than|over|under|up to|at most|at least|no more than|"
    rf"no fewer than|no less than|not more than)\s+{_NUM}\s+(?P<noun>[\w-]+)", re.I)


def bounds_each_only(text: str, counted: frozenset[str]) -> bool:
    """The thing counted (``counted``: its stems) is named in the sentence only in a bound each
    of several holders keeps to ("41 firms, none with more than 50 employees"), which counts
    none of it: no number of it in all."""
    bounds = list(_EACH_BOUND.finditer(text))
    if not counted or not any(stem(m["noun"].lower()) in counted for m in bounds):
        return False
    inside = [(m.start(), m.end()) for m in bounds]
    return not any(stem(w.group().lower()) in counted and not any(a <= w.start() < b for a, b in inside)
                   for w in re.finditer(r"[\w-]+", text))


# A share that says or does something is a share of people: "23 percent said ...", "half
# agreed", "a third named the cost".
_SHARE_SAID = re.compile(
    r"(?:\d\s*%|\b(?:percent|per cent|half|a third|a quarter|most|a majority|a minority))\s+"
    r"(?:of them\s+|of those\s+)?(?:said|say|says|named|agreed|disagreed|reported|chose|wanted|"
    r"thought|felt|preferred|voted|answered|told|admitted)\b", re.I)
# A proper noun past the sentence's first word: a place, an institution, a journal.
_PROPER = re.compile(r"(?<=[\s(,\"'\u201c])[A-Z][\w'\-\u00c0-\u017f]+")
_AUTHORS_LIST = re.compile(r"^(?:[A-Z][\w'\-]+ [A-Z]{1,3}, )*[A-Z][\w'\-]+ [A-Z]{1,3}[.,]"
                           r"|^[A-Z][\w'\-]+, (?:[A-Z]\.\s?)+")


_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)s?\b")
_INSTITUTION = (r"University|Institute|Institution|College|School|Hospital|Centre|Center|"
                r"Laboratory|Lab|Museum|Society|Council|Foundation|Agency|Department|Ministry|"
                r"Clinic|Academy|Trust|Company|Bakery|Press")
# "published by Dr. X", "a study by X and Y": the agent of a deed, named.
_AGENT = re.compile(rf"\bby:?\s+(?:{PERSON_TITLES}\.?\s+)?[A-Z][\w'\-\u00c0-\u017f]+")
# "Dr. X (University of Bari, Italy)", "X, of the Y Institute", "X at Y University", "X, a
# zooarchaeologist at the University of Y" (a role between the name and the institution).
_AFFILIATION = re.compile(
    rf"[A-Z][\w'\-\u00c0-\u017f]+\s*(?:\(|,\s*(?:of|from|at)\s|\s(?:of|from|at)\s"
    rf"|,\s+(?:an?|the)\s+(?:[\w'\-]+\s+){{1,3}}?(?:at|of|from|with)\s)"
    rf"(?:the\s+)?(?:[A-Z][\w'\-\u00c0-\u017f]+\s+)*(?:{_INSTITUTION})\b")
# What a sentence names (``names_by_sentence``): a capitalised word where a word starts, at
# the sentence's start or past a space, a bracket, a quote or a comma.
_CAPITAL_WORD = re.compile(r"(?:(?<=[\s(\"'\u201c\u2018,])|^)[A-Z][\w'\-\u00c0-\u017f]+")
_NUMBER_NAMED = re.compile(r"\b\d[\d,.]*\b")
# A word written in lower case where a word starts.
_LOWER_WORD = re.compile(r"(?<![\w'\-\u00c0-\u017f])[a-z\u00df-\u00ff][\w'\-\u00c0-\u017f]+")
# A speaker's label opening a line of an interview or a transcript ("Brandvold: ...",
# "[04:20] IDRIS FENWICK: ...", "Q: ..."): who speaks, not what the line names.
_SPEAKER_LABEL = re.compile(r"^\W*(?:\[[^\]]{1,12}\]\s*)?(?:[A-Z][\w'\-.\u00c0-\u017f]*\s+){0,3}"
                            r"[A-Z][\w'\-.\u00c0-\u017f]*:\s")
# The pronoun I ("I've", "I'd"): capitalised, never a name.
_I_FORM = re.compile(r"I(?:['\u2019][a-z]+)?")


def _is_heading(text: str) -> bool:
    """A heading or title in title case ("The Long Life of a Street Tree"), where words are
    capitalised that are no names."""
    if re.search(r"[.!?\"\u201d)]\s*$", text):
        return False  # a sentence ends so; a heading seldom does
    long = [w for w in re.findall(r"[A-Za-z][\w'\-]*", text) if len(w) > 3]
    return len(long) >= 2 and sum(w[0].isupper() for w in long) * 2 > len(long)


def names_by_sentence(texts: Sequence[str]) -> tuple[tuple[frozenset[str], ...],
                                                     tuple[frozenset[str], ...],
                                                     tuple[frozenset[str], ...]]:
    """What each of an article's sentences names, lower-cased, a possessive's "'s" left off as
    ``words`` leaves it: its capitalised words past the first, and its numbers; a speaker's
    label opening it ("Brandvold: ...", who speaks) counts, the pronoun I does not. Apart, for
    each, the name that opens it ("Daubenton's bats fared worst", "Marsh says ..."): a word
    that opens a sentence is written with a capital whatever it is, so it is read as a name
    only when the article capitalises it elsewhere where no word needs one (past a sentence's
    first word, not in a heading) and never writes it in lower case. Third,
    for each, the words of the speaker's label that opens it, lower-cased ("IDRIS FENWICK:
    ...": "idris", "fenwick"): a person, who speaks."""
    spans: list[list[tuple[str, bool]]] = []
    speakers: list[frozenset[str]] = []
    mid: set[str] = set()
    lower: set[str] = set()
    for text in texts:
        label = _SPEAKER_LABEL.match(text)
        skip = label.end() if label else 0
        speakers.append(frozenset(w.lower() for w in _CAPITAL_WORD.findall(label.group()))
                        if label else frozenset())
        found = []
        for m in _CAPITAL_WORD.finditer(text):
            if m.start() < skip or _I_FORM.fullmatch(m.group()):
                continue
            opens = not text[skip:m.start()].strip()
            found.append((re.sub(r"['\u2019]s$", "", m.group().lower()), opens))
        spans.append(found)
        lower.update(_LOWER_WORD.findall(text))
        if not _is_heading(text):
            mid.update(w for w, opens in found if not opens)
    named = tuple(frozenset(w for w, opens in found if not opens) | speaker
                  | frozenset(_NUMBER_NAMED.findall(text))
                  for text, found, speaker in zip(texts, spans, speakers, strict=True))
    opening = tuple(frozenset(w for w, opens in found
                              if opens and w in mid and w not in lower and w not in STOPWORDS)
                    for found in spans)
    return named, opening, tuple(speakers)


def _one_of(names: frozenset[str]) -> str:
    return "(?:" + "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))) + ")"


# Units a length or a weight is stated in: the words a question counts in (``query.UNITS``)
# and the abbreviations only a number makes units ("12 m", "5 g").
_LENGTH_UNIT = _one_of(UNITS["length"] | {"m", "ft"})
_WEIGHT_UNIT = _one_of(UNITS["weight"] | {"g", "mcg", "\u00b5g", "nanograms", "nanogram", "ng"})


def _apart(units: str) -> str:
    """Two things a stretch of ``units`` apart: "eight days apart", "half an hour apart"."""
    return rf"(?:{_NUM}|\ban?|\bhalf an?)\s+(?:[a-z]+\s+)?(?:{units})\s+apart\b"


# Money in words or codes, in any currency: "30 pounds", "520 kr", "CHF 12", "1,200 rupees".
_CURRENCY_CODES = ("usd|eur|gbp|chf|sek|nok|dkk|isk|czk|pln|huf|bgn|rub|uah|jpy|cny|rmb|"
                   "hkd|twd|krw|inr|pkr|idr|thb|vnd|myr|sgd|aud|nzd|mxn|brl|ars|clp|"
                   "zar|ngn|kes|egp|aed|sar|ils")
_CURRENCY = (rf"dollars?|pounds?|euros?|cents?|pence|yen|yuan|renminbi|rupees?|rupiah|francs?|"
             rf"kron(?:a|e|er|or)|koruna|kc|k\u010d|z\u0142oty|zlotys?|z\u0142|forint|lira|lire|"
             rf"rand|pesos?|reais|dinars?|dirhams?|riyals?|shillings?|baht|ringgit|dong|hryvnias?|"
             rf"roubles?|rubles?|kr|{_CURRENCY_CODES}")
# Measures a sentence states, each bound to a number: "$5 a day", "aged 71", "12 metres".
_MEASURE_UNITS: dict[str, re.Pattern[str]] = {
    "money": re.compile(
        rf"[$\u00a3\u20ac\u00a5\u20b9\u20a9\u20ba\u20bd\u20b4\u20a6\u20b1]\s?\d"
        rf"|\d\s?(?:k|m|bn|million|billion|thousand)?\s*(?:{_CURRENCY}|p|quid|bucks)(?!\w)"
        rf"|\b(?:{_CURRENCY_CODES}|kr|fr|chf)\.?\s?\d"
        rf"|\b{_CARDINAL}\s+(?:{_CURRENCY}|quid|bucks)(?!\w)", re.I),
    "age": re.compile(
        rf"{_NUM}[\s-]*(?:years?|yrs?)[\s-]*old\b|\b(?:aged|age|ages)\s+(?:of\s+)?(?:{_NUM}|between)"
        # a bare number after a copula or "at": "Nell is nine", "My mother is 84", "learning
        # to read at 52" (not "was 3 goals", "at 11am", "at 5 degrees")
        rf"|\b(?:is|was|am|turned|turns|turning|at)\s+(?:only\s+|just\s+|nearly\s+|almost\s+)?"
        rf"(?:\d{{1,3}}|\b{_CARDINAL}(?:-{_CARDINAL})?)\b(?!\.?\d|,\d|\s*(?:%|-[a-z]|"
        r"(?!(?:when|and|but|so|or|now|then|this|last|next)\b)[a-z]))"
        r"|\bin (?:his|her|their) (?:late |early |mid-?)?(?:teens|twenties|thirties|forties|"
        r"fifties|sixties|seventies|eighties|nineties|\d0s)\b|\bat the age of\b"
        # a name and an age, as news prints it: "Ann Roe, 71, said ..."
        r"|(?-i:\b[A-Z][a-z]+,\s\d{1,3},\s)", re.I),
    "length": re.compile(rf"{_NUM}\s*-?\s*{_LENGTH_UNIT}\b", re.I),
    "weight": re.compile(rf"{_NUM}\s*-?\s*{_WEIGHT_UNIT}\b", re.I),
    "share": re.compile(
        r"\d\s*%|\b(?:percent|per cent)\b|\b(?:a|one|two|three)[\s-](?:third|quarter|fifth|tenth)s?\b"
        # "one in eight", "1 in 20", "one in a hundred", "seven out of ten": any number in words
        rf"|\bhalf\b|\b(?:one|\d+) in (?:every\s+|a\s+)?(?:\d+|{_CARDINAL})\b"
        rf"|\b(?:\d[\d,.]*|{_CARDINAL})(?: times)? out of\b"
        r"|\b(?:majority|minority)\b", re.I),
    "temperature": re.compile(r"\u00b0|\bdegrees?\b|\b\d+\s?[CF]\b"
                              r"|(?i:\bminus\s+\d+(?:\.\d+)?\b(?!\s*(?:%|per\b|percent)))"),
    "loudness": re.compile(r"\b\d[\d.,]*\s?(?:dB[A]?|decibels?)\b"),
    # what a thing holds: "a capacity of 4,000", "the 1.7-litre kettle", "a 3,000-seat stand",
    # "holds up to 40 people", "seats 4,000", "a 500Wh battery" (not "1,146 spectators came")
    "capacity": re.compile(rf"\bcapacity\b[^.;]*?\d|{_NUM}[^.;]{{0,30}}?\bcapacity\b"
                           rf"|{_NUM}\s*-?\s*(?:litres?|liters?|l|ml|millilitres?|milliliters?|"
                           r"gallons?|pints?|cubic\s+\w+|seats?|seater|wh|kwh|mah|ah)(?!\w)"
                           rf"|\b(?:holds?|holding|held|fits?)\s+up\s+to\s+{_NUM}"
                           r"|\b(?:seats|seating|sleeps)\s+(?:up\s+to\s+|about\s+|around\s+|some\s+)?"
                           rf"{_NUM}", re.I),
    # a speed: "20mph", "30 km/h", "12 knots", "40 miles an hour"
    "speed": re.compile(rf"{_NUM}\s*-?\s*(?:mph|km/h|kmh|kph|knots?|m/s|(?:miles|kilometres|"
                        r"kilometers|km|metres|meters)\s+(?:an|per|a)\s+(?:hour|second))(?!\w)"
                        r"|\b(?:mph|km/h|kph)\b", re.I),
    # a power: "a 3000 W element", "2.2kW", "1,500 watts", "90 horsepower" (not "kWh", an energy)
    "power": re.compile(rf"{_NUM}\s*-?\s*(?:(?-i:[kMG]?W)|watts?|kilowatts?|megawatts?|"
                        r"gigawatts?|horsepower|(?-i:b?hp))(?![\w/])", re.I),
    # a light's output: "400 lumens", "1,200 lm", "50 lux"
    "light": re.compile(rf"{_NUM}\s*-?\s*(?:lumens?|(?-i:lm)|lux|candelas?|(?-i:cd)|candlepower)\b",
                        re.I),
    # an energy: "240 calories", "180 kcal", "3 kWh", "900 kilojoules"
    "energy": re.compile(rf"{_NUM}\s*-?\s*(?:calories|kilocalories|cals?|kcal|kj|kilojoules?|"
                         r"joules?|[kMG]?wh|kilowatt[- ]hours?|megawatt[- ]hours?)\b", re.I),
    # how many live somewhere: "a population of 8,200", "its 3,000 inhabitants", "home to some
    # 40,000 people", "the population was 912 at the last census"
    "population": re.compile(
        rf"\bpopulations?\b[^.;]*?(?:\d|\b{_CARDINAL}\b)|{_NUM}[^.;]{{0,30}}?\bpopulations?\b"
        rf"|{_NUM}\s+(?:[a-z-]+\s+)?(?:inhabitants|residents|people|souls|villagers|townspeople|"
        r"townsfolk|islanders|citizens|households)\b"
        rf"|\bhome to (?:about |around |some |over |nearly |almost |roughly )?{_NUM}", re.I),
    "frequency": re.compile(
        r"\b(?:once|twice|\w+ times)\s+(?:a|an|per|each|every)\b|\bevery\s+(?:\w+\s+)?(?:day|"
        r"week|month|year|hour|minute|night|morning|evening)s?\b|\b(?:daily|weekly|monthly|"
        r"yearly|annually|hourly|nightly|fortnightly)\b|\b(?:a|per) (?:day|week|month|year)\b"
        # sets of stretches "half an hour apart" say how often
        rf"|{_apart(_TIME_UNITS)}",
        re.I),
    # how far apart two things are, in time or space: "two nights in the lab, eight days apart"
    "interval": re.compile(_apart(rf"{_TIME_UNITS}|{_LENGTH_UNIT}"), re.I),
}
# A picture's credit line: "Photo: Ann Roe", "(Photo: A. Roe)", "(photograph by ...)", "\u00a9 Ann Roe".
_CREDIT = re.compile(
    r"\b(?:photo|photograph|picture|image|illustration|drawing|map|chart|diagram)s?\s*"
    r"(?:by\b|credit|\u00a9|:\s*(?-i:[A-Z](?:[\w'\-]+|\.)(?:\s+[A-Z](?:[\w'\-]+|\.)){0,3})\s*(?:[)\].;/]|$))"
    r"|\u00a9|\bcourtesy of\b|\bcredit:|\b(?:photographed|illustrated|drawn|painted|shot|taken) by\b"
    # "photographed in June 2023 by Leonie Marsh"
    r"|\b(?:photographed|illustrated|drawn|painted|shot|taken)(?:\s+(?!by\b)[\w,'\u2019\-]+){1,5}"
    r"\s+by\s+(?-i:[A-Z])",
    re.I)
_NUMBER_WORD_SET = frozenset(_NUMBER_WORDS.split("|"))
# Numbers written as words that are always a count ("one" is often a pronoun: "one of them").
COUNT_WORDS = frozenset(_CARDINAL_WORDS.split("|")) - {"one"}


# Words that say a length is a height or a depth ("rises to 241 metres", "32 metres tall",
# "in twelve metres of water", "1,200 feet above sea level"), or a breadth ("30 metres wide",
# "a wingspan of 40 cm", "two feet across").
_HEIGHT_WORDS = re.compile(
    r"\b(?:tall\w*|heights?|high\w*|deep\w*|depths?|ris(?:e|es|ing|en)|rose|soar\w*|tower\w*|"
    r"stands|stood|underwater|water|summit|peak|top|tops|topped|elevation|altitude|climb\w*|"
    r"drops?|dropp\w*|sea level|up|down)\b", re.I)
_BREADTH_WORDS = re.compile(r"\b(?:wide|wider|widest|width|broad\w*|breadth|across|span\w*|wingspan|"
                            r"diameter|thick\w*)\b", re.I)
# What makes a length one along the ground, after it: "8 km from the source", "two kilometres
# of sand", "6 km return", "a 23-kilometre stretch", "87 km long", "6 km above the mouth" (not
# "300 m above sea level").
_LEVEL = (r"(?:sea level|ground|the ground|the surface|the sea|the seabed|the water|water|the floor|"
          r"the street)")
_LENGTH_ALONG = re.compile(
    r"^\s*(?:\)\s*)?(?:long|in length|away|from|of(?!\s+(?:[\w-]+\s+)?water)|return|round|"
    r"there and back|along|apart|"
    r"to|inland|offshore|downstream|upstream|north|south|east|west|(?:[\w-]+\s+)?(?:walk|route|"
    r"stretch|loop|path|trail|track|circuit|course|journey|ride|run|section|coast|coastline|beach|"
    r"road|line|leg|hike|swim|race|drive|trip|round trip|radius)s?)\b"
    rf"|^\s*(?:above|below|beyond|past|short of)\b(?!\s+{_LEVEL}\b)", re.I)
_ALONG_WORDS = re.compile(r"\b(?:distances?|lengths?)\b", re.I)


def states_length_in(text: str, dimension: str) -> bool:
    """The sentence states a length that can be of the ``dimension`` asked ("height" or
    "breadth", ``query.dimension_asked``). A height: a length that is no length along the
    ground ("8 km from the source", "two kilometres of sand", "a 6 km walk"), with a word
    for a height near it ("rises to 241 metres", "32 m tall") or none for a distance in the
    sentence ("Distances: North Loop 8 km; ..."). A breadth: only beside a word for one ("30
    metres wide", "a wingspan of 40 cm")."""
    found = list(_MEASURE_UNITS["length"].finditer(text))
    if dimension == "breadth":
        return bool(found) and _BREADTH_WORDS.search(text) is not None
    along = _ALONG_WORDS.search(text) is not None
    for m in found:
        if _HEIGHT_WORDS.search(text[max(0, m.start() - 40) : m.end() + 25]):
            return True  # "rises 241 metres to the summit"
        if not along and not _LENGTH_ALONG.match(text[m.end():]):
            return True
    return False


# A length of time, for ``states_duration_of``: "34 minutes", "three to four hours", "a week",
# "four or five Saturdays", "a 40-minute crossing".
_TAKEN_UNITS = (r"seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|"
                r"months?|years?|decades?|" + "|".join(f"{d}s" for d in WEEKDAY_NAMES))
_TAKEN_COUNT = rf"\d[\d,.]*|{_CARDINAL_WORDS}|a few|a couple of|several|half an|half a|an?"
_TAKEN_SPAN = re.compile(rf"(?<![\w-])(?P<count>{_TAKEN_COUNT})"
                         rf"(?:\s+(?:and a half|or|to)\s+(?:{_TAKEN_COUNT}))?"
                         rf"(?P<joint>[\s-]+)(?:{_TAKEN_UNITS})\b(?P<rest>[^.;!?]{{0,30}})", re.I)
# Words before "a week" that make it a length of time ("for a week", "takes about an hour"),
# not a rate ("five crossings a day").
_TAKEN_LEADS = frozenset("""for in within over after about around nearly almost under than just take
    takes took taking last lasts lasted lasting half only roughly barely is was be are were to least
    most me us him her them you""".split())
# Words after a length of time that make it a difference ("a minute longer") or a point in time
# ("two years ago"), not how long the thing asked takes.
_TAKEN_NOT = frozenset("longer shorter more less extra early earlier late later ago sooner".split())
def states_duration_of(text: str, about: frozenset[str]) -> bool:
    """The sentence states a length of time that can be how long the thing asked takes or
    lasts ("It takes me 34 minutes", "lasted perhaps three to four hours", "a 40-minute
    crossing"); not a rate ("five return crossings a day"), a difference ("takes a minute
    longer"), a point in time ("two years ago"), nor the length of another thing, which a
    length joined to a word the question does not use is ("a 24-hour strike" for "How long
    does the crossing take?"; ``about``: the question's terms)."""
    for m in _TAKEN_SPAN.finditer(text):
        count = m["count"].lower()
        before = words(text[: m.start()])[-1:]
        if count in ("a", "an") and not (before and before[0] in _TAKEN_LEADS):
            continue
        rest = words(m["rest"])
        if rest and rest[0] in _TAKEN_NOT:
            continue
        if "-" in m["joint"] and rest and rest[0] not in STOPWORDS and stem(rest[0]) not in about:
            continue
        return True
    return False


def measures(text: str) -> frozenset[str]:
    """The measures (``query.MEASURES``' names) the sentence states with a number."""
    return frozenset(name for name, pattern in _MEASURE_UNITS.items() if pattern.search(text))


# Words before a number that make it a year ("in 1998", "by around 1900", "between 1995 and
# 2005"), not a count of something.
_BEFORE_YEAR = frozenset(
    """in since by around until till between from of before after during and to circa c early
    late mid spring summer autumn fall winter""".split()) | frozenset(MONTH_NAMES)


def is_year(ws: Sequence[str], i: int) -> bool:
    """Whether ``ws[i]`` is a year: four digits from 1500 to 2100 after a word that leads one
    in, or opening the sentence."""
    w = ws[i]
    return (len(w) == 4 and w.isdigit() and 1500 <= int(w) <= 2100
            and (i == 0 or ws[i - 1] in _BEFORE_YEAR))


# Where a number's clause ends: punctuation, a dash, or a word that joins another clause or
# another noun phrase ("fell by 29 percent, while insect counts ...", "46 cars and 240
# passengers", "three kids, books end up ..."): the words past it are not what it counts.
_CLAUSE_BREAK = re.compile(r"[;:()\[\]{}\"\u201c\u201d!?]|\s[-\u2013\u2014]+\s|[\u2013\u2014]")
_JOINERS = frozenset("""and or but nor while whereas although though because who whom whose
    which that when where than""".split())
# A clock time or a day of the month is no count: "at 10.30 am", "07:35", "on 6 September",
# "November 14th".
_MONTH_WORDS = "|".join(MONTH_NAMES) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
_NOT_A_COUNT = re.compile(
    r"(?<![$\u00a3\u20ac\u00a5])\b\d{1,2}[:.][0-5]\d\b(?:\s*[ap]\.?m\b\.?)?|\b\d{1,2}\s*[ap]\.?m\b\.?"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?(?=\s+(?:of\s+)?(?:{_MONTH_WORDS})\b)"
    rf"|\b(?P<month>{_MONTH_WORDS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![.,]?\d)", re.I)


def _uncounted(m: re.Match[str]) -> str:
    return f" {m['month'] or ''} "


_CLAUSE_TOKEN = re.compile(rf"(?P<comma>(?<!\d),|,(?!\d))|(?P<stop>{_CLAUSE_BREAK.pattern})|{WORD}")


# After a number set off by a comma, what says it counts the noun before the comma: "the
# tenors, all five of them", "the logbooks, twenty-seven volumes in all".
_APPOSED = re.compile(r"(?:[\w-]+\s+){0,2}?(?:of (?:them|us|you|these|those)|in all|in total|altogether)\b")
# Words for kinds of a thing: "214 species of moth", "three types of lamp" count kinds.
_KIND_WORDS = frozenset("""species kind kinds type types sort sorts variety varieties breed breeds
    strain strains genus genera cultivar cultivars brand brands make makes model
    models style styles flavour flavours flavor flavors""".split())
# Words that tie a number to a noun before its verb: "hours fell from 40 to 32", "membership
# stands at 143", "sick days fell by 29 percent".
_CHANGE_TO = frozenset("from to by at".split())
# A count with no noun after it (in figures or words: not "one", often a pronoun, nor "twice"
# or "few"), not a phone number's or a code's group of digits ("0800 046 7721").
_BARE_COUNT = re.compile(rf"[1-9][\d,.]*|{'|'.join(sorted(COUNT_WORDS))}|thousand|million|billion")
_FIGURES = re.compile(r"\d[\d,.]*")


def number_window(text: str, before: int = 2, after: int = 4) -> list[str]:
    """The words about the sentence's numbers (years, clock times and days of the month left
    out): up to ``before`` words before each number (two more past "from", "to", "by" or
    "at") and ``after`` after it, in its clause ("visitors" in "it drew 40,000 visitors a
    year", not "insect" in "fell by 29 percent, while insect counts ...", nor "tables" in "30
    chairs and tables"). A number joined to a word by a hyphen counts that word only ("links"
    is not counted in "12-speed links"); one set off by a comma after its noun counts it
    ("the tenors, all five of them")."""
    ws: list[str] = []
    ends: list[str | None] = []  # per word, what ends the clause before it
    hyphened: list[bool] = []  # per word, joined to the word before it by a hyphen
    rests: list[str] = []  # per word, the text after it
    end: str | None = "stop"
    low = _NOT_A_COUNT.sub(_uncounted, text.lower())
    for m in _CLAUSE_TOKEN.finditer(low):
        if m["comma"] or m["stop"]:
            end = "stop" if m["stop"] else end or "comma"
            continue
        hyphened.append(end is None and low[m.start() - 1 : m.start()] == "-")
        ws.append(word_of(m.group()))
        ends.append(end)
        rests.append(low[m.end() :].lstrip())
        end = None
    is_number = [any(c.isdigit() for c in w) or w in _NUMBER_WORD_SET for w in ws]
    out: list[str] = []
    for i, number in enumerate(is_number):
        if not number or is_year(ws, i):
            continue
        hi = i
        if i + 1 < len(ws) and hyphened[i + 1]:
            hi = i + 1  # "a 12-speed chain": a speed, not chains
        elif i + 2 < len(ws) and ws[i + 1] in _KIND_WORDS and ws[i + 2] == "of":
            hi = i + 1  # "214 species of moth": kinds, not moths
        else:
            while hi < min(len(ws) - 1, i + after) and ends[hi + 1] is None and ws[hi + 1] not in _JOINERS:
                hi += 1
        # ("up to five months" is at most five months, no change of the noun before it:
        # "out of their homes for up to five months" counts months, not homes)
        reach = (before + 2 if i and ws[i - 1] in _CHANGE_TO
                 and not (i > 1 and ws[i - 2] == "up" and ws[i - 1] == "to") else before)
        if (_BARE_COUNT.fullmatch(ws[i]) and not (i and _FIGURES.fullmatch(ws[i - 1]))
                and all(is_number[j] or ws[j] in STOPWORDS for j in range(i + 1, hi + 1))):
            # a number with no noun of its own after it counts what its clause opens on:
            # "ferry crossings on the northern routes fell to about 4,000 in 2019"
            reach = i
        apposed = bool(_APPOSED.match(rests[i]))
        lo = i
        while (lo > max(0, i - reach) and ws[lo - 1] not in _JOINERS
               and (ends[lo] is None or (ends[lo] == "comma" and apposed and i - lo <= 2))):
            lo -= 1
        out += [ws[j] for j in range(lo, hi + 1) if not is_number[j]]
    return out


# What someone does for a living, said: "works as", "as a nurse", "Daniel Okafor, a cardiology
# registrar", "retired from teaching", "I run a design studio".
_JOBS = (r"nurse|registrar|surgeon|physician|doctor|chef|cook|clerk|pilot|driver|plumber|mechanic|"
         r"lawyer|solicitor|vet|paramedic|officer|soldier|sailor|fisherman|cleaner|student|"
         r"professor|tutor|principal|curator|editor|analyst|consultant|entrepreneur|founder|owner|"
         r"retiree|pensioner|chair|head|director|manager|volunteer|keeper|coach|artist|"
         # a word for a doer: "psychologist", "librarian", "carpenter", "inspector"
         r"(?!(?:matter|number|member|order|rather|further|together|other|another|better|after|"
         r"whether|later|water|power|ever|never|over|under|winter|summer|quarter|chapter|letter|"
         r"paper|layer|center|corner|border|error|factor|color|colour|door|floor|minor|major|"
         r"constant|important|giant|plant|variant|distant|instant|pleasant|christian|median|"
         r"(?:grand|step)?(?:daughter|mother|father|brother|sister))\b)"
         r"[\w-]+(?:ist|ian|ant|er|or)")
# A post as a title gives it, in capitals: "Parent Liaison Officer", "Transport Correspondent".
_TITLED_POST = (r"(?-i:(?:[A-Z][\w-]+\s+){0,3}(?:Officer|Manager|Director|Correspondent|Editor|"
                r"Secretary|Co-?ordinator|Chair|Chairman|Chairwoman|Chairperson|Treasurer|"
                r"Lecturer|Professor|Reporter|Curator|Librarian|Administrator|Producer|"
                r"Conductor|Captain|Warden|Ranger|Clerk|Consultant|Analyst|Engineer|Designer|"
                r"Founder|President|Councillor|Nurse|Surgeon|Physician|Headteacher)\b)")
# A named person's post told beside their name: "Dr Ann Roe, the tree officer at ...", "Tom
# Vale, a parish councillor", "Niamh Castellan, Parent Liaison Officer", or in lower case with
# no article, where the post's "of / for / at" follows it ("Jo Hale, regional organiser for
# the union, said", not "Jo Hale, Ann Roe and ..." nor "Jo Hale, however, ...").
_APPOSED_POST = re.compile(
    rf"(?-i:[A-Z][\w'\-\u00c0-\u017f]+),\s+(?:(?i:an?|the)\s+(?:[\w'-]+\s+){{0,3}}?(?i:{_JOBS})\b"
    rf"|{_TITLED_POST}"
    rf"|(?:[a-z][\w'-]*\s+){{0,2}}?(?=[a-z])(?:{_JOBS})\b(?=\s+(?:of|for|at|with|to|in)\s|\s*\())")


def apposed_posts(text: str) -> list[str]:
    """The posts a sentence gives the people it names beside their names, as printed past the
    comma ("Dr Ann Roe, the tree officer at ...": "the tree officer")."""
    return [post for _, post in apposed_people(text)]


def apposed_people(text: str) -> list[tuple[str, str]]:
    """The people a sentence gives a post beside their names, and the post, as printed
    ("Dr Ann Roe, the tree officer at ...": ("Dr Ann Roe", "the tree officer"))."""
    return list(_apposed_people(text))


@lru_cache(maxsize=8192)  # every sentence of the article is read so, for each "who is the ...?"
def _apposed_people(text: str) -> tuple[tuple[str, str], ...]:
    ends: dict[int, str] = {}
    for p in _PERSON.finditer(text):
        run = _NAME_RUN.match(text, p.start())
        if run and not _NOT_PERSON.search(run.group()):
            ends[run.end()] = run.group()
    # the word before the comma ends a person's name ("In London, the mayor": a place)
    out: list[tuple[str, str]] = []
    for m in _APPOSED_POST.finditer(text):
        comma = m.start() + m.group().index(",")
        if comma in ends:
            out.append((ends[comma], m.group().split(",", 1)[1].strip()))
    return tuple(out)


_ROLE = re.compile(
    r"\b(?:works?|worked|working|employed|serves?|served|trained|qualified) as\b"
    r"|\bretired\b|\bby (?:profession|trade)\b"
    r"|\b(?:I|he|she|they|we) (?:run|runs|ran|own|owns|owned|manage|manages|managed|teach|"
    r"teaches|taught|lecture|lectures)\b"
    rf"|\b(?:as|is|was|am|been|became|becomes|I['\u2019]m) (?:an?|the) (?:[\w'-]+ ){{0,2}}(?:{_JOBS})\b"
    # a parent's trade as a family history gives it: "the youngest of four children of a
    # colliery winding engineman"
    rf"|\b(?:sons?|daughters?|child|children|wife|husband|widow|widower) of (?:an?|the) "
    rf"(?:[\w'-]+ ){{0,3}}(?:{_JOBS}|[\w-]{{3,}}man)\b"
    # "appears in the records only as \u201cacting keeper\u201d"
    rf"|\bas [\"\u201c](?:[\w'-]+ ){{0,2}}(?:{_JOBS})\b"
    rf"|(?-i:[A-Z][\w'\-\u00c0-\u017f]+),\s+(?:an?|the)\s+(?:[\w'-]+\s+){{0,3}}(?:{_JOBS})\b"
    # the trade before the name: "The ferryman, Halvard, gets ...", "the treasurer, Linda Kay"
    rf"|\b(?:an?|the)\s+(?:[\w'-]+\s+){{0,2}}(?:{_JOBS}|(?-i:[a-z][\w-]{{2,}}(?<!wo)(?<!hu)man)),\s+"
    r"(?-i:[A-Z][\w'\-\u00c0-\u017f]+)\b(?!['\u2019])"
    # a post's title in capitals after a name, or as a label before one: "Niamh Castellan,
    # Parent Liaison Officer", "Music Director: Gideon Marchetti-Lowe"
    rf"|(?-i:[A-Z][\w'\-\u00c0-\u017f]+),\s+{_TITLED_POST}(?!\s+(?-i:[A-Z]))"
    rf"|^\W*{_TITLED_POST}\s*:\s*(?-i:[A-Z])",
    re.I)


# A name as printed from where ``_PERSON`` finds it: "Dr. Marcus Oakley", "Theo Marchetti".
_NAME_RUN = re.compile(
    rf"(?:{PERSON_TITLES}\.?\s+)?[A-Z][\w'\-\u00c0-\u017f]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w'\-\u00c0-\u017f]+)*")


def person_names(text: str) -> list[str]:
    """The people a sentence names, as printed, in order: a title and a name, two or more
    capitalised words that are not a place or a body ("Maritime Museum"), an interview's
    speaker."""
    return list(_person_names(text) if len(text) <= 1_000 else _person_names.__wrapped__(text))


@lru_cache(maxsize=8192)  # a sentence is read for names by several checks, for each question
def _person_names(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for m in _PERSON.finditer(text):
        run = _NAME_RUN.match(text, m.start())
        name = run.group() if run else m.group().rstrip(": ")
        if not _NOT_PERSON.search(name) and name not in out:
            out.append(name)
    return tuple(out)


_QUOTE_MARK = re.compile("[\"\u201c\u201d]")


def quote_speakers(sentences: Sequence[Span], reach: int = 4) -> np.ndarray:
    """Per sentence, the row of the sentence that names its speaker when it is part of a quote
    that runs over several sentences, two to ``reach`` sentences back in its source; else -1.
    Councillor Duncan Reilly ... argued ... / "Four and a half million ...," he said. / "I'm not
    against a new wall. / I'm against signing a blank cheque ...": the last one's speaker is
    the first sentence. Every sentence from the candidate back to the speaker's next one
    holds a quotation mark; the speaker's names a person."""
    out = np.full(len(sentences), -1, dtype=np.int64)
    quoted = [bool(_QUOTE_MARK.search(s.text)) for s in sentences]
    names = [bool(person_names(s.text)) for s in sentences]
    for i, s in enumerate(sentences):
        if not quoted[i]:
            continue
        for j in range(i - 1, max(i - reach, 0) - 1, -1):
            if sentences[j].source_id != s.source_id:
                break
            if names[j]:
                if j < i - 1:
                    out[i] = j
                break
            if not quoted[j]:
                break
    return out


_OPENS_QUOTE = re.compile("^[\"\u201c]")


def quote_opener(sentences: Sequence[Span], speaker: np.ndarray, row: int) -> int:
    """The row of the sentence naming who speaks, for a sentence that carries on a quote
    without naming anyone; else -1. Two or more sentences back it is ``speaker[row]``
    (``quote_speakers``); next door, this sentence opens with a quotation mark and the one
    before it, in its paragraph, quotes a person it names: "'Every pound ...,' said Councillor
    Imogen Tate. / 'The panels should pay for themselves ...'"."""
    if not 0 <= row < len(sentences) or person_names(sentences[row].text):
        return -1
    if row < len(speaker) and speaker[row] >= 0:
        return int(speaker[row])
    here, before = sentences[row], sentences[row - 1] if row else None
    if (before is not None and before.source_id == here.source_id
            and _OPENS_QUOTE.match(here.text) and _QUOTE_MARK.search(before.text)
            and person_names(before.text)):
        return row - 1
    return -1


# A quotation's speaker given only as a pronoun: '"...," she said.', 'he told me', 'She
# added: "..."'.
_PRONOUN_SPEAKS = re.compile(
    rf"\b(?:he|she)\s+(?:{_SPEECH}|adds|explains|admits|recalls|insists|warns|agrees|replies|jokes)\b",
    re.I)
# A quotation closed within the sentence (straight or curly marks).
QUOTED = re.compile("[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")


def pronoun_speaker(sentences: Sequence[Span], row: int, joins: Callable[[int], bool],
                    reach: int = 3) -> int:
    """The row of the sentence naming whom a quote's pronoun speaker stands for ('Councillor
    Ann Roe urged both sides to talk. / "Every day costs us," she said.'): the nearest of the
    ``reach`` sentences before it that names a person outside quotation marks, in its paragraph
    or the one before (``joins(j)``: sentence j's paragraph runs on into the next sentence's,
    as a post's paragraphs do); -1 when the sentence quotes nobody, names its speaker itself
    or no one is named."""
    here = sentences[row]
    if not _QUOTE_MARK.search(here.text):
        return -1
    bare = QUOTED.sub(" ", here.text)
    if not _PRONOUN_SPEAKS.search(bare) or person_names(bare):
        return -1
    crossed = False
    for j in range(row - 1, max(row - reach, 0) - 1, -1):
        if sentences[j].source_id != sentences[j + 1].source_id:
            if crossed or not joins(j):
                return -1
            crossed = True
        if person_names(QUOTED.sub(" ", sentences[j].text)):
            return j
    return -1


def _said_by(sentences: Sequence[Span], sources: Mapping[str, Source], speaker: np.ndarray,
             row: int) -> int:
    opener = quote_opener(sentences, speaker, row)
    if opener >= 0:
        return opener

    def joins(j: int) -> bool:  # two paragraphs of the post, one after the other
        return sources[sentences[j].source_id].kind == "post" == sources[sentences[j + 1].source_id].kind

    return pronoun_speaker(sentences, row, joins)


def _has_person(text: str) -> bool:
    if _PERSON_WORD.search(text):
        return True
    return any(not _NOT_PERSON.search(text, m.start(), m.end() + 1) for m in _PERSON.finditer(text))


# "the Symphony Orchestra", "The Hedgerow Ramblers": a name led by "the" is a body's or a
# thing's, not a person's (unless a title opens it: "the Rev. Ann Hale").
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_TITLE_OPENS = re.compile(rf"{PERSON_TITLES}\b")


def names_new_person(text: str, given: frozenset[str] | set[str], *, counted: bool = True,
                     bodies: bool = True) -> bool:
    """Whether the sentence names or describes a person the question does not (``given``: its
    words, lower case): "Who installed Rosalind Achebe's heat pump?" is not answered by a
    sentence whose only person is Rosalind Achebe, nor "Who conducts the Training Strings?" by
    one that names only the Training Strings.

    ``counted=False``: a number of people ("74 players", "Seventeen volunteers") is no one who
    did something; ``bodies=False``: a name led by "the" or ending in a word for a body
    ("the Ardlan Transport Partnership") is no one who holds a post."""
    people = [] if counted else [m.span() for m in _PEOPLE_COUNT.finditer(text)]
    for m in _PERSON_WORD.finditer(text):
        if m.group().lower() in given or any(a <= m.start() and m.end() <= b for a, b in people):
            continue
        return True
    for m in _PERSON.finditer(text):
        if _NOT_PERSON.search(text, m.start(), m.end() + 1):
            continue
        run = _NAME_RUN.match(text, m.start())
        name = run.group() if run else m.group()
        if not bodies and (_NOT_PERSON.search(name) or (
                _THE_BEFORE.search(text, 0, m.start()) and not _TITLE_OPENS.match(name))):
            continue
        if set(words(name)) - given:
            return True
    return False


# How long: a stretch of time ("more than two years", "a six-month pilot", "since 1887") or
# a length ("an 11-mile diversion", "25 cm long"); never a bare date.
_DURATION = re.compile(
    rf"\b(?:\d[\d,.]*|{_NUMBER_WORDS}|a|an|few|many|a couple of)[\s-]+(?:\w+[\s-]+)?"
    rf"(?:{_TIME_UNITS}|(?:{'|'.join(WEEKDAY_NAMES)})s)\b"
    rf"|\b(?:since|until|till)\s+(?:(?:at least|about|around|roughly|early|late|mid)[\s-]+)*"
    rf"(?:\d|the\s|{_MONTHS}|last\b|then\b|next\b|the end\b)"
    r"|\b(?:for|over)\s+(?:years|decades|months|weeks|centuries|generations)\b|\bfortnight\b"
    rf"|\b{_NUM}\s*-?\s*{_LENGTH_UNIT}\b", re.I)
# How long someone has been at something, as a span of years, months or seasons: "for 22
# years", "since 2019", "four years ago", "twelve years of baking", "Three Weeks In" (not "in an
# hour", "set back by a day", "every seven to nine days": no one holds a post that long).
_SPAN_UNITS = r"years?|decades?|months?|weeks?|summers?|winters?|seasons?|generations?|centur(?:y|ies)"
_TENURE = re.compile(
    rf"\bsince\b|\b(?:{_NUM}|a|an|a couple of|a few|several|many)[\s-]+(?:\w+[\s-]+)?"
    rf"(?:{_SPAN_UNITS})\b(?!\s+(?:old|older|younger)\b)", re.I)


def states_tenure(text: str) -> bool:
    """The sentence gives how long someone or something has been at it ("who has run the
    bakery for 22 years", "director since 2019", "four years ago")."""
    return bool(_TENURE.search(text))


# A time of day: "at 1 pm", "10.30", "about 6 every evening", "shortly before nine the next
# morning", "at noon", "on a calm evening".
_HOURS = "|".join(_CARDINAL_WORDS.split("|")[:12])  # "one" ... "twelve"
_CLOCK = re.compile(
    r"(?<![$\u00a3\u20ac\d.,])\b(?:[01]?\d|2[0-3]):[0-5]\d\b|\b\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\b\.?"
    r"|\b(?:at|from|until|till|by|before|after)\s+(?:[01]?\d|2[0-3])\.[0-5]\d\b"
    r"|\b(?:noon|midday|midnight|o'clock|lunchtime|"
    r"teatime|dawn|dusk|sunrise|sunset|daybreak|nightfall|morning|afternoon|evening|night|"
    r"overnight)\b|\b(?:half|quarter) (?:past|to)\b"
    rf"|\b(?:at|about|around|before|after|until|till|from|by|past)\s+(?:about\s+|around\s+)?"
    rf"(?:\d{{1,2}}|{_HOURS})\b(?=\s*(?:[,;)]|\.(?!\d)|$|in the\b|every\b|each\b|on\b|and\b|"
    r"or\b|sharp\b|the next\b|that\b|this\b))", re.I)
# A part of the day, which ``_CLOCK`` takes for a time of day but which tells no clock time:
# "What time does the talk start?" is not answered by "on Tuesday evening".
_DAY_PARTS = frozenset("morning afternoon evening night overnight".split())


def states_clock_time(text: str, question: str = "") -> bool:
    """The sentence gives a time by the clock ("at 7.30", "6pm", "at seven", "noon", "half
    past nine", "at dusk"), not only a part of the day ("on a Tuesday evening"), and not only
    one the question gives ("What time does the 07:52 get in?" / "I take the 07:52 in")."""
    given = {_clock_key(m) for m in _CLOCK_GIVEN.finditer(question)}
    return any(m.group().lower() not in _DAY_PARTS and _clock_key(m) not in given
               for m in _CLOCK.finditer(text))


# A time by the clock a question names its thing by: "the 07:52", "the 7.30 ferry", "the
# 6pm show" (hours and minutes, or an hour with am/pm).
_CLOCK_GIVEN = re.compile(r"\b(?:[01]?\d|2[0-3])[:.][0-5]\d\b(?:\s*[ap]\.?m\b)?|\b\d{1,2}\s*[ap]\.?m\b",
                          re.I)


def _clock_key(m: re.Match[str]) -> tuple[int, int] | None:
    """A clock time's hour (on the 12-hour dial) and minutes, None for one without a figure
    ("noon", "at dusk")."""
    digits = re.findall(r"\d+", m.group())
    if not digits:
        return None
    return int(digits[0]) % 12, int(digits[1]) if len(digits) > 1 else 0


# A part of the day said of a thing, which it names rather than times: "the late-afternoon
# sailing", "its Tuesday evening meetings", "the overnight lorries".
_PART_OF_DAY = re.compile(r"(?:morning|afternoon|evening|night|overnight|lunchtime|teatime)s?",
                          re.I)
_NAMES_A_THING = re.compile(r"[\s-]+(?!(?:of|in|on|at|to|and|or|but|the|a|an|with|when|before|"
                            r"after|until|till|from|for|by|is|was|are|were|she|he|they|we|i|it)\b)"
                            r"[a-z]{3,}\b")


def states_clock(text: str) -> bool:
    """Whether the sentence gives a time of day ("at 1 pm", "on a calm evening", "at noon"),
    not only a part of the day said of a thing ("the late-afternoon sailing"); by the clock
    only: ``states_clock_time``."""
    for m in _CLOCK.finditer(text):
        if not (_PART_OF_DAY.fullmatch(m.group()) and _NAMES_A_THING.match(text, m.end())):
            return True
    return False


# A span up to a time ("How long has she worked there?"): "for 22 years", "over the past
# decade", "since 2019", "since I was nine", "twelve years of baking", "four years ago",
# "three weeks in"; not any length ("a four-day week", "11 miles").
_SPAN_COUNT = (rf"(?:\d[\d,.]*|(?:{_NUMBER_WORDS})(?:-(?:{_NUMBER_WORDS}))?|a|an|few|several|many|"
               r"a couple of)")
_SPAN = re.compile(
    r"\b(?:for|over)\s+(?:(?:the|a|an|last|past|first|best|better|part|of|good|well|more|than|"
    r"almost|nearly|about|around|roughly|some|over|at|least|just|only|close|to|getting|on|"
    r"further|another|additional)\s+)*"
    rf"{_SPAN_COUNT}[\s-]+(?:{_TIME_UNITS})\b"
    r"|\b(?:for|over)\s+(?:years|decades|months|weeks|centuries|generations)\b"
    rf"|\b(?:for|over|in)\s+the\s+(?:past|last)\s+(?:{_TIME_UNITS})\b"
    rf"|\bsince\s+(?:\d|the\s|{_MONTHS}|last\b|then\b|I\b|we\b|he\b|she\b|they\b|it\b|its\b|his\b|"
    r"her\b|their\b|my\b|our\b|childhood\b|birth\b)|\bever since\b"
    rf"|\b{_SPAN_COUNT}[\s-]+(?:{_TIME_UNITS})\s+(?:of|ago|in|now|running|on the)\b", re.I)
_NUMBER_TOKEN = re.compile(rf"\d[\d,.]*\d|\d|\b(?:{_NUMBER_WORDS})\b", re.I)
_FILLERS = {NUMBER: _NUMBER_TOKEN, TIME: _HAS_TIME, "year": _YEAR, "duration": _DURATION,
            "clock": _CLOCK, "span": _SPAN}
# A month with its day and year: "14 October", "October 14th, 2025".
_DATE = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:{_MONTHS})\b\.?"
                   r"(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s+\d{4}\b)?")
_GLUE = frozenset("a an the in on at of by to from until".split())


def filler_matches(kind: str, text: str) -> list[re.Match[str]]:
    """Where ``text`` holds a filler of ``kind`` (a number, a date or time, a year, a stretch
    of time, a clock time): a time is also a date ("14 October")."""
    return list(_filler_matches(kind, text))


@lru_cache(maxsize=8192)  # every candidate sentence is read so, by several checks, for each question
def _filler_matches(kind: str, text: str) -> tuple[re.Match[str], ...]:
    pattern = _FILLERS[kind]
    return (*_DATE.finditer(text), *pattern.finditer(text)) if kind == TIME else tuple(pattern.finditer(text))


def states_new(kind: str | None, text: str, question: str, given: frozenset[str]) -> bool:
    """Whether the sentence's date, number or year (``kind``) is news to the question, not
    only the question's own ("until October" does not answer "On what date in October ...?";
    ``given``: the question's words). True for other kinds."""
    if kind is None or kind not in _FILLERS:
        return True
    if kind == NUMBER:
        asked = _numbers_said(question)
        return any(n not in asked for n in _numbers_said(text))
    return any(ws - given - _GLUE for ws in _filler_words(kind, text))


@lru_cache(maxsize=8192)  # every candidate sentence is read so, for each question
def _numbers_said(text: str) -> frozenset[str]:
    """The numbers ``text`` says, lower-cased ("12", "twelve")."""
    return frozenset(m.group().lower() for m in _filler_matches(NUMBER, text))


@lru_cache(maxsize=8192)  # every candidate sentence is read so, for each question
def _filler_words(kind: str, text: str) -> tuple[frozenset[str], ...]:
    """The words of each filler of ``kind`` that ``text`` holds."""
    return tuple(frozenset(words(m.group())) for m in _filler_matches(kind, text))


# How long, not when: a stretch of time something lasts or goes on for ("for three summers
# running", "lasts around 14 hours", "took three weeks", "more than a decade", "a six-month
# pilot"), which places nothing in time; not a stretch counted from a time ("four years ago",
# "two weeks later", "after a month", "in ten days", "for the past two years").
_LASTING = re.compile(
    r"\b(?:for|over|lasts?|lasted|lasting|takes?|took|taken|taking|spent|spends?|spending)\s+"
    r"(?:(?:about|around|roughly|nearly|almost|some|just|only|more than|less than|under|over|"
    r"at least|well over|a good|the best part of|the better part of|up to)\s+)*"
    rf"{_SPAN_COUNT}[\s-]+(?:\w+[\s-]+)?(?:{_TIME_UNITS})\b"
    rf"|\b{_SPAN_COUNT}[\s-]+(?:{_TIME_UNITS})\s+(?:running|straight|in a row|on end)\b"
    rf"|\b(?:more|less|fewer)\s+than\s+{_SPAN_COUNT}[\s-]+(?:{_TIME_UNITS})\b"
    rf"|\b{_SPAN_COUNT}-(?:{_TIME_UNITS})(?=\s+[a-z])", re.I)
_COUNTED_FROM = re.compile(r"\s*(?:ago|later|earlier|before|after|back|beforehand|afterwards|"
                           r"from now|since|into|old)\b", re.I)
# How often, not when: a rate ("9,300 vehicles a day", "twice a year", "once a fortnight",
# "every three years", "per month"), which places nothing in time either ("every May",
# "every Tuesday", "each morning" do).
_RATE_UNIT = (rf"(?:(?:other|{_SPAN_COUNT})\s+)?(?:hours?|days?|weeks?|fortnights?|months?|years?|"
              r"decades?|centur(?:y|ies))\b(?!\s+(?:ago|later|earlier|before|after|since|of|from)\b)")
_RATE = re.compile(rf"\b(?:once|twice|{_SPAN_COUNT}\s+times)\s+(?:a|an|per|every|each|in)\s+"
                   + _RATE_UNIT + r"|(?<!\bin\s)(?<!\bwithin\s)\b(?:a|an|per|every|each)\s+"
                   + _RATE_UNIT, re.I)


@lru_cache(maxsize=8192)  # every candidate sentence is read so, for each "when" question
def tells_when(text: str) -> bool:
    """Whether the sentence places something in time: a date or time ("in 2019", "on 4
    May", "last spring", "four years ago", "at 6pm") that is not only how long something
    lasts ("The hose has been our best seller for three summers running" does not say when
    it came out; "The trip lasts 14 hours" not when the service started) nor only how often
    ("we will inspect it every year" does not say when it was last inspected)."""
    lasting = [(m.start(), m.end()) for m in _LASTING.finditer(text)
               if not _COUNTED_FROM.match(text, m.end())] + [
        (m.start(), m.end()) for m in _RATE.finditer(text)]
    return any(not any(a < m.end() and m.start() < b for a, b in lasting)
               for m in filler_matches(TIME, text))


# The words that give an event of a life its date ("When was the club founded?"): a date
# beside other words belongs to another event ("which last year followed 41 companies").
_EVENT_TOLD: dict[str, re.Pattern[str]] = {
    "founded": re.compile(r"\b(?:found(?:ed|ing|ers?|ation)|co-?found\w*|establish(?:ed|ment)?|"
                          r"set up|formed|began|begun|started|launched|created|inception)\b", re.I),
    "born": re.compile(r"\b(?:born|birth|n[e\u00e9]e)\b", re.I),
    "graduated": re.compile(r"\b(?:graduat\w*|qualified|degree|diploma)\b", re.I),
    "retired": re.compile(r"\b(?:retir\w*|stepped down|stood down)\b", re.I),
    "married": re.compile(r"\b(?:marri\w*|marry|(?-i:wed)|wedding)\b", re.I),
    "died": re.compile(r"\b(?:died|dies|death|dead|passed away|killed|lost (?:his|her|their) li"
                       r"(?:fe|ves))\b", re.I),
    # "built in 1862", "dating from 1740"; "the little 1891 theatre" gives its date too
    "built": re.compile(r"\b(?:built|constructed|erected|completed|dat(?:es?|ing) (?:from|back)|"
                        r"put up)\b|\b(?:a|an|the|its|their|this|that)\s+(?:\w+\s+)?"
                        r"(?:1[5-9]\d\d|20\d\d)s?\s+(?!and\b|or\b|to\b|until\b|when\b)[a-z]",
                        re.I),
}

# The events of a person's life: "When did Ann Roe die?" asks of one person.
LIFE_EVENTS = frozenset({"born", "died", "married", "retired", "graduated"})
# What may stand between a person's name and the word of the event told of them: "Abernethy
# was born", "Abernethy had suddenly died", "Abernethy later retired".
_BETWEEN_NAME_AND_EVENT = re.compile(r"(?:was|were|is|has|had|have|been|then|later|also|"
                                     r"eventually|finally|[a-z]+ly)", re.I)


# The person a question asks an event of their life about, named as its subject: "When did
# Ann Roe die?", "When was Dr Ann Roe born?" (not "When was Ann Roe's daughter born?").
_LIFE_ASKED = re.compile(r"\b(?:did|was|were|is|has|had)\s+((?:(?-i:[A-Z][\w'\u2019.-]*)\s+){1,4})"
                         r"(?:\w+ly\s+)?(?:die|born|marry|married|get married|retire|graduate|"
                         r"pass away)\b", re.I)


def life_asked_of(question: str) -> frozenset[str]:
    """The names, lower-cased, of the person whose life's event the question asks the date
    of as its subject ("When did Ann Roe die?": "ann", "roe"); none when it asks of someone
    else by them ("When was Ann Roe's daughter born?") or names no one."""
    m = _LIFE_ASKED.search(question)
    if m is None or re.search(r"['\u2019]s?\s*$", m[1].strip()):
        return frozenset()
    return frozenset(w.lower().rstrip(".") for w in m[1].split())


def event_of_other(event: str | None, asked: frozenset[str], names: frozenset[str],
                   text: str) -> bool:
    """Whether a sentence tells the event of a life asked of a named person ("When did Ann
    Roe die?", ``asked``: their names, lower-cased, ``life_asked_of``) only of another named one:
    "Abernethy died suddenly in the autumn of 1911" (``names``: the sentence's names, as
    ``names_by_sentence`` reads them) does not say when Ann Roe died. False when the sentence
    names the person asked (by any of their names) or tells the event with no other name
    just before its word ("he died in 1911", "died in 1911")."""
    if event not in LIFE_EVENTS or not asked or asked & set(words(text)):
        return False
    found = list(_EVENT_TOLD[event].finditer(text))
    if not found:
        return False
    for m in found:
        ws = re.findall(r"[\w'\u2019-]+", text[: m.start()])
        while ws and _BETWEEN_NAME_AND_EVENT.fullmatch(ws[-1]):
            ws.pop()
        if not ws or not ws[-1][0].isupper():
            return False
        who = re.sub(r"['\u2019]s$", "", ws[-1].lower())
        if who not in names or who in asked:
            return False
    return True


# The start or the end of something, told: its verbs and nouns ("broke up", "the closing
# date", "switched off"), a time it runs from or until ("open until 5 May", "since March"), or
# both at once: a range ("from 9am to 5pm", "10.30-12.45", "between May and July").
_RANGE = (r"\bfrom\b[^.;]{1,40}?\b(?:to|until|till)\b|\bbetween\b[^.;]{1,40}?\band\b"
          r"|\d(?:[.:]\d\d)?\s*[ap]\.?m\b\.?\s*(?:-|\u2013|to)\s*\d"
          r"|\b\d{1,2}[.:]\d\d\s*(?:-|\u2013|to)\s*\d{1,2}[.:]\d\d\b")
_RANGE_TOLD = re.compile(_RANGE, re.I)
# A time something runs from: "from 4 January", "from Saturday", "from dawn".
_FROM_TIME = (rf"(?:from|since)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:\d|(?:{_MONTHS})\b|"
              rf"(?:{'|'.join(d.capitalize() for d in WEEKDAY_NAMES)})\b|(?:today|tomorrow|now|"
              r"then|next|this|dawn|noon|midday|midnight|spring|summer|autumn|winter)\b)")
# Switched on or off, the particle next to the verb or after its object ("switched the pool
# back on in May"; not "switched off the pool on 3 June", where "on" leads a date).
_SWITCHED = (r"(?:switch|turn)(?:ed|es|s|ing)?\s+(?:{0}|(?:(?!on\b|off\b)[\w'-]+\s+){{1,4}}?{0}"
             r"\b(?!\s+(?:the|a|an|\d|" + "|".join(MONTH_NAMES + WEEKDAY_NAMES) + r")\b))")
_PHASE_TOLD: dict[str, re.Pattern[str]] = {
    "start": re.compile(
        r"\b(?:start|starts|started|starting|begin|begins|began|begun|beginning|open|opens|opened|"
        r"opening|re-?open\w*|commenc\w*|kick(?:s|ed)?\s+off|resum\w*|restart\w*|launch\w*|"
        r"meet|meets|" + _SWITCHED.format("on") + r")\b"
        r"|\b" + _FROM_TIME + "|" + _RANGE, re.I),
    "end": re.compile(
        r"\b(?:finish|finishes|finished|finishing|(?<!\bin\s)(?<!\bthe\s)end(?!\s+up\b)|"
        r"ends(?!\s+up\b)|ended(?!\s+up\b)|ending|close(?!\s+(?:to|by)\b)|closes|closed|closing|"
        r"closure|shut|shuts|shutting|(?<!\bbus\s)(?<!\bthe\s)(?<!\ba\s)stop|stops|stopped|stopping|"
        r"conclud\w*|(?:break|breaks|broke|wrap|wraps|wrapped)\s+up|until|till|deadline|"
        rf"by\s+(?:the\s+)?(?:\d|end\b|close\b|noon\b|midnight\b|then\b|{_MONTHS}|"
        rf"{'|'.join(d.capitalize() for d in WEEKDAY_NAMES)})|"
        + _SWITCHED.format("off") + r")\b|" + _RANGE, re.I),
}
_OTHER_PHASE = {"start": "end", "end": "start"}
# An -ing word after a phase's verb is the act that starts or stops ("stopped charging
# fines"): another thing's end than the one asked, unless the question names that act too.
_ACT = re.compile(r"\s+(?!(?:morning|evening|spring|during|nothing|something|anything|"
                  r"everything|meeting|building|wedding|ceiling|string|bring|thing)\b)"
                  r"([a-z]{3,}ing)\b", re.I)


def tells_event(event: str | None, text: str, asked: frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` speaks of the event whose date is asked (``Query.event``: "founded",
    "born", "died", "built", "graduated", "retired", "married"); True when none is asked. For
    the start or the end of something ("start", "end"), whether the sentence does not give
    only the other end of it: "the talks broke up at 17:55" does not say when they start
    again; "will stop charging fines on July 1" not when charging fees started (``asked``: the
    question's words), though "a pilot which stopped charging fines in October" may say when
    the pilot began."""
    if event in _OTHER_PHASE:
        if _PHASE_TOLD[event].search(text):
            return not times_other_phase(event, text, asked)
        acts = {stem(w) for w in asked}
        for m in _PHASE_TOLD[_OTHER_PHASE[event]].finditer(text):
            act = _ACT.match(text, m.end())
            if act is None or stem(act[1].lower()) in acts:
                return False
        return True
    return event is None or event not in _EVENT_TOLD or bool(_EVENT_TOLD[event].search(text))


# The verbs of the start or the end a time hangs on in its clause ("work is expected to begin
# in September", "the works will be complete by 2028").
_PHASE_VERB = {
    "start": re.compile(r"(?:start|starts|started|starting|begin|begins|began|begun|beginning|open|"
                        r"opens|opened|opening|re-?open\w*|commenc\w*|resum\w*|restart\w*|"
                        r"launch\w*)", re.I),
    "end": re.compile(r"(?:finish|finishes|finished|finishing|end|ends|ended|ending|close|closes|"
                      r"closed|closing|shut|shuts|shutting|stop|stops|stopped|stopping|conclud\w*|"
                      r"complet\w*|closure)", re.I),
}
# Words of expecting or planning, not deeds of their own: "is expected to", "due to be".
_EXPECTING = frozenset("""expected scheduled planned intended hoped supposed estimated projected
    forecast predicted thought believed set due likely going""".split())


def _clause_words_before(text: str, at: int, word: str) -> list[str]:
    """The last ``TIMED_REACH`` words (``word``: the pattern of one) of the clause that runs up
    to ``at`` in ``text``, looking back at most 80 characters: what a time told at ``at`` hangs on."""
    before = text[max(0, at - 80): at]
    cut = list(_CLAUSE_BREAK.finditer(before))
    if cut:
        before = before[cut[-1].end():]
    return re.findall(word, before)[-TIMED_REACH:]


def times_other_phase(event: str, text: str, asked: frozenset[str] = frozenset()) -> bool:
    """Whether every date or time the sentence gives belongs to another phase or deed than the
    start or the end asked (``event``: "start", "end"; ``asked``: the question's words): each
    hangs, in its clause, on the verb of the other end ("work is expected to begin in
    September 2027" does not say when the work is finished) or on another deed ("a contractor
    is due to be appointed by June 2027"); "until" after a verb of either end may tell the
    other ("open until 5 May" tells when it closes). False when a time hangs on no
    verb ("In 2019, ..."), on the phase asked or on a deed the question names, when the
    sentence gives a range (both ends at once), or no time at all."""
    if _RANGE_TOLD.search(text):
        return False
    found: list[re.Match[str]] = []
    for m in filler_matches(TIME, text):
        if not any(f.start() <= m.start() and m.end() <= f.end() for f in found):
            found = [f for f in found if not (m.start() <= f.start() and f.end() <= m.end())]
            found.append(m)
    found = [m for m in found if not (_BARE_STRETCH.fullmatch(m.group())
                                      and not _AGO.match(text, m.end()))]
    if not found:
        return False
    # "When did the closure start?": a time of the other end may be the one asked
    if any(_PHASE_VERB[_OTHER_PHASE[event]].fullmatch(w) for w in asked):
        return False
    acts = {stem(w.lower()) for w in asked}
    for m in found:
        ws = _clause_words_before(text, m.start(), r"[\w'\u2019-]+")
        # a state's end is the other event's time: "open until 5 May" is when it closes
        until = bool(ws) and ws[-1].lower() in ("until", "till")
        # the last verb of starting or ending in the clause ("stopped rehearsing in 2020"),
        # else its last verb of another deed
        phases = [p for w in ws for p, v in _PHASE_VERB.items() if v.fullmatch(w)]
        phase = phases[-1] if phases else None
        others = [w.lower() for w in ws if _TIMED_VERB.fullmatch(w) and w.lower() not in _NOT_VERB
                  and w.lower() not in _EXPECTING]
        other = others[-1] if others else None
        if phase is not None:
            if phase == event or until:
                return False
        elif other is None or any(_same_family(stem(other), a) for a in acts):
            return False
    return True


# A verb a time is told of, just before it in its clause: "voted 5 to 2 in June", "stopped
# visiting the library in 2022", "carried out in the spring of 2025" (-ed and -ing words, not
# nouns nor prepositions that end so: "morning", "during", "following", "hundred").
_TIMED_VERB = re.compile(r"\b(?:[a-z]{3,}(?:ed|ing)|began|begun|held|met|took|went|came|left|"
                         r"made|won|sold|shut|fell|rose|ran|saw|said|told|wrote|sent|built|bought|led|found|"
                         r"got|gave|kept|paid|lost|spent|chose|became|grew)\b",
                         re.I)
_NOT_VERB = frozenset("""morning mornings evening evenings spring during nothing something anything
    everything meeting building wedding ceiling string bring thing things king ring sing wing
    following including according regarding concerning excluding pending hundred indeed bed
    red need seed speed feed breed""".split())
# What ends the clause a time sits in, looking back from it.
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014\"\u201c\u201d]|\s-\s|\b(?:and|but|or|which|"
                           r"who|when|while|where|that|then|because|so)\b", re.I)
TIMED_REACH = 10


def _same_family(a: str, b: str) -> bool:
    """Two stems of one word family: "discuss"/"discuss" ("discussion"), "publish"/"public"
    ("publication"): one the other's start, of five letters or more, or equal."""
    n = min(len(a), len(b), 5)
    return a == b or (n >= 5 and a[:n] == b[:n])


# A count of a unit of time and nothing else ("an hour", "three weeks"): how long, not when.
_BARE_STRETCH = re.compile(rf"{_SPAN_COUNT}[\s-]+(?:{_TIME_UNITS})", re.I)
_AGO = re.compile(r"\s*ago\b", re.I)


def times_other_event(asked: Sequence[str], text: str, phase: bool = False) -> bool:
    """Whether every date or time the sentence gives belongs to another deed than the one a
    "when" question asks (``asked``: the stems of its event words, "discuss" for "When did they
    start discussing a ban?"): each is told just after a verb of its own in its clause ("the
    board voted in June", "stopped visiting in 2022", "carried out in the spring of 2025")
    and no word of the asked deed's family ("discussion", "publication") is in the sentence.
    A time with no verb before it in its clause ("In 2019, ...", a byline's date) may be any
    deed's; False with no event word asked or no time told. ``phase``: the question asks
    when the deed starts or ends ("When will they start changing the lamps?")."""
    if not asked:
        return False
    if any(_same_family(stem(w), a) for w in words(text) for a in asked):
        return False
    # a bare stretch ("After about an hour you reach the lighthouse, built in 1862") dates
    # no deed; a sentence with nothing else gives no time of its own to judge
    found = [m for m in filler_matches(TIME, text)
             if not (_BARE_STRETCH.fullmatch(m.group()) and not _AGO.match(text, m.end()))]
    if not found:
        return False
    for m in found:
        ws = _clause_words_before(text, m.start(), r"[\w'\u2019$-]+")
        # (of a question asking when a deed starts or ends, a verb of starting or ending
        # may time that deed: "will start changing them?" / "replace them, starting in spring")
        verbs = [w for w in ws if _TIMED_VERB.fullmatch(w) and w.lower() not in _NOT_VERB
                 and not (phase and any(v.fullmatch(w) for v in _PHASE_VERB.values()))]
        if not verbs:
            return False
    return True


# What brings in a later event than the one just timed: "at 11am, followed by a reception",
# "the talk at 7pm and then a walk", "opens at noon, after which ...".
_THEN = re.compile(r"\b(?:followed by|and then|after which|afterwards)\b", re.I)


def times_earlier_event(asked: Sequence[str], text: str) -> bool:
    """Whether the thing asked the time of (``asked``: the stems of its words, "reception")
    comes in the sentence only as what follows the timed event: "The service is at 2pm,
    followed by a reception in the hall" does not say when the reception is. False when a
    word asked comes before it, or a time after it ("followed by lunch at 1pm")."""
    m = _THEN.search(text)
    if not asked or m is None:
        return False
    found = filler_matches(TIME, text)
    if not found or any(t.end() > m.start() for t in found):
        return False
    family = {k for k, w in enumerate(words(text)) if any(_same_family(stem(w), a) for a in asked)}
    if not family:
        return False
    head = len(words(text[: m.start()]))
    return min(family) >= head


# What times a deed from another event: "in the spring after the wreck", "the week before
# the trial", "a month ahead of the vote".
_RELATIVE = (r"\b(?:before|after|following|ahead of|prior to|in the run-up to|in the wake of)"
             r"\s+")
_RELATIVE_TO = re.compile(_RELATIVE + r"(?:(?:the|a|an|this|that|these|those|his|her|their|its|"
                          r"our|my|your)\s+)?(?:[\w'\u2019-]+\s+){0,2}?([\w'\u2019-]+)", re.I)
_RELATIVE_ASKED = re.compile(_RELATIVE, re.I)


def times_relative_to(asked: Sequence[str], text: str, question: str) -> bool:
    """Whether the thing a "when" question asks about (``asked``: the stems of its words,
    "wreck") comes in the sentence only as what another event is timed from: "The nameboard
    washed ashore in the spring after the wreck" does not say when the wreck was.
    False when the question times from an event itself ("How long after the storm ...?"),
    when a word asked stands elsewhere in the sentence, when a time follows close after the
    event timed from ("after the storm of 1953"), or no time is told."""
    if not asked or _RELATIVE_ASKED.search(question) or not filler_matches(TIME, text):
        return False
    anchored: set[int] = set()
    times = filler_matches(TIME, text)
    for m in _RELATIVE_TO.finditer(text):
        # a time right after the event timed from may be its own ("after the storm of 1953",
        # "after the ship sank in 1883")
        if any(0 <= t.start() - m.end() <= 40 for t in times):
            return False
        anchored.update(range(m.start(), m.end()))
    hits = [start for start, word in _word_stems(text) if any(_same_family(word, a) for a in asked)]
    return bool(hits) and all(start in anchored for start in hits)


@lru_cache(maxsize=8192)  # every candidate sentence is read so, for each "when" question
def _word_stems(text: str) -> tuple[tuple[int, str], ...]:
    """Where each word of ``text`` starts, and its stem."""
    return tuple((t.start(), stem(word_of(t.group().lower())))
                 for t in re.finditer(r"[\w'\u2019-]+", text))


# The side of an event a time is asked or told on: "before the floods", "in the wake of the
# strike", and the words of the event.
_SIDE = re.compile(r"\b(before|prior to|ahead of|in the run-up to|after|following|in the wake of)"
                   r"\s+((?:(?:the|a|an|this|that|these|those|his|her|their|its|our|my|your)\s+)?"
                   r"(?:[\w'\u2019-]+[ \t]*){1,3})", re.I)
_BEFORE = frozenset({"before", "prior to", "ahead of", "in the run-up to"})


def _sides(text: str) -> list[tuple[bool, set[str]]]:
    """Each side of an event the text names: (before it?, the stems of its words)."""
    return [(" ".join(m[1].lower().split()) in _BEFORE,
             {stem(w) for w in words(m[2]) if len(w) > 2 and w.lower() not in STOPWORDS})
            for m in _SIDE.finditer(text)]


def times_other_side(question: str, text: str) -> bool:
    """Whether the sentence tells of the event a "when" question times itself from only on
    its other side: "When was the pier last inspected before the storm?" is not answered by
    "an inspection after the storm found the piles rotten" (nor "after" by "before"). False
    when the question names no side of an event, or the sentence names the same side of it
    too, or names the event on no side."""
    asked = _sides(question)
    if not asked:
        return False
    before, event = asked[0]
    if not event:
        return False
    told = [b for b, ws in _sides(text) if any(_same_family(w, e) for w in ws for e in event)]
    return bool(told) and all(b != before for b in told)


# A place said without a name: "by the gate", "under my desk", "close to a wall", "at the
# top of your bill". The noun after the preposition is the place.
_LOCATIVE = re.compile(
    r"\b(?:in|at|on|by|near|behind|beside|under|underneath|inside|outside|above|below|along|"
    r"across|opposite|between|beneath|among|against|facing|from|into|onto|close to|next to|"
    r"near to|up|down|round|around|off|over|past|through|within)\s+"
    r"(?:the|a|an|her|his|their|its|my|our|your|this|that|these|those|each|every|one|some|two|"
    r"three|four|five|six|seven|eight|nine|ten|several|both)\s+"
    r"(?=((?:[\w'\u2019-]+,?\s+){0,2}[\w'\u2019-]+))", re.I)
# Nouns after such a preposition that tell when, how or how much, not where.
_NOT_PLACE = frozenset(
    """time times day days week weeks month months year years morning mornings afternoon evening
    evenings night nights hour hours minute minutes second seconds moment moments period season
    seasons spring summer autumn winter fall weekend weekends end start beginning middle meantime
    past future way ways case cases rate rates cost costs price prices least most same first
    last next other rest whole lot lots bit number amount kind sort type part result results
    point points study studies trial trials help use sake reason basis average total o'clock""".split())

# Nouns of an idea, not a place: "a role in their resistance", "in the regulation of bone".
_ABSTRACT = re.compile(r"(?:tion|sion|ance|ence|ancy|ency|ment|ity|ness|ism|ship|ology|ics)$")
# ... but these are places
_PLACES_LIKE_IDEAS = frozenset(
    """basement apartment compartment pavement settlement department embankment encampment
    monument parliament tenement entrance station residence conference""".split())


# A named place where something is: after a preposition of place, past a determiner and a
# word or two ("in Peterborough", "at the University of Leicester", "in the northern port city
# of Skarhaven", "from Baltimore").
_AT_NAMED = re.compile(
    r"\b(?:in|at|on|near|from|outside|inside|of|beside|opposite|off|around|across|along|"
    r"between|within|behind|above|below)\s+(?:(?:the|a|an|our|their|his|her|its|my|your)\s+)?"
    r"(?:[a-z][\w'\-]*\s+){0,2}(?-i:([A-Z][\w'\-\u00c0-\u017f]+))", re.I)


def names_place_at(text: str, given: frozenset[str] | set[str]) -> bool:
    """Whether the sentence puts something at a named place the question does not give (``given``:
    its words, lower case): "We live in Peterborough", "a zooarchaeologist at the University of
    Leicester"; not a name that places nothing ("Bronze Age dogs", "her novel, The Glass
    Tide")."""
    calendar = set(MONTH_NAMES + WEEKDAY_NAMES)
    return any(m.group(1).lower() not in given and m.group(1).lower() not in calendar
               for m in _AT_NAMED.finditer(text))


# Where a "where" question asks a thing to be: where it starts or comes from ("Where does the
# walk start from?", "Where is it shipped from?"), where it ends or goes ("Where did the walk
# finish?", "Where does the river reach the sea?"), or where it is or is done (the rest).
_WHERE_FROM = re.compile(
    r"\bfrom\s*\W*$|\b(?:start|starts|started|starting|begin|begins|began|begun|leave|leaves|"
    r"left|depart|departs|departed|originate|originates|originated|set\s+off|sets\s+off)\b", re.I)
_WHERE_TO = re.compile(
    r"\bto\s*\W*$|\b(?:finish|finishes|finished|end|ends|ended|reach|reaches|reached|arrive|"
    r"arrives|arrived|return|returns|returned|lead|leads|flow|flows|flowed|head|heads|headed|"
    r"go|goes|went|move|moves|moved|emigrate|emigrated|send|sends|sent|donate|donations?|write|"
    r"post|deliver|submit|report|apply|complain|bring|take|taken)\b", re.I)
# The prepositions that put a thing at a place in each of those roles: not "to Lock 14" for
# where a walk starts, nor "from Port Saffery" for where a river ends.
_ROLE_PREPOSITIONS = {
    "from": "from|at|in|outside|inside|near|beside|opposite",
    "to": "to|into|onto|at|in|outside|inside|near|beside|opposite",
    "at": "in|at|on|inside|outside|near|beside|behind|opposite|within|around|off|beneath|under",
}
_ROLE_PLACE = {role: re.compile(
    rf"\b(?:{preps})\s+(?:(?:the|a|an|our|their|his|her|its|my|your)\s+)?"
    r"(?:(?-i:[a-z])[\w'\-]*\s+){0,4}"
    r"(?-i:([A-Z][\w'\-\u00c0-\u017f]+(?:\s+(?:of\s+)?[A-Z][\w'\-\u00c0-\u017f]+)*))", re.I)
    for role, preps in _ROLE_PREPOSITIONS.items()}


def where_role(question: str) -> str:
    """The role of the place a "where" question asks: "from" (where it starts or comes from),
    "to" (where it ends or goes) or "at" (where it is or is done)."""
    q = question.rstrip()
    if _WHERE_FROM.search(q):
        return "from"
    if _WHERE_TO.search(q):
        return "to"
    return "at"


# Words that put a place in a role just before its preposition: "set off from", "meet at" (where
# a walk or an outing starts); "were back at", "finished at" (where it ends); "stored at",
# "sitting in" (where a thing is).
_ROLE_CUES = {
    "from": frozenset("""start starts started starting begin begins began beginning set sets
        setting off leave leaves left leaving depart departs departed departing meet meets
        meeting assemble gather come comes came coming""".split()),
    "to": frozenset("""finish finishes finished finishing end ends ended ending arrive arrives
        arrived arriving back return returns returned returning reach reaches reached""".split()),
    # ... where a thing is kept or stays: "four of them are sitting at the depot"
    "at": frozenset("""sit sits sitting sat stored kept parked housed located based situated
        lies lying stands standing stationed stays stayed staying""".split()),
}
# How many words before the preposition a cue may stand: "Meet 10am at ...".
_CUE_WORDS = 3


def places_in_role(text: str, given: frozenset[str] | set[str], role: str,
                   asked: frozenset[str] = frozenset()) -> int:
    """How plainly the sentence names a place the question does not give (``given``: its
    words, lower case) in ``role`` (``where_role``): 2 after a word that puts it there (a word
    of starting or of ending for the role a few words before, or one of ``asked``, the stems
    of the question's verb, right before: "set off from Cragthorpe", "were back at the
    Fleece", "held at the Town Hall"); 1 after a preposition that may ("in the port city of
    Skarhaven" for where a novel is set);
    0 for none ("The ferryman, Halvard, ...", a name that places nothing; "along the towpath to
    Lock 14" for where a walk starts)."""
    calendar = set(MONTH_NAMES + WEEKDAY_NAMES)
    best = 0
    for m in _ROLE_PLACE[role].finditer(text):
        if not any(w.lower() not in given and w.lower() not in calendar
                   for w in m.group(1).split() if w != "of"):
            continue
        before = words(text[:m.start()])[-_CUE_WORDS:]
        cued = any(w in _ROLE_CUES[role] for w in before) or (
            bool(before) and stem(before[-1]) in asked)
        best = max(best, 2 if cued else 1)
        if best == 2:
            break
    return best


def locates(text: str, given: frozenset[str] | set[str]) -> bool:
    """Whether the sentence says where with a common noun the question does not already give:
    "I spent most of August hauling cans from the single tap by the gate" answers "Where is
    the tap?" (``given``: the question's words)."""
    for m in _LOCATIVE.finditer(text):
        phrase = words(m.group(1))
        cut = next((k for k, w in enumerate(phrase) if w in STOPWORDS), len(phrase))
        head = phrase[cut - 1] if cut else ""
        if (head and head not in given and head not in _NOT_PLACE and not head.isdigit()
                and (head in _PLACES_LIKE_IDEAS or not _ABSTRACT.search(head))):
            return True
    return False



# A preposition that puts a thing somewhere, right after the thing ("12 farms in the Fen
# district"); where it came from, one of coming from ("the butts second-hand from a food firm").
_PUT_AT = {"at": re.compile(r"\b(?:in|at|on|near|beside|outside|inside|behind|opposite|from|"
                            r"next\s+to|close\s+to|above|below|under)\s", re.I),
           "from": re.compile(r"\b(?:from|out\s+of)\s", re.I)}
# How many words may stand between the thing and that preposition.
PUT_AT_NEAR = 2


def places_thing(text: str, thing: frozenset[str], given: frozenset[str] | set[str],
                 role: str = "at") -> bool:
    """Whether the sentence says where the thing asked is, or for ``role`` "from" where it
    came from (``thing``: the stems of the question's words for it; ``given``: its words, lower
    case): a word of it followed, within a word or two of its clause, by a place, named or not
    ("We sampled fields on 12 farms in the Fen district"; "I bought the butts second-hand from
    a local food firm" for where they came from, not "butts on the communal sheds"); not a
    time after it ("visited her workshop on a wet afternoon"), nor a group it came through
    ("12 farms through the Soil Group"). Any other role is read as where it is."""
    if role not in _PUT_AT:
        role = "at"
    for t in _TOKEN.finditer(text):
        if stem(t.group().lower()) not in thing:
            continue
        seg = re.split(r"[;:.!?]", text[t.end():], maxsplit=1)[0]
        for m in _PUT_AT[role].finditer(seg):
            if len(words(seg[:m.start()])) > PUT_AT_NEAR:
                break
            tail = seg[m.start():]
            common, named = _LOCATIVE.match(tail), _AT_NAMED.match(tail)
            # (the place right after the preposition, not one further on)
            if (common and locates(tail[:common.end()] + common.group(1), given)) \
                    or (named and names_place_at(named.group(), given)):
                return True
    return False


# The word tokens ``text.words`` makes, found in the sentence as printed (so a capital shows).
_TOKEN = re.compile(WORD, re.I)


@dataclass(frozen=True)
class Slots:
    """Where in a sentence an answer could sit: its word tokens (stemmed), the tokens each
    kind of filler covers (a number, a date or time, a year, a stretch of time, a clock
    time), and its capitalised tokens past the first (a name)."""

    stems: tuple[str, ...]
    fillers: dict[str, tuple[int, ...]]
    capitals: tuple[int, ...]


def answer_slots(text: str) -> Slots:
    toks = list(_TOKEN.finditer(text))
    fillers = {}
    for kind in _FILLERS:
        spans = [m.span() for m in filler_matches(kind, text)]
        fillers[kind] = tuple(k for k, t in enumerate(toks)
                              if any(t.start() < b and t.end() > a for a, b in spans))
    return Slots(tuple(stem(word_of(t.group().lower())) for t in toks),
                 fillers, tuple(k for k, t in enumerate(toks) if k and t.group()[0].isupper()))


# Ways to get in touch, as printed: an e-mail address; a phone number (nine to thirteen
# digits in groups, "01632 960 418", "(555) 123-4567", "+44 20 7946 0958"); a web address
# ("https://...", "www....", "wrenmooryo.org.uk/bursary").
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_PHONE = re.compile(r"(?<![\w.,/-])\+?\(?\d[\d ()-]{7,18}\d(?![\w/-]|[.,]\d)")
_WEB = re.compile(r"\bhttps?://\S+|\bwww\.[\w-]+\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|"
                  r"gov|io|info|co\.uk|org\.uk|gov\.uk|ac\.uk|nhs\.uk|uk|ie|eu|de|fr|nl|au|ca|nz|us)"
                  r"\b(?!\.\w)(?:/\S*)?", re.I)


def _phone(text: str) -> bool:
    return any(9 <= sum(c.isdigit() for c in m.group()) <= 13 for m in _PHONE.finditer(text))


CONTACT_FORMS: dict[str, Callable[[str], object]] = {
    EMAIL: _EMAIL.search, PHONE: _phone, WEB: _WEB.search}


# A person by their initials, as a paper's list of who did what names its authors ("RP carried
# out the sequencing", "IM and CU-S designed the study").
_INITIALS = re.compile(r"(?<![\w-])[A-Z]{1,4}(?:-[A-Z]{1,2})?(?![\w-])")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*")


def _initials_of(name: str) -> str:
    """"Rhys Penhallow": "RP"; "Adaeze Okonkwo-Hale": "AO-H"."""
    return "".join("-".join(part[0] for part in word.split("-") if part)
                   for word in name.split() if word[:1].isupper())


@lru_cache(maxsize=1024)
def _author_initials(authors: str) -> frozenset[str]:
    out = (_initials_of(name) for name in _AUTHOR_SPLIT.split(authors) if " " in name.strip())
    return frozenset(i for i in out if len(i.replace("-", "")) >= 2)


def names_author_by_initials(text: str, authors: str | None) -> bool:
    """The sentence names one of its source's authors by their initials."""
    if not authors:
        return False
    known = _author_initials(authors)
    return any(m.group() in known for m in _INITIALS.finditer(text))


def sentence_flags(text: str, source: Source) -> dict[str, bool]:
    """What kinds of answer the sentence itself can hold (question-independent)."""
    contacts = {form: bool(holds(text)) for form, holds in CONTACT_FORMS.items()}
    return {
        NUMBER: bool(_HAS_NUMBER.search(text)),
        TIME: bool(_HAS_TIME.search(text)),
        PERSON: _has_person(text) or (source.kind == "reference"
                                       and bool(_AUTHORS_LIST.search(text)))
        or names_author_by_initials(text, source.author),
        "year": bool(_YEAR.search(text)),
        "duration": bool(_DURATION.search(text)),
        "clock": states_clock(text),
        "span": bool(_SPAN.search(text)),
        PLACE: bool(_PROPER.search(text)),
        TITLE: source.kind in ("title", "reference"),
        ROLE: bool(_ROLE.search(text)),
        # a heading, a byline, a caption or a citation tells no reason ("Fixing a Chain: a Guide")
        REASON: source.kind not in ("title", "byline", "caption", "reference")
        and bool(REASON_FORM.search(text)),
        RANKS: source.kind not in ("byline", "reference") and ranks(text),
        RESULT: bool(RESULT_FORM.search(text)) and not REASON_FORM.search(text),
        **contacts,
        CONTACT: any(contacts.values()),
    }


@dataclass(frozen=True)
class SentenceInfo:
    """Question-independent facts about every sentence of an article, computed once."""

    kinds: np.ndarray  # source kind per sentence (str)
    flags: dict[str, np.ndarray]  # answer type -> bool per sentence
    near: dict[str, np.ndarray]  # answer type -> a neighbour in the same source has it
    low_info: np.ndarray
    is_question: np.ndarray
    author_terms: tuple[frozenset[str], ...]  # the source's author's name terms
    words: tuple[frozenset[str], ...]  # the sentence's words and its source's author's
    prev: np.ndarray  # the row of the sentence before it in its source, or -1
    hub: np.ndarray  # mean cosine with its 5 closest other sentences
    agent: np.ndarray  # "... by Dr. X", "a study by X and Y": who did something is named
    affiliation: np.ndarray  # "Dr. X (University of Y)", "X, of the Y Institute"
    vocab_ids: np.ndarray  # (n, L): the sentence's words (and its author's) as vocabulary rows, -1 pads
    named: tuple[frozenset[str], ...]  # its names (``names_by_sentence``) and numbers
    # the speaker's label opening a line ("Brandvold: ..."): who speaks, no thing it names
    speakers_named: tuple[frozenset[str], ...]
    # the name opening it, if any ("Daubenton's bats ...": ``names_by_sentence``)
    opening_name: tuple[frozenset[str], ...]
    measures: tuple[frozenset[str], ...]  # the measures it states ("money", "age"...)
    quantity_terms: tuple[frozenset[str], ...]  # stems of the words about its numbers
    quantity_ids: np.ndarray  # (n, L): those words as vocabulary rows, -1 pads
    credit: np.ndarray  # a picture's credit line ("Photo: Ann Roe")
    counts_people: np.ndarray  # a number of people: "eleven staff", "112 adults"
    texts: tuple[str, ...]  # the sentences themselves
    # a quote running over several sentences: the row of the sentence naming its speaker two
    # or more sentences back, or -1 (a next-door speaker is in ``near``)
    speaker: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    # a quote that does not name its speaker: the row of the sentence that does (where the
    # quote opens, or the one a pronoun speaker stands for: ``pronoun_speaker``), or -1
    said_by: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    # for a sentence of a reader's reply, the words of the name of the commenter it answers
    reply_to: tuple[frozenset[str], ...] = ()
    slots: tuple[Slots, ...] = ()  # where an answer could sit in each sentence

    @classmethod
    def build(cls, sentences: Sequence[Span], sources: Mapping[str, Source],
              sentence_terms: Sequence[frozenset[str]], vectors: np.ndarray,
              vocabulary: Sequence[str]) -> SentenceInfo:
        """``vectors``: the sentences' (bare) embeddings, one row each; ``vocabulary``: the
        words of the index's vocabulary vectors, in order."""
        n = len(sentences)
        row_of = {w: i for i, w in enumerate(vocabulary)}
        ids = [sorted({row_of[w] for w in words(f"{s.text} {sources[s.source_id].author or ''}")
                       if w in row_of}) for s in sentences]
        width = max((len(x) for x in ids), default=0) or 1
        vocab_ids = np.full((n, width), -1, dtype=np.int64)
        for i, x in enumerate(ids):
            vocab_ids[i, : len(x)] = x
        flag_rows = [sentence_flags(s.text, sources[s.source_id]) for s in sentences]
        flags = {t: np.array([f[t] for f in flag_rows], dtype=bool) for t in flag_rows[0]} if n else {}
        near = {}
        for t, arr in flags.items():
            nb = np.zeros(n, dtype=bool)
            for i in range(n):
                for j in (i - 1, i + 1):
                    if 0 <= j < n and sentences[j].source_id == sentences[i].source_id and arr[j]:
                        nb[i] = True
            near[t] = nb
        speaker = quote_speakers(sentences)
        if PERSON in near:
            near[PERSON] |= speaker >= 0
        authors = tuple(frozenset(terms(sources[s.source_id].author or "")) for s in sentences)
        said_by = np.array([_said_by(sentences, sources, speaker, i) for i in range(n)],
                           dtype=np.int64)
        windows = [number_window(s.text) for s in sentences]
        named, opening_name, speakers_named = names_by_sentence([s.text for s in sentences])
        q_ids = [sorted({row_of[w] for w in x if w in row_of}) for x in windows]
        quantity_ids = np.full((n, max((len(x) for x in q_ids), default=0) or 1), -1, dtype=np.int64)
        for i, x in enumerate(q_ids):
            quantity_ids[i, : len(x)] = x
        return cls(
            slots=tuple(answer_slots(s.text) for s in sentences),
            speaker=speaker,
            said_by=said_by,
            reply_to=tuple(frozenset(words(sources[s.source_id].reply_to or "")) for s in sentences),
            kinds=np.array([sources[s.source_id].kind for s in sentences]),
            flags=flags,
            near=near,
            low_info=np.array([len(t) < 4 for t in sentence_terms], dtype=bool),
            is_question=np.array([s.text.rstrip("\"'\u201d)").endswith("?") for s in sentences],
                                 dtype=bool),
            author_terms=authors,
            words=tuple(frozenset(words(s.text)) | frozenset(words(sources[s.source_id].author or ""))
                        for s in sentences),
            prev=np.array([i - 1 if i and sentences[i - 1].source_id == s.source_id else -1
                           for i, s in enumerate(sentences)], dtype=np.int64),
            hub=_hubness(vectors),
            agent=np.array([bool(_AGENT.search(s.text)) for s in sentences], dtype=bool),
            affiliation=np.array([bool(_AFFILIATION.search(s.text)) for s in sentences], dtype=bool),
            vocab_ids=vocab_ids,
            named=named,
            opening_name=opening_name,
            speakers_named=speakers_named,
            measures=tuple(measures(s.text) for s in sentences),
            quantity_terms=tuple(frozenset(terms(" ".join(x))) for x in windows),
            quantity_ids=quantity_ids,
            credit=np.array([bool(_CREDIT.search(s.text)) for s in sentences], dtype=bool),
            texts=tuple(s.text for s in sentences),
            counts_people=np.array([counts_people(s.text) or bool(_SHARE_SAID.search(s.text))
                                    for s in sentences], dtype=bool),
        )


def _hubness(vectors: np.ndarray, k: int = 5) -> np.ndarray:
    """Each sentence's mean cosine with its ``k`` closest other sentences: a sentence close to
    many (a summary, a generic remark) matches many questions a little."""
    n = len(vectors)
    if n < 2:
        return np.zeros(n)
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, -np.inf)
    k = min(k, n - 1)
    top = -np.sort(-sims, axis=1)[:, :k]
    return top.mean(axis=1).astype(np.float64)


# Saying that something is not told: "even if she won't give the recipe", "a small incident I
# won't describe", "the firm declined to say", "the price was not disclosed", "kept secret";
# or not known yet: "the cause is not yet known", "the date has yet to be set", "unclear".
_WITHHOLDS = re.compile(
    r"\b(?:won['\u2019]t|will\s+not|wouldn['\u2019]t|would\s+not|didn['\u2019]t|did\s+not|"
    r"doesn['\u2019]t|does\s+not|don['\u2019]t|do\s+not|can['\u2019]t|cannot|couldn['\u2019]t|"
    r"could\s+not|never|refus(?:e|es|ed|ing)\s+to|declin(?:e|es|ed|ing)\s+to)\s+"
    r"(?:(?:yet|even|ever|publicly|exactly|really)\s+)?"
    r"(?P<verb>give|say|reveal|share|disclose|describe|tell|name|divulge|specify|discuss|publish|"
    r"go\s+into)\b"
    r"|\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:disclosed|revealed|made\s+public|released|"
    r"named|specified|published)\b"
    r"|\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:known|announced|confirmed|decided|agreed|"
    r"finali[sz]ed|determined|established)\b|\b(?:has|have|had)\s+yet\s+to\s+be\s+\w+ed\b"
    r"|\b(?:unclear|undecided|unconfirmed|to\s+be\s+(?:confirmed|announced|decided))\b"
    r"|\bno\s+details\b|\bundisclosed\b"
    r"|\b(?:kept|keeps|keep|keeping)\s+(?:[\w'\u2019-]+\s+){0,6}secret\b"
    r"|\bunder\s+wraps\b", re.I)
# How near (in words) to such a phrase the thing it keeps back is named.
WITHHELD_NEAR = 5
# Where the object of "won't give ..." ends: "she won't give the formula to anyone", "I do not
# tell this story to shame ...".
_OBJECT_END = re.compile(r"[,.;:!?()\u2014\u2013\"\u201c\u201d]|\b(?:to|because|so|when|if|but|"
                         r"and|or|for|unless|until|as|since|while)\b", re.I)
# Words after such a verb that are no object: "I won't describe it here", "won't say yet".
_NO_OBJECT = frozenset(terms("here there now yet anyone anybody us me them him her you it more "
                             "publicly exactly today"))


def withholds(text: str, asked: frozenset[str] | set[str]) -> bool:
    """Whether the sentence says that one of ``asked`` (stemmed terms of a question) is kept
    back or not told: "Would love a follow-up on the varnish, even if she won't give the
    recipe" names the recipe, but not what is in it; "a small incident I won't describe"; not
    "I do not tell this story to shame her school" (what it does not tell is the story)."""
    if not asked:
        return False
    for m in _WITHHOLDS.finditer(text):
        rest = text[m.end():]
        cut = _OBJECT_END.search(rest)
        told = [t for t in terms(rest[:cut.start()] if cut else rest) if t not in _NO_OBJECT]
        if m.group("verb") and told:  # "won't give the recipe": the recipe is what is kept back
            if asked & set(told[:WITHHELD_NEAR]):
                return True
            continue
        before = terms(text[:m.start()])[-WITHHELD_NEAR:]
        after = terms(rest)[:WITHHELD_NEAR]
        if asked & set(before + after + terms(m.group())):
            return True
    return False


def withholds_who(text: str, asked: frozenset[str] | set[str]) -> bool:
    """Whether the sentence says that who did one of ``asked`` (stemmed terms of a "who"
    question, with the words of its deed) is kept back: "he would not tell me who is writing
    it", "the firm declined to say who paid"; or that the one asked is not named ("the referee
    has not been named"). Not "she would not say when it opens": what is kept back is when."""
    for m in _WITHHOLDS.finditer(text):
        if m.group("verb"):
            rest = words(text[m.end():])
            at = next((k for k, w in enumerate(rest[:3]) if w in ("who", "whom")), None)
            if at is not None and asked & set(terms(" ".join(rest[at + 1 : at + 1 + WITHHELD_NEAR]))):
                return True
            continue
        before = terms(text[:m.start()])[-WITHHELD_NEAR:]
        if asked & set(before + terms(m.group())):
            return True
    return False


# What a question asks, by its wh-word: "How many ...?", "How long ...?", "When ...?".
_WH = (r"how\s+(?:many|much|long|old|far|often|big|tall|high|soon|deep|wide|heavy|large|fast)"
       r"|when|where|which|who|why|what")
_ASKED_WH = re.compile(r"^\W*(?:(?:and|so|but|ok(?:ay)?|well|then)\W+)*(?P<wh>" + _WH + r")\b",
                       re.I)
# Words before such a wh-word that leave it open: a writer wondering or wanting to know ("I'd
# want to know how many ...", "it makes me wonder when ..."), asking ("Does anyone know how much
# ...?"), or saying it is not told or not known ("could not yet say whether or for how long",
# "declined to say when", "it is unclear where", "no one knows why").
_OPEN = re.compile(
    r"\b(?:wonder(?:s|ed|ing)?|(?:want|wants|wanted|like|love|keen|curious|interested)\s+to\s+"
    r"(?:know|find\s+out|hear|learn)|(?P<ask>ask(?:s|ed|ing)?)|anyone\s+know|(?:unsure|uncertain|unclear|"
    r"unknown)|no\s+idea|(?:not|n['\u2019]t|never|nobody|no\s+one)\s+(?:[\w'\u2019]+\s+){0,2}?"
    r"(?:sure|say|said|tell|told|know|knows|known|clear|certain|decided|reveal(?:ed)?|"
    r"disclose[d]?|confirm(?:ed)?|explain(?:ed)?)|(?:declin|refus)(?:e|es|ed|ing)\s+to\s+"
    r"(?:say|tell|reveal|disclose|confirm|explain))\s+(?:[\w'\u2019]+\s+){0,3}?"
    r"(?P<wh>" + _WH + r")\b", re.I)
# ... or a question the sentence itself opens with ("How many seats does it have?").
_OPENS_ASKING = re.compile(r"^\W*(?:(?:and|so|but|or|also|anyway|ok(?:ay)?|well|then|and\s+then)"
                           r"\W+)*(?P<wh>" + _WH + r")\b", re.I)
RAISED_NEAR = 8


def raises(text: str, question: str, asked: frozenset[str] | set[str], asking: bool = True) -> bool:
    """Whether the sentence raises what the question asks rather than answering it: it asks
    the same ("How many particles were in the blanks?" / "I'd want to know how many particles
    turned up in the blanks"), or says it is not told or not known ("How long will the
    slipway close?" / "could not yet say whether or for how long it might have to close"): the
    question's wh-word, with one of ``asked`` (stemmed terms of the question) soon after it.
    Not a sentence that wonders about another thing ("I wondered whether we would ever get
    back in, said the director since 2019" for "How long has she held the job?"). ``asking``:
    a sentence that asks it ("How many seats does it have?", "She asked how long it takes")
    counts too; the one who asks may be answered next."""
    wh_counted = _asked_wh(question)
    if wh_counted is None or not asked:
        return False
    wh, counted = wh_counted
    opened, opens_asking = _open_clauses(text)
    found = [(w, after) for w, by_asking, after in opened if asking or not by_asking]
    if asking and opens_asking is not None:
        found.append(opens_asking)
    if all(f_wh != wh for f_wh, _ in found):
        return False
    for f_wh, after in found:
        if f_wh != wh:
            continue
        if asked & set(after) and (not counted or counted & set(after[:2])):
            return True
    return False


@lru_cache(maxsize=4096)  # read once per question, not once per candidate
def _asked_wh(question: str) -> tuple[str, frozenset[str]] | None:
    """The question's opening wh-word (``_ASKED_WH``) and, for "how many" or "how much", the
    term it counts: what the sentence counts must be it ("how many ewes" is not "how many
    lambs"). None when it opens with no wh-word."""
    m = _ASKED_WH.match(question)
    if not m:
        return None
    wh = " ".join(m.group("wh").lower().split())
    counted = frozenset(terms(question[m.end():])[:1]) if wh in ("how many", "how much") else frozenset()
    return wh, counted


@lru_cache(maxsize=8192)  # every candidate sentence is read so, for each question
def _open_clauses(text: str) -> tuple[tuple[tuple[str, bool, tuple[str, ...]], ...],
                                      tuple[str, tuple[str, ...]] | None]:
    """The sentence's clauses that leave a question open (``_OPEN``): each one's wh-word, whether
    it asks, and the first ``RAISED_NEAR`` terms after it; and, for a sentence that is a
    question, its opening wh-word and the terms after it."""
    def wh_of(f: re.Match[str]) -> str:
        return " ".join(f.group("wh").lower().split())

    opened = tuple((wh_of(f), bool(f.group("ask")), tuple(terms(text[f.end():])[:RAISED_NEAR]))
                   for f in _OPEN.finditer(text))
    first = _OPENS_ASKING.match(text)
    asks = first is not None and text.rstrip("\"'\u201d) ").endswith("?")
    return opened, ((wh_of(first), tuple(terms(text[first.end():])[:RAISED_NEAR]))
                    if asks and first is not None else None)


# A value said to be the new one: "a new 20mph speed limit will apply", "the revised fee".
_NEW_VALUE = re.compile(r"\b(?:new|revised|updated)\b", re.I)
# ... and words that tell of the one before it too: "replacing the old 30mph limit", "up from
# £20", "the limit was 30mph".
_OLD_VALUE = re.compile(r"\b(?:old|older|previous(?:ly)?|former(?:ly)?|original(?:ly)?|before|"
                        r"earlier|used\s+to|was|were|had\s+been|replac\w*|rather\s+than|"
                        r"instead\s+of|(?:up|down|rise|rises|rose|fall|falls|fell|cut)\s+from)\b"
                        r"|\bfrom\s+\S*\d", re.I)
NEW_NEAR = 4


def tells_only_new(text: str, asked: frozenset[str] | set[str]) -> bool:
    """Whether the sentence gives the value of one of ``asked`` (stemmed terms) as it is
    newly, and nothing of how it was before: "a new 20mph speed limit will apply" does not say
    what the limit was before the closure."""
    if not asked or _OLD_VALUE.search(text):
        return False
    for m in _NEW_VALUE.finditer(text):
        after = words(text[m.end():])[:NEW_NEAR + 3]
        if (asked & {stem(w) for w in after[:NEW_NEAR]}
                and any(c.isdigit() for w in after for c in w)):
            return True
    return False



# A question asking what an event brought, in the past: what it found or showed ("What did the
# survey find?"), what was said, decided or done at it ("What did the mayor say at the 4 May
# meeting?", "What happened at the hearing?"), its outcome ("What was the result of the
# vote?"), or how it went. The group names the event; its head (the last word before a
# preposition or a time word) is what a sentence must name to speak of it.
_DET = r"(?:the|a|an|this|that|their|his|her|its|our|your|my)"
_OUTCOME_ASKED = re.compile(
    rf"\bwhat\s+did\s+{_DET}\s+(?P<a>(?:[\w'\u2019-]+\s+){{0,3}}?[\w'\u2019-]+)\s+(?:find|show|"
    r"reveal|conclude|decide|recommend|discover|uncover|turn\s+up)\b"
    r"|\bwhat\s+(?:did\s+[^?]+?\s+(?:say|decide|agree|announce|discuss|learn|hear|find|vote)|"
    r"happened|was\s+(?:said|decided|agreed|announced|discussed))\s+(?:at|during)\s+"
    rf"{_DET}\s+(?P<b>[^?]+)"
    r"|\bwhat\s+(?:was|were)\s+the\s+(?:outcome|result|results|verdict|decision|findings?|"
    rf"conclusions?)\s+of\s+{_DET}\s+(?P<c>[^?]+)"
    rf"|\bhow\s+did\s+{_DET}\s+(?P<d>(?:[\w'\u2019-]+\s+){{0,3}}?[\w'\u2019-]+)\s+go\b",
    re.I)
# A word for people rather than an event: "the researchers", "the reviewer", "the team".
_DOER = re.compile(rf"^(?:{_PERSON_NOUNS}|\w+(?:ers?|ors?|ists?|ians?|ees?))$")
# Where the words naming an event stop: a preposition or a word of time after its head ("the
# meeting on Monday", "the survey of the roof last week").
_EVENT_ENDS = frozenset("""on in at of for with about by from to over after before last this
    next yesterday today tonight when where which that""".split())


def outcome_asked(question: str) -> frozenset[str]:
    """The stem of the event whose outcome or content a past-tense question asks ("What did
    the survey find?": {survey}; "What did Ann say at the 4 May meeting?": {meet}), or an empty
    set when the question asks no such thing."""
    m = _OUTCOME_ASKED.search(question)
    if not m:
        return frozenset()
    group = next(g for g in m.groups() if g is not None)
    ws = words(group)
    for k, w in enumerate(ws):
        if k and w in _EVENT_ENDS:
            ws = ws[:k]
            break
    heads = [w for w in ws if w not in STOPWORDS and not w.isdigit()]
    if not heads or (m.group("a") is not None and _DOER.search(heads[-1])):
        return frozenset()  # "What did the researchers find?": people, not an event
    return frozenset({stem(heads[-1])})


# A sentence placing what it names still to come: a future ("will", "'ll", "is going to"), a
# plan or booking ("is due to", "booked for 2 December", "plans to"), "next week", or an
# arrangement in the present with its day ("is meeting me on 14 August") ...
_COMING = re.compile(
    r"\b(?:will|shall|won't|going\s+to|gonna)\b|\w['\u2019]ll\b"
    r"|\b(?:is|are|am)\s+(?:due|set|scheduled|planned|expected|booked)\s+(?:to|for|on|in)\b"
    r"|\b(?:booked|scheduled|planned|arranged|fixed)\s+(?:\w+\s+){0,3}?for\b"
    r"|\b(?:plans?|hopes?|intends?|aims?)\s+to\b|\b(?:upcoming|forthcoming)\b"
    r"|\bnext\s+(?:week|month|year|weekend|" + "|".join(WEEKDAY_NAMES) + "|" + "|".join(MONTH_NAMES)
    + r")\b"
    r"|\b(?:is|are|am)\s+\w+ing\b(?:\s+[\w'\u2019,-]+){0,8}?\s+(?:on|this|next)\s+(?:\d|"
    + "|".join(WEEKDAY_NAMES) + "|" + "|".join(MONTH_NAMES) + r")",
    re.I)
# ... and one telling of it as done: what it found, said or decided, that it took place.
_REPORTED = re.compile(
    r"\b(?:found|showed|shown|revealed|concluded|decided|agreed|voted|said|told|reported|"
    r"happened|went|took\s+place|(?:was|were)\s+(?:held|postponed|cancelled|canceled|adjourned|"
    r"put\s+off|called\s+off))\b", re.I)


def tells_outcome(text: str) -> bool:
    """Whether the sentence tells of something as done or found ("The survey found rot",
    "Deaths fell by 31 percent"), whatever it names."""
    return _REPORTED.search(text) is not None or RESULT_FORM.search(text) is not None


def tells_only_coming(text: str, event: frozenset[str] | set[str]) -> bool:
    """Whether the sentence names the event (``outcome_asked``) only as still to come, and
    tells nothing of it as done: "We have booked a survey for 2 December and I will report
    back" cannot say what the survey found."""
    if not event or not event & {stem(w) for w in words(text)}:
        return False
    return _COMING.search(text) is not None and _REPORTED.search(text) is None


# A question asking what caused a death: "What did she die of?", "What was the cause of
# death?", "What killed him?", "How did her uncle die?".
# (asked by "what" or "how", not "How many died from the flu?")
_DEATH_CAUSE_ASKED = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?(?=what\b|how\s+(?:did|do|does|had|has|was|were)\b)"
    r"(?:[^?]*?\b(?:die|died|dies)\s+(?:of|from)\b|[^?]*?\bcause\s+of\s+(?:\w+\s+)?death\b"
    r"|what\s+killed\b|how\s+did\s+[^?]+?\s+die\b)", re.I)
# A sentence telling what caused a death: "died of pneumonia", "died after a fall", "died in a
# crash", "was killed", an illness or an accident named; for "How did ... die?", the way too
# ("died peacefully in her sleep").
_DEATH_CAUSE = re.compile(
    r"\b(?:die|died|dies|dying|death|deaths)\s+(?:[\w'\u2019-]+\s+){0,2}?(?:of|from|after|following|"
    r"in\s+(?:a|an|the)|when|because|due|while)\b"
    r"|\b(?:killed|murdered|drowned|shot|stabbed|poisoned|executed|suicide|overdose|cancer|"
    r"tumou?r|stroke|heart\s+(?:attack|failure|disease)|illness|ill|disease|infection|fever|"
    r"pneumonia|dementia|complications|injuries|wounds|crash|accident|collision|fire|"
    r"took\s+(?:his|her|their)\s+own\s+life)\b", re.I)
_DEATH_MANNER = re.compile(r"\b(?:peacefully|suddenly|unexpectedly|in\s+(?:his|her|their)\s+sleep)\b",
                           re.I)


def asks_death_cause(question: str) -> bool:
    """Whether the question asks what caused someone's death ("What did she die of?")."""
    return _DEATH_CAUSE_ASKED.search(question) is not None


def tells_death_cause(text: str, question: str) -> bool:
    """Whether the sentence tells what caused a death (``_DEATH_CAUSE``, or a reason in its own
    words), or, for "How did ... die?", the way it came: "She died peacefully on 12 May" says
    when and where she died, not of what."""
    if _DEATH_CAUSE.search(text) or REASON_FORM.search(text):
        return True
    return question.lower().lstrip(" \t\"'(").startswith("how") and bool(_DEATH_MANNER.search(text))


# The few of a set a question or a sentence may name in words ("those two", "the three mills").
SMALL_COUNTS = ("two three four five six seven eight nine ten eleven twelve").split()
# "What are the nine spray patterns?", "What were the names of the three mills?": a question
# asking for the members of a group it counts.
_COUNTED_GROUP = re.compile(r"\b(?:what|which)\b.*?\b(?:are|were)\s+(?:the\s+)?(?:names\s+of\s+"
                            r"(?:the\s+)?)?(?P<n>\d{1,2}|" + "|".join(SMALL_COUNTS) + r")\s+"
                            r"(?P<what>[\w'\u2019-]+(?:\s+[\w'\u2019-]+)?)", re.I)
# What joins the members of a list: "Albion, Crown and Victoria".
_LIST_JOINS = re.compile(r",|;|\band\b|\bor\b|:", re.I)


def asked_group(question: str) -> tuple[int, frozenset[str]] | None:
    """The count and the stemmed nouns of a group whose members the question asks for ("What
    are the nine spray patterns on the gun?": 9, {spray, pattern}); None otherwise."""
    m = _COUNTED_GROUP.search(question)
    if not m:
        return None
    n = m.group("n").lower()
    count = int(n) if n.isdigit() else SMALL_COUNTS.index(n) + 2
    return (count, frozenset(terms(m.group("what")))) if count >= 2 else None


def counts_only(text: str, count: int, nouns: frozenset[str]) -> bool:
    """Whether the sentence names the group only by its count ("the three textile mills that
    employed much of the town", "9-pattern spray gun") and lists no members after it."""
    ws = list(re.finditer(WORD, text))
    said = {str(count)} | ({SMALL_COUNTS[count - 2]} if count - 2 < len(SMALL_COUNTS) else set())
    for k, m in enumerate(ws):
        if word_of(m.group().lower()) not in said:
            continue
        following = {stem(word_of(w.group().lower())) for w in ws[k + 1:k + 3]}
        if nouns & following:
            return len(_LIST_JOINS.findall(text[m.end():])) < min(count - 1, 2)
    return False


# A name as a run of capitalised words, joined by "of", "the", "de", "van", "&" ("Bank of
# England", "Hallam & Pryce"), or a title and a name ("Dr. Ann Roe").
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de" + "".join(chr(c) for c in range(0x100, 0x180) if chr(c).isupper())
_CAPITAL_RUN = re.compile(
    rf"[{_UPPER}][\w'\u2019\-]*(?:\.(?=\s+[{_UPPER}]))?"
    rf"(?:\s+(?:(?:of|the|de|du|van|von|der|la|le|&)\s+)?[{_UPPER}][\w'\u2019\-]*)*")
# The last word of the name of a place, where things happen, not who does them ("St Mary's
# Church", "Quay Street", "Hartsmoor Crematorium").
_PLACE_END = re.compile(
    r"(?:Point|Bay|Street|St|Road|Rd|Avenue|Park|Bridge|River|Lake|Island|Islands|Sea|Ocean|"
    r"Station|Garden|Gardens|Church|Hall|Court|House|Square|Lane|Way|Crematorium|Cemetery|"
    r"Cathedral|Chapel|Abbey|Theatre|Theater|Market|Green|Hill|Hills|Valley|Wood|Woods|Moor|"
    r"Junction|Close|Drive|Row|Terrace|Place|Quay|Harbour|Harbor|Pier|Airport|Stadium|Forest|"
    r"Mountain|Mountains|Coast|Beach|Field|Fields|Estate|Centre|Center)$")
# A word for a body or a place written after a name in lower case: the name only says which
# one ("the Alder Valley school board", "Kelsham parish council", "Marlow Street bakery").
_BODY_AFTER = re.compile(
    r"\s+(?:school|schools|board|council|committee|club|society|church|team|group|company|"
    r"firm|trust|parish|district|county|area|region|branch|office|department|station|hospital|"
    r"library|museum|park|road|street|village|town|city|river|valley|community|residents|"
    r"estate|ward|branch|chapter|union|party|government|authority|police|court|family)\b")
# A people's word before a noun ("Norwegian supermarkets", "Alpine streams"): what kind, no
# name of one.
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ish|ian|ean|ese|an|ic|ch)$")
_NOT_A_NAME = frozenset({*MONTH_NAMES, *WEEKDAY_NAMES, "i", "i'm", "i've", "i'd", "i'll", "i\u2019m",
                         "i\u2019ve", "i\u2019d", "i\u2019ll", "ok", "okay", "yes", "no"})
_TITLED = re.compile(rf"^{PERSON_TITLES}\b")
_COUNT_BEFORE = re.compile(r"(?<![\d,.])\b(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                           r"twelve)\s+$")


def names_filler(text: str, given: frozenset[str] | set[str], *, people: bool = True,
                 bodies: bool = True, opening: frozenset[str] = frozenset(),
                 names: frozenset[str] | set[str] = frozenset(), doer: bool = False) -> bool:
    """Whether the sentence names someone or something the question does not (``given``: its
    words, lower case) that may fill a "who" or "which company" question: a run of capitalised
    words that is no date, no place ("at St Mary's Church", "Quay Street"), not one the
    question names (``names``: its proper names, lower case; "Hollins Lane Primary School" for
    "Hollins Lane"), and more than the question's words ("Superintendent Carla Whitfield" names
    one, "Superintendent" alone does not). ``people``: a person may fill it ("Dr Ann Roe", "Tomasz rang me");
    ``bodies``: a body may ("the Pennine Vale Bird Trust", "Hallam & Pryce"). A count or a
    word for the role ("six brands", "the board voted 5 to 2", "the consultancy's engineer")
    names no one. The word opening the sentence is a name only when ``opening`` holds it (the
    article writes it with a capital where no word needs one). ``doer``: only a name that may
    be the doer of a deed, not one a preposition other than "by" takes ("a survey commissioned
    from Halvorsen Gray", "merged with Tanners Row School")."""
    places = [m.span(1) for m in _PLACES_AT.finditer(text)]
    lead = re.match(r"[\W_]*", text)
    first = lead.end() if lead else 0
    for m in _CAPITAL_RUN.finditer(text):
        name, at = m.group(), m.start()
        ws = name.split()
        if at == first and re.sub(r"['\u2019]s$", "", ws[0].lower().rstrip(".")) not in opening:
            ws, at = ws[1:], at + len(ws[0]) + 1  # "She joined ...", "When the board ..."
            while ws and ws[0].lower() in ("of", "the", "de", "&"):
                ws = ws[1:]
        caps = [re.sub(r"['\u2019]s$", "", w).lower().rstrip(".") for w in ws if w[:1].isupper()]
        caps = [w for w in caps if w not in _NOT_A_NAME]
        if set(caps) & names or not set(caps) - given:
            continue
        if doer and _OBJECT_BEFORE.search(text, 0, m.start()):
            continue
        bodied = bool(_NOT_PERSON.search(" ".join(ws))) and not _PLACE_END.search(ws[-1])
        if any(a <= at < b for a, b in places) and not (bodies and bodied):
            continue  # "at St Mary's Church, Marston Vale"; not "at the Valdorne Institute"
        if _COUNT_BEFORE.search(text, 0, at) and len(ws) == 1:
            continue  # "two PET and one PLA": kinds counted
        last = ws[-1].rstrip(".,")
        if _PLACE_END.search(re.sub(r"['\u2019]s$", "", last)):
            continue
        after = text[m.end():]
        if len(ws) == 1 and _DEMONYM.match(ws[0]) and re.match(r"\s+[a-z]", after) and not people:
            continue  # "Norwegian supermarkets"
        titled = bool(_TITLED.match(" ".join(ws)))
        body = bool(_NOT_PERSON.search(" ".join(ws))) or (
            not titled and (_BODY_AFTER.match(after) is not None
                            or _THE_BEFORE.search(text, 0, m.start()) is not None))
        if body and not bodies:
            continue
        if not body and not people and (titled or re.match(r",\s+(?:an?|the)\s", after)):
            continue  # "Dr Priya Anand, the consultancy's engineer": a person, no company
        return True
    return False


# A preposition other than "by" taking the name after it, with its determiner and up to three
# words before the name ("from the engineering consultancy ", "with ").
_OBJECT_BEFORE = re.compile(r"\b(?:from|with|to|into|onto|for|against|of|about|over|under|than|like|"
                            r"between|among|toward|towards|via|after|before)\s+(?:(?:the|an?)\s+)?"
                            r"(?:[a-z][\w-]*\s+){0,3}$")


# Places named after a preposition of place, with the places listed with them ("at St
# Wendreda's Church, Marston Vale"): group 1 is where the first name starts.
_PLACES_AT = re.compile(
    r"\b(?:in|at|near|outside|around|via)\s+(?:the\s+)?"
    r"([A-Z][\w'\u2019\-\u00c0-\u017f]*(?:\s+[A-Z][\w'\u2019\-\u00c0-\u017f]*)*"
    r"(?:,\s+[A-Z][\w'\u2019\-\u00c0-\u017f]*(?:\s+[A-Z][\w'\u2019\-\u00c0-\u017f]*)*)*)")



# A condition on a number that a rule or an offer sets ("Players under 13 must be collected",
# "aged 13 and over", "more than 45 days overdue", "groups of 10 or more"), and a number the
# asker tells of themselves or their case ("my daughter is 12", "it's 30 days late"): the
# condition that number meets is the one that applies to them.
_SMALL_NUMBERS = {w: i for i, w in enumerate(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty""".split())}
_VALUE = r"(?P<cur>[$\u00a3\u20ac])?(?P<n>\d+(?:\.\d+)?|" + "|".join(_SMALL_NUMBERS) + r")\b(?![.,:]\d)"
_CLOCK_UNITS = "second minute hour day week month year".split()
_THRESHOLD_UNITS = frozenset(
    [*_CLOCK_UNITS, *(u for us in UNITS.values() for u in us), "percent", "kg", "km", "mph"])
_UNIT_AFTER = re.compile(r"\s*(%|[a-z]+)", re.I)
# "under 13", "more than 45", "at least 18", "up to 4": the bound before the number ...
_BOUND_BEFORE = re.compile(
    r"\b(?P<op>under|below|less than|fewer than|younger than|lower than|up to|no more than|at most|"
    r"not more than|over|above|more than|older than|greater than|higher than|at least|"
    r"no less than|no fewer than|not less than|a minimum of|a maximum of)\s+(?:the\s+age\s+of\s+|"
    r"age\s+)?" + _VALUE, re.I)
# ... or after it: "13 and over", "18 or older", "10 or more", "5 and under", "16+"
_BOUND_AFTER = re.compile(
    r"(?<![\w.,])" + _VALUE + r"(?:\s*(?P<unit>[a-z]+))?(?:\s+(?:years?|yrs?)\s+old)?"
    r"\s*(?:(?P<op>\+)|\s+(?:and|or)\s+(?P<op2>over|above|older|more|up|upwards|"
    r"under|below|younger|less|fewer))", re.I)
_LOWER_OPS = frozenset("under below younger lower less fewer".split())
_UPPER_INCLUSIVE = frozenset(["up to", "no more than", "at most", "not more than", "a maximum of"])
_LOWER_INCLUSIVE = frozenset(["at least", "no less than", "no fewer than", "not less than",
                              "a minimum of"])
# A number the asker gives of their own case: not one bound by a condition of its own, a year,
# a time of day or a date's day.
_CASE_NUMBER = re.compile(r"(?<![\w.,:/-])" + _VALUE + r"(?![\w/:-])", re.I)
_NOT_A_CASE = re.compile(r"(?:\b(?:under|below|over|above|than|least|most|up to|at|on|in|by|"
                         r"before|after|since|until|till|from|to|step|page|chapter|part|"
                         r"number|no|route|bus|room)\s+|[#])$", re.I)


# How a number is told of the asker's case: after a form of "be" or "have", "aged" or "of" ("she
# is 12", "we have 3 dogs", "a party of 12"), or before "old", "late", "overdue" ("12 years
# old", "30 days late").
_TOLD_OF_CASE = re.compile(r"(?:\b(?:is|am|are|was|were|be|been|i'm|i\u2019m|she's|she\u2019s|he's|"
                           r"he\u2019s|it's|it\u2019s|we're|we\u2019re|they're|they\u2019re|turned|turns|"
                           r"turning|aged|age|of|have|has|had|got|weighs|weigh|earn|earns)\s+"
                           r"(?:only\s+|just\s+|nearly\s+|almost\s+|about\s+|around\s+|over\s+)?)$",
                           re.I)
_CASE_AFTER = re.compile(r"\s*(?:[a-z]+\s+)?(?:old|late|overdue)\b", re.I)


def _number(n: str) -> float:
    return float(_SMALL_NUMBERS.get(n.lower(), n) if n.lower() in _SMALL_NUMBERS else n)


def _unit(cur: str | None, after: str) -> str | None:
    """The unit a number is in, from a closed list (its currency sign, or the word after it,
    singular), or None."""
    if cur:
        return "money"
    m = _UNIT_AFTER.match(after)
    if not m:
        return None
    w = m.group(1).lower()
    if w == "%":
        return "percent"
    w = {"yrs": "year", "yr": "year"}.get(w, w)
    if w in _THRESHOLD_UNITS:
        return w[:-1] if w.endswith("s") and w[:-1] in _THRESHOLD_UNITS else w
    if w.endswith("s") and w[:-1] in _THRESHOLD_UNITS:
        return w[:-1]
    return None


def case_number(question: str) -> tuple[float, str | None] | None:
    """The one number a question tells of the asker's own case ("my daughter is 12", "the book
    is 30 days late") with its unit, if a closed list names it; None when it gives none, more
    than one, or only a bound of its own ("Can under 13s walk home?"), a year or a time."""
    found: set[tuple[float, str | None]] = set()
    for m in _CASE_NUMBER.finditer(question):
        before = question[:m.start()]
        if _NOT_A_CASE.search(before) or re.match(r"\s*(?:and|or)\s+(?:over|under|older|younger|"
                                                  r"more|less|fewer|above|below)s?\b|\s*\+",
                                                  question[m.end():], re.I):
            continue
        if m["n"].isdigit() and len(m["n"]) == 4:
            continue  # a year
        if not _TOLD_OF_CASE.search(before) and not _CASE_AFTER.match(question[m.end():]):
            continue  # "How many of the 12 players ...?": a number the question asks about
        found.add((_number(m["n"]), _unit(m["cur"], question[m.end():])))
    return found.pop() if len(found) == 1 else None


def meets_bound(text: str, value: float, unit: str | None) -> bool | None:
    """Whether ``value`` (in ``unit``) meets the numeric conditions ``text`` sets ("under 13",
    "13 and over", "more than 45 days"): True when it meets them all, False when it fails one,
    None when the text sets none in a unit that may be the same."""
    verdicts: list[bool] = []
    for m in _BOUND_BEFORE.finditer(text):
        bound, op = _number(m["n"]), m["op"].lower()
        u = _unit(m["cur"], text[m.end():])
        if unit and u and u != unit:
            continue
        if op in _UPPER_INCLUSIVE:
            verdicts.append(value <= bound)
        elif op in _LOWER_INCLUSIVE:
            verdicts.append(value >= bound)
        elif op.split()[0] in _LOWER_OPS:
            verdicts.append(value < bound)
        else:
            verdicts.append(value > bound)
    for m in _BOUND_AFTER.finditer(text):
        bound = _number(m["n"])
        u = _unit(m["cur"], text[m.end("n"):])
        if unit and u and u != unit:
            continue
        op = (m["op2"] or "").lower()
        verdicts.append(value <= bound if op in _LOWER_OPS else value >= bound)
    if not verdicts:
        return None
    return all(verdicts)


# A quantity asked per unit of time ("violins per year", "How many trains an hour run?"), and
# one a sentence states so ("I make six or seven a year", "12 to 15 cycles per second",
# "trains run hourly").
_PER = r"(?:a|an|per|each|every)"
_RATE_ASKED = re.compile(r"\bper\s+(?P<unit>" + "|".join(_CLOCK_UNITS) + r")\b"
                         r"|\bhow\s+(?:many|much)\b.*\b" + _PER + r"\s+(?P<unit2>"
                         + "|".join(_CLOCK_UNITS) + r")\b(?!\s+(?:ago|later|earlier|before|after|on)\b)"
                         r"|\b(?P<any>frequency|frequencies)\b", re.I)
_ADVERBS_OF_RATE = {"second": "", "minute": "", "hour": "hourly", "day": "daily", "week": "weekly",
                    "month": "monthly", "year": "yearly|annually|a-year"}


def rate_asked(question: str) -> str | None:
    """The unit of time a quantity is asked per ("year" for "violins per year"), "any" for a
    frequency, or None."""
    m = _RATE_ASKED.search(question)
    if not m:
        return None
    return "any" if m["any"] else (m["unit"] or m["unit2"]).lower()


def states_rate(text: str, unit: str) -> bool:
    """Whether ``text`` states a number per ``unit`` of time (any unit for "any")."""
    units = _CLOCK_UNITS if unit == "any" else [unit]
    alt = "|".join(units)
    adverbs = "|".join(a for u in units if (a := _ADVERBS_OF_RATE[u]))
    pattern = (rf"{_NUM}(?:\s+(?:or|to|and|-)\s+{_NUM})?\s+(?:[\w-]+\s+){{0,3}}?{_PER}\s+(?:{alt})s?\b"
               + (rf"|{_NUM}\s+(?:[\w-]+\s+){{0,3}}?(?:{adverbs})\b" if adverbs else "")
               + (r"|\d\s*(?:hz|hertz|khz|mhz)\b" if unit == "any" else ""))
    return re.search(pattern, text, re.I) is not None


# "Which disease threatens the trees?", "What refrigerant did the old pumps use?", "What kind of
# fertiliser should I use?", "What side effects did patients report?": a kind of thing asked,
# one of which answers; the noun right after "which" / "what" (and the word after it).
_KIND_ASKED = re.compile(
    r"^\W*(?:(?:and|so|but|then)\s+)?(?:which|what)\s+(?:other\s+)?(?:(?:kinds?|types?|sorts?)\s+of\s+)?"
    r"(?P<kind>[a-z][a-z-]+)(?:\s+(?P<next>[a-z][a-z-]+)(?:\s+(?P<aux>do|does|did|have|has|had|are|"
    r"were|was|is|can|could|should|would|will|may|might|must)\b)?)?", re.I)
# Words that say which one of a kind is meant after its noun: a name or a list to come ("a
# disease called ...", "herbicides such as ...", "the prize: ..."), what it is ("the prize is
# ...", "the refrigerant, propane,"), what it is of, for or about ("a disease of the bark"), may
# or would be, a participle telling it apart ("osteoporosis resulting from ...").
_KIND_SAID_AFTER = re.compile(
    r"^\s*(?:[(:\u2013\u2014-]|,\s*(?:an?\s|the\s|[A-Z0-9\"\u201c'])|,?\s*(?:called|named|known|"
    r"such|like|including|include|includes|namely|e\.g|i\.e|is|are|was|were|be|been|being|of|"
    r"about|on|against|that|which|who|whose|to|from|by|in|at|with|for|would|could|should|will|may|"
    r"might|must|can|seems?|[a-z]+(?:ing|ed))\b)", re.I)
# Words before the kind's noun that speak of none of it, or of any one ("without side effects",
# "one disease", "any refrigerant").
_KIND_DENIED = frozenset({"without"})
_KIND_ANY = frozenset("one single any either neither another".split())
# A clause of what may be, not what is: "whether it can be used without side effects", "if one
# disease arrives", "we hope to plant any tree that ...".
_MAY_BE = re.compile(r"\b(?:if|whether|unless|could|would|might|may|will|can|hopes?|hoped|hoping|"
                     r"aims?|wonder|wonders|wondering|imagine)\b", re.I)
# What says which one before the kind's noun: "nylon is the worst material", "propane as a
# refrigerant".
_KIND_IS = re.compile(r"\b(?:is|are|was|were|be|been|being|as|becomes?|became|remains?)\b")
# A code or a sum of money ("R-290", "R32", "£50"): something named by its number.
_CODE = re.compile(r"\b[A-Za-z]+-?\d|\b\d+[A-Za-z]+\b|[£$€¥]\s?\d")


def kind_asked(question: str, focus: Sequence[str]) -> tuple[str, ...]:
    """The words of the kind of thing a "which" / "what" question asks one of ("Which disease
    threatens ...?" -> ("disease",), "What side effects did ...?" -> ("side", "effects")), when
    its noun is the question's focus; () otherwise ("What did she ...?", "What is ...?")."""
    m = _KIND_ASKED.match(question)
    if m is None or not focus:
        return ()
    kind = m.group("kind").lower()
    if stem(kind) != stem(focus[0]) or kind in STOPWORDS:
        return ()
    nxt = (m.group("next") or "").lower()
    if re.fullmatch(r"[a-z]+[^s]s", kind) and nxt and nxt not in STOPWORDS:
        return ()  # "What causes osteoporosis?": a verb, not a kind
    # two nouns before the verb ("side effects did"), not a noun and its verb ("disease threatens")
    return (kind, nxt) if m.group("aux") and nxt not in STOPWORDS and nxt.endswith("s") \
        and not kind.endswith("s") else (kind,)


def names_of_kind(text: str, kind: Sequence[str], given: frozenset[str] | set[str],
                  opening: frozenset[str] = frozenset()) -> bool | None:
    """Whether the sentence may name one of the ``kind`` asked (its words, lower case;
    ``given``: the question's words): it names something the question does not (a capitalised
    word, a code or a sum: "R-290", "Dutch elm disease", "£50"), or says the kind's noun as
    what is, or with a word saying which one ("hibernating animals", "a disease called ...",
    "the prize is ..."). False when it says the noun only in a clause of what may be, of none
    or of any one ("whether it can be used without adverse side effects", "if one disease
    arrives"); None when it does not say the noun. ``opening``: the sentence's first word, when
    the article writes it with a capital where no word needs one."""
    for m in re.finditer(r"[A-Z][\w'\u2019-]*", text):
        w = re.sub(r"['\u2019]s$", "", m.group().lower())
        if w in given or w in _NOT_A_NAME or w in STOPWORDS:
            continue
        if not text[:m.start()].strip(" \t\"'\u201c\u2018([") and w not in opening:
            continue  # the word opening the sentence ("Skip fertiliser ...")
        return True
    if _CODE.search(text):
        return True
    head = stem(kind[0])
    toks = [(mm.start(), mm.end(), word_of(mm.group().lower()))
            for mm in re.finditer(r"[A-Za-z0-9'\u2019-]+", text)]
    said = False
    for k, (_, end, w) in enumerate(toks):
        if stem(w) != head:
            continue
        if len(kind) > 1:
            if k + 1 >= len(toks) or stem(toks[k + 1][2]) != stem(kind[1]):
                continue
            end = toks[k + 1][1]
        said = True
        before = [t[2] for t in toks[max(0, k - 3):k]]
        if not _MAY_BE.search(text, 0, toks[k][0]):
            return True  # "patients reported no side effects": what is, whatever it says
        if _KIND_DENIED & set(before):
            continue
        modifiers = []
        for w in reversed(before):
            if w in STOPWORDS or w in _KIND_ANY:
                break
            modifiers.append(w)
        if any(w not in given for w in modifiers):
            return True  # "hibernating animals", "bone building cells", "acute oak disease"
        if not (len(before) > len(modifiers) and before[-1 - len(modifiers)] in _KIND_ANY):
            return True  # "the disease", "my advice", "no disease": one meant, or none told
        if _KIND_IS.search(" ".join(t[2] for t in toks[max(0, k - 4):k])):
            return True  # "nylon is the worst material", "used propane as a refrigerant"
        if _KIND_SAID_AFTER.match(text[end:]):
            return True
    return False if said else None


# A choice offered after the question ("How is it given, by injection or nasal spray?", "When
# does it open, in May or June?"): the two options, up to three words each.
_CHOICE_TAIL = re.compile(
    r",\s*(?:(?:by|with|in|on|at|as|for|from|to|via)\s+)?(?:(?:an?|the)\s+)?"
    r"(?P<a>[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,2}?)\s+or\s+(?:(?:by|with|in|on|at|as|for|from|to|via)\s+)?"
    r"(?:(?:an?|the)\s+)?(?P<b>[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,2}?)\s*\?*\s*$", re.I)
# Second options that offer no choice of a thing: "or not", "or what", "or both".
_NO_CHOICE = frozenset("not what so both neither either else something anything other others "
                       "more less later".split())


# A yes/no-shaped question offering two one-word options at its end: "Were they mostly men or
# women?", "Is the hall heated by gas or oil?" (not "Is it open or not?").
_ALTERNATIVE_TAIL = re.compile(
    r"^\W*(?:(?:and|so|but|well|then)\W+)*(?:is|are|was|were|do|does|did|can|could|will|would|should|has|"
    r"have|had)\b[^,?]*?\b(?P<a>[a-z][\w'\u2019-]*)\s+or\s+(?P<b>[a-z][\w'\u2019-]*)\s*\?*\s*$", re.I)


# An option that is a state or a doing, not a thing: "Is the ferry often cancelled or delayed?"
# asks whether either happens, not which.
_STATE_WORD = re.compile(r"(?:ed|ing)$", re.I)


def alternative_asked(question: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The stemmed options of a yes/no-shaped question offering a choice of two words at its end
    ("Were they mostly men or women?" -> (("man",), ("woman",))), or None; not of two states
    or doings ("cancelled or delayed", ``_STATE_WORD``), which ask whether either holds."""
    m = _ALTERNATIVE_TAIL.search(question)
    if m is None or m["b"].lower() in _NO_CHOICE \
            or any(_STATE_WORD.search(m[g]) for g in ("a", "b")):
        return None
    a, b = tuple(terms(m["a"])), tuple(terms(m["b"]))
    return (a, b) if a and b else None


def choice_asked(question: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The stemmed content words of the two options a question offers after a comma ("How is
    it given, by injection or nasal spray?" -> (("inject",), ("nasal", "spray"))), or None."""
    m = _CHOICE_TAIL.search(question)
    if m is None:
        return None
    a, b = (tuple(terms(m.group(g))) for g in ("a", "b"))
    if not a or not b or set(words(m.group("b"))) & _NO_CHOICE:
        return None
    return a, b

# What opens a noun's own words before it: a determiner, or the sentence's start.
_OPENS_NOUN = frozenset("a an the this that these those its their his her my our your each every "
                        "per".split())
# The prepositions that tie a qualifier to a value: "250 hours for a violin", "with the
# standard charger", "at minus 7 degrees", "in the spring".
_QUALIFYING = frozenset("for with at in on under during from by without after before".split())
# What sets a value's clause apart from another in its sentence.
_VALUE_CLAUSE = re.compile(r"[,;:()\u2013\u2014]|\s-\s|\b(?:but|while|whereas|though|although)\b",
                           re.I)
_CARDINAL_SET = frozenset(_CARDINAL_WORDS.split("|"))
_UNITS_IN_FIGURES = {w: i for w, i in _SMALL_NUMBERS.items() if i < 20}
_TENS_IN_FIGURES = {w: 10 * i for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
# A number in words below a hundred: "ten", "twenty", "twenty-one", "forty five" (not part of a
# bigger one: "two hundred").
_FIGURE_WORD = re.compile(
    r"(?<![\w-])(?:(?P<tens>" + "|".join(_TENS_IN_FIGURES) + r")(?:[\s-]+(?P<unit>"
    + "|".join(list(_UNITS_IN_FIGURES)[1:10]) + r"))?|(?P<alone>" + "|".join(_UNITS_IN_FIGURES)
    + r"))\b(?![\s-]+(?:hundred|thousand|million|billion))", re.I)


def _in_figures(m: re.Match[str]) -> str:
    if m.group("alone"):
        return str(_UNITS_IN_FIGURES[m.group("alone").lower()])
    return str(_TENS_IN_FIGURES[m.group("tens").lower()]
               + (_UNITS_IN_FIGURES[m.group("unit").lower()] if m.group("unit") else 0))


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
# A clause telling a value in words: "free for a child", "the same for a viola".
_VALUE_WITHOUT_NUMBER = re.compile(r"\b(?:free|nothing|none|zero|same|no\s+(?:charge|cost|time))\b", re.I)


def _figures(text: str) -> str:
    """The text with a number below a hundred in words in figures ("ten degrees": "10
    degrees", "twenty-one": "21") and no comma in a figure ("1,146": "1146"), so that one
    number reads the same either way."""
    return _THOUSANDS.sub("", _FIGURE_WORD.sub(_in_figures, text))


# A noun after a determiner, in a question: "does a viola take?"
_AFTER_DETERMINER = re.compile(r"\b(?:a|an|the)\s+([a-z][\w'\u2019-]*)\b(?!\s+of\b)", re.I)
# A preposition and a determiner tying a noun to a clause: "for a violin", "with the charger".
_FRAME = re.compile(r"\b(?P<prep>" + "|".join(sorted(_QUALIFYING)) + r")\s+(?:a|an|the)\s+"
                    r"(?P<noun>[a-z][\w'\u2019-]*)\b(?!\s+of\b)", re.I)
# A prepositional phrase that closes a question or a clause of it: "with the larger charger?",
# "at minus 10 degrees?", "in autumn 2025,".
_QUALIFIER_PHRASE = re.compile(
    r"\b(?:" + "|".join(sorted(_QUALIFYING)) + r")\s+(?:(?:the|a|an|this|that|its|their)\s+)?"
    r"(?P<run>[\w'\u2019-]+(?:\s+[\w'\u2019-]+){1,3}?)\s*(?=[?,;.!]|$)", re.I)


def _qualified_nouns(question: str) -> list[tuple[frozenset[str], str]]:
    """The nouns a prepositional phrase of the question qualifies with words of their own, as
    (the stems of those words, the noun's stem): "with the larger charger" ({larger}, charg),
    "at minus 10 degrees" ({minus, 10}, degre), "under dense canopy" ({dens}, canopi). Only a
    phrase that ends the question or a clause, of lower-case words (a name is a holder:
    ``features.asked_holders``), with two to four words."""
    out: list[tuple[frozenset[str], str]] = []
    for m in _QUALIFIER_PHRASE.finditer(question):
        run = m.group("run").split()
        if any(w[0].isupper() for w in run):
            continue
        ws = [w for r in run for w in words(r)]
        if 2 <= len(ws) <= 4 and not any(w in STOPWORDS for w in ws):
            out.append((frozenset(w if w in _CARDINAL_SET else stem(w) for w in ws[:-1]), stem(ws[-1])))
    return out


def writes_qualified(mods: frozenset[str], noun: str, text: str) -> bool:
    """Whether the sentence writes the noun right after all the words qualifying it (as stems,
    ``_qualified_nouns``): "a heat pump" for ({heat}, pump)."""
    stems = [stem(w) for w in words(text)]
    n = len(mods)
    return any(s == noun and i >= n and set(stems[i - n:i]) == mods for i, s in enumerate(stems))


def _written_otherwise(ws: Sequence[str], stems: Sequence[str], noun: str, asked: set[str],
                       number: bool) -> bool | None:
    """Whether the sentence (its words and their stems) writes the noun with words of its own
    right before it, after a determiner, a preposition or the start, that the question does not
    have (``number``: another number among them); None where a range or a list of numbers
    comes before it ("18-22 degrees", "between 18 and 22 degrees") that may hold a number
    the question asks."""
    values = [float(w) for w in asked if w.isdigit()]
    found: bool | None = False
    for at, s in enumerate(stems):
        if s != noun or at == 0:
            continue
        k = at - 1
        own: list[str] = []
        while k >= 0 and ws[k] not in STOPWORDS and len(own) < 3:
            own.append(ws[k])
            k -= 1
        opened = k < 0 or ws[k] in _OPENS_NOUN or ws[k] in _QUALIFYING
        figures = [w for w in own if w.isdigit()]
        if figures and k >= 1 and ws[k] in ("to", "and", "or") and ws[k - 1].isdigit():
            figures.append(ws[k - 1])
        if len(figures) > 1:
            ends = [float(w) for w in figures]
            if not values or any(min(ends) <= v <= max(ends) for v in values):
                return None
            found = found or (number and not set(figures) & asked)
            continue
        new = {stem(w) for w in own} - asked
        if own and opened and new and (not number or any(w[0].isdigit() or w in _CARDINAL_SET
                                                         for w in new)):
            found = True
    return found


_UNIT_STEMS = frozenset(stem(u) for units in UNITS.values() for u in units)


def numbered_otherwise(question: str, texts: Sequence[str]) -> bool:
    """Whether the article gives a unit of measure the question qualifies with a number only
    with other numbers: "What is the COP at minus 10 degrees?" of an article that writes "at
    minus 7 degrees" and "at 45 degrees" and never 10 with "degrees" (nor a range holding it):
    what it gives, it gives for other conditions. False when the question qualifies no unit
    with a number."""
    question = _figures(question)
    asked = {stem(w) for w in words(question)}
    for mods, noun in _qualified_nouns(question):
        numbers = {m for m in mods if m[0].isdigit() or m in _CARDINAL_SET}
        if not numbers or noun not in _UNIT_STEMS:
            continue  # (a count of things may be told another way: "a double room" for "2 people")
        other = False
        for text in texts:
            if noun not in text.lower() and not _HAS_NUMBER.search(text):
                continue
            ws = words(_figures(text))
            stems = [stem(w) for w in ws]
            if noun not in stems:
                continue
            if numbers <= set(ws):
                return False  # the number asked is written with it
            found = _written_otherwise(ws, stems, noun, asked, True)
            if found is None:
                return False
            other = other or found
        if other:
            return True
    return False


def value_of_other_variant(question: str, text: str,
                           written: Callable[[frozenset[str], str], bool] = lambda m, n: False
                           ) -> bool:
    """Whether the sentence gives its value for another variant of what the question qualifies:
    - a noun a phrase of the question qualifies (``_qualified_nouns``) is written in it only
      with words of its own right before it, after a determiner, a preposition or the start,
      and none of the question's ("How long does it take with the larger charger?" / "takes
      about four hours with the standard 2-amp charger") where the article names the variant
      asked elsewhere (``written``: "the larger charger"; else the sentence's words may name
      the same thing: "on a single charge" for "on one charge"), or the question's number
      only with another number ("the COP at minus 10 degrees?" / "at minus 7 degrees, the
      COP ... might fall to 2");
    - or it names a word the question sets after a determiner only in a clause with no number,
      after a preposition and a determiner, as a clause with a number names another ("How many
      hours does a viola take her?" / "Around 250 hours for a violin, a bit more for a
      viola")."""
    if not _HAS_NUMBER.search(text):
        return False
    question, text = _figures(question), _figures(text)
    asked = {stem(w) for w in words(question)}
    ws = words(text)
    stems = [stem(w) for w in ws]
    said = set(stems) | set(ws)
    for mods, noun in _qualified_nouns(question):
        if noun not in said or mods <= said:
            continue
        numbers = {m for m in mods if m[0].isdigit() or m in _CARDINAL_SET}
        if numbers:
            if numbers & said:
                continue  # the question's number is there
        elif mods & said or not written(mods, noun):
            # (words, not a number: the article must name the variant asked elsewhere, or the
            # sentence's words may be another name for it: "on a single charge" for "on one")
            continue
        if _written_otherwise(ws, stems, noun, asked, bool(numbers)):
            return True
    asked_after = {stem(m.group(1)) for m in _AFTER_DETERMINER.finditer(question)} - STOPWORDS
    if not asked_after:
        return False
    clauses = [c for c in _VALUE_CLAUSE.split(text) if c and c.strip()]
    if len(clauses) < 2:
        return False
    framed = [(_HAS_NUMBER.search(c) is not None or _VALUE_WITHOUT_NUMBER.search(c) is not None,
               {(m.group("prep").lower(), stem(m.group("noun").lower())) for m in _FRAME.finditer(c)})
              for c in clauses]
    for prep, noun in {f for n, fs in framed if not n for f in fs}:
        if noun not in asked_after:
            continue
        values = [fs for n, fs in framed if n]
        if not any((prep, noun) in fs for fs in values) \
                and any(p == prep and h not in asked for fs in values for p, h in fs):
            return True
    return False
