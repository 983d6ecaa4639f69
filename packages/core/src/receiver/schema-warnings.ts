import type { Logger } from '../logger.js';
import type { ParsedEvent, Provider } from '../provider.js';

/** Enough issues to point at the cause; a body can fail hundreds of checks at once. */
const MAX_LISTED_ISSUES = 10;

/**
 * Warns once per event name when a verified body of an event the provider has a schema for does
 * not fit it. Such a delivery goes to `unknown` and `*` handlers (parsing fails open), so a user
 * whose only handler is `issues.opened` would otherwise never learn why it did not fire. Only the
 * issues' paths and codes are logged: zod's messages and inputs can carry the body's values.
 */
export function createSchemaWarnings(
  provider: Pick<Provider, 'name' | 'eventNames'>,
  logger: Logger,
): (event: ParsedEvent) => void {
  // Bounded by the provider's event names: nothing a sender sends can grow it further.
  const warned = new Set<string>();
  const schemaNames = new Set(provider.eventNames);
  return (event) => {
    if (event.known || !schemaNames.has(event.name) || warned.has(event.name)) return;
    warned.add(event.name);
    logger.warn("a verified body does not fit its event's schema; it went to the unknown and * handlers", {
      provider: provider.name,
      event: event.name,
      issues: event.issues.slice(0, MAX_LISTED_ISSUES).map(describeIssue).join(', '),
      ...(event.issues.length > MAX_LISTED_ISSUES
        ? { moreIssues: event.issues.length - MAX_LISTED_ISSUES }
        : {}),
    });
  };
}

/** `issue.user.login (invalid_type)`: where and what kind, never the value. */
function describeIssue(issue: ParsedEvent['issues'][number]): string {
  const path = issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.');
  return `${path} (${issue.code})`;
}
