// Deterministic, realistic case studies for benchmarks: ~1,500 words each, spread over the
// four sections, with paragraphs, marks, links, bullet and ordered lists, code blocks and a
// table — the shape real write-ups have. Same (n, seed) → the same studies, byte for byte.
import { STUDY_FORMAT } from '../src/core/pure/schemas/study-fields';
import { seededBlockId, withBlockIds } from '../src/core/pure/rich-text/block-ids';
import type { RichTextDoc, RichTextNode } from '../src/core/pure/schemas/rich-text';
import { defaultSiteSettings } from '../src/core/pure/schemas/site';
import { sectionKeys, type Study } from '../src/core/pure/schemas/study';
import { seededRandom } from '../tests/helpers/seeded-random';

const rng = seededRandom;

const WORDS = (
  'latency throughput cache shard replica queue consumer producer partition index query planner ' +
  'rollout canary deploy cluster node pod budget cost migration schema backfill lock contention ' +
  'retry timeout backoff circuit breaker alert pager incident postmortem owner service boundary ' +
  'contract version client server request response payload batch stream window aggregate metric ' +
  'dashboard trace span sample storage volume snapshot restore region failover quorum leader ' +
  'election write read heavy light cold warm hot path regression baseline benchmark profile ' +
  'memory allocation garbage pause heap thread pool connection handshake certificate rotation ' +
  'the a we our team then after before because while so it was not only also finally'
).split(' ');

const TITLE_OPENERS = [
  'When Nobody Owns the',
  'Cutting the Cost of',
  'How We Migrated',
  'Why Our',
  'Untangling the',
  'Scaling the',
  'The Week We Lost',
  'Rebuilding the',
];
const TITLE_SUBJECTS = [
  'Cloud Bill',
  'Search Cluster',
  'Payments Queue',
  'Billing Database',
  'Image Pipeline',
  'Feature Flags',
  'Kafka Consumers',
  'Edge Cache',
  'CI Fleet',
  'Nightly Backfill',
];

const LANGUAGES = ['typescript', 'python', 'sql', 'go', 'bash', 'yaml'];
const CODE_SAMPLES: Record<string, string> = {
  typescript:
    'export async function drain(queue: Queue, limit = 100): Promise<number> {\n  let done = 0;\n  for await (const job of queue.take(limit)) {\n    await job.run();\n    done++;\n  }\n  return done;\n}',
  python:
    'def right_size(instances, target=0.65):\n    """Pick the smallest type that keeps p95 CPU under target."""\n    return [pick(i, target) for i in instances if i.p95 < target]',
  sql: "SELECT account_id, sum(cost) AS monthly\nFROM billing.line_items\nWHERE usage_date >= date_trunc('month', now())\nGROUP BY 1\nORDER BY monthly DESC\nLIMIT 20;",
  go: 'func (c *Cache) Get(key string) ([]byte, bool) {\n\tc.mu.RLock()\n\tdefer c.mu.RUnlock()\n\tv, ok := c.items[key]\n\treturn v, ok && v != nil\n}',
  bash: 'for region in us-east-1 eu-west-1; do\n  aws ec2 describe-instances --region "$region" \\\n    --query "Reservations[].Instances[].InstanceType" > "$region.json"\ndone',
  yaml: 'resources:\n  requests:\n    cpu: 250m\n    memory: 512Mi\n  limits:\n    memory: 1Gi\nreplicas: 3',
};

function text(value: string, marks?: RichTextNode['marks']): RichTextNode {
  return marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
}

class StudyWriter {
  constructor(private readonly next: () => number) {}

  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
  words(count: number): string {
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(this.pick(WORDS));
    return out.join(' ');
  }
  sentence(count: number): string {
    const s = this.words(count);
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  }

  /** A paragraph of about `wordCount` words with some bold, italic, code and a link. */
  paragraph(wordCount: number): RichTextNode {
    const content: RichTextNode[] = [];
    let left = wordCount;
    while (left > 0) {
      const n = Math.min(left, 8 + this.int(10));
      left -= n;
      const roll = this.int(12);
      const chunk = this.sentence(n) + ' ';
      if (roll === 0) content.push(text(chunk, [{ type: 'bold' }]));
      else if (roll === 1) content.push(text(chunk, [{ type: 'italic' }]));
      else if (roll === 2) content.push(text(this.pick(WORDS), [{ type: 'code' }]), text(' ' + chunk));
      else if (roll === 3)
        content.push(
          text(this.words(2), [{ type: 'link', attrs: { href: `https://example.com/${this.pick(WORDS)}` } }]),
          text(' ' + chunk),
        );
      else content.push(text(chunk));
    }
    return { type: 'paragraph', content };
  }

