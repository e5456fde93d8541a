// Key results (the `metrics` field): front matter exactly as the issue writes it, both ways;
// a hand-written or hostile file keeps its good entries and names the bad ones; a format-1
// workspace opens with no key results and saves as format 2.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldsFromFrontMatter, frontMatterFor, readFrontMatter } from '../../../src/core/pure/markdown/front-matter';
import { studyFromDraft } from '../../../src/core/pure/new-study';
import { metricLimits, type Metric } from '../../../src/core/pure/schemas/metrics';
import { studySchema } from '../../../src/core/pure/schemas/study';
import { STUDY_FORMAT } from '../../../src/core/pure/schemas/study-fields';
import { studyFileSchema, upgradeStudy } from '../../../src/core/pure/schemas/study-migrations';
import { metricArb } from '../../fixtures/markdown/study-arbitraries';
import { withTempDir } from '../../helpers/temp-dir';
import { copyV1Workspace } from '../../helpers/workspace-v1';

const cost: Metric = { label: 'Monthly IT cost', before: 10250, after: 2146, unit: '$/month', better: 'lower' };
const chosen = { id: 'abc123', slug: 'a-title', now: '2026-05-01T10:00:00.000Z' };
const withMetrics = (metrics: Metric[]) => studyFromDraft({ title: 'T', metrics }, chosen);

/** The metrics a front matter text gives, and the warnings on the way. */
function readMetrics(yaml: string): { metrics: unknown; warnings: string[] } {
  const front = readFrontMatter(`---\n${yaml}\n---\nbody`);
  if (!front.ok) throw new Error(front.reason);
  const warnings: string[] = [];
  const fields = fieldsFromFrontMatter(front.value.data, (m) => warnings.push(m));
  return { metrics: fields.metrics, warnings };
}

describe('key results in front matter', () => {
  it('are written exactly as the issue shows them, and read back', () => {
    const front = frontMatterFor(withMetrics([cost]));
    expect(front).toContain(
      [
        'metrics:',
        '  - label: "Monthly IT cost"',
        '    before: 10250',
        '    after: 2146',
        '    unit: "$/month"',
        '    better: lower',
      ].join('\n'),
    );
    const body = front.slice(4, front.lastIndexOf('---'));
    expect(readMetrics(body)).toEqual({ metrics: [cost], warnings: [] });
  });

  it('leave no key when there are none', () => {
    expect(frontMatterFor(withMetrics([]))).not.toContain('metrics');
  });

  it('survive the round trip for any list the schema accepts', () => {
    fc.assert(
      fc.property(fc.array(metricArb, { maxLength: metricLimits.metrics }), (metrics) => {
        const front = frontMatterFor(withMetrics(metrics));
        const { metrics: back, warnings } = readMetrics(front.slice(4, front.lastIndexOf('\n---')));
        expect(warnings).toEqual([]);
        expect(back ?? []).toEqual(metrics);
      }),
      { numRuns: 200 },
    );
  });

  it('keep the good entries of a hand-written list and name each bad one', () => {
    const { metrics, warnings } = readMetrics(
      [
        'metrics:',
        '  - label: "  Monthly IT cost  "',
        '    before: 10250',
        '    after: 2146',
        '    unit: "$/month"',
        '    better: lower',
        '  - label: "p99 latency"',
        '    before: .nan',
        '    after: 120',
        '    unit: ms',
        '    better: lower',
        '  - label: "Throughput"',
        '    before: 1e400',
        '    after: 5',
        '    unit: rps',
        '    better: higher',
        '  - label: "Pages"',
        '    before: "forty"',
        '    after: 3',
        '    unit: pages/month',
        '    better: lower',
        '  - label: "Direction"',
        '    before: 1',
        '    after: 2',
        '    unit: ""',
        '    better: sideways',
        '  - before: 1',
        '    after: 2',
        '    unit: ""',
        '    better: lower',
        '  - "just text"',
      ].join('\n'),
    );
    expect(metrics).toEqual([cost]);
    expect(warnings).toEqual([
      expect.stringMatching(/^"metrics" entry 2 \("p99 latency"\) was left out: Before must be a number/),
      expect.stringMatching(/^"metrics" entry 3 \("Throughput"\) was left out: Before must be a number/),
      expect.stringMatching(/^"metrics" entry 4 \("Pages"\) was left out: Before must be a number/),
      expect.stringMatching(/^"metrics" entry 5 \("Direction"\) was left out: .*lower.*higher/),
      expect.stringMatching(/^"metrics" entry 6 was left out: Label must be text/),
      expect.stringMatching(/^"metrics" entry 7 was left out/),
    ]);
  });

  it('keep the first 12 of a huge list, and take `__proto__` as a plain label', () => {
    const entry = (label: string) =>
      `  - label: ${JSON.stringify(label)}\n    before: 1\n    after: 2\n    unit: ""\n    better: higher`;
    const labels = ['__proto__', 'constructor', ...Array.from({ length: 998 }, (_, i) => `M${i}`)];
    const { metrics, warnings } = readMetrics(`metrics:\n${labels.map(entry).join('\n')}`);
    expect((metrics as Metric[]).map((m) => m.label)).toEqual(labels.slice(0, metricLimits.metrics));
    expect(Object.getPrototypeOf(metrics as Metric[])).toBe(Array.prototype);
    expect(warnings).toEqual([
      '"metrics": 988 entries after the first 12 were left out: a study holds at most 12 key results.',
    ]);
  });

  it('name at most 12 bad entries of a huge hostile list, and count the rest in one warning', () => {
    const bad = Array.from({ length: 5000 }, (_, i) => `  - label: "B${i}"\n    before: x`).join('\n');
    const { metrics, warnings } = readMetrics(
      `metrics:\n${bad}\n  - {label: "Last", before: 1, after: 2, better: higher}`,
    );
    expect(metrics).toEqual([{ label: 'Last', before: 1, after: 2, unit: '', better: 'higher' }]);
    expect(warnings).toHaveLength(13);
    expect(warnings[0]).toMatch(/^"metrics" entry 1 \("B0"\) was left out: Before must be a number/);
    expect(warnings[12]).toBe('"metrics": 4,988 more unreadable entries were left out.');
  });

  it('read an entry without a unit (a count, like incidents) as having no unit', () => {
    expect(readMetrics('metrics:\n  - {label: "Incidents", before: 40, after: 3, better: lower}')).toEqual({
      metrics: [{ label: 'Incidents', before: 40, after: 3, unit: '', better: 'lower' }],
      warnings: [],
    });
  });

  it('ignore a value that is not a list, with a warning', () => {
    expect(readMetrics('metrics: "cheaper"')).toEqual({
      metrics: [],
      warnings: ['"metrics" must be a list of key results; it was ignored.'],
    });
  });
});

