"""The phrase engine's shortcut: a pattern is tried only on sentences holding the words it needs. The shortcut
must never change an answer, for any pattern of any phrase book, on real texts and on made-up ones."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from supporttab.authoring.phrases import PHRASES_DIR, Sentence, book_languages, phrase_book, sentences

CORPUS = Path(__file__).resolve().parent / "lint_corpus"
BOOKS = [phrase_book(language) for language in book_languages()]
PATTERNS = [(book.language, pattern) for book in BOOKS for phrases in book.kinds.values()
            for pattern in (*phrases.match, *phrases.unless)]


def _vocabulary() -> list[str]:
    """Every word the patterns name, with an ending for those that take any ("apologi*" -> "apologised"), and a
    few numbers and common words."""
    words = {"14:30", "5", "2%", "the", "a", "api"}
    for language in book_languages():
        for entry in yaml.safe_load((PHRASES_DIR / f"{language}.yml").read_text(encoding="utf-8")).values():
            for pattern in [*_listed(entry["match"]), *_listed(entry.get("unless", []))]:
                words |= {word.rstrip("*") + ("sed" if word.endswith("*") else "")
                          for word in re.findall(r"[^\s()|?]+", pattern) if not word.startswith("/")}
    return sorted(words - {"_", "#", "..."})


def _listed(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else value


VOCABULARY = _vocabulary()


def agree(sentence: Sentence, language: str) -> None:
    for pattern_language, pattern in PATTERNS:
        if pattern_language == language:
            with_shortcut = pattern.search(sentence)
            without = pattern.regex.search(sentence.words)
            assert (with_shortcut and with_shortcut[0]) == (without and without[0]), (pattern.regex.pattern,
                                                                                      sentence.words)


def test_the_shortcut_agrees_with_the_patterns_on_every_corpus_text() -> None:
    cases = [case for path in sorted(CORPUS.glob("*.yml")) for case in yaml.safe_load(path.read_text("utf-8"))]
    assert len(cases) >= 250
    for case in cases:
        for sentence in sentences(case["text"], "en"):
            agree(sentence, "en")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=14), st.sampled_from(book_languages()))
def test_the_shortcut_agrees_with_the_patterns_on_made_up_sentences(words: list[str], language: str) -> None:
    for sentence in sentences(" ".join(words), language):
        agree(sentence, language)
