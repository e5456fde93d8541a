// The https token for git on the desktop: encrypted with the OS keychain through Electron's
// safeStorage and kept in the app's own data folder (userData/git-token.bin), never in the
// workspace, a log or the renderer (which only learns whether one is kept). The core reads it
// through the service's git credentials provider when a sync needs it — and gets it only for
// the server it was entered for (as git's credential helpers key tokens by host): a workspace
// whose config names another server (a folder someone sent) is told there is no token.
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

/** A kept token and the one origin (https://host[:port]) it is given to. */
export interface KeptToken {
  origin: string;
  token: string;
}

/** The https origin of `remote`, or null (not a URL, or not https: a token never travels in the clear). */
export function httpsOrigin(remote: string): string | null {
  try {
    const url = new URL(remote);
    return url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

export interface GitTokenStore {
  state(): Promise<{ stored: boolean; canEncrypt: boolean }>;
  /** Keeps `token` encrypted, for the server of `remote` (an https URL); null forgets it. */
  set(token: string | null, remote?: string): Promise<void>;
  /** The token and its origin, decrypted, or null when none is kept (or it can no longer be read). */
  read(): Promise<KeptToken | null>;
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
    set: async (token, remote) => {
      if (token === null) {
        await fsp.rm(file(), { force: true });
        return;
      }
      const origin = remote === undefined ? null : httpsOrigin(remote);
      if (origin === null) throw new Error('Set an https remote first: the token is kept for that server only.');
      // Never written in the clear: without encryption there is no token kept at all.
      if (!encryptor.isEncryptionAvailable()) throw new Error('This computer offers no encrypted storage for a token.');
      await fsp.mkdir(userDataDir(), { recursive: true });
      await writeFileAtomic(file(), encryptor.encryptString(JSON.stringify({ origin, token } satisfies KeptToken)));
    },
    read: async () => {
      const encrypted = await readFile();
      if (!encrypted || !encryptor.isEncryptionAvailable()) return null;
      try {
        const kept = JSON.parse(encryptor.decryptString(encrypted)) as Partial<KeptToken>;
        return typeof kept.origin === 'string' && typeof kept.token === 'string'
          ? { origin: kept.origin, token: kept.token }
          : null;
      } catch {
        return null; // encrypted by another user or machine, or not ours: as if none were kept
      }
    },
  };
}

/** The core's credentials provider (git-options.ts): the kept token, for its own server only. */
export function gitCredentials(store: Pick<GitTokenStore, 'read'>): GitCredentialsProvider {
  return async (remoteUrl) => {
    const kept = await store.read();
    return kept && httpsOrigin(remoteUrl) === kept.origin ? { token: kept.token } : null;
  };
}
