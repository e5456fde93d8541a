// Conflict records as a settings merge writes them, for the resolve tests of casebook.json and
// template files.
import type { Conflict } from '../../../src/core/pure/merge/conflict-schema';

export const at = '2026-03-01T10:00:00.000Z';

/** A record of `field` (one `item` of it when given): their value, mine as kept. */
export const record = (id: string, field: string, theirs: unknown, item?: string): Conflict => ({
  id,
  at,
  where: item === undefined ? { kind: 'field', field } : { kind: 'field', field, item },
  mine: null,
  theirs,
});

/** Another record, which every resolution must leave in place. */
export const other = record('other', 'tagline', 'Theirs');
