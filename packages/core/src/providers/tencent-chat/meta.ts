/** Client platforms Tencent names in `OptPlatform` (`Mac` in the mainland docs, `macOS` in the intl ones). */
export type TencentPlatform =
  | 'RESTAPI'
  | 'Web'
  | 'Android'
  | 'iOS'
  | 'Windows'
  | 'macOS'
  | 'Mac'
  | 'iPad'
  | 'Unknown'
  | (string & {});

/** What Tencent puts in the callback URL besides the proof; on the handler context as `meta`. */
export interface TencentChatMeta {
  /** `SdkAppid` from the query. */
  readonly sdkAppId: string | undefined;
  /** `CallbackCommand` from the query (equal to the body's). */
  readonly command: string;
  /** `ClientIP`: the address of the client that caused the event. */
  readonly clientIp: string | undefined;
  /**
   * `OptPlatform`, with `State.StateChange`'s upper-case `IOS` written `iOS` as every other
   * callback writes it; the raw value stays in `context.query`.
   */
  readonly optPlatform: TencentPlatform | undefined;
  /** `RequestTime` in Unix seconds, when the callback was signed. */
  readonly requestTime: number | undefined;
}

export function tencentChatMetaOf(query: URLSearchParams, command: string): TencentChatMeta {
  const platform = query.get('OptPlatform') ?? undefined;
  const requestTime = query.get('RequestTime');
  return {
    sdkAppId: query.get('SdkAppid') ?? undefined,
    command,
    clientIp: query.get('ClientIP') ?? undefined,
    optPlatform: platform === 'IOS' ? 'iOS' : platform,
    requestTime: requestTime && /^\d+$/.test(requestTime) ? Number(requestTime) : undefined,
  };
}
