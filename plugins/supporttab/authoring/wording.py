"""The lint rules that read what was written, beside what the incident's own fields say: minimising, no closure,
an incomplete postmortem, an unsigned update, no next update promised, words that contradict the status, affected
places or parts the data does not list, an impact the words understate, and a person blamed instead of the
system. The words themselves live in one phrase book per language (phrases/en.yml, phrases/de.yml); this module
decides what they mean in context. A rule reads a text only in a language whose book has every kind of wording
the rule needs: the English rules never read German, and a language without a book gets none of them."""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from collections.abc import Iterator

from ..status.index import component_changes
from ..status.model import Components, Incident, Maintenance
from .phrases import Book, Sentence, phrase_book, sentences

Event = Incident | Maintenance
Found = tuple[str, tuple, str]  # rule, path inside the event, message

MINIMISING = ("hedged-impact", "vague-quantity", "dismissive-words", "softened-size", "blame-elsewhere")
PARTS = ("apology", "cause", "prevention")
CLOSING = ("works-again", "customer-action", "explanation-follows")
CONTRADICTIONS = ("fixed-claim", "cause-unknown", "fix-in-place", "still-failing")
IMPACTS = ("soft-impact", "hard-impact", "total-outage")
# unlisted-affected and blames-person also read English grammar in code (lists joined by "and", "X, one of our
# engineers"): a book for another language that gives them these kinds must bring that grammar too.
AFFECTED = ("unaffected", "also-affected", "hard-impact", "soft-impact")
BLAME = ("system-framing", "person-punished", "person-at-fault", "credit", "person-mistake")
_LEAD = {"in", "at", "on", "the", "across", "our", "your", "all"}  # may open a list item: "Leeds and in York"
_LISTED_TOO = re.compile(r"^(?:(?:" + "|".join(_LEAD | {"and", "also"}) + r")\s+)+")
# The grammar that tells a list of names ("Search and PDF exports are slow") from clauses joined by "and" ("we
# applied a fix and PDF exports are completing again"): words that end a list item, words that open a clause or a
# phrase, and verbs that start what is said of a subject.
_AUXILIARIES = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will",
                "would", "can", "could", "should", "may", "might", "must", "shall"}
_PRONOUNS = {"we", "you", "they", "it", "he", "she", "i"}
_DETERMINERS = {"a", "an", "the", "our", "their", "its", "your", "this", "these", "those", "my", "his", "her"}
_OPENERS = {"that", "which", "who", "while", "whilst", "because", "when", "where", "if", "but", "so", "as",
            "although", "though", "until", "unless", "once", "why", "how", "whether"}
_BREAKS = {",", ";", ":", "and", "or", *_OPENERS}  # where a clause ends and the next one opens
# Verbs a clause follows without "that": "we noticed [that] X and Y are failing" names X and Y.
_REPORTING = {"aware", "confirm", "confirmed", "believe", "expect", "understand", "think", "notice", "noticed",
              "know", "knew", "see", "seeing", "saw", "found", "identified", "discovered", "observed", "detected"}
# Verbs that are never a noun, so never part of a name ("monitoring continues"), unlike "works" or "runs".
_LINKING = {"keep", "keeps", "remain", "remains", "stay", "stays", "seem", "seems", "continue", "continues"}
_PREDICATES = _AUXILIARIES | _LINKING | {"work", "works", "look", "looks", "load", "loads", "run", "runs"}
_SINGULAR = {verb for verb in _PREDICATES if verb.endswith("s")}  # "is", "has", "keeps": one subject, not a list
_PAST = re.compile(r"\w+[^e]ed")  # "cleared", "deployed"; not "feed" or "speed"
# Irregular past tenses that are seldom anything else ("latency went down", "the engineer rebuilt caches").
_IRREGULAR_PAST = {"went", "came", "ran", "took", "sent", "made", "got", "found", "built", "rebuilt", "broke", "began",
                   "brought", "saw", "knew", "wrote"}
