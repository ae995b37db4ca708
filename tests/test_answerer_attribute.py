"""A what-question asking an attribute of a thing by a noun that wants a value ("What size of
pan ...?", "What reading did the gauge give?") is not answered by a passage that mentions the
thing but gives no value of that attribute (``states_attribute``)."""


from assistant.answerer import attribute_asked, gives_attribute, states_attribute
from assistant.query import make_query
from tests.candidates import post_candidates

KEEP = 0.3




def test_the_attribute_asked_is_the_noun_after_what():
    assert attribute_asked("What size of frying pan does the method call for?")[0] == "size"
    assert attribute_asked("What temperature should the greenhouse be kept at?")[0] == "temperature"
    assert attribute_asked("What germination efficiency did the trial seeds have?")[0] == "share"
    kind, words = attribute_asked("What's the locker code for the boathouse?")
    assert kind == "value" and {"locker", "code"} <= words
    assert attribute_asked("What is their citation score?")[0] == "value"
    # asking what a thing is, or no attribute at all
    assert attribute_asked("What is germination efficiency?") is None
    assert attribute_asked("What is a citation score?") is None
    assert attribute_asked("What did the gardener plant?") is None
    assert attribute_asked("What size pots sell best?") is None


def test_a_passage_about_the_thing_without_a_value_of_the_attribute_does_not_answer():
    q = make_query("What size of frying pan does the method call for?")
    assert not gives_attribute("Warm the frying pan for 3 minutes at 180°C.", "size", frozenset({"size"}))
    cands = post_candidates(("Warm the frying pan for 3 minutes at 180°C.", 0.4),
                            ("Season the batter with salt.", 0.05))
    assert not states_attribute(q, cands, KEEP)
    assert states_attribute(q, post_candidates(("You need a 26 cm frying pan.", 0.4)), KEEP)

    q = make_query("What reading did the surveyor's gauge give?")
    told = post_candidates(("The surveyor charged £250 and came back after 2 weeks.", 0.3),
                           ("Do not trust a gauge reading on old brick.", 0.25))
    assert not states_attribute(q, told, KEEP)
    assert states_attribute(q, post_candidates(("The gauge showed 34 on the back wall.", 0.3)), KEEP)

    q = make_query("What's the locker code for the boathouse?")
    meet = post_candidates(("Meet at the boathouse at 7.30am on Sunday.", 0.3))
    assert not states_attribute(q, meet, KEEP)
    assert states_attribute(q, post_candidates(("The boathouse lockers open with BH204.", 0.3)), KEEP)


def test_values_of_the_asked_kind_answer_wherever_they_stand():
    assert gives_attribute("Rovers won the final 3-1 after extra time.", "value", frozenset({"score"}))
    assert gives_attribute("Call the press office on 01234 567 890.", "value", frozenset({"phone", "number"}))
    assert gives_attribute("It was fixed in #2291 last week.", "value", frozenset({"number"}))
    assert gives_attribute("Keep the seedlings at room temperature.", "temperature", frozenset())
    assert gives_attribute("About one in five seeds came up.", "share", frozenset())
    assert gives_attribute("Germination was 62% in the warm tray.", "share", frozenset())
    # a price, a year or a time by the clock is no reading
    assert not gives_attribute("In 2019 the gauge cost £40 and we read it at 8.15am.", "value",
                               frozenset({"gauge", "read"}))
    # a bare number far from the thing or the attribute is another's
    assert not gives_attribute("The citation list of the journal runs from page 112 in the "
                               "printed edition of the quarterly supplement.", "value",
                               frozenset({"impact", "factor"}))
    # the passages the answer would not show are not looked at
    q = make_query("What germination efficiency did the trial seeds have?")
    far = post_candidates(("The trial measured germination efficiency in each tray.", 0.6),
                          ("Germination went up by 3 per cent in the warm trays.", 0.05))
    assert not states_attribute(q, far, KEEP)


def test_an_account_or_web_address_is_given_by_a_handle_or_an_address():
    q = make_query("What is the parish choir's social media account?")
    assert attribute_asked(q.question)[0] == "contact"
    vague = post_candidates(("News of the parish choir is posted on social media.", 0.4))
    assert not states_attribute(q, vague, KEEP)
    assert states_attribute(q, post_candidates(("Follow the choir @stmaryssings for news.", 0.4)), KEEP)
    assert gives_attribute("Details are at stmaryschoir.org.uk.", "contact", frozenset())
    assert gives_attribute("Write to choir.sec@example.com.", "contact", frozenset())
