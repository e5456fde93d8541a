// The guiding question shown in each empty section, so a blank page asks something answerable.
import type { SectionKey } from '../../../core/pure/schemas/study';

export const sectionPrompts: Record<SectionKey, string> = {
  problem: 'What was broken, slow or costly, and for whom? What constraints did you face?',
  decisions: 'What did you decide to do, and which options did you turn down? Why?',
  tradeoffs: 'What did you give up or accept in exchange: cost, complexity, time, risk?',
  lessons: 'Did it work? What would you do again, and what would you do differently?',
};
