// The reader's tools on the error table: a copy-link button per row, the filter, deep links
// that survive the filter, a language selector that keeps the #code, a name for the search.
// Every text shown comes from the page (data- attributes rendered from the catalogs).
(function () {
  "use strict";

  // Material's search dialog has no name of its own; give it the search box's (localized) one.
  var dialog = document.querySelector(".md-search[role=dialog]");
  var query = dialog && dialog.querySelector("input[aria-label]");
  if (query && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", query.getAttribute("aria-label"));
  }

  var toast = document.querySelector(".gs-toast");
  var codePage = document.querySelector(".gs-code-page");
  if (codePage) {
    setUpCodePage(codePage);
    codePage.setAttribute("data-ready", ""); // the copy button works (tests wait on it)
  }

  // --- Language selector -------------------------------------------------------------------

  // Material's selector keeps the page but drops the #code when the site runs on a host or
  // port other than site_url; every language has the same pages, so the fragment is the place
  // (a row on the table's page, a heading on the others: their ids are the same everywhere).
  var alternates = document.querySelectorAll("a.md-select__link[hreflang]");
  function keepPlace() {
    for (var i = 0; i < alternates.length; i++) {
      var link = alternates[i];
      if (!link.hasAttribute("data-gs-href")) {
        link.setAttribute("data-gs-href", link.getAttribute("href"));
      }
      link.setAttribute("href", link.getAttribute("data-gs-href") + location.hash);
    }
  }
  for (var a = 0; a < alternates.length; a++) {
    alternates[a].addEventListener("click", function (event) {
      keepPlace();
      event.stopPropagation(); // the link itself navigates, to the address just set
    });
  }
  window.addEventListener("hashchange", keepPlace);
  keepPlace();

  var table = document.getElementById("gs-table");
  if (!table || !table.tBodies.length) {
    return;
  }
  // Every row of every group (<tbody>), in order.
  var rows = [];
  for (var g = 0; g < table.tBodies.length; g++) {
    rows.push.apply(rows, table.tBodies[g].rows);
  }

  // --- Links -------------------------------------------------------------------------------

  // The page's own address, without file name, query or fragment: ".../<lang>/".
  function pageUrl() {
    return new URL(".", location.href).href;
  }

  function rowFor(hash) {
    var id = decodeURIComponent(hash.replace(/^#/, ""));
    var row = id && document.getElementById(id);
    return row && row.parentNode.parentNode === table ? row : null;
  }

  // --- Copy-link buttons -------------------------------------------------------------------

  var hideToast = 0;
  function say(message) {
    if (!toast) {
      return;
    }
    toast.textContent = message;
    toast.classList.add("gs-toast--visible");
    clearTimeout(hideToast);
    hideToast = setTimeout(function () {
      toast.classList.remove("gs-toast--visible");
    }, 2500);
  }

  // The old way, for plain http on a host other than localhost (no clipboard API there).
  function copyWithSelection(text) {
    var focused = document.activeElement;
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    document.body.removeChild(area);
    if (focused && focused.focus) {
      focused.focus(); // keyboard readers stay on the button they pressed
    }
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return copyWithSelection(text);
      });
    }
    return copyWithSelection(text);
  }

  // A page's Markdown twin (its index.md, beside it), fetched when asked for: the table's
  // page does not carry 10,000 of them.
  function fetchText(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      return response.ok ? response.text() : Promise.reject(new Error(response.status));
    });
  }

  // WebKit (Safari) keeps the reader's click for the clipboard only while the text it will get
  // is a promise given to ClipboardItem; the other engines take the text once it is fetched.
  function copyMarkdown(url) {
    var text = fetchText(url);
    if (window.ClipboardItem && navigator.clipboard && navigator.clipboard.write &&
        window.isSecureContext) {
      var blob = text.then(function (markdown) {
        return new Blob([markdown], { type: "text/plain" });
      });
      return navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })])
        .catch(function () {
          return text.then(copyText);
        });
    }
    return text.then(copyText);
  }

  function markdownButton(button, url, where) {
    copyMarkdown(url).then(
      function () {
        say(where.getAttribute("data-markdown-copied"));
      },
      function () {
        say(where.getAttribute("data-markdown-failed"));
      }
    );
  }

  // A code's own page: its button copies the page's address, without any #fragment; the
  // other, the page's Markdown twin.
  function setUpCodePage(page) {
    var markdown = page.querySelector("button.gs-copy-markdown");
    if (markdown) {
      markdown.addEventListener("click", function () {
        markdownButton(markdown, new URL("index.md", location.href).href, page);
      });
    }
    var copy = page.querySelector("button.gs-copy-page");
    if (!copy) {
      return;
    }
    copy.addEventListener("click", function () {
      var url = new URL(".", location.href).href;
      copyText(url).then(
        function () {
          say(page.getAttribute("data-copied"));
        },
        function () {
          history.replaceState(null, "", url);
          say(page.getAttribute("data-copy-failed"));
        }
      );
    });
  }

  var copyLabel = table.getAttribute("data-copy-label") || "";
  var markdownLabel = table.getAttribute("data-markdown-label") || "";
  var prototype = document.createElement("button");
  prototype.type = "button";
  prototype.className = "gs-copy"; // the icons are drawn by errors.css
  var markdownPrototype = prototype.cloneNode(false);
  markdownPrototype.className = "gs-copy-md";
  function labelled(model, label) {
    var button = model.cloneNode(false);
    button.setAttribute("aria-label", label);
    button.title = label;
    return button;
  }
  for (var r = 0; r < rows.length; r++) {
    var cell = rows[r].cells[0];
    cell.appendChild(labelled(prototype, copyLabel.replace("{code}", rows[r].id)));
    cell.appendChild(labelled(markdownPrototype, markdownLabel.replace("{code}", rows[r].id)));
  }

  // One listener for every row, however many there are (and one for the filter's matches).
  function onCopyClick(event) {
    var markdown = event.target.closest && event.target.closest("button.gs-copy-md");
    if (markdown) {
      var row = markdown.closest("tr");
      var code = row.id || row.getAttribute("data-code");
      markdownButton(markdown, pageUrl() + encodeURIComponent(code) + "/index.md", table);
      return;
    }
    var button = event.target.closest && event.target.closest("button.gs-copy");
    if (!button) {
      return;
    }
    var tr = button.closest("tr");
    var id = tr.id || tr.getAttribute("data-code");
    var url = pageUrl() + "#" + id;
    copyText(url).then(
      function () {
        say(table.getAttribute("data-copied"));
      },
      function () {
        history.replaceState(null, "", "#" + id);
        say(table.getAttribute("data-copy-failed"));
      }
    );
  }
  table.addEventListener("click", onCopyClick);

  // --- Filter ------------------------------------------------------------------------------

  var box = document.querySelector(".gs-filter");
  var input = box && box.querySelector("input");
  var empty = box && box.querySelector(".gs-filter__empty");
  var folds = [];
  var foldMap = JSON.parse(table.getAttribute("data-fold") || "{}");
  Object.keys(foldMap).forEach(function (letter) {
    folds.push([normalise(letter), normalise(foldMap[letter])]);
  });

  // Case, compatibility forms and the page language's interchangeable letters all match.
  function normalise(text) {
    var result = text.normalize("NFKD").toLowerCase();
    for (var i = 0; i < folds.length; i++) {
      result = result.split(folds[i][0]).join(folds[i][1]);
    }
    return result;
  }

  // Each row's text, normalised once, when the filter is first used. The label before each
  // API message is the same in every row, so it is left out: "API" finds the codes that say it.
  var messageLabel = table.getAttribute("data-message-label") || "";
  var haystacks = null;
  var messages = null;
  function rowTexts() {
    if (haystacks === null) {
      messages = [];
      haystacks = rows.map(function (row) {
        var cells = [];
        for (var c = 0; c < row.cells.length; c++) {
          cells.push(row.cells[c].textContent);
        }
        var message = row.querySelector(".gs-message samp");
        messages.push(message ? normalise(message.textContent) : "");
        return normalise(messageLabel ? cells.join(" ").split(messageLabel).join(" ") : cells.join(" "));
      });
    }
    return haystacks;
  }

  // While the box holds a query, the matches (at most LIMIT of them: a reader narrows further
  // by typing) show in a small table of copies, and the full table is hidden with
  // content-visibility, which keeps its layout: hiding and showing thousands of rows then
  // costs next to nothing, where restyling them took hundreds of milliseconds per keystroke.
  var LIMIT = 200;
  var more = box && box.querySelector(".gs-filter__more");
  var wrap = table.parentNode;
  var results = table.cloneNode(false);
  results.removeAttribute("id");
  results.classList.add("gs-results");
  results.hidden = true;
  for (var part = 0; part < table.children.length; part++) {
    var piece = table.children[part];
    if (piece.tagName !== "TBODY") {
      results.appendChild(piece.cloneNode(true));
    }
  }
  results.addEventListener("click", onCopyClick);

  // The matches go in small groups of rows, which the browser skips while they are off the
  // screen (errors.css), as it does the full table's: a keystroke lays out what shows.
  var MATCH_GROUP = 20;
  function matchGroup() {
    var group = document.createElement("tbody");
    group.className = "gs-rows";
    return group;
  }
  wrap.parentNode.insertBefore(results, wrap);

  function copyOf(row) {
    var copy = row.cloneNode(true);
    copy.removeAttribute("id"); // ids stay unique: the copy links to the row it stands for
    copy.setAttribute("data-code", row.id);
    return copy;
  }

  function applyFilter() {
    var query = input.value;
    var words = normalise(query).split(/\s+/).filter(Boolean);
    var hits = document.createDocumentFragment();
    var group = null;
    var total = 0;
    var first = [];
    var later = [];
    if (words.length) {
      var texts = rowTexts();
      // A query that is part of a code's API message (copied from a response) puts that code
      // first; the other matches follow in the table's order.
      var phrase = words.join(" ");
      for (var i = 0; i < rows.length; i++) {
        var match = true;
        for (var w = 0; w < words.length && match; w++) {
          match = texts[i].indexOf(words[w]) !== -1;
        }
        if (match && ++total <= LIMIT) {
          (messages[i].indexOf(phrase) !== -1 ? first : later).push(rows[i]);
        }
      }
    }
    var shown = first.concat(later);
    for (var k = 0; k < shown.length; k++) {
      if (!group || group.rows.length === MATCH_GROUP) {
        group = hits.appendChild(matchGroup());
      }
      group.appendChild(copyOf(shown[k]));
    }
    while (results.tBodies.length) {
      results.removeChild(results.tBodies[0]);
    }
    results.appendChild(hits);
    results.hidden = !words.length || !total;
    setFiltering(words.length > 0);
    setText(
      empty,
      words.length && !total
        ? empty.getAttribute("data-message").replace("{query}", query.trim())
        : ""
    );
    if (more) {
      setText(
        more,
        total > LIMIT
          ? more.getAttribute("data-message")
              .replace("{shown}", String(LIMIT)).replace("{total}", String(total))
          : ""
      );
    }
    box.setAttribute("data-applied", query); // what the rows now show (tests wait on it)
  }

  function setText(element, text) {
    if (element.textContent !== text) {
      element.textContent = text;
    }
  }

  // An inline style, not a class: Chromium restyled every row when a class on the wrapper
  // was removed (about 500 ms at 10,000 rows), and does not for this (about 50 ms).
  var filtering = false;
  function setFiltering(on) {
    if (on !== filtering) {
      filtering = on;
      wrap.style.contentVisibility = on ? "hidden" : "";
      wrap.style.containIntrinsicSize = on ? "0 0" : "";
    }
  }

  function isFilteredOut() {
    return filtering;
  }

  function clearFilter() {
    if (input && input.value) {
      input.value = "";
      applyFilter();
    }
  }

  if (input && empty) {
    input.addEventListener("input", applyFilter);
    // Prepare the rows' text before the reader types: when the page is idle, or at the latest
    // when the box gets the focus.
    input.addEventListener("focus", rowTexts);
    if (window.requestIdleCallback) {
      requestIdleCallback(rowTexts);
    }
  }

  // --- Deep links --------------------------------------------------------------------------

  function showTarget() {
    var row = rowFor(location.hash);
    if (!row) {
      return;
    }
    if (isFilteredOut()) {
      clearFilter();
    }
    row.scrollIntoView({ block: "start" });
  }
  window.addEventListener("hashchange", showTarget);
  // The buttons above may have moved the row since the browser scrolled to it. Scrolling in
  // the next frame uses the layout that frame needs anyway, instead of forcing one now.
  if (rowFor(location.hash)) {
    requestAnimationFrame(showTarget);
  }

  table.setAttribute("data-ready", ""); // the tools above are in place (tests wait on it)
})();
