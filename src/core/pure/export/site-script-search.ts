// The search feature of assets/site.js, as the browser runs it (ES2017, a classic script: it
// must work from file://). Every page: the header's box goes to search/index.html?q=… instead
// of the archive. The results page: loads the prebuilt index (assets/search-index.js, set as
// window.CASEBOOK_SEARCH), searches as the reader types — prefix and typo-tolerant, every
// word required — and lists the studies found as links with
// snippets, the count announced by a live region. Snippets are cut from the strings the index
// ships (site-search-doc.ts); all text is escaped before any <mark> is added.
// `window.CasebookSearch` holds the parts without the DOM, which the Node tests run as they are.
// Written without backticks (the engine it runs on: site-script-search-engine.ts).
import { SEARCH_ENGINE_SCRIPT } from './site-script-search-engine';

export const SEARCH_SCRIPT =
  SEARCH_ENGINE_SCRIPT +
  String.raw`
var ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) { return ESCAPES[c]; });
}
// Text with every word that starts with a found term marked, escaped throughout.
function markWords(text, terms, split) {
  var out = '';
  var last = 0;
  var re = new RegExp(split, 'g');
  var word = function (w) {
    var lower = w.toLowerCase();
    for (var i = 0; i < terms.length; i++) {
      if (w && lower.indexOf(terms[i]) === 0) return '<mark>' + escapeHtml(w) + '</mark>';
    }
    return escapeHtml(w);
  };
  var m;
  while ((m = re.exec(text)) !== null) {
    out += word(text.slice(last, m.index)) + escapeHtml(m[0]);
    last = m.index + m[0].length;
  }
  return out + word(text.slice(last));
}
// Where the first word starting with a found term begins in text, or -1.
function firstMatch(text, terms, split) {
  var re = new RegExp(split, 'g');
  var start = 0;
  var m;
  for (;;) {
    m = re.exec(text);
    var end = m ? m.index : text.length;
    var lower = text.slice(start, end).toLowerCase();
    for (var i = 0; i < terms.length; i++) if (lower && lower.indexOf(terms[i]) === 0) return start;
    if (!m) return -1;
    start = m.index + m[0].length;
  }
}
var SNIPPET = 180;
// About SNIPPET characters of text around position at, cut at spaces, "…" where cut.
function cutAround(text, at) {
  if (text.length <= SNIPPET) return text;
  var start = Math.max(0, at - 50);
  if (start > 0) {
    var space = text.indexOf(' ', start);
    start = space >= 0 && space < at ? space + 1 : start;
  }
  var end = Math.min(text.length, start + SNIPPET);
  if (end < text.length) {
    var back = text.lastIndexOf(' ', end);
    end = back > at ? back : end;
  }
  return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
}
// The snippet of one result: from the summary or the first section whose start holds a found
// word; otherwise the summary (or first section), said to match further in.
function snippetOf(doc, terms, engine) {
  var split = engine.split;
  var fields = [[doc[2], '']];
  doc[5].forEach(function (text, i) { fields.push([text, engine.data.sections[i]]); });
  for (var i = 0; i < fields.length; i++) {
    var at = firstMatch(fields[i][0], terms, split);
    if (at >= 0) return { where: fields[i][1], html: markWords(cutAround(fields[i][0], at), terms, split) };
  }
  var fallback = doc[2] || doc[5].filter(Boolean)[0] || '';
  return { where: '', html: markWords(cutAround(fallback, 0), terms, split) };
}
function search(engine, query, limit) {
  var words = String(query || '').toLowerCase().slice(0, 200).split(new RegExp(engine.split))
    .filter(Boolean).slice(0, 10);
  if (!words.length) return [];
  var hits = rank(engine, words);
  return hits.slice(0, limit || 50).map(function (hit) {
    var doc = engine.data.docs[hit.id];
    var terms = hit.terms;
    var snippet = snippetOf(doc, terms, engine);
    return {
      path: doc[0],
      titleHtml: markWords(doc[1], terms, engine.split),
      where: snippet.where,
      snippetHtml: snippet.html,
      total: hits.length,
    };
  });
}
window.CasebookSearch = { load: load, search: search, escapeHtml: escapeHtml };

function countText(n, q) {
  return (n === 0 ? 'No case studies' : n === 1 ? '1 case study' : n + ' case studies') + ' found for “' + q + '”';
}
function showResults(engine, list, status, root, q) {
  var found = search(engine, q, 50);
  var total = found.length ? found[0].total : 0;
  status.textContent = q ? countText(total, q) : 'Type a word to search every case study.';
  list.innerHTML = found
    .map(function (r) {
      return '<li class="search-result"><h2><a href="' + escapeHtml(root + r.path) + '">' + r.titleHtml + '</a></h2>' +
        (r.where ? '<p class="search-where">' + escapeHtml(r.where) + '</p>' : '') +
        (r.snippetHtml ? '<p class="search-snippet">' + r.snippetHtml + '</p>' : '') + '</li>';
    })
    .join('');
}
function wireSearch() {
  var form = document.querySelector('form[data-search]');
  if (!form) return;
  var input = form.querySelector('input[name="q"]');
  var list = document.getElementById('search-results');
  var rerun = null;
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var q = input.value.trim();
    if (rerun) return rerun();
    window.location.href = form.getAttribute('data-search') + (q ? '?q=' + encodeURIComponent(q) : '');
  });
  if (!list) return;
  var status = document.getElementById('search-status');
  var root = list.getAttribute('data-root') || '';
  var q = new URLSearchParams(window.location.search).get('q') || '';
  input.value = q;
  if (!window.CASEBOOK_SEARCH) {
    status.textContent = 'The search index did not load; browse all case studies instead.';
    return;
  }
  var engine = load(window.CASEBOOK_SEARCH);
  showResults(engine, list, status, root, q.trim());
  var timer = 0;
  rerun = function () {
    clearTimeout(timer);
    var now = input.value.trim();
    showResults(engine, list, status, root, now);
    try {
      window.history.replaceState(null, '', now ? '?q=' + encodeURIComponent(now) : window.location.pathname);
    } catch (e) {
      // Some file:// setups refuse it: the results are shown all the same.
    }
  };
  input.addEventListener('input', function () {
    clearTimeout(timer);
    // Waits for a pause in typing, so the live region announces one count, not one per key.
    timer = setTimeout(rerun, 200);
  });
}
wireSearch();
`;
