"""The <support-tab> widget in headless Chromium, on a company's own page at another origin: a plain page and a
hostile one (a stylesheet that resets everything and a strict Content-Security-Policy), keyboard only, axe on the
open panel, without its JSON, and with script payloads in every authored field."""

from __future__ import annotations

import http.server
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import yaml
from conftest import PHONE, axe_violations, copy_example_site, run_mkdocs_build, serve, serve_handler
from playwright.sync_api import expect
from test_hostile_input import CORPUS, poison_site

pytestmark = pytest.mark.browser

MONDAY_MORNING = "2026-11-23T10:00:00Z"
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Brightwell: invoices</title>
{head}</head><body><main><h1>Your invoices</h1><p><a href="#new">New invoice</a></p>
<p>Invoice INV-0042 is due on 30 November.</p>{inline}</main>
{edge}{script}</body></html>"""
# How the product loads the script: as the snippet says, as a module, or added by a script of its own. The last
# two leave document.currentScript empty, so the widget has to find its own address.
LOADERS = {
    "defer": '<script src="{support}widget/support-tab.js" defer></script>',
    "module": '<script type="module" src="{support}widget/support-tab.js"></script>',
    "inserted": "<script>var s = document.createElement('script'); s.type = 'module'; "
                "s.src = '{support}widget/support-tab.js'; document.body.append(s);</script>",
}
EDGE = "<support-tab></support-tab>"
INLINE = "<p>Stuck with an invoice? <support-tab inline>Ask us</support-tab> and we will sort it out.</p>"
# A host page at its worst: every property of every element reset and overridden with !important.
RESET = ("*, *::before, *::after { all: unset !important; font: italic 40px/3 serif !important; "
         "color: red !important; letter-spacing: 4px !important; text-transform: uppercase !important; }")
# As strict as a policy gets while allowing the widget: its script and its JSON from the support site, and
# nothing else from anywhere (styles only from the product's own origin, no inline code, Trusted Types enforced).
CSP = ("default-src 'none'; script-src {support}; connect-src {support}; style-src 'self'; img-src 'none'; "
       "form-action 'none'; base-uri 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; "
       "trusted-types 'none'")


class _CorsHandler(http.server.SimpleHTTPRequestHandler):
    """The support site as GitHub Pages serves it: every file with `Access-Control-Allow-Origin: *`."""

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class _ProductHandler(http.server.BaseHTTPRequestHandler):
    """The company's own web app, another origin than the support site: `/?support=URL` is a page with the
    widget from the support site at URL; `&hostile=1` adds the reset stylesheet and the strict CSP; `&inline=1`
    puts the widget in a sentence; `&load=` names one of the LOADERS."""

    def do_GET(self) -> None:
        query = parse_qs(urlsplit(self.path).query)
        if self.path != "/reset.css" and "support" not in query:
            self.send_response(204)  # the browser's favicon request
            self.end_headers()
            return
        if self.path == "/reset.css":
            body, headers = RESET, {"Content-Type": "text/css"}
        else:
            support, hostile = query["support"][0], "hostile" in query
            headers = {"Content-Type": "text/html; charset=utf-8"}
            if hostile:
                headers["Content-Security-Policy"] = CSP.format(support=support.rstrip("/"))
            inline = "inline" in query
            script = LOADERS[query.get("load", ["defer"])[0]].format(support=support)
            body = PAGE.format(head='<link rel="stylesheet" href="/reset.css">' if hostile else "", support=support,
                               inline=INLINE if inline else "", edge="" if inline else EDGE, script=script)
        self.send_response(200)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def support(built_example: Path):
    server, url = serve(built_example, _CorsHandler)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def product_url():
    server, url = serve_handler(_ProductHandler)
    yield url.replace("127.0.0.1", "localhost")  # another origin than the support site
    server.shutdown()


@pytest.fixture
def product(chromium, support, product_url):
    """Open the product's page with the widget on it: plain or hostile, at a viewport and colour scheme.
    `page.problems` collects console errors, script errors and failed requests; `page.requests` every URL."""
    contexts = []

    def _open(*, hostile: bool = False, viewport: dict = PHONE, scheme: str = "light", motion: str = "no-preference",
              site: str | None = None, block_json: bool = False, init: str | None = None, inline: bool = False,
              now: str = MONDAY_MORNING, timezone: str = "Europe/London", load: str = "defer", serve=None):
        site = site or support
        context = chromium.new_context(viewport=viewport, color_scheme=scheme, reduced_motion=motion,
                                       locale="en-GB", timezone_id=timezone)
        contexts.append(context)
        if block_json:
            context.route("**/support-tab.json", lambda route: route.abort("internetdisconnected"))
        if serve:  # serve(route) answers every request for the JSON
            context.route("**/support-tab.json", serve)
        if init:
            context.add_init_script(init)
        page = context.new_page()
        page.problems, page.requests = [], []
        page.on("console", lambda m: page.problems.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: page.problems.append(f"error: {e}"))
        page.on("requestfailed", lambda r: page.problems.append(f"failed: {r.url}"))
        page.on("request", lambda r: page.requests.append(r.url))
        page.clock.set_fixed_time(now)
        query = {"support": site, "load": load, **({"hostile": 1} if hostile else {}),
                 **({"inline": 1} if inline else {})}
        page.goto(product_url + "?" + urlencode(query))
        page.wait_for_function("!!customElements.get('support-tab')")
        return page

    yield _open
    for context in contexts:
        context.close()


def open_panel(page, settled: str = "PDF exports: slower than usual."):
    page.locator(".tab").click()
    dialog = page.get_by_role("dialog", name="Help from Brightwell")
    dialog.wait_for(state="visible")
    page.locator(".state").get_by_text(settled).wait_for()
    return dialog


def assert_panel_answers(page, support: str) -> None:
    """The status in plain words, the latest signed update linked, how to reach a person, the top articles."""
    state = page.locator(".state")
    assert state.locator("p").first.inner_text() == "PDF exports: slower than usual."
    incident = state.get_by_role("link", name="PDF exports are slow")
    assert incident.get_attribute("href") == support + "incidents/2026-11-22-slow-pdf-exports/"
    assert state.locator(".sig").inner_text().startswith("— Patty Hughes, 22 Nov")
    assert state.locator(".sig").inner_text().endswith(" your time")  # the reader's clock, and it says so
    assert page.locator(".open").inner_text() == "Open now until 20:00."
    phones = page.locator(".channels a[href^='tel:']")
    assert phones.first.get_attribute("href") == "tel:+442079460321"
    assert phones.first.inner_text() == "+44 20 7946 0321" and phones.first.is_visible()
    article = page.get_by_role("link", name="Reset your password")
    assert article.get_attribute("href") == support + "articles/reset-password/"
    assert article.get_attribute("target") == "_blank"


def test_on_a_plain_page_the_panel_answers_and_nothing_leaves_for_anywhere_else(product, support) -> None:
    page = product()
    tab = page.get_by_role("button", name="Help", exact=True)
    expect(tab).to_have_accessible_description("Something is not working right now.")
    assert tab.get_attribute("aria-haspopup") == "dialog" and tab.get_attribute("aria-expanded") == "false"
    box = tab.bounding_box()
    assert box["x"] + box["width"] == PHONE["width"] and box["height"] >= 44  # at the screen's edge
    open_panel(page)
    assert tab.get_attribute("aria-expanded") == "true"
    assert_panel_answers(page, support)
    assert page.problems == []
    assert sorted(set(page.requests)) == [support + "widget/support-tab.js", support + "widget/support-tab.json",
                                          page.url]
    assert page.context.cookies() == []


def test_search_opens_the_support_sites_search_in_a_new_tab(product, support) -> None:
    page = product()
    open_panel(page)
    page.get_by_role("searchbox", name="Search the help articles").fill("card declined")
    with page.context.expect_page() as opened:
        page.keyboard.press("Enter")
    assert opened.value.url == support + "?q=card+declined"
    assert page.locator("dialog").is_hidden()  # the product is left as it was


LAYOUT_SHIFT = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => list.getEntries().forEach(e => { total += e.value; }))
        .observe({type: 'layout-shift', buffered: true});
    setTimeout(() => resolve(total), 300); })"""


