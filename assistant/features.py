"""Features of a (question, sentence) pair: the general signals the answer model weighs.

Every feature is about the form of the question, the sentence and its place on the page
(its source's kind, author and date), never about one article's words:

- meaning: cosine similarity of the question with the sentence (bare, with its source's
  header, its best clause) and with its chunk, and how far it is from the best candidate;
- grounding: the IDF-weighted share of the question's terms in the sentence (the same
  stem, a spelling fixed against the article's own words, or a close synonym from the
  article's vocabulary found by the embedding model) or in its source's metadata, and the
  share the article never mentions at all;
- answer kind: whether the sentence (or its source's metadata) can hold what the question
  asks for: a person, a place or a name the question does not give, a number, a date, period
  or duration, a title, what someone does for a living; a number of the thing counted or in
  the measure asked ("40,000 visitors", "$5"), a name of the kind asked ("Kettle Lane
  Bakery"), a photo's credit line; and whether the question's words stand next to such an
  answer in the sentence (a number far from them is about something else);
- the page: the source's kind, whether the question names that part of the page or its
  author, whether it asks who wrote or when was published what this source records.

A citation's year, volume and pages answer only questions about the cited work; the
question model also weighs the best candidate that can hold the kind of answer asked, and
how far from everything on the page a question is ("What is the capital of Italy?").

``feature_matrix`` computes them for the candidate sentences of one question, as a matrix
whose columns are ``FEATURES``; ``question_features`` sums up a question and its ranked
candidates as ``QUESTION_FEATURES``; ``answer_model`` turns both into probabilities.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .grounding import (
    DOING_VERBS,
    KNOWN_SIMILARITY,
    NEVER_UNKNOWN,
    PAGE_WORDS,
    WORKING_VERBS,
    ArticleTerms,
    Grounding,
    coverage,
    stem_of,
    unknown_share,
)
from .query import (
    CONTACT,
    NUMBER,
    PERSON,
    PHASES,
    PLACE,
    ROLE,
    TIME,
    TITLE,
    Query,
    asks_why,
    person_named,
)
from .sentences import (
    CONTACT_FORMS,
    COUNT_WORDS,
    MONTH_NAMES,
    PERSON_NOUN,
    PERSON_TITLES,
    QUOTED,
    RANKS,
    REASON,
    RESULT,
    RESULT_FORM,
    WEEKDAY_NAMES,
    SentenceInfo,
    apposed_people,
    apposed_posts,
    asks_effect,
    asks_to_rank,
    bounds_each_only,
    counts_only_shares,
    event_of_other,
    life_asked_of,
    locates,
    names_new_person,
    names_place_at,
    person_names,
    states_new,
    tells_event,
    tells_when,
    times_earlier_event,
    times_other_event,
    times_other_side,
    times_relative_to,
    withholds_who,
)
from .text import STOPWORDS, stem, terms, words
from .types import Source

FEATURES: tuple[str, ...] = (
    "dense",  # cosine of the question and the bare sentence
    "dense_ctx",  # the best of: with its source's header, its best clause
    "dense_chunk",  # cosine of the question and the sentence's chunk (with header)
    "dense_gap",  # the best candidate's similarity minus this one's
    "dense_prev",  # cosine of the question and the sentence before it in its source
    "hub",  # how close the sentence is to the article's other sentences (generic ones are)
    "coverage",  # IDF share of the question's terms in the sentence (stem or fixed spelling)
    "coverage_syn",  # ... counting the article's close synonyms of a term too
    "coverage_meta",  # ... in the source's label, author and date instead
    "coverage_prev",  # ... in the sentence before it (an answer often follows its lead-in)
    "lexical",  # BM25 of the sentence's chunk over the best chunk's
    "lexical_sentence",  # BM25 of the sentence over the best sentence's
    "unknown",  # IDF share of the question's terms the article never uses, even as synonyms
    "unknown_yes_no",  # the same for a yes/no question (its predicate must be there)
    "type_ok",  # +1 the sentence can hold the kind of answer asked for, -1 it cannot, 0 none asked
    "type_near",  # it cannot, but the sentence next to it in the paragraph can
    "type_miss",  # it cannot, nor can the sentence next to it: the answer is not here
    "kind_title",
    "kind_byline",
    "kind_caption",
    "kind_reference",
    "kind_comment",
    "kind_named",  # the question names this part of the page ("the picture", "the DOI")
    "author_named",  # the question (or its context) names this source's author
    "meta_byline",  # asks who wrote / when was published the post, and this is its byline
    "meta_reference",  # asks who wrote / when appeared a cited work, and this is a reference
    "meta_comment",  # asks who / when about a named commenter, and this is their comment
    "meta_title",  # asks the post's title ("What's the name of this recipe?"), and this is it
    "reply_named",  # asks how someone was answered, and this is a reply to the person named
    "names_found",  # share of the question's proper names in the sentence
    "anchor_missing",  # share of the question's names and numbers ("Castlegate", "2019") in
    #   neither the sentence, the one before it, its source's label, author and date, nor the title
    "topic_found",  # a yes/no question's plain subject ("Does estrogen ...?"): +1 named, -1 not
    "focus_align",  # how closely the sentence's words match the thing asked ("pages", "company")
    "verb_align",  # ... match the predicate asked about ("paid", "founded", "live")
    "quantity_align",  # a quantity asked: a number of the sentence is of it ("40,000 visitors")
    "name_align",  # a named thing asked: the sentence names one of that kind ("Kettle Lane Bakery")
    "answer_near",  # a kind asked: share of the question's terms in the sentence near a filler of it
    "agent",  # a "who did X" question, and the sentence says X was done "by" someone
    "affiliation",  # a "where" question, and the sentence ties a person to an institution
    "type_new",  # the sentence names something (a name, a number) the question does not
    "why_prev",  # a why/how question, times dense_prev (the reason follows the restatement)
    "short_question",  # at most two content words ("side effects?")
    "low_info",  # fewer than four content words ("Really interesting post.")
    "is_question",  # the sentence is itself a question
    "prev_is_question",  # the sentence before it is a question (this one may answer it)
    # Late interaction: for each content word piece of the question, its best cosine with a
    # word piece of the sentence (the model's contextual vectors), averaged.
    "token_match",
)
INDEX = {name: i for i, name in enumerate(FEATURES)}
# Capitalised, but never a place: "in September", "on a Tuesday", a forum's "Sat Oct 03, 2026".
CALENDAR_NAMES = frozenset(MONTH_NAMES + WEEKDAY_NAMES) | frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat"
    .split())


def feature_matrix(
    query: Query,
    candidates: np.ndarray,
    *,
    info: SentenceInfo,
    article: ArticleTerms,
    grounding: Grounding,
    dense: np.ndarray,
    dense_ctx: np.ndarray,
    dense_chunk: np.ndarray,
    lexical: np.ndarray,
    lexical_sentence: np.ndarray,
    sources: Sequence[Source],
    focus_sims: np.ndarray | None = None,
    token_match: np.ndarray | None = None,
) -> np.ndarray:
    """The ``FEATURES`` of each candidate sentence (rows in ``candidates`` order).

    ``dense``, ``dense_ctx``, ``dense_chunk`` and ``lexical`` are per sentence of the article;
    ``sources[i]`` is candidate i's source; ``focus_sims[f, v]`` is the cosine of the
    question's focus word f with the article's vocabulary word v.
    """
    n = article.n
    # a thing asked is found as itself or as a word for one of its kind ("company": "contractor",
    # "subject": "chemistry"), and people counted as any count of people ("How many volunteers
    # ...?": "112 adults"): the sentence speaks of it as much as if it said the word
    of_kind = kind_rows(query, info, article)
    cov, cov_syn, cov_meta = coverage(query, grounding, article, n, of_kind)
    # "Which company is he with?" of a page that never says "company" but signs off "Toby
    # Quill, Harbourline Maps": the kind is known by the affiliation a close passage names
    affiliated = {int(i) for i in candidates if _body_by_affiliation(query, info.texts[i])} \
        if _asks_body(query) else set()
    unknown = unknown_share(query, grounding, article,
                            frozenset({stem_of(query.entity or "")}) if affiliated else frozenset())
    best = float(np.max(np.maximum(dense, dense_ctx)[candidates])) if len(candidates) else 0.0
    X = np.zeros((len(candidates), len(FEATURES)), dtype=np.float64)
    names = query.names
    asked_stems = frozenset(stem_of(w) for w in query.words)
    writer_terms = {t for t in query.terms if t not in NEVER_UNKNOWN and t not in STOPWORDS} \
        if query.writer else set()
    name_stems = frozenset(stem_of(w) for w in query.names)
    # (an author's name is matched by its stems of three letters or more)
    asked_long = frozenset(w for w in asked_stems if len(w) > 2)
    names_long = frozenset(w for w in name_stems if len(w) > 2)
    kind_cols = {k: INDEX[f"kind_{k}"] for k in ("title", "byline", "caption", "reference", "comment")}
    content = [t for t in query.terms if t not in STOPWORDS]
    n_things = len(query.focus)
    sims_things = focus_sims[:n_things] if focus_sims is not None else None
    n_verbs = len(query.focus_verb)
    sims_verbs = focus_sims[n_things : n_things + n_verbs] if focus_sims is not None else None
    sims_counted = focus_sims[n_things + n_verbs :] if focus_sims is not None else None
    align = _focus_align([stem_of(f) for f in query.focus], sims_things, info, article, candidates,
                         [of_kind.get(stem_of(f)) for f in query.focus])
    verb_align = _focus_align([stem_of(f) for f in query.focus_verb], sims_verbs, info, article,
                              candidates)
    quantity = _quantity_align(query, sims_counted, info, candidates, grounding, article.meta_terms,
                               article)
    qwords = {w.lower() for w in query.words}
    bearer = _bearer_rows(query, grounding, article, of_kind)
    name = _name_align(query, info, candidates, qwords, bearer, affiliated)
    # what the sentence must hold: a year, a stretch of time ("How long ...?"), or the kind asked
    filler = filler_of(query)
    # "When did it start?" asks where in time: a sentence that only says how long something
    # lasts ("for three summers running") does not hold it
    when = filler == TIME and asks_when(query.question)
    deed_of_time = timed_deed(query) if when else ()
    life_of = life_asked_of(query.question) if when else frozenset()
    of_page = bool(query.target or _OF_PAGE.search(query.question))
    timed_thing = tuple(stem_of(w) for w in query.focus or query.terms) if (
        when or filler == "clock") and not of_page else ()
    related_thing = tuple(stem_of(w) for w in query.focus or query.terms) if (
        when and not of_page) else ()
    page_event = bool(query.published_of or query.when_written or query.target
                      or _OF_PAGE.search(query.question))
    deed = deed_asked(query) if query.answer_type == PERSON and not query.credit else None
    # a word for a thing of the kind asked stands next to the answer as the question's word
    # would: "Which company ...?" / "contractor Hallam & Pryce"
    kind_words = frozenset().union(*(_kind_forms(f) for f in query.focus))
    near = _answer_near(query, filler, info, candidates, deed or frozenset(), kind_words)
    topic_rows = _topic_rows(query, grounding, article, info)
    wanted = query.answer_type
    flags = info.flags[filler] if filler else None
    by_position = asks_position(query)
    # a fact of a person's own: their job, their age, where they live or work
    # ("How old is Ann Roe's mother?" asks another's: one her sentences may tell)
    own_fact = (wanted == ROLE or (wanted == NUMBER and query.measure == "age") or (
        wanted == PLACE and query.where and not by_position)) and not _RELATIVE_OF.search(
        query.question)
    who_is = _WHO_IS.match(query.question) is not None and query.target != "comment"
    holder = wanted == PERSON and not query.focus_verb and _WHO_HOLDS.match(query.question) is not None
    verb_terms = set(terms(query.focus_verb[0])) if query.focus_verb else set()
    holder_terms = _post_asked(query.question) if holder else set()
    # the people the article gives a post beside their names, anywhere in it
    posted = _posts_given(info.texts) if holder_terms else []
    anchors = anchors_of(query)
    why = wanted is None and flags is None and asks_why(query.question) and bool(info.flags)
    # "Which species was hit hardest?" asks which one stands out: a sentence that ranks
    ranking = (wanted is None and flags is None and not why and bool(info.flags)
               and asks_to_rank(query.question))
    # "What difference did the cooler water make?" asks for an outcome: a measured change
    effect = (wanted is None and flags is None and not why and not ranking and bool(info.flags)
              and asks_effect(query.question))
    # the title names what the whole article is about ("How much does the Aero 3 weigh?" /
    # "Weight | 640 g" on the Aero 3's page): its names pin no sentence to another topic
    topic = _title_words(info) if anchors else frozenset()
    # the columns that are one number per sentence or per question, set a column at a time
    # (the loop below sets the rest, and overrides some of these for some sentences)
    if len(candidates):
        X[:, INDEX["dense"]] = dense[candidates]
        X[:, INDEX["dense_ctx"]] = dense_ctx[candidates]
        X[:, INDEX["dense_chunk"]] = dense_chunk[candidates]
        X[:, INDEX["dense_gap"]] = best - np.maximum(dense[candidates], dense_ctx[candidates])
        if token_match is not None:
            X[:, INDEX["token_match"]] = token_match[candidates]
        X[:, INDEX["hub"]] = info.hub[candidates]
        X[:, INDEX["coverage"]] = cov[candidates]
        X[:, INDEX["coverage_syn"]] = cov_syn[candidates]
        X[:, INDEX["coverage_meta"]] = cov_meta[candidates]
        X[:, INDEX["lexical"]] = lexical[candidates]
        X[:, INDEX["lexical_sentence"]] = lexical_sentence[candidates]
        X[:, INDEX["unknown"]] = unknown
        X[:, INDEX["unknown_yes_no"]] = unknown if query.yes_no else 0.0
        X[:, INDEX["focus_align"]] = align
        X[:, INDEX["verb_align"]] = verb_align
        X[:, INDEX["quantity_align"]] = quantity
        X[:, INDEX["name_align"]] = name
        X[:, INDEX["short_question"]] = float(len(content) <= 2)
        X[:, INDEX["low_info"]] = info.low_info[candidates]
        X[:, INDEX["is_question"]] = info.is_question[candidates]
    # (the rows as Python ints: the article's lists are indexed by them many times a row)
    for row, (i, src) in enumerate(zip(candidates.tolist(), sources, strict=True)):
        x = X[row]
        prev = info.prev[i]
        if prev >= 0:
            x[INDEX["dense_prev"]] = dense[prev]
            x[INDEX["coverage_prev"]] = cov_syn[prev]
            x[INDEX["prev_is_question"]] = float(info.is_question[prev])
            # the reason follows the sentence restating what is explained, unless this one
            # only tells another measured outcome ("White lamps drew 3.1 times as many moths. /
            # Deaths fell by 31 percent.")
            x[INDEX["why_prev"]] = dense[prev] if query.explains and not (
                why and info.flags[RESULT][i]) else 0.0
        if why and info.flags[REASON][i]:
            # a sentence giving a reason for what it restates itself holds both halves ("I put
            # the book off because the cover looked cheap", "Because nobody signs in, we do not
            # know who uses it"): its own closeness counts as the restatement's
            x[INDEX["why_prev"]] = max(x[INDEX["why_prev"]], dense[i])
        kind = src.kind
        if kind in kind_cols:
            x[kind_cols[kind]] = 1.0
        x[INDEX["kind_named"]] = float(kind in query.kinds)
        author = info.author_terms[i]
        # the author's name is matched by its stems ("Jerome Haskins": "jerom haskin"). "Who
        # replied to Imre?" names whom the answer's author acted on: Imre's own comment and
        # byline are not who. A byline's only number is its date: it tells no count, age or
        # price of its author.
        named = (not asked_long.isdisjoint(author)
                 and not query.named_object and not (kind == "byline" and wanted == NUMBER)) or (
            # "the author" of a page with comments: the post's writer's own replies on what
            # the question asks about (one of its words, past the page's own)
            kind == "comment" and query.writer is not None and src.author == query.writer
            and bool(writer_terms & set(terms(src.text)))) or (
            kind == "post" and src.id in query.letter) or (
            # "What's the reporter's job?": a byline printing more than a name and a date
            # ("By Ann Roe, Transport Correspondent") may give it
            kind == "byline" and wanted == ROLE and query.writer is not None
            and src.author == query.writer and flags is not None and bool(flags[i]))
        if (named and own_fact and kind in ("byline", "post", "comment")
                and query.writer is None and src.id not in query.letter):
            # "What does Ann Roe do for a living?", "How old is she?", "Where does she live?":
            # a fact of the writer named is told only where they speak of themself ("I'm a
            # nurse") or the text names them (a letter's sign-off, "Tom, Leeds", is its
            # writer's own); a byline of a name and a date tells none, nor
            # does their sentence about someone else ("My mother is 84")
            text = info.texts[i]
            if kind == "byline":
                named = wanted == ROLE and flags is not None and bool(flags[i])
            else:
                # (of a place or a job, "we" and "my" speak of the writer too: "we moved to
                # Leeds", "my patients"; of an age, "my" is another's: "My mother is 84")
                self_words = _FIRST_PERSON if wanted == NUMBER else SPEAKS_OF_SELF
                # (a quote's "I" is its speaker's: '"I see them after work," said Amira')
                quoted = i < len(info.said_by) and info.said_by[i] >= 0
                named = (self_words.search(QUOTED.sub(" ", text)) is not None and not quoted
                         ) or bool(author & set(terms(text)))
        x[INDEX["author_named"]] = float(named)
        # "Who asked about X? / When did he post that?": the person answered (among the names,
        # not the words) wrote it, so their comment's date says when
        wrote = named or (query.when_written and bool(author) and query.follow_up
                          and not names_long.isdisjoint(author)
                          and not query.named_object)
        meta = _meta_match(query, src, wrote)
        if meta:
            x[INDEX[meta]] = 1.0
        # "When was the club founded?": a date of another event (the page's, a comment's, or
        # one the sentence gives without the founding) is no answer
        told = tells_event(query.event, info.texts[i], query.words)
        # "When did Josiah Penrose die?": "Abernethy died in 1911" tells another's death
        told = told and not event_of_other(query.event, life_of,
                                           info.named[i] | info.opening_name[i], info.texts[i])
        # "When did they start discussing a ban?": a time told of another deed ("the board
        # voted in June") is that deed's
        told = told and not (when and not of_page and kind != "byline"
                             and times_other_event(deed_of_time, info.texts[i],
                                                   query.event in PHASES))
        # "What time is the reception?": a sentence timing the event it follows ("at 2pm,
        # followed by a reception") does not time it
        told = told and not (timed_thing and times_earlier_event(timed_thing, info.texts[i]))
        # "When did the wreck happen?" / "washed ashore in the spring after the wreck": a time
        # counted from the thing asked is another event's
        told = told and not (related_thing and times_relative_to(related_thing, info.texts[i],
                                                                  query.question))
        # "When was it last inspected before the floods?" / "an inspection after the floods"
        told = told and not (related_thing and times_other_side(query.question, info.texts[i]))
        # "Who is the spokesperson for the partnership?" is not the byline's writer, unless the
        # byline gives the post asked ("By Ann Hale, Transport Correspondent")
        off_post = (holder and kind == "byline" and not query.author_of
                    and not holder_terms & (set(terms(info.texts[i])) - author))
        # who wrote or when: the source's byline or signature holds it, not a word of the text;
        # "Who was the referee?" asks who someone is, which a comment's signature tells only
        # when its writer speaks of themself ("I was the referee")
        # a byline's date is when the page was written: the start or the end of a thing it
        # tells of ("What time did Ann reach the finish?") is another event's, unless the
        # question is about the page ("When did this thread start?")
        told = told and not (kind == "byline" and query.event in PHASES and not page_event)
        meta_ok = told and wanted is not None and (
            query.event is None or query.event in PHASES) and _meta_fits(
            wanted, query, src, wrote) and not (
            wanted == PERSON and kind == "comment" and who_is
            and not _FIRST_PERSON.search(info.texts[i])) and not off_post and (
            # a reader who paid for something says so: "Who funded it?" is not told by any
            # comment's signature, nor by one that names the deed of another ("on a 10-week
            # wait from the supplier")
            deed is None or (_tells_deed(deed, info.texts[i]) and (
                kind != "comment" or SPEAKS_OF_SELF.search(info.texts[i]) is not None)))
        if wanted is not None and flags is not None:
            if wanted == PLACE and query.where and not by_position:
                # where someone lives or works, where a body is based: a named place that
                # something is in, at or from, or a person's institution
                fits = names_place_at(info.texts[i], qwords) or bool(info.affiliation[i])
            elif wanted == PLACE:  # a name the question does not already give
                # (a speaker's label names who speaks, not a thing: "Brandvold: The spruce
                # comes from one supplier")
                named = (info.named[i] | info.opening_name[i]) - info.speakers_named[i]
                if query.entity in _MAKERS:
                    # a company, a brand: not a place it is in or goes to ("a supplier in the
                    # Tyrol", "rode out to Hollin Edge"); one bought "from" may be the maker
                    named = named - frozenset(
                        w.lower() for m in _IN_PLACE.finditer(info.texts[i])
                        if not _BODY_NAME.search(m[1]) for w in re.findall(_CAPITALISED, m[1]))
                fits = names_a_place(named, qwords) or (
                    by_position and locates(info.texts[i], qwords))
                # ... in a passage about what bears it ("What were her parents' names?")
                fits = fits and (bearer is None or bool(bearer[i]))
            elif wanted == PERSON and query.credit:
                fits = bool(info.credit[i])  # who took a photo: only a credit line says
            elif wanted == PERSON and query.speaker and i < len(info.said_by) and info.said_by[i] >= 0:
                fits = True  # "Who said ...?" / a quote whose speaker is named where it opens
            elif wanted == PERSON and query.focus_verb and not meta_ok:
                # who did something: someone the question does not name already; and who paid
                # for, designed, made, owned, supplied or built a thing only a sentence that
                # speaks of that deed can tell
                # (a number of people is someone who did it only where the sentence tells the
                # deed: "74 players" does not say who conducts, "40 volunteers rebuilt it" does)
                fits = bool(flags[i]) and (kind == "reference" or names_new_person(
                    info.texts[i], qwords, counted=bool(verb_terms & set(terms(info.texts[i]))))) and (
                    deed is None or _tells_deed(deed, info.texts[i]))
            elif wanted == TITLE and query.target in ("post", "paper"):
                # the post's headline is its title; a cited paper's, in its reference
                fits = kind == ("reference" if query.target == "paper" else "title")
            elif wanted == NUMBER and query.measure == "money" and _FREE.search(info.texts[i]):
                fits = True  # "How much does the meter cost?" / "There is no charge for it."
            elif kind == "reference" and wanted in (NUMBER, TIME) and not _about_citation(query):
                # a citation's year, volume and pages tell of the cited work only
                fits = False
            else:
                # a byline's date is when the page was written, never what is yet to happen;
                # "Who is the spokesperson for the partnership?" asks who holds a post, which
                # a sentence naming only the post ("a spokesperson for the partnership said"),
                # a count of people or a body ("the Isles Transport Partnership") does not tell
                fits = (bool(flags[i]) and told and not (kind == "byline" and query.future)
                        and states_new(filler, info.texts[i], query.question, query.words)
                        and (not when or tells_when(info.texts[i]))
                        and not (holder and (off_post or not names_new_person(
                            info.texts[i], qwords, counted=False, bodies=False)
                            or _other_posts(info.texts[i], holder_terms)
                            or _posted_otherwise(info.texts[i], holder_terms, posted, qwords)))
                        ) or meta_ok
            x[INDEX["type_ok"]] = 1.0 if fits else -1.0
            # a quote's speaker is often named in the next sentence; a photo's credit is not
            # (of the filler asked: "How long has ...?" wants a span next door, not any date)
            x[INDEX["type_near"]] = float(
                not fits and not query.credit and told
                and bool(info.near.get(filler or wanted, info.near[wanted])[i])
                and (deed is None or _deed_near(deed, info, i))
                and (not holder or _holder_near(info, i, qwords))
                and (query.event not in PHASES or _event_near(query, filler or wanted, info, i)))
            x[INDEX["type_miss"]] = float(not fits and not x[INDEX["type_near"]])
            x[INDEX["type_new"]] = float(bool(info.named[i] - qwords) or (
                wanted in (PERSON, TIME) and meta_ok))
        elif why:
            # "Why ...?" asks for a reason: a sentence giving one in its own words ("because",
            # ", so", "which means", a clause after a colon) holds the kind asked; one that only
            # restates what is explained neither holds it nor rules it out
            x[INDEX["type_ok"]] = float(info.flags[REASON][i])
        elif effect:
            # a sentence telling a measured change ("cut the count by 60 percent") holds the
            # kind asked; one that does not neither holds it nor rules it out
            x[INDEX["type_ok"]] = float(RESULT_FORM.search(info.texts[i]) is not None)
        elif ranking:
            # "Which moth was seen more than any other?": a sentence ranking one of its kind
            # ("the most frequent visitor") holds the kind asked; one that does not, neither
            # holds it nor rules it out
            x[INDEX["type_ok"]] = float(info.flags[RANKS][i])
        if query.entity == "journal" and kind == "reference":
            # "Which journal published the study?": a citation names its journal after the
            # title ("... hedgerow corridors. Animal Acoustics and Behaviour 12: 44-59.")
            x[INDEX["focus_align"]] = x[INDEX["name_align"]] = 1.0
        if i in affiliated:
            # "Which company is he with?" / "Toby Quill, Harbourline Maps": an affiliation names
            # a body of the kind as the word for it would
            x[INDEX["focus_align"]] = 1.0
        x[INDEX["answer_near"]] = 1.0 if meta_ok else near[row]
        if wanted == PERSON and query.focus_verb:
            x[INDEX["agent"]] = float(info.agent[i])
            # "Who led the study?" / "a study by Dr. X": who does a piece of work is its agent.
            if info.agent[i] and stem_of(query.focus_verb[0]) in DOING_VERBS:
                x[INDEX["verb_align"]] = 1.0
            # "Who founded the choir?" / "The choir began in 1996, when Ruth ...": a deed told
            # in its own words is the predicate asked
            if deed is not None and _tells_deed(deed, info.texts[i]):
                x[INDEX["verb_align"]] = 1.0
        if wanted == PLACE:
            x[INDEX["affiliation"]] = float(info.affiliation[i])
            # "Where does she work?" / "Dr. X (University of Bari)": a person's institution.
            if info.affiliation[i] and query.focus_verb and stem_of(query.focus_verb[0]) in WORKING_VERBS:
                x[INDEX["verb_align"]] = 1.0
        if topic_rows is not None:
            x[INDEX["topic_found"]] = 1.0 if topic_rows[i] else -1.0
        if anchors:
            # the sentence's words hold its source's author's already
            near_words = info.words[i] | (info.words[prev] if prev >= 0 else frozenset()) \
                | _label_words(src.label, src.date) | topic
            x[INDEX["anchor_missing"]] = len(anchors - near_words) / len(anchors)
        if qualifier_conflict(query, info.texts[i], info.texts[prev] if prev >= 0 else ""):
            # the thing asked, but another year's, another ordinal's, the old one for the new
            x[INDEX["anchor_missing"]] = 1.0
            x[INDEX["quantity_align"]] = x[INDEX["answer_near"]] = 0.0
        if names:
            x[INDEX["names_found"]] = len(names & info.words[i]) / len(names)
            x[INDEX["reply_named"]] = float(query.reply and bool(names & info.reply_to[i]))
    return X


# Deeds a "who ...?" question asks after that a sentence tells only in their own words: who
# paid for something is said with paying or funding ("funded by", "a grant from"), who founded
# it with founding, and so on (everyday English, stemmed). The verbs asked, then the words that
# tell of the deed.
_DEEDS: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(terms(asked)), frozenset(terms(told))) for asked, told in (
        ("fund funded funds paid pay pays finance financed finances sponsor sponsored sponsors "
         "bankroll bankrolled",
         "fund funded funds funding funder funders paid pay pays payment finance financed "
         "financing sponsor sponsored sponsorship sponsors grant grants bankrolled donated "
         "donation donations"),
        ("design designed designs", "design designed designs designer designers architect"),
        ("manufacture manufactures manufactured", "manufacture manufactures manufactured "
         "manufacturer manufacturers maker makers made makes produced producer brand"),
        ("own owns owned", "own owns owned owner owners belong belongs belonged"),
        ("supply supplies supplied", "supply supplies supplied supplier suppliers provide provides "
         "provided sells sold seller courtesy"),
        ("build built builds construct constructed", "build built builds builder builders "
         "construct constructed construction erected contractor"),
        # who founded a body: its founder, or when it began ("The choir began in 1996, when
        # Ruth ... put a notice in the window")
        ("founded founds establish established establishes", "found founded founder founders "
         "founding establish established establishes establishment began begun begin begins "
         "start started starts form formed"),
        ("chair chairs chaired chairing preside presides presided", "chair chairs chaired "
         "chairing chairman chairmen chairwoman chairperson preside presides presided president"),
        ("referee referees refereed refereeing umpire umpires umpired officiate officiates "
         "officiated", "referee referees refereed refereeing umpire umpires umpired official "
         "officials officiate officiates officiated"),
        ("judge judges judged judging adjudicate adjudicates adjudicated", "judge judges judged "
         "judging adjudicate adjudicates adjudicated adjudicator adjudicators"),
        ("compose composes composed composing", "compose composes composed composing composer "
         "composers composition write writes wrote written writing"),
        ("award awards awarded", "award awards awarded awarding present presents presented "
         "give gives gave given honour honoured honor honored"),
        ("vote votes voted", "vote votes voted voting voter voters ballot"),
        ("narrate narrates narrated narrating", "narrate narrates narrated narrating narrator "
         "narrators read reads voice voiced"),
    ))


def deed_asked(query: Query) -> frozenset[str] | None:
    """The words that tell of the deed a "who ...?" question asks after ("Who funded the
    study?": "funded", "funding", "grant", ...), or None when its verb is not such a deed.
    ("Who found the key?" asks who came upon it, not who founded it: its stem is the same.)"""
    if not query.focus_verb or query.focus_verb[0].lower() == "found":
        return None
    verb = stem_of(query.focus_verb[0])
    return next((told for asked, told in _DEEDS if verb in asked), None)


# A deed told in the passive without its doer: "Penrose was later given a silver medal", "the
# Angling Association, founded in 1896": the name next to it is what the deed was done to.
# The doer follows "by" ("was presented by Derek Voss"), if it is told at all.
_BE_WORDS = frozenset("is are was were be been being".split())
_PASSIVE_GAP = frozenset("later first then also originally once since soon subsequently never "
                         "not only eventually finally jointly".split())
_PARTICIPLE_FORM = re.compile(r"[a-z]{2,}(?:ed|en)|built|made|paid|set|sold|won|held|led|run|"
                              r"given|done|begun|found|bought|brought|kept|put|read|written")
_TOKEN = re.compile(r"[\w'\u2019-]+|,")
AGENT_REACH = 6


def _doer_untold(tokens: Sequence[str], at: int) -> bool:
    """``tokens[at]`` is a participle of the passive ("was given", ", founded in") and no "by"
    follows it within ``AGENT_REACH`` words."""
    if not _PARTICIPLE_FORM.fullmatch(tokens[at]):
        return False
    j = at - 1
    while j >= 0 and (tokens[j] in _PASSIVE_GAP or (tokens[j].endswith("ly") and len(tokens[j]) > 4)):
        j -= 1
    if j < 0 or not (tokens[j] in _BE_WORDS or tokens[j] == ","):
        return False
    return "by" not in tokens[at + 1 : at + 1 + AGENT_REACH]


@lru_cache(maxsize=8192)  # read up to three times a candidate, and for each question of the deed
def _tells_deed(deed: frozenset[str], text: str) -> bool:
    """The sentence speaks of the deed with its doer in reach: a word of ``deed``, not only as
    a passive without "by" ("was later given a medal")."""
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    return any(t != "," and not deed.isdisjoint(terms(t)) and not _doer_untold(tokens, at)
               for at, t in enumerate(tokens))


def _event_near(query: Query, filler: str, info: SentenceInfo, i: int) -> bool:
    """The sentence before or after ``i`` in its source holds the ``filler`` asked and does
    not give only the other end of the thing whose start or end is asked: "Fungus foray in
    Hollin Woods ..." / "Meet 10.30am ..." does not say when the foray is finished."""
    prev = info.prev[i]
    after = i + 1 if i + 1 < len(info.prev) and info.prev[i + 1] == i else -1
    return any(j >= 0 and info.flags[filler][j] and tells_event(query.event, info.texts[j], query.words)
               for j in (prev, after))


def _deed_near(deed: frozenset[str], info: SentenceInfo, i: int) -> bool:
    """The sentence before or after ``i`` in its source tells of the deed."""
    prev = info.prev[i]
    after = i + 1 if i + 1 < len(info.prev) and info.prev[i + 1] == i else -1
    return any(j >= 0 and _tells_deed(deed, info.texts[j]) for j in (prev, after))


def _post_asked(question: str) -> set[str]:
    """The terms of the post a "who is the ...?" question asks the holder of ("Who is the
    spokesperson for the partnership?": "spokesperson"; "Who's the club's head coach?": "head",
    "coach")."""
    m = _WHO_HOLDS.match(question)
    if m is None:
        return set()
    rest = re.sub(r"^[\w-]+['\u2019]s\s+", "", question[m.end():])  # "the club's | head coach"
    end = _POST_ENDS.search(rest)
    return set(terms(rest[: end.start() if end else len(rest)]))


def _other_posts(text: str, post: set[str]) -> bool:
    """The sentence gives the people it names other posts than the one asked, beside their
    names, and never names the post asked ("Who is the leader of the council?" / "Dr Ann Roe,
    the tree officer at the council, ..."): whoever it names holds another post."""
    return bool(post) and bool(apposed_posts(text)) and not post & set(terms(text))


def _posts_given(texts: Sequence[str]) -> list[tuple[frozenset[str], frozenset[str]]]:
    """The people the sentences give a post beside their names ("Jo Hale, regional organiser
    for the union"): the words of each name and the terms of its post."""
    return [(_name_words(name), frozenset(terms(post)))
            for text in texts for name, post in apposed_people(text)]


_TITLE_LEAD = re.compile(rf"^{PERSON_TITLES}\.?\s+")


def _name_words(name: str) -> frozenset[str]:
    """The words of a person's name, without a title before it ("Dr Ann Roe": "ann", "roe")."""
    return frozenset(words(_TITLE_LEAD.sub("", name)))


def _posted_otherwise(text: str, post: set[str], posted: Sequence[tuple[frozenset[str], frozenset[str]]],
                      given: frozenset[str] | set[str]) -> bool:
    """The sentence names only people the article gives other posts than the one asked, and
    never names the post asked ("Who is the general secretary of the union?" / "Jo Hale of the
    union told me ...", where the article has "Jo Hale, regional organiser for the union"):
    what it tells of them is not who holds that post."""
    if not post or post & set(terms(text)):
        return False
    people = [set(_name_words(n)) for n in person_names(text)]
    people = [p for p in people if p - given]
    if not people:
        return False
    for name in people:
        posts = [p for n, p in posted if n & name - given]
        if not posts or any(p & post for p in posts):
            return False
    return True


def _holder_near(info: SentenceInfo, i: int, given: frozenset[str] | set[str]) -> bool:
    """The sentence before or after ``i`` in its source names someone who may hold the post
    asked (a person the question does not name, not a count of people nor a body)."""
    prev = info.prev[i]
    after = i + 1 if i + 1 < len(info.prev) and info.prev[i + 1] == i else -1
    return any(j >= 0 and names_new_person(info.texts[j], given, counted=False, bodies=False)
               for j in (prev, after))


# A question about keeping something back: "What won't she share?", "Which detail was not
# disclosed?", "Why is the recipe secret?".
_ASKS_KEPT_BACK = re.compile(r"\b(?:not|never|no|refus\w*|declin\w*|secret\w*|withh[eo]\w*|"
                             r"undisclosed|unnamed|why)\b|n['\u2019]t\b", re.I)
_WHAT = re.compile(r"\b(?:what|which)\b", re.I)


def asks_told(query: Query) -> bool:
    """Whether the question asks what something is ("What is in her recipe?", "Which supplier
    ...?"), which a sentence saying it is not told cannot answer; not whether or why it is kept
    back."""
    return (not query.yes_no and not query.explains and _WHAT.search(query.question) is not None
            and _ASKS_KEPT_BACK.search(query.question) is None)


# "Who ...?" asking who did something or holds a role (not "whose").
_ASKS_WHO = re.compile(r"^\W*(?:and\s+|so\s+)?who\b(?!se)", re.I)


def asks_who(query: Query) -> bool:
    """Whether the question asks who did something or holds a role ("Who is composing the
    piece?")."""
    return query.answer_type == PERSON and _ASKS_WHO.match(query.question) is not None


def who_withheld(query: Query, text: str) -> bool:
    """The sentence says that who did what a "who" question asks is kept back ("Who is
    composing the new piece?" / "he would not tell me who is writing it"): the words that tell
    of the deed asked (``deed_asked``) count as the question's."""
    return withholds_who(text, frozenset(query.terms) | (deed_asked(query) or frozenset()))


# A question about how something was before: "What was the fee before the increase?", "What
# did the older model cost?", "the original name", "what it used to be called" ("How old ...?"
# asks an age; "What is it used to treat?", a use).
_ASKS_BEFORE = re.compile(r"\b(?:before|previous(?:ly)?|former(?:ly)?|original(?:ly)?|older|"
                          r"earlier|prior\s+to|(?<!how\s)old|(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)"
                          r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bget\s)(?<!\bgot\s)"
                          r"used\s+to)\b", re.I)