  list(type: 'bulletList' | 'orderedList', items: number): RichTextNode {
    const content: RichTextNode[] = [];
    for (let i = 0; i < items; i++) {
      content.push({
        type: 'listItem',
        content: [{ type: 'paragraph', content: [text(this.sentence(8 + this.int(8)))] }],
      });
    }
    return { type, content };
  }

  codeBlock(): RichTextNode {
    const language = this.pick(LANGUAGES);
    return { type: 'codeBlock', attrs: { language }, content: [text(CODE_SAMPLES[language]!)] };
  }

  table(): RichTextNode {
    const cell = (type: 'tableHeader' | 'tableCell', value: string): RichTextNode => ({
      type,
      content: [{ type: 'paragraph', content: [text(value)] }],
    });
    const rows: RichTextNode[] = [
      { type: 'tableRow', content: ['Metric', 'Before', 'After'].map((h) => cell('tableHeader', h)) },
    ];
    for (let i = 0; i < 4; i++) {
      rows.push({
        type: 'tableRow',
        content: [
          cell('tableCell', this.words(2)),
          cell('tableCell', `${100 + this.int(900)} ms`),
          cell('tableCell', `${10 + this.int(90)} ms`),
        ],
      });
    }
    return { type: 'table', content: rows };
  }

  heading(level: 2 | 3 | 4): RichTextNode {
    return { type: 'heading', attrs: { level }, content: [text(this.sentence(3 + this.int(4)).slice(0, -1))] };
  }

  /** One section of ~`budget` words; `withTable` puts the study's table here. */
  section(budget: number, withTable: boolean): RichTextDoc {
    const content: RichTextNode[] = [];
    let words = 0;
    let step = 0;
    while (words < budget) {
      const kind = step++ % 6;
      if (kind === 2) {
        content.push(this.list(step % 2 ? 'bulletList' : 'orderedList', 3 + this.int(3)));
        words += 50;
      } else if (kind === 4) {
        content.push(this.codeBlock());
        words += 30;
      } else if (kind === 5 && this.int(3) === 0) {
        content.push(this.heading(3));
        words += 5;
      } else {
        const n = 60 + this.int(50);
        content.push(this.paragraph(n));
        words += n;
      }
      if (withTable && step === 3) content.push(this.table());
    }
    return { type: 'doc', content };
  }
}

/** `n` published studies (about one in ten featured, one in twenty a draft), ~1,500 words each. */
const BENCH_AUTHORS = ['Dana Kim', 'Lee Ortiz', 'Sam Reyes', 'Ana Silva', 'Jo Chen'];

export function generateRealisticStudies(n: number, seed: number): Study[] {
  const w = new StudyWriter(rng(seed));
  const categories = defaultSiteSettings().categories;
  const outcomes = ['succeeded', 'failed', 'mixed', 'ongoing', null] as const;
  const studies: Study[] = [];
  const start = Date.UTC(2019, 0, 1);
  for (let i = 0; i < n; i++) {
    const title = `${w.pick(TITLE_OPENERS)} ${w.pick(TITLE_SUBJECTS)} (${i + 1})`;
    const slug = title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const date = new Date(start + w.int(7 * 365) * 86_400_000).toISOString().slice(0, 10);
    const stamp = `${date}T09:00:00.000Z`;
    const tableIn = w.int(4);
    const id = `s${String(i + 1).padStart(5, '0')}-${(seed >>> 0).toString(36)}`;
    // Every block with its id, as Casebook writes a study (the ids a read would derive).
    const withIds = (key: string, section: RichTextDoc) =>
      withBlockIds(section, (path) => seededBlockId(`${id}/${key}/${path}`));
    const sections = Object.fromEntries(
      sectionKeys.map((key, k) => [key, withIds(key, w.section(330, k === tableIn))]),
    ) as Pick<Study, (typeof sectionKeys)[number]>;
    const cats = [w.pick(categories)];
    if (w.int(4) === 0) cats.push(w.pick(categories));
    studies.push({
      schemaVersion: STUDY_FORMAT,
      id,
      slug,
      title,
      summary: w.sentence(12 + w.int(10)),
      status: w.int(20) === 0 ? 'draft' : 'published',
      outcome: w.pick(outcomes),
      categories: [...new Set(cats)],
      tags: [w.pick(WORDS), w.pick(WORDS)].filter((t, k, all) => all.indexOf(t) === k),
      featured: w.int(10) === 0,
      metrics: [],
      // From the index, not the random stream, so every other field is as before authors existed.
      authors: i % 3 === 0 ? [BENCH_AUTHORS[i % 5]!, BENCH_AUTHORS[(i + 1) % 5]!] : [BENCH_AUTHORS[i % 5]!],
      cover: null,
      language: null,
      conflictCount: 0,
      conflicts: [],
      date,
      createdAt: stamp,
      updatedAt: stamp,
      ...sections,
    });
  }
  return studies;
}
