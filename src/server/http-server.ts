// Browser mode: the renderer bundle and the API contract over HTTP on 127.0.0.1.
// POST /api/<method> with X-Casebook-Token and the JSON input → the dispatch envelope; a call
// that accepts application/x-ndjson gets its progress reports as lines before the envelope.
// GET /?token=… sets the session cookie and redirects to the same address without the token;
// the page is then served with the token in a <meta> tag, to cookie-authenticated loads only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ASSET_FILE_PATTERN } from '../core/pure/asset-store-limits';
import { mediaTypeOfAssetFile, readAssetFile } from '../core/node/asset-store';
import { isMethodName, progressMethods, type ApiResult } from '../core/pure/contract';
import { dispatch, type DispatchTarget } from '../core/pure/dispatch';
import type { ErrorCode } from '../core/pure/errors';
import {
  API_PREFIX,
  ASSET_ROUTE,
  EXPORTED_SITE_ROUTE,
  PROGRESS_MEDIA_TYPE,
  TOKEN_HEADER,
  TOKEN_META,
} from '../core/pure/transport';
import { ExportedSites } from './exported-sites';
import { httpStatusFor } from './http-status';
import { checkHostAndOrigin, cookieMatches, sessionCookie, tokenMatches } from './request-guard';
import { contentTypeFor, resolveStaticFile } from './static-files';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'";

const MAX_BODY_BYTES = 32 * 1024 * 1024;

// Re-exported for the tests that build image URLs; declared in core/pure/transport.
export { ASSET_ROUTE };

export interface ServerOptions {
  handlers: DispatchTarget;
  /** The workspace folder, for serving its images at /workspace-assets/<hash>.<ext> (cookie-authenticated). */
  workspaceDir?: string;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  let port = 0;
  const exportedSites = new ExportedSites();

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      sendJson(res, 500, { ok: false, error: { code: 'internal', message: String(err) } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    const refusal = checkHostAndOrigin(req, port);
    if (refusal) return sendError(res, 'forbidden', `Request refused: ${refusal}.`);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith(API_PREFIX)) {
      if (req.method !== 'POST') return sendError(res, 'invalid_input', 'API calls must use POST.', 405);
      if (!tokenMatches(req.headers[TOKEN_HEADER.toLowerCase()], token)) {
        return sendError(res, 'forbidden', `Missing or wrong ${TOKEN_HEADER}: open the URL printed by casebook serve.`);
      }
      const body = await readJsonBody(req);
      if (!body.ok) return sendError(res, 'invalid_input', body.message, body.status);
      const name = url.pathname.slice(API_PREFIX.length);
      if (wantsProgress(req) && isMethodName(name) && progressMethods.has(name)) {
        return streamWithProgress(res, async (onProgress) => {
          const result = await dispatch(options.handlers, name, body.value, onProgress);
          exportedSites.noteResult(name, result);
          return result;
        });
      }
      const result = await dispatch(options.handlers, name, body.value);
      exportedSites.noteResult(name, result);
      return sendJson(res, result.ok ? 200 : (httpStatusFor[result.error.code as ErrorCode] ?? 500), result);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 'invalid_input', 'Only GET here.', 405);
    const signedIn = cookieMatches(req, port, token);
    if (url.searchParams.has('token')) return signIn(url, res);
    if (url.pathname.startsWith(ASSET_ROUTE)) {
      if (!signedIn) return sendError(res, 'forbidden', 'Not signed in: open the URL printed by casebook serve.');
      return serveAsset(url, res, req.method === 'HEAD');
    }
    if (url.pathname.startsWith(EXPORTED_SITE_ROUTE)) {
      if (!signedIn) return sendError(res, 'forbidden', 'Not signed in: open the URL printed by casebook serve.');
      const page = await exportedSites.fileFor(url.pathname);
      if (!page) return sendError(res, 'not_found', 'No such page in a site exported here.');
      return sendFile(res, page.file, page.bytes, req.method === 'HEAD', 'no-store');
    }
    const file = await resolveStaticFile(rendererDir, url.pathname);
    if (!file) return sendError(res, 'not_found', `Nothing at ${url.pathname}.`);
    let bytes: Buffer = await fsp.readFile(file);
    if (file.endsWith('.html') && signedIn) bytes = withTokenMeta(bytes, token);
    const cache = file.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable';
    sendFile(res, file, bytes, req.method === 'HEAD', cache);
  }