_PREPOSITIONS = {"in", "on", "at", "for", "to", "from", "since", "with", "by", "of", "after", "behind"}
_STOP = {"not", "both", "also", "including", ";", ":", *_PREPOSITIONS, *_AUXILIARIES, *_PRONOUNS, *_OPENERS}
# Words that cannot be the subject of a past tense after them: there it describes a name ("the scheduled reports",
# "customers in the affected offices"), as it does at the start of a clause ("Automated PDF exports").
_NO_SUBJECT = {*_BREAKS, *_DETERMINERS, *_LEAD, *_PREPOSITIONS}
# A list item that starts with one of these is a step, not a name ("retry the export and use Reports instead").
_COMMANDS = {"use", "open", "retry", "try", "go", "click", "tap", "visit", "see", "refresh", "reload"}
_DONE = {"complete", "completed", "done", "finished", "underway", "ongoing"}  # "rollback complete": a clause
# The last word of a list item that is not a part: "fix in place", "we found the cause", "thanks for your patience".
_NOT_PARTS = {"you", "i", "place", "progress", "patience", "cause", "issue", "problem", "fault"}
# What "we have also not ..." done yet that is our progress, not a part affected: "found the cause", "seen this".
_OUR_PROGRESS = {"found", "seen", "identified", "know", "known", "received", "heard", "had", "confirmed", "traced"}
_NAMED = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:,? (?:on|from|in) (?:our|the) [\w\s-]{0,30}?team\b|, (?:one of "
                    r"our|a|an|our) [\w\s-]{0,30}?(?:engineers?|developers?|team|member))")


_NAME_THEN_VERB = re.compile(
    r"(?:^|[^.!?]\s)(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,? who)? (?:ran|pushed|deployed|deleted|dropped|did not|"
    r"didn't|forgot|made a|entered|applied|restarted|merged|approved|misconfigured|mistyped|skipped|ignored)\b")
_MISTAKE = re.compile(r"\b(?:by mistake|accidentally|without|untested|wrong|instead of|did not|didn't|forgot|failed "
                      r"to|careless|human error|mistake|error)\b", re.IGNORECASE)
_NOT_NAMES = {"we", "our", "the", "this", "that", "it", "they", "he", "she", "someone", "nobody", "customers",
              "engineers", "a", "an", "then", "which", "who", "and", "but", "kubernetes", "linux", "windows"}
_PERSON_SUBJECT = re.compile(r"(?:\b[A-Z][a-z]+|\b[Hh]e|\b[Ss]he)\s+(?:has|had|was)\b")


def book_for(event: Event, path: tuple, context) -> Book:
    """The phrase book of the language the text at `path` is written in: a translation's own (its path ends in
    its language code, as `texts` gives it), else the site's."""
    if len(path) > 1 and path[-2] in TEXT_FIELDS:
        return phrase_book(path[-1])
    return phrase_book(context.language)


TEXT_FIELDS = ("body", *PARTS)  # the texts `texts` reads; a code after one of them is a translation's language


def texts(event: Event, *, postmortem: bool = True) -> Iterator[tuple[tuple, str]]:
    """(path, text) for each update's body and, when asked, each postmortem part; then each of its translations,
    at the path of its language code (`body.de`)."""
    found = [(("updates", index, "body"), update.body) for index, update in enumerate(event.updates)]
    pm = getattr(event, "postmortem", None)
    if postmortem and pm is not None:
        found += [(("postmortem", part), getattr(pm, part)) for part in PARTS]
    for path, text in found:
        yield path, text
        for language, translation in getattr(text, "translations", {}).items():
            yield (*path, language), translation


def minimising_language(event: Event, context) -> Iterator[Found]:
    for path, text in texts(event):
        book = book_for(event, path, context)
        hits = [(kind, hit) for kind in MINIMISING if book.reads(kind) for hit in book[kind].hits(text)]
        if hits:
            quoted = ", ".join(dict.fromkeys(_excerpt(sentence) for _, (sentence, _) in hits))
            yield ("minimising-language", path, f"{quoted}: this makes the problem smaller than it was; "
                   f"{book[hits[0][0]].say}")


def no_closure(event: Event, context) -> Iterator[Found]:
    if not isinstance(event, Incident):
        return
    for index, update in enumerate(event.updates):
        book = book_for(event, ("updates", index, "body"), context)
        if update.status == "resolved" and book.reads(*CLOSING) and not any(book[kind].found_in(update.body)
                                                                            for kind in CLOSING):
            yield ("no-closure", ("updates", index, "body"),
                   "the resolving update closes nothing; say what works again, what customers need to do (or that "
                   "they need do nothing), and when you will explain what happened")
            return


