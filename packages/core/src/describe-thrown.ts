/**
 * A short, printable description of anything a handler (or a hook) may throw, for logs, inbox
 * error records and warnings. Never throws itself: JavaScript lets code throw values whose
 * `String()` throws (`Object.create(null)`, a throwing `toString`, a revoked Proxy, whose
 * `instanceof` check alone throws), and describing a failure must not become a second failure
 * that crashes the process or skips `onError`.
 */
export function describeThrown(value: unknown): string {
  try {
    if (value instanceof Error) return messageOf(value);
  } catch {
    return 'a value that cannot be inspected (a revoked Proxy?)';
  }
  switch (typeof value) {
    case 'string':
      return value;
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return safely(() => value.toString(), 'a symbol');
    case 'object':
      if (value === null) return 'null';
      return safely(() => String(value), 'an object that cannot be printed');
    case 'function':
      return safely(() => `a function ${value.name || '(anonymous)'}`, 'a function');
    default:
      return safely(() => String(value), `a ${typeof value}`);
  }
}

function messageOf(error: Error): string {
  return safely(() => {
    const message = error.message;
    return typeof message === 'string' && message !== '' ? message : String(error.name);
  }, 'an Error that cannot be printed');
}

function safely(describe: () => string, fallback: string): string {
  try {
    const text = describe();
    return typeof text === 'string' ? text : fallback;
  } catch {
    return fallback;
  }
}
