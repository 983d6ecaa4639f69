import { shellQuote } from '../io/shell-quote.js';
import type { SenderProfile } from '../senders/sender-profile.js';

/** The environment variable `send` and `listen` read when there is no `--secret` (see resolveSecret). */
export const SECRET_VARIABLE = 'HOOKGUARD_SECRET';

/** Where `listen` got its secret: typed on the command line, from the environment, or nowhere. */
export type SecretOrigin = 'option' | 'env' | 'none';

export function secretOrigin(
  option: string | undefined,
  env: Readonly<Record<string, unknown>>,
): SecretOrigin {
  if (option !== undefined) return 'option';
  return env[SECRET_VARIABLE] !== undefined ? 'env' : 'none';
}

export interface ExampleSendOptions {
  readonly sender: SenderProfile;
  /** Where the listener answers, without the sender's path. */
  readonly url: string;
  readonly secret: { readonly origin: SecretOrigin; readonly value: string | undefined };
  /** `--scheme` as the user gave it: the sender `send` builds must be the one `listen` verifies. */
  readonly scheme: string | undefined;
}

/**
 * The `hookguard send` line `listen` suggests, which must get "✓ verified" when pasted into a
 * shell: it carries the same secret and scheme. A secret typed on the command line is printed
 * back as typed (shell-quoted; it is already in the shell's history), one from the environment as
 * a reference to the variable, so its value never reaches the screen or a log. Without a secret
 * (or with the sender's default one) `send` signs exactly as the listener expects on its own.
 */
export function exampleSendCommand(options: ExampleSendOptions): string {
  const { sender, url, secret, scheme } = options;
  // Every built-in sender has its showcase fixture (a --scheme sender too); a body file otherwise.
  const body = Object.hasOwn(sender.fixtures, sender.demo.showcase) ? sender.demo.showcase : '<body.json>';
  const words = ['hookguard', 'send', sender.name, body, '--url', shellQuote(`${url}${sender.path}`)];
  if (scheme !== undefined) words.push('--scheme', shellQuote(scheme));
  if (secret.origin === 'env') words.push('--secret', `"$${SECRET_VARIABLE}"`);
  else if (secret.origin === 'option' && secret.value !== undefined) words.push(secretWord(secret.value));
  return words.join(' ');
}

/** `--secret=<s>` for a secret that starts with a dash, which parseArgs would take for an option. */
function secretWord(value: string): string {
  return value.startsWith('-') ? `--secret=${shellQuote(value)}` : `--secret ${shellQuote(value)}`;
}
