/**
 * A small static file server for the built site, with optional live reload.
 *
 * Every request resolves the output folder afresh, so a rebuild (which swaps the `dist`
 * link to a new generation) is served at once. With live reload on, HTML responses get a
 * tiny script that listens on `/__verbatim/events` (Server-Sent Events) and reloads the
 * page after each rebuild. The script is added in the response only; files on disk are
 * never changed.
 */
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export const RELOAD_SCRIPT = `<script>(()=>{const s=new EventSource('/__verbatim/events');s.onmessage=()=>location.reload();})();</script>`;

/** Thrown when the server cannot listen on its port (in use, or a privileged port). */
export class ServeError extends Error {
  override readonly name = 'ServeError';
}

export interface SiteServer {
  readonly server: Server;
  readonly url: string;
  /** Tell every open page to reload. */
  readonly reload: () => void;
  readonly close: () => Promise<void>;
}

/**
 * Map a request path to a file inside `root`, or null when it would escape it.
 *
 * @example
 *   resolveRequest('/srv', '/articles/x/') // '/srv/articles/x/index.html'
 */
export function resolveRequest(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return null;
  return decoded.endsWith('/') ? join(path, 'index.html') : path;
}

/**
 * Where to redirect a request for a folder: its path with a slash added, always a path on this
 * server. Leading slashes and backslashes are collapsed into one slash, since a browser reads a
 * `Location` of `//host/…` or `/\host/…` as another site (an open redirect).
 *
 * @example
 *   sameOriginLocation('//evil.example/..%2farticles?x') // '/evil.example/..%2farticles/'
 */
export function sameOriginLocation(url: string): string {
  const path = url.split('?')[0]!.split('#')[0]!;
  return `/${path.replace(/^[/\\]+/, '')}/`;
}

async function send(res: ServerResponse, file: string, status: number, liveReload: boolean): Promise<void> {
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  if (liveReload && type.startsWith('text/html')) {
    const html = await readFile(file, 'utf8');
    const body = html.includes('</body>') ? html.replace('</body>', `${RELOAD_SCRIPT}</body>`) : html + RELOAD_SCRIPT;
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
    return;
  }
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  createReadStream(file).pipe(res);
}

/** Serve `outDir` on `host:port` (port 0 picks a free one). */
export async function serveSite(outDir: string, options: { port?: number; host?: string; liveReload?: boolean } = {}): Promise<SiteServer> {
  const clients = new Set<ServerResponse>();
  const liveReload = options.liveReload === true;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? '/';
    if (liveReload && url === '/__verbatim/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    let root: string;
    try {
      root = await realpath(outDir);
    } catch {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The site has not been built yet.');
      return;
    }
    let file = resolveRequest(root, url);
    if (file === null) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Bad request');
      return;
    }
    const info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      res.writeHead(301, { location: sameOriginLocation(url) });
      res.end();
      return;
    }
    if (!info) {
      file = join(root, '404.html');
      const exists = await stat(file).catch(() => null);
      if (!exists) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Not found');
        return;
      }
      await send(res, file, 404, liveReload);
      return;
    }
    await send(res, file, 200, liveReload);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Server error: ${(error as Error).message}`);
    });
  });
  const host = options.host ?? '127.0.0.1';
  const wanted = options.port ?? 8080;
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') fail(new ServeError(`port ${wanted} on ${host} is in use (by another server, or another verbatim dev); stop it, or choose another port with --port N`, { cause: error }));
      else if (error.code === 'EACCES') fail(new ServeError(`port ${wanted} on ${host} may not be used by this user; choose a port above 1023 with --port N`, { cause: error }));
      else fail(error);
    });
    server.listen(wanted, host, () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : wanted;
  return {
    server,
    url: `http://${host}:${port}`,
    reload() {
      for (const client of clients) client.write('data: reload\n\n');
    },
    async close() {
      for (const client of clients) client.end();
      clients.clear();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
