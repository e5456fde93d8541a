// Which link and image targets reach a page, a Markdown file or the system browser: the
// decision is made on the exact string written, and anything else (a number or an array
// from a hand-edited file, an unsafe scheme, an address elsewhere) is refused.
import { describe, expect, it } from 'vitest';
import { isExternalUrlAllowed, safeHref, safeImageSrc, safeRemoteUrl } from '../../../src/core/pure/safe-url';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('safeHref', () => {
  it('keeps web, mail and same-site relative links exactly as written', () => {
    for (const href of [
      'https://example.com/a?b=1#c',
      'http://example.com',
      'mailto:ada@example.com',
      '/docs/page',
      '../other/',
      'page.html',
      '#top',
      '?q=1',
    ])
      expect(safeHref(href), href).toBe(href);
  });

  it('refuses other schemes, other hosts by a relative path, and strings tools would rewrite', () => {
    for (const href of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:msgbox',
      '//evil.example/x',
      '\\\\evil.example\\share',
      ' https://example.com',
      'https://example.com ',
      '\u00a0javascript:alert(1)',
      'https://example.com/\u0000',
      'https://example.com/\ud800',
      '',
    ])
      expect(safeHref(href), JSON.stringify(href)).toBeNull();
  });

  it('refuses anything that is not a string, even one that reads as a link', () => {
    for (const value of [undefined, null, 42, ['https://example.com'], { toString: () => '/page' }])
      expect(safeHref(value)).toBeNull();
  });
});

describe('safeRemoteUrl (an image shown from the web)', () => {
  it('takes only absolute http(s) addresses', () => {
    expect(safeRemoteUrl('https://example.com/a.png')).toBe('https://example.com/a.png');
    expect(safeRemoteUrl('http://example.com/a.png')).toBe('http://example.com/a.png');
    expect(safeRemoteUrl('mailto:ada@example.com')).toBeNull();
    expect(safeRemoteUrl('img/a.png')).toBeNull();
    expect(safeRemoteUrl('javascript:alert(1)')).toBeNull();
    expect(safeRemoteUrl(7)).toBeNull();
  });
});

describe('safeImageSrc', () => {
  it('takes an inline PNG, JPEG, GIF or WebP, padded or not, and safe addresses', () => {
    expect(safeImageSrc(PNG)).toBe(PNG);
    expect(safeImageSrc('data:image/jpeg;base64,/9j/4AAQ')).toBe('data:image/jpeg;base64,/9j/4AAQ');
    expect(safeImageSrc('data:image/gif;base64,R0lGOD=')).toBe('data:image/gif;base64,R0lGOD=');
    expect(safeImageSrc('data:image/webp;base64,')).toBe('data:image/webp;base64,');
    expect(safeImageSrc('https://example.com/a.png')).toBe('https://example.com/a.png');
  });

  it('refuses SVG, anything around the inline image, and non-strings that read as one', () => {
    for (const src of [
      'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
      'data:text/html;base64,PHNjcmlwdD4=',
      `${PNG}" onerror="alert(1)`,
      `javascript:alert(1)//${PNG}`,
      'data:image/png;base64,AA===',
      'data:image/png,rawbytes',
    ])
      expect(safeImageSrc(src), src).toBeNull();
    expect(safeImageSrc([PNG])).toBeNull();
    expect(safeImageSrc(undefined)).toBeNull();
  });
});

describe('isExternalUrlAllowed (links the app opens in the system browser)', () => {
  it('opens absolute web and mail addresses only', () => {
    expect(isExternalUrlAllowed('https://example.com/a')).toBe(true);
    expect(isExternalUrlAllowed('mailto:ada@example.com')).toBe(true);
    expect(isExternalUrlAllowed('page.html')).toBe(false);
    expect(isExternalUrlAllowed('/docs')).toBe(false);
    expect(isExternalUrlAllowed('javascript:alert(1)')).toBe(false);
    expect(isExternalUrlAllowed('file:///etc/passwd')).toBe(false);
  });
});
