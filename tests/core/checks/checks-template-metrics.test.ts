// Key results a template suggests: a study made from the template starts with them as 0 → 0,
// and publishing refuses each one until the author measured it (or removed it), so a
// suggestion never reaches the site as data.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOpenWorkspace } from '../../../src/cli/check-command';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { templateFileSchema } from '../../../src/core/pure/templates/template-schema';
import { withTempDir } from '../../helpers/temp-dir';

const readyFields = { summary: 'We moved off the old cluster.', status: 'published' as const, date: '2026-04-02' };

describe('key results suggested by a template', () => {
  it('start as 0 → 0 in a study made from "Migration / cost optimization", each an error until measured', async () => {
    await withTempDir(async (ws) => {
      const service = await openWorkspace(ws);
      const study = await service.createStudy({ title: 'Off Kubernetes', template: 'migration-cost-optimization' });
      expect(study.metrics).toEqual([
        { label: 'Monthly cost', before: 0, after: 0, unit: '$/month', better: 'lower' },
        { label: 'p99 latency', before: 0, after: 0, unit: 'ms', better: 'lower' },
        { label: 'Deploy time', before: 0, after: 0, unit: 'min', better: 'lower' },
      ]);
      await service.updateStudy({ id: study.id, patch: readyFields });
      const errors = (await service.checkStudy({ id: study.id })).filter((f) => f.rule === 'template-metric');
      expect(errors.map((f) => [f.field, f.path, f.severity])).toEqual([
        ['metrics', [0], 'error'],
        ['metrics', [1], 'error'],
        ['metrics', [2], 'error'],
      ]);
      expect(errors[0]!.message).toBe(
        'Key result "Monthly cost" is still the "Migration / cost optimization" template\'s suggestion (0 → 0): enter the measured values or remove it.',
      );
      const report = await checkOpenWorkspace(service, { strict: true });
      expect(report.exitCode).toBe(1);
      expect(report.text).toContain('Key results');

      // Measured (even to 0 on one side), removed, or renamed: no longer the suggestion.
      await service.updateStudy({
        id: study.id,
        patch: {
          metrics: [
            { label: 'Monthly cost', before: 10250, after: 2146, unit: '$/month', better: 'lower' },
            { label: 'p99 latency', before: 0, after: 140, unit: 'ms', better: 'lower' },
          ],
        },
      });
      expect((await service.checkStudy({ id: study.id })).filter((f) => f.rule === 'template-metric')).toEqual([]);
    });
  });

  it('of the postmortem and of a workspace template are recognised whatever the case and spacing', async () => {
    await withTempDir(async (ws) => {
      await mkdir(path.join(ws, 'templates'), { recursive: true });
      await writeFile(
        path.join(ws, 'templates', 'capacity.json'),
        JSON.stringify({ name: 'Capacity', metrics: [{ label: 'Peak RPS', unit: 'rps', better: 'higher' }] }),
      );
      const service = await openWorkspace(ws);
      const postmortem = await service.createStudy({ title: 'Queue outage', template: 'failure-analysis' });
      expect(postmortem.metrics.map((m) => m.label)).toEqual([
        'Time to detect',
        'Time to mitigate',
        'Incidents of this kind',
      ]);
      const study = await service.createStudy({ title: 'Capacity', template: 'blank' });
      const zero = (label: string) => ({ label, before: 0, after: 0, unit: '', better: 'higher' as const });
      await service.updateStudy({
        id: study.id,
        patch: { ...readyFields, metrics: [zero('  peak   rps '), zero('TIME TO DETECT'), zero('Our own metric')] },
      });
      const errors = (await service.checkStudy({ id: study.id })).filter((f) => f.rule === 'template-metric');
      expect(errors.map((f) => f.path)).toEqual([[0], [1]]);
    });
  });

  it('are suggestions only: a template file may not give their numbers', () => {
    const parsed = templateFileSchema.safeParse({
      name: 'Sneaky',
      metrics: [{ label: 'Monthly cost', unit: '$', better: 'lower', before: 100, after: 1 }],
    });
    expect(parsed.success).toBe(false);
  });
});
