import { type Secret, secretList } from '../../crypto/secrets.js';
import type { EventDef } from '../../event-map.js';
import type { ParsedEvent, Provider } from '../../provider.js';
import { checkSource, compileAllowlist } from '../../sender-toolkit/allowlist.js';
import { parsedEvent, resolveEvent } from '../../sender-toolkit/resolve-event.js';
import {
  TELEGRAM_UPDATE_KINDS,
  type TelegramUpdateName,
  type TelegramUpdateOf,
  telegramUpdateSchemas,
} from './events.js';
import { respondTelegram, type TelegramReply } from './reply.js';
import { SECRET_TOKEN_HEADER, telegramTokenRule, verifyTelegram } from './verify.js';

/**
 * The ranges Telegram sends webhooks from, as published at https://core.telegram.org/bots/webhooks
 * ("Our IP-range might change in the future"): check there when deliveries start being refused.
 */
export const TELEGRAM_IP_RANGES: readonly string[] = ['149.154.160.0/20', '91.108.4.0/22'];

export interface TelegramOptions {
  /**
   * The `secret_token` given to `setWebhook` (1-256 of A-Z, a-z, 0-9, `_`, `-`), or several while
   * the webhook is being moved to a new one. Telegram sends it back in every request.
   */
  readonly secretToken: Secret;
  /**
   * Accept updates only from these addresses or CIDR ranges, checked before the token;
   * `'telegram'` is Telegram's published ranges. Behind a proxy, let the framework trust it.
   */
  readonly allowFrom?: 'telegram' | readonly string[];
}

/** Every update may be answered with a Bot API method call. */
export type TelegramEvents = {
  readonly [N in TelegramUpdateName]: EventDef<TelegramUpdateOf<N>, TelegramReply>;
};

export interface TelegramProvider extends Provider<TelegramEvents, undefined> {
  readonly eventNames: readonly TelegramUpdateName[];
}

const eventNames = [...TELEGRAM_UPDATE_KINDS];
// Telegram waits up to a minute for the answer, then sends the update again: answer before that
// and let the handler go on, so a slow handler does not turn into a resend.
const DEADLINE_MS = 50_000;

/**
 * Telegram Bot API webhooks (https://core.telegram.org/bots/api#setwebhook): a static secret
 * token in `X-Telegram-Bot-Api-Secret-Token`, one `Update` per request, named by its one field
 * and deduplicated on `update_id`; a handler may answer with a method call.
 */
export function telegram(options: TelegramOptions): TelegramProvider {
  const tokens = secretList(options?.secretToken, 'telegram(): secretToken');
  if (tokens.length === 0) {
    throw new TypeError(
      'hookguard telegram(): secretToken is required: pass the same value as secret_token to setWebhook',
    );
  }
  const rule = telegramTokenRule(tokens);
  const allowFrom = options.allowFrom === 'telegram' ? TELEGRAM_IP_RANGES : options.allowFrom;
  const allowed = allowFrom === undefined ? undefined : compileAllowlist(allowFrom);
  return {
    name: 'telegram',
    proofNames: { headers: [SECRET_TOKEN_HEADER], query: [] },
    eventNames,
    deadlineMs: DEADLINE_MS,
    verify(input) {
      const refused = allowed ? checkSource(allowed, input) : undefined;
      return refused ?? verifyTelegram(rule, input);
    },
    parse(payload): ParsedEvent<undefined> {
      const update = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<
        string,
        unknown
      >;
      const id = update['update_id'];
      const key = typeof id === 'number' && Number.isSafeInteger(id) ? String(id) : undefined;
      return parsedEvent(resolveEvent(telegramUpdateSchemas, [kindOf(update)], payload), key, undefined);
    },
    respond: (reply) => respondTelegram(reply),
  };
}

/** The update's one optional field: a known kind first, else the field a newer Bot API added. */
function kindOf(update: Record<string, unknown>): string | undefined {
  const known = TELEGRAM_UPDATE_KINDS.find((kind) => Object.hasOwn(update, kind));
  return known ?? Object.keys(update).find((field) => field !== 'update_id');
}
