"""One article's answering: candidates scored by the answer model, the confidence, and the
answer or the reason there is none.

``Answerer.answer`` runs the path of a question once it is parsed and embedded: the
retriever's signals of every sentence, how the question's words are found in the article
(``grounding``), the features (``features``), the sentence and question models
(``answer_model``), then ``answering.compose``. ``WordLookup`` is the embedding model's view of
single words (their vectors, whether its vocabulary knows them), used for synonyms and for
what the question asks about.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from .answer_model import AnswerModel
from .answering import REASON_WORDS, AnswerOptions, Candidate, compose, speaker_labels
from .days import Day, asked_days, heading_day, row_day, same_day, tells_day
from .embedding import Embedder
from .features import (
    FEATURES,
    PART_ASKED,
    SPEAKS_OF_SELF,
    THING_MEASURED,
    asked_holders,
    asks_before,
    asks_position,
    asks_told,
    asks_when,
    asks_who,
    feature_matrix,
    of_other_holder,
    question_features,
    who_withheld,
)
from .grounding import (
    DOING_VERBS,
    NEVER_UNKNOWN,
    Grounding,
    echo_terms,
    echoes_terms,
    ground,
    predicate_rows,
    predicate_terms,
    respell,
    stem_of,
    subject_only,
    unknown_objects,
    unknown_phrases,
)
from .index import Index
from .ingest.signoff import SALUTATION, SIGNED_LETTER
from .pronouns import about_other, asked_gender, name_genders
from .query import (
    CONTACT,
    NUMBER,
    PERSON,
    PERSON_HEAD,
    PHASES,
    PLACE,
    RATE_ASKED,
    TIME,
    Query,
    asks_orders,
    asks_why,
    dimension_asked,
    proper_names,
    qualifiers,
    topic_and_asked,
)
from .retrieval import Retriever
from .sentences import (
    CAUSE_LINK,
    LEAD_IN,
    MONTH_NAMES,
    QUOTED,
    REASON_FORM,
    SETS_UP,
    SMALL_COUNTS,
    TELLS_STEPS,
    WEEKDAY_NAMES,
    alternative_asked,
    asked_group,
    asks_death_cause,
    case_number,
    choice_asked,
    counts_group,
    counts_only,
    counts_whole_of,
    counts_whole_of_list,
    kind_asked,
    lists_counts,
    locates,
    meets_bound,
    names_filler,
    names_of_kind,
    numbered_otherwise,
    outcome_asked,
    person_names,
    places_in_role,
    places_thing,
    quote_opener,
    raises,
    rate_asked,
    states_clock_time,
    states_duration_of,
    states_length_in,
    states_rate,
    states_tenure,
    tells_death_cause,
    tells_event,
    tells_only_coming,
    tells_only_new,
    tells_outcome,
    tells_times,
    value_of_other_variant,
    where_role,
    withholds,
    writes_qualified,
)
from .text import STOPWORDS, stem, terms, word_count, words
from .types import ANSWER_LABEL, QUESTION_LABEL, Answer, Source, Span

log = logging.getLogger(__name__)

# The cosine from which a word of a sentence may be one of the kind a question asks ("nausea"
# for "side effects"; words for other things mostly fall below it).
KIND_SIMILARITY = 0.4

_TYPE_OK = FEATURES.index("type_ok")
_TOPIC_FOUND = FEATURES.index("topic_found")
_QUANTITY_ALIGN = FEATURES.index("quantity_align")
_IS_QUESTION = FEATURES.index("is_question")
_DENSE = FEATURES.index("dense")
_DENSE_CTX = FEATURES.index("dense_ctx")
_COVERAGE_SYN = FEATURES.index("coverage_syn")
_KIND_TITLE = FEATURES.index("kind_title")
# "Who asked ...?", "What did Tom want to know?": a question sentence may answer these.
_ASKS_ASKING = re.compile(r"\b(?:ask|asks|asked|asking|wonder|wonders|wondered|wondering|"
                          r"query|queried|question|questions|questioned|know)\b", re.I)

# A sentence whose writer says they do not know, an indirect question: "It makes me wonder
# whether ...", "One thing I would like to know is whether ...", "I can't find anything about
# child seats", "we have no idea whether it lasts", "I'm worried the saddle won't go high
# enough" (a fear, unless what came of it follows: "..., but it did"). Like a question, it
# settles no yes/no one.
_NOT_KNOWING = re.compile(
    r"\b(?:i|we|me|i'm|i\u2019m)\b(?:[^.?!;]|(?<=\d)\.(?=\d)){0,40}?\b(?:(?:worried|afraid|nervous|concerned)\s+"
    r"(?:that\s+)?(?:[\w'\u2019-]+\s+){1,5}?(?:won|wouldn|can|couldn|isn|aren|doesn|don)"
    r"(?:'|\u2019)t\b(?![^.?!;]*\b(?:but|though|although|turned\s+out|in\s+the\s+end)\b)"
    r"|wonder(?:s|ed|ing)?\s+(?:whether|if|about)"
    r"|(?:like|love|want|keen|curious)\s+to\s+(?:know|find\s+out)\b[^.?!;]{0,12}?\b(?:whether|if)"
    r"|no\s+idea\s+(?:whether|if)|(?:can(?:'|\u2019)?t|cannot|couldn(?:'|\u2019)?t)\s+find\s+"
    r"anything\s+(?:about|on)|(?:unsure|not\s+sure)\s+(?:about|whether|if))\b", re.I)


@lru_cache(maxsize=8192)  # every candidate sentence is read so, for each question
def _not_knowing(text: str) -> bool:
    """Whether the sentence's writer says they do not know (``_NOT_KNOWING``)."""
    return _NOT_KNOWING.search(text) is not None
# A page's title that says the page is a review.
_REVIEW_TITLE = re.compile(r"\breview(?:ed|s)?\b", re.I)
# The words that name a work a page may cite (``query._TARGETS``' "paper"); "review" (or "book
# review") named first makes the question about the review.
_CITED_WORK = re.compile(r"\b(?:(?:book|film|movie|album|game|product|restaurant|theatre|theater)\s+)?"
                         r"review\b|\b(?:paper|study|studies|journal article|cited|reference|book|"
                         r"publication)\b", re.I)
# On a question-and-answer page: "Who asked the question?", "When was this question posted?",
# "Who is the asker?".
_ASKED_QUESTION = re.compile(r"\b(?:asked|asks|posted|posed|raised|wrote)\b.*\bquestion\b"
                             r"|\bquestion\b.*\b(?:asked|posted|posed|raised|written)\b|\basker\b",
                             re.I)

# "..., according to old_stoker?": whose words answer.
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[\w'\u2019.-]+)", re.I)
# "Who asked whether ...?", "Who wanted to know about ...?": the asker of a question.
WHO_ASKED = re.compile(r"\bwho\b.*\b(?:asked|asks|wanted\s+to\s+know|wondered|enquired|inquired|"
                        r"queried)\b", re.I)

# Who asked a question-and-answer page's question, in a question about it.
_ASKER = re.compile(r"\b(?:the\s+)?(?:asker|questioner|original\s+poster|(?-i:OP)|person\s+who\s+"
                    r"asked\s+(?:the|this)\s+question)\b", re.I)

# Who started a discussion, in a question about a thread (a forum's, Reddit's) whose post is
# signed: "the OP", "the original poster", "the thread starter", "the poster" (not a poster
# on a wall: "the poster in the window", "the poster for the fete").
_STARTER = re.compile(r"\b(?:the\s+)?(?:original\s+poster|(?-i:OP)|(?:thread|topic)\s+starter|"
                      r"person\s+who\s+(?:started|opened)\s+(?:the|this)\s+(?:thread|topic|"
                      r"discussion))\b|\bthe\s+poster\b(?!['\u2019]?s?\s+(?:of|for|about|"
                      r"advertising|on|in|at|with|from|by)\b)", re.I)
# The post's own writer by role, in a question about what they did or think: "the author",
# "the writer (of the post)", "the blogger", "the columnist", "the reporter", "the journalist",
# "the host", "the post's author". Not a cited work's ("the first author", "the lead author",
# "the author of the study"), nor another writer ("the letter writer", "the comment's author");
# nor "the reviewer" or "the editor", who are often someone else (a pull request's, a journal's).
_PAGE_DOC = r"(?:post|blog\s+post|blog|article|piece|column|story|essay|guide|entry|page|write-?up)"
_ROLE_WRITER = re.compile(
    r"\b(?:the|this)\s+(?:(?:" + _PAGE_DOC + r")['\u2019]s\s+)?"
    r"(?:author|writer|blogger|columnist|reporter|journalist|critic|host|presenter|"
    r"interviewer)\b(?!-)"
    r"(?:\s+of\s+(?:the|this)\s+" + _PAGE_DOC + r"\b)?"
    r"(?!\s+(?:of|for|at|in)\s+(?:the|this|that|an?)\b)", re.I)
# ... but asking who that is or their name: "Who is the author?", "What's the writer's name?"
_ROLE_NAME_ASKED = re.compile(r"\bnames?\b|^\W*who(?:['\u2019]s|\s+is|\s+was|\s+are|\s+were)\b",
                              re.I)

# The writer of a letter the post prints and answers: "the letter writer", "the person who
# sent in the question", "Who wrote in?", "the reader who wrote the letter", "the asker".
_LETTER_WRITER = re.compile(
    r"\bletter[- ]writer\b|\bwriter\s+of\s+(?:the|this)\s+letter\b"
    r"|\b(?:sent|sends|wrote|writes|written)\s+in\b"
    r"|\b(?:sent|wrote|sends|writes)\s+(?:the|this)\s+(?:letter|question)\b"
    # ... who asks the column's question: "the asker", "Who asked the question?"
    r"|\b(?:asker|questioner)\b|\basked\s+(?:the|this)\s+question\b", re.I)

# "Who is the OP?", "Who was the original poster?": asks who that is, not about them.
_WHO_IS_STARTER = re.compile(r"^\W*who(?:'s|\u2019s|\s+is|\s+was)\s+(?:the\s+)?\S+(?:\s+\S+)?\W*$",
                             re.I)

# A sentence that opens on a pronoun for a person: "He said ...", "Her plan ...".
_OPENS_PRONOUN = re.compile(r"^\W*(?:he|she|his|her|him|they|their)\b", re.I)
# A labelled field: "Leader: Jean Moss.", "Serves: 4", "Start point: the old mill" (a label of
# one to three words, the first capitalised and the rest not: a speaker's name is no field).
_FIELD = re.compile(r"^(?P<label>[A-Z][a-z'\u2019-]+(?: [a-z'\u2019-]+){0,2}):\s+\S")


def field_asked(query: Query, text: str) -> bool:
    """Whether ``text`` is a labelled field ("Leader: Jean Moss.") whose label is all words of
    the question ("Who's the leader of the walk on 22 October?"): it states the thing asked."""
    m = _FIELD.match(text)
    if m is None:
        return False
    label = terms(m["label"])
    return bool(label) and set(label) <= set(query.terms) \
        and not {w.lower() for w in words(m["label"])} & set(query.names)


# An attribute asked of a thing by a noun that wants a value: "What size of pot ...?", "What
# temperature should the fridge be?", "What sleep efficiency does ...?", "What reading did the
# meter give?", "What's the grid reference for ...?", "What's the pull request number of ...?",
# "What is its impact factor?". The head noun may follow up to two modifiers ("grid
# reference", "pull request number"), and ends the noun phrase (not "What size pots sell?").
_ATTR_SIZE = r"size|dimensions"
_ATTR_HEAT = r"temperature"
_ATTR_SHARE = r"percentage|efficiency"
_ATTR_VALUE = r"number|reading|figure|score|reference|code|factor|rating"
_ATTR_CONTACT = r"account|handle|website|web\s+site|web\s+address|e-?mail(?:\s+address)?|url|hashtag"
_ATTRIBUTE_ASKED = re.compile(
    # (after "is", a definite determiner: "What is sleep efficiency?", "What is an impact
    # factor?" ask what the thing is)
    r"^\W*(?:what|which)(?:(?:['\u2019]s|\s+(?:is|was|are|were|will\s+be))\s+"
    r"(?:the|its|their|his|her|your|our|my|this|that)\b|\s+(?:(?:the|its|their|his|her|your|our|"
    r"my|this|that|an?)\s+)?(?!(?:is|was|are|were)\b))\s*"
    # (a holder's: "the highways team's social media account")
    r"(?:(?:[\w-]+\s+){0,3}?[\w-]+['\u2019]s?\s+)?"
    r"(?P<mods>(?:[\w-]+\s+){0,2}?)"
    rf"(?P<head>{_ATTR_SIZE}|{_ATTR_HEAT}|{_ATTR_SHARE}|{_ATTR_VALUE}|{_ATTR_CONTACT})"
    r"(?=\s*[?.!]*\s*$|\s+(?:of|for|on|in|at|does|did|do|is|was|are|were|should|will|would|"
    r"can|could|has|had|have|must)\b)", re.I)
# A number in a sentence, with what closes it (a unit, a sign).
_NUMBER = re.compile(r"(?<![\w.])(?P<pre>[£$€#]?)(?P<num>\d[\d,]*(?:\.\d+)?)(?P<post>[\w%°º'-]*)"
                     r"(?P<after>\s*(?:°|º|%|per\s*cent|percent|degrees?|[a-zA-Z]+)?)", re.I)
_TIME_UNIT = re.compile(r"^-?(?:s|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|"
                        r"years?|yrs?|am|pm|th|st|nd|rd)$|^\s*(?:secs?|seconds?|mins?|minutes?|"
                        r"hrs?|hours?|days?|weeks?|months?|years?|am|pm|a\.m|p\.m)$", re.I)
_MONEY_UNIT = re.compile(r"^\s*(?:p|pence|pounds?|dollars?|euros?|cents?|quid|k|m|bn|million|"
                         r"billion)$", re.I)
_SIZE_UNIT = re.compile(r"^-?\s*(?:mm|cm|m|km|metres?|meters?|millimetres?|centimetres?|inch|"
                        r"inches|in|ft|feet|foot|yards?|l|litres?|liters?|ml|millilitres?|cl|"
                        r"quarts?|pints?|gallons?|qt|oz|ounces?|kg|g|grams?|kilos?|lbs?|pounds?|"
                        r"x)$", re.I)
_DATA_UNIT = re.compile(r"^\s*(?:kb|mb|gb|tb|bytes?|kbps|mbps|w|kw|watts?|v|volts?|mph|kph)$", re.I)
_SIZE_WORD = re.compile(r"\b(?:small|smaller|medium|large|larger|big|bigger|tiny|huge|giant|mini|"
                        r"standard|extra[- ]large|x+l|size\s+\w+|one\s+size|(?:the\s+)?size\s+of|"
                        r"as\s+(?:big|large|small)\s+as|[\w-]+-sized?)\b", re.I)
_AREA_UNIT = re.compile(r"^-?\s*(?:acres?|hectares?|ha|sq|square|wh|kwh|mah|cc|litre|gb|tb|mb)$",
                        re.I)
# A temperature said in words: "at room temperature", "gas mark 4", "just below freezing".
_HEAT_WORD = re.compile(r"\b(?:room|body)\s+temperature\b|\bgas\s+mark\b|\bfreezing\b|"
                        r"\bboiling\b|\blukewarm\b|\btepid\b", re.I)
# A share said in words: "half of the gardens", "one in five", "three out of four".
_SHARE_WORD = re.compile(r"\b(?:half|halves|third|thirds|quarter|quarters|fifths?|tenths?|"
                         r"majority|minority)\b|\b(?:\w+|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?"
                         r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)\b", re.I)
# A value that names itself wherever it stands: a score or a rating ("won 3-1", "4/5", "four
# stars", "8 out of 10") or a code of letters and digits ("SD 123", "WALK10").
_SCORE = re.compile(r"\b\d+\s*[-\u2013]\s*\d+\b|\b\d+(?:\.\d+)?\s*/\s*\d+\b|"
                    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)(?:\.\d+)?\s+"
                    r"(?:out\s+of|stars?|points?)\b", re.I)
_CODE = re.compile(r"\b(?=[A-Z0-9-]*[A-Z])(?=[A-Z0-9-]*\d)[A-Z][A-Z0-9-]{2,}\b")
_CODE_HEAD = frozenset({"code", "refer"})
# Where a reader finds someone online: a handle, a web address, an email address, a hashtag, or
# a name in quotes ("search for “Harrowby Walkers”").
_CONTACT = re.compile(r"(?<![\w.])@\w{2,}|\bwww\.\S+|\bhttps?://\S+|\b[\w.+-]+@[\w-]+\.\w+|"
                      r"\b[\w-]+\.(?:com|org|net|co\.uk|org\.uk|gov\.uk|ac\.uk|io|info|eu)\b|"
                      r"(?<![\w&])#[A-Za-z]\w+|[\"\u201c\u2018'][A-Z][^\"\u201d\u2019']{1,60}[\"\u201d\u2019']")
