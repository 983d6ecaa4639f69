/**
 * One body per event `slack()` types, shaped as Slack's reference pages show them
 * (https://docs.slack.dev/reference/events/, https://docs.slack.dev/reference/interaction-payloads/,
 * https://docs.slack.dev/interactivity/implementing-slash-commands), with made-up IDs.
 */
const TEAM = 'T061EG9R6';
const APP = 'A0MDYCDME';
const USER = 'U061F7AUR';
const CHANNEL = 'C0LAN2Q65';

function eventCallback(eventId: string, event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: 'XXYYZZ',
    team_id: TEAM,
    api_app_id: APP,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1515449522,
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: 'U0BOT0001', is_bot: true }],
  };
}

const user = { id: USER, username: 'roadrunner', name: 'roadrunner', team_id: TEAM };
const team = { id: TEAM, domain: 'testteamnow' };
const view = {
  id: 'V0PKB1ZFV',
  team_id: TEAM,
  type: 'modal',
  callback_id: 'feedback',
  private_metadata: '',
  hash: '1569362015.55b5e41b',
  state: { values: { note: { note_input: { type: 'plain_text_input', value: 'Looks good 👍' } } } },
};

export const slackFixtures = {
  'event.message': eventCallback('Ev0PV52K21', {
    type: 'message',
    channel: CHANNEL,
    user: USER,
    // Non-ASCII and a URL: Slack escapes both in its JSON (see `slackJson`).
    text: 'Deploy done 🤨 — see https://example.com/builds/42',
    ts: '1515449522.000016',
    event_ts: '1515449522.000016',
    channel_type: 'channel',
  }),
  'event.app_mention': eventCallback('Ev0PV52K22', {
    type: 'app_mention',
    user: USER,
    text: '<@U0BOT0001> status?',
    ts: '1515449522.000017',
    channel: CHANNEL,
    event_ts: '1515449522.000017',
  }),
  'event.reaction_added': eventCallback('Ev0PV52K23', {
    type: 'reaction_added',
    user: USER,
    reaction: 'thumbsup',
    item_user: 'U0G9QF9C6',
    item: { type: 'message', channel: CHANNEL, ts: '1360782400.498405' },
    event_ts: '1360782804.083113',
  }),
  'event.reaction_removed': eventCallback('Ev0PV52K24', {
    type: 'reaction_removed',
    user: USER,
    reaction: 'thumbsup',
    item_user: 'U0G9QF9C6',
    item: { type: 'message', channel: CHANNEL, ts: '1360782400.498405' },
    event_ts: '1360782804.083114',
  }),
  'event.member_joined_channel': eventCallback('Ev0PV52K25', {
    type: 'member_joined_channel',
    user: 'W06GH7XHN',
    channel: CHANNEL,
    channel_type: 'C',
    team: TEAM,
    inviter: USER,
    event_ts: '1515449522.000018',
  }),
  'event.app_home_opened': eventCallback('Ev0PV52K26', {
    type: 'app_home_opened',
    user: USER,
    channel: 'D0LAN2Q65',
    tab: 'home',
    event_ts: '1515449522000016',
  }),
  app_rate_limited: {
    token: 'XXYYZZ',
    type: 'app_rate_limited',
    team_id: TEAM,
    minute_rate_limited: 1518467820,
    api_app_id: APP,
  },
  block_actions: {
    type: 'block_actions',
    user,
    api_app_id: APP,
    token: 'XXYYZZ',
    container: { type: 'message', message_ts: '1548261231.000200', channel_id: CHANNEL, is_ephemeral: false },
    trigger_id: '12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3',
    team,
    channel: { id: CHANNEL, name: 'general' },
    message: { type: 'message', ts: '1548261231.000200', text: 'Approve the deploy?' },
    response_url: 'https://hooks.slack.com/actions/T061EG9R6/1234/abcd',
    actions: [
      {
        type: 'button',
        action_id: 'approve',
        block_id: 'deploy',
        text: { type: 'plain_text', text: 'Approve', emoji: true },
        value: 'deploy-42',
        action_ts: '1548426417.840180',
      },
    ],
  },
  view_submission: {
    type: 'view_submission',
    team,
    user,
    api_app_id: APP,
    token: 'XXYYZZ',
    trigger_id: '12466734323.1395872398.a6f3c6ebe7b2ce76a3b8ba0b4e2c5e9d',
    view,
  },
  view_closed: { type: 'view_closed', team, user, api_app_id: APP, view, is_cleared: false },
  shortcut: {
    type: 'shortcut',
    token: 'XXYYZZ',
    action_ts: '1581106241.371594',
    team,
    user,
    callback_id: 'open_feedback',
    trigger_id: '944799105734.773906753841.38b5894552bdd4a780554ee59d1f3bbb',
  },
  message_action: {
    type: 'message_action',
    token: 'XXYYZZ',
    action_ts: '1581106241.371595',
    team,
    user,
    channel: { id: CHANNEL, name: 'general' },
    callback_id: 'save_message',
    trigger_id: '944799105734.773906753841.38b5894552bdd4a780554ee59d1f3bbc',
    message_ts: '1548261231.000200',
    message: { type: 'message', user: USER, ts: '1548261231.000200', text: 'Save me' },
    response_url: 'https://hooks.slack.com/app/T061EG9R6/1234/efgh',
  },
  block_suggestion: {
    type: 'block_suggestion',
    user,
    container: { type: 'view', view_id: 'V0PKB1ZFV' },
    api_app_id: APP,
    token: 'XXYYZZ',
    action_id: 'pick_service',
    block_id: 'service',
    value: 'pay',
    team,
    view,
  },
  command: {
    token: 'XXYYZZ',
    team_id: TEAM,
    team_domain: 'testteamnow',
    channel_id: CHANNEL,
    channel_name: 'general',
    user_id: USER,
    user_name: 'roadrunner',
    command: '/deploy',
    text: 'pay-api to production',
    api_app_id: APP,
    response_url: 'https://hooks.slack.com/commands/T061EG9R6/397700885554/96rGlfmibIGlgcZRskXaIFfN',
    trigger_id: '398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  },
};

/** Sent (signed) when the Request URL is saved. https://docs.slack.dev/reference/events/url_verification */
export const slackUrlVerification = {
  token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
  challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
  type: 'url_verification',
};

/** Slack's SSL certificate probe: form fields, unsigned by Slack. */
export const slackSslCheck = { ssl_check: '1', token: 'XXYYZZ' };
