/**
 * Static assets for the server-rendered pages: the Utrecht component CSS, our theme and the
 * self-hosted fonts. Mount with `app.route('/assets', assetRoutes)`.
 *
 * Why not a generic static-file middleware: we serve a handful of files from `node_modules`, and a
 * whitelist makes path traversal impossible by construction (no request path ever reaches the file
 * system). Everything is read once, on first use, and kept in memory (~700 KB).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';

const require = createRequire(import.meta.url);

/** The public names of our assets, relative to `/assets/`. */
export type AssetName =
  | 'utrecht.css'
  | 'theme.css'
  | 'fonts/noto-sans-latin-400-normal.woff2'
  | 'fonts/noto-sans-latin-700-normal.woff2';

interface Asset {
  body: Uint8Array;
  contentType: string;
  /** First 16 hex chars of the SHA-256 of the body; used for ETag and versioned URLs. */
  hash: string;
}

const CSS = 'text/css; charset=utf-8';
const WOFF2 = 'font/woff2';

/**
 * Where each asset comes from. Resolved through Node's module resolution (not a path under
 * process.cwd()) so it also works when the server is started from another directory.
 */
const SOURCES: Record<AssetName, { contentType: string; files: () => string[] }> = {
  'utrecht.css': {
    contentType: CSS,
    files: () => [require.resolve('@utrecht/component-library-css/dist/index.css')],
  },
  // The theme is the community "voorbeeld" token set (EUPL-1.2, unbranded) followed by our own
  // overrides and layout rules; later rules win, so passend.css can adjust tokens.
  'theme.css': {
    contentType: CSS,
    files: () => [
      require.resolve('@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css'),
      fileURLToPath(new URL('./passend.css', import.meta.url)),
    ],
  },
  'fonts/noto-sans-latin-400-normal.woff2': {
    contentType: WOFF2,
    files: () => [require.resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2')],
  },
  'fonts/noto-sans-latin-700-normal.woff2': {
    contentType: WOFF2,
    files: () => [require.resolve('@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2')],
  },
};

const cache = new Map<AssetName, Asset>();

function isAssetName(name: string): name is AssetName {
  return Object.prototype.hasOwnProperty.call(SOURCES, name);
}

function loadAsset(name: AssetName): Asset {
  const cached = cache.get(name);
  if (cached) return cached;
  const source = SOURCES[name];
  const parts = source.files().map((file) => readFileSync(file));
  // Files are joined with a newline so a missing final newline cannot glue two CSS rules together.
  const joined = parts.flatMap((part, i) => (i === 0 ? [part] : [Buffer.from('\n'), part]));
  const body = new Uint8Array(Buffer.concat(joined));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const asset: Asset = { body, contentType: source.contentType, hash };
  cache.set(name, asset);
  return asset;
}

/**
 * URL of an asset with its content hash as `?v=`, so pages can let browsers cache it for a year and
 * still pick up a new version right after a deploy.
 *
 * @param name - one of the whitelisted asset names
 * @returns e.g. `/assets/theme.css?v=3f2a…`
 * @throws when the underlying file cannot be read (e.g. dependencies not installed)
 */
export function assetUrl(name: AssetName): string {
  return `/assets/${name}?v=${loadAsset(name).hash}`;
}

/** One hour for unversioned URLs; a year (immutable) when `?v=` matches the current content hash. */
const SHORT_CACHE = 'public, max-age=3600';
const LONG_CACHE = 'public, max-age=31536000, immutable';

/**
 * Sub-app serving `/assets/*` (GET; Hono answers HEAD from the GET handler). Unknown names get a
 * 404 with a short plain-text body; other methods fall through to the parent app's 404.
 */
export const assetRoutes = new Hono();

function serveAsset(c: Context, requested: string): Response {
  // The requested name is only ever used as a key into SOURCES, never as a file path.
  if (!isAssetName(requested)) {
    return c.text('Niet gevonden', 404, { 'Cache-Control': 'no-store' });
  }
  const asset = loadAsset(requested);
  const etag = `"${asset.hash}"`;
  const headers: Record<string, string> = {
    'Content-Type': asset.contentType,
    'Cache-Control': c.req.query('v') === asset.hash ? LONG_CACHE : SHORT_CACHE,
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
  };
  if (c.req.header('If-None-Match') === etag) {
    return c.body(null, 304, headers);
  }
  // A copy, so nothing further down the chain can change the cached bytes.
  return c.body(asset.body.slice(), 200, headers);
}

assetRoutes.get('/:name', (c) => serveAsset(c, c.req.param('name')));
assetRoutes.get('/fonts/:name', (c) => serveAsset(c, `fonts/${c.req.param('name')}`));
assetRoutes.get('*', (c) => c.text('Niet gevonden', 404, { 'Cache-Control': 'no-store' }));
