/* Support Tab: the hub's "Open now" line, computed in the reader's browser from the opening hours that the
   page also shows as a plain table (the fallback without JavaScript). Only the hub loads it: the status and incident
   pages customers reload during an outage carry no code they do not run. */
(function () {
  "use strict";

  var line = document.querySelector("[data-st-open-now]");
  var source = document.getElementById("st-hours");
  if (!line || !source) return;
  var hours = JSON.parse(source.textContent);
  var words = JSON.parse(document.getElementById("st-words").textContent);

  /* include: open-now.js */

  function update() {
    var now = new Date();
    line.textContent = openNowText(hours, now, words);
    line.classList.toggle("st-open-now--open", isOpenNow(hours, now, words));
  }

  update();
  setInterval(update, 60000);
})();
