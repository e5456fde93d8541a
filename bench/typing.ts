// Typing in a long study: loads a 20,000-word study (5,000 words a section, with headings,
// lists, code, a table, and in all 20 decision records and 10 timelines) in browser mode, then measures keystroke-to-paint latency over
// 500 keystrokes typed into the middle of the Problem section, and the time to open the study
// (from the click in the library to the text on screen editable, and to all four sections
// editable, measured in the page).
// Goals: p95 under 16 ms; open in 300 ms or less. Run after `npm run build`: npx tsx bench/typing.ts [keystrokes]
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/chromium-launch';
import { countWords } from '../src/core/pure/reading-time';
import { docToPlainText as docText, type RichTextNode } from '../src/core/pure/schemas/rich-text';
import { markdownToSectionDoc } from '../src/core/pure/templates/template-draft';
import { MIGRATION_MD, POSTMORTEM_MD } from '../tests/fixtures/markdown/structured-studies';

const KEYSTROKES = Number(process.argv[2] ?? 500);
const WORDS_PER_SECTION = 5_000;
const VOCABULARY =
  'the service cache latency budget migration owner queue replica shard cost alert deploy rollback team incident metric database region traffic'.split(
    ' ',
  );

function paragraph(words: number, seed: number): RichTextNode {
  const text = Array.from({ length: words }, (_, i) => VOCABULARY[(seed * 7 + i * 13) % VOCABULARY.length]).join(' ');
  return { type: 'paragraph', content: [{ type: 'text', text: `${text[0]!.toUpperCase()}${text.slice(1)}.` }] };
}

// The structured blocks as an author writes them (the fixture's Markdown, read by the importer).
const between = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to));
const DECISION_MD = between(MIGRATION_MD, '### Decision:', '\n## Tradeoffs');
const TIMELINE_MD = between(POSTMORTEM_MD, '#### Timeline', '\n## Decisions');
const structured = (markdown: string) => ({
  blocks: markdownToSectionDoc(markdown).content!,
  words: countWords(markdown),
});
const DECISION = structured(DECISION_MD);
const TIMELINE = structured(TIMELINE_MD);
const DECISIONS_PER_SECTION = 5; // 20 in the study
const timelinesIn = (seed: number) => (seed <= 2 ? 3 : 2); // 10 in the study

/** A section of about `words` words in a realistic mix of blocks. */
function section(words: number, seed: number): { type: 'doc'; content: RichTextNode[] } {
  const content: RichTextNode[] = [];
  let left = words;
  let decisions = 0;
  let timelines = 0;
  for (let i = 0; left > 0; i++) {
    if (i % 10 === 3 && decisions < DECISIONS_PER_SECTION) {
      content.push(...structuredClone(DECISION.blocks));
      left -= DECISION.words;
      decisions++;
    } else if (i % 20 === 17 && timelines < timelinesIn(seed)) {
      content.push(...structuredClone(TIMELINE.blocks));
      left -= TIMELINE.words;
      timelines++;
    } else if (i % 10 === 5) {
      content.push({ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: `Part ${i}` }] });
      left -= 2;
    } else if (i % 10 === 8) {
      const item = (n: number) => ({ type: 'listItem', content: [paragraph(n, seed + i)] });
      content.push({ type: 'bulletList', content: [item(8), item(8), item(8)] });
      left -= 24;
    } else if (i % 20 === 12) {
      // Highlighted by the editor as the author types elsewhere.
      const code = 'def monthly_cost(team):\n    return sum(r.cost for r in team.resources)\n';
      content.push({ type: 'codeBlock', attrs: { language: 'python' }, content: [{ type: 'text', text: code }] });
      left -= countWords(code);
    } else if (i % 20 === 15) {
      const cell = (type: string, text: string) => ({
        type,
        content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
      });
      const row = (type: string, a: string, b: string) => ({
        type: 'tableRow',
        content: [cell(type, a), cell(type, b)],
      });
      content.push({
        type: 'table',
        content: [row('tableHeader', 'Metric', 'Value'), row('tableCell', 'latency', '120')],
      });
      left -= 4;
    } else {
      const n = Math.min(left, 90);
      content.push(paragraph(n, seed + i));
      left -= n;
    }
  }
  return { type: 'doc', content };
}

async function startServer(workspace: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['bin/casebook.mjs', 'serve', '--workspace', workspace, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/m.exec(out);
      if (match) resolve(match[0]);
    });
    child.once('exit', (code) => reject(new Error(`casebook serve exited (${code})`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function call<T>(appUrl: string, method: string, input: unknown): Promise<T> {
  const url = new URL(appUrl);
  const response = await fetch(new URL(`/api/${method}`, url.origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Casebook-Token': url.searchParams.get('token') ?? '' },
    body: JSON.stringify(input),
  });
  const answer = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
  return answer.value;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

interface Run {
  latencies: number[];
  /** Key events the browser's own Event Timing reports as slower than 16 ms. */
  slowEvents: number;
}

function describe({ latencies, slowEvents }: Run): string {
  const p = (q: number) => percentile(latencies, q).toFixed(1);
  return `p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${latencies.at(-1)!.toFixed(1)} ms (${latencies.length} keys; ${slowEvents} over 16 ms by Event Timing)`;
}

/** Puts the cursor at the end of the middle paragraph of `selector` and types KEYSTROKES keys. */
async function typeAndMeasure(page: Page, selector: string): Promise<Run> {
  await page.locator(selector).evaluate((el) => {
    const paragraphs = el.querySelectorAll('p');
    const middle = paragraphs[Math.floor(paragraphs.length / 2)]!;
    middle.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.selectNodeContents(middle);
    range.collapse(false);
    (el as HTMLElement).focus();
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
  // In the page: from the key event's timestamp to just after the next frame is produced.
  await page.evaluate(() => {
    const w = window as unknown as { latencies: number[]; slowEvents: number; measuring?: boolean };
    w.latencies = [];
    w.slowEvents = 0;
    if (w.measuring) return;
    w.measuring = true;
    document.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => setTimeout(() => w.latencies.push(performance.now() - start), 0));
      },
      true,
    );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'keydown') w.slowEvents++;
    }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
  });
  const text = 'the quick brown fox jumps over the lazy dog while the cache warms ';
  for (let i = 0; i < KEYSTROKES; i++) {
    const char = text[i % text.length]!;
    await page.keyboard.press(char === ' ' ? 'Space' : char);
    await page.waitForTimeout(20); // a fast typist: ~50 keys a second
  }
  await page.waitForTimeout(500);
  const run = await page.evaluate(() => {
    const w = window as unknown as { latencies: number[]; slowEvents: number };
    return { latencies: w.latencies, slowEvents: w.slowEvents };
  });
  return { latencies: [...run.latencies].sort((a, b) => a - b), slowEvents: run.slowEvents };
}

const workspace = await mkdtemp(path.join(tmpdir(), 'casebook-typing-'));
const server = await startServer(workspace);
const browser = await chromium.launch(
  chromiumLaunchOptions(
    // Frames are produced as soon as something changed instead of on a 60 Hz tick, so the
    // figure is the work a keystroke causes, not up to 16.7 ms of waiting for the next tick.
    // CASEBOOK_VSYNC=1 keeps the tick (then add the wait: half a frame on average).
    process.env.CASEBOOK_VSYNC ? [] : ['--disable-gpu-vsync', '--disable-frame-rate-limit'],
  ),
);
try {
  // A short study to start on, and the long one to open from the library.
  await call(server.url, 'createStudy', { title: 'A short study' });
  const long = await call<{ id: string }>(server.url, 'createStudy', { title: 'The long study' });
  const sections = [1, 2, 3, 4].map((seed) => section(WORDS_PER_SECTION, seed));
  const blocksOf = (type: string) =>
    sections.reduce((n, doc) => n + doc.content.filter((block) => block.type === type).length, 0);
  // The importer must have read the Markdown as structured blocks, or this measures headings.
  if (blocksOf('decisionRecord') !== 20 || blocksOf('timeline') !== 10)
    throw new Error(
      `expected 20 decision records and 10 timelines, got ${blocksOf('decisionRecord')} and ${blocksOf('timeline')}`,
    );
  const words = sections.reduce((n, doc) => n + countWords(docText(doc)), 0);
  const [problem, decisions, tradeoffs, lessons] = sections;
  await call(server.url, 'updateStudy', { id: long.id, patch: { problem, decisions, tradeoffs, lessons } });
  const shownWords = /^(1[5-9]|2\d),\d{3} words/; // the long study's count (the short one has none)
  await call(server.url, 'updateStudy', {
    id: (await call<{ id: string }[]>(server.url, 'listStudies', {})).find((s) => s.id !== long.id)!.id,
    patch: { summary: 'newest' },
  });

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await titleShows(page, 'A short study');

  // Time to open, measured in the page: from the click on the library entry (the event's own
  // timestamp) to the first frame after which all four sections of the long study are editable
  // and hold its text. Then, as before, until its word counts are in.
  const opens: number[] = [];
  const firsts: number[] = [];
  const counted: number[] = [];
  for (let i = 0; i < 3; i++) {
    const entry = (title: string) =>
      page.getByRole('list', { name: 'Case studies' }).getByRole('button', { name: title, exact: true });
    await entry('A short study').click();
    await titleShows(page, 'A short study');
    // A string, not a function: tsx would wrap its inner functions in a helper the page lacks.
    await page.evaluate(`(() => {
      window.openMs = null;
      window.firstMs = null;
      const editable = (names) =>
        names.every((name) => {
          const editor = document.querySelector('[role="textbox"][aria-label="' + name + '"]');
          return editor?.getAttribute('contenteditable') === 'true' && (editor.textContent?.length ?? 0) > 10000;
        });
      document.addEventListener(
        'click',
        (event) => {
          const started = event.timeStamp;
          const frame = () => {
            if (window.firstMs === null && editable(['Problem']))
              setTimeout(() => (window.firstMs = performance.now() - started), 0);
            if (editable(['Problem', 'Decisions', 'Tradeoffs', 'Lessons']))
              setTimeout(() => (window.openMs = performance.now() - started), 0);
            else requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        },
        { capture: true, once: true },
      );
    })()`);
    const started = Date.now();
    await entry('The long study').click();
    await page.waitForFunction(() => (window as unknown as { openMs: number | null }).openMs !== null, null, {
      timeout: 60_000,
    });
    opens.push(Math.round(await page.evaluate(() => (window as unknown as { openMs: number }).openMs)));
    firsts.push(Math.round(await page.evaluate(() => (window as unknown as { firstMs: number }).firstMs)));
    await page.getByText(shownWords).first().waitFor({ timeout: 60_000 });
    counted.push(Date.now() - started);
  }

  const problemEditor = page.getByRole('textbox', { name: 'Problem', exact: true });
  const editorRun = await typeAndMeasure(page, '.rich-text[aria-label="Problem"]');
  const typed = await problemEditor.evaluate((el) => el.textContent!.includes('the quick brown fox jumps'));
  if (!typed) throw new Error('The keystrokes did not reach the Problem section.');

  // The floor: the same HTML in a bare contenteditable (no ProseMirror, no React), typed the
  // same way. What the machine and the browser cost alone, for reading the figure above.
  await page.evaluate(() => {
    const html = Array.from(document.querySelectorAll('.rich-text'), (e) => e.innerHTML).join('');
    document.getElementById('root')!.remove();
    const plain = document.createElement('div');
    plain.contentEditable = 'true';
    plain.className = 'rich-text plain-baseline';
    plain.innerHTML = html;
    document.body.append(plain);
  });
  const floorRun = await typeAndMeasure(page, '.plain-baseline');

  const openSorted = [...opens].sort((a, b) => a - b);
  console.log(
    `Study: ${words.toLocaleString('en-US')} words in four sections, 20 decision records and 10 timelines among them; ${KEYSTROKES} keystrokes typed mid-Problem.`,
  );
  console.log(
    `Load average: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')} (${availableParallelism()} CPUs)`,
  );
  const firstSorted = [...firsts].sort((a, b) => a - b);
  console.log(
    `Time to open the study, click to its text on screen editable (title and Problem; median of 3): ${firstSorted[1]} ms  (all: ${firsts.join(', ')} ms) — ${firstSorted[1]! <= 300 ? 'PASS' : 'FAIL'}: goal 300 ms`,
  );
  console.log(`  … and until all four sections are editable: ${openSorted[1]} ms  (all: ${opens.join(', ')} ms)`);
  console.log(`  … and until its word counts show: ${counted.join(', ')} ms`);
  console.log(`Keystroke to paint, Casebook editor: ${describe(editorRun)}`);
  console.log(`Keystroke to paint, bare contenteditable with the same text (floor): ${describe(floorRun)}`);
  const p95 = percentile(editorRun.latencies, 0.95);
  console.log(p95 < 16 ? 'PASS: p95 under 16 ms' : 'FAIL: p95 is 16 ms or more');
} finally {
  await browser.close();
  server.stop();
  await rm(workspace, { recursive: true, force: true });
}

/** Waits until the study open in the page is `title` (the Title box holds it as its value). */
async function titleShows(page: Page, title: string): Promise<void> {
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(title, { timeout: 30_000 });
}
