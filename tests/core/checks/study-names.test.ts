// The duplicate checks' names (study-names.ts): titles that differ only in case or spacing are
// one title to a visitor; a rename or a removal is counted at once, one study at a time.
import { describe, expect, it } from 'vitest';
import { StudyNames, titleKey } from '../../../src/core/pure/checks/study-names';

const named = (id: string, title: string, slug = id) => ({ id, title, slug });

describe('study names for the duplicate checks', () => {
  it('reads titles differing only in case or spacing as the same title', () => {
    expect(titleKey('  Moving  to\tECS ')).toBe('moving to ecs');
    const names = StudyNames.of([
      named('a', 'Moving to ECS'),
      named('b', 'moving  to ecs '),
      named('c', 'Moving to EKS'),
    ]);
    expect(names.othersWithTitle(named('a', 'Moving to ECS'))).toBe(1);
    expect(names.othersWithTitle(named('c', 'Moving to EKS'))).toBe(0);
    // A study not in the list (a new one being checked) counts every holder of its title.
    expect(names.othersWithTitle(named('new', 'MOVING TO ECS'))).toBe(2);
  });

  it('gives an empty title no duplicates, however many studies have none', () => {
    const names = StudyNames.of([named('a', ''), named('b', '  '), named('c', '')]);
    expect(names.othersWithTitle(named('a', ''))).toBe(0);
    expect(names.othersWithTitle(named('b', '  '))).toBe(0);
    names.delete('a'); // a study without a title is removed like any other
    names.set(named('b', 'Now titled'));
    expect(names.othersWithTitle(named('new', 'now titled'))).toBe(1);
  });

  it('counts a rename and a removal at once, titles and slugs alike', () => {
    const names = StudyNames.of([named('a', 'Same', 'same'), named('b', 'Same', 'same'), named('c', 'Other', 'x')]);
    expect(names.othersWithSlug(named('a', 'Same', 'same'))).toBe(1);
    names.set(named('b', 'Renamed', 'renamed'));
    expect(names.othersWithTitle(named('a', 'Same', 'same'))).toBe(0);
    expect(names.othersWithSlug(named('a', 'Same', 'same'))).toBe(0);
    names.set(named('c', 'Same', 'same'));
    expect(names.othersWithTitle(named('a', 'Same', 'same'))).toBe(1);
    names.delete('c');
    names.delete('c'); // twice: nothing left to remove, nothing breaks
    names.delete('unknown');
    expect(names.othersWithTitle(named('a', 'Same', 'same'))).toBe(0);
    expect(names.othersWithTitle(named('new', 'Renamed'))).toBe(1);
    names.delete('b');
    expect(names.othersWithTitle(named('new', 'Renamed'))).toBe(0);
    expect(names.othersWithSlug(named('new', 'x', 'renamed'))).toBe(0);
  });
});