_HEAT_UNIT = re.compile(r"^\s*(?:°|º|degrees?|c|f)\b|^-?(?:°|º)", re.I)
_SHARE_UNIT = re.compile(r"^\s*(?:%|per\s*cent|percent)|^%", re.I)
_ATTRIBUTE_WORDS = {"size": "a size", "temperature": "a temperature", "share": "a percentage",
                    "value": "the value asked", "contact": "an account or address to find them by"}
# Words between a value and the attribute word or a word of the thing it is of, at most.
ATTRIBUTE_NEAR = 6


def attribute_asked(question: str) -> tuple[str, frozenset[str]] | None:
    """The kind of value a what-question asks by its attribute noun ("size", "temperature",
    "share" or "value": a number of any kind) and the attribute's words (head and modifiers,
    stemmed), or None when it asks no such attribute."""
    m = _ATTRIBUTE_ASKED.search(question)
    if m is None:
        return None
    head = m["head"].lower()
    kind = ("size" if re.fullmatch(_ATTR_SIZE, head) else "temperature" if head == "temperature"
            else "share" if re.fullmatch(_ATTR_SHARE, head)
            else "contact" if re.fullmatch(_ATTR_CONTACT, head) else "value")
    return kind, frozenset(terms(f"{m['mods']} {head}"))


def _unit_in(m: re.Match[str], units: tuple[re.Pattern[str], ...]) -> bool:
    """Whether the number ``m`` (``_NUMBER``) is in one of ``units``: joined to it ("250°C",
    "9-inch") or as the next word ("26 cm")."""
    post, after = m["post"], m["after"]
    return any(u.search(post) or (not post and u.search(after)) for u in units)


def gives_attribute(text: str, kind: str, near_terms: frozenset[str]) -> bool:
    """Whether ``text`` gives a value of the kind asked: for a size, a temperature or a
    share, a number in its units (or a word for a size: "a large pot"); for a bare value (a
    reading, a number, a reference), a number that is no price, year, date, clock time nor
    length of time, beside the attribute's word or a word of the thing asked ("the meter
    showed 28", "PR #412", "an impact factor of 3.2")."""
    said = {"size": _SIZE_WORD, "temperature": _HEAT_WORD, "share": _SHARE_WORD, "value": _SCORE,
            "contact": _CONTACT}[kind]
    if said.search(text) or (kind == "value" and near_terms & _CODE_HEAD and _CODE.search(text)):
        # said in words ("a large pan", "room temperature", "one in five"), a score, a code,
        # a handle or a web address
        return True
    if kind == "contact":
        return False
    toks = [stem(w) for w in words(text)]
    near_at = [i for i, t in enumerate(toks) if t in near_terms]
    units = {"size": (_SIZE_UNIT, _AREA_UNIT, _DATA_UNIT), "temperature": (_HEAT_UNIT,),
             "share": (_SHARE_UNIT,)}.get(kind)
    for m in _NUMBER.finditer(text):
        if units is not None:
            # a size, a temperature or a share: a number in its units
            if _unit_in(m, units):
                return True
            continue
        if m["pre"] in ("£", "$", "€") or _unit_in(m, (_MONEY_UNIT, _TIME_UNIT, _SIZE_UNIT,
                                                       _DATA_UNIT, _HEAT_UNIT)):
            continue
        num = m["num"]
        if m["pre"] == "#" or re.fullmatch(r"\d{5,}", num):
            # a number that names a thing by itself: "#1503", "01632 960 418"
            return True
        if re.fullmatch(r"(?:1[89]|20)\d\d", num) or re.search(r"\d[.:]\d\d$", num) and \
                re.search(r"^\s*(?:am|pm|a\.m|p\.m|h)\b", m["after"], re.I):
            continue
        at = len(words(text[:m.start()]))
        if any(abs(at - i) <= ATTRIBUTE_NEAR for i in near_at):
            return True
    return False


def _attribute_words(query: Query) -> str:
    asked = attribute_asked(query.question)
    return _ATTRIBUTE_WORDS[asked[0]] if asked else "the value asked"


def states_attribute(query: Query, candidates: Sequence[Candidate], keep: float) -> bool:
    """False when a what-question asks an attribute by a noun that wants a value
    (``attribute_asked``: "What size of pot does the recipe need?") and none of the passages the
    answer would show (the best, and those within ``keep`` of its probability) gives one
    (``gives_attribute``): they mention the thing ("heat the oven with a cast-iron pot inside
    for 45 minutes") but state no size of it."""
    asked = attribute_asked(query.question)
    if asked is None or not candidates:
        return True
    kind, attr = asked
    near_terms = attr | frozenset(query.terms)
    floor = keep * candidates[0].prob
    shown = [c for c in candidates[:3] if c.prob >= floor and c.source.kind != "title"]
    return not shown or any(gives_attribute(c.span.text, kind, near_terms) for c in shown)


# A word of the article is a close synonym of a question's word at this cosine or above.
SYNONYM_SIMILARITY = 0.6
# What an answer's confidence is multiplied by when the yes/no question asks after a thing the
# article never names nor anything close to it (``unknown_objects``).
UNNAMED_OBJECT_ODDS = 0.5
# A yes/no question's predicate (its words past the subject) is said by a sentence when one of
# its words has a word piece of the sentence at this cosine or above, in context (the model's
# contextual vectors: "hire" / "rent", not "hire" / "bike"); unrelated words of one passage
# sit at 0.1-0.35, and a paraphrase well above.
PREDICATE_MATCH = 0.4
# The answers looked at for it: what an answer cites.
PREDICATE_ROWS = 3
# A word of the predicate is said nowhere in the article when no word piece of the article, in
# context, comes this close to it: just past where unrelated words sit (0.1-0.35). The
# question then asks a thing the article does not tell ("Did the passengers get a refund?" of
# a page that never speaks of one), whatever the answers say of its subject.
PREDICATE_UNSAID = 0.38
# Words this common in English (pyspellchecker's counts: "go", "get", "way", "still", and
# "free", "send", "wear", "outside" at 200,000 to 450,000) are said otherwise too often to be
# missed: a paraphrase drops them ("Is entry free?" / "You pay nothing at the door.").
COMMON_WORD_COUNT = 200_000
# What an answer's confidence is multiplied by when none of them says any word of the
# predicate (``predicate_match``): they share only the subject with the question.
SUBJECT_ONLY_ODDS = 0.5
# How much less likely a passage naming only a keyword question's topic is to answer it than
# its probability says, when another passage says the words asked of the topic
# (``topic_and_asked``).
TOPIC_ONLY_ODDS = 0.5
# A follow-up about the person an earlier answer named ("Who suggested a bike fit? / Where did
# he get his done?") is told of in that person's own words: their comment's odds are raised.
REFERENT_OWN_ODDS = 2.0
# A follow-up about the thing an earlier answer told of is most likely answered in the reader's
# comment that answer came from: that comment's odds are raised.
EARLIER_COMMENT_ODDS = 2.0
# "Why ...?" is answered by a sentence that ties the outcome to its cause (``CAUSE_LINK``), "What
# steps ...?" or "How do I ...?" by one that tells what to do (``TELLS_STEPS``): such a
# sentence's odds are raised over one that only tells of the same things (for "Why ...?", when
# the best sentence gives no cause of its own, nor does the one after it).
EXPLAINS_ODDS = 2.0
RELATED_K = 5  # neighbours looked at for a word the article uses (itself among them)
# At most this many candidate sentences are scored by the answer model per question.
MAX_CANDIDATES = 48
# A page whose post paragraphs sit under this many different days or more is a diary or a log
# read entry by entry.
DIARY_ENTRIES = 3
# A list: a post paragraph of at least this many lines, none longer than this many words.
LIST_ITEMS = 3
LIST_ITEM_WORDS = 16
# Word vectors kept between questions; past this many the store starts again.
MAX_WORDS_KEPT = 20_000
# A journal article's history as its page prints it: "Received: 14 March 2026 / Accepted: ..."
_OWN_HISTORY = re.compile(r"^\W*received\b\W{0,3}[^.;/]{0,30}\b\d{4}\b.{0,80}"
                          r"\b(?:accepted|published)\b\W{0,3}[^.;/]{0,30}\b\d{4}\b", re.I)
# A question naming a show or an interview: its host is the page's own.
_SHOW_NAMED = re.compile(r"\b(?:show|podcast|programme|program|episode|broadcast|interview)\b", re.I)
# The paper or the study itself ("the paper", "this study's", "the article"), and the words that
# pick out a cited one instead ("the 2019 study", "the paper cited in ...", "the reference")
_THE_PAPER = re.compile(r"\b(?:the|this)\s+(?:paper|study|research paper|journal article|"
                        r"(?:research|scientific|academic|original)\s+article)\b", re.I)
_PICKS_CITED = re.compile(r"\b(?:cited|cites|cite|reference|references|referenced|earlier|"
                          r"previous|other|another|review)\b|\b(?:1[89]|20)\d\d\b", re.I)
_KIND_WORDS = {NUMBER: "a number", TIME: "a date, period or duration", PERSON: "a person",
               PLACE: "a name or place", "title": "a title",
               "role": "what someone does for a living",
               CONTACT: "an e-mail address, phone number or web address"}


# A "where" question's candidates looked at for one that names the place in the role asked,
# and how much less likely than the best one it may be.
PLACED_ROWS = 12
PLACED_ODDS = 0.1
# "Where on the roof should the hive go?": a spot within a place the question gives, which a
# place without a name tells ("close to a wall")
_WHERE_WITHIN = re.compile(r"^\W*(?:and\s+|so\s+)?where\s+(?:on|in|at|inside|within|about)\b", re.I)


def placed_first(query: Query, candidates: Sequence[Candidate]) -> list[Candidate]:
    """For a question asking where, the candidates with the first of the closest ones that
    names a place in the role asked most plainly (``places_in_role``: where a thing starts,
    ends, or is) put first, as likely as the best one, when the best one names it less
    plainly: "Where is the novel set?" is answered by "The story opens in the port city of
    Skarhaven", not by "The ferryman, Halvard, gets the novel's most moving chapter", whose
    name places nothing; "Where did the walk finish?" by "We were back at the Fleece", not by
    "we ate lunch looking across to Pendle Hill". Not for a spot within a place the question
    gives ("Where on the roof ...?"), which a place without a name tells, nor where someone
    lives, works or was born (``asks_position``), a place of theirs the model's features look
    for ("Where does the novelist live?" is not where her novel is set). The rest of the
    order, and the answer's confidence, are the model's."""
    out = list(candidates)
    if not query.where or query.answer_type != PLACE or len(out) < 2 \
            or not asks_position(query) or _WHERE_WITHIN.match(query.question):
        return out
    role = where_role(query.question)
    given = {w.lower() for w in query.words}
    # the question's verb, where it closes the clause asked ("Where was the meeting held?"; not
    # the "lamps" of "Where does the team want to test the lamps next?")
    asked = frozenset(stem(v) for v in query.focus_verb if re.search(
        rf"\b{re.escape(v)}\s*(?:[?,.!]|$)", query.question, re.I))
    top = out[0]
    if top.prob <= 0:
        return out
    placed = [places_in_role(c.span.text, given, role, asked)
              if c.prob >= PLACED_ODDS * top.prob else 0 for c in out[:PLACED_ROWS]]
    j = int(np.argmax(placed))  # the first of the plainest
    # (a best one that places the thing without a name, "in a village", "above the mouth",
    # says where as plainly as a bare name after a preposition would)
    if placed[j] <= max(placed[0], int(locates(top.span.text, given))):
        return out
    return [replace(out[j], prob=top.prob), *out[:j], *out[j + 1:]]


# A value asked in a form of its own (``value_form``): a count or amount per stretch of time
# ("How many trees does the council plant each year?", "violins per year"), a score or rating
# ("What score did she give it?"), where a thing is or came from, when a past deed was done.
# The candidates looked at for one that gives a value in that form, and how much less likely
# than the best one it may be.
VALUED_ROWS = 12
VALUED_ODDS = 0.1
# A stretch of time a value is given per: "a year", "each week", "per day", "annually",
# "yearly", "per annum" (the unit, or the word standing for "per" it: "annual" is a year's).
_PER_UNIT = {"annual": "year", "annually": "year", "yearly": "year", "annum": "year",
             "monthly": "month", "weekly": "week", "daily": "day", "nightly": "night",
             "hourly": "hour"}
_PER_TIME = re.compile(r"\b(?:a|an|per|each|every)\s+(?P<unit>year|month|week|fortnight|day|night|"
                       r"hour|minute|season|term)s?\b|\b(?P<word>annual|annually|yearly|monthly|"
                       r"weekly|daily|nightly|hourly)\b|\bper\s+(?P<annum>annum)\b", re.I)
# A score or rating asked as a thing ("What score did she give the bike?", "the final score",
# "How many stars ...?"; not "In what minute did he score?").
_SCORE_ASKED = re.compile(r"\b(?:what|which|the|its|her|his|their|final|overall|average)\s+"
                          r"(?:\w+\s+)?(?:score|rating)\b(?!\s+(?:by|for|of)\b)"
                          r"|\bhow\s+many\s+(?:stars|points|marks)\b", re.I)
# A count or an amount in a sentence, for a value per stretch of time: a figure or a number
# word ("1,800", "six or seven", "twice"), not a year ("since 2019").
_COUNT_WORD = re.compile(r"^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                         r"twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                         r"ninety|hundred|thousand|million|dozen|once|twice)$", re.I)
_SHARE_WORDS = frozenset({"percent", "%", "per", "percentage"})
# How many words from a figure its "a year" may stand ("1,800 a year", "six or seven violins a
# year", "each year we plant about 1,800").
PER_TIME_NEAR = 6


def _per_unit(m: re.Match[str]) -> str:
    return (m["unit"] or "").lower() or _PER_UNIT[(m["word"] or m["annum"]).lower()]


def per_time_asked(query: Query) -> str | None:
    """The stretch of time a question asks a count or an amount per ("How many trees does the
    council put in each year?", "How much rain falls in a year?", "violins per year": "year"),
    or None. Only for a question asking a number, or a few words asking no question ("violins
    per year", "loaves per day", whose unit may read as a time asked)."""
    if query.yes_no:
        return None
    asks = re.search(r"\b(?:what|which|who|whom|whose|when|where|why|how)\b", query.question, re.I)
    if query.answer_type != NUMBER and (asks or query.answer_type not in (TIME, None)):
        return None
    m = _PER_TIME.search(query.question)
    return _per_unit(m) if m else None


def gives_per_time(text: str, unit: str, shares: bool = False) -> bool:
    """The sentence gives a count or an amount per ``unit`` ("We plant about 1,800 a year",
    "I make six or seven a year", "an annual rainfall of 610 mm"): a figure within a few words
    of its "a year" in the same clause; not a year's date ("in 2019") nor, unless ``shares``,
    a percentage ("grew 5 percent a year")."""
    for clause in re.split(r"[;:!?]|\.(?!\d)", text):
        ws = re.findall(r"[\w%]+(?:[,.'][\w]+)*", clause.lower())
        at = [k for k, w in enumerate(ws) if _PER_UNIT.get(w) == unit
              or (w.rstrip("s") == unit and k and ws[k - 1] in ("a", "an", "per", "each", "every"))
              or (w == "annum" and k and ws[k - 1] == "per" and unit == "year")]
        counts = [k for k, w in enumerate(ws) if _COUNT_WORD.match(w)
                  and not (w.isdigit() and len(w) == 4 and w[:2] in ("19", "20"))
                  and (shares or not (k + 1 < len(ws) and ws[k + 1] in _SHARE_WORDS))]
        if any(abs(k - j) <= PER_TIME_NEAR for k in at for j in counts):
            return True
    return False


# "When did she become manager?", "When was it installed?": the time a past deed was done,
# which a date, a year or a day gives, not a length of time ("installation takes two to three
# days", "with ten minutes left").
_WHEN_DONE = re.compile(r"^\W*(?:and\s+|so\s+|but\s+)?when\s+(?:did|was|were)\b", re.I)
_POINT_IN_TIME = re.compile(
    rf"\b(?:1[5-9]\d\d|20\d\d)s?\b|\b(?:{'|'.join(m.capitalize() for m in MONTH_NAMES)})\b"
    rf"|\b(?:{'|'.join(d.capitalize() for d in WEEKDAY_NAMES)})\b"
    r"|(?i:\b(?:yesterday|today|tonight|ago|last\s+(?:week|weekend|month|year|night|spring|summer|"
    r"autumn|winter)|(?:spring|summer|autumn|winter)\s+of)\b)")


