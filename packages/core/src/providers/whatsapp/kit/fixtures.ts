import { goStruct } from '../../../testing/go-json.js';
import type { WhatsAppEventName } from '../events.js';

const device_id = '628987654321@s.whatsapp.net';
const sender = '628123456789@s.whatsapp.net';
const group = '120363402106000001@g.us';

/** The fields every message-family payload carries (`buildEventPayload` + `buildFromFields`). */
const common = (id: string) => ({
  id,
  timestamp: '2026-02-05T12:00:00Z',
  is_from_me: false,
  chat_id: device_id,
  from: sender,
  sender_display_name: 'Saved Contact',
  from_name: 'John Doe',
});
const message = (id: string, fields: Record<string, unknown>) => ({
  event: 'message',
  device_id,
  payload: { ...common(id), ...fields },
});

/** A contact card is a Go struct: its keys keep declaration order instead of being sorted. */
const contact = (displayName: string, phone: string) =>
  goStruct({
    displayName,
    vcard: `BEGIN:VCARD\nVERSION:3.0\nN:;${displayName};;;\nFN:${displayName}\nTEL;type=Mobile:${phone}\nEND:VCARD`,
    phone_number: phone,
  });

/**
 * Every payload shape of GOWA's `message` event (https://github.com/aldinokemal/go-whatsapp-web-multidevice/tree/main/src/infrastructure/whatsapp), built from the code:
 * each media field in its auto-download and URL forms, contacts, protobuf locations, flags.
 */
export const whatsappMessageShapes = {
  text: message('3EB0A0000000000000001', { body: 'Hello <b> & "you"\u2028' }),
  reply: message('3EB0A0000000000000002', {
    body: 'Thanks!',
    replied_to_id: '3EB0A0000000000000001',
    quoted_body: 'Hello',
  }),
  'lid sender and chat': message('3EB0A0000000000000003', {
    chat_lid: '251556368777322@lid',
    from_lid: '251556368777323@lid',
    body: 'from a LID chat',
  }),
  'image path': message('3EB0A0000000000000010', { image: 'statics/media/1752404751-a.jpeg' }),
  'image path with caption': message('3EB0A0000000000000011', {
    body: 'Look',
    image: { path: 'statics/media/1752404751-b.jpeg', caption: 'Look' },
  }),
  'image url': message('3EB0A0000000000000012', {
    image: { url: 'https://mmg.whatsapp.net/i', caption: '' },
  }),
  'video path': message('3EB0A0000000000000020', { video: 'statics/media/1752404845-a.mp4' }),
  'video path with caption': message('3EB0A0000000000000021', {
    body: 'Watch',
    video: { path: 'statics/media/1752404845-b.mp4', caption: 'Watch' },
  }),
  'video url': message('3EB0A0000000000000022', {
    video: { url: 'https://mmg.whatsapp.net/v', caption: 'Watch' },
  }),
  'video note path': message('3EB0A0000000000000030', { video_note: 'statics/media/1752404990-a.mp4' }),
  'video note url': message('3EB0A0000000000000031', {
    video_note: { url: 'https://mmg.whatsapp.net/p', caption: '' },
  }),
  'document path': message('3EB0A0000000000000040', { document: 'statics/media/1752404965-report.pdf' }),
  'document path with caption': message('3EB0A0000000000000041', {
    body: 'Monthly report',
    document: { path: 'statics/media/1752404965-report.pdf', caption: 'Monthly report' },
  }),
  'document url': message('3EB0A0000000000000042', {
    document: { url: 'https://mmg.whatsapp.net/d', filename: 'report.pdf' },
  }),
  'audio path': message('3EB0A0000000000000050', { audio: 'statics/media/1752404905-a.ogg' }),
  'audio url': message('3EB0A0000000000000051', { audio: { url: 'https://mmg.whatsapp.net/a' } }),
  'sticker path': message('3EB0A0000000000000060', { sticker: 'statics/media/1752404986-a.webp' }),
  'sticker url': message('3EB0A0000000000000061', { sticker: { url: 'https://mmg.whatsapp.net/s' } }),
  interactive: message('3EB0A0000000000000070', {
    interactive: 'Pick one: A / B',
    interactive_media: ['statics/media/1752405000-card1.jpeg', 'statics/media/1752405000-card2.jpeg'],
  }),
  contact: message('3EB0A0000000000000080', { contact: contact('3Care', '+62 132') }),
  'contacts array': message('3EB0A0000000000000081', {
    contacts_array: [contact('Alice', '+62 812 3456 7890'), contact('Bob', '+62 813 9876 5432')],
  }),
  location: message('3EB0A0000000000000090', {
    location: {
      degreesLatitude: -6.2088,
      degreesLongitude: 106.8456,
      name: 'Jakarta, Indonesia',
      address: 'Central Jakarta, DKI Jakarta, Indonesia',
      URL: 'https://maps.example/jkt?a=1&b=2',
      isLive: false,
      accuracyInMeters: 20,
      speedInMps: 0,
      degreesClockwiseFromMagneticNorth: 90,
      comment: 'here',
      JPEGThumbnail: Buffer.from([0xff, 0xd8, 0xff, 0xe0]).toString('base64'),
      contextInfo: { expiration: 7776000, ephemeralSettingTimestamp: 1751808692 },
    },
  }),
  'live location': message('3EB0A0000000000000091', {
    live_location: {
      degreesLatitude: -7.8050297,
      degreesLongitude: 110.4549165,
      accuracyInMeters: 5,
      speedInMps: 1.5,
      degreesClockwiseFromMagneticNorth: 270,
      caption: 'on my way',
      sequenceNumber: 1752405082000001,
      timeOffset: 12,
    },
  }),
  list: message('3EB0A0000000000000092', {
    list: { title: 'Menu', sections: [{ title: 'Food', rows: [{ title: 'Rice', rowID: 'r1' }] }] },
  }),
  order: message('3EB0A0000000000000093', { order: { orderTitle: 'Order #12345', itemCount: 2 } }),
  'view once': message('3EB0A00000000000000A0', {
    image: 'statics/media/1752405060-image.jpeg',
    view_once: true,
  }),
  forwarded: message('3EB0A00000000000000A1', { body: 'This is a forwarded message', forwarded: true }),
  referral: message('3EB0A00000000000000A2', {
    body: 'Hello! I would like more information.',
    referral: {
      ctwa_clid: 'clid-1',
      source_url: 'https://fb.me/ad',
      source_id: '123456789012345',
      source_app: 'facebook',
      media_type: 'IMAGE',
      ad_title: 'Farm & Home',
      show_ad_attribution: true,
      contains_auto_reply: false,
      source_type: 'ad',
      ad_type: 'CTWA',
    },
  }),
} as const;

