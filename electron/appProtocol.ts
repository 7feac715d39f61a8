import { contentSecurityPolicy } from './host/security';
import { readStaticFile } from './host/staticFiles';

/**
 * The desktop renderer loads from app://netwright/, not file://: a file:// page may read
 * other local files and shares its origin with every file on disk, while this scheme
 * serves only dist/renderer (real paths checked, symlinks out refused) under one origin,
 * with the same CSP browser mode sends. main.ts registers it; nothing here imports Electron.
 */
export const appScheme = 'app';
export const appOrigin = `${appScheme}://netwright`;
export const rendererUrl = `${appOrigin}/index.html`;

/** Standard + secure: a real origin for 'self' in the CSP, fetch and module scripts. */
export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

export function isAppUrl(url: string): boolean {
  return url.startsWith(`${appOrigin}/`);
}

/** Answers app:// requests from `rendererDir` (GET only); anything else is 404 or 405. */
export function rendererRequestHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response('Method not allowed', { status: 405 });
    const url = new URL(request.url);
    if (`${url.protocol}//${url.host}` !== appOrigin) return new Response('Not found', { status: 404 });
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return new Response(`Not found: ${url.pathname}`, { status: 404 });
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: 200,
      headers: {
        'content-type': file.contentType,
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
      },
    });
  };
}
