import { describe, expect, it } from 'vitest';
import { pickSpellcheckLanguage } from '../../src/main/spellcheck';

describe('spellcheck language', () => {
  const available = ['en-US', 'en-GB', 'de', 'pt-BR'];
  it('takes the exact dictionary, else the base language, else a regional one', () => {
    expect(pickSpellcheckLanguage('en-GB', available)).toBe('en-GB');
    expect(pickSpellcheckLanguage('de-AT', available)).toBe('de');
    expect(pickSpellcheckLanguage('en', available)).toBe('en-US');
    expect(pickSpellcheckLanguage('ja', available)).toBeNull();
  });
});
