"""Extraction rules on small texts: every event class, statuses, coreference, dates, places, offsets."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.model import Event, Status

pytestmark = pytest.mark.nlp


def extract(text: str, published: str | None = "2024-05-17") -> list[Event]:  # a Friday
    from loaders.text import extract_text

    return extract_text(text, published=published)


def one(text: str, published: str | None = "2024-05-17") -> Event:
    events = extract(text, published)
    assert len(events) == 1, [(e.cameo, [a.name for a in e.actors]) for e in events]
    return events[0]


def names(event: Event) -> set[str]:
    return {a.name for a in event.actors}


def roles(event: Event) -> dict[str, str]:
    return {a.name: a.role.value for a in event.actors}


# ---------------------------------------------------------------- classes


def test_meeting() -> None:
    e = one("Kenyan President Amani Odhiambo met Ghanaian President Kofi Mensah in Nairobi on Tuesday.")
    assert (e.type, e.cameo, e.status, e.date) == ("CONSULT", "040", Status.occurred, "2024-05-14")
    assert names(e) == {"Amani Odhiambo", "Kofi Mensah"}
    assert e.location is not None and (e.location.name, e.location.country) == ("Nairobi", "KEN")
    assert {a.country for a in e.actors} == {"KEN", "GHA"}
    assert {a.title for a in e.actors} == {"President"}


def test_held_talks_with_nominal_trigger() -> None:
    e = one("Brazilian Foreign Minister Ana Ribeiro held talks with her Chilean counterpart Diego Fuentes in Santiago.")
    assert e.cameo == "040" and names(e) == {"Ana Ribeiro", "Diego Fuentes"}
    assert e.location is not None and e.location.name == "Santiago"


def test_negotiations_are_046() -> None:
    e = one("Serbia and Kosovo resumed negotiations in Belgrade on Monday.")
    assert e.cameo == "046" and names(e) == {"Serbia", "Kosovo"}


def test_visit_directed() -> None:
    e = one("Malaysian Prime Minister Harun Aziz visited Japan last week.")
    assert e.cameo == "042" and e.mode == "visit"
    assert roles(e) == {"Harun Aziz": "source", "Japan": "target"}
    assert e.date == "2024-05"


def test_arrival_abroad_is_a_visit_with_the_city_as_place() -> None:
    e = one("Polish Foreign Minister Jan Nowak arrived in Kyiv on Thursday.")
    assert e.cameo == "042" and roles(e) == {"Jan Nowak": "source", "Ukraine": "target"}
    assert e.location is not None and e.location.name == "Kyiv" and e.date == "2024-05-16"


def test_host_and_received_and_passive_welcome() -> None:
    e = one("Egyptian President Tarek Nasser hosted Jordanian King Faisal Hamdan in Cairo.")
    assert e.cameo == "043" and roles(e) == {"Tarek Nasser": "source", "Faisal Hamdan": "target"}
    e = one("Ghana's President Kofi Mensah received the visiting Togolese Foreign Minister Ama Dossou in Accra.")
    assert e.cameo == "043" and roles(e)["Kofi Mensah"] == "source" and roles(e)["Ama Dossou"] == "target"
    e = one("Indian Prime Minister Ravi Menon was welcomed by French President Luc Girard at the Elysee Palace.")
    assert e.cameo == "043" and roles(e) == {"Luc Girard": "source", "Ravi Menon": "target"}


def test_host_splits_coordinated_guests() -> None:
    events = extract("Xi Jinping hosted Kenyan President Amani Odhiambo and Chilean President Diego Fuentes.")
    pairs = sorted(sorted(names(e)) for e in events)
    assert pairs == [["Amani Odhiambo", "Xi Jinping"], ["Diego Fuentes", "Xi Jinping"]]


def test_sidelines_meeting_is_third_party() -> None:
    e = one("Turkish Foreign Minister Emre Kaya and Greek Foreign Minister Nikos Pappas met on the sidelines of "
            "the G20 summit in Johannesburg.")
    assert e.cameo == "044" and e.mode == "third-party"
    assert e.location is not None and (e.location.name, e.location.country) == ("Johannesburg", "ZAF")


def test_meeting_in_a_third_country_is_third_party() -> None:
    e = one("US envoy Mark Ellis and Chinese envoy Zhou Lan held talks in Geneva.")
    assert e.cameo == "044"


def test_phone_calls() -> None:
    e = one("Canadian Prime Minister Claire Dubois telephoned Mexican President Lucia Ortega on Monday.")
    assert e.cameo == "041" and e.mode == "phone"
    assert roles(e) == {"Claire Dubois": "source", "Lucia Ortega": "target"}
    e = one("Dutch Foreign Minister Pieter Smit spoke by phone with his Belgian counterpart Marc Peeters.")
    assert e.cameo == "041" and set(roles(e).values()) == {"participant"}
    assert names(e) == {"Pieter Smit", "Marc Peeters"}
    e = one("Nigerian President Musa Bello received a phone call from Senegalese President Awa Diop.")
    assert e.cameo == "041" and roles(e) == {"Awa Diop": "source", "Musa Bello": "target"}


def test_call_for_and_call_it_are_not_calls() -> None:
    assert extract("Norway called for a ceasefire in Sudan.") == []
    assert extract("The president called the attack a betrayal.") == []


def test_signing() -> None:
    e = one("Vietnam and South Korea signed a memorandum of understanding on nuclear energy.")
    assert (e.type, e.cameo) == ("SUPPORT", "057") and names(e) == {"Vietnam", "South Korea"}
    e = one("An agreement on fisheries was signed by Norway and Iceland in Reykjavik.")
    assert e.cameo == "057" and names(e) == {"Norway", "Iceland"}


def test_joint_drills_and_other_material_cooperation() -> None:
    e = one("Egyptian and Saudi warships began joint naval drills in the Red Sea on Sunday.")
    assert (e.type, e.cameo) == ("COOPERATE", "062") and names(e) == {"Egypt", "Saudi Arabia"}
    assert e.location is not None and e.location.name == "Red Sea"
    e = one("Kenya extradited a suspected financier to Uganda.")
    assert e.cameo == "063" and roles(e) == {"Kenya": "source", "Uganda": "target"}
    e = one("Norwegian intelligence officials shared information with Denmark.")
    assert e.cameo == "064" and names(e) == {"Norway", "Denmark"}


def test_single_country_drills_are_not_cooperation() -> None:
    assert extract("China launched military drills around Taiwan on Monday.") == []


def test_multi_party_meeting() -> None:
    e = one("Ministers from Peru, Chile and Ecuador met in Lima on Wednesday.")
    assert names(e) == {"Peru", "Chile", "Ecuador"} and set(roles(e).values()) == {"participant"}


# ---------------------------------------------------------------- status


@pytest.mark.parametrize(("text", "status"), [
    ("Austrian Chancellor Karl Huber will visit Slovenia next week.", Status.planned),
    ("Karl Huber is scheduled to meet Slovenian Prime Minister Ana Novak on Monday.", Status.planned),
    ("Karl Huber is expected to discuss trade with Ana Novak during the visit.", Status.planned),
    ("Karl Huber did not meet Ana Novak at the summit.", Status.denied),
    ("The government denied that Karl Huber had met Ana Novak in Vienna.", Status.denied),
    ("Karl Huber cancelled his trip to Slovenia because of floods.", Status.cancelled),
    ("Talks between Austria and Slovenia were postponed.", Status.cancelled),
    ("If Austria and Slovenia resumed talks, the dispute could end.", Status.hypothetical),
    ("Austria is ready to host talks between Serbia and Kosovo.", Status.hypothetical),
])
def test_status(text: str, status: Status) -> None:
    events = extract(text)
    assert events and {e.status for e in events} == {status}


def test_no_event_from_statements_quotes_and_conflict() -> None:
    for text in ("“Our partnership is strong,” Karl Huber told reporters in Vienna.",
                 "Karl Huber said Austria supports Slovenia's bid.",
                 "Russian forces shelled Kharkiv on Sunday.",
                 "The two leaders agreed to hold a summit later this year.",
                 "Slovenia is expected to join the alliance by next year.",
                 "The last Austrian minister to visit Slovenia was Karl Huber."):
        assert [e for e in extract(text) if e.status == Status.occurred] == [], text


def test_date_after_publication_makes_a_plan() -> None:
    e = one("Karl Huber meets Ana Novak in Ljubljana next Tuesday.")
    assert e.status == Status.planned and e.date == "2024-05-21"


# ---------------------------------------------------------------- coreference


def test_surname_first_and_short_forms() -> None:
    text = ("Chinese Vice Premier Zhang Wenbo arrived in Hanoi on Monday.\n\n"
            "Zhang met Vietnamese Prime Minister Tran Minh Duc on Tuesday.")
    meeting = next(e for e in extract(text) if e.cameo == "040")
    assert names(meeting) == {"Zhang Wenbo", "Tran Minh Duc"}
    zhang = next(a for a in meeting.actors if a.name == "Zhang Wenbo")
    assert (zhang.title, zhang.country) == ("Vice Premier", "CHN")


def test_ambiguous_short_form_is_left_alone() -> None:
    text = ("Chinese Premier Li Wei and Defence Minister Li Jun attended the parade.\n\n"
            "Li met Russian Prime Minister Ivan Sokolov on Tuesday.")
    assert extract(text) == []


def test_pronouns() -> None:
    text = "Putin held talks with Xi Jinping on Wednesday. He also met Hungarian Prime Minister Viktor Orban."
    assert {frozenset(names(e)) for e in extract(text)} == {frozenset({"Putin", "Xi Jinping"}),
                                                           frozenset({"Putin", "Viktor Orban"})}
    e = one("Italian Prime Minister Marta Conti cancelled her trip to Tunisia.")
    assert roles(e) == {"Marta Conti": "source", "Tunisia": "target"}


def test_relative_pronoun() -> None:
    e = one("The first Finnish minister to visit Chile was Anna Virtanen, who met President Diego Fuentes in 2019.")
    assert names(e) == {"Anna Virtanen", "Diego Fuentes"} and e.date == "2019"


def test_counterpart_named_elsewhere() -> None:
    text = ("Lithuanian Defence Minister Rasa Kairiene (left) and Latvian Defence Minister Juris Ozols. Photo: AP\n\n"
            "Kairiene held talks with her Latvian counterpart in Riga on Thursday.")
    e = one(text)
    assert names(e) == {"Rasa Kairiene", "Juris Ozols"} and e.date == "2024-05-16"


def test_unnamed_officials_are_their_states_and_capitals_are_governments() -> None:
    e = one("Pakistan's army chief held a video call with his Chinese counterpart.")
    assert e.cameo == "041" and names(e) == {"Pakistan", "China"}
    e = one("Beijing and Washington held talks in Geneva.")
    assert names(e) == {"China", "United States"} and {a.kind.value for a in e.actors} == {"state"}


def test_organisations() -> None:
    e = one("NATO Secretary General Lars Berg met EU foreign ministers in Brussels.")
    assert names(e) == {"Lars Berg", "European Union"}
    assert next(a for a in e.actors if a.name == "Lars Berg").title == "NATO Secretary General"
    e = one("Ukraine signed a security agreement with NATO.")
    assert names(e) == {"Ukraine", "NATO"}
    assert next(a for a in e.actors if a.name == "NATO").kind.value == "organisation"


# ---------------------------------------------------------------- dates, places, merging, offsets


@pytest.mark.parametrize(("when", "date"), [
    ("on Wednesday", "2024-05-15"), ("last week", "2024-05"), ("last month", "2024-04"), ("in April", "2024-04"),
    ("in June", "2023-06"), ("earlier this year", "2024"), ("in April 2018", "2018-04"),
    ("on March 3, 2021", "2021-03-03"), ("yesterday", "2024-05-16"),
])
def test_dates_against_publication(when: str, date: str) -> None:
    assert one(f"Peru and Chile signed a trade agreement {when}.").date == date


def test_relative_dates_need_a_publication_date() -> None:
    assert one("Peru and Chile signed a trade agreement on Wednesday.", published=None).date is None
    assert one("Peru and Chile signed a trade agreement in April 2018.", published=None).date == "2018-04"


def test_fragments_of_one_event_merge_across_sentences() -> None:
    text = ("Spanish Foreign Minister Pablo Ruiz (right) and his Moroccan counterpart Nadia Alaoui "
            "in Rabat on Monday.\n\n"
            "Ruiz met Alaoui on Monday to discuss migration.\n\n"
            "Ruiz's meeting with Alaoui was their third this year.")
    e = one(text)
    assert names(e) == {"Pablo Ruiz", "Nadia Alaoui"} and e.date == "2024-05-13"
    assert e.location is not None and e.location.name == "Rabat"
    assert len(e.attrs["evidence"]) == 2


def test_offsets_point_into_the_text() -> None:
    text = "Headline without a verb\n\n  Peru and Chile signed a trade agreement on Wednesday. Nothing else happened."
    e = one(text)
    sentence = "Peru and Chile signed a trade agreement on Wednesday."
    assert text[e.source.start: e.source.end] == e.source.sentence == sentence
    assert e.source.id and e.source.id.startswith("text:") and e.source.url is None


def test_published_accepts_dates_and_rejects_junk() -> None:
    from loaders.text import extract_text

    events = extract_text("Peru and Chile signed a trade agreement on Wednesday.", published=dt.date(2024, 5, 17))
    assert events[0].date == "2024-05-15"
    with pytest.raises(ValueError):
        extract_text("Peru and Chile signed a trade agreement.", published="not a date")
