"""Lint per language: the rules that read words read only texts in a language they have a phrase book for (the
site's language), the rules on data run whatever the language. Real German, French, Spanish and Arabic updates
with words that look like English ("Problem", "nur", "einfach", "simplement", "offline"), through the real loader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import MINIMAL_HUB, NOW
from supporttab.authoring.lint import lint, wording_notice
from supporttab.config import Options
from supporttab.site import load_site
from test_cli import run
from test_lint import COMPONENTS, TEAM

# One outage told well in each language: acknowledged with a promise, resolved with what works again, what to do
# and when the explanation follows, and a postmortem with an apology, a cause and a change.
WELL_TOLD = {
    "de": {
        "ack": "Seit 09:00 schlagen Kartenzahlungen fehl. Das Problem betrifft nur Kunden in Österreich. Die App "
               "bleibt online. Wir arbeiten daran; das nächste Update kommt um 10:00.",
        "resolved": "Kartenzahlungen funktionieren seit 09:50 wieder. Wenn eine Zahlung fehlgeschlagen ist, zahlen Sie "
                    "einfach noch einmal. Bis Freitag erklären wir, was passiert ist.",
        "apology": "Es tut uns leid: 50 Minuten lang konnten Sie nicht mit Karte zahlen.",
        "cause": "Um 08:55 lief ein Zertifikat unseres Zahlungsdienstes ab, weil die automatische Verlängerung nach "
                 "einem Umzug nicht mehr lief.",
        "prevention": "Zertifikate werden jetzt täglich geprüft; 30 Tage vor Ablauf werden wir alarmiert.",
    },
    "fr": {
        "ack": "Depuis 09:00, les paiements par carte échouent. Le problème touche uniquement nos clients en "
               "Belgique. Prochaine mise à jour à 10:00.",
        "resolved": "Les paiements par carte fonctionnent de nouveau depuis 09:50. Si un paiement a échoué, il suffit "
                    "simplement de le refaire. Nous publierons une analyse vendredi.",
        "apology": "Nous sommes désolés : pendant 50 minutes, vous n'avez pas pu payer par carte.",
        "cause": "À 08:55, un certificat de notre prestataire de paiement a expiré, car son renouvellement "
                 "automatique ne fonctionnait plus.",
        "prevention": "Nous vérifions désormais les certificats chaque jour et recevons une alerte 30 jours avant "
                      "leur expiration.",
    },
    "es": {
        "ack": "Desde las 09:00 fallan los pagos con tarjeta. El problema solo afecta a clientes en España. Próxima "
               "actualización a las 10:00.",
        "resolved": "Los pagos con tarjeta vuelven a funcionar desde las 09:50. Si un pago falló, simplemente vuelva "
                    "a intentarlo. El viernes publicaremos qué ocurrió.",
        "apology": "Lo sentimos: durante 50 minutos no pudo pagar con tarjeta.",
        "cause": "A las 08:55 caducó un certificado de nuestro proveedor de pagos, porque su renovación automática "
                 "había dejado de funcionar.",
        "prevention": "Ahora revisamos los certificados cada día y recibimos una alerta 30 días antes de que caduquen.",
    },
    "ar": {
        "ack": "منذ الساعة 09:00 تفشل المدفوعات بالبطاقة. المشكلة تؤثر فقط على العملاء في مصر. التحديث التالي "
               "الساعة 10:00.",
        "resolved": "عادت المدفوعات بالبطاقة للعمل منذ الساعة 09:50. إذا فشلت عملية دفع، فما عليك سوى إعادة "
                    "المحاولة. سننشر شرحاً لما حدث يوم الجمعة.",
        "apology": "نعتذر لكم: لمدة 50 دقيقة لم تتمكنوا من الدفع بالبطاقة.",
        "cause": "في الساعة 08:55 انتهت صلاحية شهادة لدى مزود الدفع لدينا، لأن التجديد التلقائي توقف عن العمل.",
        "prevention": "نفحص الآن الشهادات يومياً ونتلقى تنبيهاً قبل 30 يوماً من انتهاء صلاحيتها.",
    },
}
LANGUAGES = list(WELL_TOLD)


def incident(texts: dict[str, str], *, day: str = "2026-11-23", resolved: bool = True, promise: bool = True,
             started: str = "08:55", acknowledged: str = "09:00", postmortem: bool = True) -> str:
    ack = {"at": f"{day}T{acknowledged}:00+00:00", "status": "investigating", "author": "patty", "body": texts["ack"]}
    if promise:
        ack["next_update_by"] = f"{day}T10:00:00+00:00"
    data = {"title": "Kartenzahlungen", "impact": "major", "components": ["api"], "started_at":
            f"{day}T{started}:00+00:00", "updates": [ack]}
    if resolved:
        data["updates"].append({"at": f"{day}T10:00:00+00:00", "status": "resolved", "author": "patty",
                                "body": texts["resolved"]})
    if resolved and postmortem:
        data["postmortem"] = {"published_at": f"{day}T11:00:00+00:00", "author": "patty",
                              **{part: texts[part] for part in ("apology", "cause", "prevention")}}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def rules(tmp_path: Path, text: str, language: str) -> list[str]:
    files = {"content/hub.yml": MINIMAL_HUB, "incidents/components.yml": COMPONENTS, "incidents/api.yml": text,
             **TEAM}
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    data = load_site(tmp_path, tmp_path / "content", Options(), NOW, keep_documents=True)
    return [f.rule for f in lint(data.status, data.status.documents, NOW, {}, data.team,
                                 data.hub.organization.name, language=language)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_english_rules_do_not_read_other_languages(tmp_path: Path, language: str) -> None:
    text = incident(WELL_TOLD[language])
    assert rules(tmp_path, text, language) == []
    # Read as English, the same honest texts would be wrongly found wanting: no closure, no apology.
    assert {"no-closure", "incomplete-postmortem"} <= set(rules(tmp_path, text, "en"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_rules_on_data_run_whatever_the_language(tmp_path: Path, language: str) -> None:
    texts = WELL_TOLD[language]
    assert rules(tmp_path, incident(texts, started="08:15"), language) == ["slow-acknowledgement"]
    assert rules(tmp_path, incident(texts, day="2026-11-10", postmortem=False), language) == ["missing-postmortem"]
    open_late = incident(texts, resolved=False)  # the promise of 10:00 fell due two hours ago
    assert rules(tmp_path, open_late, language) == ["stale-incident"]
    # The promise in words counts only in a language with words for it; everywhere else, next_update_by does.
    unpromised = rules(tmp_path, incident(texts, resolved=False, promise=False, started="11:25",
                                          acknowledged="11:30"), language)
    assert unpromised == ([] if language == "de" else ["no-next-update"])


@pytest.mark.parametrize("tag", ["de", "de-AT", "de_CH", "DE"])
def test_a_german_site_reads_german_minimising_words(tmp_path: Path, tag: str) -> None:
    texts = {**WELL_TOLD["de"], "ack": "Die Störung dauerte nur wenige Minuten. Nächstes Update um 10:00."}
    assert rules(tmp_path, incident(texts), tag) == ["minimising-language"]


@pytest.mark.parametrize("body", [
    "Die Störung dauerte nur wenige Minuten.",  # a short duration made shorter
    "Es handelte sich lediglich um ein kleines Problem.",
    "Der Ausfall war nach nur 10 Minuten vorbei.",
    "Es gab nur einen kleinen Schluckauf.",
    "Die Auswirkungen waren vernachlässigbar.",
    "Kein Grund zur Sorge.",
    "Einige Nutzer könnten eine leichte Verzögerung bemerkt haben.",  # hedged
    "Wir entschuldigen uns für etwaige Unannehmlichkeiten.",
    "Nur ein kleiner Teil der Kunden war betroffen.",  # a vague small number
    "Vereinzelt konnten sich Kunden nicht anmelden.",
    "Der Dienst war kurzzeitig nicht erreichbar.",  # a size without a number
    "Die Seiten luden etwas langsamer.",
    "Das Problem lag ausschließlich bei unserem Hosting-Anbieter.",  # blame shifted away
])
def test_german_minimising_language(tmp_path: Path, body: str) -> None:
    texts = {**WELL_TOLD["de"], "ack": f"{body} Nächstes Update um 10:00."}
    assert rules(tmp_path, incident(texts), "de") == ["minimising-language"]


@pytest.mark.parametrize("body", [
    "Nur Kunden in Österreich sind betroffen; Kartenzahlungen schlagen seit 09:10 fehl.",  # "nur" says who
    "Die App war nur in Wien nicht erreichbar.",
    "Zahlungen sind derzeit nur per Überweisung möglich.",
    "Wir haben das Problem gefunden: ein Zertifikat ist abgelaufen.",
    "Melden Sie sich einfach erneut an.",
    "Das war kein kleines Problem: zwei Stunden lang konnten Sie keine Rechnungen senden.",
    "Die Seiten luden 3 Sekunden langsamer.",  # a number says how much
])
def test_the_same_german_words_used_honestly_stay_quiet(tmp_path: Path, body: str) -> None:
    texts = {**WELL_TOLD["de"], "ack": f"{body} Nächstes Update um 10:00."}
    assert rules(tmp_path, incident(texts), "de") == []


@pytest.mark.parametrize(("apology", "fires"), [
    ("Es tut uns leid, falls Sie betroffen waren.", True),  # conditional
    ("Wir bedauern die Unannehmlichkeiten.", True),  # stock words
    ("Dieser Bericht beschreibt den Ablauf der Störung.", True),  # no apology at all
    ("Wir entschuldigen uns: 50 Minuten lang konnten Sie nicht mit Karte zahlen.", False),
    ("Wir haben Sie im Stich gelassen, und das tut uns leid.", False),
])
def test_a_german_postmortem_says_sorry_plainly(tmp_path: Path, apology: str, fires: bool) -> None:
    found = rules(tmp_path, incident({**WELL_TOLD["de"], "apology": apology}), "de")
    assert ("incomplete-postmortem" in found) is fires


def test_the_notice_names_the_languages_read(tmp_path: Path) -> None:
    assert wording_notice("en") is None and wording_notice("de-AT") is None
    assert wording_notice("fr") == ("the rules on wording read English and German only, and this site's language "
                                    "is 'fr': its texts are checked by the rules on data alone (timing, promised "
                                    "updates, postmortems)")


def set_language(site: Path, language: str) -> None:
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^  language: .*$", f"  language: {language}", text, count=1), encoding="utf-8")


def test_check_says_once_that_a_site_language_has_no_wording_rules(site: Path) -> None:
    set_language(site, "fr")
    incident_file = site / "incidents" / "2026-11-22-slow-pdf-exports.yml"
    incident_file.write_text(incident_file.read_text(encoding="utf-8").replace(
        "    body: |\n", "    body: |\n      It was just a minor hiccup.\n", 1), encoding="utf-8")
    result = run(site, "check")
    assert result.returncode == 0
    assert [line.rsplit(" ", 1)[1] for line in result.stdout.splitlines()] == ["[stale-incident]"]  # data only
    assert result.stderr.count("notice:") == 1 and result.stderr.startswith(
        "supporttab: notice: the rules on wording read English and German only, and this site's language is 'fr'")
    github = run(site, "check", "--format", "github").stdout
    assert github.count("::notice title=wording rules::") == 1
    set_language(site, "en")
    english = run(site, "check")
    assert "[minimising-language]" in english.stdout and "notice" not in english.stderr
