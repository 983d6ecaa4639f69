import type { DiscordInteractionName } from './events.js';

/**
 * The interaction responses a handler returns, one interface per response type
 * (https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction).
 * PONG (1) is the provider's answer to PING and no handler's to give.
 */

/** Message flags a response may set (Discord refuses every other bit in an interaction response). */
// Written as literals, not `1 << 6`: a shift is typed `number`, and the deferred response's
// `flags?: 0 | 64` must stay a literal type for the compiler to refuse other flags there.
export const DiscordMessageFlags = {
  /** 1 << 2 */
  SUPPRESS_EMBEDS: 4,
  /** 1 << 6: only the user who interacted sees the message. */
  EPHEMERAL: 64,
  /** 1 << 12 */
  SUPPRESS_NOTIFICATIONS: 4096,
  /** 1 << 15: the message is built from components only (no content or embeds). */
  IS_COMPONENTS_V2: 32768,
} as const;

/** The body of a message response; fields hookguard does not model pass through as written. */
export interface DiscordMessageData {
  readonly content?: string;
  readonly tts?: boolean;
  readonly embeds?: readonly unknown[];
  readonly allowed_mentions?: unknown;
  /** `DiscordMessageFlags` combined: EPHEMERAL, SUPPRESS_EMBEDS, SUPPRESS_NOTIFICATIONS, IS_COMPONENTS_V2. */
  readonly flags?: number;
  readonly components?: readonly unknown[];
  readonly attachments?: readonly unknown[];
  readonly poll?: unknown;
  readonly [field: string]: unknown;
}

/** 4: answer with a message. */
export interface DiscordChannelMessage {
  readonly type: 4;
  readonly data: DiscordMessageData;
}
/** 5: "<app> is thinking…"; the real message follows with the interaction token. Only EPHEMERAL is valid. */
export interface DiscordDeferredChannelMessage {
  readonly type: 5;
  readonly data?: { readonly flags?: 0 | typeof DiscordMessageFlags.EPHEMERAL };
}
/** 6: acknowledge a component and edit its message later; the user sees no loading state. */
export interface DiscordDeferredUpdateMessage {
  readonly type: 6;
}
/** 7: edit the message the component is on. */
export interface DiscordUpdateMessage {
  readonly type: 7;
  readonly data?: DiscordMessageData;
}
export interface DiscordChoice {
  readonly name: string;
  readonly name_localizations?: Readonly<Record<string, string>> | null;
  readonly value: string | number;
}
/** 8: the suggestions for an autocomplete interaction (at most 25). */
export interface DiscordAutocompleteResult {
  readonly type: 8;
  readonly data: { readonly choices: readonly DiscordChoice[] };
}
/** 9: open a modal (a popup form). */
export interface DiscordModal {
  readonly type: 9;
  readonly data: {
    readonly custom_id: string;
    readonly title: string;
    readonly components: readonly unknown[];
  };
}
/** 12: launch the app's Activity (apps with Activities enabled). */
export interface DiscordLaunchActivity {
  readonly type: 12;
}

export type DiscordInteractionResponse =
  | DiscordChannelMessage
  | DiscordDeferredChannelMessage
  | DiscordDeferredUpdateMessage
  | DiscordUpdateMessage
  | DiscordAutocompleteResult
  | DiscordModal
  | DiscordLaunchActivity;

/** What a command may answer; 6 and 7 act on a component's message, which a command has none of. */
export type DiscordCommandResponse =
  | DiscordChannelMessage
  | DiscordDeferredChannelMessage
  | DiscordModal
  | DiscordLaunchActivity;
export type DiscordComponentResponse =
  | DiscordCommandResponse
  | DiscordDeferredUpdateMessage
  | DiscordUpdateMessage;
/**
 * A modal cannot answer a modal. 6 and 7 need the component the modal was opened from: a modal
 * opened by a command has none, and such a reply is refused at run time (500 INVALID_REPLY).
 */
export type DiscordModalSubmitResponse =
  | DiscordChannelMessage
  | DiscordDeferredChannelMessage
  | DiscordDeferredUpdateMessage
  | DiscordUpdateMessage
  | DiscordLaunchActivity;

/** The response types an interaction of each name may take. */
export type DiscordResponseFor<N extends DiscordInteractionName> = N extends 'application_command'
  ? DiscordCommandResponse
  : N extends 'message_component'
    ? DiscordComponentResponse
    : N extends 'application_command_autocomplete'
      ? DiscordAutocompleteResult
      : N extends 'modal_submit'
        ? DiscordModalSubmitResponse
        : never;

/** Builders for the responses, so a handler reads as what it does. */
export const discordReply = {
  /** 4: a message; `content` alone or the whole message body. */
  message(
    content: string | DiscordMessageData,
    options: { ephemeral?: boolean } = {},
  ): DiscordChannelMessage {
    const data = typeof content === 'string' ? { content } : content;
    if (!options.ephemeral) return { type: 4, data };
    return { type: 4, data: { ...data, flags: (data.flags ?? 0) | DiscordMessageFlags.EPHEMERAL } };
  },
  /** 5: "thinking…"; follow up with the interaction token within 15 minutes. */
  deferred(options: { ephemeral?: boolean } = {}): DiscordDeferredChannelMessage {
    return options.ephemeral ? { type: 5, data: { flags: DiscordMessageFlags.EPHEMERAL } } : { type: 5 };
  },
  /** 6: acknowledge a component; edit its message later. */
  deferUpdate(): DiscordDeferredUpdateMessage {
    return { type: 6 };
  },
  /** 7: edit the component's message now. */
  update(data: DiscordMessageData): DiscordUpdateMessage {
    return { type: 7, data };
  },
  /** 8: autocomplete suggestions. */
  choices(choices: readonly DiscordChoice[]): DiscordAutocompleteResult {
    return { type: 8, data: { choices } };
  },
  /** 9: open a modal. */
  modal(data: DiscordModal['data']): DiscordModal {
    return { type: 9, data };
  },
  /** 12: launch the app's Activity. */
  launchActivity(): DiscordLaunchActivity {
    return { type: 12 };
  },
} as const;