def value_form(query: Query) -> Callable[[str], bool] | None:
    """What a sentence must give to hold the value in the form the question asks it (a count
    per stretch of time: ``gives_per_time``; a score or a rating: "4/5", "four out of five",
    "won 3-1"; where a thing is: a place right after a word for it, ``places_thing``; the time
    a past deed was done: a date, a year, a day, "two years ago"), or None when it asks none."""
    unit = per_time_asked(query)
    if unit is not None:
        shares = bool(_PERCENT_ASKED.search(query.question))
        return lambda text: gives_per_time(text, unit, shares)
    if query.answer_type in (NUMBER, None) and not query.yes_no and _SCORE_ASKED.search(query.question):
        return lambda text: _SCORE.search(text) is not None
    if query.where and query.answer_type == PLACE and not _WHERE_WITHIN.match(query.question):
        thing = frozenset(query.terms) - {stem(v) for v in query.focus_verb}
        given = {w.lower() for w in query.words}
        role = where_role(query.question)
        if thing:
            return lambda text: places_thing(text, thing, given, role)
    if query.answer_type == TIME and _WHEN_DONE.match(query.question) and not (
            query.duration or query.span or query.published_of or query.when_written
            or query.comment_at is not None):
        return lambda text: _POINT_IN_TIME.search(text) is not None
    return None


def valued_first(query: Query, candidates: Sequence[Candidate]) -> list[Candidate]:
    """For a question asking a value in a form of its own (``value_form``: a count per stretch
    of time, a score, where a thing is, when a past deed was done), the candidates with the
    first of the closest ones that gives a value in that form and says a word of the question
    put first, as likely as the best one, when the best one gives none: "How many
    trees does the council plant each year?" is answered by "We plant about 1,800 a year", not
    by "we had just over 41,000 trees" (what there is, not what is added each year); "What
    score did she give the bike?" by "I give it four out of five", not by "gave the bike its
    500 km check". The rest of the order, and the answer's confidence, are the model's."""
    out = list(candidates)
    form = value_form(query) if len(out) >= 2 else None
    if form is None or out[0].prob <= 0 or form(out[0].span.text):
        return out
    top = out[0]
    # (tied to what is asked: it says a word of the question, or of the earlier one a
    # follow-up's "he" or "it" stands for)
    asked = frozenset(query.terms) | frozenset(query.context_terms)
    j = next((k for k, c in enumerate(out[:VALUED_ROWS])
              if k and c.prob >= VALUED_ODDS * top.prob and form(c.span.text)
              and not asked.isdisjoint(terms(c.span.text))), None)
    if j is None:
        return out
    return [replace(out[j], prob=top.prob), *out[:j], *out[j + 1:]]


KEPT_BACK = "the passage closest to it names what is asked about, not what is asked of it"
# What ``Answerer.left_open`` found.
LEFT_OPEN = "the passage closest to it says this is not known, or asks it too"
# ... when the best candidate's probability is below this (the model doubts it).
LEFT_OPEN_BELOW = 0.25
# What ``Answerer.declined_by`` says when none of the closest passages tells what caused a death.
NO_DEATH_CAUSE = "no passage close to the question says what caused the death"
# What ``Answerer.still_to_come`` found.
STILL_TO_COME = "the passage closest to it tells of that as still to come"
# A question asking a value: "How long ...?", "How many ...?", "What is the COP of ...?"
_VALUE_ASKED = re.compile(r"\bhow\s+(?:many|much|long|far|big|old|high|tall|deep|wide|heavy|fast|"
                          r"warm|cold|hot|large|small)\b|^\W*what\s+(?:is|was|are|were)\s+the\s+"
                          r"[\w-]+\s+of\b", re.I)
# The closest passages give the value asked for another variant of the thing the question
# qualifies ("with the standard charger" for "with the larger charger?").
OTHER_VARIANT = "the passages closest to it give that for another case than the one asked"

ASKED_BACK = "the passage closest to it is a reader asking the same, with no answer given"
# ... among this many of the closest candidates.
COMING_ROWS = 3
# What a measure asked is, in words (``Query.measure``).
_MEASURE_WORDS = {"money": "a price or amount of money", "age": "an age",
                  "interval": "how far apart they are", "length": "a length, height or distance",
                  "weight": "a weight", "share": "a percentage or share",
                  "temperature": "a temperature", "speed": "a speed", "capacity": "a capacity",
                  "loudness": "a loudness", "power": "a power in watts",
                  "light": "an amount of light", "energy": "an amount of energy",
                  "population": "a population"}


def _measure_words(query: Query) -> str:
    """What a question asking a measure wants, in words: "a time of day", "a price or amount
    of money", "a number of “volunteers”"."""
    if query.clock and _CLOCK_TIME_ASKED.search(query.question):
        return "a time of day for it"
    if query.answer_type == NUMBER and _AVERAGE_ASKED.search(query.question):
        return f"an average ({_MEASURE_WORDS.get(query.measure or '', 'a number')})"
    if query.measure in _MEASURE_WORDS:
        return _MEASURE_WORDS[query.measure]
    if _TIMES_ASKED.search(query.question):
        return "a number of times"
    if query.counted:
        return f"a number of \u201c{' '.join(query.counted)}\u201d"
    return "the number asked for"


def _after_post(query: Query) -> Query | None:
    """``query`` asking who wrote or when appeared the post (its byline), when it asks who or
    when and has not said of what; None otherwise."""
    if query.answer_type == PERSON and not query.author_of:
        return replace(query, target="post", author_of="post")
    if query.answer_type == TIME and not query.published_of:
        return replace(query, target="post", published_of="post")
    return None


def _paper_as(query: Query, to: str | None) -> Query:
    """``query`` with "paper" (a cited work) read as ``to`` wherever it names it."""

    def aim(target: str | None) -> str | None:
        return to if target == "paper" else target

    return replace(query, target=aim(query.target), author_of=aim(query.author_of),
                   published_of=aim(query.published_of))


# "How long has she been warden?", "How many years has he worked there?": how long someone
# has been at something.
_TENURE_ASKED = re.compile(r"\bhow\s+(?:long|many\s+years)\s+(?:has|have|had)\b", re.I)
_COMPARED = re.compile(r"\b(?:compared?|than|relative|as much as|against)\b", re.I)
# Measures a sentence answers only by stating one: a price, an age, a power, a light's output,
# an energy, a population; a share only when asked as a percentage or a rate ("What proportion
# ...?" may be answered by "most of them").
_GATED_MEASURES = frozenset({"money", "age", "power", "light", "energy", "population"})
_PERCENT_ASKED = re.compile(r"\b(?:percentage|percent|per cent)\b|%|\brates?\b", re.I)
# "How high ...?" asks a level, which a share, a price, a temperature or a speed may be.
_HOW_HIGH = re.compile(r"\bhow high\b", re.I)
_LEVELS = frozenset({"share", "money", "temperature", "speed"})
# A rate asked by what it is a rate of ("What interest rate will they pay?", "the unemployment
# rate"): a share answers it only beside that word or "rate" ("at 4.2 percent interest", "a
# rate of 3%"), not a share of something else near it ("70 per cent favoured a rebuild").
_RATE_TOLD = re.compile(r"\brates?\b|\bapr\b", re.I)
# "What was the average age of the participants?": an average asked, which a range ("aged 64
# to 81") or one member's value does not give; a sentence gives one by saying so ("an average
# age of 72", "the mean was", "typically", "per household").
_AVERAGE_ASKED = re.compile(r"\b(?:the|an|their|its|his|her|our|your)\s+(?:average|mean|median)\b",
                            re.I)
_AVERAGE_TOLD = re.compile(r"\b(?:averag\w*|mean|median|typical\w*|usual\w*|per|apiece)\b", re.I)
# "What time does it start?" asks for a time by the clock ("What time of day ...?" or "What
# time in the evening ...?" may be answered by a part of the day).
_CLOCK_TIME_ASKED = re.compile(r"\b(?:what|which) (?:time|hour)\b(?!\s+(?:of|in)\b)", re.I)
_TIME_TERMS = frozenset(terms("time times hour hours exactly roughly usually normally"))
# "How many volunteers ...?" counts things by a noun ("How much water ...?" is measured by a
# unit, "how many of them" is ``counts_part``'s).
_COUNT_ASKED = re.compile(r"\bhow many\b(?!\s+of\s+(?:them|those|these)\b)", re.I)


# "How many times has it flooded?" asks how many times a thing happened (not "how many times
# a week", a frequency that "every other day" answers).
_TIMES_ASKED = re.compile(r"\bhow many times\b(?!\s+(?:a|an|per|each|every)\s)", re.I)


# "How long does the crossing take?", "How many days will it take them to fit it?", "How long
# did the debate last?": the time a thing takes or lasts.
_SPAN_UNIT_WORDS = r"seconds|minutes|hours|days|nights|weeks|months|years"
_TAKES_ASKED = re.compile(
    r"\bhow long (?:does|did|do|will|would|should|could|can|might|may|is it going to)\b"
    rf"|\bhow many (?:{_SPAN_UNIT_WORDS})\b(?=.*\b(?:take|takes|took|last|lasts|lasted)\b)", re.I)
_TAKES_VERB = re.compile(r"\b(?:take|takes|took|last|lasts|lasted)\b", re.I)


# "Which date in April is it on?", "When exactly was that concert?": the day itself is asked
# (not "What day of the festival ...?", which a day's place in it answers).
_DAY_ASKED = re.compile(r"\b(?:which|what)\s+(?:exact\s+|precise\s+)?(?:date|day)\b"
                        r"(?!\s+of\s+(?:the\s+)?(?!week\b|month\b))|\bwhen\s+exactly\b"
                        r"|\bexact\s+(?:date|day)\b", re.I)


def states_asked_day(query: Query, candidates: Sequence[Candidate]) -> bool:
    """False when a follow-up asks on which day something is ("Which ride does she suggest
    next? / Which date in April is it on?", "Which orchestra played her viola? / When exactly
    was that concert?") and the closest passage of the text, brought close by the earlier
    question, gives no day: only a month, a year or "a few years ago" (its heading may give
    it, a diary's day; a comment's own date is when it was written, not the thing's).
    Questions about when the page or a comment was written are not held to it."""
    if not (query.follow_up and query.answer_type == TIME and _DAY_ASKED.search(query.question)) \
            or query.published_of or query.when_written or query.comment_at is not None:
        return True
    told = [c for c in candidates if c.source.kind not in ("byline", "title")][:1]
    return not told or any(tells_day(c.span.text)
                           or (c.source.kind != "comment" and tells_day(c.source.label))
                           for c in told)


# How many of the closest passages a "when" question looks through for a time of its event.
TIMED_ROWS = 3
# The closest sentences among which one that states a number per unit of time asked answers
# first ("violins per year" / "I make six or seven a year").
RATE_ROWS = 5


def bound_met_first(question: str, spans: Sequence[Span], sources: Sequence[Source],
                    probs: np.ndarray) -> np.ndarray:
    """``probs`` with a sentence whose numeric condition the asker's own number meets raised
    to just above the likeliest one, in the same passage or section, whose condition it fails:
    "my daughter is 12, can she walk home after rehearsals?" is answered by the side of a rule
    her age falls on ("Players under 13 must be collected by an adult."), not by the other
    ("Players aged 13 and over may walk home ..."). The same probabilities when the question
    gives no one number of its case (``case_number``) or no sentence sets a condition on it."""
    case = case_number(question)
    if case is None:
        return probs
    met = [meets_bound(s.text, *case) if p > 0 else None for s, p in zip(spans, probs, strict=True)]
    failed = [j for j, v in enumerate(met) if v is False]
    if not failed or not any(met):
        return probs
    where = {k for j in failed for k in (sources[j].id, sources[j].section) if k}
    top = max(float(probs[j]) for j in failed)
    return np.array([max(float(p), top + 1e-6) if v and (src.id in where or src.section in where)
                     else float(p) for p, v, src in zip(probs, met, sources, strict=True)])


def rate_first(question: str, spans: Sequence[Span], probs: np.ndarray) -> np.ndarray:
    """``probs`` with the sentences among the ``RATE_ROWS`` likeliest that state a number per
    the unit of time asked ("violins per year" / "I make six or seven a year") raised to just
    above the likeliest of them, before sentences with other numbers ("Around 250 hours for a
    violin"); the same probabilities for a question that asks no rate (``rate_asked``) or when
    none of them states one."""
    per = rate_asked(question)
    if per is None:
        return probs
    near = np.argsort(-probs, kind="stable")[:RATE_ROWS]
    rated = [int(j) for j in near if probs[j] > 0 and states_rate(spans[j].text, per)]
    if not rated:
        return probs
    out = np.asarray(probs, dtype=float).copy()
    out[rated] = np.maximum(out[rated], float(out[near].max()) + 1e-6)
    return out


def times_asked_event(query: Query, candidates: Sequence[Candidate]) -> bool:
    """False when a question asks when something happened or will ("When was the pier last
    inspected before the storm?") and none of the closest passages gives a time that may be
    that event's: each gives none, only how often ("inspected every year"), or only times
    of another deed or phase or the other side of the event it is timed from ("an
    inspection after the storm", "work is due to begin in May" for when it ends), as the
    sentence features judge them (``type_ok``)."""
    if query.answer_type != TIME or not asks_when(query.question) or not candidates:
        return True
    return any(c.features[_TYPE_OK] > 0 for c in candidates[:TIMED_ROWS])


def person_asked(query: Query) -> str | None:
    """The person a follow-up's "he" or "she" means: the one the answer to the earlier "who
    ...?" question named (``Query.referent``), else the only person the last earlier question
    names ("When did Ada Lunn join the choir? / How old is she?"); None when it names none or
    several."""
    if query.referent:
        return query.referent
    named = person_names(query.earlier[-1]) if query.earlier else []
    return named[0] if len(named) == 1 else None


# Asks what someone asked after by pronoun is called: "What's his surname?", "What is her
# first name?", "What's he called?", "What was his dog's name?".
_NAME_OF_ASKED = re.compile(r"\b(?:sur|nick|(?:first|last|full|maiden|given|christian|middle|family)"
                            r"\s+)?names?\b|\bcalled\b", re.I)


_I = re.compile(r"I(?:['\u2019](?:m|ve|d|ll))?")
_CAPITALISED_PAST_FIRST = re.compile("(?<=[\\s(\"'\u201c\u2018])[A-Z][\\w'\u2019-]*")


def names_anything(text: str) -> bool:
    """Whether a sentence may hold a name: a capitalised word past its first ("I" aside), or a
    first word that is not an everyday word ("Kit runs the farm.")."""
    if any(not _I.fullmatch(w) for w in _CAPITALISED_PAST_FIRST.findall(text)):
        return True
    first = re.match(r"\W*([A-Z][\w'\u2019-]*)", text)
    return first is not None and not _I.fullmatch(first.group(1)) \
        and re.sub(r"['\u2019]s$", "", first.group(1).lower()) not in STOPWORDS


def names_only_others(text: str, person: str, gender: str) -> bool:
    """Whether a sentence names people, none of them ``person`` (no word of their name), and
    says no "he" or "she" of ``gender`` before the first of them: it is about those others
    ("said Ellacott, a 33-year-old plumber" is not about Femi Adeyinka; "He passed to Ellacott"
    may be)."""
    named = person_names(text)
    if not named:
        return False
    ref = _name_refs(person)
    if ref & set(words(text)):
        return False
    first = min((at for n in named if (at := text.find(n)) >= 0), default=len(text))
    return not any(_GENDER_SUBJECT[w] == gender for w in words(text[:first]) if w in _GENDER_SUBJECT)


def in_own_words(person: str, spans: Sequence[Span], sources: Sequence[Source]) -> np.ndarray:
    """Which sentences ``person`` says of themselves: in a comment they wrote, speaking as "I"
    or "we" ("I paid £85 for one at Rowan Cycles")."""
    ref = _name_refs(person)
    return np.array([src.kind == "comment" and bool(ref & set(words(src.author or "")))
                     and SPEAKS_OF_SELF.search(s.text) is not None
                     for s, src in zip(spans, sources, strict=True)], dtype=bool)


def raise_odds(probs: np.ndarray, factor: float) -> np.ndarray:
    """``probs`` with their odds multiplied by ``factor``."""
    return probs * factor / (1.0 - probs + probs * factor)


