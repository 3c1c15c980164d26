#!/usr/bin/env node
// A small static server for the web demo (and the end-to-end tests): 127.0.0.1
// only, the right MIME types for .mjs and .wasm, and the strict Content Security
// Policy the demo is built to run under.
// Usage: node scripts/serve.mjs [DIR] [--port N]   (default dist/web, port 8080 or the next free one)
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm',
  '.md': 'text/markdown; charset=utf-8', '.ts': 'text/plain; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml',
};

/** Serves `root`; resolves with {server, url} once listening. port 0 picks a free one. */
export function serve(root, { port = 0, host = '127.0.0.1', headers = {} } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let file;
    try {
      const url = new URL(req.url, 'http://localhost');
      file = path.join(base, decodeURIComponent(url.pathname));
      if (file !== base && !file.startsWith(base + path.sep)) throw new Error('outside the root');
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      statSync(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
      ...headers,
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve({ server, url: `http://${host}:${server.address().port}/` }));
  });
}

// Run as a script: serve DIR on the first free port from --port.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { port: { type: 'string', default: process.env.PORT ?? '8080' } } });
  const dir = positionals[0] ?? 'dist/web';
  statSync(path.join(dir, 'index.html'));  // fails clearly when the demo was not built
  for (let port = Number(values.port); ; port += 1) {
    try {
      const { url } = await serve(dir, { port });
      console.log(`ReuseLens demo: ${url}  (serving ${dir}; Ctrl-C stops)`);
      break;
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || port > Number(values.port) + 20) throw error;
    }
  }
}
