"""The guard of issue 10: the articles held out from tuning, with the real model (integration).

The answer model was fitted on the tuning articles only (benchmarks/data/articles/split.json);
the held-out articles, the five saved pages and the bundled article's unseen questions were
never tuned on. A change that helps one article at the others' expense shows up here.

The issue's targets (answer hit and abstention >= 0.92, false abstention <= 0.06, right
overall >= 0.92) are not reached yet; the floors below are what the shipped model measures
(README, "Quality"), less a small margin for a machine whose CPU rounds the model's
vectors differently. Raise them when the method improves; never lower one to let a change in
quietly. The loosenings so far are stated in docs/history.md with their figures, every choice
behind them made on cross-validation over the tuning articles: session 5 traded answer hit
(0.79 -> 0.78) and false abstention (0.11 -> 0.14) for abstention (0.42 -> 0.59) and right
overall (0.69 -> 0.73), so the hit floor went 0.77 -> 0.76 and the false-abstention ceiling
0.14 -> 0.16; session 6 traded abstention (0.592 -> 0.524) for answer hit (0.777 ->
0.805), false abstention (0.136 -> 0.098) and right overall (0.728 -> 0.731; the bundled
unseen set 0.600 -> 0.644), so the abstention floor went 0.56 -> 0.50 while the hit floor rose to 0.78
and the false-abstention ceiling fell to 0.13. Session 8 added two held-out articles (98
questions, harder than the rest: right overall 0.63 on them) and chose the threshold among
settings that wrongly decline at most 6 % of the tuning articles' answerable questions; on
the 390 questions of the earlier pool, hit 0.801 -> 0.815, false abstention 0.111 -> 0.094,
right overall 0.725 -> 0.726 and abstention 0.515 -> 0.476, so on the new pool of 488 the
abstention floor went 0.50 -> 0.40 and right overall 0.70 -> 0.68, while the false-abstention
ceiling fell to 0.11. Session 9 added two more held-out articles (110 questions, abstention
0.27 on them) and refitted on six more tuning articles with three general changes chosen on
cross-validation; on the 488 questions of the session-8 pool, hit 0.813 -> 0.819, false
abstention 0.081 -> 0.078, right overall 0.711 -> 0.709 and abstention 0.426 -> 0.403, so on
the pool of 598 (abstention 0.381) the abstention floor went 0.40 -> 0.36. Session 25 added
two more held-out articles (90 questions) and refitted on four more tuning articles; the pool
of 688 (hit 0.839, abstention 0.406, false abstention 0.075, right overall 0.726) is under
the same floors and ceiling. Session 28 added five held-out articles in shapes new to the pool
(262 questions: a forum topic page, a press release page, a page built by script, a Word
report saved as text, an automatic interview transcript); the 22 earlier sets read and score
as before (right overall 0.706), and the pool of 1,170 (hit 0.805, abstention 0.375, false
abstention 0.090, right overall 0.697) is under the same floors and ceiling, but the transcript scores
0.53 on its own, so the floor of any one article went 0.56 -> 0.50: it measures a shape the
readers had not been tried on before that session, not a change let in. Session 30 added six
held-out articles in shapes new to the pool (316 questions: a live blog page, a GitHub-style
issue page, a shop's product page with customer questions, a field diary as text, a Google
Docs export, an e-mail newsletter saved as .eml; right overall 0.566 on them, 0.497 with the
session's starting code); the 34 earlier sets score as before (1,088 of 1,550 right), and the
pool of 1,866 (hit 0.776, abstention 0.379, false abstention 0.100, right overall 0.679) sits
under its floors less the margin: hit 0.78 -> 0.77, right overall 0.68 -> 0.67. The live blog
scores 0.29 and the issue page 0.46 on their own: the floor of any one article stays 0.50 for
the sets from before session 30 and is 0.25 for its six, which measure shapes new to the
readers, not a change let in; raise it as they improve. Session 36 raised the floors under
what the pool of 1,972 measures (hit 0.801, abstention 0.476, false abstention 0.091, right
overall 0.722; the six new shapes 0.519 at the lowest): hit 0.77 -> 0.78, abstention 0.36 ->
0.44, right overall 0.67 -> 0.70, and the floor of any one of the six 0.25 -> 0.45. Session 37
measured hit 0.798, abstention 0.497, false abstention 0.095, right overall 0.725: the abstention
floor went 0.44 -> 0.46. Session 38 measured hit 0.799, abstention 0.514, false abstention 0.096,
right overall 0.729: the abstention floor went 0.46 -> 0.48. Session 39 measured hit 0.794,
abstention 0.547, false abstention 0.105, right overall 0.734: the abstention floor went 0.48 ->
0.52; false abstention is under its ceiling by 0.005, so the ceiling now binds.
"""

from __future__ import annotations

import pytest

from assistant.config import Settings
from assistant.embedding import make_embedder
from benchmarks.articles import evaluate, suite

pytestmark = pytest.mark.integration

FLOORS = {"answer_hit": 0.78, "abstain_on_unanswerable": 0.52, "right_overall": 0.70}
# the sets session 30 added, in shapes new to the readers (see above)
NEW_SHAPES = {"harbour-regatta-live-blog-page", "label-printer-github-issue-page",
              "camping-stove-product-questions-page", "moorland-field-diary-text",
              "choir-handbook-google-docs-export", "library-friends-newsletter-eml"}
NEW_SHAPES_FLOOR = 0.45
CEILINGS = {"false_abstain": 0.11}


@pytest.fixture(scope="module")
def heldout():
    return evaluate(suite("heldout"), make_embedder(Settings.from_env()))


def test_every_held_out_article_is_in_the_run(heldout):
    names = set(heldout["articles"])
    assert {"bundled:unseen", "riverside-bike-lanes", "interview-deep-sea-ecologist",
            "coffee-and-heart-rhythm", "how-passkeys-work", "sea-ice-algae-bloom",
            "cold-water-swimming-and-mood", "seed-library-page", "tidal-lagoon-pilot",
            "thermal-camera-review-page", "reading-tide-tables-explainer",
            "tenants-forum-discourse-topic-page", "seagrass-restoration-press-release-page",
            "ferry-fares-script-built-news-page", "village-hall-survey-word-report",
            "orchard-interview-auto-transcript"} <= names
    assert sum(n.startswith("page:") for n in names) == 5


def test_quotes_are_verbatim_everywhere(heldout):
    assert all(r["metrics"]["verbatim_violations"] == 0 for r in heldout["articles"].values())


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_pooled_held_out_metric_holds_its_floor(heldout, metric):
    pooled = heldout["pooled"]["heldout"]
    assert pooled[metric] >= FLOORS[metric], (metric, pooled[metric], pooled["misses"][:20])


@pytest.mark.parametrize("metric", sorted(CEILINGS))
def test_pooled_held_out_metric_stays_under_its_ceiling(heldout, metric):
    pooled = heldout["pooled"]["heldout"]
    assert pooled[metric] <= CEILINGS[metric], (metric, pooled[metric], pooled["misses"][:20])


def test_no_held_out_article_collapses(heldout):
    """Each article on its own still gets most of its questions right."""
    for floor, names in ((0.50, lambda n: n not in NEW_SHAPES), (NEW_SHAPES_FLOOR, NEW_SHAPES.__contains__)):
        scores = [(r["metrics"]["right_overall"], name) for name, r in heldout["articles"].items()
                  if names(name)]
        assert scores and min(scores)[0] >= floor, min(scores)
