// The site's search, run as the browser runs it: the exported assets/search-index.js and
// assets/site.js evaluated in a fresh JavaScript context (no DOM:
// site.js finds no search form and only defines window.CasebookSearch), then queried.
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { siteExport } from '../../../src/core/node/export/site-export';
import { ExportMemory } from '../../../src/core/node/export/export-memory';
import { SEARCH_LIMITS, sectionSearch } from '../../../src/core/pure/export/site-search-doc';
import type { Study } from '../../../src/core/pure/schemas/study';
import { byPath } from '../../site/site-files';
import { doc, makeStudy, readSampleAsset, sampleSite } from '../../site/sample-site';
import { para, studiesWithLesson } from '../../site/search-sample';

interface Found {
  path: string;
  titleHtml: string;
  where: string;
  snippetHtml: string;
}

function searchIn(studies: Study[]): (query: string) => Found[] {
  const { files } = siteExport({ site: sampleSite(), studies, readAsset: readSampleAsset, drafts: false });
  const f = byPath(files);
  const context = vm.createContext({});
  vm.runInContext('var window = globalThis; var document = { querySelector: function () { return null; } };', context);
  for (const asset of ['assets/search-index.js', 'assets/site.js'])
    vm.runInContext(String(f.get(asset)), context, { filename: asset });
  const engine = vm.runInContext('CasebookSearch.load(CASEBOOK_SEARCH)', context) as unknown;
  const search = vm.runInContext('CasebookSearch.search', context) as (e: unknown, q: string) => Found[];
  return (query) => search(engine, query);
}

