r"""The wording linter's engine: texts as sentences of tokens, and phrase patterns over those tokens, read from
one phrase book per language (`phrases/en.yml`, `phrases/de.yml`) so the words live as data beside their
exceptions and advice, not inside code.

A pattern is written in plain words and matches whole tokens of one sentence:

    may|might have (noticed|been affected)     alternatives, and groups of several words
    sorry for any? inconvenience               `?` makes the word (or group) before it optional
    our ... systems                            `...` skips up to four words
    apologi*                                   `*` ends a word with anything (apologise, apologized)
    # minutes                                  `#` is any token with a digit (5, 14:30, 2%)
    now _                                      `_` is any one word
    /\d+:\d\d/                                  a regular expression between slashes matches one token

Texts are lower-cased and, in English, contractions are spelled out first ("won't" -> "will not", "we're" -> "we
are"), so a pattern names each form once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml

PHRASES_DIR = Path(__file__).with_name("phrases")

_CONTRACTIONS = {"en": [
    (r"\bwon't\b", "will not"), (r"\bcan't\b", "can not"), (r"\bcannot\b", "can not"), (r"\bshan't\b", "shall not"),
    (r"n't\b", " not"), (r"'re\b", " are"), (r"'ve\b", " have"), (r"'ll\b", " will"), (r"'d\b", " would"),
    (r"'m\b", " am"), (r"\b(it|that|there|what|here|who|everything|nothing|this)'s\b", r"\1 is"), (r"'s\b", ""),
]}
_TOKEN = re.compile(r"[^\W_]+(?:['.:/,-][^\W_]+)*%?|[%&]|[,;:]")  # letters of any script: "störung", "تأخير"
# A sentence ends at . ! or ? before a space (not after an abbreviation), at a list item, a heading or a blank line.
_BREAK = re.compile(r"[.!?][\"')\]]*\s+|\n\s*(?:[-*]|\d+[.)]|#+)\s+|\n{2,}")
_ABBREVIATIONS = {"mr.", "mrs.", "ms.", "dr.", "st.", "vs.", "no.", "jr.", "sr.", "prof.", "approx.", "etc.", "inc.",
                  "ltd.", "e.g.", "i.e.", "a.m.", "p.m.", "u.s.", "u.k.", "e.u.", "z.b.", "bzw.", "ca.", "nr.", "usw.",
                  "d.h.", "u.a."}
_MARKDOWN = re.compile(r"`[^`]*`|<[^>]*>|\]\([^)]*\)|https?://\S+|[*_#>\[\]]")


@dataclass(frozen=True)
class Sentence:
    original: str  # as written, for messages and for the capitals of names
    words: str  # normalised tokens joined by single spaces, with a trailing space: "we are sorry "
    listing: str  # the same with its commas, which separate the items of a list, and its semicolons and colons,
    #               which separate clauses: "resolved : leeds , york and hull "
    tokens: frozenset[str] = frozenset()  # its words, to skip a pattern that needs a word not among them

    def find(self, pattern: Pattern) -> re.Match | None:
        return pattern.search(self)


@lru_cache(maxsize=4096)  # every rule reads the same texts
def sentences(text: str, language: str = "en") -> tuple[Sentence, ...]:
    """The text's sentences in `language`; Markdown marks, links and code are dropped first."""
    headed = re.sub(r"(?m)^(\s*#+\s.*?)[.!?]?\s*$", r"\1.", text)  # a heading is a sentence of its own
    bulleted = re.sub(r"(?m)^(\s*)[*+](?=\s)", r"\1-", headed)  # "* item" ends a sentence as "- item" does
    plain = _MARKDOWN.sub(" ", bulleted.replace("\u2019", "'").replace("\u2018", "'"))
    found = []
    for part in _split(plain):
        lowered = part.lower()
        for contraction, spelled in _CONTRACTIONS.get(language, ()):
            lowered = re.sub(contraction, spelled, lowered)
        listing = _TOKEN.findall(lowered)
        tokens = [token for token in listing if token not in (",", ";", ":")]
        if tokens:
            found.append(Sentence(" ".join(part.split()), " ".join(tokens) + " ", " ".join(listing) + " ",
                                  frozenset(tokens)))
    return tuple(found)


def _split(text: str) -> list[str]:
    parts, start = [], 0
    for end in _BREAK.finditer(text):
        word = text[:end.start() + 1].rsplit(maxsplit=1)[-1].lower() if text[:end.start() + 1].strip() else ""
        if word in _ABBREVIATIONS or re.fullmatch(r"[a-z]\.", word):  # "Dr. Lee", "J. Smith"
            continue
        parts.append(text[start:end.start() + 1])
        start = end.end()
    return [*parts, text[start:]]


Clause = tuple[frozenset[str], tuple[str, ...]]  # a match needs one of these words, or a word with one of these starts


@dataclass(frozen=True)
class Pattern:
    """A compiled pattern, and the words a sentence needs before the pattern can match in it: most sentences lack
    them, and a few set lookups are much cheaper than a regular expression tried at every word (the linter runs
    hundreds of thousands of these on a large site)."""

    regex: re.Pattern
    needs: tuple[Clause, ...] = ()  # each clause: one of its words (or starts, from `apologi*`) is in the sentence

    def search(self, sentence: Sentence) -> re.Match | None:
        for words, starts in self.needs:
            if sentence.tokens.isdisjoint(words) and not (
                    starts and any(token.startswith(starts) for token in sentence.tokens)):
                return None
        return self.regex.search(sentence.words)


