// The https token for git on the desktop: encrypted with the OS keychain through Electron's
// safeStorage and kept in the app's own data folder (userData/git-token.bin), never in the
// workspace, a log or the renderer (which only learns whether one is kept). The core reads it
// through the service's git credentials provider when a sync needs it.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../core/node/atomic-write';
import type { GitCredentialsProvider } from '../core/node/git/git-options';

/** What this needs of Electron's safeStorage (a parameter, so it is type-checked and testable). */
export interface Encryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const TOKEN_FILE = 'git-token.bin';

export interface GitTokenStore {
  state(): Promise<{ stored: boolean; canEncrypt: boolean }>;
  /** Keeps `token` encrypted; null forgets it. */
  set(token: string | null): Promise<void>;
  /** The token, decrypted, or null when none is kept (or it can no longer be decrypted). */
  read(): Promise<string | null>;
}

export function createGitTokenStore(userDataDir: () => string, encryptor: Encryptor): GitTokenStore {
  const file = () => path.join(userDataDir(), TOKEN_FILE);
  const readFile = async (): Promise<Buffer | null> => {
    try {
      return await fsp.readFile(file());
    } catch {
      return null;
    }
  };
  return {
    state: async () => ({ stored: (await readFile()) !== null, canEncrypt: encryptor.isEncryptionAvailable() }),
    set: async (token) => {
      if (token === null) {
        await fsp.rm(file(), { force: true });
        return;
      }
      // Never written in the clear: without encryption there is no token kept at all.
      if (!encryptor.isEncryptionAvailable()) throw new Error('This computer offers no encrypted storage for a token.');
      await fsp.mkdir(userDataDir(), { recursive: true });
      await writeFileAtomic(file(), encryptor.encryptString(token));
    },
    read: async () => {
      const encrypted = await readFile();
      if (!encrypted || !encryptor.isEncryptionAvailable()) return null;
      try {
        return encryptor.decryptString(encrypted);
      } catch {
        return null; // encrypted by another user or machine: as if none were kept
      }
    },
  };
}

/** The core's credentials provider (git-options.ts): the kept token, read each time it is asked. */
export function gitCredentials(store: Pick<GitTokenStore, 'read'>): GitCredentialsProvider {
  return async () => {
    const token = await store.read();
    return token ? { token } : null;
  };
}