describe('site search', () => {
  const search = searchIn(studiesWithLesson());

  it('finds a word only one study has, in its Lessons, and only that study, with the snippet from Lessons', () => {
    const found = search('quiescence');
    expect(found.map((r) => r.path)).toEqual(['the-queue-that-ate-friday/index.html']);
    expect(found[0]!.where).toBe('Lessons');
    expect(found[0]!.snippetHtml).toContain('first: <mark>quiescence</mark> before');
  });

  it('still finds it with a one-letter typo, and by the start of the word', () => {
    for (const query of ['quiesence', 'quiescense', 'qiescence', 'quiesc'])
      expect(
        search(query).map((r) => r.path),
        query,
      ).toEqual(['the-queue-that-ate-friday/index.html']);
    expect(search('zzzzzz')).toEqual([]);
  });

  it('finds titles, summaries, tags and categories, every word required', () => {
    expect(search('cloud bill')[0]!.path).toBe('when-nobody-owns-the-cloud-bill/index.html');
    expect(search('cloud bill')[0]!.titleHtml).toBe('When Nobody Owns the <mark>Cloud</mark> <mark>Bill</mark>');
    expect(search('cost').map((r) => r.path)).toContain('when-nobody-owns-the-cloud-bill/index.html'); // a tag
    expect(search('failure analysis').map((r) => r.path)).toEqual(['the-queue-that-ate-friday/index.html']);
    expect(search('friday quiescence')).toHaveLength(1);
    expect(search('cloud quiescence')).toEqual([]);
  });

  it('ranks a study with the word in its title above one with it only in a section, exact above typo', () => {
    const find = searchIn([
      makeStudy({ title: 'Older', summary: '', date: '2026-05-01', lessons: doc(para('about sharding')) }),
      makeStudy({ title: 'Sharding at last', summary: '', date: '2020-01-01' }),
      makeStudy({ title: 'Newest', summary: '', date: '2026-06-01', lessons: doc(para('about shardinq')) }),
    ]);
    expect(find('sharding').map((r) => r.titleHtml)).toEqual(['<mark>Sharding</mark> at last', 'Older', 'Newest']);
  });

  it('leaves drafts out when they are not exported', () => {
    expect(search('unfinished')).toEqual([]);
  });

  it('escapes hostile text in titles and snippets; only <mark> is markup', () => {
    const hostile = '<img src=x onerror="alert(1)"> & <script>alert(2)</script>';
    const find = searchIn([
      makeStudy({
        title: `${hostile} quiescence`,
        summary: `${hostile} quiescence`,
        lessons: doc(para(`${hostile} quiescence`)),
      }),
    ]);
    const [result] = find('quiescence');
    for (const html of [result!.titleHtml, result!.snippetHtml]) {
      expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;script&gt;');
      expect(html).toContain('<mark>quiescence</mark>');
    }
  });

  it('cuts a long section to a snippet around the word', () => {
    const filler = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const find = searchIn([
      makeStudy({ title: 'Long', summary: '', lessons: doc(para(`${filler} quiescence ${filler}`)) }),
    ]);
    const snippet = find('quiescence')[0]!.snippetHtml;
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('<mark>quiescence</mark>');
    expect(snippet.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(190);
  });
});

describe('the search page', () => {
  it('keeps its folder: a study whose slug is "search" gets another', () => {
    const { files } = siteExport({
      site: sampleSite(),
      studies: [makeStudy({ title: 'Search', slug: 'search' })],
      readAsset: readSampleAsset,
      drafts: false,
    });
    const pages = byPath(files);
    expect(String(pages.get('search/index.html'))).toContain('<h1>Search</h1>');
    const studyPages = [...pages].filter(([, html]) => String(html).includes('<article class="study"'));
    expect(studyPages.map(([p]) => p)).toEqual(['search-search/index.html']);
  });
});

describe('the remembered index', () => {
  it('is built again after any change a search would see, and only then', () => {
    const memory = new ExportMemory();
    const indexOf = (studies: Study[]) =>
      String(
        byPath(
          siteExport({ site: sampleSite(), studies, readAsset: readSampleAsset, drafts: false, memory }).files,
        ).get('assets/search-index.js'),
      );
    const studies = studiesWithLesson();
    const first = indexOf(studies);
    expect(indexOf(studiesWithLesson())).toBe(first);
    const edits: Array<(s: Study) => Study> = [
      (s) => ({ ...s, tags: [...s.tags, 'newtag'] }),
      (s) => ({ ...s, summary: 'A new summary' }),
      (s) => ({ ...s, title: 'A new title' }),
      (s) => ({ ...s, categories: ['Failure Analysis', 'Security'] }),
      (s) => ({ ...s, tradeoffs: doc(para('newword')) }),
    ];
    for (const edit of edits) {
      const changed = indexOf(studies.map((s) => (s.id === 'queue-outage' ? edit(s) : s)));
      expect(changed).not.toBe(first);
      expect(indexOf(studies)).toBe(first);
    }
  });
});

describe('search documents', () => {
  it('keep every distinct word up to a bound, and the start of each section', () => {
    const many = Array.from({ length: SEARCH_LIMITS.words + 500 }, (_, i) => `w${i}`).join(' ');
    const s = sectionSearch(makeStudy({ title: 'Big', lessons: doc(para(`${many} ${'x'.repeat(100)}`)) }));
    expect(s.words.split(' ')).toHaveLength(SEARCH_LIMITS.words);
    expect(s.excerpts.every((e) => e.length <= SEARCH_LIMITS.excerpt + 1)).toBe(true);
    expect(s.excerpts[3]!.endsWith('…')).toBe(true);
  });

  it('keeps a word of Lessons even when the Problem alone has more distinct words than the bound', () => {
    const many = Array.from({ length: SEARCH_LIMITS.words + 500 }, (_, i) => `w${i}`).join(' ');
    const s = sectionSearch(
      makeStudy({ title: 'Long', problem: doc(para(many)), lessons: doc(para('Learned zzlessonword.')) }),
    );
    const words = s.words.split(' ');
    expect(words).toHaveLength(SEARCH_LIMITS.words);
    expect(words).toContain('zzlessonword');
  });
});
