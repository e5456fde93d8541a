// $CASEBOOK_HOLD_READING names a file: while it exists, the library's background reading of
// study files waits before each pass. End-to-end tests use it to see, without a race, what an
// author sees while a large workspace is still being read (the list, searches by title). Said
// on stderr when set, so a variable left set by accident does not hold the reading unnoticed.
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { exists } from '../core/node/file-exists';

const POLL_MS = 50;

export function readingHoldFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  say: (line: string) => void = (line) => console.error(line),
): ((closing: AbortSignal) => Promise<void>) | undefined {
  const named = env.CASEBOOK_HOLD_READING?.trim();
  if (!named) return undefined;
  const file = path.resolve(named);
  say(`Note: CASEBOOK_HOLD_READING is set: full text is read only while ${file} does not exist.`);
  return async (closing) => {
    while (!closing.aborted && (await exists(file)))
      await sleep(POLL_MS, undefined, { ref: false, signal: closing }).catch(() => undefined);
  };
}
