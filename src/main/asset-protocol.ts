// casebook-asset://asset/<sha256>.<ext>: shows workspace images in the renderer without
// giving the page file:// access. Only content-addressed names inside assets/ resolve.
import { ASSET_FILE_PATTERN } from '../core/pure/asset-store-limits';
import { mediaTypeOfAssetFile, readAssetFile } from '../core/node/asset-store';
import { ASSET_HOST, ASSET_SCHEME } from '../core/pure/transport';

export const assetSchemePrivileges = {
  scheme: ASSET_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false },
};

/** Answers one protocol request; `workspace()` is the folder open right now. */
export async function answerAssetRequest(requestUrl: string, workspace: () => string | null): Promise<Response> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return new Response('Bad request', { status: 400 });
  }
  const name = decodeURIComponent(url.pathname.replace(/^\/+/, ''));
  const dir = workspace();
  if (url.host !== ASSET_HOST || !ASSET_FILE_PATTERN.test(name) || !dir)
    return new Response('Not found', { status: 404 });
  // A real file inside assets/ only: never a link out of the workspace, a FIFO or a device.
  const bytes = await readAssetFile(dir, name);
  if (!bytes) return new Response('Not found', { status: 404 });
  return new Response(bytes, {
    status: 200,
    headers: {
      'Content-Type': mediaTypeOfAssetFile(name),
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
