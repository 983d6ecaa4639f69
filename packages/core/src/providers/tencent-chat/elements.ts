import { z } from 'zod';

/**
 * `MsgBody` items of Tencent Cloud Chat (message format description, intl doc 1047/33527):
 * `{ MsgType, MsgContent }`. Unlisted content fields are kept.
 */
const elem = <T extends string, S extends z.core.$ZodLooseShape>(type: T, content: S) =>
  z.looseObject({ MsgType: z.literal(type), MsgContent: z.looseObject(content) });

/** A forwarded message inside a combined (`TIMRelayElem`) message; its own body is kept loosely typed. */
const relayedMessage = z.looseObject({
  From_Account: z.string().optional(),
  To_Account: z.string().optional(),
  GroupId: z.string().optional(),
  MsgSeq: z.number().optional(),
  MsgRandom: z.number().optional(),
  MsgTimeStamp: z.number().optional(),
  MsgBody: z.array(z.looseObject({ MsgType: z.string(), MsgContent: z.unknown() })).optional(),
  CloudCustomData: z.string().optional(),
});

export const knownMsgElementSchema = z.discriminatedUnion('MsgType', [
  elem('TIMTextElem', { Text: z.string() }),
  elem('TIMLocationElem', { Desc: z.string().optional(), Latitude: z.number(), Longitude: z.number() }),
  elem('TIMFaceElem', { Index: z.number(), Data: z.string().optional() }),
  elem('TIMCustomElem', {
    Data: z.string().optional(),
    Desc: z.string().optional(),
    Ext: z.string().optional(),
    Sound: z.string().optional(),
  }),
  // SDK 2.x/3.x senders give only UUID, Size and Second; newer ones add Url and Download_Flag.
  elem('TIMSoundElem', {
    Url: z.string().optional(),
    UUID: z.string().optional(),
    Size: z.number().optional(),
    Second: z.number().optional(),
    Download_Flag: z.number().optional(),
  }),
  elem('TIMImageElem', {
    UUID: z.string().optional(),
    /** JPG = 1, GIF = 2, PNG = 3, BMP = 4, other = 255. */
    ImageFormat: z.number().optional(),
    ImageInfoArray: z.array(
      z.looseObject({
        /** 1 original, 2 large, 3 thumbnail. */
        Type: z.number(),
        Size: z.number().optional(),
        Width: z.number().optional(),
        Height: z.number().optional(),
        URL: z.string().optional(),
      }),
    ),
  }),
  elem('TIMFileElem', {
    Url: z.string().optional(),
    UUID: z.string().optional(),
    FileSize: z.number().optional(),
    FileName: z.string().optional(),
    Download_Flag: z.number().optional(),
  }),
  elem('TIMVideoFileElem', {
    VideoUrl: z.string().optional(),
    VideoUUID: z.string().optional(),
    VideoSize: z.number().optional(),
    VideoSecond: z.number().optional(),
    VideoFormat: z.string().optional(),
    VideoDownloadFlag: z.number().optional(),
    ThumbUrl: z.string().optional(),
    ThumbUUID: z.string().optional(),
    ThumbSize: z.number().optional(),
    ThumbWidth: z.number().optional(),
    ThumbHeight: z.number().optional(),
    ThumbFormat: z.string().optional(),
    ThumbDownloadFlag: z.number().optional(),
  }),
  // A combined message carries its messages inline, or a JsonMsgKey when they exceed 12 KB.
  elem('TIMRelayElem', {
    Title: z.string().optional(),
    MsgNum: z.number().optional(),
    CompatibleText: z.string().optional(),
    AbstractList: z.array(z.string()).optional(),
    MsgList: z.array(relayedMessage).optional(),
    JsonMsgKey: z.string().optional(),
  }),
]);

/**
 * An element of a type this version does not know is kept as is rather than failing the whole
 * callback: Tencent adds element types, and a message must still reach its handler.
 */
export const otherMsgElementSchema = z.looseObject({
  MsgType: z.string(),
  MsgContent: z.record(z.string(), z.unknown()),
});

export const msgElementSchema = z.union([knownMsgElementSchema, otherMsgElementSchema]);
export const msgBodySchema = z.array(msgElementSchema);

export type KnownMsgElement = z.infer<typeof knownMsgElementSchema>;
export type OtherMsgElement = z.infer<typeof otherMsgElementSchema>;
export type TencentMsgElement = KnownMsgElement | OtherMsgElement;
export type MsgElementType = KnownMsgElement['MsgType'];
export type MsgElementOf<T extends MsgElementType> = Extract<KnownMsgElement, { MsgType: T }>;

/** Narrows an element by type (a plain `el.MsgType === 'TIMTextElem'` cannot, because unknown types are kept). */
export function isMsgElement<T extends MsgElementType>(
  element: TencentMsgElement,
  type: T,
): element is MsgElementOf<T> {
  return element.MsgType === type;
}

/** The text of a message body, non-text elements left out. */
export function msgText(body: readonly TencentMsgElement[]): string {
  let text = '';
  for (const element of body) if (isMsgElement(element, 'TIMTextElem')) text += element.MsgContent.Text;
  return text;
}
