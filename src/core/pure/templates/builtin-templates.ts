// The templates every workspace starts with. Written to templates/<id>.json when missing, so
// teams can edit them or add their own beside them. Prompts are questions an engineer answers
// in place of the text, in the order a reader needs the answers.
import type { TemplateFile } from './template-schema';

export const builtInTemplates: Record<string, TemplateFile> = {
  blank: {
    name: 'Blank',
    description: 'Four empty sections: start from nothing.',
    outcome: null,
    categories: [],
    summaryPrompt: 'One line: what happened and what came of it.',
    sections: { problem: '', decisions: '', tradeoffs: '', lessons: '' },
  },

  'failure-analysis': {
    name: 'Failure analysis (postmortem)',
    description: 'An incident or outage: impact, timeline, causes and what changed afterwards. Blameless.',
    outcome: 'failed',
    categories: ['Failure Analysis'],
    tags: ['incident'],
    summaryPrompt: 'One line: what broke, for whom, for how long — and the fix that stops it recurring.',
    // What to measure, before the fix → after it; the numbers are the author's (0 → 0 until then).
    metrics: [
      { label: 'Time to detect', unit: 'min', better: 'lower' },
      { label: 'Time to mitigate', unit: 'min', better: 'lower' },
      { label: 'Incidents of this kind', unit: 'per quarter', better: 'lower' },
    ],
    sections: {
      problem: `## Impact
Who was affected and how: requests failed, data delayed or lost, money or SLO budget spent. Give numbers (error rate, duration, customers, orders).

#### Timeline
- **HH:MM** When it started (UTC): the first error, deploy or change that set it off.
- **HH:MM** _Detected:_ When and how it was detected: alert, customer report, a colleague?
- **HH:MM** Key moments of the response: escalation, the first wrong guess, each thing tried.
- **HH:MM** _Mitigated:_ When the impact stopped for users, and what stopped it.
- **HH:MM** _Resolved:_ When it was fully resolved, and how you knew.

## What was going on
The state of the system beforehand: recent deploys, config changes, traffic, dependencies.`,
      decisions: `## Mitigation
What you did to stop the bleeding, and why that option over the others you considered.

## Root cause
The chain of causes, not just the trigger. Ask "why" until the answer is a decision, a gap in tooling or a missing guard rail — not a person.

## Follow-up actions
- Action, owner, due date, and the failure it prevents.`,
      tradeoffs: `## What the fix costs
What the follow-ups cost in latency, money, complexity or team time.

## What you chose not to fix
The risks you accepted for now, and why that is reasonable.`,
      lessons: `## What went well
Detection, tooling or habits that shortened the incident.

## What to change
What would have caught this earlier or made it smaller: tests, alerts, limits, runbooks, review practices.

## Would it happen again?
Which follow-ups are done, and what would tell you the fix worked.`,
    },
  },

  'migration-cost-optimization': {
    name: 'Migration / cost optimization',
    description: 'Moving a system (or its bill) somewhere better: baseline, plan, cut-over and results.',
    outcome: 'succeeded',
    categories: ['Optimization & Migration Wins'],
    tags: ['migration', 'cost'],
    summaryPrompt: 'One line: what moved, and the result in numbers (cost, latency, effort).',
    metrics: [
      { label: 'Monthly cost', unit: '$/month', better: 'lower' },
      { label: 'p99 latency', unit: 'ms', better: 'lower' },
      { label: 'Deploy time', unit: 'min', better: 'lower' },
    ],
    sections: {
      problem: `## Baseline
What it cost or how it performed before, with numbers: monthly bill, p95 latency, instance count, on-call pages.

## Why change now
The pressure behind the project: a deadline, an end-of-life, a budget target, growth.

## Constraints
Downtime allowed, data that must not be lost, compliance, the team's time.`,
      decisions: `### Decision: Where the system moves, in a few words

- Status: proposed
- Date: When it was decided (YYYY-MM-DD)
- Deciders: Who made the call, and who was consulted

What forced a choice: the cost, limit or deadline the current setup could not meet.

#### Considered options

1. **Stay and optimise what you have**
   The cheapest change you could make without moving.
   - Good: the saving or gain you expected from it
   - Bad: the risk or effort that made it not enough
2. **Move to the target you weighed**
   Where to, and how much of the system moves.
   - Good: the saving or gain you expected from it
   - Bad: the risk, lock-in or effort you would accept

#### Consequences

- Good: what the move makes cheaper or easier
- Bad: what it makes harder, or what you give up

## The plan
Phases, how you moved data and traffic (dual writes, backfill, shadow reads, canary), and the rollback plan.

## Cut-over
What happened on the day, and any surprises.`,
      tradeoffs: `## What you gave up
Features, flexibility, vendor lock-in, operational burden or performance you accepted for the saving.

## Costs of the migration itself
Engineering time, double-running costs, risks taken.`,
      lessons: `## Results
The same numbers as the baseline, after the change. Did the saving hold after a few months?

## What you would do differently
What to measure earlier, what took longer than planned, what a team starting the same migration should know.`,
    },
  },

  'architecture-decision': {
    name: 'Architecture decision',
    description: 'A design choice and its reasoning, in the spirit of an architecture decision record.',
    outcome: 'ongoing',
    categories: ['Architecture & Design'],
    tags: ['architecture'],
    summaryPrompt: 'One line: the decision, and the main reason for it.',
    sections: {
      problem: `## Context
The system and the forces at play: load, team size, deadlines, existing technology, what is hard to change.

## The question
The decision to make, in one sentence. What happens if you make none?

## Requirements
- What any answer must do (and how you would measure it).`,
      decisions: `### Decision: What you decided, in a few words

- Status: proposed
- Date: When it was decided (YYYY-MM-DD)
- Deciders: Who made the call, and who was consulted

Why a decision was needed now: what was at stake, and what would have happened with none.

#### Considered options

1. **Option A: the first approach you weighed**
   How it works, in one line.
   - Good: what this option is good at
   - Bad: what worries you about this option
2. **Option B: the alternative you weighed against it**
   How it works, in one line.
   - Good: what this option is good at
   - Bad: what worries you about this option

#### Consequences

- Good: what becomes easier once this is done
- Bad: what becomes harder or more expensive

## Why this option
The reasons that decided it (mark the chosen option above and set the status), and when it should be revisited.`,
      tradeoffs: `## Consequences
What becomes easier, and what becomes harder or more expensive.

## Risks and mitigations
What could prove this wrong, and how you would notice early.`,
      lessons: `## How it played out
After living with the decision: what held up, what surprised you, what you would revisit.

## Advice
What you would tell a team facing the same choice.`,
    },
  },
};

/** Built-in ids in the order the "New case study" menu shows them. */
export const builtInTemplateIds = Object.keys(builtInTemplates);
