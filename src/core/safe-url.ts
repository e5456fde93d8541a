// Which link targets user content may carry: http, https, mailto and relative.
// Everything else (javascript:, data:, file:, vbscript:, smb:…) is refused.

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export function isSafeHref(raw: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const href = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (href === '') return false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href);
  if (!scheme) return !href.startsWith('//') && !href.startsWith('\\'); // relative, not protocol-relative
  return SAFE_SCHEMES.has(`${scheme[1]!.toLowerCase()}:`);
}

/** For shell.openExternal: only absolute http(s) and mailto URLs. */
export function isExternalUrlAllowed(raw: string): boolean {
  try {
    return SAFE_SCHEMES.has(new URL(raw).protocol);
  } catch {
    return false;
  }
}