def incomplete_postmortem(event: Event, context) -> Iterator[Found]:
    pm = getattr(event, "postmortem", None)
    if pm is None:
        return
    book = book_for(event, ("postmortem", "apology"), context)
    if book.reads("apology", "conditional-apology"):
        apologies = [sentence for sentence, _ in book["apology"].hits(pm.apology)]
        if not any(not _in(book, sentence, "conditional-apology") for sentence in apologies):
            said = "says sorry only on a condition (\"if\", \"any inconvenience\")" if apologies else \
                "does not say sorry"
            yield ("incomplete-postmortem", ("postmortem", "apology"),
                   f"the apology {said}; say sorry plainly, and for what it cost customers (\"we are sorry: for two "
                   "hours you could not send invoices\")")
    book = book_for(event, ("postmortem", "cause"), context)
    if book.reads("mechanism") and not book["mechanism"].found_in(pm.cause):
        yield ("incomplete-postmortem", ("postmortem", "cause"),
               "the cause names no mechanism; say what happened, when, and why it was not caught (\"a migration "
               "locked the invoices table at 09:10 because it ran without a time limit\")")
    book = book_for(event, ("postmortem", "prevention"), context)
    if book.reads("concrete-change") and not book["concrete-change"].found_in(pm.prevention):
        yield ("incomplete-postmortem", ("postmortem", "prevention"),
               "the prevention promises no concrete change; name what changes and when (\"migrations now stop "
               "after 5 seconds of waiting for a lock\"), not \"we are reviewing our processes\"")


def unsigned_update(event: Event, context) -> Iterator[Found]:
    signed = [(("updates", index, "author"), update.author) for index, update in enumerate(event.updates)]
    if getattr(event, "postmortem", None):
        signed.append((("postmortem", "author"), event.postmortem.author))
    for path, author in signed:
        name = context.team.members[author].name if context.team and author in context.team.members else author
        if is_role(name, context.organization, book_for(event, path, context)):
            yield ("unsigned-update", path,
                   f"signed by '{author}', a role or a team, not a person; sign with your own name (customers "
                   "relate to people), and add your role after a comma if it helps")


def is_role(name: str, organization: str = "", book: Book | None = None) -> bool:
    """True when a signature names a team, a role or the company rather than a person ("Acme Support",
    "On-call Engineer", "Status Bot"); a person's name before a comma keeps its role ("Sam Lee, Incident lead").
    The company's name and a short all-capitals name ("NOC") are roles in any language; role words are read in
    `book`'s language (English when not given)."""
    person = re.split(r",| \(| [-–—|] ", name)[0].strip()  # "Sam Lee, Incident lead", "Sam Lee (SRE)"
    company = organization.strip().lower()
    if company and f" {company} " in f" {_words(person)} ":
        return True
    book = book or phrase_book("en")
    if book.reads("role-words") and book["role-words"].found_in(person):
        return True
    return person.isupper() and 3 <= len(person) <= 5


def no_next_update(event: Event, context) -> Iterator[Found]:
    if not isinstance(event, Incident) or any(u.status == "resolved" for u in event.updates):
        return
    index, last = len(event.updates) - 1, event.updates[-1]
    book = book_for(event, ("updates", index, "body"), context)  # without words for a promise, only the field counts
    promised = book.reads("next-update-promise") and book["next-update-promise"].found_in(last.body)
    if last.next_update_by is None and not promised:
        yield ("no-next-update", ("updates", index, "body"),
               "the latest update on an open incident does not say when the next one comes; add \"next update by "
               "14:30\" (supporttab update --next-update 30m records it as next_update_by), and keep that promise")


def contradicts_status(event: Event, context) -> Iterator[Found]:
    if not isinstance(event, Incident):
        return
    for index, update in enumerate(event.updates):
        book = book_for(event, ("updates", index, "body"), context)
        said = _contradiction(update.status, update.body, book) if book.reads(*CONTRADICTIONS) else None
        if said:
            yield ("contradicts-status", ("updates", index, "body"),
                   f"the text {said} while the status is '{update.status}'; change the status to match what you "
                   "say, or say what is still wrong")


def _contradiction(status: str, body: str, book: Book) -> str | None:
    if status in ("investigating", "identified") and book["fixed-claim"].found_in(body):
        return "says it is fixed"
    if status == "identified" and book["cause-unknown"].found_in(body):
        return "says the cause is not found yet"
    if status == "monitoring" and book["cause-unknown"].found_in(body) and not (
            book["fix-in-place"].found_in(body) or book["fixed-claim"].found_in(body)):
        return "says no fix is in place yet"
    if status in ("monitoring", "resolved") and book["still-failing"].found_in(body):
        return "says it is still failing"
    return None


