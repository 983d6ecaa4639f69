import type { Paint } from '../io/colour.js';
import { renderTable, truncate } from '../io/table.js';
import { ADAPTERS } from './adapters.js';
import type { DemoRow } from './run-demo.js';

/**
 * The demo's table. Rows that differ only by adapter are merged into one row naming every
 * adapter that gave that answer, so a case reads as one line while any adapter that answered
 * differently gets a row of its own.
 */
export function renderDemoTable(
  rows: readonly DemoRow[],
  providers: readonly string[],
  paint: Paint,
  replyWidth: number,
): string {
  const groups = new Map<string, { row: DemoRow; adapters: string[]; order: number }>();
  rows.forEach((row, order) => {
    const key = JSON.stringify([
      row.provider,
      row.event,
      row.tampering,
      row.status,
      row.verdict,
      row.ok,
      row.reading.summary,
    ]);
    const group = groups.get(key);
    if (group) group.adapters.push(row.adapter);
    else groups.set(key, { row, adapters: [row.adapter], order });
  });
  const providerRank = (name: string) => providers.indexOf(name);
  const sorted = [...groups.values()].sort(
    (a, b) => providerRank(a.row.provider) - providerRank(b.row.provider) || a.order - b.order,
  );
  return renderTable(
    ['provider', 'event', 'adapter', 'status', 'verdict', 'reply'],
    sorted.map(({ row, adapters }) => tableRow(row, adapterCell(adapters), paint, replyWidth)),
  );
}

function adapterCell(adapters: readonly string[]): string {
  return ADAPTERS.filter((name) => adapters.includes(name)).join(' ');
}

function tableRow(row: DemoRow, adapters: string, paint: Paint, width: number): string[] {
  const event =
    row.tampering === undefined ? row.event : `${row.event} ${paint.yellow(`(${row.tampering})`)}`;
  const status = row.status < 300 ? paint.green(String(row.status)) : paint.red(String(row.status));
  const verdict = row.ok
    ? `${paint.green('✓')} ${row.verdict}`
    : `${paint.red('✗')} ${row.verdict} ${paint.red(`(expected ${describeExpected(row)})`)}`;
  return [row.provider, event, adapters, status, verdict, truncate(row.reading.summary, width)];
}

function describeExpected(row: DemoRow): string {
  if (row.status !== row.expectedStatus || row.expectedBody === undefined) return String(row.expectedStatus);
  return `${row.expectedStatus} ${row.expectedBody}`;
}
