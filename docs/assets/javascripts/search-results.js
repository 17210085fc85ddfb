// The results page: Pagefind's JavaScript API (pagefind.js and its WebAssembly, loaded on the first
// query) behind the page's own form; results five at a time, each with up to three matching sections.
(function () {
  var root = document.getElementById("search-results");
  if (!root) return;
  var PAGE_SIZE = 5;
  var SECTIONS = 3;
  var form = root.querySelector("form");
  var input = root.querySelector("input");
  var status = root.querySelector(".search-page__status");
  var list = root.querySelector(".search-page__results");
  var more = root.querySelector(".search-page__more");
  var bundle = new URL(root.dataset.bundle, document.baseURI);
  var engine = null;
  var current = 0;   // the latest search; answers to older ones are dropped
  var results = [];
  var shown = 0;
  var phrase = null;   // the query's syllables, folded, when the order of results heeds them

  function text(template, query, count) {
    return template.replace("{query}", query).replace("{count}", count);
  }

  function pagefind() {
    if (!engine) {
      engine = import(bundle.href + "pagefind.js").then(function (module) {
        // No worker: it would download the engine a second time (pagefind-worker.js) for little gain here.
        // pageLength 0: a long page is not ranked down for its length. Articles are indexed by their title
        // and lead only (plansite/search.py), so otherwise every short article would outrank the plan's pages.
        // termFrequency 0: a page is ranked by where the words stand (a plan page's title weighs most), not by
        // how often they recur: a group's name recurs in the title and lead of every news post about it, and
        // with years of news those posts would otherwise fill the first results (make bench: plan queries).
        return module.options({ basePath: bundle.pathname, baseUrl: new URL("../", bundle).pathname, noWorker: true,
                                ranking: { pageLength: 0, termFrequency: 0 } })
          .then(function () { return module; });
      }).catch(function (error) {
        engine = null;  // the next search tries again
        throw error;
      });
    }
    return engine;
  }

  // Pagefind's excerpts are escaped text with <mark> around the matched words: keep exactly that.
  function excerpt(html) {
    var parsed = document.createElement("template");
    parsed.innerHTML = html;
    var paragraph = document.createElement("p");
    paragraph.className = "search-result__excerpt";
    parsed.content.childNodes.forEach(function (node) {
      var part = node.nodeName === "MARK" ? document.createElement("mark") : null;
      if (part) {
        part.textContent = node.textContent;
        paragraph.appendChild(part);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function link(url, title) {
    var anchor = document.createElement("a");
    anchor.className = "search-result__link";
    anchor.href = url;
    anchor.textContent = title;
    return anchor;
  }

  // The sections with the most matches (not the page's opening, which the page excerpt shows), in page order.
  function sections(data) {
    var inner = data.sub_results.filter(function (section) { return section.url !== data.url; });
    var best = inner.slice().sort(function (a, b) { return b.locations.length - a.locations.length; })
      .slice(0, SECTIONS);
    return inner.filter(function (section) { return best.indexOf(section) !== -1; });
  }

  function render(data) {
    var item = document.createElement("li");
    item.className = "search-result";
    var title = document.createElement("h2");
    title.className = "search-result__title";
    title.appendChild(link(data.url, data.meta.title || data.url));
    item.appendChild(title);
    item.appendChild(excerpt(data.excerpt));
    var parts = sections(data);
    if (parts.length) {
      var nested = document.createElement("ul");
      nested.className = "search-result__sections";
      parts.forEach(function (section) {
        var entry = document.createElement("li");
        entry.appendChild(link(section.url, section.title));
        entry.appendChild(excerpt(section.excerpt));
        nested.appendChild(entry);
      });
      item.appendChild(nested);
    }
    return item;
  }

  // Most Vietnamese words are two or more syllables ("du lịch", "ngân sách nhà nước"), written apart like
  // words, and Pagefind ranks syllables far apart like syllables side by side. On the Vietnamese pages, the
  // results that hold the query's syllables next to each other, in order (Pagefind's exact-phrase search:
  // the query in quotes), come first, then the others, each group in the plain search's order (the phrase
  // search gives every page the same score). It reads the index pieces the plain search has just fetched:
  // no extra bytes. Tones still do not matter; "đ" typed as "d" is matched by the folded words each page
  // carries with their neighbours (plansite/index/search.py). English words are words: not there, where two
  // words side by side are often two items of a list ("culture, tourism").
  function syllablesOf(query) {
    var syllables = query.split(/[\s,.;:!?"]+/).filter(Boolean);
    return document.documentElement.lang === "vi" && syllables.length >= 2 ? syllables : null;
  }

  function syllablesTogether(module, query, answer) {
    var syllables = syllablesOf(query);
    if (!syllables) return answer;
    return module.search('"' + syllables.join(" ") + '"').then(function (exact) {
      if (!exact || !exact.results.length) return answer;
      var together = {};
      exact.results.forEach(function (result) { together[result.id] = true; });
      var first = answer.results.filter(function (result) { return together[result.id]; });
      var rest = answer.results.filter(function (result) { return !together[result.id]; });
      return { results: first.concat(rest) };
    });
  }

  // Text as the index compares it: lower case, tones dropped, "đ" as "d", words between single spaces.
  function folded(text) {
    return " " + text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase()
      .split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(" ") + " ";
  }

  // Pagefind's exact-phrase search misses some pages that hold the phrase (long pages; its word positions skip
  // over punctuation standing alone: Pagefind issue 1038). The results about to be shown, whose fragments are
  // fetched for their excerpts anyway, are put in order again by their own text: those that hold the syllables
  // together first, each group in the order it had.
  function togetherFirst(pages) {
    if (!phrase) return pages;
    var holds = function (data) { return folded((data.meta.title || "") + " " + data.content).indexOf(phrase) !== -1; };
    return pages.filter(holds).concat(pages.filter(function (data) { return !holds(data); }));
  }

  // Fetch and show the next results; their fragments load only now.
  function showMore(search) {
    var next = results.slice(shown, shown + PAGE_SIZE);
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
      if (search !== current) return null;
      var first = null;
      togetherFirst(pages).forEach(function (data) {
        var item = render(data);
        first = first || item;
        list.appendChild(item);
      });
      shown += pages.length;
      more.hidden = shown >= results.length;
      return first;
    });
  }

  function run(query, debounce) {
    var search = ++current;
    query = query.trim();
    if (!query) {
      status.textContent = "";
      list.replaceChildren();
      list.setAttribute("aria-busy", "false");
      more.hidden = true;
      return;
    }
    list.setAttribute("aria-busy", "true");
    status.textContent = text(root.dataset.searching, query, 0);
    pagefind().then(function (module) {
      var plain = debounce ? module.debouncedSearch(query, {}, 300) : module.search(query);
      return plain.then(function (answer) { return answer && syllablesTogether(module, query, answer); });
    }).then(function (answer) {
      if (!answer || search !== current) return;  // a newer search has started
      results = answer.results;
      var syllables = syllablesOf(query);
      phrase = syllables ? folded(syllables.join(" ")) : null;
      shown = 0;
      list.replaceChildren();
      return showMore(search).then(function () {
        if (search !== current) return;
        var count = results.length;
        status.textContent = text(count === 0 ? root.dataset.none : count === 1 ? root.dataset.one : root.dataset.many,
          query, count.toLocaleString(document.documentElement.lang));
        list.setAttribute("aria-busy", "false");
      });
    }).catch(function (error) {
      if (search !== current) return;
      status.textContent = root.dataset.failed;
      list.setAttribute("aria-busy", "false");
      console.warn("search failed:", error);
    });
  }

  // The address keeps the query, so a result list can be shared, reloaded or reached with Back.
  function remember(query) {
    var url = new URL(window.location.href);
    url.searchParams.set("q", query);
    window.history.replaceState(null, "", url);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    remember(input.value);
    run(input.value, false);
  });
  input.addEventListener("input", function () {
    remember(input.value);
    run(input.value, true);
  });
  more.addEventListener("click", function () {
    if (more.disabled) return;
    more.disabled = true;
    // Move the focus to the first new result, so keyboard and screen reader users carry on from there.
    showMore(current).then(function (first) {
      if (first) first.querySelector("a").focus();
    }).finally(function () { more.disabled = false; });
  });

  root.hidden = false;
  var query = new URLSearchParams(window.location.search).get("q") || "";
  var header = document.getElementById("site-search-input");
  input.value = query;
  if (header) header.value = query;
  run(query, false);
})();
