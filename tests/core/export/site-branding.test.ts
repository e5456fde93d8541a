// Branding from the site settings: the accent colour drawn with enough contrast on both
// backgrounds, the body font, the logo in every header, the custom CSS file appended last
// (bounded, inside the workspace, never through a link), and the 404 page.
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CUSTOM_CSS_BYTES, readCustomCss } from '../../../src/core/node/export/site-custom-css';
import { siteExport } from '../../../src/core/node/export/site-export';
import { SITE_CSS } from '../../../src/core/pure/export/site-theme';
import { accentColours, brandCss, contrastRatio } from '../../../src/core/pure/export/site-theme-brand';
import { sitePatchSchema, siteSettingsSchema } from '../../../src/core/pure/schemas/site';
import { exportSite, workspaceWith } from '../../helpers/incremental-export';
import { sampleStudy } from '../../helpers/study-files';
import { withTempDir } from '../../helpers/temp-dir';
import { PNG_ASSET, PNG_HASH, readSampleAsset, sampleSite, sampleStudies } from '../../site/sample-site';

const LIGHT = ['#ffffff', '#f6f8fa'];
const DARK = ['#0d1117', '#161b22'];

describe('the accent colour', () => {
  it('keeps a colour that reads on the light background there, and lightens it for the dark one', () => {
    const c = accentColours('#0A58CA');
    expect(c.light).toBe('#0a58ca');
    expect(c.lightAdjusted).toBe(false);
    expect(c.darkAdjusted).toBe(true);
    for (const bg of DARK) expect(contrastRatio(c.dark, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('adjusts any colour to at least 4.5:1 against every background, hover included', () => {
    for (const accent of ['#ffff00', '#ff6600', '#000000', '#ffffff', '#777777', '#00ff00', '#0000ff']) {
      const c = accentColours(accent);
      for (const bg of LIGHT) {
        expect(contrastRatio(c.light, bg)).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(c.lightHover, bg)).toBeGreaterThanOrEqual(4.5);
      }
      for (const bg of DARK) {
        expect(contrastRatio(c.dark, bg)).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(c.darkHover, bg)).toBeGreaterThanOrEqual(4.5);
      }
    }
    // Yellow, 1.07:1 on white, becomes a dark olive there; stays yellow on the dark background.
    expect(contrastRatio('#ffff00', '#ffffff')).toBeLessThan(1.1);
    expect(accentColours('#ffff00')).toMatchObject({ lightAdjusted: true, dark: '#ffff00', darkAdjusted: false });
  });

  it('is refused by the settings unless it is a #rrggbb colour', () => {
    const base = sampleSite();
    for (const bad of ['red', '#fff', 'url(x)', '#0a58ca; } body { display: none']) {
      const r = siteSettingsSchema.safeParse({ ...base, accent: bad });
      expect(r.success).toBe(false);
      expect(JSON.stringify(r.error?.issues)).toContain('Accent colour must be a hex colour');
    }
  });

  it('is kept by a patch of other settings (adding a category must not reset the branding)', () => {
    expect(sitePatchSchema.parse({ categories: ['A'] })).toEqual({ categories: ['A'] });
    const saved = siteSettingsSchema.parse({
      ...sampleSite({ accent: '#ff6600', font: 'serif' }),
      ...sitePatchSchema.parse({ title: 'T' }),
    });
    expect(saved).toMatchObject({
      accent: '#ff6600',
      font: 'serif',
      title: 'T',
      baseUrl: 'https://eng.example.com/cases/',
    });
    // A font this version does not know (a newer file) reads as the default rather than refusing the file.
    expect(siteSettingsSchema.parse({ ...sampleSite(), font: 'comic' }).font).toBe('sans');
  });

  it('is added to the stylesheet for screens only (print keeps black links); none by default', () => {
    expect(brandCss({ accent: '', font: 'sans' })).toBe('');
    const css = brandCss({ accent: '#ff6600', font: 'serif' });
    expect(css).toMatch(/@media screen \{ :root \{ --accent: #[0-9a-f]{6};/);
    expect(css).toMatch(/@media screen and \(prefers-color-scheme: dark\)/);
    expect(css).toContain('--font-body: ui-serif');
  });
});

describe('the stylesheet and the logo in an export', () => {
  const files = (site = sampleSite()) =>
    new Map(
      siteExport({
        site,
        studies: sampleStudies(),
        readAsset: readSampleAsset,
        drafts: false,
        customCss: '.x{}',
      }).files.map((f) => [f.path, f.contents]),
    );

  it('ships the bundled font beside the stylesheet only when the settings choose it', () => {
    const withInter = files(sampleSite({ font: 'inter' }));
    const css = String(withInter.get('assets/site.css'));
    expect(css).toContain('src: url("fonts/inter-latin-400-normal.woff2") format("woff2")');
    expect(css).toContain('--font-body: "Inter", system-ui');
    for (const weight of [400, 700]) {
      const font = withInter.get(`assets/fonts/inter-latin-${weight}-normal.woff2`) as Uint8Array;
      expect(Buffer.from(font.subarray(0, 4)).toString('latin1')).toBe('wOF2');
    }
    const system = files(sampleSite({ font: 'sans' }));
    expect([...system.keys()].filter((p) => p.startsWith('assets/fonts/'))).toEqual([]);
    expect(String(system.get('assets/site.css'))).not.toContain('@font-face');
  });

  it('appends branding then the custom CSS after the theme', () => {
    const css = String(files(sampleSite({ accent: '#ff6600', customCss: 'theme/site.css' })).get('assets/site.css'));
    expect(css.startsWith(SITE_CSS)).toBe(true);
    expect(css.indexOf('/* Branding')).toBeGreaterThan(SITE_CSS.length - 1);
    expect(css.trimEnd().endsWith('/* Custom CSS (theme/site.css) */\n.x{}')).toBe(true);
  });

  it('shows the logo beside the title on every page, and copies it; leaves out one it cannot copy', () => {
    const withLogo = files(sampleSite({ logo: PNG_ASSET }));
    expect(withLogo.get(`assets/img/${PNG_HASH}.png`)).toBeDefined();
    expect(String(withLogo.get('index.html'))).toContain(
      `<img class="site-logo" src="assets/img/${PNG_HASH}.png" alt="" width="32" height="32"><span>Acme Engineering</span></a>`,
    );
    expect(String(withLogo.get('when-nobody-owns-the-cloud-bill/index.html'))).toContain(
      `src="../assets/img/${PNG_HASH}.png"`,
    );
    const missing = `assets/${'0'.repeat(64)}.png`;
    const result = siteExport({
      site: sampleSite({ logo: missing }),
      studies: sampleStudies(),
      readAsset: readSampleAsset,
      drafts: false,
    });
    expect(result.warnings.some((w) => w.startsWith('Site logo:'))).toBe(true);
    expect(result.files.some((f) => String(f.contents).includes('site-logo'))).toBe(false);
  });

  it('writes a 404 page linking home relatively, or from the base URL when one is set', () => {
    const relative = String(files(sampleSite({ baseUrl: '' })).get('404.html'));
    expect(relative).toContain('<h1>Page not found</h1>');
    expect(relative).toContain('href="assets/site.css"');
    expect(relative).toContain('<a href="index.html">Go to the home page');
    const absolute = String(files().get('404.html'));
    expect(absolute).toContain('href="https://eng.example.com/cases/assets/site.css"');
    expect(absolute).toContain('<a href="https://eng.example.com/cases/index.html">Go to the home page');
    // Served at whatever address was missing: kept out of search engines, no canonical address.
    expect(absolute).toContain('<meta name="robots" content="noindex">');
    expect(absolute).not.toContain('rel="canonical"');
    expect(String(files().get('index.html'))).not.toContain('noindex');
  });
});

describe('the custom CSS file', () => {
  it('is read from inside the workspace', () =>
    withTempDir(async (ws) => {
      await mkdir(path.join(ws, 'theme'));
      await writeFile(path.join(ws, 'theme', 'site.css'), 'body { color: rebeccapurple; }');
      expect(await readCustomCss(ws, 'theme/site.css')).toEqual({ css: 'body { color: rebeccapurple; }' });
    }));

  it('is refused outside the workspace, in hidden folders, through links, too large or not text', () =>
    withTempDir(async (dir) => {
      const ws = path.join(dir, 'ws');
      await mkdir(path.join(ws, 'real'), { recursive: true });
      await writeFile(path.join(dir, 'secret.css'), 'secret');
      await mkdir(path.join(dir, 'outside'));
      await writeFile(path.join(dir, 'outside', 'x.css'), 'secret');
      await symlink(path.join(dir, 'secret.css'), path.join(ws, 'link.css'));
      await symlink(path.join(dir, 'outside'), path.join(ws, 'linked'));
      await mkdir(path.join(ws, '.git'));
      await writeFile(path.join(ws, '.git', 'x.css'), 'hidden');
      await writeFile(path.join(ws, 'big.css'), 'a'.repeat(MAX_CUSTOM_CSS_BYTES + 1));
      await writeFile(path.join(ws, 'bin.css'), Buffer.from([0xff, 0xfe, 0x00]));
      await mkdir(path.join(ws, 'folder.css'));
      const why = async (rel: string) => {
        const r = await readCustomCss(ws, rel);
        expect(r).not.toHaveProperty('css');
        return (r as { refused: string }).refused;
      };
      expect(await why('../secret.css')).toContain('inside the workspace');
      expect(await why(path.join(dir, 'secret.css'))).toContain('inside the workspace');
      expect(await why('real/../../secret.css')).toContain('inside the workspace');
      expect(await why('.git/x.css')).toContain('hidden');
      expect(await why('link.css')).toContain('symbolic link');
      expect(await why('linked/x.css')).toContain('symbolic link');
      expect(await why('big.css')).toContain('larger than 128 KB');
      expect(await why('bin.css')).toContain('not UTF-8');
      expect(await why('folder.css')).toContain('folder');
      expect(await why('missing.css')).toContain('missing');
      expect(await why('notes.txt')).toContain('.css');
    }));

  it('is appended by a workspace export, a refused one named in the warnings; an edit to it alone exports again', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, [sampleStudy(1, { status: 'published' })]);
      await writeFile(path.join(ws, 'custom.css'), '.mine { color: red; }');
      const out = path.join(dir, 'out');
      const site = { ...sampleSite(), customCss: 'custom.css' };
      await exportSite(ws, out, { site, allowErrors: true });
      const unchanged = await exportSite(ws, out, { site, allowErrors: true });
      expect(unchanged.read).toEqual([]); // skipped by its receipt
      expect(await readFile(path.join(out, 'assets', 'site.css'), 'utf8')).toContain('.mine { color: red; }');
      // Same size, so only the file's identity (export-receipt.ts) tells the export to run again.
      await writeFile(path.join(ws, 'custom.css'), '.mine { color: blue; }');
      const again = await exportSite(ws, out, { site, allowErrors: true });
      expect(again.report.written).toBe(1);
      expect(await readFile(path.join(out, 'assets', 'site.css'), 'utf8')).toContain('.mine { color: blue; }');
      const { report } = await exportSite(ws, out, { site: { ...site, customCss: 'gone.css' }, allowErrors: true });
      expect(report.warnings).toContain('Custom CSS "gone.css" was not added: the file is missing');
      expect(await readFile(path.join(out, 'assets', 'site.css'), 'utf8')).not.toContain('.mine');
    }));
});