_NEW = re.compile(r"\b(?:new|newer|now|current(?:ly)?|revised|updated)\b", re.I)


def asks_before(query: Query) -> bool:
    """Whether a "what" question asks how something was before a change, not as it is now."""
    return (asks_told(query) and _ASKS_BEFORE.search(query.question) is not None
            and _NEW.search(query.question) is None)


def _title_words(info: SentenceInfo) -> frozenset[str]:
    return frozenset().union(*(info.words[j] for j in np.flatnonzero(info.kinds == "title")))


# The reader's own count in a label ("Post, paragraph 12", "Reader comment 3 (unsigned)"):
# where the source stands on the page, no number the page prints.
_LABEL_COUNT = re.compile(r"\b(?:paragraph|caption|reference|comment)\s+\d+\b", re.I)


@lru_cache(maxsize=4096)
def _label_words(label: str, date: str | None) -> frozenset[str]:
    """The words of a source's label and date, read once per source, not per question;
    without the reader's count of it ("paragraph 12" does not hold the 12 of "12 October")."""
    return frozenset(words(f"{_LABEL_COUNT.sub(' ', label)} {date or ''}"))


def anchors_of(query: Query) -> frozenset[str]:
    """What pins the question to one thing: its proper names and its numbers ("How much rain
    fell in Castlegate?", "How many came in 2019?"). A sentence about another place or year
    answers another question."""
    return frozenset(query.names) | frozenset(
        w for w in (x.lower() for x in query.words) if any(c.isdigit() for c in w))