def explained(query: Query, spans: Sequence[Span], sources: Sequence[Source], probs: np.ndarray,
              paragraphs: Mapping[str, Sequence[Span]]) -> np.ndarray:
    """``probs`` of the sentences ``spans`` (of ``sources``), with the odds raised
    (``EXPLAINS_ODDS``) of those telling the kind of thing the question asks explained:
    for "Why ...?", a sentence tying an outcome to its cause (``CAUSE_LINK``), when the best
    one gives no cause of its own, nor does the sentence after it in its paragraph (which
    ``reason_after`` would quote on to); for "What should I do ...?", "How do I ...?", "What
    steps ...?" (``asks_orders``), a sentence telling what to do (``TELLS_STEPS``). Other
    questions' probabilities are left as they are."""
    why = asks_why(query.question)
    if not len(spans) or not (why or asks_orders(query.question)):
        return probs
    form = CAUSE_LINK if why else TELLS_STEPS
    told = np.array([src.kind not in ("title", "byline", "caption", "reference")
                     and form.search(s.text) is not None
                     for s, src in zip(spans, sources, strict=True)], dtype=bool)
    if why:
        best = spans[int(np.argmax(probs))]
        after = next((s for s in paragraphs.get(best.source_id, ()) if s.start >= best.end), None)
        if CAUSE_LINK.search(best.text) or (after is not None and CAUSE_LINK.search(after.text)):
            return probs
    return np.where(told, raise_odds(probs, EXPLAINS_ODDS), probs)


def _name_refs(person: str) -> set[str]:
    """The words of ``person``'s name that may stand for them in a sentence (longer than two
    letters: "Ann" and "Roe", not "Dr" or "of")."""
    return {w for w in words(person) if len(w) > 2}


_GENDER_SUBJECT = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


# "What are their names?": names, more than one, of people a follow-up speaks of.
_NAMES_ASKED = re.compile(r"\bnames\b|\bwhat are they called\b", re.I)


def names_others(query: Query, candidates: Sequence[Candidate]) -> bool:
    """False when a follow-up about a person an earlier answer named asks for the names of
    others ("Whose twins play in the band? / What are their names?": the twins, not their
    father) and the passage closest to it (the whole of it: a paragraph, a comment) names no
    one but that person."""
    if not (query.follow_up and query.referent and _NAMES_ASKED.search(query.question)):
        return True
    known = set(words(query.referent))
    told = [c for c in candidates if c.source.kind not in ("byline", "title")][:1]
    return not told or any(not set(words(n)) <= known
                           for c in told for n in person_names(c.source.text))


def states_asked_span(query: Query, candidates: Sequence[Candidate], top: int = 1) -> bool:
    """False when the question asks how long someone has been at something ("How long has
    she been warden there?") and the closest passage of the text does not say so, or when
    they were born and none of the closest passages says so: a passage about the person or
    thing (often brought close by an earlier question of the conversation: "Who is the
    warden? / How long has he been warden there?") that gives no span of years, or no birth,
    does not answer it; nor does another's span of years further down ("I taught for nineteen
    years")."""
    if _TENURE_ASKED.search(query.question):
        # the closest passage of the text (a byline or a headline tells no one's tenure)
        told = [c.span.text for c in candidates if c.source.kind not in ("byline", "title")][:top]
        return any(states_tenure(t) for t in told)
    if query.event == "born":
        return any(tells_event("born", c.span.text) for c in candidates[:3])
    return True


def tells_asked_end(query: Query, candidates: Sequence[Candidate]) -> list[Candidate]:
    """For a question asking when something starts or ends (``Query.event``: "start", "end"),
    the candidates that do not give only its other end: "on 2 July the committee switched off
    the communal troughs" is no answer to "When were the troughs switched back on?". All of
    them for other questions."""
    if query.event not in PHASES:
        return list(candidates)
    return [c for c in candidates if tells_event(query.event, c.span.text, query.words)]


# "And how many of those were chiffchaffs?": a part of what an earlier question counted.
_PART_COUNT = re.compile(r"\bhow many of (?:them|those|these)\b(?P<rest>[^?]*)", re.I)
# A count as a sentence words it: a figure or a number word, not a share ("12 percent") nor a
# year ("since 2016").
_COUNT_TOKEN = re.compile(r"^(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                          r"twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                          r"ninety|hundred|dozen)$")
_SHARE_AFTER = frozenset({"percent", "per", "%", "percentage"})


# "How many households were surveyed in those two?": a count over a few of a set named before.
_NUMBER_WORD = r"(?:\d+|" + "|".join(SMALL_COUNTS) + r")"
_IN_THOSE_N = re.compile(r"\b(?:in|at|across|from|among|between|over|for)\s+(?:those|these|the|that)\s+"
                         rf"(?P<n>{_NUMBER_WORD})\b(?!\s*(?:%|percent|per\b))", re.I)
# ... and a count the sentence makes over a set of its own size: "across six neighbourhoods",
# "in 12 schools", "over three years"
_OVER_M = re.compile(rf"\b(?:across|over|in|from|among|between|at)\s+(?:all\s+|the\s+)?"
                     rf"(?P<m>{_NUMBER_WORD})\s+[a-z]", re.I)


def _number(word: str) -> int | None:
    w = word.lower()
    return int(w) if w.isdigit() else (SMALL_COUNTS.index(w) + 2 if w in SMALL_COUNTS else None)


def counts_whole_of_few(question: str, text: str) -> bool:
    """Whether a question counting over a few of a set named before ("How many households were
    surveyed in those two?") is met by a sentence counting over the set of another size ("1,150
    households across six neighbourhoods") that never says the few asked: it counts the whole."""
    m = _IN_THOSE_N.search(question)
    if m is None:
        return False
    n = _number(m["n"])
    sizes = [_number(o["m"]) for o in _OVER_M.finditer(text)]
    said = any(_number(w) == n for w in words(text) if _number(w) is not None)
    return bool(sizes) and n not in sizes and not said


def counts_part(query: Query, candidates: Sequence[Candidate], top: int = 3, near: int = 5) -> bool:
    """False when a follow-up asks how many of what was counted before are something ("How
    many bird passes were logged? / How many of them were pipistrelles?") and no close passage
    has a count within ``near`` words of what they are: the total counted before, a share of
    it or a passage speaking of them without a number does not answer it. False too when it
    counts over a few of a set named before and the best passage counts over the whole set
    (``counts_whole_of_few``)."""
    if query.counted and candidates and counts_whole_of_few(query.question, candidates[0].span.text) \
            and not {stem(w) for w in query.counted}.isdisjoint(terms(candidates[0].span.text)):
        return False
    m = _PART_COUNT.search(query.question)
    asked = {stem(t) for t in terms(m["rest"])} if m else set()
    if not asked:
        return True
    for c in candidates[:top]:
        ws = re.findall(r"[\w%]+(?:[,'][\w]+)*", c.span.text.lower())
        counts = [i for i, w in enumerate(ws) if _COUNT_TOKEN.match(w)
                  and not (w.isdigit() and len(w) == 4 and w[:2] in ("19", "20"))
                  and not (i + 1 < len(ws) and ws[i + 1] in _SHARE_AFTER)]
        about = [i for i, w in enumerate(ws) if stem(w) in asked]
        if any(abs(i - j) <= near for i in counts for j in about):
            return True
    return False


# A name asked, none given: "Who took over as head?", "Which two members voted against?",
# "Which company will build it?" want someone named; not who someone named is ("Who is Ann
# Roe?"), advice ("Who should I ask?", "Whose permission do I need?"), nor a group a plural
# asks to be told apart ("Which participants benefited?": "the people taking the vitamin").
_WHO_NAMED = re.compile(r"^\W*(?:and\s+|so\s+)?(?:who|whom|whose)\b", re.I)
_WHO_IS_NAMED = re.compile(r"^\W*(?:and\s+|so\s+)?who(?:['\u2019]s|\s+is|\s+was|\s+are|\s+were)\s+"
                           r"(?:(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Sir|Dame)\.?\s+)?(?-i:[A-Z])", re.I)
_ADVICE = re.compile(r"\b(?:should|shall|can|could|may|might|must|need|needs|ought|would)\b", re.I)
# the question opens on "which (two) member(s)": a person asked for by a noun (``PERSON_HEAD``),
# not "How did they work out which bacteria people had?" nor "in which group of people"
_OPENS = re.compile(r"^\W*(?:and\s+|so\s+)?")
_COUNTED_WHICH = re.compile(r"^\W*(?:and\s+|so\s+)?(?:which|what)\s+(?:\d+|two|three|four|five|six|"
                            r"seven|eight|nine|ten)\b", re.I)
# The kinds of body a "which ...?" asks to be named ("Which company ...?", "Which shop ...?").
_BODIES_ASKED = frozenset({"company", "companies", "brand", "make", "manufacturer", "maker",
                           "supplier", "firm", "publisher", "label", "producer", "shop", "store",
                           "supermarket", "airline", "operator", "bank", "insurer", "charity",
                           "organisation", "organization", "agency"})


# "Who is this guide for?", "Who is the bike aimed at?", "Who is most at risk?": an audience or
# the ones most touched, which a kind of people answers ("beginners", "older people").
_AUDIENCE = re.compile(r"\bfor\W*$|\b(?:aimed|targeted|pitched)\s+at\b|\b(?:suited|suitable|meant|"
                       r"designed|intended|recommended|best)\s+(?:to|for)\b"
                       r"|\b(?:most|least|more|less|best|worst)\b", re.I)


def name_asked(query: Query) -> tuple[bool, bool] | None:
    """For a question that wants someone or something named (``_WHO_NAMED``, "which member",
    "which company"), whether (a person, a body) may fill it; None for other questions: who
    wrote the page or a comment, took a photo or said a quote (their own checks), who someone
    named is, advice, and a plural that a group's description answers."""
    q = query.question
    if query.answer_type == PLACE:
        if query.entity in _BODIES_ASKED and not query.where:
            return (False, True)
        return None
    if (query.answer_type != PERSON or query.author_of or query.writer or query.credit
            or query.speaker or query.host or query.comments_asked or query.comment_at is not None
            or query.published_of or query.when_written or _WHO_IS_NAMED.match(q) or _ADVICE.search(q)
            or _AUDIENCE.search(q)):
        return None
    if _WHO_NAMED.match(q):
        return (True, True)
    opens = _OPENS.match(q)
    m = PERSON_HEAD.match(q, opens.end() if opens else 0)
    if m is None:
        return None
    if m.end() > m.end("noun") and not _COUNTED_WHICH.match(q):
        return None  # "Which participants benefited?": a group told apart may be described
    return (True, False)


# The deed a "who" / "which company" question asks the doer of: the verb right after "who" or
# after the asked noun ("Who built the seawall?", "Which company will build it?", "Who first
# suggested it?"), as a stem; not "Which hospital does she work at?", whose verb is another's.
_DEED_ASKED = re.compile(
    r"^\W*(?:and\s+|so\s+)?(?:(?i:who)\s+|(?i:which)\s+(?:[a-z'\u2019-]+\s+){1,3}?)"
    r"(?:(?:first|actually|originally|really|eventually|then|also|later|finally)\s+)?"
    r"(?P<aux>(?:will|would|has|have|had|is going to|was going to|can|could)\s+)?"
    r"(?P<verb>[a-z]+)\b")
# Past tenses that do not end in "-ed".
_PAST_IRREGULAR = frozenset("""took led gave ran made built wrote found began won bought sold brought
    caught chose drew drove flew got grew held kept left lost met paid put sent set spent stood taught
    told threw broke came sang rode stole shot struck dug fought hid hung lent lit meant rang rose sank
    shut slid spoke split spun stuck swept swam swung tore wove wound""".split())
# Deeds a paraphrase seldom keeps or any comment does (saying, asking, writing, posting) and the
# light verbs of doing a piece of work ("Who led it?" / "a study by X"): no deed to look for.
_DEEDS_SAID = frozenset(stem(w) for w in """ask answer reply respond say tell write post mention
    comment complain suggest propose warn call describe recommend bring hope compare argue claim add
    explain note point send start open give get make have keep let put seem go come want like
    think feel know see find use need try""".split())


def deed_asked(question: str) -> str | None:
    """The word of the deed whose doer a "who" / "which company" question asks for ("Which
    company will build the new seawall?" -> "build"), or None: no such verb, or a verb any
    paraphrase or comment may leave unsaid (``_DEEDS_SAID``, ``DOING_VERBS``)."""
    m = _DEED_ASKED.match(question)
    if m is None:
        return None
    verb = m.group("verb")
    if verb in STOPWORDS or not (m.group("aux") or verb.endswith("ed") or verb in _PAST_IRREGULAR
                                 or (_WHO_NAMED.match(question) and re.fullmatch(r"[a-z]+[^s]s", verb))):
        return None
    deed = stem(verb)
    if deed in DOING_VERBS:
        # "Which company carried out the underwater inspection?": a light verb's deed is its
        # object ("inspection"), the head noun ending the phrase
        obj = _DEED_OBJECT.match(question, m.end())
        if obj is None or obj.group("head") in _GENERAL_DEEDS:
            return None
        verb, deed = obj.group("head"), stem(obj.group("head"))
    if deed in _DEEDS_SAID or deed in DOING_VERBS or len(deed) < 3:
        return None
    return verb


_DEED_OBJECT = re.compile(r"(?:\s+(?:out|up))?\s+(?:the|an?|this|that|its|their|his|her)\s+"
                          r"(?:[a-z-]+\s+){0,2}(?P<head>[a-z]{3,})(?=\s+(?:that|which|who|in|on|at|of|for|into|with|from|"
                          r"and|after|before|when|last|this|\d)\b|\s*[?,.]|$)")
_GENERAL_DEEDS = frozenset("""work job jobs thing things task tasks it one project bit part""".split())


_AGENT_NAMED = re.compile(r"\bby\s+(?:the\s+|an?\s+)?(?:[a-z-]+\s+){0,2}[A-Z]")


# A yes/no question after a word carrying on the conversation: "So is that okay?", "And can
# it be frozen?"
_YES_NO_AFTER = re.compile(r"^\W*(?:(?:and|so|but|ok(?:ay)?|well|then)\W+)+(?:do|does|did|is|are|was|"
                           r"were|can|could|will|would|should|has|have|had|may|might|must)\b", re.I)


def asked_back(query: Query, candidates: Sequence[Candidate],
               after: Callable[[Candidate], Sequence[str]], keep: float = 0.0) -> bool:
    """True when a yes/no question's closest passage is a reader asking it too: the best
    sentence is a question in a comment that says every word of the question's own ("So is it
    safe to freeze?" / "Is it safe to freeze the sauce?"), no passage of another source is
    close enough to be quoted with it (its probability ``keep`` times the best's or more),
    and neither the sentences after it in its comment (``after``) nor another of the closest
    few open with a verdict ("Yes, ...", "No."): the page asks it, it does not answer it. A
    question in the post itself is not (a writer's question is answered by the writer: "Is it
    worth it? For most riders it is.")."""
    if not (query.yes_no or _YES_NO_AFTER.match(query.question)) or not candidates:
        return False
    best = candidates[0]
    asked = set(query.terms)
    if best.source.kind != "comment" or len(asked) < 2 \
            or not best.span.text.rstrip("\"'\u201d)").endswith("?") \
            or not asked <= set(terms(best.span.text)):
        return False
    if any(c.source.id != best.source.id and c.prob >= keep * best.prob for c in candidates[1:3]):
        return False
    return not any(_VERDICT.match(t) for t in [*after(best), *(c.span.text for c in candidates[1:3])])


def tells_deed(text: str, deeds: frozenset[str] | set[str]) -> bool:
    """Whether the sentence tells the deed asked (``deeds``: stems of ``deed_asked``'s word and
    the article's words close to it): a word of it ("built", "builders", "inspection" for
    "inspect"), or a doer after "by" ("run by the Vale Trust")."""
    return _AGENT_NAMED.search(text) is not None or any(
        (s := stem(w)) in deeds or any(len(d) >= 4 and s.startswith(d) for d in deeds)
        for w in words(text))


_HANDLE = re.compile(r"(?:(?<=\s)|^)(?:@|u/)[\w.-]+|\b[a-z]+_[\w-]+\b")
_PRONOUN_ASKED = re.compile(r"\b(?:he|she|him|her|his|hers)\b", re.I)


# A sentence opening with a verdict on a yes/no question: "Yes, ...", "No.", "Not really."
_VERDICT = re.compile(r"^(?:\w+:\s+)?(?:yes\b|yep\b|(?:no|nope|not really|absolutely|"
                      r"definitely|sadly not|afraid not)\s*[,.!;\u2013\u2014-])", re.I)


