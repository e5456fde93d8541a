// Reference-style links and images (`[text][Label]`, `[label]: url`) match by label.

/** How Markdown matches reference labels: case and runs of whitespace do not count. */
export function normalizeLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim().toLowerCase();
}
