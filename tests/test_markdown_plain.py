"""Plain prose skips Markdown (thousands of update bodies per build) and must come out exactly as Markdown makes it."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from supporttab.core.markdown import MarkdownRenderer, plain_paragraphs

MARKDOWN = MarkdownRenderer()
# Everything the shortcut accepts, plus the characters nearest to Markdown syntax, spaces and line breaks.
PIECES = [*"aZé9 .,;:'\"?!()/%-\n\n\n  ’“—…*_`[]<>&#|\\=~+\t\r", "1. ", "- ", "    ", "word ", "---", "\n\n"]
PROSE = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def markdown(text: str) -> str:
    return MARKDOWN._md.reset().convert(text)  # always through Markdown itself


@settings(max_examples=3000, deadline=None)
@given(PROSE)
@example("We found the cause.\nA fix is rolling out.\n\nNext update by 15:00 (UK time).\n")
@example("a  \nb")
@example("a\n---")
@example("2. second point")
@example(" indented\n")
@example("    \na")  # a blank line of spaces first: Markdown opens an empty code block
@example("a\n  \n\n    \nb")
def test_plain_prose_renders_exactly_as_markdown_would(text: str) -> None:
    shortcut = plain_paragraphs(text)
    if shortcut is not None:
        assert shortcut == markdown(text)


@given(st.lists(st.text(st.sampled_from(list("abcXYZ é,.'?!()-")), min_size=1, max_size=30)
                .filter(lambda line: line == line.strip() and line[0] not in "-+"), min_size=1, max_size=6))
def test_update_bodies_in_plain_words_take_the_shortcut(lines: list[str]) -> None:
    text = "\n\n".join(lines) + "\n"
    assert plain_paragraphs(text) == markdown(text)


def test_anything_that_may_be_markdown_goes_through_markdown() -> None:
    for text in ("*bold*", "a_b", "see [docs](https://example.com)", "a < b", "AT&T", "# title", "- item",
                 "1. item", "a  \nb", "    code", "line\n===", "a | b", "x\\y", "> quote", "tab\there"):
        assert plain_paragraphs(text) is None, text
        assert str(MARKDOWN.render(text)) == markdown(text)
