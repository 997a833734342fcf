/* <support-tab>: help and live status from the support site, inside a company's own product.
   The build fills in the styles and the hub's details (channels, hours, articles), so the panel still shows how
   to reach a person when the live support-tab.json cannot be fetched. No dependencies, no cookies, no tracking:
   the only request is for support-tab.json, beside this script. Everything authored is put in as text. */
(function () {
  "use strict";
  if (!window.customElements || customElements.get("support-tab")) return;
  var CSS = "__SUPPORT_TAB_CSS__";
  var BAKED = "__SUPPORT_TAB_DATA__";
  var WORDS = BAKED.words; // in the support site's language (core/scriptwords.py)
  var STALE = 5 * 60000; // on opening, a status older than this is fetched again: a tab may stay open all day
  var here = new URL(scriptAddress(), location.href);
  var root = new URL("../", here); // the support site's root: paths in the data are relative to it
  var live; // undefined while loading, null when it failed, else the live data checked and filled in from BAKED
  var loadedAt = 0, loading = null, listeners = [];

  /* Where this script came from. A module or a script added by another script has no currentScript, so then
     this file is looked for among the page's scripts; the address baked in at build time comes last. */
  function scriptAddress() {
    var script = document.currentScript;
    if (script && script.src) return script.src;
    var mine = [].filter.call(document.scripts, function (s) { return /\/support-tab\.js([?#]|$)/.test(s.src); });
    return mine.length ? mine[mine.length - 1].src : BAKED.script;
  }

  function load() {
    loading = loading || fetch(new URL("support-tab.json", here), { credentials: "omit", cache: "no-cache" })
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
      .then(checked)
      .catch(function () { return null; })
      .then(function (data) {
        live = data;
        loadedAt = Date.now();
        loading = null;
        listeners.forEach(function (listener) { listener(); });
      });
    return loading;
  }
  load();

  /* --- the live JSON, trusted for its shape no more than for its text ------------------------------------- */
  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function text(value) { return typeof value === "string" ? value : null; }

  /* Items that have every named field as text, at most 12; null (use the baked list) when none is usable. */
  function items(value, fields) {
    if (!Array.isArray(value)) return null;
    var usable = value.filter(function (item) {
      return isObject(item) && fields.every(function (field) { return typeof item[field] === "string"; });
    });
    return usable.length || !value.length ? usable.slice(0, 12) : null;
  }

  var FIELDS = {
    name: text, hub: text, search: text, search_label: text,
    hours: function (value) {
      return isObject(value) && text(value.timezone) && isObject(value.weekly) && Array.isArray(value.closures) ?
        value : null;
    },
    channels: function (value) { return items(value, ["label", "href", "text"]); },
    articles: function (value) { return items(value, ["title", "url"]); }
  };

  /* The live data with every field of the wrong shape replaced by the baked one; null unless it is an object. */
  function checked(json) {
    if (!isObject(json)) return null;
    var data = { status: statusOf(json.status) };
    Object.keys(BAKED).forEach(function (key) {
      var value = FIELDS[key] ? FIELDS[key](json[key]) : null;
      data[key] = value == null ? BAKED[key] : value;
    });
    return data;
  }

  function statusOf(value) {
    if (!isObject(value) || !text(value.text) || !/^(good|minor|major|critical|maintenance)$/.test(value.tone)) {
      return null;
    }
    var event = isObject(value.event) && text(value.event.title) ? value.event : null;
    var update = event && isObject(event.update) && text(event.update.text) ? event.update : null;
    var at = update && new Date(text(update.at));
    return { text: value.text, tone: value.tone, url: text(value.url) || BAKED.status_page,
      event: event && { title: event.title, url: text(event.url),
        update: update && { text: update.text, author: text(update.author), at: isNaN(at) ? null : at } } };
  }

  function h(tag, attributes, children) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (attributes[name] != null) element.setAttribute(name, attributes[name]);
    });
    [].concat(children == null ? [] : children).forEach(function (child) {
      if (child != null) element.append(child); // strings become text nodes, never markup
    });
    return element;
  }

  /* An address from the data, or null unless it is a web, tel: or mailto: link. */
  function address(path) {
    try {
      var url = new URL(path, root);
      return /^(https?|tel|mailto):$/.test(url.protocol) ? url.href : null;
    } catch (error) { return null; }
  }

  function link(path, text, className) {
    var href = address(path);
    if (!href) return h("span", { class: className }, text);
    return h("a", { href: href, class: className, target: /^https?:/.test(href) ? "_blank" : null }, text);
  }

  /* include: open-now.js */

  /* --- the panel's parts ---------------------------------------------------------------------------------- */
  function statusPart(data) {
    if (!data.status_page) return null; // a support site without a status page
    if (live === undefined) return h("section", { class: "state t-wait", "aria-live": "polite" },
      h("p", null, WORDS.checking));
    var status = live && live.status, event = status && status.event, update = event && event.update;
    if (!status) return h("section", { class: "state t-major", "aria-live": "polite" }, [
      h("p", null, WORDS.notLoaded), link(data.status_page, WORDS.statusPage)]);
    var signed = update && [update.author, update.at && fill(WORDS.signedAt, { time: new Intl.DateTimeFormat(
      WORDS.locale, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(update.at) })]
      .filter(Boolean).join(", ");
    return h("section", { class: "state t-" + status.tone, "aria-live": "polite" }, [
      h("p", null, status.text),
      event ? h("p", null, link(event.url, event.title)) : null,
      update ? h("p", null, update.text) : null,
      signed ? h("p", { class: "sig" }, "— " + signed) : null,
      h("p", null, link(status.url, WORDS.statusPage))]);
  }

  function searchPart(data, dialog) {
    var input = h("input", { id: "q", type: "search", name: "q", required: "", autocomplete: "off" });
    var form = h("form", { role: "search", "aria-label": data.search_label }, [
      input, h("button", { class: "go", type: "submit" }, WORDS.search)]);
    form.addEventListener("submit", function (event) {
      event.preventDefault(); // a new tab, so the product stays as it was (and no form-action rule is needed)
      var url = new URL(address(data.search) || root);
      url.searchParams.set("q", input.value);
      window.open(url.href, "_blank", "noopener");
      dialog.close();
    });
    return [h("label", { for: "q" }, data.search_label), form];
  }

  function channelItem(channel) {
    return h("li", null, [h("strong", null, channel.label), h("br"), link(channel.href, channel.text),
      h("small", null, text(channel.reply_time))]);
  }

  /* The "open now" sentence, or null when these hours cannot give one (an unknown time zone, say). */
  function openLine(hours) {
    try { return openNowText(hours, new Date(), WORDS); } catch (error) { return null; }
  }

  /* The status first, then how to reach a person, then help to find the answer yourself. */
  function panel(dialog) {
    var data = live || BAKED;
    var close = h("button", { class: "close", type: "button", "aria-label": WORDS.close }, "×");
    close.addEventListener("click", function () { dialog.close(); });
    return [
      h("header", null, [h("h2", { id: "title" }, fill(WORDS.helpFrom, { organization: data.name })), close]),
      statusPart(BAKED),
      h("h3", null, WORDS.talkToUs),
      data.channels.some(function (channel) { return channel.live === true; }) ?
        h("p", { class: "open" }, openLine(data.hours) || openLine(BAKED.hours)) : null,
      h("ul", { class: "channels" }, data.channels.map(channelItem))
    ].concat(searchPart(data, dialog), [
      data.articles.length ? h("h3", null, WORDS.mostVisited) : null,
      data.articles.length ? h("ul", null, data.articles.map(function (article) {
        return h("li", null, link(article.url, article.title));
      })) : null,
      link(data.hub, fill(WORDS.allHelpFrom, { organization: data.name }), "all")
    ]).filter(Boolean);
  }

  customElements.define("support-tab", class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      var shadow = this.attachShadow({ mode: "open" });
      var sheet = new CSSStyleSheet(); // a constructed sheet: no inline <style> for a strict CSP to refuse
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
      var dot = h("span", { class: "dot" });
      // The tab's description, read out, never shown.
      var note = h("span", { id: "note", hidden: "", lang: WORDS.lang });
      // Inline, the button shows the element's own text in the page's font, so it takes the place that text
      // had before the script ran; at the screen's edge, the label attribute or "Help".
      var label = this.hasAttribute("inline") ? h("slot", null, WORDS.help) : this.getAttribute("label") || WORDS.help;
      // The panel, and the tab when it shows our word, speak the support site's language, whatever the page's.
      var ours = !this.hasAttribute("inline") && !this.getAttribute("label");
      var tab = h("button", { class: "tab", type: "button", "aria-haspopup": "dialog", "aria-expanded": "false",
        "aria-describedby": "note", lang: ours ? WORDS.lang : null, dir: ours ? WORDS.dir : null }, [dot, label]);
      var dialog = h("dialog", { "aria-labelledby": "title", lang: WORDS.lang, dir: WORDS.dir });
      shadow.append(tab, note, dialog);
      this.tab = tab;
      this.dialog = dialog;
      tab.addEventListener("click", this.open.bind(this));
      dialog.addEventListener("close", function () { tab.setAttribute("aria-expanded", "false"); tab.focus(); });
      dialog.addEventListener("keydown", function (event) { trapFocus(event, dialog); });
      dialog.addEventListener("click", function (event) { // the panel fills the dialog: only the backdrop is left
        if (event.target === dialog) dialog.close();
      });
      function show() { // the status as last loaded, on the tab's dot and in the panel if it is open
        var tone = live && live.status ? live.status.tone : "unknown"; // the dot's place is kept: nothing shifts
        dot.className = "dot t-" + tone;
        note.textContent = tone === "good" || tone === "unknown" ? "" : WORDS.somethingWrong;
        var part = dialog.querySelector(".state");
        if (part) part.replaceWith(statusPart(BAKED) || "");
      }
      listeners.push(show);
      if (loadedAt) show();
    }

    open() {
      if (!this.dialog || this.dialog.open) return;
      if (loadedAt && !loading && (!live || Date.now() - loadedAt > STALE)) load();
      this.dialog.replaceChildren(h("div", { class: "panel" }, panel(this.dialog)));
      this.dialog.showModal();
      this.tab.setAttribute("aria-expanded", "true");
      this.dialog.querySelector(".close").focus();
    }

    close() {
      if (this.dialog && this.dialog.open) this.dialog.close();
    }
  });

  /* Tab and Shift+Tab go round the panel's controls, never out to the page behind it. */
  function trapFocus(event, dialog) {
    if (event.key !== "Tab") return;
    var controls = dialog.querySelectorAll("a[href], button, input");
    var first = controls[0], last = controls[controls.length - 1], active = dialog.getRootNode().activeElement;
    if (event.shiftKey ? active === first : active === last) {
      (event.shiftKey ? last : first).focus();
      event.preventDefault();
    }
  }
})();
