// The search feature of assets/site.js, as the browser runs it (ES2017, a classic script: it
// must work from file://). Every page: the header's box goes to search/index.html?q=… instead
// of the archive. The results page: loads the prebuilt index (assets/search-index.js, set as
// window.CASEBOOK_SEARCH), searches as the reader types — prefix and typo-tolerant, every
// word required — and lists the studies found as links with
// snippets, the count announced by a live region. Snippets are cut from the strings the index
// ships (site-search-doc.ts); all text is escaped before any <mark> is added.
// `window.CasebookSearch` holds the parts without the DOM, which the Node tests run as they are.
// Written without backticks; the only substitution is the index's field characters.
import { FIELD_CHARS } from './site-search-index';

export const SEARCH_SCRIPT = String.raw`
var FIELD_CHARS = ${JSON.stringify(FIELD_CHARS)};
var ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) { return ESCAPES[c]; });
}
// One typo in a word of 4+ letters, two from 8: "latncy" finds "latency", "cat" not "car".
function fuzziness(term) {
  return term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
}
var FIELD_WEIGHTS = [4, 2, 3, 2, 1]; // title, summary, tags, categories, body (SEARCH_FIELDS)
var MATCH_EXACT = 1;
var MATCH_PREFIX = 0.6;
var MATCH_TYPO = 0.4;
var MAX_EXPANSIONS = 400;
function load(data) {
  return {
    data: data,
    split: data.split,
    terms: data.terms ? data.terms.split(' ') : [],
    postings: data.postings ? data.postings.split(' ') : [],
  };
}
// Index of the first term not below word (the terms are sorted by code unit).
function lowerBound(terms, word) {
  var lo = 0;
  var hi = terms.length;
  while (lo < hi) {
    var mid = (lo + hi) >>> 1;
    if (terms[mid] < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
// Whether a and b are within k edits (insert, delete, substitute): one reused row, cut short
// once every cell of a row is past k (most words are, within a letter or two).
var editRow = new Int32Array(64);
function withinEdits(a, b, k) {
  var n = b.length;
  if (Math.abs(a.length - n) > k || n >= editRow.length) return false;
  var row = editRow;
  for (var j = 0; j <= n; j++) row[j] = j;
  for (var i = 1; i <= a.length; i++) {
    var prev = row[0];
    row[0] = i;
    var best = i;
    var ca = a.charCodeAt(i - 1);
    for (var c = 1; c <= n; c++) {
      var cur = row[c];
      var v = prev + (ca === b.charCodeAt(c - 1) ? 0 : 1);
      if (cur + 1 < v) v = cur + 1;
      if (row[c - 1] + 1 < v) v = row[c - 1] + 1;
      row[c] = v;
      prev = cur;
      if (v < best) best = v;
    }
    if (best > k) return false;
  }
  return row[n] <= k;
}
// The terms a query word matches: itself, words it starts, words one or two typos away.
function expand(engine, word) {
  var terms = engine.terms;
  var found = new Map();
  var i = lowerBound(terms, word);
  if (terms[i] === word) found.set(i, MATCH_EXACT);
  for (var p = i; p < terms.length && found.size < MAX_EXPANSIONS && terms[p].indexOf(word) === 0; p++) {
    if (!found.has(p)) found.set(p, MATCH_PREFIX);
  }
  var k = fuzziness(word);
  if (k > 0) {
    for (var t = 0; t < terms.length && found.size < MAX_EXPANSIONS; t++) {
      if (!found.has(t) && withinEdits(word, terms[t], k)) found.set(t, MATCH_TYPO);
    }
  }
  return found;
}
// Each study holding term t, with its field bits: doc -> bits.
function postingsOf(engine, t) {
  var text = engine.postings[t] || '';
  var out = [];
  var digits = '';
  var doc = 0;
  for (var i = 0; i < text.length; i++) {
    var ch = text.charAt(i);
    var bits = FIELD_CHARS.indexOf(ch);
    if (bits < 0) digits += ch;
    else {
      doc += parseInt(digits, 36);
      digits = '';
      out.push(doc, bits);
    }
  }
  return out;
}
function weightOf(bits) {
  var w = 0;
  for (var f = 0; f < FIELD_WEIGHTS.length; f++) if (bits & (1 << f)) w += FIELD_WEIGHTS[f];
  return w;
}
// Studies holding every query word (or a word it matches), best first: each word scores its
// best match's kind times the weight of the fields it is in; ties keep the site's order.
function rank(engine, words) {
  var scores = null;
  words.forEach(function (word) {
    var here = new Map();
    expand(engine, word).forEach(function (quality, t) {
      var list = postingsOf(engine, t);
      for (var i = 0; i < list.length; i += 2) {
        var doc = list[i];
        if (scores && !scores.has(doc)) continue;
        var score = quality * weightOf(list[i + 1]);
        var seen = here.get(doc);
        if (!seen) here.set(doc, (seen = { score: 0, terms: [] }));
        if (score > seen.score) seen.score = score;
        seen.terms.push(engine.terms[t]);
      }
    });
    if (scores) here.forEach(function (v, doc) {
      var before = scores.get(doc);
      v.score += before.score;
      v.terms = v.terms.concat(before.terms);
    });
    scores = here;
  });
  var out = [];
  (scores || new Map()).forEach(function (v, doc) { out.push({ id: doc, score: v.score, terms: v.terms }); });
  return out.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
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
      tags: doc[3],
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
