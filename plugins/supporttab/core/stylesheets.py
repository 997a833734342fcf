"""A theme's stylesheet trimmed to what a few pages can use, so the pages customers reload during an outage load
a few kilobytes of CSS instead of the whole theme's.

A rule is kept when every class, id and attribute (with its value, when the selector names one) that its selector
requires is among the words the pages' templates contain; element names and pseudo-classes are not checked, so a
rule for a state (:checked, :hover) or for any element Markdown may write stays. Words inside :not(), :is() and
the like are not required either. Then every custom property (--name) that no kept rule reads goes too: the theme
declares dozens of icons as data URIs that only its admonitions, code blocks and tooltips use. Everything else
(@font-face, @keyframes, @media around kept rules) is kept as written.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

import tinycss2
from tinycss2.ast import Node

_WORD = re.compile(r"[A-Za-z0-9_-]+")
_VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
_GROUPING = ("media", "supports", "container", "layer")


def words_of(texts: Iterable[str]) -> frozenset[str]:
    """Every class, id, attribute name or value a page made from these texts (templates, say) could contain."""
    return frozenset(word for text in texts for word in _WORD.findall(text))


def trim(css: str, words: frozenset[str], *, reads: str = "") -> str:
    """`css` without the rules no page made of `words` can match, nor the custom properties that neither the kept
    rules nor `reads` (the CSS that will come after it) use."""
    rules = _keep(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), words)
    used: set[str] | None = None
    while True:  # a property may read another: drop until nothing more goes
        text = _serialize(rules, used)
        now_used = set(_VAR.findall(text + reads))
        if now_used == used:
            return text
        used = now_used


def trim_cached(css: str, words: frozenset[str], cache: Path, *, reads: str = "") -> str:
    """`trim`, kept in the folder `cache` by what it was made from: parsing the theme's CSS costs a few tenths of a
    second, on every build. An entry that cannot be read is made again; one that cannot be written is not kept."""
    key = hashlib.sha256("\0".join([css, " ".join(sorted(words)), reads]).encode()).hexdigest()[:24]
    entry = cache / f"{key}.css"
    try:
        return entry.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    text = trim(css, words, reads=reads)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=cache, suffix=".tmp", delete=False) as file:
            temporary = Path(file.name)
            file.write(text)
        os.replace(temporary, entry)  # whole or not at all
    except OSError:
        if "temporary" in locals():
            temporary.unlink(missing_ok=True)
    return text


def _keep(rules: list[Node], words: frozenset[str]) -> list[tuple[str, str, object]]:
    """The rules that may match, as (kind, prelude, content): 'rule' with declarations, 'group' with rules inside,
    'raw' kept as written."""
    kept: list[tuple[str, str, object]] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [selector for selector in _selectors(rule.prelude) if _required(selector) <= words]
            if selectors:
                kept.append(("rule", ",".join(tinycss2.serialize(s).strip() for s in selectors), rule.content))
        elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPING and rule.content is not None:
            inner = _keep(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), words)
            if inner:
                kept.append(("group", f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}", inner))
        elif rule.type == "at-rule":
            kept.append(("raw", tinycss2.serialize([rule]), None))
    return kept


def _selectors(prelude: list[Node]) -> Iterable[list[Node]]:
    """The selectors of a comma-separated list."""
    selector: list[Node] = []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            yield selector
            selector = []
        else:
            selector.append(token)
    yield selector


def _required(selector: list[Node]) -> set[str]:
    """The classes, ids and attribute names and values an element must carry for `selector` to match."""
    required: set[str] = set()
    previous = None
    for token in selector:
        if token.type == "hash":
            required.add(token.value)
        elif token.type == "ident" and previous is not None and previous.type == "literal" and previous.value == ".":
            required.add(token.value)
        elif token.type == "[] block":
            required |= {part.value for part in token.content if part.type in ("ident", "string")}
        previous = token
    return required


def _serialize(rules: list[tuple[str, str, object]], used: set[str] | None) -> str:
    """The kept rules as CSS, without declarations of custom properties outside `used` (None: keep them all)."""
    out = []
    for kind, prelude, content in rules:
        if kind == "raw":
            out.append(prelude)
        elif kind == "group":
            inner = _serialize(content, used)  # type: ignore[arg-type]
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        else:
            declarations = [_declaration(d) for d in tinycss2.parse_blocks_contents(content, skip_comments=True,
                                                                                     skip_whitespace=True)
                            if d.type == "declaration" and (used is None or not d.name.startswith("--")
                                                            or d.name in used)]
            if declarations:
                out.append(f"{prelude}{{{';'.join(declarations)}}}")
    return "".join(out)


def _declaration(declaration: Node) -> str:
    value = tinycss2.serialize(declaration.value).strip()
    return f"{declaration.name}:{value}{'!important' if declaration.important else ''}"
