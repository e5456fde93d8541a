// The security policy of the desktop shell (see DEVELOPERS.md): a strict CSP on the app's
// responses, no navigation away from the app, no popups, no webviews, no permissions, and
// only http(s)/mailto links handed to the OS browser or mail client.
import type { Session, WebContents } from 'electron';
import { isExternalUrlAllowed } from '../core/pure/safe-url';

/** Same policy as the meta tag in src/renderer/index.html; the header also covers the dev server. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: casebook-asset:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

type Headers = Record<string, string[] | string>;

/** Adds our CSP; a policy already present is kept (browsers enforce both, so it only narrows). */
export function withContentSecurityPolicy(headers: Headers | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(headers ?? {})) out[key] = Array.isArray(value) ? value : [value];
  const existingKey = Object.keys(out).find((k) => k.toLowerCase() === 'content-security-policy');
  const existing = existingKey ? out[existingKey] : [];
  if (existingKey) delete out[existingKey];
  out['Content-Security-Policy'] = [...existing, CONTENT_SECURITY_POLICY];
  return out;
}

export function installSessionSecurity(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  // Casebook needs no camera, notifications, geolocation, clipboard-read, HID…: refuse all.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Nothing in Casebook downloads files; a page that tries is refused.
  session.on('will-download', (event) => event.preventDefault());
}

/** Hands a link to the OS only when it is an absolute http, https or mailto URL. */
export function openExternalIfAllowed(url: string, openExternal: (url: string) => Promise<void>): boolean {
  if (!isExternalUrlAllowed(url)) return false;
  openExternal(url).catch(() => undefined);
  return true;
}

/** Applied to every webContents the app creates (app 'web-contents-created'). */
export function guardWebContents(
  contents: WebContents,
  isAppUrl: (url: string) => boolean,
  openExternal: (url: string) => Promise<void>,
): void {
  const refuseNavigation = (event: { preventDefault(): void }, url: string): void => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    // A clicked link in a study is the author's intent to read it: use their browser.
    openExternalIfAllowed(url, openExternal);
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url, openExternal);
    return { action: 'deny' };
  });
  // Frames (the Preview's srcdoc frame) may show only inline documents, never load a page.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return; // will-navigate handles the main frame
    if (event.url === 'about:srcdoc' || event.url === 'about:blank') return;
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
