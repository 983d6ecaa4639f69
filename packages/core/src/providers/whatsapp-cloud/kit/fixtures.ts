/**
 * One example delivery per WhatsApp Cloud API event, each a delivery of one change carrying one
 * message, status or field update, shaped after Meta's webhook examples
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples). IDs and
 * numbers are made up; each message has a wamid of its own, so fixtures combine into one delivery.
 */
const WABA_ID = '102290129340398';
const metadata = { display_phone_number: '15550783881', phone_number_id: '106540352242922' };
const CUSTOMER = '16505551234';
const contacts = [{ profile: { name: 'Zoë Müller' }, wa_id: CUSTOMER }];

let serial = 0;
const wamid = () =>
  `wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA${String(++serial).padStart(3, '0')}`;
const timestamp = () => String(1_749_416_383 + serial);

/** `{ object, entry }` carrying these changes of one business account. */
export function whatsappCloudDelivery(...changes: readonly object[]): {
  object: string;
  entry: { id: string; changes: object[] }[];
} {
  return { object: 'whatsapp_business_account', entry: [{ id: WABA_ID, changes: [...changes] }] };
}

const messagesChange = (value: object) => ({
  field: 'messages',
  value: { messaging_product: 'whatsapp', metadata, ...value },
});

function message(type: string, body: object) {
  return messagesChange({
    contacts,
    messages: [{ from: CUSTOMER, id: wamid(), timestamp: timestamp(), type, ...body }],
  });
}

function status(value: string, extra: object = {}) {
  return messagesChange({
    statuses: [
      {
        id: 'wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA',
        status: value,
        timestamp: timestamp(),
        recipient_id: CUSTOMER,
        ...extra,
      },
    ],
  });
}
const media = (mime: string, extra: object = {}) => ({
  mime_type: mime,
  sha256: 'Kh6ZlqFm3L5Q5VdwF2+bSJKlTLqn1P8xaB3bQhHjbcY=',
  id: String(1_003_383_421_387_256 + ++serial),
  ...extra,
});
const conversation = { id: 'CONVERSATION_ID', origin: { type: 'service' } };
const pricing = { billable: true, pricing_model: 'PMP', category: 'service' };

const events = {
  // Non-ASCII, escaped by Meta as \u00f6 and a surrogate pair, and signed as escaped.
  'messages.text': message('text', { text: { body: 'Grüß dich, schön \u{1F928}' } }),
  'messages.image': message('image', { image: media('image/jpeg', { caption: 'Menü' }) }),
  'messages.audio': message('audio', { audio: media('audio/ogg; codecs=opus', { voice: true }) }),
  'messages.video': message('video', { video: media('video/mp4') }),
  'messages.document': message('document', {
    document: media('application/pdf', { filename: 'invoice.pdf' }),
  }),
  'messages.sticker': message('sticker', { sticker: media('image/webp', { animated: false }) }),
  'messages.location': message('location', {
    location: {
      latitude: 37.483307,
      longitude: 122.148981,
      name: 'Pablo Morales',
      address: '1 Hacker Way, Menlo Park, CA 94025',
    },
  }),
  'messages.contacts': message('contacts', {
    contacts: [
      {
        name: { formatted_name: 'Barbara J. Johnson', first_name: 'Barbara' },
        phones: [{ phone: '+1 (940) 555-1234', type: 'HOME' }],
      },
    ],
  }),
  'messages.interactive': message('interactive', {
    interactive: {
      type: 'button_reply',
      button_reply: { id: 'unique-button-identifier-here', title: 'Yes' },
    },
  }),
  'messages.button': message('button', { button: { text: 'No', payload: 'No-Button-Payload' } }),
  'messages.reaction': message('reaction', {
    reaction: {
      message_id: 'wamid.HBgLMTY1MDUwNzY1MjAVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
      emoji: '\u{1F44D}',
    },
  }),
  'messages.order': message('order', {
    order: {
      catalog_id: '1537354453749856',
      text: 'text-message',
      product_items: [{ product_retailer_id: 'di9ozbzfi4', quantity: 1, item_price: 30, currency: 'USD' }],
    },
  }),
  'messages.system': message('system', {
    system: {
      body: 'NAME changed from 16505551234 to 16505559876',
      wa_id: '16505559876',
      type: 'user_changed_number',
    },
  }),
  'messages.unsupported': message('unsupported', {
    errors: [
      {
        code: 131051,
        title: 'Message type unknown',
        message: 'Message type unknown',
        error_data: { details: 'Message type is currently not supported.' },
      },
    ],
  }),
  'statuses.sent': status('sent', {
    conversation: { ...conversation, expiration_timestamp: '1749502800' },
    pricing,
  }),
  'statuses.delivered': status('delivered', { conversation, pricing }),
  'statuses.read': status('read'),
  'statuses.failed': status('failed', {
    errors: [
      {
        code: 131047,
        title: 'Re-engagement message',
        message: 'Re-engagement message',
        error_data: {
          details:
            'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
        },
      },
    ],
  }),
  message_template_status_update: {
    field: 'message_template_status_update',
    value: {
      event: 'APPROVED',
      message_template_id: 1_204_564_234_345_567,
      message_template_name: 'order_confirmation',
      message_template_language: 'en_US',
      reason: 'NONE',
    },
  },
};

type Delivery = ReturnType<typeof whatsappCloudDelivery>;

/** One delivery per event name, each carrying that one change. */
export const whatsappCloudFixtures: Readonly<Record<keyof typeof events, Delivery>> = Object.fromEntries(
  Object.entries(events).map(([name, change]) => [name, whatsappCloudDelivery(change)]),
) as Record<keyof typeof events, Delivery>;