const at = '2026-02-05T12:00:00+07:00';

/** One body for every event name `whatsapp()` types, built from GOWA's code (v9.2.0 and v7.11.4). */
export const whatsappFixtures: Readonly<Record<WhatsAppEventName, Record<string, unknown>>> = {
  message: whatsappMessageShapes.text,
  'message.reaction': {
    event: 'message.reaction',
    device_id,
    payload: {
      ...common('88760C69D1F35FEB239102699AE90001'),
      reaction: '👍',
      reacted_message_id: '3EB0A0000000000000001',
    },
  },
  'message.revoked': {
    event: 'message.revoked',
    device_id,
    session_id: 'org_2',
    payload: {
      ...common('F4062F2BBCB19B7432195AD7080DA4E2'),
      is_from_me: true,
      revoked_message_id: '94D13237B4D7F33EE4A63228BBD79EC0',
      revoked_from_me: true,
      revoked_chat: device_id,
    },
  },
  'message.edited': {
    event: 'message.edited',
    device_id,
    payload: {
      ...common('D6271D8223A05B4DA6AE9FE3CD632543'),
      original_message_id: '3EB0A0000000000000001',
      body: 'Edited',
    },
  },
  'message.ack': {
    event: 'message.ack',
    device_id,
    timestamp: at,
    payload: {
      ids: ['3EB00106E8BE0F407E88EC', '3EB00106E8BE0F407E88ED'],
      chat_id: group,
      from: sender,
      from_lid: '251556368777322@lid',
      sender_display_name: 'Saved Contact',
      receipt_type: 'read',
      receipt_type_description: 'the user opened the chat and saw the message.',
    },
  },
  'message.deleted': {
    event: 'message.deleted',
    device_id,
    payload: {
      deleted_message_id: '3EB0A0000000000000001',
      timestamp: at,
      from: sender,
      sender_display_name: 'Saved Contact',
      chat_id: device_id,
      original_content: 'Hello',
      original_sender: sender,
      original_timestamp: '2026-02-05T11:00:00+07:00',
      was_from_me: false,
      original_media_type: 'image',
      original_filename: 'photo.jpg',
    },
  },
  chat_presence: {
    event: 'chat_presence',
    device_id,
    timestamp: at,
    payload: {
      from: sender,
      sender_display_name: 'Saved Contact',
      chat_id: group,
      state: 'composing',
      media: 'audio',
      is_group: true,
    },
  },
  'group.participants': {
    event: 'group.participants',
    device_id,
    timestamp: at,
    payload: { chat_id: group, type: 'promote', jids: [sender] },
  },
  'group.joined': {
    event: 'group.joined',
    device_id,
    timestamp: at,
    payload: {
      chat_id: group,
      type: 'join',
      jids: [device_id],
      reason: 'invite',
      group_name: 'Friends & Family',
    },
  },
  'label.edit': {
    event: 'label.edit',
    device_id,
    timestamp: '2026-02-05T05:00:00Z',
    payload: {
      label_id: '9',
      name: 'Important',
      color: 2,
      predefined_id: 1,
      deleted: false,
      order_index: 1,
      is_active: true,
      type: 'CUSTOM',
      is_immutable: false,
      mute_end_time_ms: 0,
    },
  },
  'label.association': {
    event: 'label.association',
    device_id,
    timestamp: '2026-02-05T05:00:00Z',
    payload: { label_id: '9', labeled: true, chat_id: sender, chat_lid: '251556368777322@lid' },
  },
  'newsletter.joined': {
    event: 'newsletter.joined',
    device_id,
    timestamp: at,
    payload: { newsletter_id: '120363123456789@newsletter', name: 'Tech News', description: 'Daily <news>' },
  },
  'newsletter.left': {
    event: 'newsletter.left',
    device_id,
    timestamp: at,
    payload: { newsletter_id: '120363123456789@newsletter', role: 'subscriber' },
  },
  'newsletter.mute': {
    event: 'newsletter.mute',
    device_id,
    timestamp: at,
    payload: { newsletter_id: '120363123456789@newsletter', mute: 'on' },
  },
  'newsletter.message': {
    event: 'newsletter.message',
    device_id,
    timestamp: at,
    payload: {
      newsletter_id: '120363123456789@newsletter',
      messages: [
        {
          server_id: 123,
          message_id: 'ABC123DEF456',
          type: 'text',
          timestamp: at,
          views_count: 1500,
          reaction_counts: { '👍': 50, '❤️': 25 },
        },
      ],
    },
  },
  'call.offer': {
    event: 'call.offer',
    device_id,
    timestamp: at,
    payload: {
      call_id: 'ABC123DEF456',
      from: sender,
      sender_display_name: 'Saved Contact',
      auto_rejected: true,
      remote_platform: 'android',
      remote_version: '2.24.1.5',
      group_jid: group,
    },
  },
  'legacy.message': {
    sender_id: '628123456789',
    chat_id: '628987654321',
    from: sender,
    pushname: 'John Doe',
    timestamp: '2025-07-13T11:05:51Z',
    message: { text: '', id: '3EB0C127D7BACC83D6A3', replied_id: '', quoted_message: '' },
    image: { media_path: 'statics/media/1752404751-a.jpe', mime_type: 'image/jpeg', caption: 'hi' },
  },
  'legacy.message.reaction': {
    sender_id: '628123456789',
    chat_id: '628987654321',
    from: sender,
    pushname: 'John Doe',
    timestamp: '2025-07-13T11:06:00Z',
    message: { text: '', id: '88760C69D1F35FEB239102699AE90002', replied_id: '', quoted_message: '' },
    reaction: { message: '👍', id: '3EB0C127D7BACC83D6A3' },
  },
  'legacy.message.revoked': {
    action: 'message_revoked',
    sender_id: '628123456789',
    chat_id: '628987654321',
    from: sender,
    timestamp: '2025-07-13T11:13:30Z',
    message: { text: '', id: 'F4062F2BBCB19B7432195AD7080DA4E3', replied_id: '', quoted_message: '' },
    revoked_message_id: '3EB0C127D7BACC83D6A3',
    revoked_from_me: false,
    revoked_chat: device_id,
  },
  'legacy.message.edited': {
    action: 'message_edited',
    sender_id: '628123456789',
    chat_id: '628987654321',
    from: sender,
    timestamp: '2025-07-13T11:14:19Z',
    message: { text: 'fixed', id: 'D6271D8223A05B4DA6AE9FE3CD632544', replied_id: '', quoted_message: '' },
    original_message_id: '3EB0C127D7BACC83D6A3',
    edited_text: 'fixed',
  },
  'legacy.message.deleted': {
    action: 'event.delete_for_me',
    deleted_message_id: '3EB0C127D7BACC83D6A3',
    sender_id: '628123456789',
    from: sender,
    chat_id: device_id,
    original_content: 'hi',
    original_sender: sender,
    original_timestamp: '2025-07-13T11:05:51Z',
    was_from_me: false,
    timestamp: '2025-07-13T11:20:00Z',
  },
};