def test_the_widget_takes_no_space_and_shifts_nothing_on_the_host_page(product) -> None:
    page = product()
    page.wait_for_function("document.querySelector('support-tab').shadowRoot.querySelector('.tab')")
    assert page.evaluate(LAYOUT_SHIFT) == 0
    size = page.evaluate("(() => { const r = document.querySelector('support-tab').getBoundingClientRect();"
                         " return [r.width, r.height]; })()")
    assert size == [0, 0]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_inline_it_is_a_button_in_the_sentence_that_moves_nothing(product, support) -> None:
    page = product(inline=True)
    sentence = page.locator("main p").last
    button = page.get_by_role("button", name="Ask us")
    expect(button).to_have_accessible_description("Something is not working right now.")
    assert page.evaluate(LAYOUT_SHIFT) == 0  # the text after the button stayed where it was
    assert button.evaluate("e => [getComputedStyle(e).position, getComputedStyle(e).fontFamily]") == [
        "static", sentence.evaluate("e => getComputedStyle(e).fontFamily")]  # in the page's own font
    button.focus()
    page.keyboard.press("Enter")
    page.locator(".state").get_by_text("PDF exports: slower than usual.").wait_for()
    assert_panel_answers(page, support)
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")  # set when the dialog's close event comes
    page.wait_for_function("document.activeElement.shadowRoot.activeElement.getAttribute('aria-expanded') === "
                           "'false'")  # and the focus is back on the button
    assert page.problems == []


