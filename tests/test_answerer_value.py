"""A question asking a value in a form of its own (a count per stretch of time, a score) is
answered first by the closest passage that gives a value in that form, not by one that gives
another value of the same thing (what there is, rather than what is added each year)."""


from assistant.answerer import gives_per_time, valued_first
from assistant.query import make_query
from tests.candidates import post_candidates


def test_a_count_per_year_is_quoted_before_a_stock_count():
    q = make_query("How many benches does the parish install each year?")
    cands = post_candidates(("At the last survey, in 2024, the parish had 312 benches.", 0.3),
                            ("The oldest bench dates from 1911.", 0.2),
                            ("We put in around forty a year, mostly on the green.", 0.1))
    out = valued_first(q, cands)
    assert out[0].span.text.startswith("We put in") and out[0].prob == 0.3
    assert [c.row for c in out[1:]] == [0, 1]


def test_a_few_words_asking_a_rate_are_answered_by_the_rate():
    q = make_query("loaves per day")
    cands = post_candidates(("The bakery has sold 90,000 loaves since it opened.", 0.4),
                            ("On a good morning we bake 220 a day.", 0.2))
    assert valued_first(q, cands)[0].row == 1


def test_a_score_asked_is_quoted_before_another_number():
    q = make_query("What rating did the reviewer give the kettle in the end?")
    cands = post_candidates(("The reviewer gave the kettle a 2-litre fill twice a day.", 0.2),
                            ("Verdict: I would give it seven out of ten.", 0.08))
    assert valued_first(q, cands)[0].row == 1


def test_the_models_order_stands_when_the_best_gives_the_form_or_none_is_close():
    q = make_query("How many benches does the parish install each year?")
    rated = post_candidates(("The parish installs about 40 benches every year.", 0.3),
                            ("It puts in 40 a year.", 0.2))
    assert [c.row for c in valued_first(q, rated)] == [0, 1]
    far = post_candidates(("The parish had 312 benches in 2024.", 0.5), ("It adds 40 a year.", 0.01))
    assert [c.row for c in valued_first(q, far)] == [0, 1]
    # not a question asking a value per year, nor a verb "score"
    other = post_candidates(("The parish had 312 benches in 2024.", 0.5), ("It adds 40 a year.", 0.3))
    assert [c.row for c in valued_first(make_query("Who paid for the benches?"), other)] == [0, 1]
    assert [c.row for c in valued_first(make_query("In what minute did she score?"), other)] == [0, 1]


def test_a_count_per_time_is_a_figure_beside_its_unit():
    assert gives_per_time("We bake 220 a day.", "day")
    assert gives_per_time("The valley has an annual rainfall of 840 mm.", "year")
    assert gives_per_time("Each year, the parish installs 40 benches.", "year")
    assert not gives_per_time("We bake 220 loaves on Saturdays.", "day")
    assert not gives_per_time("We bake 220 loaves a week.", "day")
    assert not gives_per_time("Since 2019 it has grown every year.", "year")
    assert not gives_per_time("Sales grew 5 percent a year.", "year")
    assert gives_per_time("Sales grew 5 percent a year.", "year", shares=True)


def test_when_a_past_deed_was_done_is_a_date_not_a_length_of_time():
    q = make_query("When was the new boiler fitted?")
    cands = post_candidates(("A typical fitting takes the firm two or three days.", 0.2),
                            ("The hall's heating dates from the 1960s, says the caretaker.", 0.15),
                            ("The boiler was fitted in March 2023, after the old one failed.", 0.1))
    out = valued_first(q, cands)
    assert out[0].row == 2 and out[0].prob == 0.2
    # a date that says no word of the question is not tied to it; advice is not a past deed
    assert [c.row for c in valued_first(q, cands[:2])] == [0, 1]
    advice = make_query("When should the boiler be serviced?")
    assert [c.row for c in valued_first(advice, cands)] == [0, 1, 2]


def test_where_a_thing_is_is_a_place_right_after_a_word_for_it():
    q = make_query("Where were the hives in the survey?")
    cands = post_candidates(("We found 40 hives through the county beekeepers' club.", 0.3),
                            ("Most colonies were calm in the mornings.", 0.2),
                            ("The 40 hives in the Marsh Vale district were checked twice.", 0.1))
    out = valued_first(q, cands)
    assert out[0].row == 2 and out[0].prob == 0.3
    # a time after the word is no place ("her shed on a wet afternoon")
    timed = post_candidates(("We visited the hives on a wet afternoon in May.", 0.3),
                            ("The hives stand behind the church hall.", 0.1))
    assert valued_first(q, timed)[0].row == 1


def test_where_a_thing_came_from_is_a_place_it_came_from():
    q = make_query("Where did he get the crates from?")
    cands = post_candidates(("He keeps the crates in the barn over winter.", 0.3),
                            ("He bought the crates cheaply from a closing greengrocer.", 0.1))
    assert valued_first(q, cands)[0].row == 1


def test_a_value_in_the_form_asked_may_be_less_likely_than_the_best_but_not_far_less():
    # the model's odds between weak candidates say little beside a value of the form asked,
    # down to a tenth of the best one's
    q = make_query("When did the club open its new pavilion?")
    cands = post_candidates(("The pavilion took builders eleven weeks to finish.", 0.2),
                            ("The club, which opened the pavilion in 2019, has 300 members.", 0.03))
    assert valued_first(q, cands)[0].row == 1
    far = post_candidates(("The pavilion took builders eleven weeks to finish.", 0.2),
                          ("The club, which opened the pavilion in 2019, has 300 members.", 0.013))
    assert valued_first(q, far)[0].row == 0
