// A real HTTP server on a loopback port chosen by the OS, answering from a script of responses, for the tests of the
// client's own rules (retries, Idempotency-Key, timeouts, error parsing) that need a server misbehaving on purpose.
import { createServer } from 'node:http';

/** Starts a server; each request is recorded and answered by respond(request, index). */
export async function startStub(respond) {
  const requests = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', chunk => { body += chunk; });
    req.on('end', async () => {
      const request = { method: req.method, url: req.url, headers: req.headers, body };
      requests.push(request);
      const answer = await respond(request, requests.length - 1);
      if (answer === 'hang') return; // never answers: for timeouts
      if (answer === 'reset') { req.socket.destroy(); return; }
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
    });
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise(resolve => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
