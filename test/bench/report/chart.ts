import { FRAMEWORK_LABEL, FRAMEWORKS, RATIOS } from '../variants.js';
import type { Aggregate } from './aggregate.js';

const COLOURS = ['#8a8f98', '#2f6fdb', '#9cc0f5', '#1f3f80', '#d9822b', '#2e9e5b'];
const BAR = 13;
const GAP = 18;
const LEFT = 190;
const PLOT = 620;
const TOP = 88;

/**
 * Horizontal bars of each ratio's median over rounds, with a whisker over its min–max, on a log
 * axis (the ratios run from ~0.5 to ~20). Dashed lines mark 1.0 (parity) and 0.95 (the c/b target).
 */
export function ratioChart(result: Aggregate, title: string): string {
  const groups = [...new Set(result.ratios.map((cell) => `${cell.framework}|${cell.size}`))].sort(
    (a, b) =>
      FRAMEWORKS.indexOf(a.split('|')[0] as never) - FRAMEWORKS.indexOf(b.split('|')[0] as never) ||
      a.localeCompare(b, 'en', { numeric: true }),
  );
  const highest = Math.max(2, ...result.ratios.map((cell) => cell.paired.max));
  const lowest = Math.min(0.5, ...result.ratios.map((cell) => cell.paired.min));
  const from = 2 ** Math.floor(Math.log2(lowest));
  const to = 2 ** Math.ceil(Math.log2(highest));
  const x = (value: number) => LEFT + (PLOT * Math.log(value / from)) / Math.log(to / from);
  const groupHeight = RATIOS.length * BAR + GAP;
  const height = TOP + groups.length * groupHeight + 40;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${LEFT + PLOT + 80}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
    ...RATIOS.map(
      (ratio, index) =>
        `<rect x="${10 + (index % 3) * 270}" y="${32 + Math.floor(index / 3) * 17}" width="12" height="12" fill="${COLOURS[index]}"/>` +
        `<text x="${26 + (index % 3) * 270}" y="${42 + Math.floor(index / 3) * 17}">${escapeXml(legend(ratio.name))}</text>`,
    ),
  ];
  for (let tick = from; tick <= to; tick *= 2) {
    parts.push(
      `<line x1="${x(tick)}" x2="${x(tick)}" y1="${TOP - 6}" y2="${height - 34}" stroke="#eee"/>`,
      `<text x="${x(tick)}" y="${height - 20}" text-anchor="middle">${tick >= 1 ? tick : tick.toFixed(2)}×</text>`,
    );
  }
  for (const [value, label] of [
    [1, '1.0'],
    [0.95, '0.95'],
  ] as const) {
    parts.push(
      `<line x1="${x(value)}" x2="${x(value)}" y1="${TOP - 6}" y2="${height - 34}" stroke="#c33" stroke-dasharray="4 3"/>`,
      `<text x="${x(value)}" y="${TOP - 10}" text-anchor="${value === 1 ? 'start' : 'end'}" fill="#c33">${label}</text>`,
    );
  }
  groups.forEach((group, groupIndex) => {
    const [framework, size] = group.split('|') as [keyof typeof FRAMEWORK_LABEL, string];
    const top = TOP + groupIndex * groupHeight;
    parts.push(
      `<text x="${LEFT - 8}" y="${top + (RATIOS.length * BAR) / 2 + 4}" text-anchor="end">${escapeXml(`${FRAMEWORK_LABEL[framework]}, ${size}`)}</text>`,
    );
    RATIOS.forEach((ratio, index) => {
      const cell = result.ratios.find(
        (one) => one.framework === framework && one.size === size && one.ratio === ratio.name,
      );
      if (!cell) return;
      const y = top + index * BAR;
      const { median, min, max } = cell.paired;
      parts.push(
        `<rect x="${LEFT}" y="${y + 1}" width="${Math.max(1, x(median) - LEFT)}" height="${BAR - 2}" fill="${COLOURS[index]}"/>`,
        `<line x1="${x(min)}" x2="${x(max)}" y1="${y + BAR / 2}" y2="${y + BAR / 2}" stroke="#222"/>`,
        `<text x="${Math.max(x(max), x(median)) + 4}" y="${y + BAR - 3}" font-size="10">${median.toFixed(2)}</text>`,
      );
    });
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function legend(name: string): string {
  return {
    'c/a': 'hookguard ÷ bare route',
    'c/b': 'hookguard ÷ hand-written',
    'b+zod/b': 'hand-written + zod ÷ hand-written',
    'c/b+zod': 'hookguard ÷ hand-written + zod',
    'c/d': 'hookguard ÷ @octokit/webhooks',
    'c/e': 'hookguard ÷ standardwebhooks',
  }[name]!;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
