// A per-user secret kept outside every workspace, so derived data Casebook keeps inside a
// workspace (which may come from git or a synced folder, written by someone else) can be
// authenticated: an entry carrying a valid MAC was written by this user's Casebook.
//
// Where: $CASEBOOK_STATE_DIR, else the platform's per-user state folder
// (~/.local/state/casebook, ~/Library/Application Support/Casebook, %LOCALAPPDATA%\Casebook).
// The CLI and the desktop app share it, so each can use what the other wrote.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SECRET_FILE = 'local-secret';
const SECRET_HEX = 64;

export function stateDir(): string {
  const fromEnv = process.env.CASEBOOK_STATE_DIR;
  if (fromEnv) return path.resolve(fromEnv);
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Casebook');
  if (process.platform === 'win32')
    return path.join(process.env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'Casebook');
  return path.join(process.env.XDG_STATE_HOME || path.join(home, '.local', 'state'), 'casebook');
}

let loaded: { dir: string; secret: Promise<Buffer | null> } | null = null;

async function readSecret(file: string): Promise<Buffer | null> {
  const stat = await fsp.lstat(file).catch(() => null);
  if (!stat?.isFile() || stat.size !== SECRET_HEX) return null;
  const text = await fsp.readFile(file, 'utf8').catch(() => '');
  return /^[0-9a-f]+$/.test(text) && text.length === SECRET_HEX ? Buffer.from(text, 'hex') : null;
}

async function loadOrCreate(dir: string): Promise<Buffer | null> {
  const file = path.join(dir, SECRET_FILE);
  const found = await readSecret(file);
  if (found) return found;
  try {
    await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
    // wx: two processes starting at once both end up reading the one that won.
    await fsp.writeFile(file, randomBytes(SECRET_HEX / 2).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch {
    // Another process made it first, or the folder is not writable: read what is there.
  }
  return readSecret(file);
}

/**
 * The secret, created on first use; null when it cannot be read or made (then callers keep
 * nothing they would have to trust). Never throws.
 */
export function localSecret(): Promise<Buffer | null> {
  const dir = stateDir();
  if (loaded?.dir !== dir) loaded = { dir, secret: loadOrCreate(dir).catch(() => null) };
  return loaded.secret;
}

/**
 * HMAC-SHA256 under `secret`, base64url, of the parts one after another (a string as its
 * UTF-8): a file's bytes are signed as they lie, without first making a string of them.
 */
export function macOf(secret: Buffer, ...parts: Array<string | Uint8Array>): string {
  const hmac = createHmac('sha256', secret);
  for (const part of parts) hmac.update(part);
  return hmac.digest('base64url');
}

/** `body` signed under `secret`: its MAC on the first line, then the body. */
export function signedText(secret: Buffer, body: string): string {
  return `${macOf(secret, body)}\n${body}`;
}

/** The body of the text (or a file's bytes) `signedText` made under `secret`; null when the MAC does not match. */
export function verifiedBody(secret: Buffer, text: string | Buffer): string | null {
  // A file's bytes are signed as they lie (its body is decoded only once it matched).
  const split = text.indexOf('\n');
  if (split < 0) return null;
  const body = text.slice(split + 1);
  const mac = Buffer.from(text.slice(0, split));
  const expected = Buffer.from(macOf(secret, body));
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return null;
  return typeof body === 'string' ? body : body.toString('utf8');
}
