/**
 * `pnpm bench`: runs every workload against Pravah and bpmn-engine in this one process (W5's PostgreSQL row
 * forks two engine processes), prints the table and writes `bench/results.json`. Needs `node --expose-gc`
 * (the package's start script passes it).
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { collect, now, times, type Row } from './shared.js';
import { straightThrough } from './w1-straight-through.js';
import { waitingInstances } from './w2-waiting-instances.js';
import { parallel } from './w3-parallel.js';
import { deployLarge } from './w4-deploy-large.js';
import { durableStraightThrough } from './w1-durable.js';
import { sqliteWaiting } from './w2-sqlite.js';

const workloads: Array<[string, () => Promise<Row[]>]> = [
  ['W1', straightThrough],
  ['W2', waitingInstances],
  ['W3', parallel],
  ['W4', deployLarge],
  // Durable stores: W1 on SQLite and on PostgreSQL (PRAVAH_PG_URL), W2 on SQLite.
  ['W5', durableStraightThrough],
  ['W5', sqliteWaiting],
];

function figure(value: number | null, unit: string): string {
  if (value === null) return '-';
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
}

function ratioText(ratio: number | null): string {
  if (ratio === null) return '-';
  return ratio >= 1 ? `${times(ratio)} better` : `${times(1 / ratio)} worse`;
}

function printTable(rows: Row[]): void {
  const header = ['workload', 'Pravah', 'other', 'compared with', 'Pravah vs other', 'target', 'result'];
  const lines = rows.map((row) => [
    row.workload,
    figure(row.pravah, row.unit),
    figure(row.other, row.unit),
    row.otherLabel,
    ratioText(row.ratio),
    row.target,
    row.met === null ? row.margin || '-' : `${row.met ? 'MET' : 'MISSED'}: ${row.margin}`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const line of lines) console.log(format(line));
}

const machine = {
  date: new Date().toISOString(),
  node: process.version,
  v8: process.versions.v8,
  platform: `${process.platform} ${process.arch}`,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
};
console.log(`Pravah vs bpmn-engine, ${machine.date}, Node ${machine.node}, ${machine.cpu} (${machine.cores} cores)\n`);

const rows: Row[] = [];
const started = now();
/** `BENCH_ONLY=W1,W2 pnpm bench` runs a subset (results.json is then written with only those rows). */
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim().toUpperCase());
for (const [name, workload] of workloads) {
  if (only && !only.includes(name)) continue;
  collect();
  const workloadStarted = now();
  const result = await workload();
  rows.push(...result);
  for (const row of result) {
    const perInstance = row.details.microsecondsPerInstance;
    const extra = typeof perInstance === 'number' ? ` (${perInstance.toFixed(2)} us/instance)` : '';
    console.log(`  ${row.workload}: Pravah ${figure(row.pravah, row.unit)}${extra}, ${row.otherLabel} ${figure(row.other, row.unit)}`);
  }
  console.log(`${name} done in ${((now() - workloadStarted) / 1000).toFixed(1)} s`);
}
console.log(`\nAll workloads in ${((now() - started) / 1000).toFixed(1)} s\n`);
printTable(rows);

const resultsFile = new URL('../results.json', import.meta.url);
writeFileSync(resultsFile, `${JSON.stringify({ machine, workloads: rows }, null, 2)}\n`);
console.log(`\nWrote ${resultsFile.pathname}`);
