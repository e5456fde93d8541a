// Template prompts left in a study: a template pre-fills sections with instructions ("Who was
// affected and how…"); a paragraph that still reads as one of them is not the author's text and
// must not be published. Recognised by normalised text (case, spacing and Unicode forms aside),
// whole or with the author's answer appended, against every template the workspace has and the
// built-ins (a study made from an older or deleted template still holds their prompts).
import { attrText } from '../rich-text/attr-text';
import type { RichTextDoc, RichTextNode } from '../schemas/rich-text';
import { docToPlainText } from '../schemas/rich-text';
import type { Metric } from '../schemas/metrics';
import { sectionKeys, sectionLabels, type SectionKey } from '../schemas/study';
import { builtInTemplates } from '../templates/builtin-templates';
import { templateFromFile } from '../templates/template-draft';
import { templateFileSchema, type StudyTemplate } from '../templates/template-schema';
import { positionOfPath } from './doc-findings';
import type { Finding } from './finding';

/** Shorter prompts ("Option B: …") are only recognised whole; longer ones also with text appended. */
const PREFIX_CHARS = 24;
/** Text this short ("Decision", "- ") is too common to call a prompt. */
const MIN_PROMPT_CHARS = 8;

export interface TemplatePrompt {
  template: string;
  /** The prompt as the template writes it. */
  text: string;
}

export type TemplateSections = Pick<StudyTemplate, 'name' | SectionKey> & Partial<Pick<StudyTemplate, 'metrics'>>;

// eslint-disable-next-line no-control-regex -- "every character is ASCII" includes control characters
const ASCII_ONLY = /^[\x00-\x7f]*$/;

