// Which link targets user content may carry: http, https, mailto and relative links that stay
// on the page's own site. Everything else (javascript:, data:, file:, vbscript:, //other.host…)
// is refused.
//
// The decision is made on the exact string that will be written, parsed as a browser parses
// it (the WHATWG URL parser, against a base). Callers write the returned string and nothing
// else: a check on one normalisation and a write of another (say, `.trim()`, which strips a
// leading U+00A0 the URL parser keeps) is how `\u00a0javascript:` once became a live link.

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

// Control characters (an HTML escaper or parser may drop or rewrite them, so the written
// string would differ from the checked one) and lone surrogates (written as U+FFFD) anywhere;
// whitespace and invisible format characters (U+00A0, U+FEFF, U+200B, U+2028…) at either end,
// where one tool keeps them and another strips them.
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const UNSAFE_ANYWHERE = /[\u0000-\u001f\u007f-\u009f]|\p{Cs}/u;
const UNSAFE_AT_ENDS = /^[\p{White_Space}\p{Cf}]|[\p{White_Space}\p{Cf}]$/u;

// A relative link must resolve to the page's own origin wherever the site is served from or
// opened: on a web server and from disk (where `//host/x` would be a file:// share).
// Parsed on first use: modules that merely import this one (the preload bundle) build no URL.
const BASES = ['https://casebook.invalid/site/page/', 'file:///casebook/site/page/'];

function parse(value: string, base?: URL): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

/**
 * The link target to write, or null when it is unsafe. Returns `raw` itself, never a
 * cleaned-up copy: what is written is exactly what was checked.
 */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw === '') return null;
  if (UNSAFE_ANYWHERE.test(raw) || UNSAFE_AT_ENDS.test(raw)) return null;
  const absolute = parse(raw);
  if (absolute) return SAFE_SCHEMES.has(absolute.protocol) ? raw : null;
  for (const baseText of BASES) {
    const base = new URL(baseText);
    const resolved = parse(raw, base);
    // Stryker disable next-line ConditionalExpression: a relative reference keeps the base's scheme (WHATWG URL); the scheme test is a second guard
    if (!resolved || resolved.protocol !== base.protocol || resolved.host !== base.host) return null;
  }
  return raw;
}

/** An absolute http(s) address to show a remote image from (written exactly), or null. */
export function safeRemoteUrl(raw: unknown): string | null {
  const href = safeHref(raw);
  // Stryker disable next-line ConditionalExpression: parse(null) is null as well ("null" is no URL)
  const url = href === null ? null : parse(href);
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? href : null;
}

// An inline raster image, as the preview embeds workspace images (never an SVG, which can
// hold script when opened on its own).
const INLINE_RASTER = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]*={0,2}$/;

/** What an <img src> may hold: a safe link target or an inline raster image; else null. */
export function safeImageSrc(raw: unknown): string | null {
  return typeof raw === 'string' && INLINE_RASTER.test(raw) ? raw : safeHref(raw);
}

/** For shell.openExternal: only absolute http(s) and mailto URLs. */
export function isExternalUrlAllowed(raw: string): boolean {
  const href = safeHref(raw);
  return href !== null && parse(href) !== null;
}
