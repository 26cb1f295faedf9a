import { quoteThroughput } from '/work/main/bench/quote-throughput.bench';
for (let i = 0; i < 2; i++) {
  const rows = await quoteThroughput(8);
  console.log(JSON.stringify(rows.map((r) => [r.name.slice(0, 12), r.requestsPerSecond, r.p99])), (rows[1]!.requestsPerSecond / rows[0]!.requestsPerSecond).toFixed(2));
}