def understated_impact(event: Event, context) -> Iterator[Found]:
    if not isinstance(event, Incident):
        return
    states: dict[str, str] = {}
    for index, (update, changes) in enumerate(zip(event.updates, component_changes(event), strict=True)):
        states |= {component: after for component, (_, after) in changes.items()}
        book = book_for(event, ("updates", index, "body"), context)
        if not book.reads(*IMPACTS):
            continue
        severe = "major_outage" in states.values() or event.impact == "critical" or (
            event.impact == "major" and ("partial_outage" in states.values() or update.status == "resolved"))
        soft = book["soft-impact"].first(update.body)
        hard = book["hard-impact"].found_in(update.body)
        if severe and soft and not hard:
            yield ("understated-impact", ("updates", index, "body"),
                   f"\"{soft[1]}\" sounds milder than the data ({_worst(states, event.impact)}); say what "
                   "customers cannot do (\"you cannot log in\"), or correct the component states")
        elif event.impact in ("none", "minor") and hard and book["total-outage"].found_in(update.body):
            yield ("understated-impact", ("impact",),
                   f"the text describes a full outage, but the incident is filed as {event.impact}; raise its "
                   "impact (major or critical), so the page, the feeds and the postmortem reminder tell the truth")
    pm = event.postmortem
    book = book_for(event, ("postmortem", "apology"), context)
    if pm and event.impact in ("major", "critical") and book.reads(*IMPACTS) and not book["hard-impact"].found_in(
            pm.apology):
        soft = book["soft-impact"].first(pm.apology)
        if soft:
            yield ("understated-impact", ("postmortem", "apology"),
                   f"\"{soft[1]}\" sounds milder than a {event.impact} incident; say what customers could not "
                   "do, and for how long")


def _worst(states: dict[str, str], impact: str) -> str:
    order = ("major_outage", "partial_outage", "degraded_performance", "under_maintenance", "operational")
    worst = min(states.values(), key=order.index, default="operational")
    return f"a component in {worst}" if worst != "operational" else f"a {impact} incident"


def unlisted_affected(event: Event, context) -> Iterator[Found]:
    catalogue: Components | None = context.components
    for path, text in texts(event, postmortem=False):
        book = book_for(event, path, context)
        named = _unlisted(text, event, catalogue, book, _language_of(path, context)) if book.reads(*AFFECTED) else None
        if named:
            yield ("unlisted-affected", path,
                   f"the text says {named} is affected, but the incident does not list it; add it to the "
                   "incident's components or regions (or declare it in components.yml), so the right customers "
                   "are told")


def _language_of(path: tuple, context) -> str:
    """The language the text at `path` is written in: a translation's own (as `texts` gives it), else the site's."""
    return path[-1] if len(path) > 1 and path[-2] in TEXT_FIELDS else context.language


def _name_in(item, language: str) -> str:
    """A component's or region's name in `language`, or as written where it has no translation into it."""
    return getattr(item.name, "translations", {}).get(language, item.name)


def _unlisted(text: str, event: Event, catalogue: Components | None, book: Book, language: str) -> str | None:
    listed = (_aliases(event.components, catalogue, language, regions=False)
              | _aliases(event.regions, catalogue, language, regions=True))
    others = _declared(catalogue, event, language)
    known = listed.union(*others.values())
    for sentence in book.sentences(_bullets_as_lists(text)):
        clause = _without_unaffected(sentence, book)
        if clause is None:
            continue
        also = book["also-affected"].matches(clause)
        within = _clause(clause, also) if also else ""
        if (also and not any(f" {_unprotected(alias)} " in f" {within}" for alias in listed)
                and not _said_of_us(within, also)):
            return f"\"{also}\""
        affected = _in(book, clause, "hard-impact") or _in(book, clause, "soft-impact")
        clause = _as_names(clause, known)
        rest = f" {clause.words}"
        for alias in sorted(listed, key=len, reverse=True):  # "card payments" is not a mention of "payments"
            rest = rest.replace(f" {alias} ", " | ")
        for name, aliases in others.items():
            if affected and any(_named_as_affected(alias, rest) and _written_as_a_name(alias, clause.original)
                                for alias in aliases):
                return name
        extra = _coordinated(clause.listing, clause.original, event, catalogue, language)
        if extra:
            return f"'{_as_written(extra, clause.original)}'"
    return None


# Where a sentence's clauses part: what one says is unaffected ("Search works normally, but Reports are failing")
# says nothing of the other's names, though the others are read together ("PDF exports are failing, so is Search").
_CLAUSE_BREAK = re.compile(r"\s*;\s*|:\s+|,?\s+(?=(?:but|while|whilst|though|although|whereas)\s)|,\s+(?=so\s)",
                           re.IGNORECASE)
