// Started by gateway.int-spec.ts: the gateway in front of an upstream that refuses large bodies as
// the services do (Fastify, 2 MB, 413 and the connection closed). Prints the gateway's port.
import Fastify from 'fastify';
import { startGateway } from '../gateway.ts';

const upstream = Fastify({ bodyLimit: 2 * 1024 * 1024 });
upstream.put('/svc/v1/echo', async (request) => ({ received: request.body }));
await upstream.listen({ port: 0, host: '127.0.0.1' });
const port = (upstream.server.address() as { port: number }).port;
const gateway = await startGateway({ port: 0, host: '127.0.0.1', services: [{ name: 'svc', app: 'svc', port }] });
process.stdout.write(`${(gateway.address() as { port: number }).port}\n`);
