/* `run` for every page a reader sees: once on a page load, and again on each instant page change of the theme
   (`navigation.instant`), which swaps the page's content in place and never runs our scripts again. The theme's
   `document$` tells of each page, the current one first; without the theme's script a page load is the only one.
   A script earlier in the page than the theme's (the hub's, in the content) waits for the theme's to run.
   `run` may see one page twice: it must leave it as once. */
function eachPage(run) {
  var theme = document.querySelector("script[src*='assets/javascripts/bundle.']");
  function start() {
    if (window.document$) window.document$.subscribe(function () { run(); });
    else run();
  }
  if (window.document$ || !theme) start();
  else {
    theme.addEventListener("load", start, { once: true });
    theme.addEventListener("error", start, { once: true });
  }
}

/* The scripts' words and locale, from the page (core/scriptwords.py). */
function pageWords() {
  var source = document.getElementById("st-words");
  return source ? JSON.parse(source.textContent) : null;
}
