// assets/site.js: the site's one script, for progressive enhancement only (every page reads
// and navigates without it). A classic deferred file — no modules, no fetch, no inline code —
// so it runs from file:// and under a strict CSP. Each feature is its own module of source,
// joined here, each in its own function scope so their names never meet.
import { SEARCH_SCRIPT } from './site-script-search';

/** The features, in the order they run. Add a feature here, one line. */
const FEATURES: Array<[name: string, source: string]> = [['search', SEARCH_SCRIPT]];

export const SITE_SCRIPT = `/* Casebook site script: progressive enhancement only */\n${FEATURES.map(
  ([name, source]) => `/* ${name} */\n(function () {\n'use strict';\n${source.trim()}\n})();\n`,
).join('')}`;
