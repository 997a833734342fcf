"""Articles in several languages: `reset-password.de.md` translates `reset-password.md` (the file-name convention
of mkdocs-static-i18n). Which file translates which, the names that cannot be a translation, and where each
language's version of an article lives: `de/reset-password/`, the translation or, until there is one, the original
with a note."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from babel import Locale, UnknownLocaleError
from markupsafe import Markup

from ..core.i18n import active, gettext, own_name
from ..core.problems import Problem, suggest
from ..core.urls import UrlScheme

# `name.de.md`, `name.pt-BR.md`: a language, with an optional region or script. A code of three letters counts
# only when the site lists it (`fil`): `notes.bak.md` stays a page of its own.
_SUFFIXED = re.compile(r"(?P<stem>.+)\.(?P<code>[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*)\.md")


@dataclass(frozen=True)
class Articles:
    """The site's Markdown pages in its languages (the first one's at the root, each other's under `<language>/`),
    and which of them an author translated."""

    languages: tuple[str, ...] = ("en",)
    originals: frozenset[str] = frozenset()  # every page in the first language
    translations: dict[str, dict[str, str]] = field(default_factory=dict)  # original -> {language: its file}

    def translated(self, src_uri: str, language: str) -> bool:
        """Whether `src_uri` reads in `language` as written for it (the first language's always does)."""
        return language == self.languages[0] or language in self.translations.get(src_uri, {})

    def source(self, src_uri: str, language: str) -> str:
        """Where the page of article `src_uri` in `language` is, as MkDocs names pages (de/articles/x.md)."""
        return src_uri if language == self.languages[0] else f"{language}/{src_uri}"

    def url(self, src_uri: str, language: str, directory_urls: bool = True) -> str:
        """The address of article `src_uri` in `language`, from the site's root: its translation, or the page
        showing the original until there is one. For links in the `language` section (the hub's articles)."""
        return UrlScheme(directory_urls).page(self.source(src_uri, language))

    def versions(self, src_uri: str) -> list[tuple[str, str, bool]]:
        """(language, page source, translated) of article `src_uri` in every language of the site."""
        return [(language, self.source(src_uri, language), self.translated(src_uri, language))
                for language in self.languages]


def translation_of(src_uri: str, languages: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """(the original's path, the language code) when the file's name says it translates another, else None."""
    folder, name = posixpath.split(src_uri)
    match = _SUFFIXED.fullmatch(name)
    if match is None or not _names_a_language(match["code"], languages):
        return None
    return posixpath.join(folder, f"{match['stem']}.md"), match["code"]


def _names_a_language(code: str, languages: tuple[str, ...]) -> bool:
    """A language of the site's, or one of two letters that CLDR knows (`de`, `pt-BR`; not `v2` or `draft`)."""
    if code in languages:
        return True
    if len(re.split(r"[-_]", code)[0]) != 2:
        return False
    try:
        Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return False
    return True


def find_articles(pages: Iterable[str], languages: tuple[str, ...], folder: str) -> tuple[Articles, list[Problem]]:
    """The articles among `pages` (paths inside the content folder, shown as `folder/...`) with their translations,
    and a problem for each file named as a translation that cannot be one."""
    pages = set(pages)
    translations: dict[str, dict[str, str]] = {}
    problems = []
    for page in sorted(pages):
        found = translation_of(page, languages)
        if found is None:
            continue
        original, code = found
        message = _misnamed(page, original, code, languages, pages)
        if message:
            problems.append(Problem(f"{folder}/{page}", 1, 1, "", message))
        else:
            translations.setdefault(original, {})[code] = page
    named = {page for page in pages if translation_of(page, languages) is not None}
    return Articles(languages, frozenset(pages - named), translations), problems


def _misnamed(page: str, original: str, code: str, languages: tuple[str, ...], pages: set[str]) -> str | None:
    """Why `page` cannot be the `code` version of `original`, or None when it is."""
    base = posixpath.basename(original)
    if code == languages[0]:
        return (f"'{code}' is the site's first language, whose pages have no language in their name; rename it "
                f"{base}")
    if len(languages) == 1:
        return (f"the name says this page is the '{code}' version of {base}, but the site has one language "
                f"({languages[0]}); to publish it so, list the languages under the supporttab plugin in mkdocs.yml "
                f"(`languages: [{languages[0]}, {code}]`), or rename the file without '.{code}'")
    if code not in languages:
        hint = suggest(code, languages[1:], f"add '{code}' to `languages` under the supporttab plugin in "
                                            f"mkdocs.yml, or rename the file without '.{code}'")
        return f"'{code}' is not one of the site's languages ({', '.join(languages)}); {hint}"
    if original not in pages:
        return (f"it translates {base}, which does not exist; write {base} in {own_name(languages[0])} too (the "
                f"page readers of every other language fall back to), or rename this one {base}")
    return None


def untranslated_note(original: str) -> Markup:
    """The note above an article shown in `original`, its language, to a reader of the language being spoken."""
    try:
        name = Locale.parse(original.replace("-", "_")).get_language_name(active().locale) or original
    except (ValueError, UnknownLocaleError):
        name = original
    return Markup('<p class="st-untranslated"><em>{}</em></p>').format(
        gettext("Not translated yet: this page is shown as we wrote it, in %(language)s.", language=name))
