/**
 * `npm run bench`: performance figures in a real Chromium with the built extension.
 * Prints a Markdown table, writes bench/results.json, and exits 1 when a budget is missed.
 * Sections run one after another (the machine has 2 cores; parallel runs would skew them).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { measureCaptureCost } from './bench/capture-cost';
import { measureContentScriptSizes } from './bench/content-script-size';
import { table, type BenchRow } from './bench/report';
import { measurePanelOpen } from './bench/panel-open';
import { measureChartDraw, measureSeriesQuery } from './bench/series-and-charts';
import { measureTitles } from './bench/titles';
import { measureWritePath } from './bench/write-path';

const SECTIONS: { name: string; run: () => Promise<BenchRow[]> | BenchRow[] }[] = [
  { name: 'capture cost', run: measureCaptureCost },
  { name: 'content-script size', run: measureContentScriptSizes },
  { name: 'write path', run: measureWritePath },
  { name: 'panel open', run: measurePanelOpen },
  { name: 'series query', run: measureSeriesQuery },
  { name: 'titles', run: measureTitles },
  { name: 'charts', run: measureChartDraw },
];

async function main(): Promise<number> {
  const rows: BenchRow[] = [];
  // `npm run bench -- titles charts` runs only the sections named.
  const only = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  for (const section of SECTIONS.filter((s) => only.length === 0 || only.some((name) => s.name.includes(name)))) {
    process.stderr.write(`bench: ${section.name}…\n`);
    rows.push(...(await section.run()));
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
  const out = resolve(import.meta.dirname, '../bench/results.json');
  mkdirSync(resolve(out, '..'), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ ranAt: new Date().toISOString(), machine, rows }, null, 2)}\n`);
  console.log(`Machine: ${machine}\n\n${table(rows)}\n\nWritten to bench/results.json`);
  const missed = rows.filter((r) => !r.pass);
  for (const r of missed) console.error(`Budget missed: ${r.section}: ${r.name} = ${r.median.toFixed(2)} ${r.unit}${r.ratio ? ` (${r.ratio.toFixed(2)}× baseline)` : ''}`);
  return missed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exit(1);
  },
);
