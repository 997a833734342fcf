/* Support Tab: the hub's "Open now" line, computed in the reader's browser from the opening hours that the
   page also shows as a plain table (the fallback without JavaScript). Only the hub loads it: the status and incident
   pages customers reload during an outage carry no code they do not run. The hours are the line's data-st-hours
   (instant page changes run a script element in the content as code). Loaded on each instant arrival, it runs once. */
(function () {
  "use strict";
  if (window.stOpenNow) return;
  window.stOpenNow = true;

  /* include: each-page.js */

  /* include: open-now.js */

  var timer = null;

  function showOpenNow() {
    clearInterval(timer);  // one timer, for the hub in view; none elsewhere
    timer = null;
    var line = document.querySelector("[data-st-open-now][data-st-hours]");
    var words = pageWords();
    if (!line || !words) return;
    var hours = JSON.parse(line.getAttribute("data-st-hours"));
    function update() {
      var now = new Date();
      line.textContent = openNowText(hours, now, words);
      line.classList.toggle("st-open-now--open", isOpenNow(hours, now, words));
    }
    update();
    timer = setInterval(update, 60000);
  }

  eachPage(showOpenNow);
})();
