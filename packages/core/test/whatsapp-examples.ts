/**
 * Test data, not code: the JSON examples of GOWA's `docs/webhook-payload.md` at v9.2.0
 * (each a body GOWA documents in https://github.com/aldinokemal/go-whatsapp-web-multidevice/blob/main/docs/webhook-payload.md, pretty-printed there) and the legacy v7
 * examples GOWA documented for its v7 releases, with the event name each one must
 * parse as. Bodies are sent as GOWA sends them: `goJson()` (sorted keys, HTML escapes) and signed.
 */

/** The docs' first example, verbatim: it holds a `//` comment, so it is not JSON at all. */
export const docPayloadStructure = `{
  "event": "message",
  "device_id": "628123456789@s.whatsapp.net",
  "session_id": "org_2",
  "payload": {
    // Event-specific fields
  }
}`;

/** [title, body] for every other §3.10 example, in the docs' order. */
export const docExamples: readonly (readonly [string, Record<string, unknown>])[] = [
  [
    'Message Events / Text Message',
    {
      event: 'message',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: '3EB0C127D7BACC83D6A1',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        from_lid: '251556368777322@lid',
        sender_display_name: 'Saved Contact',
        from_name: 'John Doe',
        timestamp: '2023-10-15T10:30:00Z',
        is_from_me: false,
        body: 'Hello, how are you?',
      },
    },
  ],
  [
    'Message Events / Reply Message',
    {
      event: 'message',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: '3EB0C127D7BACC83D6A2',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        sender_display_name: 'Saved Contact',
        from_name: 'John Doe',
        timestamp: '2023-10-15T10:35:00Z',
        is_from_me: false,
        body: "I'm doing great, thanks!",
        replied_to_id: '3EB0C127D7BACC83D6A1',
        quoted_body: 'Hello, how are you?',
      },
    },
  ],
  [
    'Message Events / Reaction Message',
    {
      event: 'message.reaction',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: '88760C69D1F35FEB239102699AE9XXXX',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        sender_display_name: 'Saved Contact',
        from_name: 'John Doe',
        timestamp: '2023-10-15T10:40:00Z',
        is_from_me: false,
        reaction: '👍',
        reacted_message_id: '3EB0C127D7BACC83D6A1',
      },
    },
  ],
  [
    'Receipt Events / Message Delivered',
    {
      event: 'message.ack',
      device_id: '628123456789@s.whatsapp.net',
      timestamp: '2025-07-18T22:44:20Z',
      payload: {
        ids: ['3EB00106E8BE0F407E88EC'],
        chat_id: '120363402106XXXXX@g.us',
        from: '6289685XXXXXX@s.whatsapp.net',
        from_lid: '251556368777322@lid',
        sender_display_name: 'Saved Contact',
        receipt_type: 'delivered',
        receipt_type_description:
          'means the message was delivered to the device (but the user might not have noticed).',
      },
    },
  ],
  [
    'Receipt Events / Message Read',
    {
      event: 'message.ack',
      device_id: '628123456789@s.whatsapp.net',
      timestamp: '2025-07-18T22:44:44Z',
      payload: {
        ids: ['3EB00106E8BE0F407E88EC'],
        chat_id: '120363402106XXXXX@g.us',
        from: '6289685XXXXXX@s.whatsapp.net',
        sender_display_name: 'Saved Contact',
        receipt_type: 'read',
        receipt_type_description: 'the user opened the chat and saw the message.',
      },
    },
  ],
  [
    'Chat Presence Events / User Typing',
    {
      event: 'chat_presence',
      device_id: '628123456789@s.whatsapp.net',
      timestamp: '2026-01-22T12:00:00Z',
      payload: {
        from: '628987654321@s.whatsapp.net',
        sender_display_name: 'Saved Contact',
        chat_id: '628987654321@s.whatsapp.net',
        state: 'composing',
        media: '',
        is_group: false,
      },
    },
  ],
  [
    'Chat Presence Events / User Stopped Typing',
    {
      event: 'chat_presence',
      device_id: '628123456789@s.whatsapp.net',
      timestamp: '2026-01-22T12:00:05Z',
      payload: {
        from: '628987654321@s.whatsapp.net',
        sender_display_name: 'Saved Contact',
        chat_id: '628987654321@s.whatsapp.net',
        state: 'paused',
        media: '',
        is_group: false,
      },
    },
  ],
  [
    'Chat Presence Events / User Recording Audio',
    {
      event: 'chat_presence',
      device_id: '628123456789@s.whatsapp.net',
      timestamp: '2026-01-22T12:01:00Z',
      payload: {
        from: '628987654321@s.whatsapp.net',
        sender_display_name: 'Saved Contact',
        chat_id: '628987654321@s.whatsapp.net',
        state: 'composing',
        media: 'audio',
        is_group: false,
      },
    },
  ],
  [
    'Chat Presence Events / Group Typing',
    {
      event: 'chat_presence',
      device_id: '628123456789@s.whatsapp.net',
      timestamp: '2026-01-22T12:02:00Z',
      payload: {
        from: '628987654321@s.whatsapp.net',
        from_lid: '251556368777322@lid',
        sender_display_name: 'Saved Contact',
        chat_id: '120363402106XXXXX@g.us',
        state: 'composing',
        media: '',
        is_group: true,
      },
    },
  ],
  [
    'Label Events / Label Edit',
    {
      event: 'label.edit',
      device_id: '628123456789@s.whatsapp.net',
      timestamp: '2026-01-22T12:03:00Z',
      payload: {
        label_id: '9',
        name: 'Important',
        color: 2,
        predefined_id: '1',
        deleted: false,
        order_index: 1,
        is_active: true,
        type: 'CUSTOM',
        is_immutable: false,
        mute_end_time_ms: 0,
      },
    },
  ],
  [
    'Label Events / Label Association',
    {
      event: 'label.association',
      device_id: '628123456789@s.whatsapp.net',
      timestamp: '2026-01-22T12:04:00Z',
      payload: { label_id: '9', labeled: true, chat_id: '120363402106XXXXX@g.us' },
    },
  ],
  [
    'Group Events / Group Member Join',
    {
      event: 'group.participants',
      device_id: '628123456789@s.whatsapp.net',
      timestamp: '2025-07-28T10:30:00Z',
      payload: {
        chat_id: '120363402106XXXXX@g.us',
        type: 'join',
        jids: ['6289685XXXXXX@s.whatsapp.net', '6289686YYYYYY@s.whatsapp.net'],
      },
    },
  ],
  [
    'Group Events / Group Member Leave',
    {
      event: 'group.participants',
      device_id: '628123456789@s.whatsapp.net',
      timestamp: '2025-07-28T10:32:00Z',
      payload: { chat_id: '120363402106XXXXX@g.us', type: 'leave', jids: ['6289687ZZZZZZ@s.whatsapp.net'] },
    },
  ],
  [
    'Group Events / Group Member Promotion',
    {
      event: 'group.participants',
      device_id: '628123456789@s.whatsapp.net',
      timestamp: '2025-07-28T10:33:00Z',
      payload: { chat_id: '120363402106XXXXX@g.us', type: 'promote', jids: ['6289688AAAAAA@s.whatsapp.net'] },
    },
  ],
  [
    'Group Events / Group Member Demotion',
    {
      event: 'group.participants',
      device_id: '628123456789@s.whatsapp.net',
      timestamp: '2025-07-28T10:34:00Z',
      payload: { chat_id: '120363402106XXXXX@g.us', type: 'demote', jids: ['6289689BBBBBB@s.whatsapp.net'] },
    },
  ],
  [
    'Newsletter Events / Newsletter Joined',
    {
      event: 'newsletter.joined',
      device_id: '628123456789@s.whatsapp.net',
      timestamp: '2026-01-18T12:00:00Z',
      payload: {
        newsletter_id: '120363123456789@newsletter',
        name: 'Tech News Daily',
        description: 'Latest tech updates and news',
      },
    },
  ],
  [
    'Newsletter Events / Newsletter Left',
    {
      event: 'newsletter.left',
      device_id: '628123456789@s.whatsapp.net',
      timestamp: '2026-01-18T12:00:00Z',
      payload: { newsletter_id: '120363123456789@newsletter', role: 'subscriber' },
    },
  ],
  [
    'Newsletter Events / Newsletter Message',
    {
      event: 'newsletter.message',
      device_id: '628123456789@s.whatsapp.net',
      timestamp: '2026-01-18T12:00:00Z',
      payload: {
        newsletter_id: '120363123456789@newsletter',
        messages: [
          {
            server_id: 123,
            message_id: 'ABC123DEF456',
            type: 'text',
            timestamp: '2026-01-18T12:00:00Z',
            views_count: 1500,
            reaction_counts: { '👍': 50, '❤️': 25 },
          },
        ],
      },
    },
  ],
  [
    'Newsletter Events / Newsletter Mute',
    {
      event: 'newsletter.mute',
      device_id: '628123456789@s.whatsapp.net',
      timestamp: '2026-01-18T12:00:00Z',
      payload: { newsletter_id: '120363123456789@newsletter', mute: 'on' },
    },
  ],
  [
    'Call Events / Call Offer',
    {
      event: 'call.offer',
      device_id: '628123456789@s.whatsapp.net',
      timestamp: '2026-02-05T12:00:00Z',
      payload: {
        call_id: 'ABC123DEF456',
        from: '628987654321@s.whatsapp.net',
        sender_display_name: 'Saved Contact',
        auto_rejected: false,
        remote_platform: 'android',
        remote_version: '2.24.1.5',
      },
    },
  ],
  [
    'Call Events / Call Offer with Auto-Reject Enabled',
    {
      event: 'call.offer',
      device_id: '628123456789@s.whatsapp.net',
      timestamp: '2026-02-05T12:00:00Z',
      payload: {
        call_id: 'ABC123DEF456',
        from: '628987654321@s.whatsapp.net',
        sender_display_name: 'Saved Contact',
        auto_rejected: true,
        remote_platform: 'android',
        remote_version: '2.24.1.5',
        group_jid: '120363402106XXXXX@g.us',
      },
    },
  ],
  [
    'Call Events / Reject Call via API',
    {
      event: 'call.offer',
      device_id: '628123456789@s.whatsapp.net',
      payload: {
        call_id: 'ABC123DEF456',
        from: '628987654321@s.whatsapp.net',
        sender_display_name: 'Saved Contact',
        auto_rejected: false,
      },
    },
  ],
  [
    'Media Messages / Image Message',
    {
      event: 'message',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: '3EB0C127D7BACC83D6A3',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        from_name: 'John Doe',
        timestamp: '2025-07-13T11:05:51Z',
        image: 'statics/media/1752404751-ad9e37ac-c658-4fe5-8d25-ba4a3f4d58fd.jpeg',
      },
    },
  ],
  [
    'Media Messages / Image Message (2)',
    {
      event: 'message',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: '3EB0C127D7BACC83D6A3',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        from_name: 'John Doe',
        timestamp: '2025-07-13T11:05:51Z',
        body: 'Check this out!',
        image: {
          path: 'statics/media/1752404751-ad9e37ac-c658-4fe5-8d25-ba4a3f4d58fd.jpeg',
          caption: 'Check this out!',
        },
      },
    },
  ],
  [
    'Media Messages / Image Message (3)',
    {
      event: 'message',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: '3EB0C127D7BACC83D6A3',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        from_name: 'John Doe',
        timestamp: '2025-07-13T11:05:51Z',
        body: 'Check this out!',
        image: { url: 'https://mmg.whatsapp.net/...', caption: 'Check this out!' },
      },
    },
  ],
  [
    'Media Messages / Video Message',
    {
      event: 'message',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: '3EB0C127D7BACC83D6A4',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        from_name: 'John Doe',
        timestamp: '2025-07-13T11:07:24Z',
        body: 'Watch this!',
        video: {
          path: 'statics/media/1752404845-b9393cd1-8546-4df9-8a60-ee3276036aba.mp4',
          caption: 'Watch this!',
        },
      },
    },
  ],
  [
    'Media Messages / Audio Message',
    {
      event: 'message',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: '3EB0C127D7BACC83D6A5',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        from_name: 'John Doe',
        timestamp: '2023-10-15T10:55:00Z',
        audio: 'statics/media/1752404905-b9393cd1-8546-4df9-8a60-ee3276036aba.ogg',
      },
    },
  ],
  [
    'Media Messages / Document Message',
    {
      event: 'message',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: '3EB0C127D7BACC83D6A6',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        from_name: 'John Doe',
        timestamp: '2023-10-15T11:00:00Z',
        body: 'Monthly report',
        document: { path: 'statics/media/1752404965-document.pdf', caption: 'Monthly report' },
      },
    },
  ],
  [
    'Media Messages / Document Message (2)',
    {
      event: 'message',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: '3EB0C127D7BACC83D6A6',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        from_name: 'John Doe',
        timestamp: '2023-10-15T11:00:00Z',
        body: 'Monthly report',
        document: { url: 'https://mmg.whatsapp.net/...', filename: 'report.pdf' },
      },
    },
  ],
  [
    'Media Messages / Sticker Message',
    {
      event: 'message',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: '446AC2BAF2061B53E24CA526DBDFBD4E',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        from_name: 'John Doe',
        timestamp: '2025-07-13T11:09:45Z',
        sticker: 'statics/media/1752404986-ff2464a6-c54c-4e6c-afde-c4c925ce3573.webp',
      },
    },
  ],
  [
    'Media Messages / Video Note Message',
    {
      event: 'message',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: '3EB0C127D7BACC83D6A7',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        from_name: 'John Doe',
        timestamp: '2023-10-15T11:02:00Z',
        video_note: 'statics/media/1752404990-videonote.mp4',
      },
    },
  ],
  [
    'Special Message Types / Contact Message',
    {
      event: 'message',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: '56B3DFF4994284634E7AAFEEF6F1A0A2',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        from_name: 'John Doe',
        timestamp: '2025-07-13T11:10:19Z',
        contact: {
          displayName: '3Care',
          vcard: 'BEGIN:VCARD\nVERSION:3.0\nN:;3Care;;;\nFN:3Care\nTEL;type=Mobile:+62 132\nEND:VCARD',
          phone_number: '+62 132',
        },
      },
    },
  ],
  [
    'Special Message Types / Contacts Array Message',
    {
      event: 'message',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: 'A1B2C3D4E5F6789012345678',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        from_name: 'John Doe',
        timestamp: '2025-07-13T11:10:19Z',
        contacts_array: [
          {
            displayName: 'Alice',
            vcard:
              'BEGIN:VCARD\nVERSION:3.0\nN:;Alice;;;\nFN:Alice\nTEL;type=Mobile:+62 812 3456 7890\nEND:VCARD',
            phone_number: '+62 812 3456 7890',
          },
          {
            displayName: 'Bob',
            vcard:
              'BEGIN:VCARD\nVERSION:3.0\nN:;Bob;;;\nFN:Bob\nTEL;type=Mobile:+62 813 9876 5432\nEND:VCARD',
            phone_number: '+62 813 9876 5432',
          },
        ],
      },
    },
  ],
  [
    'Special Message Types / Location Message',
    {
      event: 'message',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: '3EB0C127D7BACC83D6A9',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        from_name: 'John Doe',
        timestamp: '2023-10-15T11:15:00Z',
        location: {
          degreesLatitude: -6.2088,
          degreesLongitude: 106.8456,
          name: 'Jakarta, Indonesia',
          address: 'Central Jakarta, DKI Jakarta, Indonesia',
        },
      },
    },
  ],
  [
    'Special Message Types / Live Location Message',
    {
      event: 'message',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: '94D13237B4D7F33EE4A63228BBD79EC0',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        from_name: 'John Doe',
        timestamp: '2025-07-13T11:11:22Z',
        live_location: { degreesLatitude: -7.8050297, degreesLongitude: 110.4549165 },
      },
    },
  ],
  [
    'Protocol Messages / Message Deleted',
    {
      event: 'message.deleted',
      device_id: '628123456789@s.whatsapp.net',
      payload: {
        deleted_message_id: '3EB0C127D7BACC83D6A1',
        timestamp: '2025-07-13T11:12:00Z',
        from: '628987654321@s.whatsapp.net',
        sender_display_name: 'Saved Contact',
        chat_id: '628987654321@s.whatsapp.net',
        original_content: 'Hello, how are you?',
        original_sender: '628987654321@s.whatsapp.net',
        original_timestamp: '2025-07-13T10:30:00Z',
        was_from_me: false,
      },
    },
  ],
  [
    'Protocol Messages / Message Revoked',
    {
      event: 'message.revoked',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: 'F4062F2BBCB19B7432195AD7080DA4E2',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        from_name: 'John Doe',
        timestamp: '2025-07-13T11:13:30Z',
        is_from_me: true,
        revoked_message_id: '94D13237B4D7F33EE4A63228BBD79EC0',
        revoked_from_me: true,
        revoked_chat: '628987654321@s.whatsapp.net',
      },
    },
  ],
  [
    'Protocol Messages / Message Edited',
    {
      event: 'message.edited',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: 'D6271D8223A05B4DA6AE9FE3CD632543',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        from_name: 'John Doe',
        timestamp: '2025-07-13T11:14:19Z',
        is_from_me: false,
        original_message_id: '94D13237B4D7F33EE4A63228BBD79EC0',
        body: 'Updated message text',
      },
    },
  ],
  [
    'Special Flags / View Once Message',
    {
      event: 'message',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: '3EB0C127D7BACC83D6B2',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        from_name: 'John Doe',
        timestamp: '2023-10-15T11:40:00Z',
        image: 'statics/media/1752405060-image.jpeg',
        view_once: true,
      },
    },
  ],
  [
    'Special Flags / Forwarded Message',
    {
      event: 'message',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: '3EB0C127D7BACC83D6B3',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        from_name: 'John Doe',
        timestamp: '2023-10-15T11:45:00Z',
        body: 'This is a forwarded message',
        forwarded: true,
      },
    },
  ],
  [
    'Special Flags / Meta Ads Referral (Click-to-WhatsApp)',
    {
      event: 'message',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: '3EB0C127D7BACC83D6B4',
        chat_id: '628987654321@s.whatsapp.net',
        from: '628123456789@s.whatsapp.net',
        from_name: 'Jane Customer',
        timestamp: '2023-10-15T12:00:00Z',
        is_from_me: false,
        body: 'Hello! I would like more information about the property.',
        referral: {
          ctwa_clid: 'FAKE_CLID_abc123xyz',
          source_url: 'https://fb.me/fake-ad-link',
          source_id: '123456789012345',
          ref: 'landing_page_01',
          source_app: 'facebook',
          media_type: 'IMAGE',
          ad_title: 'Your Dream Farm',
          ad_body: 'Discover exclusive rural properties in the countryside.',
          thumbnail_url: 'https://example.com/ad-thumbnail.jpg',
          original_image_url: 'https://example.com/ad-image.jpg',
          show_ad_attribution: true,
          click_to_whatsapp_call: false,
          contains_auto_reply: false,
          automated_greeting_message_shown: true,
          greeting_message_body: 'Hello! I want to know more about this ad.',
          source_type: 'ad',
          ad_type: 'CTWA',
        },
      },
    },
  ],
];

