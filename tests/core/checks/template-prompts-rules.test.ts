// The prompt check's rules one by one, on templates made here: how short a prompt may be, when
// text typed after a prompt still counts, which template a message names, the finding's id,
// path and position, and where a long paragraph's normal form is cut.
import { describe, expect, it } from 'vitest';
import {
  metricPromptFindings,
  normalizedHead,
  promptFindings,
  TemplatePrompts,
  type TemplateSections,
} from '../../../src/core/pure/checks/template-prompts';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { doc, p, t } from '../../helpers/rich-text-nodes';

const empty: RichTextDoc = { type: 'doc' };
const para = (text: string): RichTextNode => p(t(text));

function template(name: string, problem: string[], metrics: TemplateSections['metrics'] = []): TemplateSections {
  return { name, problem: doc(...problem.map(para)), decisions: empty, tradeoffs: empty, lessons: empty, metrics };
}

const metric = (label: string, before = 0, after = 0) => ({
  label,
  before,
  after,
  unit: '',
  better: 'higher' as const,
});

describe('what counts as a prompt', () => {
  it('a prompt of 8 characters or more is one; 7 is too common to call one', () => {
    const prompts = TemplatePrompts.of([template('T', ['Who/what', 'Outcome'])]);
    expect(prompts.find('Who/what')?.text).toBe('Who/what');
    expect(prompts.find('Outcome')).toBeUndefined();
  });

  it('a prompt under 24 characters is one only whole; from 24 on, also with the answer typed after it', () => {
    const short = 'Name the owning team now'.slice(0, 23); // 23 characters
    const long = 'Name the owning team now'; // 24
    const prompts = TemplatePrompts.of([template('T', [short, long])]);
    expect(prompts.find(short)?.text).toBe(short);
    expect(prompts.find(`${short} — the platform team`)).toBeUndefined();
    expect(prompts.find(long)?.text).toBe(long);
    expect(prompts.find(`${long}: the platform team`)?.text).toBe(long);
  });

  it('words run together are not the prompt they spell', () => {
    const prompts = TemplatePrompts.of([template('T', ['Who was affected and for how long?'])]);
    expect(prompts.find('who  was\naffected and for how long?')?.text).toBe('Who was affected and for how long?');
    expect(prompts.find('Whowasaffectedandforhowlong?')).toBeUndefined();
  });

  it('the message quotes the prompt on one line, cut at 80 characters', () => {
    const exactly80 = `Describe the load ${'x'.repeat(80 - 'Describe the load '.length)}`;
    const prompts = TemplatePrompts.of([
      template('T', ['  What was\n  measured,   and how? ', exactly80, `${exactly80}!`]),
    ]);
    const messages = promptFindings(
      doc(para('What was measured, and how?'), para(exactly80), para(`${exactly80}!`)),
      'problem',
      prompts,
    ).map((f) => f.message);
    expect(messages[0]).toContain('the prompt "What was measured, and how?" from the "T" template');
    expect(messages[1]).toContain(`the prompt "${exactly80}" from`);
    expect(messages[2]).toContain(`the prompt "${exactly80.slice(0, 79)}…" from`);
  });

  it('a prompt two templates share is named after the first one listed', () => {
    const prompts = TemplatePrompts.of([
      template('First', ['What did it cost to run?'], [metric('Monthly cost')]),
      template('Second', ['What did it cost to run?'], [metric('Monthly cost')]),
    ]);
    expect(prompts.find('What did it cost to run?')?.template).toBe('First');
    expect(prompts.suggestedMetric('monthly  COST')).toBe('First');
  });
});

describe('the findings', () => {
  it('name the paragraph by its path and position; a decision record by which of its fields', () => {
    const prompts = TemplatePrompts.of([template('T', ['Describe the context here', 'Option A: the cheap one'])]);
    const record: RichTextNode = {
      type: 'decisionRecord',
      attrs: { title: 'Queue', options: [{ title: 'Option A: the cheap one' }, { title: 'Kafka' }] },
      content: [para('Our context.')],
    };
    const section = doc(
      para('Our own words.'),
      { type: 'blockquote', content: [para('Describe the context here')] },
      record,
    );
    const findings = promptFindings(section, 'decisions', prompts);
    expect(findings.map((f) => [f.id, f.path, f.pos, f.field, f.rule, f.severity])).toEqual([
      ['template-prompt:decisions:1.0', [1, 0], 17, 'decisions', 'template-prompt', 'error'],
      // "Decision: Queue" is part 1, the first option's title part 2.
      ['template-prompt:decisions:2#2', [2], 45, 'decisions', 'template-prompt', 'error'],
    ]);
  });

  it('a key result is the suggestion only while its label is one a template suggested and both values are 0', () => {
    const prompts = TemplatePrompts.of([template('Migration', [], [metric('Monthly cost')])]);
    const findings = metricPromptFindings(
      [
        metric('Deploy time'),
        metric('Monthly cost', 0, 0),
        metric('Monthly cost', 12, 0),
        metric('Monthly cost', 0, 9),
      ],
      prompts,
    );
    expect(findings.map((f) => [f.id, f.path, f.field, f.rule])).toEqual([
      ['template-metric:1', [1], 'metrics', 'template-metric'],
    ]);
  });
});

describe('a long paragraph is normalised only up to a cut', () => {
  it('between two ASCII letters or digits, from 64 characters or twice what is asked', () => {
    for (const c of ['0', '9', 'A', 'Z', 'a', 'z']) {
      expect(normalizedHead(c.repeat(300), 24), c).toBe(c.toLowerCase().repeat(64));
      expect(normalizedHead(c.repeat(300), 40), c).toBe(c.toLowerCase().repeat(80));
    }
    // No two such characters meet before the end: normalised whole.
    expect(normalizedHead('a.'.repeat(150), 24)).toBe('a.'.repeat(150));
    // The first place two of them meet at or after the cut.
    expect(normalizedHead(`${'a.'.repeat(40)}bc${'x'.repeat(100)}`, 24)).toBe(`${'a.'.repeat(40)}b`);
  });

  it('cut again twice as far when the first cut is not long enough once normalised', () => {
    const spaced = `${' '.repeat(70)}${'y'.repeat(200)}`;
    // The first 64 characters are all spaces (nothing once normalised), so the cut moves to 128.
    expect(normalizedHead(spaced, 24)).toBe('y'.repeat(128 - 70));
    // Exactly as long as asked is not longer than asked: cut again.
    expect(normalizedHead(`${' '.repeat(40)}${'y'.repeat(200)}`, 24)).toBe('y'.repeat(128 - 40));
    expect(normalizedHead('q'.repeat(100), 24)).toBe('q'.repeat(64));
    expect(normalizedHead('q'.repeat(64), 24)).toBe('q'.repeat(64));
  });
});
