// A small but complete workspace for site export tests: every rich-text node the editor can
// hold, a workspace image, featured, draft, uncategorised and off-list studies — and a corpus
// of hostile inputs that must come out inert. Shared by the unit tests and the browser tests.
import { STUDY_FORMAT } from '../../src/core/pure/schemas/study-fields';
import type { RichTextDoc, RichTextNode } from '../../src/core/pure/schemas/rich-text';
import { defaultSiteSettings, type SiteSettings } from '../../src/core/pure/schemas/site';
import type { Study } from '../../src/core/pure/schemas/study';

// A 1×1 transparent PNG.
export const PNG_BYTES = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
);
// Named by the SHA-256 of its bytes, as the workspace stores it (exports check that).
export const PNG_HASH = '497790947d4666760ce38f3c00e852c71fdb66cae849bae8e9ede352719e1581';
export const PNG_ASSET = `assets/${PNG_HASH}.png`;

const t = (text: string, marks?: RichTextNode['marks']): RichTextNode =>
  marks ? { type: 'text', text, marks } : { type: 'text', text };
const p = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content });
export const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });

export function sampleSite(overrides: Partial<SiteSettings> = {}): SiteSettings {
  return {
    ...defaultSiteSettings(),
    title: 'Acme Engineering',
    author: 'Ada Lovelace',
    baseUrl: 'https://eng.example.com/cases/',
    authors: [
      {
        name: 'Dana Kim',
        bio: 'Staff engineer on the platform team.',
        url: 'https://dana.example.com/',
        avatar: PNG_ASSET,
      },
      { name: 'Lee Ortiz', bio: '', url: '', avatar: '' },
    ],
    ...overrides,
  };
}

let counter = 0;
export function makeStudy(fields: Partial<Study> & { title: string }): Study {
  counter++;
  const slug =
    fields.slug ??
    fields.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return {
    schemaVersion: STUDY_FORMAT,
    id: fields.id ?? `study-${counter}`,
    slug,
    summary: `Summary of ${fields.title}`,
    status: 'published',
    outcome: 'succeeded',
    categories: ['Architecture & Design'],
    tags: ['aws'],
    featured: false,
    metrics: [],
    authors: [],
    cover: null,
    language: null,
    conflictCount: 0,
    conflicts: [],
    date: '2026-01-15',
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-02T10:00:00.000Z',
    problem: doc(p(t(`The problem of ${fields.title}.`))),
    decisions: doc(p(t('We decided things.'))),
    tradeoffs: doc(),
    lessons: doc(p(t('We learned.'))),
    ...fields,
  };
}

/** A rich document using every node and mark the editor offers. */
export function richDoc(): RichTextDoc {
  return doc(
    { type: 'heading', attrs: { level: 2 }, content: [t('Where it started')] },
    p(
      t('Costs grew '),
      t('40%', [{ type: 'bold' }]),
      t(' in a '),
      t('quarter', [{ type: 'italic' }]),
      t(', see '),
      t('the dashboard', [{ type: 'link', attrs: { href: 'https://example.com/dash?a=1&b=2' } }]),
      t(' or '),
      t('write to us', [{ type: 'link', attrs: { href: 'mailto:team@example.com' } }]),
      t('. Call '),
      t('drain()', [{ type: 'code' }]),
      t(' '),
      t('never', [{ type: 'underline' }]),
      t(' '),
      t('always', [{ type: 'strike' }]),
      { type: 'hardBreak' },
      t('Second line.'),
    ),
    { type: 'heading', attrs: { level: 3 }, content: [t('Numbers')] },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [p(t('First point'))] },
        { type: 'listItem', content: [p(t('Second point'))] },
      ],
    },
    { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p(t('Third step'))] }] },
    {
      type: 'codeBlock',
      attrs: { language: 'typescript' },
      content: [t('const total = items.reduce((a, b) => a + b, 0); // <sum>\nif (total > 10) console.log("big");')],
    },
    { type: 'codeBlock', attrs: { language: null }, content: [t('plain <text> & more')] },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableHeader', content: [p(t('Metric'))] },
            { type: 'tableHeader', content: [p(t('Before'))] },
          ],
        },
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', content: [p(t('p95 latency'))] },
            { type: 'tableCell', attrs: { colspan: 1 }, content: [p(t('420 ms'))] },
          ],
        },
      ],
    },
    { type: 'blockquote', content: [p(t('Measure first.'))] },
    {
      type: 'taskList',
      content: [
        { type: 'taskItem', attrs: { checked: true }, content: [p(t('Tag every resource'))] },
        {
          type: 'taskItem',
          attrs: { checked: false },
          content: [
            p(t('Set budgets per team')),
            {
              type: 'taskList',
              content: [{ type: 'taskItem', attrs: { checked: false }, content: [p(t('Alert at 80%'))] }],
            },
          ],
        },
      ],
    },
    { type: 'callout', attrs: { kind: 'warning' }, content: [p(t('Reserved instances lock you in for a year.'))] },
    { type: 'horizontalRule' },
    { type: 'image', attrs: { src: PNG_ASSET, alt: 'Cost chart', title: 'Monthly cost' } },
    { type: 'heading', attrs: { level: 4 }, content: [t('Small heading')] },
    p(t('The end.')),
    // Last: the timeline's own heading is an h3, so an author's h5 right after it would skip levels.
    {
      type: 'timeline',
      content: [
        { type: 'timelineEntry', attrs: { time: '2026-03-01 23:50', kind: '' }, content: [t('Bill alert fired')] },
        { type: 'timelineEntry', attrs: { time: '00:05', kind: 'detection' }, content: [t('Finance paged us')] },
        { type: 'timelineEntry', attrs: { time: 'Day 2', kind: 'mitigation' }, content: [t('Idle clusters stopped')] },
        { type: 'timelineEntry', attrs: { time: '', kind: 'resolution' } },
      ],
    },
  );
}

