// "What good looks like" for each section: a few concrete habits of strong case studies,
// shown folded under the section heading beside the placeholder question.
import type { SectionKey } from '../../../core/pure/schemas/study';

export const sectionGuidance: Record<SectionKey, readonly string[]> = {
  problem: [
    'Name who felt the problem and how: users waiting, a bill growing, an on-call pager.',
    'Give one number from before: latency, cost per month, error rate, hours lost.',
    'State the constraints you could not change (team size, deadline, legacy contracts).',
  ],
  decisions: [
    'List the options you seriously considered, including doing nothing.',
    'Say why the chosen one won, in terms of the constraints above.',
    'Note who decided and when, so the reader sees how the call was made.',
  ],
  tradeoffs: [
    'Be specific about the cost: money, latency, complexity, lock-in, team time.',
    'Say which risks you accepted knowingly and how you watched them.',
    'Mention what you would have needed to choose differently.',
  ],
  lessons: [
    'Compare the outcome with the number you gave in Problem.',
    'Separate what you would repeat from what you would change.',
    'End with one lesson another team could apply without your context.',
  ],
};
