// Two authors changing the same study: different fields and different paragraphs merge; the
// same paragraph changed two ways keeps mine and records theirs in the study (nothing lost, no
// markers); a save landing while the merge is applied is merged again, never overwritten.
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CasebookService } from '../../../src/core/node/casebook-service';
import { cloneAs, makeRepoWorkspace, makeRoot } from './git-fixtures';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

async function twoAuthors(): Promise<{ ann: CasebookService; bob: CasebookService; id: string }> {
  const remote = path.join(root, 'team.git');
  const { service: ann, ids } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', ['Shared study']);
  await ann.updateStudy({
    id: ids[0],
    patch: { problem: { type: 'doc', content: [para('First paragraph.'), para('Second paragraph.')] } },
  });
  await ann.syncWorkspace({ remote });
  const bob = await cloneAs(remote, path.join(root, 'bob'), 'Bob');
  return { ann, bob, id: ids[0] };
}

/** The study's problem section with paragraph `i` given `text` (its block id kept). */
async function withParagraph(side: CasebookService, id: string, i: number, text: string) {
  const study = await side.getStudy({ id });
  const content = structuredClone(study.problem.content ?? []);
  content[i] = { ...content[i], content: [{ type: 'text', text }] };
  return { ...study.problem, content };
}

const texts = (doc: { content?: Array<{ content?: Array<{ text?: string }> }> }) =>
  (doc.content ?? []).map((b) => (b.content ?? []).map((t) => t.text).join(''));

describe('one study, two authors', () => {
  it('merges a title changed here with tags changed there', async () => {
    const { ann, bob, id } = await twoAuthors();
    await ann.updateStudy({ id, patch: { title: 'Ann’s better title' } });
    await bob.updateStudy({ id, patch: { tags: ['caching', 'postmortem'] } });
    await ann.syncWorkspace({});
    const result = await bob.syncWorkspace({});
    expect(result.conflicts).toEqual([]);
    expect(result.received).toEqual([{ id, title: 'Ann’s better title' }]);
    await ann.syncWorkspace({});
    for (const side of [ann, bob]) {
      const study = await side.getStudy({ id });
      expect(study.title).toBe('Ann’s better title');
      expect(study.tags).toEqual(['caching', 'postmortem']);
    }
  });

  it('merges edits to different paragraphs of one section', async () => {
    const { ann, bob, id } = await twoAuthors();
    await ann.updateStudy({ id, patch: { problem: await withParagraph(ann, id, 0, 'Ann rewrote the first.') } });
    await bob.updateStudy({ id, patch: { problem: await withParagraph(bob, id, 1, 'Bob rewrote the second.') } });
    await ann.syncWorkspace({});
    expect((await bob.syncWorkspace({})).conflicts).toEqual([]);
    await ann.syncWorkspace({});
    for (const side of [ann, bob])
      expect(texts((await side.getStudy({ id })).problem)).toEqual([
        'Ann rewrote the first.',
        'Bob rewrote the second.',
      ]);
  });

  it('keeps mine and records theirs when both changed the same paragraph', async () => {
    const { ann, bob, id } = await twoAuthors();
    await ann.updateStudy({ id, patch: { problem: await withParagraph(ann, id, 0, 'Ann’s version.') } });
    await bob.updateStudy({ id, patch: { problem: await withParagraph(bob, id, 0, 'Bob’s version.') } });
    await ann.syncWorkspace({});
    const result = await bob.syncWorkspace({});
    expect(result.conflicts).toEqual([{ id, title: 'Shared study', recorded: true }]);
    expect(result.status.conflicts).toBe(1);
    const study = await bob.getStudy({ id });
    expect(texts(study.problem)[0]).toBe('Bob’s version.');
    expect(JSON.stringify(study.conflicts)).toContain('Ann’s version.');
    expect(study.conflicts[0].theirsAuthor).toBe('Ann');
    const file = await readFile(path.join(bob.workspace, 'studies', `${id}.json`), 'utf8');
    expect(file).not.toMatch(/^(<<<<<<<|>>>>>>>|=======)/m);
    // Ann receives the merge with Bob's version kept and her own recorded: nothing is lost on either side.
    await ann.syncWorkspace({});
    expect(JSON.stringify(await ann.getStudy({ id }))).toContain('Ann’s version.');
  });

  it('merges a save that lands while the merge is being applied, instead of overwriting it', async () => {
    const { ann, bob, id } = await twoAuthors();
    await ann.updateStudy({ id, patch: { title: 'Title from Ann' } });
    await ann.syncWorkspace({});
    let saved = false;
    const result = await bob.syncWorkspace({}, (p) => {
      // The remote's change is merged and about to be written: Bob saves the same study now.
      if (p.stage === 'merge' && p.done === 0 && !saved) {
        saved = true;
        void bob.updateStudy({ id, patch: { summary: 'Bob typed during the sync' } });
      }
    });
    expect(saved).toBe(true);
    expect(result.conflicts).toEqual([]);
    const study = await bob.getStudy({ id });
    expect(study.title).toBe('Title from Ann');
    expect(study.summary).toBe('Bob typed during the sync');
    // The save is committed by the next sync and reaches Ann.
    await bob.syncWorkspace({});
    await ann.syncWorkspace({});
    expect((await ann.getStudy({ id })).summary).toBe('Bob typed during the sync');
  });
});
