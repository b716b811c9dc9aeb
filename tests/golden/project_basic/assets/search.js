// Starts Pagefind's search box on search.html; the only script digest publishes.
window.addEventListener("DOMContentLoaded", function () {
  new PagefindUI({
    element: "#search",
    showImages: false,
    showSubResults: true,
    // Results link relative to this page, so the site works under any path on any host.
    baseUrl: new URL(".", window.location.href).pathname,
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
});