  // The printed URL: trade its token for the session cookie, and send the browser on to the
  // same address without it, so the token stays out of the address bar, history and Referer.
  function signIn(url: URL, res: ServerResponse): void {
    if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) {
      return sendError(res, 'forbidden', 'Wrong token: open the URL printed by casebook serve.');
    }
    const clean = new URL(url);
    clean.searchParams.delete('token');
    res.writeHead(303, {
      Location: `${clean.pathname}${clean.search}${clean.hash}`,
      'Set-Cookie': sessionCookie(port, token),
      'Cache-Control': 'no-store',
    });
    res.end();
  }

  // Images are fetched by <img>, which cannot send headers: the session cookie opens them, so
  // their URLs (and HTML copied out of the editor) carry no secret.
  async function serveAsset(url: URL, res: ServerResponse, headOnly: boolean): Promise<void> {
    const name = url.pathname.slice(ASSET_ROUTE.length);
    if (!options.workspaceDir || !ASSET_FILE_PATTERN.test(name)) return sendError(res, 'not_found', 'No such image.');
    // A real file inside assets/ only: never a link out of the workspace, a FIFO or a device.
    const bytes = await readAssetFile(options.workspaceDir, name);
    if (!bytes) return sendError(res, 'not_found', 'No such image.');
    res.writeHead(200, {
      'Content-Type': mediaTypeOfAssetFile(name),
      'Content-Length': bytes.length,
      // Content-addressed: the bytes behind a name never change. SVGs may hold scripts: sandbox them.
      'Cache-Control': 'private, max-age=31536000, immutable',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    });
    res.end(headOnly ? undefined : bytes);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendFile(res: ServerResponse, file: string, bytes: Buffer, headOnly: boolean, cache: string): void {
  res.writeHead(200, { 'Content-Type': contentTypeFor(file), 'Content-Length': bytes.length, 'Cache-Control': cache });
  res.end(headOnly ? undefined : bytes);
}

function withTokenMeta(html: Buffer, token: string): Buffer {
  // The token is base64url (or the caller's own, which is escaped anyway): safe in an attribute.
  const escaped = token.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const tag = `<meta name="${TOKEN_META}" content="${escaped}">`;
  const text = html.toString('utf8');
  const at = text.search(/<\/head>/i);
  return Buffer.from(at < 0 ? `${tag}${text}` : `${text.slice(0, at)}${tag}${text.slice(at)}`);
}

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
}

function wantsProgress(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').split(',').some((type) => type.trim().split(';')[0] === PROGRESS_MEDIA_TYPE);
}

/**
 * Answers one NDJSON line per progress report, then the envelope as the last line. The status
 * is sent before the outcome is known, so it is always 200: the envelope says how it went.
 */
async function streamWithProgress(
  res: ServerResponse,
  run: (onProgress: (progress: unknown) => void) => Promise<ApiResult<unknown>>,
): Promise<void> {
  res.writeHead(200, { 'Content-Type': `${PROGRESS_MEDIA_TYPE}; charset=utf-8`, 'Cache-Control': 'no-store' });
  const result = await run((progress) => res.write(`${JSON.stringify({ progress })}\n`));
  res.end(`${JSON.stringify(result)}\n`);
}

type BodyResult = { ok: true; value: unknown } | { ok: false; status: number; message: string };

async function readJsonBody(req: IncomingMessage): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, message: 'Request body is larger than 32 MB.' };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, message: 'Request body is not valid JSON.' };
  }
}

function sendError(res: ServerResponse, code: ErrorCode, message: string, status = httpStatusFor[code]): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

function sendJson(res: ServerResponse, status: number, body: ApiResult<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}
