// The only script elements an exported page may hold: the theme's own external, classic,
// deferred files from its assets (no inline code); relative, or under the base URL on the 404 page.
export const THEME_SCRIPT =
  /<script src="(?:https:\/\/eng\.example\.com\/cases\/|(?:\.\.\/)*)assets\/(?:site|search-index)\.js" defer><\/script>\n?/g;

/** The page without the theme's own script elements, for checks that no other script got in. */
export const withoutThemeScripts = (html: string): string => html.replace(THEME_SCRIPT, '');