# Other ways of writing "and" or "or" between names: "X as well as Y", "X & Y", "neither X nor Y is working"; and a
# slash ("PDF exports/Search"), read as a joint in lists only: beside a name it is more often a path ("Reports/Export").
_JOINED = [(re.compile(pattern), joint) for pattern, joint in [
    (r" (?:as well as|along with|together with|plus|&) ", " and "), (r" neither ", " "), (r" nor ", " or "),
    (r" (and|or) , [^,;:]{1,40}? , ", r" \1 "),  # "X and, to a lesser extent, Y"
]]
# "Affected:", "Impacted services:", then short bullet points or numbered items: the list they are.
_BULLETS = re.compile(r"(?m)^(?P<intro>[^\n]*:)[ \t]*\n(?:[ \t]*\n)?"
                      r"(?P<items>(?:[ \t]*(?:[-*+]|\d+[.)])[ \t]+[^\n]+\n?)+)")
_AFFECTED_INTRO = re.compile(r"\b(?:affected|impacted|down|unavailable|failing|degraded|disrupted)\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|no|never)\b|n't\b", re.IGNORECASE)
_WHOLE = str.maketrans({" ": "\u00b7", "/": "\u2044"})  # a name's joints kept inside it, as one word


def _named_as_affected(alias: str, words: str) -> bool:
    """Whether `words` name `alias` other than as a step to take instead ("use Reports instead", "go to Reports")."""
    for found in re.finditer(f" {re.escape(alias)} ", words):
        before = list(itertools.dropwhile(lambda word: word in _DETERMINERS or word in ("to", "into", "on"),
                                          reversed(words[:found.start()].split())))
        if not before or before[0] not in _COMMANDS:
            return True
    return False


def _without_unaffected(sentence: Sentence, book: Book) -> Sentence | None:
    """`sentence` without the clauses that say something works or is not affected; None when that is all it says
    (or says it across its clauses: "only London is affected")."""
    if not _in(book, sentence, "unaffected"):
        return sentence
    parts = [part for part in _CLAUSE_BREAK.split(sentence.original) if part.strip()]
    kept = [part for part in parts if not any(_in(book, each, "unaffected") for each in book.sentences(part))]
    rest = book.sentences("; ".join(kept)) if len(kept) < len(parts) else ()
    return rest[0] if len(rest) == 1 else None


def _as_names(sentence: Sentence, known: set[str]) -> Sentence:
    """`sentence` as names are matched in it: accents dropped (a "São Paulo" region declared as "Sao Paulo"), the
    `known` names that hold a joint themselves ("Billing & Invoicing", "Read/Write API", "Premium Plus") kept
    whole, and the other joints written as "and" or "or"."""
    def form(text: str, *, slash: bool) -> str:
        text = f" {_folded(text)} "
        for alias in sorted(known, key=len, reverse=True):
            if alias != _unprotected(alias):
                text = text.replace(f" {_unprotected(alias)} ", f" {alias} ")
        text = _joined(text)
        return (_split_slashes(text) if slash else text)[1:-1]
    return dataclasses.replace(sentence, original=_folded(sentence.original), words=form(sentence.words, slash=False),
                               listing=form(sentence.listing, slash=True))


def _split_slashes(words: str) -> str:
    """"PDF exports/Search" as "PDF exports and Search"; not a path or an address ("Settings/Reports/Export",
    "example.com/search")."""
    return " ".join(word.replace("/", " and ") if word.count("/") == 1 and "." not in word and word.strip("/") == word
                    else word for word in words.split(" "))


def _joined(words: str) -> str:
    """`words` (with a space at each end) with each joint between names written as "and" or "or"."""
    for pattern, joint in _JOINED:
        words = pattern.sub(joint, words)
    return words


def _name_form(alias: str) -> str:
    """A name as `_as_names` leaves it in a sentence: accents dropped, one word if it holds a joint."""
    alias = _folded(alias)
    return alias.translate(_WHOLE) if _joined(f" {alias} ") != f" {alias} " or "/" in alias else alias


def _unprotected(alias: str) -> str:
    return alias.replace("\u00b7", " ").replace("\u2044", "/")


def _folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _as_written(words: str, original: str) -> str:
    """`words` (normalised) as the text wrote them, for the message: "Voice chat", not "voice chat"."""
    found = re.search(r"\b" + r"[\s/&-]+".join(map(re.escape, _unprotected(words).split())) + r"\b", original,
                      re.IGNORECASE)
    return found[0] if found else words


def _bullets_as_lists(text: str) -> str:
    """Short bullet points under a line that says they are affected ("Affected:" then "* Login", "* Voice chat") as
    the one list they are ("Affected: Login and Voice chat."); longer points, and points under any other line
    ("What we know:", "If exports fail:"), stay sentences of their own."""
    def joined(found: re.Match) -> str:
        intro = found["intro"]
        if not _AFFECTED_INTRO.search(intro) or _NEGATED.search(intro):
            return found[0]
        items = [re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+|\s*\([^)]*\)", "", line).rstrip(" .;")  # "(slow)": a note
                 for line in found["items"].splitlines()]
        items = [item for item in items if item]
        if len(items) < 2 or any(len(item.split()) > 4 or re.search(r"[.!?:]|\s[-\u2013]\s", item)
                                 for item in items):
            return found[0]
        return f"{intro} {', '.join(items[:-1])} and {items[-1]}.\n"
    return _BULLETS.sub(joined, text)


