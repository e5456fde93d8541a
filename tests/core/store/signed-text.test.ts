// Signed derived files (the search index's header, export snapshots and receipts, the card
// index): a body is given back only as it was signed, whether read as text or as the file's bytes.
import { describe, expect, it } from 'vitest';
import { signedText, verifiedBody } from '../../../src/core/node/local-secret';

const secret = Buffer.alloc(32, 7);
const body = '{"words":["résumé","東京","🚀"],"studies":[]}';

describe('signed text', () => {
  it('gives the body back from the text or from its UTF-8 bytes', () => {
    const signed = signedText(secret, body);
    expect(verifiedBody(secret, signed)).toBe(body);
    expect(verifiedBody(secret, Buffer.from(signed))).toBe(body);
  });

  it('gives nothing for a changed byte, another secret, or no signature line', () => {
    const bytes = Buffer.from(signedText(secret, body));
    const changed = Buffer.from(bytes);
    changed[changed.length - 3] ^= 1;
    expect(verifiedBody(secret, changed)).toBeNull();
    expect(verifiedBody(Buffer.alloc(32, 8), bytes)).toBeNull();
    expect(verifiedBody(secret, Buffer.from(body))).toBeNull();
    // A byte that is not UTF-8 in place of a character the writer signed.
    const broken = Buffer.from(bytes);
    broken[broken.indexOf(0xc3)] = 0xff;
    expect(verifiedBody(secret, broken)).toBeNull();
  });
});
