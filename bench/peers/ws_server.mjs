// The common choice: a minimal broadcast server on Node's `ws` package. On each "go" from a
// client, every other client is sent the same binary payload.
//
//   node ws_server.mjs [--payload BYTES]   (prints "listening on 127.0.0.1:PORT" on stderr)
import { WebSocketServer } from 'ws';

const size = Number(process.argv[process.argv.indexOf('--payload') + 1]) || 100;
const payload = Buffer.alloc(size, 'x');
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false, backlog: 4096 });
wss.on('listening', () => process.stderr.write(`listening on 127.0.0.1:${wss.address().port}\n`));
wss.on('connection', (ws) => {
  ws.on('message', () => {
    for (const client of wss.clients) if (client !== ws) client.send(payload, { binary: true });
  });
});