# A price that is nothing: "There is no charge for the meter", "free of charge".
_FREE = re.compile(r"\bfree of charge\b|\bfor free\b|\b(?:is|are|was|were|be|it's|it\u2019s)\s+"
                   r"(?:completely\s+|entirely\s+)?free\b|\bno (?:extra |additional )?"
                   r"(?:charge|cost|fee)s?\b|\bat no (?:extra |additional )?cost\b|"
                   r"\bcosts? (?:you )?nothing\b|\bfree to (?:use|join|attend|enter)\b", re.I)


SETTLED_VERBS = WORKING_VERBS | frozenset(terms(
    "live lives lived living reside resides born raised grow grew grown located headquartered "
    "settle settled move moved come came"))


# A question asking where in time something happens: "When ...?", "On what date ...?",
# "Which day ...?"; not how long, how soon or over what period ("What period does it cover?").
_WHEN_ASKED = re.compile(r"\bwhen\b|\b(?:what|which)\s+(?:date|day|month|week|season)s?\b", re.I)
_STRETCH_ASKED = re.compile(r"\bhow\s+(?:long|soon|often)\b|\bsince\s+when\b|\buntil\s+when\b|"
                            r"\b(?:period|span|stretch|duration|how many)\b"
                            # advice on when to act, which a wait answers: "When can I feed it
                            # again?" / "Skip fertiliser for a month"
                            r"|\b(?:can|could|should|shall|may|might|must|ought)\b"
                            r"|\b(?:do|does)\s+(?:i|we|you|one)\b", re.I)