class WordLookup:
    """Single words as the embedding model sees them: a vector each (each word embedded
    alone, so a word's vector never depends on the question it came with; kept for the next
    question), and whether a word is a real one, not a slip of the pen: the model's
    vocabulary has it as one whole token, or failing that the English word list of
    ``pyspellchecker`` (160,000 words) has it. Both are read once per process, the first
    time they are needed, and shared by every article's answerer."""

    def __init__(self, embedder: Embedder, model_path: Path | None):
        self.embedder = embedder
        self._model_path = model_path
        self._vectors: dict[str, np.ndarray] = {}

    def vectors(self, words: Sequence[str]) -> np.ndarray:
        if not words:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        store = self._vectors
        todo = [w for w in dict.fromkeys(words) if w not in store]
        if todo:
            if len(store) + len(todo) > MAX_WORDS_KEPT:
                store = self._vectors = {}
            store.update(zip(todo, self.embedder.encode(todo), strict=True))
        return np.vstack([store[w] for w in words])

    def load(self) -> None:
        """Read the word lists now rather than at the first question that needs them."""
        self.is_word("")
        english_words()

    def is_word(self, word: str) -> bool:
        """True when unknown (no vocabulary file to read)."""
        vocab = model_vocabulary(self._model_path) if self._model_path else frozenset()
        return not vocab or word in vocab or word in english_words()


_ENGLISH_LOCK = threading.Lock()
_english: frozenset[str] | None = None


@lru_cache(maxsize=4)
def model_vocabulary(model_path: Path) -> frozenset[str]:
    """The embedding model's word pieces (``vocab.txt``), read once per process and shared by
    every article's answerer; empty if the file cannot be read."""
    try:
        return frozenset((model_path / "vocab.txt").read_text(encoding="utf-8").split())
    except OSError:
        return frozenset()


def english_words() -> frozenset[str]:
    """pyspellchecker's English word list (its words, without their frequencies), read once
    per process and shared by every article's answerer; empty when the package is missing,
    so that only the model's vocabulary tells real words."""
    global _english
    if _english is None:
        _english = frozenset(english_counts())
    return _english


_english_counts: Mapping[str, int] | None = None


def english_counts() -> Mapping[str, int]:
    """pyspellchecker's English words with how common each is, read once per process (see
    ``english_words``)."""
    global _english_counts
    if _english_counts is None:
        with _ENGLISH_LOCK:  # two first questions at once: one reads, the other waits
            if _english_counts is None:
                _english_counts = _read_english_words()
    return _english_counts


def _read_english_words() -> Mapping[str, int]:
    try:
        from spellchecker import SpellChecker
    except ImportError:  # a declared dependency; without it, fewer words count as real
        log.warning("pyspellchecker is not installed: only the model's vocabulary tells "
                    "a real word from a slip of the pen")
        return {}
    return dict(SpellChecker(language="en", distance=1).word_frequency.items())


def gist_rows(index: Index, sources: Sequence[Source]) -> list[int]:
    """The sentences that say what the post is about, in page order: its lead (the first
    sentence of five words or more) and its most central statement (of the post's sentences,
    not a question, the one closest to the title plus the closest to the post's mean vector,
    as in centroid-based extractive summarising); one row when they are the same."""
    kind = {s.id: s.kind for s in sources}
    sentences = index.sentences
    post = [i for i, sp in enumerate(sentences)
            if kind.get(sp.source_id) == "post" and word_count(sp.text) >= 5]
    if not post:
        return []
    stated = [i for i in post if not sentences[i].text.rstrip().endswith("?")]
    if len(stated) < 2:
        return post[:1]
    vectors = np.vstack([index.sentence_vectors.reconstruct(i) for i in stated])
    centre = vectors.mean(axis=0)
    score = vectors @ (centre / (np.linalg.norm(centre) or 1.0))
    title = [i for i, sp in enumerate(sentences) if kind.get(sp.source_id) == "title"]
    if title:
        score = score + vectors @ index.sentence_vectors.reconstruct(title[0])
    return sorted({post[0], stated[int(np.argmax(score))]})


# "Who wrote / posted the comment?", "Who commented first?": asks who signed it.
_WHO_SIGNED = re.compile(r"\bwho\b.*\b(?:wrote|write|writes|posted|post|left|leave|made|sent|"
                         r"signed|commented|comments)\b", re.I)


def _unstated(query: Query, comment: Source) -> bool:
    """The question asks who signed ``comment`` or when, and the page does not say."""
    if query.answer_type == PERSON and (
            query.author_of == "comment" or _WHO_SIGNED.search(query.question)):
        return comment.author is None
    if query.published_of == "comment":
        return comment.date is None
    return False