/** [title, event name it parses as, body] for every JSON example of the v7 seed. */
export const legacySeedExamples: readonly (readonly [string, string, Record<string, unknown>])[] = [
  [
    'Text Message',
    'legacy.message',
    {
      sender_id: '628123456789',
      chat_id: '628987654321',
      from: '628123456789@s.whatsapp.net',
      timestamp: '2023-10-15T10:30:00Z',
      pushname: 'John Doe',
      message: {
        text: 'Hello, how are you?',
        id: '3EB0C127D7BACC83D6A1',
        replied_id: '',
        quoted_message: '',
      },
    },
  ],
  [
    'Reply Message',
    'legacy.message',
    {
      sender_id: '628123456789',
      chat_id: '628987654321',
      from: '628123456789@s.whatsapp.net',
      timestamp: '2023-10-15T10:35:00Z',
      pushname: 'John Doe',
      message: {
        text: "I'm doing great, thanks!",
        id: '3EB0C127D7BACC83D6A2',
        replied_id: '3EB0C127D7BACC83D6A1',
        quoted_message: 'Hello, how are you?',
      },
    },
  ],
  [
    'Reaction Message',
    'legacy.message.reaction',
    {
      sender_id: '628123456789',
      chat_id: '628987654321',
      from: '628123456789@s.whatsapp.net',
      timestamp: '2023-10-15T10:40:00Z',
      pushname: 'John Doe',
      reaction: { message: '👍', id: '3EB0C127D7BACC83D6A1' },
      message: { text: '', id: '88760C69D1F35FEB239102699AE9XXXX', replied_id: '', quoted_message: '' },
    },
  ],
  [
    'Message Delivered',
    'message.ack',
    {
      event: 'message.ack',
      payload: {
        chat_id: '120363402106XXXXX@g.us',
        from: '6289685XXXXXX@s.whatsapp.net in 120363402106XXXXX@g.us',
        ids: ['3EB00106E8BE0F407E88EC'],
        receipt_type: 'delivered',
        receipt_type_description:
          'means the message was delivered to the device (but the user might not have noticed).',
        sender_id: '6289685XXXXXX@s.whatsapp.net',
      },
      timestamp: '2025-07-18T22:44:20Z',
    },
  ],
  [
    'Message Read',
    'message.ack',
    {
      event: 'message.ack',
      payload: {
        chat_id: '120363402106XXXXX@g.us',
        from: '6289685XXXXXX@s.whatsapp.net in 120363402106XXXXX@g.us',
        ids: ['3EB00106E8BE0F407E88EC'],
        receipt_type: 'read',
        receipt_type_description: 'the user opened the chat and saw the message.',
        sender_id: '6289685XXXXXX@s.whatsapp.net',
      },
      timestamp: '2025-07-18T22:44:44Z',
    },
  ],
  [
    'Group Member Join',
    'group.participants',
    {
      event: 'group.participants',
      payload: {
        chat_id: '120363402106XXXXX@g.us',
        type: 'join',
        jids: ['6289685XXXXXX@s.whatsapp.net', '6289686YYYYYY@s.whatsapp.net'],
      },
      timestamp: '2025-07-28T10:30:00Z',
    },
  ],
  [
    'Group Member Leave',
    'group.participants',
    {
      event: 'group.participants',
      payload: { chat_id: '120363402106XXXXX@g.us', type: 'leave', jids: ['6289687ZZZZZZ@s.whatsapp.net'] },
      timestamp: '2025-07-28T10:32:00Z',
    },
  ],
  [
    'Group Member Promotion',
    'group.participants',
    {
      event: 'group.participants',
      payload: { chat_id: '120363402106XXXXX@g.us', type: 'promote', jids: ['6289688AAAAAA@s.whatsapp.net'] },
      timestamp: '2025-07-28T10:33:00Z',
    },
  ],
  [
    'Group Member Demotion',
    'group.participants',
    {
      event: 'group.participants',
      payload: { chat_id: '120363402106XXXXX@g.us', type: 'demote', jids: ['6289689BBBBBB@s.whatsapp.net'] },
      timestamp: '2025-07-28T10:34:00Z',
    },
  ],
  [
    'Image Message',
    'legacy.message',
    {
      sender_id: '628123456789',
      chat_id: '628123456789',
      from: '628123456789@s.whatsapp.net',
      timestamp: '2025-07-13T11:05:51Z',
      pushname: 'John Doe',
      message: { text: '', id: '********************', replied_id: '', quoted_message: '' },
      image: {
        media_path: 'statics/media/1752404751-ad9e37ac-c658-4fe5-8d25-ba4a3f4d58fd.jpe',
        mime_type: 'image/jpeg',
        caption: 'gijg',
      },
    },
  ],
  [
    'Video Message',
    'legacy.message',
    {
      sender_id: '628123456789',
      chat_id: '628123456789',
      from: '628123456789@s.whatsapp.net',
      timestamp: '2025-07-13T11:07:24Z',
      pushname: 'Notification System',
      message: { text: '', id: '********************', replied_id: '', quoted_message: '' },
      video: {
        media_path: 'statics/media/1752404845-b9393cd1-8546-4df9-8a60-ee3276036aba.m4v',
        mime_type: 'video/mp4',
        caption: 'okk',
      },
    },
  ],
  [
    'Audio Message',
    'legacy.message',
    {
      sender_id: '628123456789',
      chat_id: '628987654321',
      from: '628123456789@s.whatsapp.net',
      timestamp: '2023-10-15T10:55:00Z',
      pushname: 'John Doe',
      message: { text: '', id: '3EB0C127D7BACC83D6A5', replied_id: '', quoted_message: '' },
      audio: {
        media_path: 'statics/media/1752404905-b9393cd1-8546-4df9-8a60-ee3276036aba.m4v',
        mime_type: 'audio/ogg',
        caption: 'okk',
      },
    },
  ],
  [
    'Document Message',
    'legacy.message',
    {
      sender_id: '628123456789',
      chat_id: '628987654321',
      from: '628123456789@s.whatsapp.net',
      timestamp: '2023-10-15T11:00:00Z',
      pushname: 'John Doe',
      message: { text: '', id: '3EB0C127D7BACC83D6A6', replied_id: '', quoted_message: '' },
      document: {
        media_path: 'statics/media/1752404965-b9393cd1-8546-4df9-8a60-ee3276036aba.m4v',
        mime_type: 'application/pdf',
        caption: 'okk',
      },
    },
  ],
  [
    'Sticker Message',
    'legacy.message',
    {
      chat_id: '628968XXXXXXXX',
      from: '628968XXXXXXXX@s.whatsapp.net',
      message: { text: '', id: '446AC2BAF2061B53E24CA526DBDFBD4E', replied_id: '', quoted_message: '' },
      pushname: 'Aldino Kemal',
      sender_id: '628968XXXXXXXX',
      sticker: {
        media_path: 'statics/media/1752404986-ff2464a6-c54c-4e6c-afde-c4c925ce3573.webp',
        mime_type: 'image/webp',
        caption: '',
      },
      timestamp: '2025-07-13T11:09:45Z',
    },
  ],
  [
    'Contact Message',
    'legacy.message',
    {
      chat_id: '6289XXXXXXXXX',
      contact: {
        displayName: '3Care',
        vcard: 'BEGIN:VCARD\nVERSION:3.0\nN:;3Care;;;\nFN:3Care\nTEL;type=Mobile:+62 132\nEND:VCARD',
        contextInfo: {
          expiration: 7776000,
          ephemeralSettingTimestamp: 1751808692,
          disappearingMode: { initiator: 0, trigger: 1, initiatedByMe: true },
        },
      },
      from: '6289XXXXXXXXX@s.whatsapp.net',
      message: { text: '', id: '56B3DFF4994284634E7AAFEEF6F1A0A2', replied_id: '', quoted_message: '' },
      pushname: 'Aldino Kemal',
      sender_id: '6289XXXXXXXXX',
      timestamp: '2025-07-13T11:10:19Z',
    },
  ],
  [
    'Location Message',
    'legacy.message',
    {
      sender_id: '628123456789',
      chat_id: '628987654321',
      from: 'John Doe',
      timestamp: '2023-10-15T11:15:00Z',
      pushname: 'John Doe',
      message: { text: '', id: '3EB0C127D7BACC83D6A9', replied_id: '', quoted_message: '' },
      location: {
        degreesLatitude: -6.2088,
        degreesLongitude: 106.8456,
        name: 'Jakarta, Indonesia',
        address: 'Central Jakarta, DKI Jakarta, Indonesia',
      },
    },
  ],
  [
    'Live Location Message',
    'legacy.message',
    {
      chat_id: '6289XXXXXXXXX',
      from: '6289XXXXXXXXX@s.whatsapp.net',
      location: {
        degreesLatitude: -7.8050297,
        degreesLongitude: 110.4549165,
        JPEGThumbnail: 'base64_image_thumbnail',
        contextInfo: {
          expiration: 7776000,
          ephemeralSettingTimestamp: 1751808692,
          disappearingMode: { initiator: 0, trigger: 1, initiatedByMe: true },
        },
      },
      message: { text: '', id: '94D13237B4D7F33EE4A63228BBD79EC0', replied_id: '', quoted_message: '' },
      pushname: 'Aldino Kemal',
      sender_id: '6289685XXXXXX',
      timestamp: '2025-07-13T11:11:22Z',
    },
  ],
  [
    'Message Revoked',
    'legacy.message.revoked',
    {
      action: 'message_revoked',
      chat_id: '6289XXXXXXXXX',
      from: '6289XXXXXXXXX@s.whatsapp.net',
      message: { text: '', id: 'F4062F2BBCB19B7432195AD7080DA4E2', replied_id: '', quoted_message: '' },
      pushname: 'Aldino Kemal',
      revoked_chat: '6289XXXXXXXXX@s.whatsapp.net',
      revoked_from_me: true,
      revoked_message_id: '94D13237B4D7F33EE4A63228BBD79EC0',
      sender_id: '6289XXXXXXXXX',
      timestamp: '2025-07-13T11:13:30Z',
    },
  ],
  [
    'Message Edited',
    'legacy.message.edited',
    {
      action: 'message_edited',
      chat_id: '6289XXXXXXXXX',
      edited_text: 'hhhiawww',
      from: '6289XXXXXXXXX@s.whatsapp.net',
      message: {
        text: 'hhhiawww',
        id: 'D6271D8223A05B4DA6AE9FE3CD632543',
        replied_id: '',
        quoted_message: '',
      },
      pushname: 'Aldino Kemal',
      sender_id: '6289XXXXXXXXX',
      timestamp: '2025-07-13T11:14:19Z',
    },
  ],
  [
    'View Once Message',
    'legacy.message',
    {
      sender_id: '628123456789',
      chat_id: '628987654321',
      from: 'John Doe',
      timestamp: '2023-10-15T11:40:00Z',
      pushname: 'John Doe',
      message: { text: '', id: '3EB0C127D7BACC83D6B2', replied_id: '', quoted_message: '' },
      image: {
        media_path: 'statics/media/1752405060-b9393cd1-8546-4df9-8a60-ee3276036aba.m4v',
        mime_type: 'image/jpeg',
        caption: 'okk',
      },
      view_once: true,
    },
  ],
  [
    'Forwarded Message',
    'legacy.message',
    {
      sender_id: '628123456789',
      chat_id: '628987654321',
      from: 'John Doe',
      timestamp: '2023-10-15T11:45:00Z',
      pushname: 'John Doe',
      message: {
        text: 'This is a forwarded message',
        id: '3EB0C127D7BACC83D6B3',
        replied_id: '',
        quoted_message: '',
      },
      forwarded: true,
    },
  ],
];
