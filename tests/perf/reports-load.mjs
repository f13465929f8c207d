// Load generator for tests/perf/reports.perf.ts, run as its own process so that the readers do
// not share the server's event loop. Node's http client with keep-alive (one connection per
// reader), lighter than fetch. Input (JSON on stdin): { urls, cookie, readers, readsPerReader,
// warmupUrls, warmupPerReader }: the warm-up reads warmupUrls (default: urls) and is not measured.
// Output (JSON on stdout): { latencies: number[] (ms), failures, wallMs }.
import http from 'node:http';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { urls, cookie, readers, readsPerReader, warmupUrls = urls, warmupPerReader = 10 } = JSON.parse(input);
const agent = new http.Agent({ keepAlive: true, maxSockets: readers });

function get(url) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { cookie } }, (response) => {
      response.on('data', () => {});
      response.on('end', () => resolve(response.statusCode));
    });
    request.on('error', reject);
  });
}

async function run(list, perReader, record) {
  await Promise.all(
    Array.from({ length: readers }, async (_, reader) => {
      for (let n = 0; n < perReader; n++) {
        const start = performance.now();
        const status = await get(list[(reader * perReader + n) % list.length]);
        record(performance.now() - start, status);
      }
    }),
  );
}

// Warm-up (connections, JIT, prepared statements on every pooled connection): not measured.
await run(warmupUrls, warmupPerReader, () => {});
const latencies = [];
let failures = 0;
const started = performance.now();
await run(urls, readsPerReader, (ms, status) => {
  latencies.push(ms);
  if (status !== 200) failures++;
});
process.stdout.write(JSON.stringify({ latencies, failures, wallMs: performance.now() - started }));
agent.destroy();
