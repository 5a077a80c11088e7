// Small enhancements only: every page works without this file.
// 1. Clicking an event or quote in a story's merged list flashes its panel's copy.
// 2. Facet selects submit the search form when changed.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".facets select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  document.querySelectorAll(".merged .fact").forEach(function (fact) {
    fact.addEventListener("click", function () {
      fact.classList.add("flash");
      window.setTimeout(function () { fact.classList.remove("flash"); }, 900);
    });
  });
});
