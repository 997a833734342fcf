/* `run` for each page: at load, and on each instant page change of the theme (its `document$`, which tells of the
   current page first), which swaps the content in and runs no script of ours again. A script before the theme's in
   the page (the hub's) waits for it. `run` may see a page twice: it must leave it as once. */
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

/* The scripts' words (core/scriptwords.py). */
function pageWords() {
  var source = document.getElementById("st-words");
  return source ? JSON.parse(source.textContent) : null;
}
