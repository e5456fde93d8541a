// The search index's recency order compares dates as numbers (newestEditOrder): it must list
// studies exactly as the library's one order, byNewestEdit, does — same-time ties by id, and
// a hand-edited date in another form falling back to the string order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byNewestEdit, newestEditOrder } from '../../../src/core/pure/study-order';

const canonical = fc
  .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) })
  // Few distinct times, so ties are common.
  .map((ms) => new Date(ms - (ms % 3_600_000)).toISOString());
const handEdited = fc.constantFrom('2026-03-01', '2026-03-01T10:00:00Z', '2026-03-01T10:00:00+02:00', '');
const summary = (updatedAt: fc.Arbitrary<string>) =>
  fc.record({ id: fc.constantFrom('a', 'b', 'c', 'study-10', 'study-9', 'z'), updatedAt });

describe('newestEditOrder', () => {
  it('orders exactly as byNewestEdit, for dates as Casebook writes them', () => {
    fc.assert(
      fc.property(fc.array(summary(canonical), { maxLength: 60 }), (items) => {
        expect(newestEditOrder(items, (s) => s)).toEqual([...items].sort(byNewestEdit));
      }),
    );
  });

  it('orders exactly as byNewestEdit when a hand-edited date is among them', () => {
    fc.assert(
      fc.property(fc.array(summary(fc.oneof(canonical, handEdited)), { maxLength: 40 }), (items) => {
        expect(newestEditOrder(items, (s) => s)).toEqual([...items].sort(byNewestEdit));
      }),
    );
  });

  it('puts the latest edit first and breaks a same-time tie by id', () => {
    const at = '2026-05-01T08:00:00.000Z';
    const items = [
      { id: 'b', updatedAt: at },
      { id: 'c', updatedAt: '2026-06-01T08:00:00.000Z' },
      { id: 'a', updatedAt: at },
    ];
    expect(newestEditOrder(items, (s) => s).map((s) => s.id)).toEqual(['c', 'a', 'b']);
  });
});
