import type { Framework, Variant } from '../variants.js';
import { serveExpress } from './express.js';
import { serveFastify } from './fastify.js';
import { serveKoa } from './koa.js';
import { serveNode } from './node-http.js';
import type { Running } from './running.js';

const SERVE: Readonly<Record<Framework, (variant: Variant) => Promise<Running>>> = {
  node: serveNode,
  express: serveExpress,
  koa: serveKoa,
  fastify: serveFastify,
};

/** Starts one variant in one framework on loopback (in this process). */
export function startServer(framework: Framework, variant: Variant): Promise<Running> {
  return SERVE[framework](variant);
}
