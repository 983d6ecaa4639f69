import { queryOf } from '../../http/query.js';
import type { DoctorCase } from './mistake.js';

const SECONDS = /^\d{10}$/;
const MILLISECONDS = /^\d{13}$/;

/**
 * The send times the request itself states, in ms: the kit's timestamp header first, then any
 * header or query value shaped like a Unix time (Tencent's RequestTime travels in the query). A
 * value that is no timestamp only costs a verification that fails.
 */
export function statedTimes(failed: DoctorCase): number[] {
  const { headers, url } = failed.request;
  const preferred = failed.kit.proof.timestampHeader;
  const values: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const list = typeof value === 'string' ? [value] : (value ?? []);
    if (name.toLowerCase() === preferred) values.unshift(...list);
    else values.push(...list);
  }
  for (const [, value] of queryOf(url)) values.push(value);
  const times = values.flatMap((value) => {
    const text = value.trim();
    if (SECONDS.test(text)) return [Number(text) * 1000];
    if (MILLISECONDS.test(text)) return [Number(text)];
    return [];
  });
  return [...new Set(times)];
}

/** "612 s behind the receiving clock", for a message about a stale or future timestamp. */
export function describeSkew(stated: number, receivedAt: number, windowMs: number | undefined): string {
  const seconds = Math.round((receivedAt - stated) / 1000);
  const side = seconds >= 0 ? 'behind' : 'ahead of';
  const window = windowMs === undefined ? '' : ` (the window is ${Math.round(windowMs / 1000)} s)`;
  return `${Math.abs(seconds)} s ${side} the receiving clock${window}`;
}
