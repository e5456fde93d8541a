// Which URL is the app's own page: the built renderer file, or the dev server in development.
// Everything else (navigation, IPC senders, CSP scope) is judged against this one answer.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type RendererLocation = { kind: 'file'; file: string } | { kind: 'url'; url: string };

/** Dev server when electron-vite provides one, otherwise out/renderer/index.html under the app. */
export function rendererLocation(appPath: string, devServerUrl: string | undefined): RendererLocation {
  if (devServerUrl) return { kind: 'url', url: devServerUrl };
  return { kind: 'file', file: path.join(appPath, 'out', 'renderer', 'index.html') };
}

export function rendererUrl(location: RendererLocation): string {
  return location.kind === 'url' ? location.url : pathToFileURL(location.file).href;
}

/** True only for the renderer page itself (any hash/query) or, in dev, the dev server's origin. */
export function isAppUrl(raw: string, location: RendererLocation): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (location.kind === 'url') return url.origin === new URL(location.url).origin;
  if (url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) return false;
  try {
    return path.resolve(fileURLToPath(url)) === path.resolve(location.file);
  } catch {
    return false;
  }
}
