// publish site: sorting, search and the language switch. No requests, no libraries.
(function () {
  "use strict";

  function sortValue(cell) {
    var raw = cell.getAttribute("data-sort");
    var text = raw === null ? cell.textContent.trim() : raw;
    var number = Number(text);
    return { empty: text === "", number: text !== "" && !isNaN(number) ? number : null, text: text };
  }

  function compare(a, b) {
    if (a.empty || b.empty) { return a.empty === b.empty ? 0 : (a.empty ? 1 : -1); }
    if (a.number !== null && b.number !== null) { return a.number - b.number; }
    return a.text.localeCompare(b.text, "zh-CN");
  }

  function makeSortable(table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (header, index) {
      var button = header.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { if (other.hasAttribute("aria-sort")) { other.setAttribute("aria-sort", "none"); } });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (x, y) {
          var a = sortValue(x.cells[index]), b = sortValue(y.cells[index]);
          if (a.empty || b.empty) { return compare(a, b); }  // a figure not published sorts last either way
          var result = compare(a, b);
          return ascending ? result : -result;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function makeFilter(input) {
    var table = document.querySelector(input.getAttribute("data-filter"));
    if (!table) { return; }
    input.closest(".search").hidden = false;
    input.addEventListener("input", function () {
      var words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var text = row.textContent.toLowerCase();
        row.hidden = !words.every(function (word) { return text.indexOf(word) !== -1; });
      });
    });
  }

  function remember(key, value) {
    try { window.localStorage.setItem(key, value); } catch (error) { /* storage may be off for file:// pages */ }
  }

  function recall(key) {
    try { return window.localStorage.getItem(key); } catch (error) { return null; }
  }

  function setLanguage(language) {
    var root = document.documentElement;
    root.setAttribute("data-lang", language);
    document.querySelectorAll(".lang-switch button").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-lang") === language));
    });
    remember("publish-site-lang", language);
  }

  function makeLanguageSwitch(container) {
    container.hidden = false;
    container.querySelectorAll("button").forEach(function (button) {
      button.addEventListener("click", function () { setLanguage(button.getAttribute("data-lang")); });
    });
    setLanguage(recall("publish-site-lang") || "both");
  }

  document.querySelectorAll("table.sortable").forEach(makeSortable);
  document.querySelectorAll("input[data-filter]").forEach(makeFilter);
  document.querySelectorAll(".lang-switch").forEach(makeLanguageSwitch);
})();
