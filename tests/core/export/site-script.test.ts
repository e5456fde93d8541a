// assets/site.js joins the site's script features (site-script.ts): each runs once, in order,
// and one that throws is logged without stopping the others.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { SITE_SCRIPT, siteScript } from '../../../src/core/pure/export/site-script';

/** Runs a script as a page would, recording what the features did and what was logged. */
function run(script: string) {
  const ran: string[] = [];
  const errors: unknown[] = [];
  const console = { error: (e: unknown) => errors.push(e) };
  runInNewContext(script, { ran, console, window: { console } });
  return { ran, errors };
}

describe('the site script', () => {
  it('runs every feature once, in order, and a feature that throws stops none of the others', () => {
    const script = siteScript([
      { name: 'first', source: 'function () { ran.push("first"); }' },
      { name: 'broken', source: 'function () { throw new Error("broken feature"); }' },
      { name: 'last', source: '\n  function () { ran.push("last"); }\n' },
    ]);
    const { ran, errors } = run(script);
    expect(ran).toEqual(['first', 'last']);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('broken feature');
  });

  it('still runs the rest where the browser has no console to log to', () => {
    const ran: string[] = [];
    const script = siteScript([
      { name: 'broken', source: 'function () { throw new Error("broken feature"); }' },
      { name: 'last', source: 'function () { ran.push("last"); }' },
    ]);
    runInNewContext(script, { ran, window: {}, console: undefined });
    expect(ran).toEqual(['last']);
  });

  it('names each feature in a comment that a name cannot end early', () => {
    const script = siteScript([{ name: 'sneaky */ ran.push("injected"); /*', source: 'function () {}' }]);
    expect(script).toContain('/* sneaky  ran.push("injected"); /* */');
    expect(run(script).ran).toEqual([]);
  });

  it('runs in strict mode', () => {
    const { errors } = run(siteScript([{ name: 'sloppy', source: 'function () { undeclared = 1; }' }]));
    expect(String(errors[0])).toContain('undeclared is not defined');
  });

  it('is, as shipped, the code copy buttons then the search', () => {
    expect(SITE_SCRIPT).toMatch(/\/\* code copy buttons \*\/[\s\S]*\/\* search \*\//);
  });
});
