// `casebook init --ci github|gitlab`: the workflow parses as YAML, holds the steps the issue asks
// for (push to main: check --strict, export the site, deploy to Pages; pull requests: check and
// keep the site as an artifact), and its run steps work when run here, in order, on a workspace.
// (actionlint is a Go tool: not installed here, and nothing beyond npm may be fetched, so the
// YAML is checked by parsing and by the steps' content.)
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeRoot } from '../core/git/git-fixtures';
import { cliBundle } from '../helpers/cli-bundle';
import { addStudy, casebook } from './cli-git-helpers';

const sh = promisify(execFile);
// $CASEBOOK is split on spaces as CI's shell splits "npx --yes github:…": no quotes (the temp paths have no spaces).
const cli = `${process.execPath} ${await cliBundle()}`;

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

/** Runs CI's shell lines in the workspace with $CASEBOOK set to this checkout's CLI (a failing line throws). */
async function runLines(ws: string, lines: string[], env: Record<string, string>): Promise<void> {
  for (const line of lines) {
    await sh('sh', ['-c', line], { cwd: ws, env: { ...process.env, ...env, CASEBOOK: cli } });
  }
}

type Step = { uses?: string; run?: string; if?: string; with?: Record<string, unknown> };

// How the team's CI runs Casebook: no default (Casebook is not on npm under a name it owns).
const RUN = 'npx --yes github:acme/casebook#v0.1.0';

describe('casebook init --ci', () => {
  it('github: a workflow with the check, export, artifact and Pages steps that run here', async () => {
    const ws = path.join(root, 'ws');
    await casebook(['init', '-w', ws]);
    await addStudy(ws, 'draft-one', 'A draft');
    const init = await casebook(['init', '--ci', 'github', '--ci-run', RUN, '-w', ws]);
    expect(init.code).toBe(0);
    const wf = parse(await readFile(path.join(ws, '.github/workflows/casebook-site.yml'), 'utf8'));
    expect(wf.on.push.branches).toEqual(['main']);
    expect(wf.on).toHaveProperty('pull_request');
    const steps = wf.jobs.build.steps as Step[];
    const runs = steps.filter((s) => s.run).map((s) => s.run!);
    expect(runs).toEqual([
      '$CASEBOOK check --strict --published-only --workspace .',
      '$CASEBOOK export --format site --out "$RUNNER_TEMP/site" --workspace .',
    ]);
    const artifact = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(artifact).toMatchObject({
      if: "github.event_name == 'pull_request'",
      with: { path: '${{ runner.temp }}/site' },
    });
    const pages = steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(pages).toMatchObject({ if: "github.event_name == 'push'", with: { path: '${{ runner.temp }}/site' } });
    expect(wf.jobs.deploy).toMatchObject({
      needs: 'build',
      if: "github.event_name == 'push'",
      permissions: { pages: 'write', 'id-token': 'write' },
      environment: { name: 'github-pages' },
    });
    expect((wf.jobs.deploy.steps as Step[])[0]!.uses).toMatch(/^actions\/deploy-pages@/);

    const runnerTemp = path.join(root, 'runner-temp');
    await runLines(ws, runs, { RUNNER_TEMP: runnerTemp });
    expect(existsSync(path.join(runnerTemp, 'site', 'index.html'))).toBe(true);
    // A published study with errors stops the workflow at the check.
    const { sampleStudy, writeStudy } = await import('../helpers/study-files');
    await writeStudy(ws, {
      ...sampleStudy(2),
      id: 'not-ready',
      slug: 'not-ready',
      title: 'Not ready',
      status: 'published',
    });
    await expect(runLines(ws, runs.slice(0, 1), { RUNNER_TEMP: runnerTemp })).rejects.toThrow(/check --strict/);
    // Written once: a second run refuses rather than overwrite the team's edits.
    expect((await casebook(['init', '--ci', 'github', '--ci-run', RUN, '-w', ws])).code).toBe(1);
    expect((await casebook(['init', '--ci', 'jenkins', '--ci-run', RUN, '-w', ws])).code).toBe(2);
  }, 90_000);

  it('gitlab: a pages job on the default branch and a review job on merge requests, whose scripts run here', async () => {
    const ws = path.join(root, 'ws');
    await casebook(['init', '-w', ws]);
    expect((await casebook(['init', '--ci', 'gitlab', '--ci-run', RUN, '-w', ws])).code).toBe(0);
    const ci = parse(await readFile(path.join(ws, '.gitlab-ci.yml'), 'utf8'));
    expect(ci.pages.artifacts.paths).toEqual(['public']);
    expect(ci.pages.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(ci.pages.script[0]).toBe('$CASEBOOK check --strict --published-only --workspace .');
    expect(ci['review-site'].rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(ci['review-site'].artifacts.expose_as).toBe('site');
    await runLines(ws, ci.pages.script as string[], { CI_PROJECT_DIR: ws });
    expect(existsSync(path.join(ws, 'public', 'index.html'))).toBe(true);
  }, 90_000);

  it('needs to be told how CI runs Casebook, and writes that command as one quoted value', async () => {
    const ws = path.join(root, 'ws');
    await casebook(['init', '-w', ws]);
    const bare = await casebook(['init', '--ci', 'github', '-w', ws]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/--ci-run/);
    expect(existsSync(path.join(ws, '.github'))).toBe(false);
    expect((await casebook(['init', '--ci', 'gitlab', '--ci-run', 'npx a\nscript: evil', '-w', ws])).code).toBe(2);
    // YAML's own characters in the command stay inside the value.
    const odd = 'npx --yes "github:acme/casebook#v0.1.0" # not a comment: {x}';
    expect((await casebook(['init', '--ci', 'gitlab', '--ci-run', odd, '-w', ws])).code).toBe(0);
    const ci = parse(await readFile(path.join(ws, '.gitlab-ci.yml'), 'utf8'));
    expect(ci.variables).toEqual({ CASEBOOK: odd });
  }, 60_000);
});
