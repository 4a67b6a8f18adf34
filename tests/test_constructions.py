"""Every cue and construction of the rating reader does what its examples say, and nothing in its counter-examples.

The tables in ``models.constructions`` are the grammar: an invented example sentence in which the entry must
decide some label (its name is the mention's rule), and counter-examples in which it must decide none. A
change to a pattern that breaks its own example, or that starts to fire where it should not, fails here
with the entry's name.
"""

from __future__ import annotations

import pytest

from extractors import ratings
from models.constructions import CONSTRUCTIONS, CUES_AFTER, CUES_BEFORE, HEADLINE
from tests.helpers import parse

ENTRIES = [*CUES_BEFORE, *CONSTRUCTIONS, *CUES_AFTER, HEADLINE]


def _rules(text: str) -> list[str]:
    """The first part of each rating mention's rule ("active_rating" of "active_rating+antecedent")."""
    return [(m.rule or "").split("+")[0] for m in ratings.extract(parse(text)).mentions]


def _cases(kind: str) -> list[tuple[str, str]]:
    return [(entry.name, text) for entry in ENTRIES for text in getattr(entry, kind)]


@pytest.mark.parametrize("name, example", _cases("examples"), ids=lambda x: x[:60])
def test_each_example_is_decided_by_its_entry(name, example):
    assert name in _rules(example), (name, example, _rules(example))


@pytest.mark.parametrize("name, example", _cases("counter_examples"), ids=lambda x: x[:60])
def test_no_counter_example_is_decided_by_its_entry(name, example):
    assert name not in _rules(example), (name, example, _rules(example))


def test_every_entry_has_an_example_and_a_counter_example():
    for entry in ENTRIES:
        assert entry.examples, entry.name
        assert entry.counter_examples, entry.name


def test_cue_reasons_are_known_reasons():
    from models.vocabulary import REASON_NAMES

    assert {cue.reason for cue in (*CUES_BEFORE, *CUES_AFTER)} <= set(REASON_NAMES)


def _reads_its_match(condition) -> bool:
    """Whether a condition's code reads its second argument, the entry's match (a lambda's or a function's)."""
    import dis

    match_argument = condition.__code__.co_varnames[1]
    return any(instruction.opname.startswith("LOAD_FAST") and instruction.argval == match_argument
               for instruction in dis.get_instructions(condition))


def test_conditions_decided_before_the_pattern_do_not_read_the_match():
    """A condition of the label alone is decided before the entry's pattern is matched (it is given no match):
    every condition that reads the match must be declared as one, or it would be read as failing."""
    from extractors.rating_sentences import CONDITIONS, CONDITIONS_OF_THE_MATCH

    reading = {name for name, condition in CONDITIONS.items() if _reads_its_match(condition)}
    assert reading == set(CONDITIONS_OF_THE_MATCH)


def test_a_verb_looked_for_first_is_one_its_pattern_cannot_match_without():
    """Subject-first patterns look for their verb first: wherever the whole pattern matches, the verb does."""
    from extractors.rating_sentences import _CONSTRUCTIONS, _verb_first

    with_verb = [compiled for compiled in _CONSTRUCTIONS if compiled.verb is not None]
    assert {compiled.entry.name for compiled in with_verb} >= {"rated_as", "received"}
    texts = [text for entry in (*CUES_BEFORE, *CONSTRUCTIONS, *CUES_AFTER)
             for example in (*entry.examples, *entry.counter_examples) for text in example.split("\n")]
    for compiled in with_verb:
        assert compiled.pattern is not None
        for text in texts:
            if compiled.pattern.search(text):
                assert compiled.verb.search(text), (compiled.entry.name, text)
    # a verb in one alternative of the whole, or optional, is not needed by every match
    assert _verb_first(r"(?m:^)(?P<subject>.*?)(?P<verb>rated)?\s+as", 0) is None
    assert _verb_first(r"(?m:^)(?P<subject>.*?)(?:x|(?P<verb>rated))", 0) is None
    assert _verb_first(r"(?m:^)(?P<subject>.*?)x|(?P<verb>rated)", 0) is None
    assert _verb_first(r"(?m:^)(?P<subject>.*?)\b(?P<verb>rated|judged)\s+as", 0).pattern == r"\b(?P<verb>rated|judged)"