/** A realistic small workspace: 7 studies across the site's categories and beyond. */
export function sampleStudies(): Study[] {
  return [
    makeStudy({
      id: 'cloud-bill',
      title: 'When Nobody Owns the Cloud Bill',
      slug: 'when-nobody-owns-the-cloud-bill',
      summary: 'How strategic consolidation and right-sizing reduced monthly costs',
      categories: ['Optimization & Migration Wins'],
      featured: true,
      metrics: [
        { label: 'Monthly IT cost', before: 10250, after: 2146, unit: '$/month', better: 'lower' },
        { label: 'Deploys per week', before: 3, after: 11, unit: '', better: 'higher' },
        { label: 'On-call pages', before: 12, after: 15, unit: 'pages/month', better: 'lower' },
      ],
      date: '2026-04-02',
      problem: richDoc(),
      tags: ['aws', 'cost'],
      authors: ['Dana Kim', 'Lee Ortiz'],
    }),
    makeStudy({
      id: 'queue-outage',
      title: 'The Queue That Ate Friday',
      categories: ['Failure Analysis'],
      outcome: 'failed',
      date: '2026-03-10',
      tags: ['queues', 'AWS'],
      authors: ['Lee Ortiz'],
    }),
    makeStudy({
      id: 'search-rewrite',
      title: 'Rewriting Search Without a Freeze',
      categories: ['Architecture & Design', 'Optimization & Migration Wins'],
      outcome: 'mixed',
      featured: true,
      metrics: [{ label: 'p99 search latency', before: 820, after: 140, unit: 'ms', better: 'lower' }],
      date: '2025-11-20',
      authors: ['Dana Kim', 'Sam Reyes'],
    }),
    makeStudy({ id: 'edge-cache', title: 'An Edge Cache for Everyone', outcome: 'ongoing', date: '2025-06-01' }),
    makeStudy({ id: 'no-category', title: 'Notes Without a Home', categories: [], outcome: null, date: '2025-01-05' }),
    makeStudy({ id: 'off-list', title: 'Security Review Lessons', categories: ['Security'], date: null }),
    makeStudy({ id: 'a-draft', title: 'Unfinished Draft', status: 'draft', date: '2026-05-01' }),
  ];
}

export function readSampleAsset(rel: string): Uint8Array | null {
  return rel === PNG_ASSET ? PNG_BYTES : null;
}

/** Inputs an attacker (or a careless paste) might put into any text field. */
export const HOSTILE_STRINGS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned=\'img\'">',
  '"><svg onload="window.__pwned=\'svg\'">',
  "'><iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>",
  '</title><script>window.__pwned="title"</script>',
  '<a href="javascript:window.__pwned=1">x</a>',
  '{{constructor.constructor("window.__pwned=1")()}}',
];

