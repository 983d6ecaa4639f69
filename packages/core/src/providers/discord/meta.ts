/** Delivery facts Discord sends as headers, on both URLs. */
export interface DiscordMeta {
  /** `X-Signature-Timestamp`: the Unix time in seconds that Discord signed with the body. */
  readonly timestamp: string | undefined;
}
