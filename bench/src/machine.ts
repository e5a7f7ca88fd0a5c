import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';

/** What the figures were measured on. */
export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  os: string;
  node: string;
  chromium?: string;
  /** 1-minute load average when the bench started and ended: other work skews the figures. */
  loadBefore: number;
  loadAfter?: number;
}

export const loadAverage = () => Math.round(loadavg()[0] * 100) / 100;

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1].trim();
  } catch {
    // Not Linux: fall back to what Node says.
  }
  return cpus()[0]?.model ?? 'unknown';
}

export function machine(): Machine {
  return {
    cores: cpus().length,
    cpu: cpuModel(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    node: process.version,
    loadBefore: loadAverage()
  };
}

export const describeMachine = (m: Machine) =>
  `${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}` +
  (m.chromium ? `, Chromium ${m.chromium}` : '') +
  `; load average ${m.loadBefore} at the start` +
  (m.loadAfter === undefined ? '' : `, ${m.loadAfter} at the end`);
