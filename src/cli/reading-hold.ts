// $CASEBOOK_HOLD_READING names a file: while it exists, the library's background reading of
// study files waits before each pass. End-to-end tests use it to see, without a race, what an
// author sees while a large workspace is still being read (the list, searches by title).
import { access } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const POLL_MS = 50;

export function readingHoldFromEnv(env: NodeJS.ProcessEnv = process.env): (() => Promise<void>) | undefined {
  const file = env.CASEBOOK_HOLD_READING?.trim();
  if (!file) return undefined;
  return async () => {
    while (await exists(file)) await sleep(POLL_MS, undefined, { ref: false });
  };
}

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );
