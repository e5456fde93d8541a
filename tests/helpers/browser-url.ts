// A test oracle for link targets: how a browser reads an href or src value written into HTML
// (or read from Markdown), independent of the code under test's own checks. Safe means it
// resolves to http, https or mailto, or stays on the page's own site, both when the site is
// served over https and when it is opened from disk.
const BASES = [new URL('https://site.example/casebook/study/'), new URL('file:///home/reader/site/study/')];
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const ENTITIES = new Map(Object.entries({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }));

/** Why a URL (as the browser's URL parser receives it) is unsafe, or null. */
export function unsafeUrl(value: string): string | null {
  for (const base of BASES) {
    let url: URL;
    try {
      url = new URL(value, base);
    } catch {
      continue; // a browser cannot follow it at all
    }
    if (SAFE_PROTOCOLS.has(url.protocol)) continue;
    if (url.protocol === base.protocol && url.host === base.host) continue;
    return `${JSON.stringify(value)} resolves to ${url.href.slice(0, 60)} on a ${base.protocol} page`;
  }
  return null;
}

/**
 * Why an attribute value, as written in the HTML source (between the quotes), is unsafe, or
 * null. Only the five references our escaper writes are decoded; any other `&…;` or a raw
 * control character would be decoded or rewritten by the browser in ways this oracle does not
 * model, so it counts as unsafe.
 */
export function unsafeAttribute(source: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u001f\u007f-\u009f]/.test(source)) return `${JSON.stringify(source)} holds a control character`;
  const rest = source.replace(/&(?:amp|lt|gt|quot|#39);/g, '');
  if (rest.includes('&')) return `${JSON.stringify(source)} holds a character reference`;
  return unsafeUrl(source.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES.get(e)!));
}

/**
 * The attributes of every start tag, values as written (entities still encoded; `quoted`
 * false for an unquoted value). In text, `<` is always written `&lt;`, and a quoted value
 * never holds a raw `"` or `>` (the escaper writes `&quot;`, `&gt;`), so tags are found whole.
 */
function attributes(html: string): Array<{ name: string; value: string; quoted: boolean }> {
  const out: Array<{ name: string; value: string; quoted: boolean }> = [];
  for (const tag of html.matchAll(/<[a-zA-Z][^\s/>]*([^>]*)>/g)) {
    for (const attr of tag[1]!.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|([^\s>]*)))?/g)) {
      const quoted = attr[2] !== undefined;
      out.push({ name: attr[1]!.toLowerCase(), value: attr[2] ?? attr[3] ?? '', quoted });
    }
  }
  return out;
}

/** Every href and src value in an HTML text, as written (entities still encoded). */
export function linkAttributes(html: string): string[] {
  return attributes(html)
    .filter((a) => a.name === 'href' || a.name === 'src')
    .map((a) => a.value);
}

/** Problems of every href and src in an HTML text (an unquoted one counts as a problem). */
export function unsafeLinksIn(html: string): string[] {
  return attributes(html)
    .filter((a) => a.name === 'href' || a.name === 'src')
    .map((a) => (a.quoted ? unsafeAttribute(a.value) : `unquoted ${a.name}=${a.value}`))
    .filter((p): p is string => p !== null);
}
