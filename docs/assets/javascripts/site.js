// Ctrl+K (or Cmd+K) moves focus to the header search box, as Material's own shortcut would.
document.addEventListener("keydown", function (event) {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
    var box = document.getElementById("site-search-input");
    if (box) {
      event.preventDefault();
      box.focus();
    }
  }
});
