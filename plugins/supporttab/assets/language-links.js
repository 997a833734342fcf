/* Support Tab, on sites in several languages with the theme's `navigation.instant`: a link into another language's
   section (the folders on this script's tag, "de/ ar/") loads the whole page, as it would without instant page
   changes, which swap the content in and keep this page's language, direction, header and the scripts' words. The
   theme leaves a link with a target to the browser, so such a link gets one as it is clicked, before the theme's
   handler sees it. Whole pages load it; light pages never change instantly, having no theme script of their own. */
(function () {
  "use strict";
  var tag = document.currentScript;
  var sections = ((tag && tag.getAttribute("data-st-sections")) || "").split(" ").filter(Boolean);
  var config = document.getElementById("__config");
  if (!sections.length || !config) return;
  var base = new URL(JSON.parse(config.textContent).base, location.href);  // the site's root, from the first page

  function sectionOf(url) {
    if (url.origin !== base.origin || url.pathname.indexOf(base.pathname) !== 0) return null;
    var path = url.pathname.slice(base.pathname.length);
    return sections.filter(function (section) { return path.indexOf(section) === 0; })[0] || "";
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || link.target) return;
    var there = sectionOf(new URL(link.href, location.href));
    if (there !== null && there !== sectionOf(new URL(location.href))) link.target = "_self";
  }, true);
})();
