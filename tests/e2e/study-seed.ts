// Two written studies for the study-screen specs: one long enough to scroll, with its
// properties filled in, and a shorter one to switch to.
import { writeStudyFile } from '../helpers/study-files';

const paragraphs = (lines: string[]) => ({
  type: 'doc' as const,
  content: lines.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

const long = (topic: string) =>
  Array.from(
    { length: 12 },
    (_, i) =>
      `${topic} ${i + 1}: the team read every invoice line, asked who had started each resource, and wrote down what it was for before anyone turned anything off.`,
  );

export async function seedStudies(workspace: string): Promise<void> {
  await writeStudyFile(workspace, 'cloud-bill', 'Cutting the bill by 38% without a freeze', {
    summary: 'Tagging every resource by team made the bill someone’s job',
    outcome: 'succeeded',
    date: '2026-03-03',
    categories: ['Failure Analysis'],
    problem: paragraphs(['Nobody owned the monthly cloud bill.', ...long('Finding')]),
    decisions: paragraphs(['We tagged every resource by team.', ...long('Decision')]),
    tradeoffs: paragraphs(['Tagging slowed deploys for a week.']),
    lessons: paragraphs(['Ownership beats dashboards.']),
  });
  await writeStudyFile(workspace, 'orders', 'Sharding the orders table', {
    summary: 'Split orders by customer',
    problem: paragraphs(['Orders outgrew one database.']),
  });
}
