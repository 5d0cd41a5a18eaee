/**
 * The React workspace under /app/: built files from dist/web served from our own origin, and index.html for
 * every other /app/ path so the client router can take over. Without a build, /app/ says how to make one.
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../deps.ts';

/** Where `vite build` writes the workspace. */
export const webDist = path.resolve(import.meta.dirname, '../../../dist/web');

/** Registers /app/ (static files plus index.html fallback). */
export async function registerWorkspace(app: FastifyInstance, _deps: AppDeps): Promise<void> {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) {
    const notBuilt = async (_request: unknown, reply: FastifyReply) =>
      reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The workspace is not built. Run `npm start` (it builds it) or `npm run build:web`.');
    app.get('/app', notBuilt);
    app.get('/app/*', notBuilt);
    return;
  }
  const html = fs.readFileSync(index, 'utf8');
  await app.register(fastifyStatic, { root: webDist, prefix: '/app/', wildcard: false, index: false });
  const sendIndex = async (_request: unknown, reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  // With ignoreTrailingSlash, `/app` and `/app/` are one route: redirecting one to the other would loop.
  app.get('/app', sendIndex);
  app.get('/app/*', sendIndex);
}
