// The search engine of assets/site.js (ES2017, classic script), over the index that
// site-search-index.ts writes: a query's words are each expanded to the site's words they
// match (itself, words it starts, words within one typo from 4 letters, two from 8), the
// postings of those words decoded, and the studies holding every query word ranked by how
// each matched (exact > prefix > typo) times the weight of the fields it is in.
// Written without backticks; the only substitution is the index's field characters.
import { FIELD_CHARS } from './site-search-index';

export const SEARCH_ENGINE_SCRIPT = String.raw`
var FIELD_CHARS = ${JSON.stringify(FIELD_CHARS)};
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
`;