def _clause(sentence: Sentence, words: str) -> str:
    """The clause of `sentence` (between commas and semicolons) that holds `words`, normalised."""
    clauses = [_words(part) + " " for part in re.split(r"[,;:]", sentence.original)]
    return next((c for c in clauses if f" {words} " in f" {c}"), None) or next(
        (c for c in clauses if words.split()[-1] in c.split()), sentence.words)


def _said_of_us(clause: str, words: str) -> bool:
    """Whether `words` ("also not") in `clause` say what we have not done yet ("we have also not found the cause"):
    our progress, not another part. Anything else said with them is a part affected, even of a pronoun ("we are
    also not able to send invoices", "they are also failing"): a missed part is worse than a warning to ignore."""
    padded = f" {clause}"
    at = padded.find(f" {words} ")
    before, after = padded[:at].split(), padded[at + len(words) + 2:].split()
    subject = next((word for word in reversed(before) if word not in _AUXILIARIES), None)
    return subject == "we" and words.endswith(" not") and after[:1] != [] and after[0] in _OUR_PROGRESS


def _coordinated(listing: str, original: str, event: Event, catalogue: Components | None,
                 language: str) -> str | None:
    """A name listed side by side with a listed region or component ("Dublin and Belfast") when the text names
    more of them than the incident lists: the extra one is the same kind of thing, and not listed."""
    for ids, regions in ((event.regions, True), (event.components, False)):
        aliases = _aliases(ids, catalogue, language, regions=regions)
        for alias in aliases:
            at = f" {listing}".find(f" {alias} ")
            if at < 0:
                continue
            conjuncts = _conjuncts(listing, at, alias)
            unmatched = [c for c in conjuncts if not any(set(a.split()) <= set(c.split()) for a in aliases)
                         and not re.search(r"\d[:.]\d|^\d+$", c) and (not regions or _looks_like_a_place(c, original))]
            if unmatched and len(conjuncts) > len(ids):
                return unmatched[0]
    return None


def _written_as_a_name(alias: str, original: str) -> bool:
    """A one-word name counts only when written with its capital ("API", "Payments"): "the app" and "payments"
    are everyday words before they are a component."""
    return " " in alias or "\u00b7" in alias or bool(re.search(
        rf"\b{re.escape(alias[0].upper())}{re.escape(alias[1:])}\b", original, re.IGNORECASE if alias.isupper() else 0))


def _looks_like_a_place(words: str, original: str) -> bool:
    """A place is written as a name ("Belfast", "US East") or an id ("eu-west-1"), not as a common noun."""
    found = re.search(r"\b" + r"\W+".join(map(re.escape, words.split())), original, re.IGNORECASE)
    return bool(found) and (found[0][0].isupper() or bool(re.search(r"[-\d]", found[0])))


def _conjuncts(listing: str, at: int, alias: str) -> list[str]:
    """The items of the list "A, B and C" that `alias` (found at `at` in a sentence's listing) is one of; only
    `alias` when "and" joins clauses or verb phrases to it rather than names."""
    before, after = listing[:at].split(), listing[at + len(alias) + 1:].split()
    preceding, opening = _items(before[::-1], reverse=True)
    following, closing = _items(after)
    # A verb for one subject after a list joined by "and" ("the dashboard and the loading is normal", "we moved
    # traffic to Frankfurt and London is back"): its last item is the subject of a clause of its own. With "or" the
    # verb agrees with one item anyway ("Search or PDF exports is failing"), and a list with nothing before it is a
    # list said carelessly ("Dublin and London is down").
    either = "or" in before[len(opening):] + after[:len(after) - len(closing)]
    if not either and _verb_after(closing) in _SINGULAR:
        if following:
            following, closing = [], after
        elif _joins_clauses(opening, closing, then=(before[len(opening):] or [""])[0]):
            preceding = []
    if _joins_clauses(opening if preceding else before[::-1], closing if following else after,
                      then=(before[len(opening):] if preceding else alias.split())[0]):
        # "We restarted the tablets and ordering and live tracking are back": the first "and" joins the clauses,
        # the second a list.
        return [alias, *following] if preceding else [alias]
    return [*preceding, alias, *following]