export const HOSTILE_HREFS = [
  'javascript:window.__pwned="js"',
  'JaVaScRiPt:window.__pwned="mixed"',
  'java\tscript:window.__pwned="tab"',
  ' javascript:window.__pwned="space"',
  'data:text/html,<script>window.__pwned="data"</script>',
  'vbscript:msgbox(1)',
  '//evil.example.com/x',
  '"><script>window.__pwned="href"</script>',
  // A Unicode space in front, which a browser's URL parser keeps and String.trim() strips.
  ...['\u00a0', '\ufeff', '\u2028', '\u2029', '\u3000', '\u1680', '\u2003', '\u205f', '\u202f'].map(
    (space) => `${space}javascript:window.__pwned="U+${space.codePointAt(0)!.toString(16)}"`,
  ),
];

/** Node and mark types named like members of Object.prototype (looked up by type when rendering). */
export const PROTOTYPE_NAMES = [...new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__'])];

/** Studies that put every hostile string and link into every field a study has. */
export function hostileStudies(): Study[] {
  return HOSTILE_STRINGS.map((evil, i) => {
    const links = HOSTILE_HREFS.map((href) => t(`link ${evil}`, [{ type: 'link', attrs: { href } }]));
    const body = doc(
      { type: 'heading', attrs: { level: 2 }, content: [t(evil)] },
      p(t(evil), ...links),
      { type: 'codeBlock', attrs: { language: `js"><script>window.__pwned="lang"</script>` }, content: [t(evil)] },
      { type: 'codeBlock', attrs: { language: 'html' }, content: [t(evil)] },
      { type: 'image', attrs: { src: HOSTILE_HREFS[i % HOSTILE_HREFS.length], alt: evil, title: evil } },
      { type: 'image', attrs: { src: PNG_ASSET, alt: evil, title: evil } },
      { type: 'image', attrs: { src: 'data:image/svg+xml,<svg onload="window.__pwned=1"/>', alt: evil } },
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: evil }, content: [p(t(evil))] }] },
        ],
      },
      { type: `script`, content: [t(evil)] },
      ...PROTOTYPE_NAMES.map((type) => ({ type, content: [t(`${type} node`, [{ type }])] })),
      { type: 'callout', attrs: { kind: evil }, content: [p(t(evil))] },
      { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: evil }, content: [p(t(evil))] }] },
      {
        type: 'timeline',
        content: [
          { type: 'timelineEntry', attrs: { time: evil, kind: evil }, content: [t(evil)] },
          { type: 'timelineEntry', attrs: { time: { toString: evil }, kind: 'resolution' }, content: [t(evil)] },
        ],
      },
      {
        type: 'paragraph',
        attrs: { onclick: evil },
        content: [t('attrs ignored', [{ type: 'bold', attrs: { onclick: evil } }])],
      },
    );
    return makeStudy({
      id: `hostile-${i}`,
      title: `${evil} title ${i}`,
      slug: `hostile-${i}`,
      summary: evil,
      categories: [evil, `Category ${evil}`],
      tags: [evil, `${evil} ../../x`],
      authors: [evil, HOSTILE_STRINGS[(i + 1) % HOSTILE_STRINGS.length]!],
      featured: i % 2 === 0,
      metrics: [{ label: evil, before: i, after: -1000 * i, unit: evil.slice(0, 32), better: 'higher' }],
      date: `2026-02-${String(10 + i).padStart(2, '0')}`,
      problem: body,
      decisions: body,
      tradeoffs: body,
      lessons: body,
    });
  });
}

export function hostileSite(): SiteSettings {
  const evil = HOSTILE_STRINGS[0]!;
  return sampleSite({
    title: `${evil} site`,
    tagline: HOSTILE_STRINGS[2]!,
    description: HOSTILE_STRINGS[1]!,
    author: HOSTILE_STRINGS[3]!,
    categories: [evil, 'Failure Analysis'],
    authors: HOSTILE_STRINGS.map((name, i) => ({
      name,
      bio: HOSTILE_STRINGS[(i + 2) % HOSTILE_STRINGS.length]!,
      url: HOSTILE_HREFS[i % HOSTILE_HREFS.length]!,
      avatar: i === 0 ? PNG_ASSET : '',
    })),
  });
}