def test_a_hostile_page_neither_breaks_the_widget_nor_is_broken_by_it(product, support) -> None:
    page = product(hostile=True)
    page.wait_for_function("getComputedStyle(document.querySelector('h1')).fontStyle === 'italic'")  # reset on
    host_sheets = page.evaluate("document.styleSheets.length")
    tab = page.locator(".tab")
    assert tab.evaluate("e => [getComputedStyle(e).position, getComputedStyle(e).fontSize, "
                        "getComputedStyle(e).fontStyle]") == ["fixed", "15px", "normal"]
    open_panel(page)
    assert_panel_answers(page, support)
    looks = page.locator("dialog h2").evaluate("""e => { const s = getComputedStyle(e);
        return [s.fontSize, s.fontStyle, s.letterSpacing, s.textTransform, s.color === 'rgb(255, 0, 0)']; }""")
    assert looks == ["19px", "normal", "normal", "none", False]
    assert page.locator("dialog").evaluate("e => e.getBoundingClientRect().width") == PHONE["width"]
    # The widget added no style to the page itself, and the CSP refused nothing (a refusal is a console error).
    assert page.evaluate("[document.styleSheets.length, document.adoptedStyleSheets.length]") == [host_sheets, 0]
    assert page.problems == []


def test_keyboard_only_opens_goes_round_the_panel_and_returns(product) -> None:
    page = product()
    page.locator(".tab").wait_for()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "New invoice"
    page.keyboard.press("Tab")
    focused = "(() => { const a = document.activeElement; return a.localName === 'support-tab' ? " \
              "a.shadowRoot.activeElement.textContent.trim() : 'page: ' + a.textContent.trim(); })()"
    assert page.evaluate(focused) == "Help"
    page.keyboard.press("Enter")
    page.locator(".state").get_by_text("PDF exports: slower than usual.").wait_for()
    assert page.evaluate(focused) == "×"  # the close button, "Close" to a screen reader
    controls = page.evaluate("document.querySelector('support-tab').shadowRoot"
                             ".querySelectorAll('dialog a[href], dialog button, dialog input').length")
    assert controls > 10
    seen = []
    for _ in range(controls):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(focused))
    assert seen[-1] == "×" and len(set(seen)) == controls  # every control once, then round to the start
    assert not [stop for stop in seen if stop.startswith("page: ")]  # never out to the page behind
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(focused) == "All help from Brightwell"
    page.keyboard.press("Escape")
    assert page.locator("dialog").is_hidden()
    assert page.evaluate(focused) == "Help"
    expect(page.locator(".tab")).to_have_attribute("aria-expanded", "false")