class Answerer:
    """Answers parsed, embedded questions about one article (thread-safe: its state is read
    only, but for the word store, whose entries are whole vectors)."""

    def __init__(self, index: Index, sources: Sequence[Source], retriever: Retriever,
                 model: AnswerModel, options: AnswerOptions, words: WordLookup, closest_k: int = 3):
        self.index = index
        self.retriever = retriever
        self.model = model
        self.options = options
        self.words = words
        self.closest_k = closest_k
        self._by_id = {s.id: s for s in sources}
        self._passage_terms: dict[str, frozenset[str]] = {}
        self.kinds = frozenset(s.kind for s in sources)
        # the readers' comments in page order: "the third comment" is comments[2]
        self.comments = [s for s in sources if s.kind == "comment"]
        counts = np.array(index.token_counts, dtype=np.int64)
        self._token_has = counts > 0  # sentences with a content word piece
        self._token_span = np.stack([np.cumsum(counts) - counts, np.cumsum(counts)], axis=1)
        self._token_starts = (np.cumsum(counts) - counts)[self._token_has]
        self._token_counts = counts
        self._headings: dict[str, np.ndarray] = {}
        self._spans: dict[str, list[Span]] = {}
        for span in index.sentences:
            self._spans.setdefault(span.source_id, []).append(span)

    def similar_words(self, words: Sequence[str], k: int = 3) -> dict[str, list[tuple[str, float]]]:
        """For each word, the ``k`` article words closest in meaning (cosine >= 0.6 by the
        embedding model): "men" finds "males"."""
        vectors = self.index.vocabulary_vectors
        out: dict[str, list[tuple[str, float]]] = {}
        if not vectors.ntotal:
            return out
        for w, vec in zip(words, self.words.vectors(words), strict=True):
            sims, ids = vectors.search(vec.reshape(1, -1), min(k, vectors.ntotal))
            out[w] = [(self.index.vocabulary[i], float(sim))
                      for sim, i in zip(sims[0], ids[0], strict=True)
                      if i >= 0 and sim >= SYNONYM_SIMILARITY]
        return out

    def respell(self, text: str) -> str:
        """``text`` with its slips of the pen spelt as the article spells the words."""
        return respell(text, self.retriever.article, self.words.is_word, english_counts)

    def ground(self, query: Query) -> Grounding:
        # a word the article uses finds itself and its inflections first: look further
        return ground(query, self.retriever.article, self.similar_words, self.words.is_word,
                      lambda ws: self.similar_words(ws, k=RELATED_K), self.closeness)

    def closeness(self, word: str, others: Sequence[str]) -> list[float]:
        """The cosine of ``word`` with each of ``others``, each embedded alone."""
        vectors = self.words.vectors([word, *others])
        return [float(x) for x in vectors[1:] @ vectors[0]]

    def candidates(self, query: Query, kinds: frozenset[str] | None, qvec: np.ndarray
                   ) -> tuple[list[Candidate], Grounding]:
        """The article's sentences most likely to answer, with the model's probabilities,
        best first; and how the question's terms were found in the article."""
        r = self.retriever
        sig = r.signals(qvec, query, kinds)
        grounding = self.ground(query)
        allowed = sig.allowed
        if query.gist and self.lead_rows:
            # "What is this article about?": the post's lead
            allowed = allowed & np.isin(np.arange(len(allowed)), self.lead_rows)
        elif query.comments_asked:
            # "Who commented?": each commenter's opening words; "How many comments are
            # there?": no sentence counts them (why_not says what the page shows)
            commenters = self.commenter_rows if query.comments_asked == "who" else []
            allowed = allowed & np.isin(np.arange(len(allowed)), commenters)
        elif query.comment_at is not None:
            # "What did the third commenter say?": that comment's sentences, or none; "Who
            # wrote the first comment?" of an unsigned one, none
            named = self.comment_at(query)
            if named is not None and _unstated(query, named):
                named = None
            allowed = allowed & np.array([s.source_id == (named.id if named else None)
                                          for s in self.index.sentences], dtype=bool)
        according = self.according_to(query)
        if according is not None:
            # "..., according to old_stoker?": that reader's comments
            allowed = allowed & np.array([self._by_id[s.source_id].kind == "comment"
                                          and self._by_id[s.source_id].author == according
                                          for s in self.index.sentences], dtype=bool)
        host = self.host_row(query)
        if host is not None:
            allowed = allowed & (np.arange(len(allowed)) == host)
        on_day = self.entries_on(query.question)
        if on_day is not None:
            # "What was the weather on Sunday the 12th?" in a diary: that day's entry
            allowed = allowed & np.array([s.source_id in on_day for s in self.index.sentences], dtype=bool)
        items = self.item_rows(query)
        if items is not None and (allowed & items).any():
            # "What is the last item in the ingredients list?": a list's last item
            allowed = allowed & items
        rows = np.flatnonzero(allowed)
        if len(rows) > MAX_CANDIDATES:
            prior = np.maximum(sig.dense, sig.dense_ctx)[rows] + 0.5 * sig.lexical[rows]
            rows = rows[np.argsort(-prior, kind="stable")[:MAX_CANDIDATES]]
        spans = [self.index.sentences[i] for i in rows]
        sources = [self._by_id[s.source_id] for s in spans]
        X = feature_matrix(query, rows, info=r.info, article=r.article, grounding=grounding,
                           dense=sig.dense, dense_ctx=sig.dense_ctx, dense_chunk=sig.dense_chunk,
                           lexical=sig.lexical, lexical_sentence=sig.lexical_sentence,
                           sources=sources, focus_sims=self._focus_sims(query),
                           token_match=self._token_match(query))
        probs = self.model.sentence.probabilities(X) if len(rows) else np.zeros(0)
        if query.yes_no_topic:
            # "Does estrogen ...?" is answered only from passages that name estrogen (or a
            # close synonym): one that merely shares the rest of the question says nothing
            # about it.
            probs = np.where(X[:, _TOPIC_FOUND] < 0, 0.0, probs)
        if query.answer_type == PERSON and self.questions_in_comments \
                and WHO_ASKED.search(query.question):
            # "Who asked whether it fits a click-on tap?" on a page of customer questions: a
            # question's signer, not one who answered it (an answer is embedded with its
            # question) nor the product's text
            asked = np.array([s.kind == "comment" and bool(QUESTION_LABEL.search(s.label))
                              for s in sources], dtype=bool)
            probs = np.where(asked, probs, 0.0)
        if not query.yes_no and not _ASKS_ASKING.search(query.question):
            # "How many particles were in the blanks?" is not answered by a reader who would
            # want to know how many, nor "How long will the slipway close?" by "could not yet
            # say for how long it might close": they raise the question, they do not answer it
            own = frozenset(query.terms)
            raised = np.array([raises(s.text, query.question, own) for s in spans], dtype=bool)
        else:
            raised = np.zeros(len(rows), dtype=bool)
        if (query.yes_no or query.answer_type in (PERSON, PLACE)) \
                and not _ASKS_ASKING.search(query.question):
            # "Will the trams be step-free?" is not answered by a reader asking the same, nor
            # "Who owns the fridge?" by "Does anyone know who owns the fridge?" (a title put as
            # a question states what the post is about)
            probs = np.where((X[:, _IS_QUESTION] > 0) & (X[:, _KIND_TITLE] == 0), 0.0, probs)
            # nor by one saying it does not know ("I can't find anything about child seats")
            unsure = np.array([_not_knowing(s.text) for s in spans], dtype=bool)
            probs = np.where(unsure, 0.0, probs)
            # nor by a sentence that says nothing but the subject's name, and none of what is
            # asked of it: "Fiona here." for "Is Fiona's cottage a listed building?"
            if predicate_terms(query) and len(rows):
                said = predicate_rows(query, grounding, r.article)[rows]
                bare = np.array([not subject_only(query, r.article.sentence_terms[i])
                                 for i in rows], dtype=bool)
                probs = np.where(bare & ~said, 0.0, probs)
        if not query.yes_no and query.answer_type != PERSON and len(rows):
            # "toothbrush what for??": not a reader's "A toothbrush, wonderful.", which says back
            # the asked words and nothing of them, when another passage names them too (the
            # one that tells what the toothbrush was for); "Who mentioned a toothbrush?" is
            # answered by its writer
            echo_asked = echo_terms(query, grounding)
            echo = np.array([echoes_terms(echo_asked, s.text) for s in spans], dtype=bool)
            if echo.any() and (~echo & (X[:, _COVERAGE_SYN] >= X[echo, _COVERAGE_SYN].max())).any():
                probs = np.where(echo, 0.0, probs)
        split = topic_and_asked(query.question) if len(rows) else None
        if split is not None:
            # "error e08 what did support do about it": a passage that names only the topic
            # ("The E08 error happened to me too.") is a weaker answer than one that says the
            # asked words ("support"), when one does
            topic_terms = {grounding.spelled.get(t, t) for t in terms(split[0])}
            asked_terms = ({grounding.spelled.get(t, t) for t in terms(split[1])}
                           - topic_terms - NEVER_UNKNOWN)
            if topic_terms and asked_terms:
                says = [r.article.sentence_terms[i] for i in rows]
                only_topic = np.array([bool(ts & topic_terms) and not ts & asked_terms
                                       for ts in says], dtype=bool)
                if any(ts & asked_terms for ts in says):
                    probs = np.where(only_topic, probs * TOPIC_ONLY_ODDS, probs)
        gender = asked_gender(query.question) if query.follow_up else None
        if gender and len(rows):
            # "Who is her son? / When was he born?": not from a sentence plainly about a "she"
            # (a reader's comment aside: its writer, who speaks as "I", may be the "he")
            other = np.array([src.kind != "comment" and about_other(s.text, gender, self.name_genders)
                              for s, src in zip(spans, sources, strict=True)], dtype=bool)
            probs = np.where(other, 0.0, probs)
            if _NAME_OF_ASKED.search(query.question):
                # "Who is the widowed ferryman? / What's his surname?": a sentence with no
                # capitalised word (its first aside, unless a name may open it) holds no name
                nameless = np.array([not names_anything(s.text) for s in spans], dtype=bool)
                probs = np.where(nameless, 0.0, probs)
            person = person_asked(query)
            if person and self._told_of(person):
                # "Who scored the first goal? / How old is he?": not from a sentence that names
                # only other people ("said Ellacott, a 33-year-old plumber")
                elsewhere = np.array([src.kind != "comment" and names_only_others(s.text, person, gender)
                                      and not self._about(person, int(i))
                                      for i, s, src in zip(rows, spans, sources, strict=True)],
                                     dtype=bool)
                probs = np.where(elsewhere, 0.0, probs)
        if query.referent and len(rows):
            # "Who answered Paul's comment? / What did he propose?": the person answered
            # (Tomasz) proposes in his own comments, or in one that names him; another
            # reader's comment is about that reader
            others = np.array([src.kind == "comment" and not self._about(query.referent, int(i))
                               for i, src in zip(rows, sources, strict=True)], dtype=bool)
            probs = np.where(others, 0.0, probs)
            # what "he" did or got is best told in his own comment, where he speaks as "I"
            # ("I paid £85 for one at ...")
            selfsaid = in_own_words(query.referent, spans, sources)
            probs = np.where(selfsaid, raise_odds(probs, REFERENT_OWN_ODDS), probs)
        elif query.earlier_comment and len(rows):
            # "Where are the stops on the route? / And which of them comes before the climb?":
            # the reader who listed the stops goes on about them
            there = np.array([src.id == query.earlier_comment for src in sources], dtype=bool)
            probs = np.where(there, raise_odds(probs, EARLIER_COMMENT_ODDS), probs)
        probs = np.where(raised, 0.0, probs)
        probs = explained(query, spans, sources, probs, self._spans)
        if on_day is not None and len(rows) and query.terms:
            # "walk 22 oct leader": in the day's entry, a labelled field whose label the
            # question asks ("Leader: Jean Moss.") answers before the entry's opening that
            # merely shares the day
            field = np.array([field_asked(query, s.text) for s in spans], dtype=bool) & (probs > 0)
            if field.any():
                probs = np.where(field, np.maximum(probs, probs.max() + 1e-6), probs)
        if len(rows):
            probs = bound_met_first(query.question, spans, sources, probs)
            probs = rate_first(query.question, spans, probs)
        # best first, ties in the article's order
        row_list, prob_list = rows.tolist(), probs.tolist()
        order = sorted(range(len(rows)), key=lambda j: (-prob_list[j], row_list[j]))
        return [Candidate(row_list[j], spans[j], sources[j], prob_list[j], X[j])
                for j in order], grounding

    def _told_of(self, person: str) -> bool:
        """Whether the article's own text (not a comment, a byline or a headline) names
        ``person``: a reader who wrote in, or a guess from an earlier answer the article never
        names, says nothing of who the others are."""
        ref = _name_refs(person)
        return any(ref & set(words(src.text)) for src in self._by_id.values()
                   if src.kind not in ("comment", "byline", "title"))

    def _about(self, person: str, row: int) -> bool:
        """Whether sentence ``row`` may tell of ``person``: its source is theirs or a reply to
        them, it names them, or it opens on a pronoun after a sentence of its source that
        names them ("Dr. Oakley has a point. He ..."; not "My grandfather ..." after it)."""
        ref = _name_refs(person)
        span = self.index.sentences[row]
        src = self._by_id[span.source_id]
        if ref & set(words(f"{src.author or ''} {src.reply_to or ''}")) or ref & set(words(span.text)):
            return True
        before = self.index.sentences[row - 1] if row else None
        return (before is not None and before.source_id == span.source_id
                and bool(ref & set(words(before.text))) and _OPENS_PRONOUN.match(span.text) is not None)

    @cached_property
    def entry_days(self) -> dict[str, Day]:
        """A diary's or a log's post paragraphs by the day heading their entry ("Sun 12th"),
        or a programme's rows by the day they open on as their first cell ("Sunday 12 October
        | Kelbrook Edge ..."), when three or more entries are so headed; none otherwise."""
        days = {s.id: d for s in self._by_id.values()
                if s.kind == "post" and (d := heading_day(s.section) or row_day(s.text)) is not None}
        return days if len({(d.day, d.month, d.weekday) for d in days.values()}) >= DIARY_ENTRIES else {}

    def entries_on(self, question: str) -> frozenset[str] | None:
        """The sources of the diary's entries on the day the question names, if it names one
        the diary has an entry for; None otherwise (any entry may answer)."""
        if not self.entry_days:
            return None
        asked = asked_days(question)
        found = frozenset(sid for sid, d in self.entry_days.items() if any(same_day(a, d) for a in asked))
        return found or None

    def _token_match(self, query: Query) -> np.ndarray | None:
        """Per sentence of the article, late interaction: each content word piece of the
        question matched to its closest word piece in the sentence (cosine of the model's
        contextual vectors), averaged. None when the embedder gives no word pieces."""
        encode = getattr(self.words.embedder, "encode_tokens", None)
        matrix = self.index.token_vectors
        if encode is None or not len(matrix):
            return None
        q = encode([query.question])[0]
        out = np.zeros(len(self._token_has))
        if not len(q):
            return out
        # (the article's pieces by the question's, turned: the same products, as BLAS gives
        # them, in about half the time of the question's by the article's transposed)
        sims = np.ascontiguousarray((matrix @ q.T).T)
        best = np.maximum.reduceat(sims, self._token_starts, axis=1)
        out[self._token_has] = best.mean(axis=0)
        # a section's heading stands just before its first sentence and says what the section
        # is about: a word of the question in the heading ("Gummy crumb" for "gummy inside??")
        # is matched there too, as the sentence often does not repeat it ("A sticky, almost wet
        # crumb is more often an oven problem ...")
        starts = np.cumsum(self._token_counts) - self._token_counts
        for row, heading in self.section_openers.items():
            pieces = self._heading_pieces(heading, encode)
            if not len(pieces):
                continue
            own = sims[:, starts[row]:starts[row] + self._token_counts[row]]
            both = np.concatenate([own, q @ pieces.T], axis=1)
            out[row] = max(out[row], float(both.max(axis=1).mean()))
        return out

    def predicate_match(self, query: Query, candidates: Sequence[Candidate],
                        grounding: Grounding | None = None) -> float | None:
        """For a yes/no question, how closely ``candidates`` say its predicate
        (``predicate_terms``: its words past the subject and the names), by the model's word
        pieces in context. When a word of it is said nowhere in the article, neither named (in
        a sentence, a heading, a byline), nor close to any piece of a sentence
        (``PREDICATE_UNSAID``), nor to any word of the article (``similar_words``), the
        question asks a thing the page does not tell, whatever the candidates say of its
        subject: that word's closest match ("refund" of a page on a broken-down tram and its
        passengers' tickets). Not a word as common as "get", "free" or "wear"
        (``COMMON_WORD_COUNT``): a paraphrase leaves those out; nor one a sentence says
        otherwise in its place (``grounding.placed``: "accept" / "the inn take cards"); nor one
        that only qualifies a thing asked (``qualifiers``): a possessive's owner when a
        candidate says what it owns ("an old master's pattern" / "my own pattern"), the class
        the subject is said to be one of ("one of the other jobs of ..."). Else
        the highest cosine of a piece of a word of the predicate with one of a candidate's.
        None (not judged) when it is not a yes/no question, a candidate opens on a verdict
        ("No, ..."), the embedder gives no word pieces, or the predicate has fewer than two
        words the article says (a single word is often said otherwise: "allowed on" / "on
        board")."""
        stems = set(predicate_terms(query))
        encode = getattr(self.words.embedder, "encode_words", None)
        matrix = self.index.token_vectors
        if not stems or not candidates or encode is None or not len(matrix) \
                or any(_VERDICT.match(c.span.text) for c in candidates):
            return None  # ("No, ..." answers whatever the words)
        asked = [(w, v) for w, v in encode(query.question) if stem_of(w) in stems]
        counts, named = english_counts(), self.retriever.article.stems
        placed = grounding.placed if grounding is not None else {}
        closest = [(float((v @ matrix.T).max()), w) for w, v in asked
                   if stem_of(w) not in named and counts.get(w, 0) < COMMON_WORD_COUNT
                   and stem_of(w) not in placed]
        qualified = qualifiers(query.question)
        rows = {int(c.row) for c in candidates}

        def told(noun: str | None) -> bool:  # the qualified thing, said by a candidate
            return noun is None or bool(rows & set(self.retriever.article.rows(stem_of(noun)).tolist()))

        unsaid = [sim for sim, w in closest
                  if sim < PREDICATE_UNSAID and not self.similar_words([w]).get(w)
                  and not (w in qualified and told(qualified[w]))]
        if unsaid:
            return min(unsaid)
        if len(asked) < 2:
            return None
        pieces = [int(i) for c in candidates for i in range(*self._token_span[c.row])]
        if not pieces:
            return 0.0
        return float(max((v @ matrix[pieces].T).max() for _, v in asked))

    @cached_property
    def section_openers(self) -> dict[int, str]:
        """The first sentence of each section of the post (its row), with the section's heading."""
        first: dict[str, int] = {}
        for row, span in enumerate(self.index.sentences):
            first.setdefault(span.source_id, row)
        out: dict[int, str] = {}
        before: str | None = None
        for source in self._by_id.values():
            if source.kind != "post":
                continue
            if source.section and source.section != before and source.id in first:
                row = first[source.id]
                # (a sentence that repeats its heading's words needs no heading read over it:
                # "The harvest concert" / "... gave their annual harvest concert at ...")
                if not set(terms(source.section)) <= set(terms(self.index.sentences[row].text)):
                    out[row] = source.section
            before = source.section
        return out

    def _heading_pieces(self, heading: str, encode: Callable[[list[str]], list[np.ndarray]]) -> np.ndarray:
        """The heading's content word pieces, embedded once per heading."""
        found = self._headings.get(heading)
        if found is None:
            found = self._headings[heading] = encode([heading])[0]
        return found

    def _focus_sims(self, query: Query) -> np.ndarray | None:
        """Cosine of each asked thing, then each asked verb, then each counted word of the
        question with each word of the article."""
        matrix = self.retriever.vocabulary_matrix
        asked = [*query.focus, *query.focus_verb, *query.counted]
        if not asked or not len(matrix):
            return None
        return self.words.vectors(asked) @ matrix.T

    def on_page(self, query: Query) -> Query:
        """``query`` as this page reads it. A page that cites no work has no cited work to be
        about: there "the study", "the book" or "the review" is something its text tells of
        ("Who wrote the book?" / "a novel by Imogen Varga-Holt"), not a reference; nor on a
        page that is itself a paper (it prints its own history, "Received: ... / Accepted:
        ..."), where "the paper" or "the study", picked out by nothing else (a name, a year,
        "cited"), is that page: "What's the title of the paper?". On a
        question-and-answer page (its replies are answers) the post is the question: "Who asked
        the question?" and "When was it asked?" ask for its byline. "The first email" of a
        thread is its oldest message: the last comment when they are newest first (an e-mail
        thread's quotes), else the post."""
        if query.first_message and query.comment_at is None:
            # the first message of a thread: quoted at the bottom of an e-mail thread (its
            # comments newest first), else the post, which the replies follow
            if self.newest_first:
                return replace(query, comment_at=-1)
            asked = _after_post(query)
            if asked is not None:
                return asked
        if self.post_author and _ROLE_WRITER.search(query.question) \
                and not _ROLE_NAME_ASKED.search(query.question) and query.author_of is None:
            # "Why didn't the author go for a bigger tank?", "What's the reporter's job?": the
            # post's writer, whose own replies among the comments speak for them as the post
            # does, and whose byline may print their job
            query = replace(query, writer=self.post_author)
        if _LETTER_WRITER.search(query.question) and self.letter:
            # "Where does the letter writer live?", "Who sent in the question?": who signed
            # the letter the post prints, in its own words
            query = replace(query, letter=self.letter)
        if query.host and self.post_author and (self.speakers or _SHOW_NAMED.search(query.question)):
            # "Who presents the show?", "Who conducted this interview?": who signed it
            asked = _after_post(query)
            if asked is not None:
                return asked
        if self.answers_page and query.target in (None, "post") and not (
                query.author_of or query.published_of) and _ASKED_QUESTION.search(query.question):
            asked = _after_post(query)
            if asked is not None:
                return asked
        # on a paper's own page, a question picking out no cited work asks about the paper
        # itself: its journal, its DOI, its volume are printed in its front matter, not only
        # in the references ("Which journal is this study in?", "What is the paper's DOI?")
        itself = self.is_paper and query.target in (None, "post", "paper") \
            and not proper_names(query.question) and not _PICKS_CITED.search(query.question) \
            and (query.target != "paper" or bool(_THE_PAPER.search(query.question)))
        if itself and "reference" in query.kinds:
            query = replace(query, kinds=query.kinds - {"reference"})
        if "paper" not in (query.target, query.author_of, query.published_of):
            return query
        if "reference" in self.kinds and not itself:
            return query
        if self.reviews_page and (m := _CITED_WORK.search(query.question)) \
                and m.group().lower().endswith("review"):
            # a page that is itself a review ("Review: A Winter of ...") and cites no work:
            # "Who wrote the review?", "When was the review published?" ask after the post
            return _paper_as(query, "post")
        return _paper_as(query, None)

    def asker_named(self, question: str) -> str:
        """On a question-and-answer page whose question is signed, "the asker", "the OP" or
        "the original poster" is that person: "Did the asker say what fixed it?" asks what
        grantwheeler said. On any thread whose post is signed and has replies, "the OP", "the
        original poster", "the thread starter" or "the poster" is who wrote the post; "Who is
        the OP?" still asks who that is."""
        if not self.post_author or _WHO_IS_STARTER.match(question):
            return question
        if self.answers_page:
            question = _ASKER.sub(self.post_author, question)
        # a thread's (its post signed, its replies comments): "the OP" is whoever started it
        if self.comments:
            question = _STARTER.sub(self.post_author, question)
        return question

    @cached_property
    def questions_in_comments(self) -> bool:
        """The page's questions are comments, each with its answers (a shop's customer
        questions under a product's page)."""
        return any(s.kind == "comment" and QUESTION_LABEL.search(s.label)
                   for s in self._by_id.values())

    @cached_property
    def reviews_page(self) -> bool:
        """The page's title says it is a review ("Review: ...", "... : a review", "Reviewed:
        ...")."""
        return any(s.kind == "title" and _REVIEW_TITLE.search(s.text) for s in self._by_id.values())

    @cached_property
    def newest_first(self) -> bool:
        """The page's comments are newest first, as an e-mail thread quotes the messages
        before its newest: each replies to the one below it, the last to none."""
        c = self.comments
        return len(c) >= 2 and c[-1].reply_to is None and any(x.reply_to for x in c) and all(
            x.reply_to is None or x.reply_to == c[i + 1].author for i, x in enumerate(c[:-1]))

    @cached_property
    def is_paper(self) -> bool:
        """The page is a journal article's: its text prints its own publication history
        ("Received: 14 March 2026 / Accepted: 2 September 2026")."""
        return any(s.kind == "post" and _OWN_HISTORY.search(s.text) for s in self._by_id.values())

    @cached_property
    def answers_page(self) -> bool:
        """The page's replies are answers to its post (a question-and-answer page: the reader
        labels them "(answer)", "(accepted answer)"); not where the questions are comments too
        (a shop's customer questions, each with its answers, under a product's page)."""
        return not self.questions_in_comments and any(
            s.kind == "comment" and ANSWER_LABEL.search(s.label) for s in self._by_id.values())

    def question_vector(self, query: Query, candidates: Sequence[Candidate]) -> np.ndarray:
        """The question model's features for this question and its ranked candidates (all
        zero for none: "Who wrote the first comment?" of an unsigned one)."""
        probs = np.array([c.prob for c in candidates])
        X = np.vstack([c.features for c in candidates]) if candidates else np.zeros((0, len(FEATURES)))
        return question_features(query, probs, X, self.kinds)

    def states_measure(self, query: Query, candidates: Sequence[Candidate], top: int = 3) -> bool:
        """False when the question asks a price or an age ("How much does it cost?", "How old
        is he?"), a measure of another dimension asked by its unit or noun ("How many watts
        ...?", "How many lumens ...?", "What interest rate ...?"), a time by the clock ("What
        time does it start?"), how long a thing takes or lasts ("How long does the crossing
        take?", which a rate, a difference or another thing's length does not tell) or a count
        of a thing ("How many volunteers ...?") and none of the
        closest passages states one: a passage about the thing or person that gives no price or
        age, states a number of another dimension (its weight, a date) or counts another thing
        (the hours the volunteers gave), does not answer it."""
        if _TAKES_ASKED.search(query.question) and _TAKES_VERB.search(query.question):
            # ... how long a thing takes or lasts, which a passage tells by a length of time
            # ("How long does the crossing take?" / "cut from five return crossings a day", "a
            # 24-hour strike", "takes a minute longer in quiet mode": no such length)
            asked = frozenset(terms(query.question))
            return any(states_duration_of(c.span.text, asked) for c in candidates[:top])
        if query.clock and _CLOCK_TIME_ASKED.search(query.question):
            # ... and one of the thing timed: a passage that names none of the question's words
            # ("What time does the spring concert start?" / "The choir meets at 10am") times
            # another thing
            about = set(query.terms) | set(query.context_terms)
            about -= _TIME_TERMS
            return any(states_clock_time(c.span.text, query.question)
                       and (not about or not about.isdisjoint(self.passage_terms(c.source)))
                       for c in candidates[:top])
        if query.answer_type == NUMBER and _AVERAGE_ASKED.search(query.question):
            # ... an average of the measure asked ("the average age" / "an average of 1.6 kg of
            # grip strength" is another's)
            info = self.retriever.info
            if not any(_AVERAGE_TOLD.search(c.span.text)
                       and (query.measure is None or query.measure in info.measures[c.row])
                       for c in candidates[:top] if c.row < len(info.measures)):
                return False
        elsewhere = self._of_other_holder(query)
        if query.measure == "share" and _PERCENT_ASKED.search(query.question):
            info = self.retriever.info
            rate = RATE_ASKED.search(query.question)
            told = (re.compile(rf"\b{re.escape(rate.group().split()[0])}\b|{_RATE_TOLD.pattern}", re.I)
                    if rate else None)
            return any("share" in info.measures[c.row]
                       and (told is None or told.search(c.span.text) is not None)
                       and not elsewhere(c.row)
                       for c in candidates[:top] if c.row < len(info.measures))
        if _TIMES_ASKED.search(query.question):
            # "How many times has she been stung?" / "she opens the hive every other day": a
            # passage that tells no number of times, nor the years it happened in, does not say
            return any(tells_times(c.span.text) for c in candidates[:top])
        if query.measure is None and query.counted and _COUNT_ASKED.search(query.question):
            # a count of the thing asked, or of a close synonym of it ("300 riders" for "How
            # many cyclists ...?"), not of another thing in the same passage ("Volunteers walked
            # the dogs for 300 hours" for "How many volunteers ...?")
            # (or a list of counts, whose total a word for all of them asks: "How many birds
            # ...?" / "12 blackcaps, 4 robins and 3 wrens")
            # (but not a count of a list of named holders the one asked is only one of: "How
            # many players are in the Training Strings?" / "74 players across our two
            # ensembles, the Symphony Orchestra and the Training Strings")
            # (nor over a list of places or kinds the one asked is only one of: "How many
            # droppings were found in the churchyards?" / "412 droppings from parks, gardens and
            # two churchyards")
            counted = frozenset(stem(w) for w in query.counted)
            others = frozenset(query.terms) - counted
            # (or a group's size, which counts its members whatever they are called: "How many
            # people came?" / "A group of 14 from the club came round")
            return any((c.features[_QUANTITY_ALIGN] >= SYNONYM_SIMILARITY or lists_counts(c.span.text)
                        or counts_group(c.span.text))
                       and not counts_whole_of(c.span.text, query.names, counted)
                       and not elsewhere(c.row)
                       and not counts_whole_of_list(c.span.text, others, counted)
                       for c in candidates[:top])
        dimension = dimension_asked(query.question) if query.measure == "length" else None
        if dimension:
            # a height, a depth or a breadth: where the closest passages state lengths, one
            # that can be of it ("rises to 241 metres"), not only lengths along the ground
            # ("two kilometres of sand", "31 kilometres from its source") or lengths without a
            # word for a breadth (a passage stating no length is left to the model: "knee-
            # deep"); "how high" may also ask a level of another measure ("How high did the
            # rate go?")
            info = self.retriever.info
            other = _LEVELS if _HOW_HIGH.search(query.question) else frozenset()
            stated = [info.measures[c.row] if c.row < len(info.measures) else frozenset()
                      for c in candidates[:top]]
            return (not any("length" in m for m in stated)
                    or any(states_length_in(c.span.text, dimension) or bool(m & other)
                           for c, m in zip(candidates[:top], stated, strict=True)))
        if query.measure not in _GATED_MEASURES:
            return True
        info = self.retriever.info
        # a share answers a price compared with another ("half a man's wage"), a year an age
        # ("our 1890s cottage")
        also = ("share" if _COMPARED.search(query.question) else "") if query.measure == "money" \
            else "year" if query.measure == "age" else ""
        # a price of the thing asked, not of another in the same passage: "How much does she
        # charge for a cello?" / "A violin is £19,500" (a sentence naming the thing priced, or
        # a bare price under a title or heading that names it: ``quantity_align``); "how much of
        # the fare" asks a part, which a share of anything answers
        least = (THING_MEASURED if query.measure == "money" and query.counted
                 and not PART_ASKED.search(query.question) else 0.0)
        return any((query.measure in info.measures[c.row] or also in info.measures[c.row]
                    or (also == "year" and info.flags["year"][c.row]))
                   and c.features[_QUANTITY_ALIGN] >= least and not elsewhere(c.row)
                   for c in candidates[:top] if c.row < len(info.measures))

    def _of_other_holder(self, query: Query) -> Callable[[int], bool]:
        """Per sentence row, whether its numbers are of another holder than the one the
        quantity question names (``of_other_holder``); never for other questions."""
        if query.answer_type != NUMBER or not (query.measure or query.counted):
            return lambda row: False
        info, article = self.retriever.info, self.retriever.article
        holders = asked_holders(query, article)
        if not holders:
            return lambda row: False
        return lambda row: row < len(info.texts) and of_other_holder(holders, info, article, row)

    def passage_terms(self, source: Source) -> frozenset[str]:
        """The terms of a passage and, for a post paragraph under a heading, of the heading and
        every paragraph under it (a section speaks of one thing, named once: "Spring concert" /
        "Doors open at 7pm.")."""
        found = self._passage_terms.get(source.id)
        if found is None:
            texts = [source.text]
            if source.section:
                texts += [source.section, *(s.text for s in self._by_id.values()
                                            if s.section == source.section)]
            found = self._passage_terms[source.id] = frozenset(terms(" ".join(texts)))
        return found

    def confidence(self, query: Query, candidates: Sequence[Candidate]) -> float:
        """P(an answer from these candidates is right), by the question model."""
        if not candidates:
            return 0.0
        q = self.question_vector(query, candidates)
        return float(self.model.question.probabilities(q[None, :])[0])

    @cached_property
    def list_items(self) -> dict[int, tuple[int, int]]:
        """The sentences that are a list's items, by row: (the item's place from the first,
        from the last), both 1-based. A list is a post paragraph of three or more lines, each
        one short item ("250 g red lentils / 2 carrots, diced / ..."), not a hard-wrapped prose
        paragraph."""
        by_source: dict[str, list[int]] = {}
        for i, span in enumerate(self.index.sentences):
            by_source.setdefault(span.source_id, []).append(i)
        out: dict[int, tuple[int, int]] = {}
        for sid, rows in by_source.items():
            src = self._by_id.get(sid)
            if src is None or src.kind != "post":
                continue
            lines = [ln for ln in src.text.split("\n") if ln.strip()]
            if len(lines) < LIST_ITEMS or any(word_count(ln) > LIST_ITEM_WORDS for ln in lines):
                continue
            for i in rows:
                span = self.index.sentences[i]
                at = len([ln for ln in src.text[:span.start].split("\n")[:-1] if ln.strip()])
                out[i] = (at + 1, len(lines) - at)
        return out

    def item_rows(self, query: Query) -> np.ndarray | None:
        """Per sentence, whether it is the list item ``query`` asks after by its place ("the
        last item in the ingredients list"); None when it asks after none, or no list on the
        page has one there (any passage may answer)."""
        if query.item_at is None or not self.list_items:
            return None
        at = query.item_at
        mask = np.array([(place := self.list_items.get(i)) is not None
                         and (place[0] == at if at > 0 else place[1] == -at)
                         for i in range(len(self.index.sentences))], dtype=bool)
        return mask if mask.any() else None

    @cached_property
    def lead_rows(self) -> list[int]:
        """The post's lead (``gist_rows``), found on the first question that asks for it."""
        return gist_rows(self.index, list(self._by_id.values()))

    @cached_property
    def letter(self) -> frozenset[str]:
        """The paragraphs of a reader's letter the post prints, under its salutation ("Dear
        Bernadette,") down to its sign-off ("Fiona, Cresswell Marsh"), the first such run;
        none when the post prints no signed letter."""
        post = [s for s in self._by_id.values() if s.kind == "post"]
        opened = next((k for k, s in enumerate(post) if SALUTATION.match(s.text.strip())), None)
        if opened is None:
            return frozenset()
        for k in range(opened + 1, min(len(post), opened + 12)):
            if post[k].section != post[opened].section:
                break
            if SIGNED_LETTER.match(post[k].text.strip()) and k > opened + 1:
                return frozenset(s.id for s in post[opened + 1 : k + 1])
        return frozenset()

    @cached_property
    def post_author(self) -> str | None:
        """Who signed the post (its byline's or its paragraphs' author), if the page says."""
        return next((s.author for s in self._by_id.values()
                     if s.kind in ("byline", "post") and s.author), None)

    @cached_property
    def name_genders(self) -> dict[str, str]:
        """The gender the article's pronouns give each word of a person's name
        (``pronouns.name_genders``)."""
        return name_genders(self.index.sentences, self._by_id)

    @cached_property
    def speakers(self) -> dict[str, str]:
        """An interview's speaker for each post paragraph opening with their label."""
        return speaker_labels(self._by_id.values())

    def according_to(self, query: Query) -> str | None:
        """The reader a question takes its answer from ("Why did she stop, according to
        old_stoker?", "According to Nikhil, ..."): the one commenter (not the post's author)
        whose name has the word after "according to"; None otherwise."""
        m = _ACCORDING.search(query.question)
        said = words(m["who"]) if m else []
        if not said or len(said[0]) < 3 or said[0] in STOPWORDS:
            return None
        found = {c.author for c in self.comments
                 if c.author and c.author != self.post_author and said[0] in words(c.author)}
        return found.pop() if len(found) == 1 else None

    def host_row(self, query: Query) -> int | None:
        """For "Who presents the show?" of an unsigned transcript, the first sentence its
        first named speaker says (their label opens it): a show's host opens it."""
        if not query.host or self.post_author or not self.speakers:
            return None
        return next((i for i, s in enumerate(self.index.sentences) if s.source_id in self.speakers),
                    None)

    @cached_property
    def commenter_rows(self) -> list[int]:
        """The first sentence of each commenter's first comment with words to quote, in page
        order (an unsigned comment is a commenter of its own)."""
        by_source = {s.id: s for s in self.comments if not s.low_content}
        rows: list[int] = []
        comments: set[str] = set()
        authors: set[str] = set()
        for i, span in enumerate(self.index.sentences):
            source = by_source.get(span.source_id)
            if source is None or source.id in comments or source.author in authors:
                continue
            comments.add(source.id)
            if source.author:
                authors.add(source.author)
            rows.append(i)
        return rows

    def comment_at(self, query: Query) -> Source | None:
        """The comment the question names by its place on the page ("the third comment")."""
        at = query.comment_at
        if at is None or not -len(self.comments) <= (at - 1 if at > 0 else at) < len(self.comments):
            return None
        return self.comments[at - 1 if at > 0 else at]

    def kept_back(self, query: Query, candidates: Sequence[Candidate]) -> bool:
        """The sentence closest to a question asking what something is says that it is not
        told ("What is in her varnish recipe?" / "... even if she won't give the recipe"), or
        tells only its new value when the question asks how it was before ("What was the speed
        limit before the closure?" / "a new 20mph speed limit will apply"), or counts the
        members of a group the question asks for and names none ("What are the nine spray
        patterns?" / "9-pattern spray gun"): the article names the thing, not what is asked of
        it."""
        if not candidates:
            return False
        text, asked = candidates[0].span.text, frozenset(query.terms)
        if asks_who(query):
            return who_withheld(query, text)
        if not asks_told(query):
            return False
        group = asked_group(query.question)
        return (withholds(text, asked) or (asks_before(query) and tells_only_new(text, asked))
                or (group is not None and counts_only(text, *group)))

    def left_open(self, query: Query, candidates: Sequence[Candidate]) -> bool:
        """The passage that comes closest to the question (nearer in meaning and sharing more
        of its words than the best candidate, which the model doubts) says that what it asks
        is not known or not told, or wants to know it: "How many particles were in the
        blanks?" / "I'd want to know how many particles turned up in the blanks" (the nearest
        to it in the post gives a count of another thing); "How long will the slipway
        close?" / "could not yet say whether or for how long it might have to close". Not a
        passage that merely asks it (a reply, an interview's answer may follow)."""
        if query.yes_no or not candidates or _ASKS_ASKING.search(query.question) \
                or candidates[0].prob >= LEFT_OPEN_BELOW:
            return False
        asked = frozenset(query.terms)
        top = candidates[0].features

        def near(x: np.ndarray) -> tuple[float, float]:
            return float(max(x[_DENSE], x[_DENSE_CTX])), float(x[_COVERAGE_SYN])

        best = near(top)
        return any(c.prob == 0.0 and near(c.features)[0] > best[0] and near(c.features)[1] > best[1]
                   and raises(c.span.text, query.question, asked, asking=False)
                   for c in candidates[1:])

    def still_to_come(self, query: Query, candidates: Sequence[Candidate]) -> bool:
        """A past-tense question asks what an event found, what was said or decided at it, or
        how it went (``outcome_asked``: "What did the survey find?"), and the closest passage
        names that event only as still to come ("We have booked an independent survey for 2
        December and I will report back."), as does every other of the closest few that names
        it: the article cannot tell what has not happened yet. Not when one of them tells of
        the event as done ("Went to the meeting last night."), nor when one that does not name
        it tells an outcome ("What did the study find?" / "The study will be published in May."
        / "Deaths fell by 31 percent.")."""
        event = outcome_asked(query.question)
        if not event or not candidates:
            return False
        if not tells_only_coming(candidates[0].span.text, event):
            return False
        return all(tells_only_coming(c.span.text, event)
                   or not (event & {stem(w) for w in words(c.span.text)}
                           or tells_outcome(c.span.text))
                   for c in candidates[1:COMING_ROWS])

    def _after(self, c: Candidate) -> list[str]:
        """The sentences after ``c`` in its passage."""
        return [s.text for s in self._spans.get(c.span.source_id, ()) if s.start >= c.span.end]

    def declined_by(self, query: Query, candidates: Sequence[Candidate]) -> str | None:
        """Which check of what the closest passages can hold turns them down, in plain words
        ("no passage close to the question gives a price"), or None when none does; the
        answer is then refused whatever the model's confidence."""
        if self.kept_back(query, candidates):
            return KEPT_BACK
        if self.left_open(query, candidates):
            return LEFT_OPEN
        if self.still_to_come(query, candidates):
            return STILL_TO_COME
        if asked_back(query, candidates, self._after, self.model.keep) \
                and self.reply(query, candidates[0]) is None:
            return ASKED_BACK
        if asks_death_cause(query.question) and candidates and not any(
                tells_death_cause(c.span.text, query.question) for c in candidates[:COMING_ROWS]):
            # "What did she die of?" / "She died peacefully on 12 May at home.": when and
            # where, not of what
            return NO_DEATH_CAUSE
        if not states_asked_span(query, candidates):
            return ("no passage close to the question says when they were born"
                    if query.event == "born" else
                    "no passage close to the question says how long they have been at it")
        if not states_asked_day(query, candidates):
            return "the passage closest to it gives no day"
        if not names_others(query, candidates):
            return f"the passage closest to it names no one but {query.referent}"
        if not self.states_measure(query, candidates):
            return f"no passage close to the question gives {_measure_words(query)}"
        if not states_attribute(query, candidates, self.model.keep):
            return f"no passage close to the question gives {_attribute_words(query)}"
        if not counts_part(query, candidates):
            return "no passage close to the question counts that part of them"
        if not self.names_asked(query, candidates):
            return "the passage closest to it names no one in the role asked"
        if self.choice_unsaid(query):
            return "the article mentions neither of the choices asked"
        if not self.names_kind(query, candidates):
            return f"the passages closest to it name no {' '.join(kind_asked(query.question, query.focus))}"
        if not times_asked_event(query, candidates):
            return "no passage close to the question gives a time of that"
        if self.of_other_variant(query, candidates):
            return OTHER_VARIANT
        return None

    @staticmethod
    def value_asked(query: Query) -> bool:
        """Whether the question asks a value: a number, a length of time, a measure ("How long
        ...?", "What is the COP of ...?")."""
        return bool(query.answer_type == NUMBER or query.duration or query.measure
                    or _VALUE_ASKED.search(query.question))

    def of_other_variant(self, query: Query, candidates: Sequence[Candidate]) -> bool:
        """True when every passage the answer would show (the best and those its ``keep``
        share of the best's probability, of the closest three) gives its value for another
        variant of what the question qualifies (``value_of_other_variant``: "with the
        larger charger?" / "with the standard charger"; "a viola?" / "250 hours for a violin,
        a bit more for a viola")."""
        if not candidates or not self.value_asked(query):
            return False
        if numbered_otherwise(query.question, self.retriever.info.texts):
            # ("at minus 10 degrees?" of a page giving it at minus 7 and at 45 degrees only)
            return True
        floor = self.model.keep * candidates[0].prob
        shown = [c for c in candidates[:3] if c.prob >= floor]
        return all(self.value_of_other_variant(query, c) for c in shown)

    def value_of_other_variant(self, query: Query, c: Candidate) -> bool:
        """``sentences.value_of_other_variant`` of the candidate, the variant asked looked up
        in the whole article."""
        texts = self.retriever.info.texts

        def written(mods: frozenset[str], noun: str) -> bool:
            return any(writes_qualified(mods, noun, t) for t in texts)

        return value_of_other_variant(query.question, c.span.text, written)

    def names_asked(self, query: Query, candidates: Sequence[Candidate]) -> bool:
        """False when the question wants someone or something named (``name_asked``: "Who took
        over as head?", "Which company will build it?") and the passages the answer would show
        (the best and those its ``keep`` share of the best's probability) name no one of the
        kind asked beyond the question's own names: only a count or a word for the role ("six
        brands", "the board voted 5 to 2", "the consultancy's engineer"). A comment's or a
        byline's signer is named, a transcript's speaker, a handle, and, for "who", a post's
        writer where they speak of themself."""
        asked = name_asked(query)
        if asked is None or not candidates:
            return True
        # the quotes the answer would show: the best, and those near it (``compose``)
        floor = self.model.keep * candidates[0].prob
        told = [c for c in candidates[:3] if c.prob >= floor and c.source.kind != "title"]
        if not told:
            return True
        people, bodies = asked
        # "Who took over after she retired?": with no earlier question, "she" is the one the
        # page is about, whom its title names
        subject = {w for s in self._by_id.values() if s.kind == "title" for n in person_names(s.text)
                   for w in words(n)} if _PRONOUN_ASKED.search(query.question) and not query.referent \
            else set()
        given = {w.lower() for w in query.words} | set(words(query.referent or "")) | subject
        names = set(query.names) | set(words(query.referent or "")) | subject
        opening = self.retriever.info.opening_name
        speakers = self.retriever.info.speakers_named
        # "Which company will build the new seawall?": a name in quotes that never tell the deed
        # asked (the consultancy that surveyed the wall) is in another role, not the doer asked
        deed = deed_asked(query.question)
        other_deed = False
        if deed is not None:
            deeds = {stem(deed)} | {stem(w) for w, _ in self.similar_words([deed], k=8).get(deed, [])}
            shown = [s for c in told for s in (c.span, self.neighbour(query, c)) if s is not None]
            other_deed = not any(tells_deed(s.text, deeds) for s in shown)
        for c in told:
            src = c.source
            author = set(words(src.author or "")) - given
            if people and author and src.kind in ("comment", "byline"):
                return True
            # a post's writer speaking of themself answers "who" ("I run the fridge"), named or
            # not, but not "which member"
            if people and bodies and src.kind == "post" \
                    and SPEAKS_OF_SELF.search(QUOTED.sub(" ", c.span.text)):
                return True
            # a transcript's speaker ("PRIYA: I planted them"), a handle ("@kasia-wnuk",
            # "u/platform3_regular", "pennine_petra")
            if people and (speakers[c.row] - given if c.row < len(speakers) else False):
                return True
            if people and any(h.lower().lstrip("@").removeprefix("u/") not in given
                              for h in _HANDLE.findall(c.span.text)):
                return True
            spans = [c.span]
            near = self.neighbour(query, c)
            if near is not None:
                spans.append(near)
            for span in spans:
                row = c.row if span is c.span else -1
                # the word opening it is a name where the article writes it with a capital
                # where no word needs one, or it is no English word ("Tomasz rang me")
                op = opening[row] if 0 <= row < len(opening) else frozenset()
                first = re.match(r"\W*([A-Z][\w'\u2019-]*)", span.text)
                if first:
                    w = re.sub(r"['\u2019]s$", "", first.group(1).lower())
                    if w not in STOPWORDS and w not in english_words():
                        op = op | {w}
                if names_filler(span.text, given, people=people, bodies=bodies, names=names,
                                opening=op, doer=other_deed and c.source.kind == "post"):
                    return True
        return False

    def names_kind(self, query: Query, candidates: Sequence[Candidate]) -> bool:
        """False when a "which" / "what" question asks one of a kind of thing (``kind_asked``:
        "Which disease threatens the plane trees?") and the passages the answer would show (the
        best and those its ``keep`` share of the best's probability) each say the kind's noun only
        in a clause of what may be, of none or of any one ("if one disease arrives", "whether
        it can be used without adverse side effects"), with no word telling which one, and name
        nothing the question does not (``names_of_kind``), nor say a word near the kind in
        meaning (``of_kind``). A quote not saying the noun may name one in its own words."""
        kind = kind_asked(query.question, query.focus)
        if not kind or query.answer_type is not None or query.yes_no or not candidates:
            return True
        floor = self.model.keep * candidates[0].prob
        told = [c for c in candidates[:3] if c.prob >= floor and c.source.kind != "title"]
        if not told or told[0] is not candidates[0]:
            return True
        given = {w.lower() for w in query.words} | set(words(query.referent or ""))
        opening = self.retriever.info.opening_name
        for c in told:
            spans = [c.span]
            near = self.neighbour(query, c)
            if near is not None:
                spans.append(near)
            for span in spans:
                row = c.row if span is c.span else -1
                op = opening[row] if 0 <= row < len(opening) else frozenset()
                said = names_of_kind(span.text, kind, given, op)
                if said or (said is None and span is c.span):
                    return True  # a shown quote not saying the kind may name one in its own words
                if said is not None and self.of_kind(span.text, kind, given):
                    return True
        return False

    def choice_unsaid(self, query: Query) -> bool:
        """True when the question offers a choice after a comma (``choice_asked``: "How is it
        given, by injection or nasal spray?"), or of two words ending a yes/no-shaped question
        (``alternative_asked``: "Were they mostly men or women?"), and the article says no word
        of either option, nor one near it in meaning: it cannot tell which."""
        choice = alternative_asked(query.question) if query.yes_no else choice_asked(query.question)
        if choice is None:
            return False
        article = self.retriever.article
        options = [w for option in choice for w in option]
        if any(len(article.rows(t)) for t in options):
            return False
        said = [w for w in words(query.question) if stem(w) in options]
        return not any(self.similar_words(said).values())

    def of_kind(self, text: str, kind: Sequence[str], given: set[str]) -> bool:
        """Whether a word of the sentence the question does not hold is near the kind asked in
        meaning (cosine >= ``KIND_SIMILARITY`` by the embedding model: "nausea" for "side
        effects", "boots" for "footwear"): it may be one of that kind, said in lower case."""
        asked = " ".join(kind)
        own = {stem(k) for k in kind}
        ws = list(dict.fromkeys(w for w in words(text) if w not in STOPWORDS and w not in given
                                and stem(w) not in own and not w.isdigit()))
        if not ws:
            return False
        vecs = self.words.vectors([asked, *ws])
        vecs = vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
        return bool((vecs[1:] @ vecs[0]).max() >= KIND_SIMILARITY)

    def why_not(self, query: Query, grounding: Grounding, candidates: Sequence[Candidate],
                declined: str | None = None) -> str:
        """Why the article does not answer, in plain words; ``declined``: the check that
        turned down the closest passages (``declined_by``), if one did."""
        if declined == KEPT_BACK or (declined is None and self.kept_back(query, candidates)):
            return KEPT_BACK
        if query.comments_asked:
            n = len(self.comments)
            if not n:
                return "the page has no comments"
            if query.comments_asked == "count":
                signed = len({c.author for c in self.comments if c.author})
                by = f", from {signed} signed commenter{'s' if signed != 1 else ''}" if signed else ""
                return (f"its words do not count them, but the page shows {n} reader "
                        f"comment{'s' if n != 1 else ''}{by}")
        if query.comment_at is not None:
            named = self.comment_at(query)
            n = len(self.comments)
            if named is None:
                return (f"the page has only {n} comment{'s' if n != 1 else ''}" if n
                        else "the page has no comments")
            if named.low_content:
                return f"{named.label} has next to nothing to quote"
            if _unstated(query, named):
                return f"{named.label} is not {'signed' if query.answer_type == PERSON else 'dated'}"
        if query.author_of == "post" and "byline" not in self.kinds:
            return "the page does not name the post's author"
        if query.published_of == "post" and "byline" not in self.kinds:
            return "the page does not say when the post was published"
        if query.yes_no_topic and all(c.features[_TOPIC_FOUND] < 0 for c in candidates):
            return f"no passage speaks of \u201c{query.yes_no_topic}\u201d"
        if declined is not None:  # what turned the closest passages down
            return declined
        phrases = unknown_phrases(query.question, grounding)
        if phrases:
            shown = " or ".join(f"\u201c{p}\u201d" for p in phrases[:3])
            return f"the article never mentions {shown}"
        wanted = query.answer_type
        if wanted and not any(c.features[_TYPE_OK] > 0 for c in candidates[:5]):
            return f"no passage close to the question gives {_KIND_WORDS.get(wanted, wanted)}"
        return "the closest passage is not close enough to the question"

    def neighbour(self, query: Query, c: Candidate) -> Span | None:
        """A sentence next to ``c`` in its paragraph that holds the kind of answer asked for,
        when ``c`` does not ("Who said ...?" quotes the sentence naming the speaker), or for
        a quote running over several sentences, the one naming its speaker where it opens
        (whatever is asked: a quoted claim is shown with whose it is); for a question asking
        what someone says ("according to the director"), a sentence naming its speaker with
        the quote that carries on their words."""
        wanted = query.answer_type
        sentences = self.index.sentences
        said_by = self.retriever.info.said_by
        if wanted == PERSON and query.speaker and c.row < len(said_by) and said_by[c.row] >= 0 \
                and sentences[said_by[c.row]].source_id == c.span.source_id:
            return sentences[said_by[c.row]]  # "Who said ...?": the sentence naming the speaker
        if wanted in (PERSON, TIME, NUMBER, PLACE, CONTACT) and c.features[_TYPE_OK] < 0:
            flags = self.retriever.info.flags[query.contact or wanted]
            for j in (c.row - 1, c.row + 1):
                if 0 <= j < len(sentences) and flags[j] \
                        and sentences[j].source_id == c.span.source_id:
                    return sentences[j]
        opener = quote_opener(sentences, self.retriever.info.speaker, c.row)
        if opener >= 0:
            return sentences[opener]
        after = c.row + 1
        if _ACCORDING.search(query.question) and after < len(said_by) and said_by[after] == c.row \
                and sentences[after].source_id == c.span.source_id:
            # "According to the director, ...?": her words quoted after she is named and
            # reported ("... said fines had become a barrier. / '...,' she said.")
            return sentences[after]
        return None

    def lead_in(self, query: Query, c: Candidate) -> Candidate | None:
        """For "Who said ...?" answered by a quote whose pronoun speaker ('"...," she said.')
        is named in the paragraph before, that paragraph's sentence naming them."""
        said_by = self.retriever.info.said_by
        if query.answer_type != PERSON or not query.speaker or c.row >= len(said_by) \
                or said_by[c.row] < 0:
            return None
        span = self.index.sentences[said_by[c.row]]
        if span.source_id == c.span.source_id:
            return None  # joined to the quote (``neighbour``)
        return Candidate(int(said_by[c.row]), span, self._by_id[span.source_id], c.prob, c.features)

    def reason_after(self, query: Query, c: Candidate) -> Span | None:
        """For a question asking why (or what made something happen), the sentence after
        ``c`` in its paragraph when ``c`` gives no reason of its own (``REASON_FORM``: "because",
        ", so", a clause after a colon, the forms that make a sentence hold the kind "Why ...?"
        asks): the reason is often told
        just after the sentence that restates what it explains ("I think the figures should be
        read with caution. / Part of the jump is a rebound from a low base ...").
        Whatever is asked, the sentence after one that only sets up what it tells (``SETS_UP``:
        a question, a colon, what others ask or claim) is where the answer is ("Do you make
        copies of old violins?" / "People sometimes ask me to make an exact copy of a famous
        violin. / I don't do that.").
        A yes/no question answered by a sentence that gives no verdict of its own runs back to
        the one before it that does ("Can two hoses be joined?" / "Yes, with a connector. / If
        your pressure is low, the second hose may not reach its full length.")."""
        text = c.span.text
        spans = self._spans.get(c.span.source_id, ())
        if query.yes_no and not _VERDICT.match(text):
            before = [s for s in spans if s.end <= c.span.start]
            if before and _VERDICT.match(before[-1].text):
                return before[-1]
        if not SETS_UP.search(text) and (not asks_why(query.question)
                                          or REASON_FORM.search(text)):
            return None
        after = next((s for s in spans if s.start >= c.span.end), None)
        if after is None or after.text.rstrip("\"'\u201d)").endswith("?"):
            return None
        return after

    def announced(self, c: Candidate) -> Span | None:
        """The sentence after ``c`` in its paragraph when ``c`` only announces what it tells
        (``LEAD_IN``: "The isotope results are, to me, the most interesting part.", "The reason
        is simple.", "Here is what they found."): a quote other than the best one runs on to it,
        as the best one does (``reason_after``). None after a question."""
        if not LEAD_IN.search(c.span.text):
            return None
        spans = self._spans.get(c.span.source_id, ())
        after = next((s for s in spans if s.start >= c.span.end), None)
        if after is None or after.text.rstrip("\"'\u201d)").endswith("?"):
            return None
        return after

    def reply(self, query: Query, c: Candidate) -> Candidate | None:
        """For a best sentence that is a question closing its paragraph (an interviewer's or a
        reader's question), the paragraph after it, where it is answered ("Are you worried by
        cheap violins?" / "Not really. A student who starts on one might come to me later."):
        whole when short, else its first sentence. Not when the question asks who or when (of
        the asking, not the answer), nor when the next paragraph asks a question itself."""
        sentences = self.index.sentences
        nxt = c.row + 1
        if query.answer_type in (PERSON, TIME) or not c.span.text.rstrip("\"'\u201d)").endswith("?") \
                or nxt >= len(sentences) or sentences[nxt].source_id == c.span.source_id:
            return None
        source = self._by_id.get(sentences[nxt].source_id)
        if source is None or source.kind != c.source.kind:
            return None
        spans = self._spans.get(source.id, ())
        if not spans or spans[-1].text.rstrip("\"'\u201d)").endswith("?"):
            return None
        first, last = spans[0], spans[-1]
        if word_count(source.text[first.start:last.end]) > REASON_WORDS:
            last = first
        span = Span(source.id, first.start, last.end, source.text[first.start:last.end])
        return Candidate(nxt, span, source, c.prob, c.features)

    def answer(self, question: str, query: Query, kinds: frozenset[str] | None,
               qvec: np.ndarray) -> Answer:
        candidates, grounding = self.candidates(query, kinds, qvec)
        opts = self.options
        confidence = self.confidence(query, candidates)
        told = tells_asked_end(query, candidates)
        if len(told) < len(candidates):
            # what is left must answer on its own, and is no surer an answer without the rest
            candidates = told
            confidence = min(confidence, self.confidence(query, told))
        if self.value_asked(query) and not self.of_other_variant(query, candidates):
            # a passage giving the value for another variant than the one asked is no answer,
            # though others may be ("at minus 10 degrees?" / "at minus 7 degrees, ...")
            kept = [c for i, c in enumerate(candidates)
                    if i >= 3 or not self.value_of_other_variant(query, c)]
            if kept and len(kept) < len(candidates):
                candidates = kept
                confidence = min(confidence, self.confidence(query, kept))
        said = self.predicate_match(query, candidates[:PREDICATE_ROWS], grounding)
        if said is not None and said < PREDICATE_MATCH:
            # "Does the ferry sell hot food?" / "The ferry leaves at nine.": the answers
            # tell of the subject, not of what is asked of it (or the article says nothing
            # of a word asked: "Did the passengers get a refund?")
            confidence *= SUBJECT_ONLY_ODDS
        if unknown_objects(query, grounding):
            # a yes/no question after a thing the article never names ("Can it go in the
            # dishwasher?"): an answer must say it in other words, which only a close match
            # may do
            confidence *= UNNAMED_OBJECT_ODDS
        declined = self.declined_by(query, candidates)
        if declined is not None:
            confidence = 0.0
        threshold = opts.threshold if opts.threshold is not None else self.model.threshold
        keep = opts.keep if opts.keep is not None else self.model.keep
        candidates = valued_first(query, placed_first(query, candidates))
        if (query.gist and self.lead_rows or query.comments_asked == "who"
                or self.host_row(query) is not None) and candidates:
            # what the post is about: its lead; who commented: each commenter's opening words;
            # who presents an unsigned transcript: its host's first words (the only
            # candidates), quoted in page order
            candidates = sorted(candidates, key=lambda c: c.row)
            threshold, keep = 0.0, 0.0
        return compose(
            question, query, candidates, self._spans,
            confidence=confidence,
            threshold=threshold,
            keep=keep,
            options=opts,
            why_not=lambda cs: self.why_not(query, grounding, cs, declined),
            neighbour=lambda c: self.neighbour(query, c),
            lead_in=lambda c: self.lead_in(query, c),
            reason_after=lambda c: self.reason_after(query, c),
            announced=self.announced,
            reply=lambda c: self.reply(query, c),
            closest_k=self.closest_k,
            post_author=self.post_author,
            speakers=self.speakers,
        )
