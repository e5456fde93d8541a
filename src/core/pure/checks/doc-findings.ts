// Problems inside a section's rich text: images without a description, links without a
// target or with a scheme the site refuses. Each comes with its node path and editor position.
import { richTextSchema } from '../rich-text/known-types';
import { safeHref } from '../safe-url';
import type { RichTextDoc, RichTextNode } from '../schemas/rich-text';
import { sectionLabels, type SectionKey } from '../schemas/study';
import { decisionProblems } from './decision-findings';
import type { Finding } from './finding';
import { timelineEntryProblems } from './timeline-findings';

// Nodes that hold no content in the editor schema (an image, a divider) take one position,
// not two plus content; read from the schema, so a new leaf block needs no entry here.
let leafTypes: Set<string> | null = null;
function isLeaf(type: string): boolean {
  leafTypes ??= new Set(
    Object.values(richTextSchema().nodes)
      .filter((n) => n.isLeaf && !n.isText)
      .map((n) => n.name),
  );
  return leafTypes.has(type);
}

function nodeSize(node: RichTextNode): number {
  if (node.type === 'text') return (node.text ?? '').length;
  if (isLeaf(node.type)) return 1;
  return 2 + (node.content ?? []).reduce((sum, child) => sum + nodeSize(child), 0);
}

/** ProseMirror position just before (or, for text, at the start of) the node at `path`. */
export function positionOfPath(doc: RichTextDoc, path: number[]): number {
  let pos = 0;
  let children = doc.content ?? [];
  path.forEach((index, depth) => {
    for (let i = 0; i < index; i++) pos += nodeSize(children[i]!);
    const node = children[index]!;
    if (depth < path.length - 1) {
      pos += 1; // step inside this node
      children = node.content ?? [];
    }
  });
  return pos;
}

export function docFindings(doc: RichTextDoc, field: SectionKey): Finding[] {
  const findings: Finding[] = [];
  const label = sectionLabels[field];
  const add = (rule: string, severity: Finding['severity'], message: string, path: number[], n = 0): void => {
    findings.push({
      // One node may have several findings of a rule (a record's options): n keeps ids apart.
      id: `${rule}:${field}:${path.join('.')}${n > 0 ? `#${n}` : ''}`,
      rule,
      severity,
      message,
      field,
      path,
      pos: positionOfPath(doc, path),
    });
  };
  const visit = (node: RichTextNode, path: number[]): void => {
    for (const problem of timelineEntryProblems(node, label))
      add(problem.rule, problem.severity, problem.message, path);
    if (node.type === 'image') {
      const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt.trim() : '';
      // Emptiness is judged on the trimmed text, safety on the exact stored string (the one
      // the exports write): a target that is only safe once trimmed is not safe.
      const raw = node.attrs?.src;
      const src = typeof raw === 'string' ? raw.trim() : '';
      if (!alt)
        add(
          'image-alt',
          'warning',
          `An image in ${label} has no alt text: describe it for readers who cannot see it.`,
          path,
        );
      if (!src)
        add('image-src', 'error', `An image in ${label} has no source; add the picture again or remove it.`, path);
      else if (safeHref(raw) === null)
        add(
          'image-src',
          'error',
          `An image in ${label} points to "${short(src)}", which the site cannot show; use an image from the workspace or an http(s) address.`,
          path,
        );
    }
    if (node.type === 'decisionRecord') {
      decisionProblems(node.attrs, label).forEach((p, i) => add(p.rule, 'warning', p.message, path, i));
    }
    for (const mark of node.marks ?? []) {
      if (mark.type !== 'link') continue;
      const raw = mark.attrs?.href;
      const href = typeof raw === 'string' ? raw.trim() : '';
      const text = short(node.text ?? '');
      if (!href)
        add(
          'link-empty',
          'error',
          `The link "${text}" in ${label} has no target; add an address or remove the link.`,
          path,
        );
      else if (safeHref(raw) === null)
        add(
          'link-unsafe',
          'error',
          `The link "${text}" in ${label} points to "${short(href)}"; only http, https, mailto and relative links are published.`,
          path,
        );
    }
    (node.content ?? []).forEach((child, i) => visit(child, [...path, i]));
  };
  (doc.content ?? []).forEach((child, i) => visit(child, [i]));
  return findings;
}

function short(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
