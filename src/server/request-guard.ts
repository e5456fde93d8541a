// Browser mode listens on 127.0.0.1 only, but any web page the user visits can still
// reach it: require the secret token on every API call, and refuse requests whose Host or
// Origin is not ours (blocks DNS rebinding and cross-site requests).
// The token reaches the browser once, in the printed URL; the server trades it for a session
// cookie (HttpOnly, SameSite=Strict, named after the port, since cookies are not kept apart
// by port) and a token-free address. The cookie opens the page and its images, never the API:
// API calls still need the X-Casebook-Token header, which no other site can send.
import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Returns a reason to refuse the request, or null when Host and Origin are ours. */
export function checkHostAndOrigin(req: IncomingMessage, port: number): string | null {
  const hosts = allowedHosts(port);
  const host = req.headers.host ?? '';
  if (!hosts.has(host.toLowerCase())) return `Host "${host}" is not this server`;
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let originHost: string;
    try {
      const url = new URL(origin);
      if (url.protocol !== 'http:') return `Origin "${origin}" is not this server`;
      originHost = url.host;
    } catch {
      return `Origin "${origin}" is not this server`;
    }
    if (!hosts.has(originHost.toLowerCase())) return `Origin "${origin}" is not this server`;
  }
  return null;
}

export function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The session cookie's name: one per port, so two servers on 127.0.0.1 never read each other's. */
export function sessionCookieName(port: number): string {
  return `casebook-${port}`;
}

/** The Set-Cookie value that keeps this browser signed in to this server until it closes. */
export function sessionCookie(port: number, token: string): string {
  return `${sessionCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Whether the request carries this server's session cookie with the right token. */
export function cookieMatches(req: IncomingMessage, port: number, token: string): boolean {
  const name = sessionCookieName(port);
  // Another server on 127.0.0.1 may have set a cookie of the same name: any matching one counts.
  return (req.headers.cookie ?? '').split(';').some((pair) => {
    const at = pair.indexOf('=');
    return at > 0 && pair.slice(0, at).trim() === name && tokenMatches(pair.slice(at + 1).trim(), token);
  });
}
