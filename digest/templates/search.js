// Starts Pagefind's search box on search.html; the only script digest publishes.
window.addEventListener("DOMContentLoaded", function () {
  new PagefindUI({
    element: "#search",
    showImages: false,
    showSubResults: false,
    resetStyles: false,
    translations: { placeholder: "Search claims, quotes and articles" },
    processResult: function (result) {
      if (result.meta && result.meta.kind) {
        result.meta.title = result.meta.kind + " · " + result.meta.title;
        delete result.meta.kind;
      }
      return result;
    }
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
