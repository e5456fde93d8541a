// Escaping for the site's HTML, shared by the block renderers and the page templates.

// Markup characters, plus control characters HTML forbids in text (a pasted \u0001 would
// make the page invalid); tab, newline and carriage return are ordinary whitespace.
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const NEEDS_ESCAPE = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- as above
const ESCAPE_ALL = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and for quoted attribute values alike. */
export function escapeHtml(value: string): string {
  // Most text needs no escaping; testing first avoids building a new string for it.
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPE_ALL, (c) => ESCAPES[c] ?? '') : value;
}

/** A stored attribute as a small positive integer (a level, a list start, a span), or null. */
export function positiveInt(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 && n < 10_000 ? n : null;
}