@pytest.mark.parametrize(("reader_zone", "now", "expected"), [
    pytest.param("Europe/London", "2026-11-23T19:59:00Z", "Open now until 20:00.", id="a-minute-before-closing"),
    pytest.param("America/New_York", "2026-11-23T10:00:00Z", "Open now until 20:00 (your time 15:00).",
                 id="in-the-readers-time"),
    pytest.param("Europe/London", "2026-11-22T12:00:00Z", "Closed now. Opens tomorrow 08:00.", id="closed-sunday"),
    pytest.param("Asia/Tokyo", "2026-11-22T12:00:00Z", "Closed now. Opens tomorrow 08:00 (your time 17:00).",
                 id="sunday-night-in-tokyo"),
    pytest.param("Europe/London", "2026-11-23T07:00:00Z", "Closed now. Opens today 08:00.", id="opens-later-today"),
    pytest.param("Europe/London", "2026-12-25T12:00:00Z", "Closed now. Opens Monday 08:00.",
                 id="christmas-and-boxing-day-closures"),
    pytest.param("Europe/London", "2026-11-28T13:00:00Z", "Open now until 14:00.", id="saturday-short-day"),
])
def test_open_now_says_the_teams_hours_and_the_readers_time(product, reader_zone, now, expected) -> None:
    page = product(block_json=True, timezone=reader_zone, now=now)  # the hours baked in are enough
    open_panel(page, settled="We could not load the current status.")
    assert page.locator(".open").inner_text() == expected


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_open_panel(product, scheme: str) -> None:
    page = product(scheme=scheme)
    open_panel(page)
    assert axe_violations(page) == []
    background = page.locator("dialog").evaluate("e => getComputedStyle(e).backgroundColor")
    assert background == ("rgb(255, 255, 255)" if scheme == "light" else "rgb(29, 32, 39)")


@pytest.mark.parametrize(("motion", "animation"), [("no-preference", "slide"), ("reduce", "none")])
def test_the_panel_slides_in_only_when_motion_is_welcome(product, motion: str, animation: str) -> None:
    page = product(motion=motion)
    open_panel(page)
    assert page.locator("dialog").evaluate("e => getComputedStyle(e).animationName") == animation


def test_theming_variables_reach_inside(product) -> None:
    page = product()
    page.evaluate("document.querySelector('support-tab').style.setProperty('--support-tab-accent', 'rgb(0, 90, 50)')")
    assert page.locator(".tab").evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(0, 90, 50)"


@pytest.mark.parametrize("cause", ["no-network", "no-cors-header"])
def test_without_its_json_the_panel_still_shows_every_channel(product, support, example_url, cause: str) -> None:
    # example_url serves the same site without Access-Control-Allow-Origin: the browser refuses the JSON.
    site = example_url if cause == "no-cors-header" else support
    page = product(block_json=cause == "no-network", site=site)
    tab = page.get_by_role("button", name="Help", exact=True)
    open_panel(page, settled="We could not load the current status.")
    assert tab.is_visible()
    expect(tab).to_have_accessible_description("")  # nothing to say about a status it could not load
    status_link = page.locator(".state").get_by_role("link", name="See the status page")
    assert status_link.get_attribute("href") == site + "status/"
    hrefs = page.locator(".channels a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs == ["tel:+442079460321", "tel:+14155550132", "https://brightwell.example/chat",
                     "mailto:help@brightwell.example", "https://brightwell.example/contact/billing"]
    assert page.locator(".open").inner_text() == "Open now until 20:00."
    assert page.get_by_role("link", name="Reset your password").is_visible()


BAKED_CHANNELS = ["tel:+442079460321", "tel:+14155550132", "https://brightwell.example/chat",
                  "mailto:help@brightwell.example", "https://brightwell.example/contact/billing"]


def answer(body: str, status: int = 200, content_type: str = "application/json"):
    """A route handler that answers the JSON's request with `body`, as the support site would (CORS allowed)."""
    return lambda route: route.fulfill(status=status, body=body, content_type=content_type,
                                       headers={"Access-Control-Allow-Origin": "*"})


BROKEN_JSON = {
    "empty-object": answer("{}"),
    "null": answer("null"),
    "a-list": answer("[1, 2, 3]"),
    "wrong-types": answer(json.dumps({"name": 42, "status": "down", "channels": {"tel": 1}, "articles": 7,
                                      "hours": [], "hub": None, "search": ["x"], "search_label": {}})),
    "wrong-items": answer(json.dumps({"status": {"text": ["x"], "tone": "good"}, "channels": [None, 1, "tel:+1",
                                      {"label": 1, "href": "tel:+1", "text": "+1"}], "articles": [[]] * 5000})),
    "unknown-tone": answer(json.dumps({"status": {"text": "Fine.", "tone": "<b>", "url": "status/"}})),
    "malformed": answer('{"status": {"text": "Fine.", "tone": '),
    "server-error": answer('{"status": {}}', status=500),
    "html-instead": answer("<!doctype html><title>Not found</title><p>Not found", content_type="text/html"),
}


