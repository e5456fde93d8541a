// The only script elements an exported page may hold: the theme's own external, classic,
// deferred files from its assets (no inline code); relative, or under the base URL on the 404 page.
const SRC = String.raw`(?:https:\/\/eng\.example\.com\/cases\/|(?:\.\.\/)*)assets\/(?:site|search-index)\.js`;

/** The `src` of one of the theme's own scripts. */
export const THEME_SCRIPT_SRC = new RegExp(`^${SRC}$`);
export const THEME_SCRIPT = new RegExp(`<script src="${SRC}" defer><\\/script>\\n?`, 'g');

/** The page without the theme's own script elements, for checks that no other script got in. */
export const withoutThemeScripts = (html: string): string => html.replace(THEME_SCRIPT, '');
