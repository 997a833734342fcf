/* `run` for every page a reader sees: once on a page load, and again on each instant page change of the theme
   (`navigation.instant`), which swaps the page's content in place and never runs our scripts again. The theme's
   `document$` tells of each page, the current one first; without the theme's script a page load is the only one.
   So `run` may see one page twice: it must leave it as once. */
function eachPage(run) {
  if (window.document$) window.document$.subscribe(function () { run(); });
  else run();
}

/* The scripts' words and locale, from the page (core/scriptwords.py). */
function pageWords() {
  var source = document.getElementById("st-words");
  return source ? JSON.parse(source.textContent) : null;
}