# Words by which a question about a start or an end is about the page itself: "When did this
# thread start?", "When did the live coverage begin?", "When was it started?".
_OF_PAGE = re.compile(r"\b(?:post|posts|article|piece|column|blog|story|entry|page|thread|topic|"
                      r"discussion|issue|pull request|PR|ticket|coverage|updates?|live|feed|"
                      r"newsletter|e-?mail|message|letter|diary|episode|transcript|review|listing|"
                      r"site|website|this|it)\b", re.I)


# The words of a "when" question that name its deed: its -ed and -ing words ("When were the
# results published?", "When did they start discussing a ban?"), not the start or the end
# itself nor a noun that ends so ("morning", "building").
_DEED_FORM = re.compile(r"\b[a-z]{3,}(?:ed|ing)\b", re.I)


def timed_deed(query: Query) -> tuple[str, ...]:
    """The stems of the deed a "when" question asks the time of, by its -ed or -ing words
    ("published": "publish"; a bare verb is too often paraphrased: "get them back" / "kept
    until 3pm"); none for a life's event (``EVENTS``: "founded", "born"), whose
    words ``tells_event`` knows, nor for a bare start or end ("When does it open?")."""
    if query.event is not None and query.event not in PHASES:
        return ()
    formed = [w for w in _DEED_FORM.findall(query.question)
              if w.lower() not in _NOT_DEED and not _PHASE_WORD.fullmatch(w)]
    return tuple(dict.fromkeys(stem_of(w) for w in formed))


_NOT_DEED = frozenset("""morning mornings evening evenings spring during nothing something
    anything everything meeting building wedding ceiling thing things following including
    according hundred indeed need""".split())
_PHASE_WORD = re.compile(r"(?:start|starts|started|starting|begin|begins|began|beginning|open|"
                         r"opens|opened|opening|end|ends|ended|ending|finish|finished|finishing|"
                         r"close|closed|closing|stop|stopped|stopping)", re.I)


def asks_when(question: str) -> bool:
    """Whether the question asks where in time something happens or happened, not how long
    it lasts nor when one should act (a wait answers that: "Skip feeding for a month")."""
    return bool(_WHEN_ASKED.search(question)) and not _STRETCH_ASKED.search(question)


def filler_of(query: Query) -> str | None:
    """What the sentence must hold: a year, a stretch of time ("How long ...?"), a clock time,
    or the kind asked."""
    return ("year" if query.year else "span" if query.span else "duration" if query.duration
            else "clock" if query.clock else query.contact or query.answer_type)


# How far (in words) from a filler of the kind asked a question's term still speaks of it:
# "flooded 23 homes" (1), "412 scats ... from gardens, allotments ... and cemeteries" (12).
NEAR_WORDS = 5


def _answer_near(query: Query, filler: str | None, info: SentenceInfo,
                 candidates: np.ndarray, deed: frozenset[str] = frozenset(),
                 kinds: frozenset[str] = frozenset()) -> np.ndarray:
    """Per candidate, for a question asking a kind of answer (a number, a date, a person, a
    place...): the share of the question's own terms found in the sentence that stand within
    ``NEAR_WORDS`` words of a filler of that kind (0 when it has none or no term); 1 for
    other questions. An answer sits next to what the question says about it; a number or a
    name far from the question's words is about something else. The words that tell of a
    deed asked after (``deed_asked``) count as the question's: "Who paid for it?" / "funded by
    the Westmere Trust"; and so do ``kinds``, the words for a thing of the kind asked, where
    the sentence says one of them ("Which company ...?" / "contractor Hallam & Pryce")."""
    out = np.ones(len(candidates))
    if filler is None or filler in (TITLE, ROLE, CONTACT, *CONTACT_FORMS) or not info.slots:
        return out
    own = set(query.terms) | deed
    given = {stem_of(w) for w in query.words}
    for row, i in enumerate(candidates):
        slots = info.slots[i]
        stems = slots.stems
        said = kinds & info.words[i]
        own_here = own | {stem_of(w) for w in said} if said else own
        if filler in (PERSON, PLACE):
            at = [k for k in slots.capitals if stems[k] not in given]
        else:
            at = list(slots.fillers.get(filler, ()))
        if not at:
            out[row] = 0.0
            continue
        taken = set(at)
        at.sort()
        dist: dict[str, int] = {}
        for k, s in enumerate(stems):
            if s in own_here and k not in taken:
                # the distance to the closest filler: the one just before k or just after it
                j = bisect_left(at, k)
                d = min(k - at[j - 1] if j else len(stems), at[j] - k if j < len(at) else len(stems))
                dist[s] = min(dist.get(s, d), d)
        out[row] = sum(d <= NEAR_WORDS for d in dist.values()) / len(dist) if dist else 0.0
    return out


def asks_position(query: Query) -> bool:
    """Whether a "where" question can be answered by a place without a name: "Where is the
    tap?" by "by the gate"; but where someone lives, works or was born, or where a body is
    based, by a named place."""
    if not query.where or not query.focus_verb:
        return query.where
    verb = query.focus_verb[0]
    # "charge the battery at work": "work" there is a place, not the verb asked
    noun = re.search(rf"\b(?:at|to|from|after|before|for)\s+{re.escape(verb)}\b", query.question,
                     re.I)
    return bool(noun) or stem_of(verb) not in SETTLED_VERBS


def names_a_place(named: frozenset[str], given: set[str]) -> bool:
    """Whether a sentence naming ``named`` (its capitalised words past the first, and its
    numbers) can say where: a name the question does not already give, and not a month or a
    weekday."""
    return any(not w[0].isdigit() and w not in given and w not in CALENDAR_NAMES for w in named)


def _topic_rows(query: Query, grounding: Grounding, article: ArticleTerms, info: SentenceInfo
                ) -> np.ndarray | None:
    """For a yes/no question with a plain subject, which sentences speak of it: those whose
    passage (a paragraph, a comment) names it (its stem, its spelling in the article, or a close
    synonym) in its text or as its author ("Does Bernard think ...?": his comment); None for
    other questions and for a subject that is the page's own people ("Did the author ...?",
    who speaks as "I")."""
    if not query.yes_no_topic:
        return None
    t = stem_of(query.yes_no_topic)
    if t in PAGE_WORDS:
        return None
    t = grounding.spelled.get(t, t)
    has = np.zeros(article.n, dtype=bool)
    has[article.rows(t)] = True
    has |= np.array([t in a for a in info.author_terms], dtype=bool)
    for s, sim in grounding.synonyms.get(t, ()):
        if sim >= KNOWN_SIMILARITY:
            has[article.rows(s)] = True
    if query.yes_no_head:
        # "Does the smart meter ...?" where the article says "smart meter(s)": a passage that
        # names the meter speaks of it ("The meter has a small built-in radio ...")
        h = stem_of(query.yes_no_head)
        h = grounding.spelled.get(h, h)
        both = np.intersect1d(article.rows(t), article.rows(h))
        if query.head_noun or any(_adjacent(terms(info.texts[i]), t, h) for i in both):
            # ... and "Is the old bridge still in use?": a passage naming the bridge
            has[article.rows(h)] = True
    # a passage names its subject once, then says "it" and "she"; and a section of the post
    # names it once, in its first paragraphs, and speaks of it in the ones under the same
    # heading ("How it started": "The choir began in 1996 ..." / "Eleven people came ...")
    sections = article.section_of[has]
    return np.isin(article.source_of, article.source_of[has]) \
        | np.isin(article.section_of, sections[sections >= 0])


def _adjacent(ts: Sequence[str], first: str, second: str) -> bool:
    return any(a == first and b == second for a, b in zip(ts, ts[1:], strict=False))


def kind_rows(query: Query, info: SentenceInfo, article: ArticleTerms) -> dict[str, np.ndarray]:
    """Per focus word of the question (stemmed) that names a kind of thing, the sentences that
    hold one of that kind without the word: a word for one (``KINDS_OF``: "contractor" for
    "company", "chemistry" for "subject"), or, for people counted, a count of any people
    ("How many volunteers ...?": "recruited 112 healthy adults")."""
    out: dict[str, np.ndarray] = {}
    for f in query.focus:
        # the word itself, not its stem: a "publisher" is a company, "published" is no word for one
        kinds = _kind_forms(f)
        has = np.array([bool(kinds & ws) for ws in info.words], dtype=bool) if kinds \
            else np.zeros(article.n, dtype=bool)
        if f in query.counted and PERSON_NOUN.fullmatch(f):
            has |= info.counts_people
        if has.any():
            out[stem_of(f)] = has
    return out


@lru_cache(maxsize=256)
def _kind_forms(noun: str) -> frozenset[str]:
    """The words for a thing of the kind ``noun`` names (``KINDS_OF``), and their plurals."""
    kinds = KINDS_OF.get(noun, ())
    return frozenset(kinds) | frozenset(k + ("es" if k.endswith(("s", "sh", "ch")) else "s")
                                        for k in kinds)


def _focus_align(focus: Sequence[str], sims: np.ndarray | None, info: SentenceInfo,
                 article: ArticleTerms, candidates: np.ndarray,
                 rows: Sequence[np.ndarray | None] = ()) -> np.ndarray:
    """Per candidate: for the weakest of the question's focus words, the best cosine with one
    of the sentence's words (1 when the sentence has the word itself, or is one of
    ``rows[f]``, the sentences that hold a thing of its kind: ``kind_rows``); 1 with no
    focus."""
    out = np.ones(len(candidates))
    if not focus:
        return out
    for f_at, f in enumerate(focus):
        has = np.zeros(article.n, dtype=bool)
        has[article.rows(f)] = True
        if f_at < len(rows) and rows[f_at] is not None:
            has |= rows[f_at]
        best = np.zeros(len(candidates))
        if sims is not None and sims.shape[1]:
            ids = info.vocab_ids[candidates]
            vals = np.where(ids >= 0, sims[f_at][np.maximum(ids, 0)], 0.0)
            best = vals.max(axis=1)
        best = np.where(has[candidates], 1.0, best)
        out = np.minimum(out, best)
    return out


