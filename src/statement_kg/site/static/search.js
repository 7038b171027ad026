// Search over titles and entity names: filters the index shipped with the site, so it
// works from file:// and offline. Without JavaScript the lists below stay the way in.
(function () {
  "use strict";
  var input = document.getElementById("search");
  var results = document.getElementById("results");
  if (!input || !results || !window.SEARCH_INDEX) { return; }
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var entries = window.SEARCH_INDEX.map(function (e) { return { e: e, f: fold(e.t) }; });
  input.addEventListener("input", function () {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    results.textContent = "";
    if (!words.length) { return; }
    entries.filter(function (x) {
      return words.every(function (w) { return x.f.indexOf(w) >= 0; });
    }).slice(0, 30).forEach(function (x) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = x.e.u;
      a.textContent = x.e.t;
      li.appendChild(a);
      li.appendChild(document.createTextNode(" (" + x.e.k + ")"));
      results.appendChild(li);
    });
  });
}());
