// The spellchecker follows the site's language. On Windows and Linux Electron picks the
// dictionary from this list, not from the page's lang attribute (macOS uses the OS setting).
export function pickSpellcheckLanguage(language: string, available: readonly string[]): string | null {
  const wanted = language.toLowerCase();
  const exact = available.find((l) => l.toLowerCase() === wanted);
  if (exact) return exact;
  const base = wanted.split('-')[0]!;
  return (
    available.find((l) => l.toLowerCase() === base) ??
    available.find((l) => l.toLowerCase().startsWith(`${base}-`)) ??
    null
  );
}