# A question asking for a part or a change, which a share answers whatever it is of: "How
# much of the stonework ...?", "By how much did hunting fall?", "How much less do they eat?"
PART_ASKED = re.compile(r"\bby how much\b|\bhow much (?:of|less|more|lower|higher|fewer)\b",
                        re.I)


# "How old is the cottage?", "how old was this bridge": the age asked of a thing, by its
# words after "the" or "this" up to a break.
_AGE_OF = re.compile(r"\bhow old (?:is|was|are|were) (?:the|this|that|these|those|its|our|your)"
                     r"\s+((?:[\w'-]+\s+){0,2}[\w'-]+)", re.I)
_PERSONAL = frozenset("he she him his her hers they them their i me my we us our you your".split())


def asks_age_of_thing(question: str) -> bool:
    """The question asks how old a thing is ("How old is the cottage?"), which the year it
    dates from tells ("put up around 1880"); not a person's age ("How old is her daughter?",
    "How old was the teacher when she retired?"), which a year of their life does not."""
    m = _AGE_OF.search(question)
    if m is None:
        return False
    return not any(w in _PERSONAL for w in words(question[m.start(1):])) \
        and not any(PERSON_NOUN.fullmatch(w) for w in words(m[1]))


# A count asked as a total: "How many moths did they record altogether?", "in all", "in
# total", "overall", "combined".
_TOTAL_ASKED = re.compile(r"\b(?:altogether|in all|all told|overall|combined|total)\b", re.I)


# quantity_align of a sentence stating the measure asked and naming the thing measured, though
# not next to its number ("The ticket, bought at the door, cost $5")
THING_MEASURED = 0.75


# Words about a measure that name no thing it is of: "Now £34.99 Was £42.00 Save 17%".
_MEASURE_TALK = frozenset(terms("""now was were is are be save saving saved price prices priced
    cost costs costing only just from per each inc incl includes including vat rrp offer sale
    reduced deal about around approximately roughly nearly almost over under up to"""))


# A sentence opening on a pronoun for what the one before it names.
_PRONOUN_OPENS = re.compile(r"\W*(?:they|it|these|those|each|both)\b", re.I)


# Words for a change in an amount, or a part of it: a number about one measures the change.
_CHANGE_AMOUNT = frozenset(terms("""gap shortfall deficit cut cuts increase increases rise rises
    drop drops fall falls reduction reductions saving savings overrun overspend difference hike
    hikes discount"""))


# A clause of time or cause after the main one: "..., after the water bill was paid".
_ASIDE = re.compile(r"(?:,\s*|\s)(?:after|before|once|until|since|because|although|though|while|"
                    r"whereas)\s", re.I)
_FIGURE = re.compile(r"\d")


def _named_in_aside(text: str, counted: Sequence[str]) -> bool:
    """The thing measured is named only in a clause of time or cause after every number of the
    sentence: "The reserve stood at £6,350, after this year's water bill was paid" gives the
    reserve's amount, not the bill's."""
    numbers = [m.start() for m in _FIGURE.finditer(text)]
    aside = next((m for m in _ASIDE.finditer(text) if numbers and m.start() > numbers[-1]), None)
    if aside is None:
        return False
    return not any(stem_of(w) in counted for w in words(text[: aside.start()]))


# An amount a thing changed by: "went up by £212", "fell by $40", "was cut by €1.5 million".
_CHANGED_BY = re.compile(r"\b(?:up|down|rose|risen|rises|fell|fallen|falls|increased|decreased|"
                         r"grew|dropped|jumped|climbed|cut|reduced|raised)\s+by\s+(?:about\s+|"
                         r"around\s+|nearly\s+|almost\s+|some\s+)?[$\u00a3\u20ac\u00a5]?\d",
                         re.I)
# A change asked: "By how much did it rise?", "How much did the fee go up?", "the increase".
_CHANGE_ASKED = re.compile(r"\bby how much\b|\b(?:go|went|gone|goes|come|came)\s+(?:up|down)\b"
                           r"|\b(?:rise|rises|rose|risen|fall|fell|fallen|increase|increased|"
                           r"decrease|decreased|cut|drop|dropped|change|changed|more|less|extra|"
                           r"difference|saving|save|saved)\b", re.I)


def _names_measured(quantity_terms: frozenset[str]) -> bool:
    """Whether the words about a sentence's numbers name a thing they are of."""
    return any(t not in _MEASURE_TALK and t not in STOPWORDS and not any(c.isdigit() for c in t)
               for t in quantity_terms)


def asked_holders(query: Query, article: ArticleTerms) -> tuple[tuple[str, ...], ...]:
    """What pins a quantity question to one holder among others: each run of the question's
    names ("the Sula Bheag", "on Saturday", "Fenmore County Council"), as stems, that the
    article names too (a name it never writes is left to the model)."""
    names = {n.lower() for n in query.names}
    runs: list[tuple[str, ...]] = []
    run: list[str] = []
    for w in [*words(query.question), ""]:
        if w and w in names:
            run.append(stem(w))
            continue
        if run and any(len(article.rows(s)) or len(article.meta_rows(s)) for s in run):
            runs.append(tuple(run))
        run = []
    return tuple(runs)


def of_other_holder(holders: Sequence[tuple[str, ...]], info: SentenceInfo, article: ArticleTerms,
                    row: int) -> bool:
    """The sentence's numbers are of another holder than the one the quantity question names
    (``asked_holders``): its passage (the paragraph or comment it is in, the heading over it,
    the page's title, its author) names no word of one of the question's names, which the
    article names elsewhere ("How many passengers could the Sula Bheag carry?" / "He said the
    remaining vessel, the MV Eilean Dorcha, could carry 240 passengers"; "How many sailings are
    running on Saturday?" / "all six crossings scheduled for today are cancelled")."""
    if not holders:
        return False
    passage = set(article.meta_terms[row]) | {stem(w) for w in info.words[row]}
    for j in np.flatnonzero(article.source_of == article.source_of[row]):
        passage |= article.sentence_terms[int(j)]
    return any(not any(s in passage for s in run) for run in holders)


def _quantity_align(query: Query, sims: np.ndarray | None, info: SentenceInfo,
                    candidates: np.ndarray, grounding: Grounding,
                    meta: Sequence[frozenset[str]] = (), article: ArticleTerms | None = None
                    ) -> np.ndarray:
    """Per candidate, for a question asking for a quantity: 1 when a number of the sentence
    states the measure asked ("$5" for a price, "71 years old" for an age), is followed by
    what is counted ("40,000 visitors"), or is a share of it ("40 percent of visitors"); else
    the best cosine of a counted word with the words about its numbers (0 with no number);
    1 for other questions and when the question does not say what it counts. ``meta``: per
    sentence, the terms of the page's title and of the heading its paragraph sits under
    (``ArticleTerms.meta_terms``): they name what a measure that names nothing is of ("Now
    £34.99" on a kettle's page). 0 for a sentence whose numbers are of another holder than the
    one the question names (``of_other_holder``: "the MV Eilean Dorcha could carry 240
    passengers" for the Sula Bheag)."""
    out = np.ones(len(candidates))
    if query.answer_type != NUMBER or not (query.measure or query.counted):
        return out
    holders = asked_holders(query, article) if article is not None else ()
    counted = [grounding.spelled.get(stem_of(w), stem_of(w)) for w in query.counted]
    # people counted by the head noun ("How many volunteers ...?", not "How many crew jobs ...?")
    people = bool(query.counted) and bool(PERSON_NOUN.fullmatch(query.counted[-1]))
    thing_age = query.measure == "age" and asks_age_of_thing(query.question)
    given = {w for w in query.words if any(c.isdigit() for c in w)}
    total = query.measure is None and bool(_TOTAL_ASKED.search(query.question))
    for row, i in enumerate(candidates):
        if holders and article is not None and of_other_holder(holders, info, article, int(i)):
            out[row] = 0.0
            continue
        if given:
            # (a number in words is one more: "Year 3 and 4" / "... four nights a week")
            numbers = {w for w in words(info.texts[i]) if any(c.isdigit() for c in w) or w in COUNT_WORDS}
            if numbers <= given:  # "cost around 1900?" / "by around 1900": no number but the one given
                out[row] = 0.0
                continue
        stated = info.measures[i]
        if total and "share" in stated and counts_only_shares(info.texts[i]):
            # "How many moths did they film altogether?" / "one in eight of all the moths
            # filmed": a part, not the total asked
            out[row] = 0.0
            continue
        if query.measure is None and counted and bounds_each_only(info.texts[i], frozenset(counted)):
            # "How many employees took part?" / "41 companies, none with more than 50
            # employees": a bound each keeps to, no number of the employees
            out[row] = 0.0
            continue
        if query.measure == "interval" and "length" in stated:
            stated = stated | {"interval"}  # "How far apart ...?" / "12 miles from each other"
        about = any(c in info.quantity_terms[i] for c in counted)
        # a share answers a count or an amount: "40 percent of visitors", "two-thirds of a wage";
        # "how much of it" or "by how much" any share, but "how many insects" or "how much
        # torque" only a share of what it counts (not "feeding fell by 29 percent")
        if query.measure in stated or ("share" in stated and (
                query.measure == "money"
                or (query.measure is None and (about or PART_ASKED.search(query.question))))):
            if query.measure and counted and not about:
                # "$5", but for what? the thing measured is elsewhere in the sentence, or not in it
                # (or named over it: by the page's title or the paragraph's heading, for a
                # measure the sentence says of nothing of its own: "Now £34.99")
                stems = {stem_of(w) for w in info.words[i]}
                if info.prev[i] >= 0 and _PRONOUN_OPENS.match(info.texts[i]):
                    # "I bought the butts second-hand. / They cost £12 each": what it says
                    # "they" of is named just before
                    stems |= {stem_of(w) for w in info.words[info.prev[i]]}
                in_sentence = any(c in stems for c in counted) and not _named_in_aside(
                    info.texts[i], counted)
                named_over = i < len(meta) and all(c in meta[i] for c in counted)
                # ("a £2.3 million gap in its subsidy" is an amount of the gap, not of the subsidy)
                # (nor "the premium went up by £212": the amount it changed by, unless a change
                # is asked)
                changed = (info.quantity_terms[i] & _CHANGE_AMOUNT - set(query.terms)
                           or (_CHANGED_BY.search(info.texts[i]) is not None
                               and not _CHANGE_ASKED.search(query.question)))
                out[row] = (1.0 if named_over and not _names_measured(info.quantity_terms[i])
                            else THING_MEASURED if in_sentence and not changed else 0.5)
            continue
        if query.measure == "age" and thing_age and info.flags["year"][i]:
            # "How old is the cottage?" / "put up around 1880": the year it dates from tells its
            # age (as ``states_measure`` reads it), though not in years
            out[row] = 0.5
            continue
        if query.measure:  # a price, an age...: a number of the thing ("five frames") is not one
            out[row] = 0.0
            continue
        if about or _verb_counts(query, info.texts[i], counted):
            continue
        if people and info.counts_people[i]:
            continue  # "How many people work there?" / "eleven staff"
        best = 0.0
        if counted and sims is not None and sims.shape[1]:
            ids = info.quantity_ids[i]
            ids = ids[ids >= 0]
            if len(ids):
                best = max(0.0, float(sims[:, ids].max()))
        out[row] = best
    return out


_YEARLIKE = re.compile(r"1\d{3}|20\d{2}")
# A list headed by its count: "Ringed (41): Chiffchaff 17, Willow Warbler 12, ...", "Seen (3):
# ..." (the count is of the items that follow, not of the first of them).
_COUNTED_LIST = re.compile(r"^\W*[A-Za-z][\w'-]*\s*\(\d+\)\s*:")


def _verb_counts(query: Query, text: str, counted: Sequence[str]) -> bool:
    """Whether the sentence opens on the question's own verb and a count of nothing named, as
    a recipe's or a listing's line does ("How many people does the recipe serve?" / "Serves
    four generously"; "How many guests does it sleep?" / "Sleeps 6."): the count is of what the
    question counts; not a count of its own thing ("Holds 30 rakes"), nor a year."""
    asked = {t for t in query.terms if t not in counted}
    ws = words(text)
    if not asked or len(ws) < 2:
        return False
    n, after = ws[1], ws[2] if len(ws) > 2 else None
    return stem(ws[0]) in asked and (n.isdigit() and not _YEARLIKE.fullmatch(n) or n in COUNT_WORDS) \
        and (after is None or after in STOPWORDS or after.endswith("ly") or bool(_COUNTED_LIST.match(text)))


