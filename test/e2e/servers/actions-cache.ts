import { json, listen, type Loopback } from './http.js';

/**
 * The v1 Actions cache service that @actions/cache 6 speaks when ACTIONS_CACHE_SERVICE_V2 is unset
 * (lib/internal/cacheHttpClient.js), on loopback. Set ACTIONS_CACHE_URL to `url` (it ends with `/`).
 *
 * - GET  _apis/artifactcache/cache?keys=k1,k2&version=v → 200 {cacheKey, archiveLocation, ...} or 204.
 *   Each key in order: an exact match, else the newest entry whose key starts with it (GitHub's rule for
 *   restore keys); only committed entries of the same version.
 * - POST _apis/artifactcache/caches {key, version, cacheSize} → 201 {cacheId}; 409 if key+version exists.
 * - PATCH _apis/artifactcache/caches/:id with `Content-Range: bytes a-b/*` → 204 (chunks may come in any order).
 * - POST _apis/artifactcache/caches/:id {size} → 204 once the chunks cover exactly `size` bytes, else 400.
 * - GET  archiveLocation → the archive bytes.
 */
export interface CacheEntry {
  readonly id: number;
  readonly key: string;
  readonly version: string;
  readonly chunks: Map<number, Buffer>;
  archive?: Buffer;
  committed: boolean;
  readonly created: number;
}

export interface FakeCache extends Loopback {
  /** The value for ACTIONS_CACHE_URL. */
  readonly cacheUrl: string;
  readonly entries: CacheEntry[];
  /** Committed entry keys, oldest first. */
  keys(): string[];
}

const API = '/_apis/artifactcache/';

export async function fakeActionsCache(opts: { token?: string } = {}): Promise<FakeCache> {
  const entries: CacheEntry[] = [];
  let nextId = 1;
  let clock = 0;
  let base = '';

  const server = await listen((req, res) => {
    const url = new URL(req.path, base);
    if (req.method === 'GET' && url.pathname.startsWith('/archives/')) {
      const e = entries.find((x) => x.id === Number(url.pathname.slice('/archives/'.length)));
      if (!e?.archive) return json(res, 404, { message: 'no such archive' });
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': e.archive.length });
      res.end(e.archive);
      return;
    }
    if (!url.pathname.startsWith(API)) return json(res, 404, { message: 'Not Found' });
    if (opts.token !== undefined && req.headers.authorization !== `Bearer ${opts.token}`)
      return json(res, 401, { message: 'bad runtime token' });
    const resource = url.pathname.slice(API.length);
    // @actions/cache sends this on its JSON calls; a client speaking another protocol version is refused.
    if (req.method !== 'PATCH' && !String(req.headers.accept ?? '').includes('api-version=6.0-preview.1')) {
      return json(res, 400, { message: `unsupported Accept ${String(req.headers.accept)}` });
    }

    if (req.method === 'GET' && resource === 'cache') {
      const keys = (url.searchParams.get('keys') ?? '').split(',').filter(Boolean);
      const version = url.searchParams.get('version') ?? '';
      const live = entries.filter((e) => e.committed && e.version === version);
      for (const k of keys) {
        const hit = live.find((e) => e.key === k) ?? live.filter((e) => e.key.startsWith(k)).sort((a, b) => b.created - a.created)[0];
        if (hit) {
          return json(res, 200, {
            scope: 'refs/heads/main',
            cacheKey: hit.key,
            cacheVersion: hit.version,
            creationTime: new Date(Date.UTC(2024, 0, 1) + hit.created * 1000).toISOString(),
            archiveLocation: `${base}/archives/${hit.id}`,
          });
        }
      }
      res.writeHead(204);
      res.end();
      return;
    }
    if (req.method === 'POST' && resource === 'caches') {
      const { key, version } = JSON.parse(req.body.toString('utf8')) as { key: string; version: string };
      if (entries.some((e) => e.key === key && e.version === version)) {
        return json(res, 409, { message: `Cache already exists. Scope: refs/heads/main, Key: ${key}, Version: ${version}` });
      }
      const e: CacheEntry = { id: nextId++, key, version, chunks: new Map(), committed: false, created: ++clock };
      entries.push(e);
      return json(res, 201, { cacheId: e.id });
    }
    const m = /^caches\/(\d+)$/.exec(resource);
    const e = m ? entries.find((x) => x.id === Number(m[1])) : undefined;
    if (m && !e) return json(res, 404, { message: 'no such cache' });
    if (e && req.method === 'PATCH') {
      const range = /^bytes (\d+)-(\d+)\/\*$/.exec(String(req.headers['content-range'] ?? ''));
      if (!range || Number(range[2]) - Number(range[1]) + 1 !== req.body.length) return json(res, 400, { message: 'bad Content-Range' });
      e.chunks.set(Number(range[1]), req.body);
      res.writeHead(204);
      res.end();
      return;
    }
    if (e && req.method === 'POST') {
      const { size } = JSON.parse(req.body.toString('utf8')) as { size: number };
      const starts = [...e.chunks.keys()].sort((a, b) => a - b);
      let offset = 0;
      for (const s of starts) {
        if (s !== offset) return json(res, 400, { message: `gap at byte ${offset}` });
        offset += e.chunks.get(s)!.length;
      }
      if (offset !== size) return json(res, 400, { message: `uploaded ${offset} bytes, commit says ${size}` });
      e.archive = Buffer.concat(starts.map((s) => e.chunks.get(s)!));
      e.committed = true;
      res.writeHead(204);
      res.end();
      return;
    }
    return json(res, 404, { message: 'Not Found' });
  });
  base = server.url;
  return {
    ...server,
    cacheUrl: `${server.url}/`,
    entries,
    keys: () => entries.filter((e) => e.committed).map((e) => e.key),
  };
}