export function normalizePromptText(text: string): string {
  // ASCII text (nearly every paragraph) is its own NFKC form and holds no format character:
  // checking a study's paragraphs spent a third of their time in the Unicode steps.
  // Stryker disable next-line ConditionalExpression: the Unicode steps give ASCII text the same form, only slower
  if (ASCII_ONLY.test(text)) return text.toLowerCase().replace(/\s+/g, ' ').trim();
  // Invisible format characters (zero-width space, soft hyphen, direction marks) change no word.
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Paragraphs and timeline entries at any depth (in lists, quotes, callouts), each with its
 * child-index path, and each text a node keeps in its attributes (rich-text/attr-text.ts: a
 * decision record's fields) as a part of that node. An entry's prompt is its text: its time is
 * a part of its own, too short to be a prompt.
 */
function paragraphs(doc: RichTextDoc, visit: (node: RichTextNode, path: number[], part?: number) => void): void {
  const walk = (node: RichTextNode, path: number[]): void => {
    attrText(node.type, node.attrs).forEach((text, i) =>
      visit({ type: 'paragraph', content: [{ type: 'text', text }] }, path, i + 1),
    );
    if (node.type === 'paragraph') visit(node, path);
    else if (node.type === 'timelineEntry') visit({ type: 'paragraph', content: node.content ?? [] }, path);
    else (node.content ?? []).forEach((child, i) => walk(child, [...path, i]));
  };
  (doc.content ?? []).forEach((child, i) => walk(child, [i]));
}

/** Letters and digits: ASCII, NFKC-stable, never composed with what follows, not case-ignorable. */
const isAsciiWordChar = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * The start of normalizePromptText(text), at least `min` characters of it when the text is that
 * long: the text is cut only between two ASCII letters or digits, where normalising the parts
 * gives what normalising the whole does (no whitespace run, composition or final-sigma context
 * crosses the cut). A paragraph is checked against prompts of a few hundred characters; its
 * thousands of other characters need not be normalised (that was most of an export's checks).
 */
export function normalizedHead(text: string, min: number): string {
  for (let cut = Math.max(64, min * 2); cut < text.length; cut *= 2) {
    let at = cut;
    while (at < text.length && !(isAsciiWordChar(text.charCodeAt(at - 1)) && isAsciiWordChar(text.charCodeAt(at))))
      at++;
    if (at >= text.length) break;
    const head = normalizePromptText(text.slice(0, at));
    if (head.length > min) return head;
  }
  return normalizePromptText(text);
}

export class TemplatePrompts {
  private whole = new Map<string, TemplatePrompt>();
  /** The longest normalised prompt: a text's normal form beyond it decides nothing. */
  private longest = 0;
  private byPrefix = new Map<string, { normal: string; prompt: TemplatePrompt }[]>();
  /** Labels of the key results templates suggest (normalised), with the template's name. */
  private metricLabels = new Map<string, string>();

  static of(templates: readonly TemplateSections[]): TemplatePrompts {
    const prompts = new TemplatePrompts();
    for (const template of templates) {
      for (const key of sectionKeys) {
        paragraphs(template[key], (node) => prompts.add(template.name, docToPlainText(node)));
      }
      for (const metric of template.metrics ?? []) {
        const normal = normalizePromptText(metric.label);
        if (!prompts.metricLabels.has(normal)) prompts.metricLabels.set(normal, template.name);
      }
    }
    return prompts;
  }

  /** The built-ins' prompts and those of the workspace's own templates. */
  static withWorkspace(templates: readonly TemplateSections[]): TemplatePrompts {
    return TemplatePrompts.of([...builtInSections(), ...templates]);
  }

  private static builtIns: TemplatePrompts | null = null;

  /** The prompts of the templates Casebook ships. */
  static builtIn(): TemplatePrompts {
    TemplatePrompts.builtIns ??= TemplatePrompts.of(builtInSections());
    return TemplatePrompts.builtIns;
  }

  private add(template: string, text: string): void {
    const normal = normalizePromptText(text);
    if (normal.length < MIN_PROMPT_CHARS || this.whole.has(normal)) return;
    const prompt = { template, text: text.replace(/\s+/gu, ' ').trim() };
    this.whole.set(normal, prompt);
    this.longest = Math.max(this.longest, normal.length);
    if (normal.length < PREFIX_CHARS) return;
    const key = normal.slice(0, PREFIX_CHARS);
    const list = this.byPrefix.get(key) ?? [];
    list.push({ normal, prompt });
    this.byPrefix.set(key, list);
  }

  /** The template that suggested a key result of this label, if any. */
  suggestedMetric(label: string): string | undefined {
    return this.metricLabels.get(normalizePromptText(label));
  }

  /** The prompt a paragraph's text still holds (whole, or at its start), if any. */
  find(text: string): TemplatePrompt | undefined {
    // Most paragraphs are told apart by their first words: every prompt as long as the text
    // is listed under its first PREFIX_CHARS characters, so a text longer than that whose start
    // no prompt has is none of them.
    const start = normalizedHead(text, PREFIX_CHARS);
    if (start.length > PREFIX_CHARS && !this.byPrefix.has(start.slice(0, PREFIX_CHARS))) return undefined;
    // Longer than every prompt when cut: then no prompt equals it, and its head decides the rest.
    const normal = normalizedHead(text, Math.max(this.longest, PREFIX_CHARS));
    const exact = this.whole.get(normal);
    if (exact) return exact;
    const candidates = this.byPrefix.get(normal.slice(0, PREFIX_CHARS)) ?? [];
    return candidates.find((c) => normal.startsWith(c.normal))?.prompt;
  }
}

function builtInSections(): TemplateSections[] {
  return Object.entries(builtInTemplates).map(([id, file]) =>
    templateFromFile(id, templateFileSchema.parse(file), true),
  );
}

/** An error for each paragraph of a section that is still a template's prompt. */
export function promptFindings(doc: RichTextDoc, field: SectionKey, prompts: TemplatePrompts): Finding[] {
  const findings: Finding[] = [];
  paragraphs(doc, (node, path, part) => {
    const prompt = prompts.find(docToPlainText(node));
    if (!prompt) return;
    findings.push({
      // `part`: which field of a decision record (one node, several prompts).
      id: `template-prompt:${field}:${path.join('.')}${part ? `#${part}` : ''}`,
      rule: 'template-prompt',
      severity: 'error',
      message: `${sectionLabels[field]} still holds the prompt "${short(prompt.text)}" from the "${prompt.template}" template: replace it with your own text or delete it.`,
      field,
      path,
      pos: positionOfPath(doc, path),
    });
  });
  return findings;
}

/**
 * An error for each key result still as a template suggested it: its label and 0 → 0, the
 * placeholder numbers a study made from the template starts with (template-draft.ts).
 */
export function metricPromptFindings(metrics: readonly Metric[], prompts: TemplatePrompts): Finding[] {
  const findings: Finding[] = [];
  metrics.forEach((metric, i) => {
    if (metric.before !== 0 || metric.after !== 0) return;
    const template = prompts.suggestedMetric(metric.label);
    if (template === undefined) return;
    findings.push({
      id: `template-metric:${i}`,
      rule: 'template-metric',
      severity: 'error',
      message: `Key result "${short(metric.label)}" is still the "${template}" template's suggestion (0 → 0): enter the measured values or remove it.`,
      field: 'metrics',
      path: [i],
    });
  });
  return findings;
}

function short(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