_CAPITALISED = r"(?-i:[A-Z][\w'\-\u00c0-\u017f]+)"
# "a tree called Gustav", "named the Margaret Ashby", "known as Old Tom"; or a name in quotes:
# 'a new exhibition, "Warp and Weft"', "Maid of Kent," (short, no clause of speech inside:
# '"People think it is easy, but it isn't," she says' quotes words, it names nothing)
# A name is given, too, after "born" or "née" (a birth name: "Born Eleanor Mary Pritchard in
# 1938", "Ann Roe (née Hale)"), and set beside a common noun for what bears it, between commas
# ("the remaining vessel, the MV Eilean Dorcha, can carry ...", "her dog, Gustav.").
_CALLED = re.compile(r"\b(?:called|named|nicknamed|dubbed|known as|titled|born|n[e\u00e9]e)\s+(?:the\s+)?"
                     rf"[\"\u201c']?{_CAPITALISED}(?:\s+{_CAPITALISED})*"
                     rf"|[\"\u201c]{_CAPITALISED}[^\"\u201d,.!?;]{{0,60}}[,.!?]?[\"\u201d]"
                     r"|\b(?:the|a|an|my|our|your|his|her|their|its)\s+(?-i:[a-z][\w'-]*\s+){0,2}"
                     rf"(?-i:[a-z][\w'-]*),\s+(?:the\s+)?{_CAPITALISED}(?:\s+{_CAPITALISED})*"
                     r"(?=\s*(?:[,;.)\u2013\u2014]|\s-\s|$))", re.I)


# Nouns for a thing of the asked kind: "contractor Hallam & Pryce" names the company asked for
# in "Which company did the repair work?" (everyday English, not one article's words).
_COMPANY = ("firm", "business", "contractor", "supplier", "manufacturer", "maker", "retailer",
            "operator", "partner", "brand", "agency", "consultancy", "corporation", "company",
            "subcontractor", "developer", "publisher", "builder", "builders")
_BODY = ("charity", "trust", "group", "society", "association", "foundation", "institute",
         "agency", "body", "council", "club", "network", "organisation", "organization", "union",
         "nonprofit", "campaign")
_VESSELS = ("schooner", "steamer", "steamship", "vessel", "boat", "trawler", "ferry", "liner",
            "brig", "barque", "tanker", "freighter", "yacht", "frigate", "cutter", "lifeboat")
# What is taught and studied: "What subject does she teach?" / "I have taught chemistry".
_SUBJECTS = ("chemistry", "physics", "biology", "science", "sciences", "maths", "mathematics",
             "math", "english", "history", "geography", "french", "german", "spanish", "latin",
             "music", "art", "drama", "economics", "psychology", "sociology", "philosophy",
             "literature", "computing", "engineering", "medicine", "law", "politics", "languages",
             "linguistics", "geology", "astronomy", "statistics", "nursing", "architecture")
KINDS_OF: dict[str, tuple[str, ...]] = {
    "subject": _SUBJECTS, "discipline": _SUBJECTS,
    "company": _COMPANY, "firm": _COMPANY, "business": _COMPANY,
    "organisation": _BODY, "organization": _BODY, "charity": ("trust", "foundation", "appeal"),
    "school": ("academy", "college", "primary"), "university": ("college", "institute"),
    "shop": ("store", "bakery", "cafe", "café", "business", "retailer"),
    "newspaper": ("paper", "magazine", "outlet", "website", "site"),
    # a journal is named by what it prints: "Soil Research", "Annals of ...", "Ecology Letters"
    "journal": ("research", "letters", "reports", "review", "reviews", "annals", "proceedings",
                "bulletin", "transactions"),
    "ship": _VESSELS,
}
# A kind whose members English writes in lower case ("the robin", "a blue tit"): the sentence
# need not name one with a capital. (A breed or a variety is mostly a name: "Buckfast",
# "Bramley".)
_COMMON_KINDS = frozenset({"species"})
# Kinds of maker or seller, whose name is no place's.
_MAKERS = frozenset({"company", "brand", "make", "manufacturer", "maker", "supplier", "firm",
                     "publisher", "label", "producer"})
# Kinds of place a sentence names after a preposition of place without the word for the kind:
# "Which countries were the streams in?" / "in Switzerland, Austria and northern Italy",
# "Between which two stations ...?" / "between Ashby Cross and Brookhollow Junction".
_PLACE_KINDS = frozenset({"country", "city", "town", "village", "region", "district", "county",
                          "province", "state", "island", "station", "neighbourhood",
                          "neighborhood", "place"})
# A name that is a body's, not a place's: "at the University of ...", "from the Carrow Institute".
_BODY_NAME = re.compile(r"\b(?-i:University|Institute|Institution|Centre|Center|Hospital|College|"
                        r"School|Academy|Museum|Library|Journal|Society|Council|Company|Trust|"
                        r"Foundation|Association|Department|Agency|Laboratory|Clinic|Bank|Ltd|"
                        r"Inc|Church|Club|Group|Press|Review)\b")
# The words a company's name ends with that say it is one: "Corran & Webb Ltd".
_COMPANY_NAME_WORDS = frozenset({"company", "ltd", "inc", "group", "bank", "press"})
# A question asking which body a person belongs to, not what a body did: "Which company is he
# with?", "Which university does Dr. Vos work at?" (not "Which company runs the train?").
_ASKS_AFFILIATION = re.compile(
    r"^\W*(?:which|what)\s+[\w-]+\s+(?:is|was|are|were|does|did|do)\s+"
    rf"(?:he|she|they|(?:(?-i:{PERSON_TITLES})\.?\s+)?{_CAPITALISED}(?:\s+{_CAPITALISED})?)\s+"
    r"(?:(?:work|study|teach|research|play|belong)\s+)?(?:with|at|from|for|in|to)\s*\?\s*$", re.I)
# Kinds of body a person works for or studies at, which the article may name without the word
# for the kind, as a person's affiliation (``_PERSON_AT_BODY``).
_BODY_KINDS = frozenset({"company", "firm", "business", "employer", "university", "college",
                         "institute", "institution", "organisation", "organization", "lab",
                         "laboratory", "school", "hospital", "charity", "agency", "consultancy"})
# A person's full name with the body they belong to: after a comma, where the line ends (a
# sign-off: "Toby Quill, Harbourline Maps"), or in brackets ("Dr. Ana Vos (KU Leuven, Belgium)").
_BODY_WORDS = rf"(?:{_CAPITALISED}|&)(?:\s+(?:{_CAPITALISED}|&|of|the|for|de))*"
_PERSON_AT_BODY = re.compile(
    rf"^\W*(?:(?-i:{PERSON_TITLES})\.?\s+)?{_CAPITALISED}\s+{_CAPITALISED},\s+({_BODY_WORDS})\W*$"
    rf"|(?:^|(?<=\s))(?:(?-i:{PERSON_TITLES})\.?\s+)?{_CAPITALISED}\s+{_CAPITALISED}"
    rf"\s+\(({_BODY_WORDS})[,)]")
_AREA = r"(?:(?:northern|southern|eastern|western|central|north|south|east|west)\s+)?"
_PLACE_NAME = rf"{_AREA}{_CAPITALISED}(?:\s+{_CAPITALISED})*"


def _places_after(prepositions: str) -> re.Pattern[str]:
    """Places named after one of ``prepositions`` ("in Malvern"), with the places listed
    with it ("between Ashby Cross and Brookhollow Junction"): the names are group 1."""
    return re.compile(rf"\b(?:{prepositions})\s+(?:the\s+)?"
                      rf"({_PLACE_NAME}(?:(?:,\s+|,?\s+(?:and|or)\s+){_PLACE_NAME})*)", re.I)


_AT_PLACE = _places_after("in|at|from|between|near|to|outside|around|via")
# ... or last in an address or an affiliation in brackets, after a comma: "(University of
# Bari, Italy)", "(Leeds, UK)", "[Portland, Oregon]".
_PLACE_CLOSING = re.compile(rf",\s+({_PLACE_NAME})\s*[)\]]")
# ... where a thing is, or goes: not "from", which may name its maker ("bought from Corran")
_IN_PLACE = _places_after("in|at|near|to|outside|around|via")


def _places_named(text: str) -> frozenset[str]:
    """The capitalised words of places the sentence names after a preposition of place ("in
    Malvern"), lower-cased: no person's name."""
    return frozenset(w.lower() for m in _AT_PLACE.finditer(text) for w in re.findall(_CAPITALISED, m[1]))


def _bearer_rows(query: Query, grounding: Grounding, article: ArticleTerms,
                 of_kind: dict[str, np.ndarray]) -> np.ndarray | None:
    """For a question asking what something is called ("What were her parents' names?",
    "What is the name of her dog?"), the sentences whose passage speaks of what bears the name:
    names it (its stem, its spelling in the article, or a word for one of its kind; not a word
    only near in meaning: "family" for "parents"); None for other questions and when the
    question names no bearer."""
    if not query.naming or query.entity or not query.focus:
        return None
    # "What was her maiden name?", "her stage name": a word for the name, not what bears it
    bearers = [f for f in query.focus
               if not re.search(rf"\b{re.escape(f)}\s+names?\b", query.question, re.I)]
    if not bearers:
        return None
    has = np.zeros(article.n, dtype=bool)
    for f in bearers:
        t = stem_of(f)
        t = grounding.spelled.get(t, t)
        has[article.rows(t)] = True
        if t in of_kind:
            has |= of_kind[t]
    return np.isin(article.source_of, article.source_of[has])


def _name_align(query: Query, info: SentenceInfo, candidates: np.ndarray,
                qwords: set[str], bearer: np.ndarray | None = None,
                affiliated: set[int] | None = None) -> np.ndarray:
    """Per candidate, for a question asking for a named thing of a kind ("Which bakery ...?"):
    1 when the sentence names one of that kind that the question does not ("Kettle Lane
    Bakery", "the newspaper De Standaard", "Lipton, a tea brand", "University of Bari"), else
    0; 1 for other questions. For one asking what something is called, a name counts only in a
    passage that speaks of what bears it (``bearer``: "What were her parents' names?" is not
    answered by a colleague's name). ``affiliated``: the rows that name a body of the kind
    asked as a person's affiliation (``_body_by_affiliation``), when already found."""
    out = np.ones(len(candidates))
    if query.entity in _COMMON_KINDS:
        return out  # "Which species ...?" / "the robin will ..."
    if not query.entity and query.answer_type is None:
        # "Which CDNs strip weak ETags?" / "some CDNs strip weak tags": the kind asked, said
        # only as a word, picks out none of them
        head = which_head(query.question)
        if head:
            asked = {stem(w) for w in words(query.question)}
            for row, i in enumerate(candidates):
                out[row] = float(not mentions_only(info.texts[i], head, asked))
        return out
    if not query.entity:
        if query.naming:  # "What is her dog called?": the sentence gives a name ("called Gustav")
            # "What's the councillor's name?": a person named that the question does not
            person = person_named(query.question)
            for row, i in enumerate(candidates):
                given = (w.lower() for m in _CALLED.finditer(info.texts[i])
                         for w in re.findall(_CAPITALISED, m.group()))
                out[row] = float((any(w not in qwords for w in given) or (
                    person and bool(info.flags[PERSON][i])
                    and names_a_place(info.named[i] - _places_named(info.texts[i]), qwords)))
                    and (bearer is None or bool(bearer[i])))
        return out
    kinds = (query.entity, *KINDS_OF.get(query.entity, ()))
    noun = "(?:" + "|".join(re.escape(k) for k in kinds) + r")(?:e?s)?"
    title = "(?:" + "|".join(re.escape(k.capitalize()) for k in kinds) + ")"
    names = rf"{_CAPITALISED}(?:\s+(?:of\s+|the\s+|de\s+|&\s+)?{_CAPITALISED})*"
    pattern = re.compile(
        rf"\b{noun}\b[,:]?\s+(?:called\s+|named\s+|known\s+as\s+)?(?:the\s+)?{names}"
        rf"|{names}\s+(?-i:{title})"
        rf"|{names},\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}{noun}\b"
        rf"|(?-i:{title})\s+of\s+{names}", re.I)
    at_place = query.entity in _PLACE_KINDS
    if affiliated is None:
        affiliated = {int(i) for i in candidates if _body_by_affiliation(query, info.texts[i])} \
            if _asks_body(query) else set()
    for row, i in enumerate(candidates):
        if i in affiliated:
            out[row] = 1.0  # "Toby Quill, Harbourline Maps" / "Dr. Ana Vos (KU Leuven, Belgium)"
            continue
        found = at_place and any(
            {w.lower() for w in re.findall(_CAPITALISED, m[1])} - qwords - CALENDAR_NAMES
            for m in (*_AT_PLACE.finditer(info.texts[i]), *_PLACE_CLOSING.finditer(info.texts[i]))
            if not _BODY_NAME.search(m[1]))
        for m in pattern.finditer(info.texts[i]):
            said = {w.lower() for w in re.findall(_CAPITALISED, m.group())}
            if said - qwords - {query.entity}:
                found = True
                break
        out[row] = float(found)
    return out


