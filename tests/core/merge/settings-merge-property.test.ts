// A property of the site settings' merge over random pairs of edits: every setting changed on
// one side only is in the result, every author bio changed on one side only is too, and a value
// changed differently on both sides is kept (ours) with theirs in the file's conflict list.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeJson } from '../../../src/core/pure/json-text';
import { mergeWorkspaceFile } from '../../../src/core/pure/merge/workspace-file-merge';
import { defaultSiteSettings, workspaceFileSchema, type SiteSettings } from '../../../src/core/pure/schemas/site';

const TEXT_KEYS = ['title', 'tagline', 'description', 'author'] as const;
const NAMES = ['Ann', 'Bo', 'Cy'] as const;
const words = fc.constantFrom('alpha', 'bravo', 'charlie', 'delta');

/** One side's edits: some text settings and some authors' bios (undefined: left as in base). */
const sideArb = fc.record({
  text: fc.record(Object.fromEntries(TEXT_KEYS.map((k) => [k, fc.option(words, { nil: undefined })]))),
  bios: fc.record(Object.fromEntries(NAMES.map((n) => [n, fc.option(words, { nil: undefined })]))),
});
type Side = { text: Record<string, string | undefined>; bios: Record<string, string | undefined> };

const base: SiteSettings = {
  ...defaultSiteSettings(),
  authors: NAMES.map((name) => ({ name, bio: 'base', url: '', avatar: '' })),
};

function applied(side: Side): SiteSettings {
  const site: SiteSettings = { ...base, authors: base.authors.map((a) => ({ ...a })) };
  for (const key of TEXT_KEYS) if (side.text[key] !== undefined) site[key] = side.text[key]!;
  for (const a of site.authors) if (side.bios[a.name] !== undefined) a.bio = side.bios[a.name]!;
  return site;
}

const file = (site: SiteSettings) => serializeJson(workspaceFileSchema, { schemaVersion: 1, site });

describe('the site settings merge over random edit pairs', () => {
  it('never loses an edit without a conflicting twin, and records every one that has', () => {
    fc.assert(
      fc.property(sideArb, sideArb, (ours: Side, theirs: Side) => {
        const [o, t] = [applied(ours), applied(theirs)];
        const result = mergeWorkspaceFile('casebook.json', file(base), file(o), file(t));
        expect(result.recorded).toBe(true);
        const merged = workspaceFileSchema.parse(JSON.parse(result.text));
        const conflicts = merged.conflicts ?? [];
        for (const key of TEXT_KEYS) {
          const [mine, their] = [o[key], t[key]];
          if (mine === their || their === base[key]) expect(merged.site[key]).toBe(mine);
          else if (mine === base[key]) expect(merged.site[key]).toBe(their);
          else {
            expect(merged.site[key]).toBe(mine);
            expect(conflicts).toContainEqual(
              expect.objectContaining({ where: { kind: 'field', field: key }, theirs: their }),
            );
          }
        }
        for (const name of NAMES) {
          const bio = (s: SiteSettings) => s.authors.find((a) => a.name === name)!.bio;
          const got = bio(merged.site);
          const [mine, their] = [bio(o), bio(t)];
          if (mine === their || their === 'base') expect(got).toBe(mine);
          else if (mine === 'base') expect(got).toBe(their);
          else {
            expect(got).toBe(mine);
            const onAuthor = conflicts.find((c) => c.where.kind === 'field' && c.where.item === name);
            expect(onAuthor?.theirs).toMatchObject({ bio: their });
          }
        }
        expect(result.text).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
      }),
      { numRuns: 200 },
    );
  });
});