@cache
def compile_pattern(pattern: str) -> Pattern:
    """A regular expression over a sentence's `words` for one pattern in the syntax above, with the words it needs."""
    pieces = re.findall(r"/[^/\s]+/|\.\.\.|[()|?]|[^\s()|?]+", pattern)
    body = []
    for piece in pieces:
        if piece.startswith("/") and len(piece) > 1:
            body.append(f"(?:{piece[1:-1]} )")
        elif piece == "_":
            body.append(r"(?:\S+ )")
        elif piece == "...":
            body.append(r"(?:\S+ ){0,4}")
        elif piece in "()|?":
            body.append({"(": "(?:", ")": ")", "|": "|", "?": "?"}[piece])
        elif piece == "#":
            body.append(r"(?:\S*\d\S* )")
        else:
            word = re.escape(piece.rstrip("*")) + (r"\S*" if piece.endswith("*") else "")
            body.append(f"(?:{word} )")
    regex = re.compile(r"(?:^|(?<= ))(?:" + "".join(body) + ")")
    needs, _ = _alternatives(pieces, 0)
    return Pattern(regex, tuple((frozenset(w for w in clause if not w.endswith("*")),
                                 tuple(w.rstrip("*") for w in clause if w.endswith("*"))) for clause in needs))


# What a pattern needs, read from its pieces: a list of clauses, each a set of words one of which a matching
# sentence holds. A sequence needs what each of its required items needs ("x?" and "..." need nothing); of
# alternatives ("a|b c"), each needs one clause of its own, so together they need the union of one clause each,
# the one least likely to be in every sentence (its shortest word the longest: "few" rather than "a").

def _alternatives(pieces: list[str], at: int) -> tuple[list[set[str]], int]:
    options = []
    while True:
        needs, at = _sequence(pieces, at)
        options.append(needs)
        if at < len(pieces) and pieces[at] == "|":
            at += 1
            continue
        if len(options) == 1:
            return options[0], at
        if not all(options):
            return [], at
        return [set().union(*(max(needs, key=lambda clause: min(map(len, clause))) for needs in options))], at


def _sequence(pieces: list[str], at: int) -> tuple[list[set[str]], int]:
    needs: list[set[str]] = []
    while at < len(pieces) and pieces[at] not in ("|", ")"):
        piece = pieces[at]
        if piece == "(":
            item, at = _alternatives(pieces, at + 1)
            at += 1  # the closing ")"
        else:
            item, at = ([] if piece in ("_", "#", "...") or piece.startswith("/") and len(piece) > 1
                        else [{piece}]), at + 1
        if at < len(pieces) and pieces[at] == "?":
            item, at = [], at + 1
        needs += item
    return needs, at


@dataclass(frozen=True)
class Phrases:
    """One kind of wording: what to look for, what excuses it within the same sentence, and what to say."""

    name: str
    match: tuple[Pattern, ...]
    unless: tuple[Pattern, ...] = ()
    say: str = ""
    language: str = "en"  # the book it is in: texts are split into sentences by that language's conventions

    def matches(self, sentence: Sentence) -> str | None:
        """The words of `sentence` that are this kind of wording, unless an exception is in it too."""
        match = next((m for m in map(sentence.find, self.match) if m), None)
        if match and not any(sentence.find(p) for p in self.unless):
            return match[0].strip()
        return None

    def hits(self, text: str) -> list[tuple[Sentence, str]]:
        """Each sentence of `text` this kind of wording is in, with the words found; one hit per sentence."""
        return [(sentence, words) for sentence in sentences(text, self.language)
                if (words := self.matches(sentence))]

    def first(self, text: str) -> tuple[Sentence, str] | None:
        hits = self.hits(text)
        return hits[0] if hits else None

    def found_in(self, text: str) -> bool:
        return bool(self.hits(text))


@dataclass(frozen=True)
class Book:
    """The kinds of wording one language has words for. A rule reads a text only when the book of the text's
    language has every kind the rule needs: English rules never read German words that look like English."""

    language: str | None  # None: no book for the language asked for, so no kinds
    kinds: dict[str, Phrases]

    def reads(self, *kinds: str) -> bool:
        return all(kind in self.kinds for kind in kinds)

    def __getitem__(self, kind: str) -> Phrases:
        return self.kinds[kind]

    def sentences(self, text: str) -> tuple[Sentence, ...]:
        return sentences(text, self.language or "")


def book_languages() -> list[str]:
    """The languages with a phrase book, as tags: ["de", "en"]."""
    return sorted(path.stem for path in PHRASES_DIR.glob("*.yml"))


@cache
def phrase_book(language: str) -> Book:
    """The phrase book for a language tag ("en", "de-AT", "pt_BR"): the tag's own book, else its language's,
    else an empty one."""
    tag = language.lower().replace("_", "-")
    found = next((name for name in (tag, tag.split("-")[0]) if name in book_languages()), None)
    return Book(found, _read_book(found) if found else {})


def _read_book(language: str) -> dict[str, Phrases]:
    data = yaml.safe_load((PHRASES_DIR / f"{language}.yml").read_text(encoding="utf-8"))
    return {name: Phrases(name, tuple(map(compile_pattern, _listed(entry["match"]))),
                          tuple(map(compile_pattern, _listed(entry.get("unless", [])))), entry.get("say", ""), language)
            for name, entry in data.items()}


def _listed(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else value
