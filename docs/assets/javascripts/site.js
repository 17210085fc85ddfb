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

// Share: the copy-link button (hidden without JavaScript, where the address field is there to copy).
document.querySelectorAll(".share__copy").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    var done = function () { button.textContent = button.dataset.done; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(button.dataset.url).then(done);
    } else {
      var field = document.querySelector(".share__url");
      field.select();
      document.execCommand("copy");
      done();
    }
  });
});

// Materials library: filter by group and type. Without JavaScript the form stays hidden and all show.
document.querySelectorAll(".materials-filter").forEach(function (form) {
  var items = document.querySelectorAll(".materials .material");
  var empty = document.querySelector(".materials-empty");
  form.hidden = false;
  form.addEventListener("change", function () {
    var group = form.elements.group.value, type = form.elements.type.value, shown = 0;
    items.forEach(function (item) {
      var match = (!group || item.dataset.groups.split(" ").indexOf(group) >= 0) && (!type || item.dataset.type === type);
      item.hidden = !match;
      shown += match ? 1 : 0;
    });
    empty.hidden = shown > 0;
  });
});
// Before printing, each link in the content gets its full address, which the print style writes after it.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll(".md-typeset a[href]").forEach(function (link) {
    if (!link.getAttribute("href").startsWith("#")) link.setAttribute("data-print-href", link.href);
  });
});

// The menu button is a label for Material's hidden drawer checkbox, which works without JavaScript but
// not from the keyboard: replace it with a button. Opening the menu moves focus to its first link;
// Escape closes it and returns to the button.
(function () {
  var drawer = document.getElementById("__drawer");
  var label = document.querySelector(".md-header .site-menu-button");
  if (!drawer || !label) return;
  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className;
  button.innerHTML = label.innerHTML;
  button.setAttribute("aria-label", label.dataset.label);
  button.setAttribute("aria-expanded", "false");
  label.replaceWith(button);
  button.addEventListener("click", function () {
    drawer.click();
  });
  drawer.addEventListener("change", function () {
    button.setAttribute("aria-expanded", String(drawer.checked));
    var first = document.querySelector(".md-sidebar--primary .md-nav__list a");
    if (drawer.checked && first) first.focus();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) {
      drawer.click();
      button.focus();
    }
  });
})();