def _joins_clauses(opening: list[str], closing: list[str], then: str) -> bool:
    """True when "and" joins two clauses around what looked like a list: a verb follows it, so it would be that
    verb's subject, but its own clause already has a subject or a verb before it ("we rolled back the release and
    PDF exports are recovering"). A list that is a subject has none ("customers in London and Dublin cannot pay",
    "Search and PDF exports are slow", "Automated PDF exports and invoices are failing"), or follows a word that a
    clause follows ("we noticed Search and PDF exports are slow"). `opening` is the words before the list, nearest
    first; `then` the list's first word."""
    if not _verb_after(closing):
        return False
    clause = list(itertools.takewhile(lambda word: word not in _BREAKS, opening))
    if next((word for word in clause if word not in _DETERMINERS), None) in _REPORTING:
        return False
    return _has_verb(clause[::-1], then)


def _has_verb(words: list[str], then: str) -> bool:
    """Whether a clause (`words` as written, `then` the word after it) has a subject or a verb: a pronoun, a verb
    like "is" or "continues", or a past tense after its subject ("caches cleared") or before an article
    ("migrated the volumes")."""
    return any(word in _PRONOUNS | _PREDICATES or _is_verb_after(previous, word) or _is_past(word) and following
               in _DETERMINERS for previous, word, following in zip([None, *words], words, [*words[1:], then]))


def _verb_after(closing: list[str]) -> str | None:
    """The verb a list would be the subject of: right after it, or after words its last item leads ("block storage
    latency is back", "e-tickets for tonight's shows are in your account"). A past tense counts only near the list:
    further on it is more often an adjective ("for affected customers")."""
    for index, word in enumerate(closing[:5]):
        if word in _PREDICATES or (_is_past(word) and (index == 0 or index == 1 and closing[0] not in _STOP)):
            return word
        if word in _BREAKS or word in _PRONOUNS:
            return None
    return None


def _items(tokens: list[str], *, reverse: bool = False) -> tuple[list[str], list[str]]:
    """The list items at the start of `tokens` (read backwards with `reverse`), and the tokens after them, from
    the "and" or comma where the list ends. Commas alone join clauses as often as lists ("the API, you will not"):
    an "and" or "or" makes it a list."""
    items, joined = [], False
    while tokens and tokens[0] in (",", "and", "or"):
        if not items and tokens[:2] in ([",", "and"], ["and", ","]):  # ", and" after one item starts a clause
            break
        joints = list(itertools.takewhile(lambda token: token in (",", "and", "or"), tokens))
        joined = joined or set(joints) != {","}
        rest = tokens[len(joints):]
        item = _item(rest, reverse=reverse)
        words = item[::-1] if reverse else item
        read_before = rest[len(item)] if reverse and len(rest) > len(item) else None
        if not _is_a_name(words, read_before) or not reverse and _part_of_it(rest[len(item):]):
            break  # "applied a fix and PDF exports", "PDF exports and the queue behind them": the list ends here
        tokens = rest[len(item):]
        cleaned = _LISTED_TOO.sub("", " ".join(words)).strip()
        if cleaned and cleaned not in _STOP | _NOT_NAMES and cleaned.split()[-1] not in _NOT_PARTS:
            items.append(cleaned)
    return (items if joined else []), tokens


def _item(tokens: list[str], *, reverse: bool) -> list[str]:
    """The words of one list item at the start of `tokens` (in their order), up to three; it ends at a word that
    ends a list item (`_STOP`), at a past tense used as a verb after the name ("and invoices failed"), and, read
    backwards, at a verb a clause follows ("we noticed | invoices and PDF exports are slow")."""
    item: list[str] = []
    for token in tokens:
        if token in (",", "and", "or") or len(item) == 3 or (token in _STOP and (item or token not in _LEAD)):
            break
        if reverse and token in _REPORTING or not reverse and _is_verb_after((item or [None])[-1], token):
            break
        item.append(token)
    return item


def _is_a_name(words: list[str], read_before: str | None = None) -> bool:
    """Whether a list item (`words`, after `read_before` in its clause) can name a component or a place ("the seat
    map", "e-ticket downloads", "Managed databases", "the scheduled reports") rather than be a verb phrase or a
    clause ("applied a fix", "the engineer rebuilt caches", "monitoring continues", "rollback complete"): a name
    holds no article, linking verb or word of a finished step after its first word, and no past tense after a word
    that could be its subject. (Items already end at a pronoun or an auxiliary verb, see `_STOP`.)"""
    later = _LISTED_TOO.sub("", " ".join(words)).split()[1:]
    if set(later) & (_DETERMINERS | _LINKING | _DONE) or words[:1] and words[0] in _COMMANDS:
        return False
    return not any(_is_verb_after(previous, word) for previous, word in zip([read_before, *words], words))


