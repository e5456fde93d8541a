import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docToPlainText } from '../../../src/core/pure/schemas/rich-text';
import { studyDraftFromTemplate, markdownToSectionDoc } from '../../../src/core/pure/templates/template-draft';
import { ensureDefaultTemplates, listTemplates } from '../../../src/core/node/templates/template-store';
import { withTempDir } from '../../helpers/temp-dir';

const SITE_CATEGORIES = ['Optimization & Migration Wins', 'Failure Analysis', 'Architecture & Design'];

describe('study templates in the workspace', () => {
  it('writes the four built-in templates as JSON files on first open', async () => {
    await withTempDir(async (ws) => {
      expect(await ensureDefaultTemplates(ws)).toHaveLength(4);
      expect((await readdir(path.join(ws, 'templates'))).sort()).toEqual([
        'architecture-decision.json',
        'blank.json',
        'failure-analysis.json',
        'migration-cost-optimization.json',
      ]);
      const { templates, problems } = await listTemplates(ws);
      expect(problems).toEqual([]);
      expect(templates.map((t) => t.name)).toEqual([
        'Blank',
        'Failure analysis (postmortem)',
        'Migration / cost optimization',
        'Architecture decision',
      ]);
      // Opening again writes nothing.
      expect(await ensureDefaultTemplates(ws)).toEqual([]);
    });
  });

  it('never overwrites a template the team edited, and lists their own beside the built-ins', async () => {
    await withTempDir(async (ws) => {
      await ensureDefaultTemplates(ws);
      const edited = path.join(ws, 'templates', 'failure-analysis.json');
      const ours = { name: 'Incident review (ours)', sections: { problem: '## Customer impact\nWho noticed first?' } };
      await writeFile(edited, JSON.stringify(ours));
      await writeFile(
        path.join(ws, 'templates', 'security-review.json'),
        JSON.stringify({ name: 'Security review', outcome: 'mixed', categories: ['Architecture & Design'] }),
      );
      await ensureDefaultTemplates(ws);
      expect(JSON.parse(await readFile(edited, 'utf8'))).toEqual(ours);
      const { templates } = await listTemplates(ws);
      expect(templates.map((t) => t.name)).toEqual([
        'Blank',
        'Incident review (ours)',
        'Migration / cost optimization',
        'Architecture decision',
        'Security review',
      ]);
      expect(docToPlainText(templates[1]!.problem)).toBe('Customer impact\nWho noticed first?');
    });
  });

  it('reports unreadable template files and still lists the others', async () => {
    await withTempDir(async (ws) => {
      await ensureDefaultTemplates(ws);
      await writeFile(path.join(ws, 'templates', 'broken.json'), '{"name": ');
      await writeFile(path.join(ws, 'templates', 'no-name.json'), '{"outcome": "failed"}');
      await writeFile(path.join(ws, 'templates', 'Bad Name.json'), '{"name": "x"}');
      const { templates, problems } = await listTemplates(ws);
      expect(templates).toHaveLength(4);
      expect(problems.map((p) => p.file).sort()).toEqual(['Bad Name.json', 'broken.json', 'no-name.json']);
      expect(problems.find((p) => p.file === 'broken.json')!.reason).toMatch(/not valid JSON/);
      expect(problems.find((p) => p.file === 'no-name.json')!.reason).toMatch(/name/);
      // The broken file is left as it was for the user to fix.
      expect(await readFile(path.join(ws, 'templates', 'broken.json'), 'utf8')).toBe('{"name": ');
    });
  });

  // templates/ comes with the workspace (git): its Markdown is as hostile as an imported file.
  it('a template whose Markdown nests deeper than a section may is a problem naming the section, not a template that fails on use', async () => {
    await withTempDir(async (ws) => {
      await ensureDefaultTemplates(ws);
      const template = (problem: string, decisions = '') => ({
        name: 'Deep',
        sections: { problem, decisions, tradeoffs: '', lessons: '' },
      });
      // 150 levels: past the limit of 100, well inside the stack; 5,000: would overflow it.
      await writeFile(path.join(ws, 'templates', 'deep.json'), JSON.stringify(template('>'.repeat(150) + ' x')));
      await writeFile(
        path.join(ws, 'templates', 'deeper.json'),
        JSON.stringify(template('x', '>'.repeat(5000) + ' x')),
      );
      const { templates, problems } = await listTemplates(ws);
      expect(templates.map((t) => t.id)).not.toContain('deep');
      expect(templates.map((t) => t.id)).not.toContain('deeper');
      expect(problems.find((p) => p.file === 'deep.json')?.reason).toMatch(/^problem: .*nested.*100/);
      expect(problems.find((p) => p.file === 'deeper.json')?.reason).toMatch(/^decisions: .*nested.*100/);
    });
  });
});