# "Which (hibernating) animals ...?": the words after "which" that name the kind asked, up to
# the first word of another sort ("Which CDNs strip weak ETags?": "CDNs", "strip", "weak").
_WHICH_PHRASE = re.compile(r"^\W*(?:and\s+|so\s+)?which\s+((?:[\w'-]+\s+){0,2}[\w'-]+)", re.I)
# Words before a noun that pick out none of its kind: "some CDNs", "one disease", "other cities".
_VAGUE = frozenset("""some any one a an many several certain various other others few most all
    no more numerous multiple""".split())
# ... unless what follows names them: "some CDNs, such as ...", "a disease called massaria",
# "one fungus (massaria)", "a disease: massaria".
_NAMED_AFTER = re.compile(r"\s*(?:[,:;(\[\u2013\u2014]|-\s|such\s+as\b|like\b|including\b|e\.g\.|"
                          r"i\.e\.|called\b|named\b|known\s+as\b)", re.I)
_TOKENS = re.compile(r"[\w'\u2019-]+")


def which_head(question: str) -> frozenset[str]:
    """The stems of the words naming the kind a "which" question asks for: "Which hibernating
    animals are ...?": {"hibern", "anim"}; none for "Which of the farms ...?"."""
    m = _WHICH_PHRASE.match(question)
    if not m:
        return frozenset()
    out: set[str] = set()
    for w in words(m[1]):
        if w in STOPWORDS or w in _VAGUE:
            break
        out.add(stem(w))
    return frozenset(out)


def mentions_only(text: str, head: frozenset[str], asked: set[str]) -> bool:
    """Whether ``text`` speaks of the kind a "which" question asks (``head``: its words'
    stems) only as a word, after a word that picks out none of it and with nothing new
    between ("some hibernating animals" for "Which hibernating animals ...?", "if one disease
    arrives" for "Which disease ...?"), never naming one ("some hibernating animals" for
    "Which animals ...?", "a disease called massaria", "Massaria disease"); False when it
    does not speak of it at all (``asked``: the question's stems)."""
    toks = [t[0].lower() for t in _TOKENS.finditer(text)]
    ends = [t.end() for t in _TOKENS.finditer(text)]
    found = False
    k = 0
    while k < len(toks):
        if stem(toks[k]) not in head:
            k += 1
            continue
        found = True
        end = k  # the words of the kind together: "some CDNs strip weak tags"
        while end + 1 < len(toks) and stem(toks[end + 1]) in head:
            end += 1
        j = k - 1  # back over the question's own words ("some hibernating animals")
        while j >= 0 and toks[j] not in _VAGUE and toks[j] not in STOPWORDS and stem(toks[j]) in asked:
            j -= 1
        if j < 0 or toks[j] not in _VAGUE or _NAMED_AFTER.match(text, ends[end]):
            return False
        k = end + 1
    return found


def _asks_body(query: Query) -> bool:
    """Whether the question asks for a kind of body a person belongs to ("Which company is he
    with?"): the question's side of ``_body_by_affiliation``."""
    return query.entity in _BODY_KINDS and _ASKS_AFFILIATION.match(query.question) is not None


def _body_by_affiliation(query: Query, text: str) -> bool:
    """For a question asking for a kind of body a person belongs to ("Which company is he
    with?", "Which university is she at?"), the sentence names one as a person's affiliation
    (``_PERSON_AT_BODY``) that the question does not name."""
    if not _asks_body(query):
        return False
    asked = {w.lower() for w in query.words}
    kinds = {query.entity, *KINDS_OF.get(query.entity or "", ())}
    if query.entity in _COMPANY:
        kinds |= _COMPANY_NAME_WORDS
    for m in _PERSON_AT_BODY.finditer(text):
        name = m[1] or m[2]
        # a name that says its own kind must say the one asked: "(University of Lyon)" is
        # no company
        said = {w.lower() for w in _BODY_NAME.findall(name)}
        if {w.lower() for w in re.findall(_CAPITALISED, name)} - asked and (
                not said or said & kinds):
            return True
    return False


def _meta_match(query: Query, src: Source, author_named: bool) -> str | None:
    """The feature for a question asking who wrote, or when was published, what this source
    prints (its byline, a reference's authors and year, a named commenter's name and date), or
    the title it prints (the post's headline, a cited work's title in its reference). A date
    the question already gives is no answer: "In which month of 2014 did it appear?" of a
    reference that prints only "2014"."""
    if (query.answer_type == TIME and src.kind in ("byline", "reference")
            and not states_new(TIME, f"{src.text} {src.date or ''}", query.question, query.words)):
        return None
    if src.kind == "byline" and ((query.author_of == "post" and src.author)
                                 or (query.published_of == "post" and src.date)):
        return "meta_byline"
    if src.kind == "reference" and ("paper" in (query.author_of, query.published_of) or (
            query.answer_type == TITLE and query.target == "paper")):
        return "meta_reference"  # a cited work's authors, year and title are in its reference
    if src.kind == "title" and query.answer_type == TITLE and query.target in ("post", None):
        return "meta_title"
    if src.kind == "comment" and (query.author_of == "comment" or query.published_of == "comment"
                                  or (author_named and (query.answer_type == PERSON or (
                                      query.answer_type == TIME and query.when_written)))):
        return "meta_comment"
    return None


def _about_citation(query: Query) -> bool:
    """The question is about a cited work (its year, pages, authors...), not about what the
    page tells."""
    return (query.target == "paper" or "reference" in query.kinds
            or "paper" in (query.author_of, query.published_of))


# "Who was the referee?", "Who is Millbrook's goalkeeper?": who someone is (a name the text
# gives), not who said or did something (which a comment's signature answers).
_WHO_IS = re.compile(r"^\W*who\s+(?:is|was|are|were)\s+(?:the|a|an|his|her|their|its|this|that|"
                     r"[\w-]+['\u2019]s)\s", re.I)
# "Who is the spokesperson for ...?", "Who's the caller?": who holds a post the question names.
_WHO_HOLDS = re.compile(r"^\W*(?:and\s+|so\s+)?who(?:['\u2019]s|\s+is|\s+was|\s+are|\s+were)\s+"
                        r"(?:the|a|an|his|her|their|its|our|your|my|[\w-]+['\u2019]s)\s", re.I)
# What ends the name of the post asked: "the leader | of the council", "the MP | the poster ...".
_POST_ENDS = re.compile(r"\b(?:of|for|at|in|on|to|from|with|who|whom|that|which|the|a|an|this|"
                        r"when|where|whose|is|was|are|were)\b|[,?]", re.I)
# Someone's relative or belonging asked of by name: "Ann Roe's mother", "Tom's wife".
_RELATIVE_OF = re.compile(r"\b[A-Z][\w\-]*['\u2019]s\s+(?!own\b)[a-z]")
_FIRST_PERSON = re.compile(r"\bI(?:['\u2019](?:m|ve|d|ll))?\b")
# A writer speaking of themself or their own group: "I paid for it", "we supply the kits".
SPEAKS_OF_SELF = re.compile(r"\bI(?:['\u2019](?:m|ve|d|ll))?\b|\b(?i:we|us|our|ours|my|mine)\b")


def _meta_fits(wanted: str, query: Query, src: Source, author_named: bool) -> bool:
    """The source's metadata holds the kind of answer asked for: a comment's author answers
    "who said ...", its date "when did X comment"; the byline holds the post's."""
    if wanted == PERSON:
        return bool(src.author) and src.kind in ("comment", "byline", "abstract")
    if wanted == TIME:
        # what is yet to happen was not when the page or a comment was written
        return bool(src.date) and not query.future and (src.kind == "byline" or (src.kind == "comment" and (
            (author_named and query.when_written) or query.target == "comment"
            or _records_act(src, query))))
    return False


def _records_act(src: Source, query: Query) -> bool:
    """The comment is an activity line that records its author's act ("lrasmussen merged commit
    9f3c2ab", "dmitri-okafor approved these changes"), and the question asks about that act (its
    verb, in any form): the comment's date is when it happened."""
    author = src.author or ""
    if not author or not src.text.startswith(author + " "):
        return False
    verb = src.text[len(author) + 1:].split(" ", 1)[0]
    return bool(_PAST_VERB.fullmatch(verb)) and stem(verb) in {stem(w) for w in query.words}


_PAST_VERB = re.compile(r"[a-z]{2,}ed")


QUESTION_FEATURES: tuple[str, ...] = (
    "p1",  # the best candidate's sentence probability
    "logit_p1",
    "p2",  # the second best's
    "margin",  # p1 - p2
    "dense1",  # the best candidate's similarity (the better of bare and in context)
    "dense_max",  # the best similarity of any candidate
    "coverage1",  # the best candidate's coverage (with synonyms)
    "coverage_max",  # the best coverage of any candidate
    "unknown",  # share of the question the article never mentions
    "unknown_yes_no",
    "type_asked",  # the question asks for a kind of answer (a date, a person...)
    "type_ok1",  # the best candidate can hold it (+1), cannot, nor its neighbour (-1), else 0
    "meta_match1",  # the best candidate records who wrote / when what the question asks
    "missing_meta",  # asks who wrote / when was published what the page does not record
    "focus1",  # the best candidate's focus_align
    "focus_max",  # the best focus_align of the top three
    "type_new1",  # the best candidate names something the question does not
    "anchor_missing1",  # the best candidate's anchor_missing
    "focus_article",  # the best focus_align of any candidate: is what is asked anywhere?
    "verb1",  # the best candidate's verb_align
    "verb_article",  # the best verb_align of any candidate
    "quantity1",  # the best candidate's quantity_align
    "name1",  # the best candidate's name_align
    "kind_named1",  # the best candidate is the part of the page the question names ("the headline")
    "near1",  # the best candidate's answer_near
    "quantity_article",  # the best quantity_align of any candidate: is the quantity anywhere?
    "logit_fit",  # the logit of the best probability of a candidate that can hold the kind asked
    "far_off",  # how far below 0.25 the best similarity is, unless the page's structure answers
    "short_question",
    "follow_up",
    "yes_no",
    "terms",  # log(1 + the question's own content terms)
)


def question_features(query: Query, probs: np.ndarray, X: np.ndarray,
                      kinds: frozenset[str] = frozenset()) -> np.ndarray:
    """``QUESTION_FEATURES`` for one question, from its candidates' sentence probabilities
    and features, best first; ``kinds``: the kinds of source the article has."""
    out = np.zeros(len(QUESTION_FEATURES))
    if not len(probs):
        return out
    col = INDEX.__getitem__
    p1 = float(probs[0])
    p2 = float(probs[1]) if len(probs) > 1 else 0.0
    dense = np.maximum(X[:, col("dense")], X[:, col("dense_ctx")])
    # a candidate of the kind asked (or whose neighbour is): "Who took the photo?" is not
    # answered by a caption without a credit, however close it is
    fit = X[:, col("type_miss")] == 0
    p_fit = float(probs[fit].max()) if fit.any() else 0.0
    meta1 = float(X[0, col("meta_byline")] + X[0, col("meta_reference")] + X[0, col("meta_comment")]
                  + X[0, col("meta_title")])
    # a question about the page itself ("When was this posted?") is answered by its structure
    by_page = bool(X[0, col("kind_named")] or meta1 or X[0, col("coverage_meta")] > 0)
    values = {
        "p1": p1,
        "logit_p1": _logit(p1),
        "p2": p2,
        "margin": p1 - p2,
        "dense1": float(dense[0]),
        "dense_max": float(dense.max()),
        "coverage1": float(X[0, col("coverage_syn")]),
        "coverage_max": float(X[:, col("coverage_syn")].max()),
        "unknown": float(X[0, col("unknown")]),
        "unknown_yes_no": float(X[0, col("unknown_yes_no")]),
        "type_asked": float(query.answer_type is not None),
        # 0 when the best cannot but its neighbour can (a quote, its speaker named next)
        "type_ok1": float(X[0, col("type_ok")]) + float(X[0, col("type_near")]),
        "meta_match1": meta1,
        "short_question": float(X[0, col("short_question")]),
        "follow_up": float(query.follow_up),
        "yes_no": float(query.yes_no),
        "terms": float(np.log1p(len(query.terms))),
        "missing_meta": float(missing_meta(query, kinds)),
        "focus1": float(X[0, col("focus_align")]),
        "focus_max": float(X[:3, col("focus_align")].max()),
        "type_new1": float(X[0, col("type_new")]),
        "anchor_missing1": float(X[0, col("anchor_missing")]),
        "focus_article": float(X[:, col("focus_align")].max()),
        "verb1": float(X[0, col("verb_align")]),
        "verb_article": float(X[:, col("verb_align")].max()),
        "quantity1": float(X[0, col("quantity_align")]),
        "name1": float(X[0, col("name_align")]),
        "kind_named1": float(X[0, col("kind_named")]),
        "near1": float(X[0, col("answer_near")]),
        "quantity_article": float(X[:, col("quantity_align")].max()),
        "logit_fit": _logit(p_fit),
        # "What is the capital of Italy?": nothing on the page is near it
        "far_off": 0.0 if by_page else max(0.0, 0.25 - float(dense.max())),
    }
    for i, name in enumerate(QUESTION_FEATURES):
        out[i] = values[name]
    return out


