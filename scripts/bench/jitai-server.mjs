// A JitAi app for the client benchmark, run in its own process so client and server do
// not share an event loop: verifies each request like the platform (lossless parse,
// jitaiSign, ±300 s) and signs each response. Prints its port on stdout.
import { createServer } from 'node:http';
import {
  jitaiSign,
  parseLossless,
  pyJsonDumps,
  signJitaiResponse,
} from '../../packages/sdk-core/dist/index.js';

const SECRET = process.env.BENCH_SECRET;
const KEY = process.env.BENCH_KEY;
let n = 0;
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const now = Date.now();
    const args = parseLossless(Buffer.concat(chunks).toString('utf8') || '{}');
    const timestamp = Number(req.headers.timestamp);
    const ok =
      req.headers.accesskey === KEY &&
      Math.abs(now - timestamp) <= 300_000 &&
      jitaiSign(args, { timestamp, secret: SECRET }) === req.headers.accesssign;
    const head = `{"errcode": ${ok ? 0 : 20005}, "errmsg": ${ok ? 'null' : '"Authentication failed"'}, "requestId": "${(++n).toString(16).padStart(32, '0')}", "sysTime": ${now}, "duration": 0`;
    let body = `${head}}`;
    if (ok) {
      const result = { orderId: args.orderId, status: 'PAID', amount: 12.5, items: args.items };
      const signed = signJitaiResponse(result, { secret: SECRET, timestamp: now });
      body = `${head}, "data": {"data": ${pyJsonDumps(result)}, "timestamp": ${now}, "accessSign": "${signed.accessSign}"}}`;
    }
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${server.address().port}\n`);
});
process.on('disconnect', () => server.close(() => process.exit(0)));
