"""Quiz markers: one rule for where a quiz goes, read by validation and rendering."""

from __future__ import annotations

from quizbuilder.markers import Marker, find_markers, place_quizzes

BODY = "\n".join(
    [
        "<!-- quiz: a -->",  # 0: placed
        "text <!-- quiz: b --> text",  # 1: inside a sentence
        "````md",
        "<!-- quiz: c -->",  # fenced: an example
        "```",
        "<!-- quiz: d -->",  # still inside the four-backtick fence
        "````",
        "  <!--quiz:e-->  ",  # 7: placed (spaces around are fine)
        "~~~",
        "<!-- quiz: f -->",  # fenced by tildes to the end
    ]
)


def test_markers_outside_code_are_found_and_those_in_a_sentence_are_told_apart() -> None:
    assert list(find_markers(BODY)) == [
        Marker("a", 0, 12, alone=True),
        Marker("b", 1, 17, alone=False),
        Marker("e", 7, 12, alone=True),
    ]


def test_a_marker_in_a_code_span_is_an_example_not_a_marker() -> None:
    body = "Write `<!-- quiz: x -->` on a line of its own, or ``<!-- quiz: y -->``."
    assert list(find_markers(body)) == []
    # Outside the span on the same line it still counts, at its true column.
    assert list(find_markers("`code` <!-- quiz: z -->")) == [Marker("z", 0, 19, alone=False)]


def test_only_markers_alone_on_their_line_are_replaced() -> None:
    slots = {"a": "SLOT-A", "b": "SLOT-B", "c": "SLOT-C", "e": "SLOT-E"}
    placed = place_quizzes(BODY, slots.get)
    assert placed.split("\n")[:3] == ["", "SLOT-A", ""]
    assert "text <!-- quiz: b --> text" in placed  # left as written; validation reports it
    assert "SLOT-B" not in placed and "SLOT-C" not in placed
    assert "<!-- quiz: c -->" in placed and "<!-- quiz: f -->" in placed
    assert "\nSLOT-E\n" in placed


def test_a_quiz_the_caller_refuses_keeps_its_marker_text() -> None:
    assert place_quizzes("<!-- quiz: a -->\n<!-- quiz: a -->", {"a": "S"}.get) == ("\nS\n\n\nS\n")
    assert place_quizzes("<!-- quiz: nope -->", {}.get) == "<!-- quiz: nope -->"