describe('a study file', () => {
  it('refuses key results that are not finite numbers or lists longer than 12', () => {
    const study = withMetrics([cost]);
    const bad = (metrics: unknown) => studySchema.safeParse({ ...study, metrics }).success;
    expect(bad([{ ...cost, before: Number.NaN }])).toBe(false);
    expect(bad([{ ...cost, after: Number.POSITIVE_INFINITY }])).toBe(false);
    expect(bad([{ ...cost, label: '   ' }])).toBe(false);
    expect(bad([{ ...cost, unit: 'x'.repeat(33) }])).toBe(false);
    expect(bad(Array.from({ length: 13 }, () => cost))).toBe(false);
    expect(bad(Array.from({ length: 12 }, () => cost))).toBe(true);
  });

  it('of format 1 upgrades to no key results; one of the current format keeps them', () => {
    const v1 = { ...withMetrics([]), schemaVersion: 1 } as Record<string, unknown>;
    delete v1.metrics;
    const upgraded = studyFileSchema.parse(v1);
    expect(upgraded.metrics).toEqual([]);
    expect(upgraded.schemaVersion).toBe(STUDY_FORMAT);
    expect(STUDY_FORMAT).toBe(3);
    expect(upgradeStudy({ ...withMetrics([cost]) })).toMatchObject({ metrics: [cost] });
  });

  it('of the frozen format-1 workspace opens with no key results and saves them in the current format', async () => {
    const { openWorkspace } = await import('../../../src/core/node/casebook-service');
    await withTempDir(async (dir) => {
      await copyV1Workspace(dir);
      const service = await openWorkspace(dir);
      expect((await service.getStudy({ id: 'k3f9a2' })).metrics).toEqual([]);
      await service.updateStudy({ id: 'k3f9a2', patch: { metrics: [cost] } });
      const saved = JSON.parse(await readFile(path.join(dir, 'studies', 'k3f9a2.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(saved).toMatchObject({ schemaVersion: STUDY_FORMAT, metrics: [cost] });
      expect((await (await openWorkspace(dir)).getStudy({ id: 'k3f9a2' })).metrics).toEqual([cost]);
    });
  });
});
