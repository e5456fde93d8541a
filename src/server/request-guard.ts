// Browser mode listens on 127.0.0.1 only, but any web page the user visits can still
// reach it: require the secret token on every API call, and refuse requests whose Host or
// Origin is not ours (blocks DNS rebinding and cross-site requests).
import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

export const TOKEN_HEADER = 'x-casebook-token';

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