def _is_verb_after(previous: str | None, word: str) -> bool:
    """Whether `word` is a past tense used as a verb: after a word that could be its subject ("caches cleared",
    "we rolled back"), not at the start of a clause or after an article ("Automated reports", "the hosted
    checkout"), where it describes a name."""
    return _is_past(word) and previous is not None and previous not in _NO_SUBJECT


def _is_past(word: str) -> bool:
    return bool(_PAST.fullmatch(word)) or word in _IRREGULAR_PAST


def _part_of_it(rest: list[str]) -> bool:
    """Whether the words after a list item point back at what came before ("the queue behind them"): the item is a
    piece of the part already named, not another part."""
    return rest[:1] != [] and rest[0] in _PREPOSITIONS and rest[1:2] in (["them"], ["it"])


def _aliases(ids: list[str], catalogue: Components | None, language: str, *, regions: bool) -> set[str]:
    """How a text in `language` may name the listed `ids`: by id, by name in its language or as first written
    (a translation may keep a product's own name), or by a region's places."""
    declared = {item.id: item for item in (catalogue.regions if regions else catalogue.all)} if catalogue else {}
    found = set()
    for item in ids:
        known = declared.get(item)
        names = [known.name, _name_in(known, language), *getattr(known, "places", [])] if known else [item]
        found |= {item, item.replace("-", " "), *map(_words, names)}
    return {_name_form(alias) for alias in found if alias}


def _declared(catalogue: Components | None, event: Event, language: str) -> dict[str, set[str]]:
    """The site's other components (and regions, when the incident names some), by how a text in `language` may
    name them: by their name in that language."""
    if catalogue is None:
        return {}
    found = {f"'{_name_in(c, language)}'": {c.id.replace("-", " "), _words(_name_in(c, language))}
             for c in catalogue.all if c.id not in event.components}
    if event.regions:
        found |= {f"'{_name_in(r, language)}'": {r.id.replace("-", " "), _words(_name_in(r, language)),
                                                  *map(_words, r.places)}
                  for r in catalogue.regions if r.id not in event.regions}
    return {name: {_name_form(alias) for alias in aliases if len(alias) > 2} for name, aliases in found.items()}


def blames_person(event: Event, context) -> Iterator[Found]:
    for path, text in texts(event):
        book = book_for(event, path, context)
        if not book.reads(*BLAME):
            continue
        framed = book["system-framing"].found_in(text)  # "...that is what we are fixing, not the person"
        for sentence in book.sentences(text):
            if _blames(sentence, framed, book):
                yield ("blames-person", path,
                       "the text blames a person; say what in the system let the mistake through and what changes "
                       "(\"the deploy tool allowed an untested change to reach every server\"), and leave names out")
                break


def _blames(sentence: Sentence, framed: bool, book: Book) -> bool:
    """A person punished, or named as the one who made the mistake: always blame. A role ("an engineer") who
    made it: blame, unless the text says the system let it through."""
    if _in(book, sentence, "person-punished"):
        return _in(book, sentence, "person-at-fault") or bool(_PERSON_SUBJECT.search(sentence.original))
    if _in(book, sentence, "credit") or not _in(book, sentence, "person-mistake"):
        return False
    named = _NAMED.search(sentence.original) or _named_subject(sentence.original)
    return bool(named) or (_in(book, sentence, "person-at-fault") and not framed)


def _named_subject(original: str) -> bool:
    """A name right before a mistake ("Tom Baker ran the migration by mistake", "caused by Priya, who pushed an
    untested change"): the verb alone is not enough ("Dumfries ran along one route", "Fix deployed at 12:20")."""
    if not _MISTAKE.search(original):
        return False
    for found in _NAME_THEN_VERB.finditer(original):
        if not set(found["name"].lower().split()) & _NOT_NAMES:
            return True
    return False


def _in(book: Book, sentence: Sentence, kind: str) -> bool:
    return book[kind].matches(sentence) is not None


def _words(text: str) -> str:
    return " ".join(s.words.strip() for s in sentences(text))


def _excerpt(sentence: Sentence) -> str:
    """The sentence as written, shortened, for the author to find it in the file."""
    text = sentence.original
    return f"\"{text if len(text) <= 70 else text[:67].rstrip() + '...'}\""


TEXT_CHECKS = [minimising_language, no_closure, incomplete_postmortem, unsigned_update, no_next_update,
               contradicts_status, understated_impact, unlisted_affected, blames_person]
