// assets/site.js: the site's one small classic script, loaded with `defer` (the page is parsed
// when it runs). Progressive enhancement only: every page reads and works without it. No
// inline handlers, no eval, no modules (works from file:// and under a strict CSP).
//
// Each feature is its own module exporting a SiteScriptFeature, joined here in one list: a
// feature that throws does not stop the others.
import { CODE_COPY_FEATURE } from './site-script-code-copy';
import { SEARCH_SCRIPT } from './site-script-search';

export interface SiteScriptFeature {
  /** Names the feature in the script (a comment), for whoever reads it in the browser. */
  name: string;
  /** ES5 source of a function expression taking no arguments; it sets the feature up. */
  source: string;
}

/** The header's search box and the results page (site-script-search.ts: statements, wrapped here). */
const SEARCH_FEATURE: SiteScriptFeature = { name: 'search', source: `function () {\n${SEARCH_SCRIPT}\n}` };

/** Every feature the script sets up, in order. Add yours with one line. */
export const SITE_SCRIPT_FEATURES: readonly SiteScriptFeature[] = [CODE_COPY_FEATURE, SEARCH_FEATURE];

export function siteScript(features: readonly SiteScriptFeature[] = SITE_SCRIPT_FEATURES): string {
  // Stryker disable next-line MethodExpression: white space around a function expression only changes how site.js looks
  const list = features.map((f) => `/* ${f.name.replace(/\*\//g, '')} */\n${f.source.trim()}`).join(',\n');
  return `/* Casebook site script: progressive enhancement only */
(function () {
  'use strict';
  var features = [
${list}
  ];
  for (var i = 0; i < features.length; i++) {
    try {
      features[i]();
    } catch (e) {
      if (window.console) console.error(e);
    }
  }
})();
`;
}

export const SITE_SCRIPT = siteScript();
