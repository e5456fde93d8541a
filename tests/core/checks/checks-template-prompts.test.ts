import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOpenWorkspace } from '../../../src/cli/check-command';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { TemplatePrompts } from '../../../src/core/pure/checks/template-prompts';
import { docToPlainText, type RichTextDoc } from '../../../src/core/pure/schemas/rich-text';
import { sectionKeys } from '../../../src/core/pure/schemas/study';
import { withTempDir } from '../../helpers/temp-dir';

const RUNS = Number(process.env.CASEBOOK_PROPERTY_RUNS ?? 200);

/** Fills in everything but the sections, so only the prompts stand between it and publishing. */
const readyFields = {
  summary: 'We picked one queue for every service.',
  status: 'published' as const,
  date: '2026-04-02',
};

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...content: object[]): RichTextDoc => ({ type: 'doc', content: content as RichTextDoc['content'] });

describe('template prompts left in a study', () => {
  it('a study made from "Architecture decision" with its prompts untouched is not ready: each prompt is an error naming its section', async () => {
    await withTempDir(async (ws) => {
      const service = await openWorkspace(ws);
      const study = await service.createStudy({ title: 'One queue', template: 'architecture-decision' });
      await service.updateStudy({ id: study.id, patch: readyFields });
      const errors = (await service.checkStudy({ id: study.id })).filter((f) => f.rule === 'template-prompt');
      // Every section keeps at least one prompt paragraph.
      expect(new Set(errors.map((f) => f.field))).toEqual(new Set(sectionKeys));
      expect(errors.every((f) => f.severity === 'error')).toBe(true);
      const context = errors.find((f) => f.field === 'problem' && f.path?.join('.') === '1');
      expect(context?.message).toBe(
        'Problem still holds the prompt "The system and the forces at play: load, team size, deadlines, existing technol…" from the "Architecture decision" template: replace it with your own text or delete it.',
      );
      const report = await checkOpenWorkspace(service, { strict: true });
      expect(report.exitCode).toBe(1);
      expect(report.text).toContain('still holds the prompt');
    });
  });

  it('recognises a prompt whatever its case and spacing, and with the answer typed after it; passes once replaced', async () => {
    await withTempDir(async (ws) => {
      const service = await openWorkspace(ws);
      const study = await service.createStudy({ title: 'One queue', template: 'blank' });
      const prompt = 'The decision to make, in one sentence. What happens if you make none?';
      const answered = doc(para('Our own words about this.'));
      await service.updateStudy({
        id: study.id,
        patch: {
          ...readyFields,
          problem: doc(para(`  ${prompt.toUpperCase().replace(/ /g, '\u00a0 ')}  `)),
          decisions: doc(para(`${prompt} We ship one queue.`)),
          tradeoffs: answered,
          lessons: answered,
        },
      });
      const prompts = (await service.checkStudy({ id: study.id })).filter((f) => f.rule === 'template-prompt');
      expect(prompts.map((f) => f.field)).toEqual(['problem', 'decisions']);
      await service.updateStudy({ id: study.id, patch: { problem: answered, decisions: answered } });
      expect((await service.checkStudy({ id: study.id })).filter((f) => f.severity === 'error')).toEqual([]);
    });
  });

  it("recognises the prompts of the workspace's own templates in templates/", async () => {
    await withTempDir(async (ws) => {
      await mkdir(path.join(ws, 'templates'), { recursive: true });
      await writeFile(
        path.join(ws, 'templates', 'incident-review.json'),
        JSON.stringify({ name: 'Incident review', sections: { problem: 'Who noticed first, and how?' } }),
      );
      const service = await openWorkspace(ws);
      const study = await service.createStudy({ title: 'Outage', template: 'incident-review' });
      const findings = await service.checkStudy({ id: study.id });
      expect(findings.find((f) => f.rule === 'template-prompt')?.message).toContain(
        '"Who noticed first, and how?" from the "Incident review" template',
      );
      const workspace = await service.checkWorkspace({ publishedOnly: false });
      expect(workspace.studies[0]!.findings.some((f) => f.rule === 'template-prompt')).toBe(true);
    });
  });

  it('a prompt is still one with invisible format characters in it (zero-width space, soft hyphen, direction marks, word joiner, BOM)', () => {
    const prompts = TemplatePrompts.builtIn();
    const prompt = 'What you would tell a team facing the same choice.';
    for (const mark of ['\u200b', '\u00ad', '\u200e', '\u202a', '\u2060', '\ufeff', '\u200d']) {
      const hidden = [`${mark}${prompt}`, prompt.replace('team', `te${mark}am`), `${prompt}${mark}`];
      for (const text of hidden)
        expect(prompts.find(text)?.template, JSON.stringify(text)).toBe('Architecture decision');
    }
  });

  it('never calls ordinary text a prompt unless it starts with one (property)', () => {
    const prompts = TemplatePrompts.builtIn();
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const found = prompts.find(text);
        if (found) {
          const normal = (s: string) =>
            s
              .normalize('NFKC')
              .replace(/\p{Cf}/gu, '')
              .toLowerCase()
              .replace(/\s+/gu, ' ')
              .trim();
          expect(normal(text).startsWith(normal(found.text))).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    // And every built-in prompt paragraph is found, whatever its spacing.
    const doc = (markdown: string) => docToPlainText({ type: 'doc', content: [para(markdown)] } as RichTextDoc);
    expect(prompts.find(doc('What you would tell a team facing the same choice.'))?.template).toBe(
      'Architecture decision',
    );
  });
});
