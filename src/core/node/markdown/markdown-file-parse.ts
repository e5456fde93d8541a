// The bytes of one Markdown file → a parse result, never an exception: what the parsing worker
// runs for each file. Text must be valid UTF-8 (a bad byte is reported with its line, not
// silently replaced with U+FFFD); anything the parser throws becomes a reason for this file.
import { parseMarkdownStudy, type ParseResult } from './markdown-study-parse';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function parseMarkdownFile(bytes: Uint8Array, fileName: string): ParseResult {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, line: lineOfBadUtf8(bytes), reason: 'The file is not valid UTF-8 text; save it as UTF-8.' };
  }
  try {
    return parseMarkdownStudy(text, fileName);
  } catch (err) {
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      return { ok: false, line: 1, reason: 'The Markdown is nested too deeply to read.' };
    }
    return { ok: false, line: 1, reason: `The Markdown cannot be read: ${(err as Error).message}` };
  }
}

/** The first line holding bytes that are not UTF-8. A newline byte never sits inside a UTF-8 sequence. */
function lineOfBadUtf8(bytes: Uint8Array): number {
  let start = 0;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(0x0a, start);
    try {
      utf8.decode(bytes.subarray(start, end < 0 ? bytes.length : end));
    } catch {
      return line;
    }
    if (end < 0) return 1;
    start = end + 1;
  }
}
