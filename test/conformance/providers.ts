import { senderKits } from '@hookguard/core/testing';
import { type ProviderRow, rowFromKit } from './row.js';

/** Every sender hookguard speaks, from its kit; the first also carries the transport scenarios. */
export const providerRows: readonly ProviderRow[] = senderKits.map(rowFromKit);
