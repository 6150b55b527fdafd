// Renders bench/results/latest.md from what the benchmark processes printed.
import type { ScenarioResult } from './src/lib/report.ts';

export interface RunInfo {
  date: string;
  cpus: string;
  node: string;
  os: string;
  loadAverage: string;
  postgres: string;
  kafka: string;
  failures: string[];
}

function rate(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1);
}

function spread(values: number[]): string {
  return `${rate(Math.min(...values))}–${rate(Math.max(...values))}`;
}

export function resultsMarkdown(results: ScenarioResult[], info: RunInfo): string {
  const lines = [
    '# Benchmarks: our exchange machinery vs the bare tools',
    '',
    `Run ${info.date} by \`npm run bench\` (bench/run.ts). Throughputs are the median of the rounds; ratio is`,
    'ours ÷ bare (1.00 = as fast as the bare tool, below 1 = slower). Sides alternate round by round. Rows in ms are',
    "latencies (each round's percentile, median of the rounds): there a ratio above 1 = slower.",
    '',
    `- Machine: ${info.cpus}; ${info.os}; load average at start ${info.loadAverage}`,
    `- Node ${info.node}`,
    `- PostgreSQL: ${info.postgres}`,
    `- Kafka: ${info.kafka}`,
    '',
    '| scenario | unit | ours | bare | ratio | ours min–max | bare min–max | rounds |',
    '|---|---|--:|--:|--:|--:|--:|--:|',
    ...results.map(
      (r) =>
        `| ${r.group}: ${r.scenario} | ${r.unit} | ${rate(r.ours)} | ${rate(r.bare)} | ${(r.ours / r.bare).toFixed(2)} | ` +
        `${spread(r.samples.ours)} | ${spread(r.samples.bare)} | ${r.samples.ours.length} |`,
    ),
    '',
    '## Memory (whole benchmark process, after a full GC)',
    '',
    '| scenario | RSS before → after (MB) | heap used before → after (MB) | peak RSS so far (MB) |',
    '|---|--:|--:|--:|',
    ...results.map(
      ({ group, scenario, memory: m }) =>
        `| ${group}: ${scenario} | ${m.before.rssMb} → ${m.after.rssMb} | ${m.before.heapUsedMb} → ${m.after.heapUsedMb} | ${m.peakRssMb} |`,
    ),
    '',
    '## Notes',
    '',
    ...results.filter((r) => r.note).map((r) => `- ${r.group}: ${r.scenario}: ${r.note}`),
    ...info.failures.map((f) => `- **FAILED**: ${f}`),
    '',
  ];
  return lines.join('\n');
}
