// Text as search sees it (search-text.ts): the index, the search of the list and the snippets'
// highlights normalize alike, whichever way the text is taken (whole, or one character at a
// time with offsets), and however many characters outside ASCII were seen before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  holdsPhrase,
  normalizeForSearch,
  normalizeWithOffsets,
  splitWords,
} from '../../../src/core/pure/library/search-text';

// Accents both ways, case that changes length or depends on context, letters outside the BMP,
// ligatures, marks alone, controls and joiners, beside plain ASCII.
const pieces = [
  'a', 'K', 'kafka', 'Kafka', ' ', '-', "'", '’', '.', '\n', '+', '%', '9',
  'é', 'e\u0301', '\u0301', 'É', 'İ', 'ı', 'I', 'ß', 'ẞ', 'ﬁ', 'ﬃ', 'Σ', 'σ', 'ς', 'ΣΟΦΟΣ',
  '𝐀', '😀', 'ǅ', 'Ǳ', 'Å', 'K', 'Ⅻ', '²', '가', '\u1100\u1161', '東京', '\u00ad', '\u200d',
  '\u0080', '\u0080É', '\ud800', 'ΐ', 'ǰ',
]; // prettier-ignore
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(''));

/** One character at a time, as search-text.ts defines it. */
const byCharacter = (value: string): string =>
  Array.from(value, (char) => {
    if (char.charCodeAt(0) < 128) return char.toLowerCase();
    const lower = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    return lower === 'ς' ? 'σ' : lower;
  }).join('');

describe('text as search sees it', () => {
  it('is the same whole or one character at a time, with or without offsets', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(normalizeForSearch(value)).toBe(byCharacter(value));
        expect(normalizeWithOffsets(value).text).toBe(byCharacter(value));
      }),
      { numRuns: 2_000, seed: 7 },
    );
  });

  it('lower-cases, drops accents, and leaves what is neither', () => {
    expect(normalizeForSearch('Café ORDERS')).toBe('cafe orders');
    expect(normalizeForSearch('ΣΟΦΟΣ σοφος')).toBe('σοφοσ σοφοσ');
    expect(normalizeForSearch('İstanbul')).toBe('istanbul');
    expect(normalizeForSearch('東京 — n+1')).toBe('東京 — n+1');
    // A control character outside ASCII starts a run that is still normalized one by one.
    expect(normalizeForSearch('\u0080É')).toBe('\u0080e');
  });

  it('splits normalized text into words at whatever is not a letter or a digit, ASCII or not', () => {
    fc.assert(
      fc.property(text, (value) => {
        const normalized = normalizeForSearch(value);
        expect(splitWords(normalized)).toEqual(normalized.split(/[^\p{L}\p{N}]+/u));
      }),
      { numRuns: 2_000, seed: 7 },
    );
    expect(splitWords('kafka-lag 99.9% p95')).toEqual(['kafka', 'lag', '99', '9', 'p95']);
    expect(splitWords('Raw Text, as typed')).toEqual(['Raw', 'Text', 'as', 'typed']);
    expect(splitWords(' café_2 ')).toEqual(['', 'café', '2', '']);
  });

  it('holds a term with punctuation where a word starts, or anywhere when the term starts with punctuation', () => {
    expect(holdsPhrase('ban+1 then n+1', 'n+1')).toBe(true); // the second place
    expect(holdsPhrase('ban+1', 'n+1')).toBe(false);
    expect(holdsPhrase('x+1', '+1')).toBe(true);
    expect(holdsPhrase('n-1', 'n+1')).toBe(false);
  });

  it('stays right past the characters it remembers', () => {
    // More distinct characters than are remembered at once, twice over.
    const many = Array.from({ length: 20_000 }, (_, i) => String.fromCodePoint(0x4e00 + (i % 20_000))).join('');
    const accented = 'ÀÉÎÕÜ'.repeat(3);
    expect(normalizeForSearch(many + accented)).toBe(byCharacter(many + accented));
    expect(normalizeForSearch(accented + many)).toBe(byCharacter(accented + many));
  });
});
