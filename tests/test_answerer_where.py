"""A "where" question is answered first by the closest passage that names a place in the role
asked (where the thing starts, ends, or is), not by one whose name places nothing."""


from assistant.answerer import placed_first
from assistant.query import make_query
from tests.candidates import post_candidates


def test_the_place_where_a_thing_starts_is_quoted_first():
    q = make_query("Where does the Saturday ride start from?")
    cands = post_candidates(("Saturday 4 May | Easy ride along the canal to Ferry Lock, 20 miles.", 0.4),
                            ("The captain, Orla Vance, keeps the pace gentle.", 0.2),
                            ("Riders meet 9am at the Crown Hotel, Dunby.", 0.1))
    out = placed_first(q, cands)
    assert out[0].span.text.startswith("Riders meet") and out[0].prob == 0.4
    assert [c.row for c in out[1:]] == [0, 1]


def test_where_a_story_is_set_is_not_a_name_that_places_nothing():
    q = make_query("Where is the play set?")
    cands = post_candidates(("The butler, Crane, gets the play's best lines.", 0.3),
                            ("It opens in the winter of 1920, in the mill town of Hebley.", 0.05))
    assert placed_first(q, cands)[0].row == 1


def test_the_models_order_stands_when_the_best_places_it_or_no_other_does():
    q = make_query("Where does the Saturday ride start from?")
    placed = post_candidates(("Riders meet at the Crown Hotel.", 0.4), ("We set off from Dunby.", 0.3))
    assert [c.row for c in placed_first(q, placed)] == [0, 1]
    # a far less likely passage is not put first
    far = post_candidates(("The captain, Orla Vance, keeps the pace gentle.", 0.6),
                          ("Riders meet at the Crown Hotel.", 0.01))
    assert [c.row for c in placed_first(q, far)] == [0, 1]
    # a best one that places it without a name says where as plainly as a bare name would
    q2 = make_query("Where does the club want to plant the trees next?")
    unnamed = post_candidates(("The club now plans to plant them in a schoolyard, near the gate.", 0.5),
                              ("Volunteers planted the first oaks in Dunby.", 0.3))
    assert [c.row for c in placed_first(q2, unnamed)] == [0, 1]
    # ... nor does a name after the question's noun ("the trees ... next?" is no verb of placing)
    nouned = post_candidates(("The club now plans to plant them in a schoolyard, near the gate.", 0.5),
                             ("The oldest trees in Dunby are oaks.", 0.3))
    assert [c.row for c in placed_first(q2, nouned)] == [0, 1]
    # a spot within a place the question gives is told without a name ("by the back wall")
    q = make_query("Where on the roof should the tank go?")
    within = post_candidates(("Put it by the back wall, out of the wind.", 0.5),
                             ("Our roof in Dunby is flat.", 0.2))
    assert [c.row for c in placed_first(q, within)] == [0, 1]


def test_where_someone_lives_is_left_to_the_model():
    # a place of theirs, not the first place the page names ("her novel is set in Hebley")
    q = make_query("Where does Ada Brook live?")
    cands = post_candidates(("Ada Brook's first novel is one of my favourites.", 0.3),
                            ("The story opens in the mill town of Hebley.", 0.2))
    assert [c.row for c in placed_first(q, cands)] == [0, 1]
