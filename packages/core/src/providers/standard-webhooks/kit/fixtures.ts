const at = '2026-01-02T03:04:05.000Z';
const contact = { id: 'c_2Yq8XbLz', type: 'contact', name: 'Jane Doe', email: 'jane@example.com' };

/**
 * Example payloads in the spec's recommended shape `{type, timestamp, data}`. Standard Webhooks
 * leaves event types to each sender, so these are illustrations (a contacts-and-invoices app),
 * not a list of every event: the provider names an event by the payload's `type`.
 */
export const standardWebhooksFixtures: Readonly<Record<string, Record<string, unknown>>> = {
  'contact.created': { type: 'contact.created', timestamp: at, data: contact },
  'contact.updated': { type: 'contact.updated', timestamp: at, data: { ...contact, name: 'Jane Roe' } },
  'contact.deleted': { type: 'contact.deleted', timestamp: at, data: { id: contact.id, type: 'contact' } },
  'invoice.paid': {
    type: 'invoice.paid',
    timestamp: at,
    data: {
      id: 'in_7Hn2',
      type: 'invoice',
      amount: 4200,
      currency: 'EUR',
      note: 'Q1 <consulting> & support',
    },
  },
};
