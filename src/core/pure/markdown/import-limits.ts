import { MAX_RICH_TEXT_DEPTH } from '../schemas/rich-text-depth';

// What one imported Markdown file may cost. A file past any limit is skipped with a reason;
// the rest of the import goes on. Figures measured on the project's 2-core VM under load:
// ordinary Markdown parses at about 5 µs per byte (1 MB ≈ 6 s), while quadratic inputs such
// as `*a_` × 8,000 (24 KB) take ~18 s — the time limit, not the size, is what stops those.

/** Bytes in one Markdown file. A long case study is ~50 KB; a whole book is ~1 MB. */
export const MAX_MARKDOWN_FILE_BYTES = 1024 * 1024;

/** Wall-clock time to parse one file, in a worker that is stopped when it runs over. */
export const PARSE_TIME_LIMIT_MS = 10_000;

/**
 * Time to read one template section's Markdown (a real one reads in milliseconds). Shorter
 * than a file's limit: templates are read at every open and every template listing.
 */
export const TEMPLATE_PARSE_TIME_LIMIT_MS = 2_000;

/** Heap of the parsing worker; a file that needs more is stopped like a slow one. */
export const PARSE_WORKER_HEAP_MB = 512;

/**
 * Nesting of quotes, lists, emphasis and `<u>` in one file (the root counts as level 1): the
 * rich-text limit plus room for inline marks, which nest in Markdown but lie flat in the
 * editor. The converted document is then held to the rich-text limit itself.
 */
export const MAX_MARKDOWN_DEPTH = MAX_RICH_TEXT_DEPTH + 16;

/** Aliases (`*name`) resolved in front matter: a 437-byte "billion laughs" needs millions. */
export const MAX_FRONT_MATTER_ALIASES = 100;