@pytest.mark.parametrize("reply", BROKEN_JSON.values(), ids=BROKEN_JSON.keys())
def test_a_json_of_the_wrong_shape_counts_as_failed_and_the_baked_details_show(product, reply) -> None:
    page = product(serve=reply)
    tab = page.get_by_role("button", name="Help", exact=True)
    open_panel(page, settled="We could not load the current status.")
    expect(tab).to_have_accessible_description("")
    assert page.locator("dialog h2").inner_text() == "Help from Brightwell"
    hrefs = page.locator(".channels a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs == BAKED_CHANNELS
    assert page.locator(".open").inner_text() == "Open now until 20:00."
    assert page.get_by_role("link", name="Reset your password").is_visible()
    assert not [p for p in page.problems if p.startswith("error: ")]  # a 500 is logged; nothing is thrown


def test_each_usable_field_is_taken_and_each_odd_one_falls_back(product, support) -> None:
    odd = {"name": "Brightwell", "status": {"text": "Fine. " * 20000, "tone": "good", "event": {"title": 5},
                                            "url": ["status/"]},
           "channels": [{"label": "Phone", "href": "tel:+15550100", "text": "+1 555 0100", "live": True}, None],
           "articles": [{"title": f"Article {n}", "url": f"articles/{n}/"} for n in range(5000)],
           "hours": {"timezone": "Mars/Olympus_Mons", "weekly": {}, "closures": []}}
    page = product(serve=answer(json.dumps(odd)))
    open_panel(page, settled="Fine. Fine.")
    state = page.locator(".state")
    assert state.get_by_role("link").evaluate_all("links => links.map(a => a.href)") == [support + "status/"]
    assert page.locator(".channels a").evaluate_all("links => links.map(a => a.href)") == ["tel:+15550100"]
    assert page.locator(".open").inner_text() == "Open now until 20:00."  # an unknown zone: the baked hours
    assert page.get_by_role("link", name="Article ").count() == 12
    assert page.problems == []


DESKTOP = {"width": 1280, "height": 800}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_enter_on_a_link_follows_it_and_leaves_the_panel_open(product, viewport) -> None:
    page = product(viewport=viewport)
    dialog = open_panel(page)
    for name in ["PDF exports are slow", "Reset your password", "All help from Brightwell"]:
        page.get_by_role("link", name=name).focus()
        with page.context.expect_page() as opened:
            page.keyboard.press("Enter")
        opened.value.close()
        assert dialog.is_visible(), name


def test_a_click_beside_the_panel_closes_it_and_one_inside_does_not(product) -> None:
    page = product(viewport=DESKTOP)
    dialog = open_panel(page)
    box = dialog.bounding_box()
    assert box["x"] > 800  # the panel at the right; the page behind it is the backdrop
    for x, y in [(box["x"] + 4, box["y"] + box["height"] - 4), (box["x"] + box["width"] - 4, box["y"] + 300)]:
        page.mouse.click(x, y)  # the panel's own margins, below and beside its content
        assert dialog.is_visible()
    page.mouse.click(400, 400)
    expect(dialog).to_be_hidden()
    expect(page.locator(".tab")).to_have_attribute("aria-expanded", "false")


def test_opening_again_later_fetches_the_status_again(product, built_example: Path) -> None:
    incident = (built_example / "widget" / "support-tab.json").read_text(encoding="utf-8")
    data = json.loads(incident)
    data["status"] = {"text": "Everything is working normally.", "tone": "good", "url": "status/", "event": None}
    bodies, asked = [incident], []

    def serve(route) -> None:
        asked.append(route.request.url)
        answer(bodies[-1])(route)

    page = product(serve=serve)
    tab = page.get_by_role("button", name="Help", exact=True)
    open_panel(page)
    page.keyboard.press("Escape")
    bodies.append(json.dumps(data))  # the incident is over
    page.clock.set_fixed_time("2026-11-23T10:03:00Z")  # three minutes on: the copy is fresh enough
    open_panel(page)
    assert len(asked) == 1
    page.keyboard.press("Escape")
    page.clock.set_fixed_time("2026-11-23T10:10:00Z")  # ten minutes on
    open_panel(page, settled="Everything is working normally.")
    assert len(asked) == 2
    expect(tab).to_have_accessible_description("")
    assert page.locator(".state").get_by_role("link").count() == 1  # no incident link left from before


@pytest.mark.parametrize("load", ["module", "inserted"])
def test_loaded_as_a_module_or_by_a_script_it_still_reads_its_own_site(product, support, load) -> None:
    page = product(load=load)
    open_panel(page)
    assert_panel_answers(page, support)
    assert support + "widget/support-tab.json" in page.requests
    assert page.problems == []


# --- hostile input: script payloads in every authored field reach the widget as text --------------------------

EXTRA = ' "__SUPPORT_TAB_DATA__" "__SUPPORT_TAB_CSS__" \u2028 </script><!--'


@pytest.fixture(scope="module")
def hostile_support(tmp_path_factory: pytest.TempPathFactory):
    site = copy_example_site(tmp_path_factory.mktemp("hostile-widget") / "src")
    poison_site(site)
    hub = site / "content" / "hub.yml"
    data = yaml.safe_load(hub.read_text(encoding="utf-8"))
    data["organization"]["name"] = CORPUS + EXTRA  # and the placeholders and line separators the build replaces
    hub.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    article = site / "content" / "articles" / "reset-password.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("# Reset your password", "# Reset " + CORPUS.replace("#", ""), 1), "utf-8")
    result = run_mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    server, url = serve(site / "site", _CorsHandler)
    yield url
    server.shutdown()


@pytest.mark.parametrize("source", ["live", "baked"])
def test_payloads_in_every_field_reach_the_widget_as_text(product, hostile_support, source: str) -> None:
    page = product(site=hostile_support, block_json=source == "baked",
                   init="window.__ran = []; window.__pwned = n => window.__ran.push(n);")
    page.locator(".tab").click()
    dialog = page.locator("dialog")
    dialog.wait_for(state="visible")
    page.wait_for_function("!document.querySelector('support-tab').shadowRoot.querySelector('.state')"
                           ".textContent.startsWith('Checking')")
    page.keyboard.press("Tab")
    assert page.evaluate("window.__ran") == []
    assert page.locator("dialog h2").text_content() == "Help from " + CORPUS + EXTRA
    shown = dialog.inner_text()
    assert shown.count("<img src=x onerror=__pwned(2)>") >= (12 if source == "live" else 9)
    assert page.evaluate("document.querySelector('support-tab').shadowRoot"
                         ".querySelectorAll('script, img, svg, iframe, details, [onerror], [onload]').length") == 0
    hrefs = dialog.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert hrefs and all(href.startswith(("http:", "https:", "tel:", "mailto:")) for href in hrefs)
    assert not [p for p in page.problems if not p.startswith("failed: ") and "ERR_INTERNET_DISCONNECTED" not in p]


@pytest.fixture(scope="module")
def arabic_support(tmp_path_factory):
    """The example support site built in Arabic, served as GitHub Pages serves it."""
    source = copy_example_site(tmp_path_factory.mktemp("arabic") / "src")
    config = source / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: en", "language: ar"), encoding="utf-8")
    assert run_mkdocs_build(source).returncode == 0
    server, url = serve(source / "site", _CorsHandler)
    yield url
    server.shutdown()


def test_an_arabic_widget_on_an_english_page_reads_right_to_left_in_arabic(product, arabic_support) -> None:
    """The panel and its tab carry the support site's language and direction, not the host page's; the signed time
    is in the site's language too, not the reader's browser's."""
    page = product(site=arabic_support)
    tab = page.locator(".tab")
    assert (tab.get_attribute("lang"), tab.get_attribute("dir")) == ("ar", "rtl")
    tab.click()
    dialog = page.locator("dialog")
    dialog.wait_for(state="visible")
    page.locator(".state .sig").wait_for()
    assert (dialog.get_attribute("lang"), dialog.get_attribute("dir")) == ("ar", "rtl")
    assert dialog.evaluate("element => getComputedStyle(element.querySelector('.panel')).direction") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "en"  # the host page is left as it was
    signed = page.locator(".state .sig").inner_text()
    assert "نوفمبر" in signed and "Nov" not in signed, signed
    phone = page.locator(".channels a[href^='tel:']").first  # "+44 20 7946 0321", never "0321 7946 20 44+"
    assert phone.evaluate("element => getComputedStyle(element).direction") == "ltr"


def test_the_demo_page_shows_the_snippet_and_a_live_preview(open_page, built_example: Path) -> None:
    page = open_page("guides/add-support-to-your-product/", now=MONDAY_MORNING)
    snippet = page.locator("pre code").first.inner_text().strip()
    assert snippet == ('<support-tab></support-tab>\n<script src="https://support.brightwell.example/widget/'
                       'support-tab.js" defer></script>')
    dialog = open_panel(page)
    assert dialog.get_by_role("link", name="Reset your password").get_attribute("href").endswith(
        "/articles/reset-password/")
    assert page.problems == []
    assert axe_violations(page) == []  # the panel over a page of the site itself
    hub = (built_example / "index.html").read_text(encoding="utf-8")
    assert 'href="guides/add-support-to-your-product/"' in hub  # published through the hub, like the guides


@pytest.fixture(scope="module")
def german_support(tmp_path_factory):
    """The example in English and German, a channel's label and the search label translated, served as GitHub Pages
    serves it: (the site's address, the built site)."""
    source = copy_example_site(tmp_path_factory.mktemp("german") / "src")
    config = source / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      timezone: Europe/London\n", "      timezone: Europe/London\n      languages: [en, de]\n", 1),
        encoding="utf-8")
    hub = source / "content/hub.yml"
    text = hub.read_text(encoding="utf-8")
    for english, german in (("Live chat", "Live-Chat"), ("Search the help articles", "Hilfeartikel durchsuchen")):
        assert text.count(f": {english}\n") == 1, english
        text = text.replace(f": {english}\n", f": {{en: {english}, de: {german}}}\n")
    hub.write_text(text, encoding="utf-8")
    assert run_mkdocs_build(source).returncode == 0
    server, url = serve(source / "site", _CorsHandler)
    yield url, source / "site"
    server.shutdown()


