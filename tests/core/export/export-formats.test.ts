// The export-format registry is the one list of formats: the contract, the CLI option and the
// export itself accept exactly its ids, and a format that is not in it is refused — never
// written as Markdown (which any non-site format used to become).
import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../src/core/pure/contract';
import { CasebookError } from '../../../src/core/pure/errors';
import { exportFormatIds, exportFormatInfo, exportFormatSchema } from '../../../src/core/pure/export/export-formats';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import { exportStudies, type WorkspaceExportRequest } from '../../../src/core/node/workspace-export';
import { ExportMemory } from '../../../src/core/node/export/export-memory';
import { formatOption } from '../../../src/cli/cli-options';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy } from '../../helpers/study-files';

const site = defaultSiteSettings();
const studies = [sampleStudy(1, { status: 'published' })];
const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

describe('export formats', () => {
  it('the contract and the CLI accept exactly the registry ids', () => {
    const input = contract.exportWorkspace.input;
    for (const format of exportFormatIds) {
      expect(input.safeParse({ format, outDir: '/tmp/x' }).success).toBe(true);
      expect(formatOption.parse(format)).toBe(format);
    }
    for (const format of ['pdf', 'Site', '', 'toString', '__proto__']) {
      expect(input.safeParse({ format, outDir: '/tmp/x' }).success).toBe(false);
      expect(formatOption.safeParse(format).success).toBe(false);
    }
    expect(exportFormatSchema.safeParse('epub').error?.issues[0]?.message).toBe(
      'the format must be "site" or "markdown"',
    );
  });

  it.each(exportFormatIds)('%s: exports its own kind of files, with its entry page', async (format) =>
    withTempDir(async (dir) => {
      const out = path.join(dir, 'out');
      const report = await exportStudies(
        path.join(dir, 'ws'),
        site,
        studies,
        {
          format,
          outDir: out,
          drafts: false,
          allowErrors: true,
        },
        new ExportMemory(),
      );
      expect(report.format).toBe(format);
      const entry = exportFormatInfo(format).entryPage;
      if (entry) expect(await exists(path.join(out, entry))).toBe(true);
      const names = await readdir(out, { recursive: true });
      expect(names.some((n) => n.endsWith(format === 'site' ? '.html' : '.md'))).toBe(true);
      expect(names.some((n) => n.endsWith(format === 'site' ? '.md' : '.html'))).toBe(false);
    }),
  );

  it('refuses a format outside the registry and writes nothing', async () =>
    withTempDir(async (dir) => {
      const out = path.join(dir, 'out');
      for (const format of ['pdf', 'constructor', 'hasOwnProperty']) {
        const request = { format, outDir: out, drafts: false } as unknown as WorkspaceExportRequest;
        const err = await exportStudies(path.join(dir, 'ws'), site, studies, request, new ExportMemory()).catch(
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(CasebookError);
        expect((err as CasebookError).code).toBe('invalid_input');
        expect((err as CasebookError).message).toContain('"site" or "markdown"');
      }
      expect(await exists(out)).toBe(false);
    }));
});
