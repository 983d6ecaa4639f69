import type { ProviderRow } from './row.js';
import { githubRow } from './rows/github.js';
import { hmacRow } from './rows/hmac.js';
import { onebotRow } from './rows/onebot.js';
import { standardWebhooksRow } from './rows/standard-webhooks.js';
import { tencentChatRow } from './rows/tencent-chat.js';
import { tokenRow } from './rows/token.js';
import { whatsappRow } from './rows/whatsapp.js';

/** Every provider the matrix drives; the first also carries the transport scenarios. */
export const providerRows: readonly ProviderRow[] = [
  onebotRow,
  whatsappRow,
  tencentChatRow,
  githubRow,
  standardWebhooksRow,
  hmacRow,
  tokenRow,
];