def test_each_language_has_its_widget_in_the_words_and_pages_of_its_section(product, german_support) -> None:
    """`de/widget/support-tab.js` speaks German, in the German hub's words (a translated channel, the search label,
    the open-now line), and every link in it leads to the German pages; the first language's stays English."""
    support, built = german_support
    german_hub = (built / "de/index.html").read_text(encoding="utf-8")
    page = product(site=support + "de/")
    tab = page.get_by_role("button", name="Hilfe", exact=True)
    assert (tab.get_attribute("lang"), tab.get_attribute("dir")) == ("de", "ltr")
    tab.click()
    dialog = page.get_by_role("dialog", name="Hilfe von Brightwell")
    dialog.wait_for(state="visible")
    state = page.locator(".state")
    state.get_by_text("PDF exports: langsamer als sonst.").wait_for()
    assert "PDF exports: langsamer als sonst" in german_hub  # the German hub's answer, in the same words
    assert page.locator(".open").inner_text() == "Jetzt geöffnet bis 20:00."
    assert "Live-Chat" in page.locator(".channels").inner_text() and "Live-Chat" in german_hub
    links = {link.inner_text(): link.get_attribute("href") for link in dialog.locator("a").all()}
    assert links["PDF exports are slow"] == support + "de/incidents/2026-11-22-slow-pdf-exports/"
    assert links["Reset your password"] == support + "de/articles/reset-password/"
    assert links["Zur Statusseite"] == support + "de/status/", links
    assert links["Alle Hilfe von Brightwell"] == support + "de/", links
    assert not [href for href in links.values() if href.startswith(support) and not href.startswith(support + "de/")]
    dialog.get_by_role("searchbox", name="Hilfeartikel durchsuchen").fill("Passwort")
    with page.context.expect_page() as opened:
        page.keyboard.press("Enter")
    assert opened.value.url == support + "de/?q=Passwort"
    assert page.problems == []
    english = product(site=support)
    english.get_by_role("button", name="Help", exact=True).click()
    english.get_by_role("dialog", name="Help from Brightwell").wait_for(state="visible")
    assert english.get_by_role("link", name="Reset your password").get_attribute("href") == (
        support + "articles/reset-password/")
    demo = built / "de/guides/add-support-to-your-product"  # the site's own German page shows the German widget
    script = re.search(r'<script defer src="([^"]*support-tab\.js)">', (demo / "index.html").read_text("utf-8"))
    assert (demo / script.group(1)).resolve() == (built / "de/widget/support-tab.js").resolve()