def _logit(p: float) -> float:
    return float(np.log(max(p, 1e-6) / max(1 - p, 1e-6)))


def missing_meta(query: Query, kinds: frozenset[str]) -> bool:
    """The question asks who wrote or when was published what the page does not record: the
    post's author or date with no byline, a cited work's with no reference."""
    if "post" in (query.author_of, query.published_of) and "byline" not in kinds:
        return True
    return "paper" in (query.author_of, query.published_of) and "reference" not in kinds


# A qualifier that picks one of several like things: a year, an ordinal ("the second ferry"),
# the old or the new one. A sentence that gives the thing asked with another of the same kind
# ("the new 20mph speed limit" for "the speed limit before the closure", "a second yellow card"
# for "his first yellow card", "1,842 salmon in 2024" for "in 2023") tells of another thing.
_YEAR = re.compile(r"\b(?:1[6-9]\d\d|20\d\d)\b")
_YEAR_SPAN = re.compile(r"\b(1[6-9]\d\d|20\d\d)\s*(?:-|\u2013|to|and)\s*(1[6-9]\d\d|20\d\d)\b")
_ORDINAL_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth 1st 2nd 3rd 4th 5th 6th "
    "7th 8th 9th 10th".split())
_OLD_WORDS = frozenset("old older previous former original earlier existing before previously "
                       "originally formerly".split())
_NEW_WORDS = frozenset("new newer current present replacement".split())
# Seasons that pick one of like things: "the spring concert" / "Winter concert at 3pm".
_SEASON_WORDS = frozenset("spring summer autumn fall winter".split())
# A time pointed to from now: "this winter's count" / "Last winter's count ran from ...".
_DEIXIS = frozenset("this last next previous coming".split())
_DEIXIS_UNITS = frozenset("""spring summer autumn winter year years week month term season
    weekend""".split())
# a letter or two and a number: "F1", "A38", "mk2"
_CODE = re.compile(r"([a-z]{1,2})(\d{1,3})")
# "the other member", "the other two", "the others"
_THE_OTHER = re.compile(r"\bthe\s+other(?:s\b|\s)", re.I)
# "one of the two members", "one of three councillors", "one of only two"
_ONE_OF = re.compile(r"\bone\s+of\s+(?:the\s+|only\s+|just\s+)*(?:two|three|four|five|\d+|both)\b",
                     re.I)
_OTHER = re.compile(r"\bother\b|\bboth\b|\balong\s*side\b|\btogether with\b", re.I)
# how far before its noun a qualifying word may stand ("a new 20mph speed limit")
_QUALIFIER_REACH = 3
# A part of an amount asked ("How much of her bill was for gas?") and a sentence that gives only
# the whole ("her combined energy bills came to £1,200"), never naming the part.
_PART_OF = re.compile(r"\bhow (?:much|many) of\b(?P<rest>[^?]*)", re.I)
_WHOLE_TOLD = re.compile(r"\b(?:combined|in total|totall?ing|altogether|in all|all told|overall)\b",
                         re.I)
# A fare one way, asked, and a fare there and back, told (or the other way round): "a single
# ticket" / "adult return £14".
_ONE_WAY = re.compile(r"\b(?:single|one[- ]way)\b", re.I)
_RETURN_FARE = re.compile(r"\b(?:return|round[- ]trip)\b", re.I)
_FARE_NOUN = re.compile(r"\b(?:tickets?|fares?|journeys?|trips?|crossings?|flights?|sailings?|"
                        r"passes?)\b", re.I)
# A price asked of one thing on its own, and a sentence that prices it only with others: "the
# rack on its own" / "£1,749 as a bundle with the rear rack and the charger".
_ON_ITS_OWN = re.compile(r"\b(?:on (?:its|their) own|by (?:itself|themselves)|separately|"
                         r"individually|alone)\b", re.I)
_BUNDLED = re.compile(r"\b(?:bundled?|bundles|package deal|together with|combined with|"
                      r"as a (?:set|kit|package|pair))\b", re.I)


def _qualified(tokens: Sequence[str], group: frozenset[str], nouns: frozenset[str]
               ) -> frozenset[str]:
    """The nouns of ``nouns`` that a word of ``group`` stands shortly before in ``tokens``."""
    return frozenset(tokens[j] for i, t in enumerate(tokens) if t in group
                     for j in range(i + 1, min(len(tokens), i + 1 + _QUALIFIER_REACH))
                     if tokens[j] in nouns)


def qualifier_conflict(query: Query, text: str, before: str = "") -> bool:
    """The sentence gives what is asked for another year, ordinal or time (old / new) than
    the question's own qualifier, and never that qualifier (nor, for a year, the sentence
    ``before`` it, nor a span of years holding it: "2019–2024")."""
    if not _may_conflict(query.question):
        return False
    return _asked_qualifiers(query.question, query.focus, query.counted, query.measure
                             ).conflicts(text, before)


@dataclass(frozen=True)
class _Qualifiers:
    """The question's side of ``qualifier_conflict``, read once per question, not once per
    sentence."""

    asked_years: frozenset[str]
    other_asked: bool  # "the other member"
    codes: tuple[tuple[str, str], ...]  # a model's or a road's code and its letters: "f1", "f"
    ordinals: tuple[tuple[str, str], ...]  # an ordinal and its noun: "first", "card"
    # each season asked, the nouns it qualifies and the word after it
    seasons: tuple[tuple[str, frozenset[str], str | None], ...]
    one_way: bool  # a fare asked: one way, there and back
    back: bool
    part: tuple[str, ...] | None  # a part asked of a whole told ("How much of her bill ...?")
    own_price: bool  # one thing's own price asked
    asked_when: frozenset[tuple[str, str]]  # this, last or next one
    units: frozenset[str]
    nouns: frozenset[str]  # the things asked old or new
    old_asked: bool
    new_asked: bool

    def conflicts(self, text: str, before: str) -> bool:
        s = words(text)
        if self.asked_years and not self.asked_years & set(_YEAR.findall(before)):
            told = set(_YEAR.findall(text))
            spans = [(int(a), int(b)) for a, b in _YEAR_SPAN.findall(text)]
            if told and not told & self.asked_years and not any(
                    a <= int(y) <= b for y in self.asked_years for a, b in spans):
                return True
        # the other one of a group: "Who was the other member who voted no?" / "Gerald Pike,
        # one of the two members who voted no": the sentence names the one, not the other
        if self.other_asked and _ONE_OF.search(text) and not _OTHER.search(text):
            return True
        # a model's or a road's code: "the Skylark F1" / "the Skylark F2 costs £1,649"
        if self.codes:
            said = set(s)
            for t, letters in self.codes:
                if t not in said and any((m := _CODE.fullmatch(w)) and m[1] == letters for w in s):
                    return True
        # an ordinal before a noun: "his first yellow card" / "a second yellow card"
        for t, noun in self.ordinals:
            given = {s[j - 1] for j in range(1, len(s)) if s[j] == noun}
            if given & _ORDINAL_WORDS and t not in given:
                return True
        # a season of the thing asked: "the spring concert" / "Winter concert at 3pm"
        for season, nouns, head in self.seasons:
            if nouns and season not in s and _qualified(s, _SEASON_WORDS - {season}, nouns):
                return True
            # ... or the same season of another thing: "the spring term" / "the spring concert
            # on Saturday 28 March", which never names a term
            if head and head not in s and any(
                    w == season and k + 1 < len(s) and s[k + 1] not in STOPWORDS and s[k + 1] != head
                    for k, w in enumerate(s)):
                return True
        # a single fare asked, a return told, or the other way round: "How much is a single
        # ticket?" / "Fares: adult return £14, child return £7"
        if self.one_way and _RETURN_FARE.search(text) and not _ONE_WAY.search(text):
            return True
        if self.back and _ONE_WAY.search(text) and not _RETURN_FARE.search(text):
            return True
        # a part asked, only the whole told: "How much of her bill was for gas?" / "her
        # combined energy bills fell to £1,210" (the part is named last: "for gas", "on food")
        if self.part is not None and _WHOLE_TOLD.search(text):
            if self.part and stem_of(self.part[-1]) not in {stem_of(w) for w in s}:
                return True
        # one thing's own price asked, the price of a bundle told: "How much is the rack on
        # its own?" / "£1,749 as a bundle with the rear rack"
        if self.own_price and _BUNDLED.search(text) and not _ON_ITS_OWN.search(text):
            return True
        # this, last or next one: "this winter's count" / "Last winter's count ... between ..."
        if self.asked_when:
            told_when = _pointed(s)
            if any(unit in self.units for _, unit in told_when) and not self.asked_when & told_when:
                return True
        # the old or the new of the thing asked: "the speed limit before the closure" / "a
        # new 20mph speed limit"
        if self.nouns:
            if (self.old_asked and not self.new_asked and _qualified(s, _NEW_WORDS, self.nouns)
                    and not set(s) & _OLD_WORDS):
                return True
            if (self.new_asked and not self.old_asked and _qualified(s, _OLD_WORDS, self.nouns)
                    and not set(s) & _NEW_WORDS):
                return True
        return False


@lru_cache(maxsize=1024)
def _asked_qualifiers(question: str, focus: tuple[str, ...], counted: tuple[str, ...],
                      measure: str | None) -> _Qualifiers:
    q = words(question)
    codes = []
    for t in set(q):
        code = _CODE.fullmatch(t)
        if code:
            codes.append((t, code[1]))
    ordinals = tuple((t, q[i + 1]) for i, t in enumerate(q[:-1])
                     if t in _ORDINAL_WORDS and q[i + 1] not in STOPWORDS)
    content_q = frozenset(w for w in q if w not in STOPWORDS and w not in _SEASON_WORDS)
    seasons = []
    for season in set(q) & _SEASON_WORDS:
        at = q.index(season) + 1
        seasons.append((season, _qualified(q, frozenset({season}), content_q),
                        q[at] if at < len(q) and q[at] in content_q else None))
    fare = measure == "money" and _FARE_NOUN.search(question) is not None
    one_way = fare and _ONE_WAY.search(question) is not None
    back = fare and _RETURN_FARE.search(question) is not None
    part = _PART_OF.search(question)
    asked_when = frozenset(_pointed(q))
    content = frozenset(w for w in q if w not in STOPWORDS)
    return _Qualifiers(
        asked_years=frozenset(_YEAR.findall(question)),
        other_asked=_THE_OTHER.search(question) is not None,
        codes=tuple(codes),
        ordinals=ordinals,
        seasons=tuple(seasons),
        one_way=one_way and not back,
        back=back and not one_way,
        part=tuple(w for w in words(part["rest"]) if w not in STOPWORDS)
        if part and not _WHOLE_TOLD.search(question) else None,
        own_price=measure == "money" and _ON_ITS_OWN.search(question) is not None,
        asked_when=asked_when,
        units=frozenset(unit for _, unit in asked_when),
        nouns=frozenset(focus) | frozenset(counted) | _qualified(q, _OLD_WORDS | _NEW_WORDS, content),
        old_asked=bool(set(q) & _OLD_WORDS),
        new_asked=bool(set(q) & _NEW_WORDS),
    )


@lru_cache(maxsize=4096)
def _may_conflict(question: str) -> bool:
    """Whether the question has a qualifier ``qualifier_conflict`` reads (a year, "the other",
    a model's code, an ordinal, a season, this / last / next, old / new): most have none, and
    no sentence can conflict with them."""
    q = frozenset(words(question))
    return bool(_YEAR.search(question) or _THE_OTHER.search(question)
                or _ONE_WAY.search(question) or _RETURN_FARE.search(question)
                or _ON_ITS_OWN.search(question) or _PART_OF.search(question)
                or any(_CODE.fullmatch(t) for t in q)
                or q & (_ORDINAL_WORDS | _SEASON_WORDS | _DEIXIS | _OLD_WORDS | _NEW_WORDS))


def _pointed(tokens: Sequence[str]) -> set[tuple[str, str]]:
    """The times pointed to from now that ``tokens`` name: ("last", "winter") for "last
    winter's"; "next" and "coming" are one."""
    return {("next" if w == "coming" else w, tokens[k + 1]) for k, w in enumerate(tokens[:-1])
            if w in _DEIXIS and tokens[k + 1] in _DEIXIS_UNITS}
