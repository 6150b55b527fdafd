export interface MemorySnapshot {
  rssMb: number;
  heapUsedMb: number;
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** After a full GC when the process runs with --expose-gc (bench/run.ts does), so heap is what stays live. */
export function memorySnapshot(): MemorySnapshot {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMb: mb(rss), heapUsedMb: mb(heapUsed) };
}

/** The process's peak resident set so far (maxRSS is in KiB). */
export function peakRssMb(): number {
  return mb(process.resourceUsage().maxRSS * 1024);
}
