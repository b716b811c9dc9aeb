// Starts Pagefind's search box on search.html; the only script digest publishes.
window.addEventListener("DOMContentLoaded", function () {
  // The index is split into shards: the first is the bundle Pagefind's script comes from, and
  // shards.json beside it lists the others, merged into the same search.
  var script = document.querySelector('script[src$="pagefind/pagefind-ui.js"]');
  var bundle = new URL(".", script ? script.src : new URL("pagefind/", window.location.href));
  // Results link relative to this page, so the site works under any path on any host.
  var baseUrl = new URL(".", window.location.href).pathname;
  fetch(new URL("shards.json", bundle))
    .then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    })
    .then(function (manifest) {
      return manifest.shards.map(function (shard) {
        return { bundlePath: new URL(shard, bundle).pathname, baseUrl: baseUrl };
      });
    })
    .catch(function (error) {
      // Search what can be searched rather than nothing.
      console.warn("Search covers part of the site: cannot read its list of shards:", error);
      return [];
    })
    .then(start);

  function start(mergeIndex) {
    new PagefindUI({
      element: "#search",
      showImages: false,
      showSubResults: true,
      baseUrl: baseUrl,
      mergeIndex: mergeIndex,
      resetStyles: false,
      translations: { placeholder: "Search claims, quotes and articles" }
    });
    // Pagefind's box is named only by its placeholder; a visible label names it for everyone.
    var input = document.querySelector("#search input");
    if (input) {
      input.id = "search-input";
      var label = document.createElement("label");
      label.htmlFor = "search-input";
      label.className = "search-label";
      label.textContent = "Search claims, quotes and articles";
      document.getElementById("search").before(label);
    }
  }
});
