// Publish warnings for a decision record (issue 12): one that was decided but names no chosen
// option, an option with nothing said for or against it, a superseded record that does not
// say what replaced it. doc-findings.ts places them (path and position for jump-to).
import { decisionAttrs } from '../rich-text/blocks/decision-attrs';
import { optionTitle } from '../rich-text/blocks/decision-record-markdown';

export interface DecisionProblem {
  rule: string;
  message: string;
}

export function decisionProblems(attrs: unknown, where: string): DecisionProblem[] {
  const a = decisionAttrs(attrs);
  const name = a.title.trim() ? `The decision "${a.title.trim().slice(0, 60)}"` : 'A decision record';
  const out: DecisionProblem[] = [];
  // A proposal is not decided yet, and a rejected decision chose none of its options.
  if (a.chosen === null && a.status !== 'proposed' && a.status !== 'rejected' && a.options.length > 0)
    out.push({
      rule: 'decision-no-choice',
      message: `${name} in ${where} is ${a.status} but marks no option as chosen.`,
    });
  if (a.chosen === null && a.options.length === 0 && a.status !== 'proposed')
    out.push({ rule: 'decision-no-choice', message: `${name} in ${where} lists no considered options.` });
  a.options.forEach((o, i) => {
    if (o.points.length === 0)
      out.push({
        rule: 'decision-option-points',
        message: `${name} in ${where}: option ${i + 1} ("${optionTitle(o, i).slice(0, 40)}") has no Good or Bad points.`,
      });
  });
  if (a.status === 'superseded' && !a.supersededBy.trim())
    out.push({
      rule: 'decision-successor',
      message: `${name} in ${where} is superseded but does not say by what; fill in "Superseded by".`,
    });
  return out;
}
