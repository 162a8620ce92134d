/* Show the "check the current rules" banner once the review date has passed, even if the site
   was built before that date. Runs on every page; re-runs on Material's instant navigation. */
(function () {
  "use strict";
  function showIfStale() {
    var banners = document.querySelectorAll(".stale-banner[data-check-rules-after]");
    var today = new Date().toISOString().slice(0, 10);
    for (var i = 0; i < banners.length; i++) {
      if (today > banners[i].getAttribute("data-check-rules-after")) banners[i].hidden = false;
    }
  }
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(showIfStale);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showIfStale);
  } else {
    showIfStale();
  }
})();
