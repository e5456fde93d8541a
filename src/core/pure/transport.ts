// Every name two sides of a transport must agree on, declared once: the HTTP token header and
// routes (server + browser client), the Electron IPC channels (main + preload), and the image
// scheme and route (main, server, renderer). Plain constants: the sandboxed preload and the
// renderer import them without pulling in Node or Electron.
import type { MethodName } from './contract';

/** Browser mode: the header every API call carries the secret token in (HTTP header names ignore case). */
export const TOKEN_HEADER = 'X-Casebook-Token';
/** Browser mode: the <meta name> the page learns its API token from. */
export const TOKEN_META = 'casebook-token';
/** Browser mode: `POST /api/<method>` calls a contract method. */
export const API_PREFIX = '/api/';
/** Browser mode: a progress-reporting call asks for this; the answer is NDJSON (progress lines, then the envelope). */
export const PROGRESS_MEDIA_TYPE = 'application/x-ndjson';
/** Browser mode: workspace images, `/workspace-assets/<sha256>.<ext>` (session cookie). */
export const ASSET_ROUTE = '/workspace-assets/';
/** Electron: workspace images, `casebook-asset://asset/<sha256>.<ext>`. */
export const ASSET_SCHEME = 'casebook-asset';
export const ASSET_HOST = 'asset';
export const ASSET_SCHEME_PREFIX = `${ASSET_SCHEME}://${ASSET_HOST}/`;

/** Electron: the IPC channel of a contract method. */
export const ipcChannel = (name: MethodName): string => `casebook:${name}`;

/** Electron: the channels of the desktop-only helpers (window.casebookShell) and of progress reports. */
export const shellChannels = {
  /** main -> renderer: one ShellEvent name as the only argument. */
  event: 'casebook-shell:event',
  /** renderer -> main: pending edits are flushed. */
  readyToClose: 'casebook-shell:ready-to-close',
  chooseFolder: 'casebook-shell:choose-folder',
  openPath: 'casebook-shell:open-path',
  gitTokenState: 'casebook-shell:git-token-state',
  setGitToken: 'casebook-shell:set-git-token',
  gitIdentity: 'casebook-shell:git-identity',
  setGitIdentity: 'casebook-shell:set-git-identity',
  /** main -> renderer: (call id, progress) for a contract call that asked for progress. */
  progress: 'casebook:progress',
} as const;

/**
 * Browser mode: a static site this server exported in this session, served back (session
 * cookie) so "Open the site" works where a web page cannot open a file:
 * `/exported-site/<exportedSiteKey(outDir)>/<page>`.
 */
export const EXPORTED_SITE_ROUTE = '/exported-site/';

/** The export folder as one URL path segment (base64url of its UTF-8 path). */
export function exportedSiteKey(outDir: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(outDir)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The folder a key names, or null when it is not one. */
export function exportedSiteDir(key: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(key)) return null;
  try {
    const binary = atob(key.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

export const exportedSiteUrl = (outDir: string, page: string): string =>
  `${EXPORTED_SITE_ROUTE}${exportedSiteKey(outDir)}/${page}`;
