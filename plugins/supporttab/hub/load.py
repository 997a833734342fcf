"""Loading the hub: `hub.yml`, the pages it links to, and the optional page-view export."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import urlsplit

from ..core.paths import confined, shown_path
from ..core.problems import Problem, format_field_path, suggest
from ..core.urls import HUB_PAGE
from ..core.validate import load_model
from ..core.yamlread import YamlDocument
from .model import Hub
from .translations import translation_of


def load_hub(root: Path, docs_dir: Path, hub_path: Path, published: frozenset[str] | None = None,
             languages: tuple[str, ...] | None = None) -> tuple[Hub | None, dict[str, int], list[Path], list[Problem]]:
    """(hub, page views, data files to keep out of the site, problems). `published` holds the pages the site
    will publish (paths inside docs_dir), when the caller knows them; otherwise every Markdown file counts.
    `languages`, the site's (default first), are those a translated text may use."""
    hub, doc = load_model(hub_path, shown_path(root, hub_path), Hub, languages=languages)
    problems = list(doc.problems)
    page_views: dict[str, int] = {}
    data_files = [hub_path]
    if hub is not None:
        problems += _check_page_links(hub, doc, docs_dir, published, languages or ())
        if hub.help_myself.popular.page_views:
            page_views, csv_problems = _load_page_views(hub, doc, hub_path.parent, root)
            problems += csv_problems
            data_files.append((hub_path.parent / hub.help_myself.popular.page_views).resolve())
    return hub, page_views, data_files, problems


def _check_page_links(hub: Hub, doc: YamlDocument, docs_dir: Path, published: frozenset[str] | None,
                      languages: tuple[str, ...] = ()) -> list[Problem]:
    """Every page the hub names must exist in the content folder and be published, and be an original: each
    language's hub lists its own version of it."""
    linked: list[tuple[tuple[str | int, ...], str]] = [
        (("help_myself", "popular", "pins", i), pin) for i, pin in enumerate(hub.help_myself.popular.pins)]
    linked += [(("help_myself", "guides", i, "page"), guide.page)
               for i, guide in enumerate(hub.help_myself.guides) if guide.page]
    existing = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    pages = existing if published is None else sorted(published)
    problems = []
    for index, (path, page) in enumerate(linked):
        if path[-2] == "pins" and page in [pin for _, pin in linked[:index]]:
            problems.append(doc.problem(path, f"'{page}' is pinned twice; pin each page once",
                                        field_name=format_field_path(path)))
            continue
        if page == HUB_PAGE:
            problems.append(doc.problem(path, f"'{HUB_PAGE}' is the hub itself, which Support Tab makes; link "
                                              "another page", field_name=format_field_path(path)))
            continue
        translated = translation_of(page, languages)
        if translated is not None and translated[1] in languages[1:] and page in pages:
            problems.append(doc.problem(path, f"'{page}' is the '{translated[1]}' translation of '{translated[0]}'; "
                                              f"link the original, '{translated[0]}': each language's hub shows its "
                                              "own version of it", field_name=format_field_path(path)))
            continue
        if page in pages:
            continue
        if page in existing:
            message = (f"the page '{page}' is not published (MkDocs leaves it out: exclude_docs or draft_docs in "
                       "mkdocs.yml, or a name MkDocs skips); link a published page or publish this one")
        else:
            hint = suggest(page, pages, "check the path")
            message = f"the page '{page}' does not exist in {docs_dir.name}/; {hint}"
        problems.append(doc.problem(path, message, field_name=format_field_path(path)))
    return problems


def _load_page_views(hub: Hub, doc: YamlDocument, hub_dir: Path, root: Path) -> tuple[dict[str, int], list[Problem]]:
    field = ("help_myself", "popular", "page_views")
    name = hub.help_myself.popular.page_views
    path = confined(hub_dir, name)
    if path is None or not path.is_file():
        return {}, [doc.problem(field, f"the page-view export '{name}' does not exist next to the hub file; "
                                       "export it from your analytics as CSV with columns path,views",
                                field_name=format_field_path(field))]
    return read_page_views(path, shown_path(root, path))


def _is_path(text: str) -> bool:
    try:
        urlsplit(text.strip())
    except ValueError:  # e.g. http://[oops/
        return False
    return True


def read_page_views(path: Path, shown_as: str) -> tuple[dict[str, int], list[Problem]]:
    """Read an analytics export (`path,views` CSV) into URL path -> views; problems name the bad line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return {}, [Problem(shown_as, 1, 1, "", "the file is not UTF-8 text; export it again as UTF-8 CSV")]
    except OSError as error:
        return {}, [Problem(shown_as, 1, 1, "", f"the file cannot be read ({error.strerror}); export it again")]
    header = text.split("\n", 1)[0]
    separator = next((s for s in (";", "\t") if s in header and "," not in header), None)
    if separator:
        name = "a semicolon" if separator == ";" else "a tab"
        return {}, [Problem(shown_as, 1, 1, "", f"the columns are separated by {name}, not a comma; export the file "
                                                "as CSV with commas (path,views)")]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    views: dict[str, int] = {}
    problems = []
    try:
        for row in reader:
            number = reader.line_num
            if number == 1:
                if [cell.strip().lower() for cell in row[:2]] != ["path", "views"]:
                    return {}, [Problem(shown_as, 1, 1, "", "the first line must be the header `path,views`; add it")]
                continue
            if not row:
                continue
            if len(row) != 2 or not re.fullmatch(r"[0-9]+", row[1].strip()) or not _is_path(row[0]):
                problems.append(Problem(shown_as, number, 1, "", f"found {','.join(row)!r}, not a path and a whole "
                                                                 "number of views; write `path,views` with digits "
                                                                 "0-9, or remove the line"))
                continue
            views[row[0].strip()] = views.get(row[0].strip(), 0) + int(row[1])
    except csv.Error as error:
        line = next((n for n, text_line in enumerate(text.splitlines(), 1) if text_line.count('"') % 2),
                    reader.line_num)  # where the unclosed quote opens, not where the reader gave up
        problems.append(Problem(shown_as, line, 1, "", f"this line is not valid CSV ({error}); close the quote on "
                                                       "this line, or remove it"))
    if not views and not problems and reader.line_num == 0:
        problems.append(Problem(shown_as, 1, 1, "", "the file is empty; the first line must be the header "
                                                    "`path,views`"))
    return views, problems
