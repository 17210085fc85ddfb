// The results page: Pagefind's interface, started with the query from the header form (?q=).
(function () {
  var container = document.getElementById("search-results");
  if (!container || typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({
    element: "#search-results",
    bundlePath: container.dataset.bundle,
    showImages: false,
    showSubResults: true,
    resetStyles: false,
  });
  var query = new URLSearchParams(window.location.search).get("q");
  var header = document.getElementById("site-search-input");
  if (query) {
    ui.triggerSearch(query);
    if (header) header.value = query;
  }
})();
