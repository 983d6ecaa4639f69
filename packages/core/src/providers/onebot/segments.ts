import { z } from 'zod';

/** OneBot ids arrive as strings from the standard and as numbers from some implementations. */
const id = z.union([z.string(), z.number()]);
const data = <T extends z.core.$ZodLooseShape>(shape: T) => z.looseObject(shape);
const empty = z.looseObject({}).nullish();
const seg = <T extends string, D extends z.ZodType>(type: T, dataSchema: D) =>
  z.looseObject({ type: z.literal(type), data: dataSchema });

/** Segment types of OneBot 11 (`message/segment.md`) and the ones NapCat adds. Unlisted data fields are kept. */
export const knownSegmentSchema = z.discriminatedUnion('type', [
  seg('text', data({ text: z.string() })),
  seg('face', data({ id })),
  seg(
    'image',
    data({ file: z.string().optional(), url: z.string().optional(), type: z.string().optional() }),
  ),
  seg('record', data({ file: z.string().optional(), url: z.string().optional() })),
  seg('video', data({ file: z.string().optional(), url: z.string().optional() })),
  seg('at', data({ qq: id, name: z.string().optional() })),
  seg('rps', empty),
  seg('dice', empty),
  seg('shake', empty),
  seg('poke', data({ type: id.optional(), id: id.optional() })),
  seg('anonymous', empty),
  seg('share', data({ url: z.string(), title: z.string().optional() })),
  seg('contact', data({ type: z.string(), id })),
  seg('location', data({ lat: id, lon: id })),
  seg('music', data({ type: z.string() })),
  seg('reply', data({ id })),
  seg('forward', data({ id: id.optional() })),
  seg('node', data({})),
  seg('xml', data({ data: z.string() })),
  seg('json', data({ data: z.union([z.string(), z.looseObject({})]) })),
  seg('mface', data({})),
  seg('markdown', data({})),
  seg('file', data({})),
  seg('miniapp', data({})),
  seg('onlinefile', data({})),
  seg('flashtransfer', data({})),
]);

/**
 * A segment of a type this version does not know is kept as is rather than failing the whole
 * message: implementations add segment types often, and a message must still reach its handler.
 */
export const otherSegmentSchema = z.looseObject({
  type: z.string(),
  data: z.record(z.string(), z.unknown()).nullish(),
});

export const segmentSchema = z.union([knownSegmentSchema, otherSegmentSchema]);

/** A message is a CQ-code string or an array of segments, as the implementation is configured. */
export const messageSchema = z.union([z.string(), z.array(segmentSchema)]);

export type KnownSegment = z.infer<typeof knownSegmentSchema>;
export type OtherSegment = z.infer<typeof otherSegmentSchema>;
export type Segment = KnownSegment | OtherSegment;
export type OneBotMessage = z.infer<typeof messageSchema>;
export type SegmentType = KnownSegment['type'];
export type SegmentOf<T extends SegmentType> = Extract<KnownSegment, { type: T }>;

/** Narrows a segment by type (a plain `seg.type === 'text'` cannot, because unknown types are kept). */
export function isSegment<T extends SegmentType>(segment: Segment, type: T): segment is SegmentOf<T> {
  return segment.type === type;
}

/** The text of a message with CQ codes and non-text segments left out. */
export function plainText(message: OneBotMessage): string {
  if (typeof message === 'string') {
    return message
      .replace(/\[CQ:[^\]]*\]/g, '')
      .replace(/&#91;/g, '[')
      .replace(/&#93;/g, ']')
      .replace(/&amp;/g, '&');
  }
  let text = '';
  for (const segment of message) if (isSegment(segment, 'text')) text += segment.data.text;
  return text;
}

/** Builders for reply segments (what OneBot implementations accept in a quick reply). */
export const segment = {
  text: (text: string) => ({ type: 'text', data: { text } }) as const,
  at: (qq: number | string | 'all') => ({ type: 'at', data: { qq: String(qq) } }) as const,
  face: (faceId: number | string) => ({ type: 'face', data: { id: String(faceId) } }) as const,
  image: (file: string) => ({ type: 'image', data: { file } }) as const,
  reply: (messageId: number | string) => ({ type: 'reply', data: { id: String(messageId) } }) as const,
  record: (file: string) => ({ type: 'record', data: { file } }) as const,
};
