/* <support-tab>: help and live status from the support site, inside a company's own product.
   The build fills in the styles and the hub's details (channels, hours, articles), so the panel still shows how
   to reach a person when the live support-tab.json cannot be fetched. No dependencies, no cookies, no tracking:
   the only request is for support-tab.json, beside this script. Everything authored is put in as text. */
(function () {
  "use strict";
  if (!window.customElements || customElements.get("support-tab")) return;
  var CSS = "__SUPPORT_TAB_CSS__";
  var BAKED = "__SUPPORT_TAB_DATA__";
  var script = document.currentScript;
  var here = new URL(script && script.src ? script.src : BAKED.script, location.href);
  var root = new URL("../", here); // the support site's root: paths in the data are relative to it
  var live; // undefined while loading, null when it failed, else the live data

  var request = fetch(new URL("support-tab.json", here), { credentials: "omit", cache: "no-cache" })
    .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
    .then(function (data) { live = data; }, function () { live = null; });

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

  /* --- "Open now", from the team's weekly hours in its own time zone, told in the reader's time ---------- */
  function wallClock(zone, instant) {
    var parts = {};
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
      hour: "numeric", minute: "numeric", second: "numeric"
    }).formatToParts(instant).forEach(function (part) { parts[part.type] = Number(part.value); });
    return parts;
  }

  function offset(zone, instant) {
    var p = wallClock(zone, instant);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
  }

  /* The instant the team's clock shows `text` (like "08:00") on `day` (midnight UTC of that date). */
  function instantAt(zone, day, text) {
    var guess = day.getTime() + (Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5))) * 60000;
    return guess - offset(zone, new Date(guess - offset(zone, new Date(guess))));
  }

  function openStretches(hours, now) {
    var p = wallClock(hours.timezone, now), list = [], merged = [];
    for (var ahead = -1; ahead < 9; ahead++) {
      var day = new Date(Date.UTC(p.year, p.month - 1, p.day + ahead));
      if (hours.closures.indexOf(day.toISOString().slice(0, 10)) >= 0) continue;
      (hours.weekly[String(day.getUTCDay())] || []).forEach(function (range) {
        list.push([instantAt(hours.timezone, day, range[0]), instantAt(hours.timezone, day, range[1])]);
      });
    }
    list.sort(function (a, b) { return a[0] - b[0]; }).forEach(function (stretch) {
      var last = merged[merged.length - 1];
      if (last && stretch[0] <= last[1]) last[1] = Math.max(last[1], stretch[1]);
      else merged.push(stretch);
    });
    return merged;
  }

  function when(instant, now) {
    var clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    var days = Math.round((new Date(instant).setHours(0, 0, 0, 0) - new Date(now).setHours(0, 0, 0, 0)) / 864e5);
    var day = days === 0 ? "" : days === 1 ? "tomorrow " :
      new Intl.DateTimeFormat("en-GB", { weekday: "long" }).format(instant) + " ";
    return day + clock.format(instant);
  }

  function openNow(hours, now) {
    var stretches = openStretches(hours, now);
    for (var i = 0; i < stretches.length; i++) {
      var start = stretches[i][0], end = stretches[i][1];
      if (start <= now && now < end) {
        return end - now > 7 * 864e5 ? "Open now, day and night." : "Open now until " + when(end, now) + ".";
      }
      if (start > now) return "Closed now. Opens " + when(start, now) + ".";
    }
    return "Closed now.";
  }

  /* --- the panel's parts ---------------------------------------------------------------------------------- */
  function statusPart(data) {
    if (!data.status_page) return null; // a support site without a status page
    if (live === undefined) return h("section", { class: "state t-wait", "aria-live": "polite" },
      h("p", null, "Checking the current status…"));
    if (!live) return h("section", { class: "state t-major", "aria-live": "polite" }, [
      h("p", null, "We could not load the current status."), link(data.status_page, "See the status page")]);
    var status = live.status, event = status.event, update = event && event.update;
    return h("section", { class: "state t-" + status.tone, "aria-live": "polite" }, [
      h("p", null, status.text),
      event ? h("p", null, link(event.url, event.title)) : null,
      update ? h("p", null, update.text) : null,
      update ? h("p", { class: "sig" }, "— " + update.author + ", " + new Intl.DateTimeFormat(undefined, {
        day: "numeric", month: "short", hour: "2-digit", minute: "2-digit"
      }).format(new Date(update.at))) : null,
      h("p", null, link(status.url, "See the status page"))]);
  }

  function searchPart(data, dialog) {
    var input = h("input", { id: "q", type: "search", name: "q", required: "", autocomplete: "off" });
    var form = h("form", { role: "search", "aria-label": data.search_label }, [
      input, h("button", { class: "go", type: "submit" }, "Search")]);
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
      h("small", null, channel.reply_time)]);
  }

  /* The status first, then how to reach a person, then help to find the answer yourself. */
  function panel(dialog) {
    var data = live || BAKED;
    var close = h("button", { class: "close", type: "button", "aria-label": "Close" }, "×");
    close.addEventListener("click", function () { dialog.close(); });
    return [
      h("header", null, [h("h2", { id: "title" }, "Help from " + data.name), close]),
      statusPart(BAKED),
      h("h3", null, "Talk to us"),
      data.channels.some(function (channel) { return channel.live; }) ?
        h("p", { class: "open" }, openNow(data.hours, Date.now())) : null,
      h("ul", { class: "channels" }, data.channels.map(channelItem))
    ].concat(searchPart(data, dialog), [
      data.articles.length ? h("h3", null, "Most visited help articles") : null,
      data.articles.length ? h("ul", null, data.articles.map(function (article) {
        return h("li", null, link(article.url, article.title));
      })) : null,
      link(data.hub, "All help from " + data.name, "all")
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
      var note = h("span", { id: "note", hidden: "" }); // the tab's description, read out, never shown
      // Inline, the button shows the element's own text in the page's font, so it takes the place that text
      // had before the script ran; at the screen's edge, the label attribute or "Help".
      var label = this.hasAttribute("inline") ? h("slot", null, "Help") : this.getAttribute("label") || "Help";
      var tab = h("button", { class: "tab", type: "button", "aria-haspopup": "dialog", "aria-expanded": "false",
        "aria-describedby": "note" }, [dot, label]);
      var dialog = h("dialog", { "aria-labelledby": "title" });
      shadow.append(tab, note, dialog);
      this.tab = tab;
      this.dialog = dialog;
      tab.addEventListener("click", this.open.bind(this));
      dialog.addEventListener("close", function () { tab.setAttribute("aria-expanded", "false"); tab.focus(); });
      dialog.addEventListener("keydown", function (event) { trapFocus(event, dialog); });
      dialog.addEventListener("click", function (event) { // a click on the backdrop closes
        var box = dialog.getBoundingClientRect();
        if (event.clientX < box.left || event.clientX > box.right) dialog.close();
      });
      request.then(function () {
        var tone = live && live.status ? live.status.tone : "unknown"; // the dot's place is kept: nothing shifts
        dot.className = "dot t-" + tone;
        note.textContent = tone === "good" || tone === "unknown" ? "" : "Something is not working right now.";
        var part = dialog.querySelector(".state");
        if (part) part.replaceWith(statusPart(BAKED) || "");
      });
    }

    open() {
      if (!this.dialog || this.dialog.open) return;
      this.dialog.replaceChildren.apply(this.dialog, panel(this.dialog));
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