describe('a new study from a template', () => {
  it('pre-fills the four sections with prompts, the outcome and the suggested category', async () => {
    await withTempDir(async (ws) => {
      await ensureDefaultTemplates(ws);
      const { templates } = await listTemplates(ws);
      const postmortem = templates.find((t) => t.id === 'failure-analysis')!;
      const draft = studyDraftFromTemplate(postmortem, 'Checkout outage', SITE_CATEGORIES);
      expect(draft.title).toBe('Checkout outage');
      expect(draft.summary).toBe('');
      expect(draft.outcome).toBe('failed');
      expect(draft.categories).toEqual(['Failure Analysis']);
      expect(draft.problem.content?.[0]).toMatchObject({ type: 'heading', attrs: { level: 2 } });
      // The postmortem's timeline is a Timeline block of prompt entries, two of them marked.
      const timeline = draft.problem.content?.find((n) => n.type === 'timeline');
      expect(timeline?.content?.map((e) => e.attrs?.kind)).toEqual(['', 'detection', '', 'mitigation', 'resolution']);
      expect(docToPlainText(timeline!)).toContain('HH:MM When it started (UTC)');
      for (const key of ['decisions', 'tradeoffs', 'lessons'] as const)
        expect(docToPlainText(draft[key]).length).toBeGreaterThan(40);

      const blank = studyDraftFromTemplate(templates.find((t) => t.id === 'blank')!);
      expect(docToPlainText(blank.problem)).toBe('');
      expect(blank.outcome).toBeNull();
    });
  });

  it('keeps only suggested categories the site has, in the site’s spelling', async () => {
    await withTempDir(async (ws) => {
      await ensureDefaultTemplates(ws);
      const migration = (await listTemplates(ws)).templates.find((t) => t.id === 'migration-cost-optimization')!;
      expect(studyDraftFromTemplate(migration, '', ['optimization & migration wins']).categories).toEqual([
        'optimization & migration wins',
      ]);
      expect(studyDraftFromTemplate(migration, '', ['Failure Analysis']).categories).toEqual([]);
    });
  });

  it('gives each study its own copy of the prompts', async () => {
    await withTempDir(async (ws) => {
      await ensureDefaultTemplates(ws);
      const template = (await listTemplates(ws)).templates.find((t) => t.id === 'architecture-decision')!;
      const first = studyDraftFromTemplate(template);
      first.problem.content!.length = 0;
      expect(studyDraftFromTemplate(template).problem.content!.length).toBeGreaterThan(0);
    });
  });

  it('reads Markdown sections: headings, paragraphs, bullet and numbered lists, emphasis', () => {
    const doc = markdownToSectionDoc('## Context\nWhy **now**?\n\n- one\n- two\n\n1. first\n2. second');
    expect(doc.content?.map((n) => n.type)).toEqual(['heading', 'paragraph', 'bulletList', 'orderedList']);
    expect(doc.content?.[1]?.content?.[1]).toEqual({ type: 'text', text: 'now', marks: [{ type: 'bold' }] });
    expect(markdownToSectionDoc('')).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });
});
