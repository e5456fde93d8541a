// The CI workflow `casebook init --ci` writes, read as CI reads it (YAML): it lands where the
// provider looks, runs Casebook the way the team said, on the branch it named. (The CLI test
// runs its steps; this one holds the file's content in the process Stryker instruments.)
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ciWorkflow } from '../../../src/core/pure/git/ci-workflow';

const RUN = 'npx --yes "github:your-org/casebook#v0.1.0"';

describe('the CI workflow', () => {
  it('github: on a push to the named branch, with the command as one quoted value', () => {
    const workflow = ciWorkflow('github', `  ${RUN}  `, 'release');
    expect(workflow.path).toBe('.github/workflows/casebook-site.yml');
    const wf = parse(workflow.text);
    expect(wf.name).toBe('Casebook site');
    expect(wf.on.push.branches).toEqual(['release']);
    expect(wf.env.CASEBOOK).toBe(RUN);
    expect(wf.jobs.build.steps.map((s: { run?: string }) => s.run).filter(Boolean)).toEqual([
      '$CASEBOOK check --strict --published-only --workspace .',
      '$CASEBOOK export --format site --out "$RUNNER_TEMP/site" --workspace .',
    ]);
    expect(wf.jobs.deploy.environment.url).toBe('${{ steps.deployment.outputs.page_url }}');
    expect(workflow.text).toMatch(/^# Written by casebook init --ci github/);
    expect(ciWorkflow('github', RUN).text).toContain('branches: [main]');
  });

  it('gitlab: a pages job and a review job, with the command as one quoted value', () => {
    const workflow = ciWorkflow('gitlab', `${RUN}\t`);
    expect(workflow.path).toBe('.gitlab-ci.yml');
    const ci = parse(workflow.text);
    expect(ci.variables.CASEBOOK).toBe(RUN);
    expect(ci.pages.script).toEqual([
      '$CASEBOOK check --strict --published-only --workspace .',
      '$CASEBOOK export --format site --out "$CI_PROJECT_DIR-site" --workspace .',
      'mv "$CI_PROJECT_DIR-site" public',
    ]);
    expect(ci['review-site'].artifacts.paths).toEqual(['site/']);
    expect(workflow.text).toMatch(/^# Written by casebook init --ci gitlab/);
  });
});
