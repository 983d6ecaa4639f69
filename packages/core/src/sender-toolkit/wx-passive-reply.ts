import type { XmlReplyValue } from '../body/xml-reply.js';

/**
 * A passive reply: the message WeCom or WeChat shows the user in answer to theirs, written in the
 * callback's response (encrypted and signed where the callback was).
 * https://developer.work.weixin.qq.com/document/path/90241
 * https://developers.weixin.qq.com/doc/service/en/guide/product/message/Passive_user_reply_message.html
 */
export type WxPassiveReply =
  | { readonly type: 'text'; readonly content: string }
  | { readonly type: 'image'; readonly mediaId: string }
  | { readonly type: 'voice'; readonly mediaId: string }
  | {
      readonly type: 'video';
      readonly mediaId: string;
      readonly title?: string;
      readonly description?: string;
    }
  | { readonly type: 'news'; readonly articles: readonly WxArticle[] };

/** WeChat Official Accounts only. */
export interface WxMusicReply {
  readonly type: 'music';
  readonly title?: string;
  readonly description?: string;
  readonly musicUrl?: string;
  readonly hqMusicUrl?: string;
  readonly thumbMediaId: string;
}

export interface WxArticle {
  readonly title: string;
  readonly description?: string;
  readonly url?: string;
  readonly picUrl?: string;
}

/** Both show at most eight articles in a news reply. */
const MAX_ARTICLES = 8;

const isText = (value: unknown): value is string => typeof value === 'string';

/**
 * The reply's own fields (`MsgType` and what follows it) in the platforms' element names; the
 * caller adds the addressing. A TypeError for anything that is not a reply `sender` takes
 * (`music` is WeChat's alone).
 */
export function wxReplyFields(
  reply: unknown,
  sender: 'wecom' | 'wechat',
): Record<string, XmlReplyValue | undefined> {
  if (typeof reply !== 'object' || reply === null) throw invalidReply(sender);
  const value = reply as Record<string, unknown>;
  switch (value['type']) {
    case 'text':
      if (!isText(value['content'])) throw invalidReply(sender);
      return { MsgType: 'text', Content: value['content'] };
    case 'image':
    case 'voice': {
      if (!isText(value['mediaId'])) throw invalidReply(sender);
      const tag = value['type'] === 'image' ? 'Image' : 'Voice';
      return { MsgType: value['type'], [tag]: { MediaId: value['mediaId'] } };
    }
    case 'video':
      if (!isText(value['mediaId']) || !optionalText(value['title']) || !optionalText(value['description'])) {
        throw invalidReply(sender);
      }
      return {
        MsgType: 'video',
        Video: { MediaId: value['mediaId'], Title: value['title'], Description: value['description'] },
      };
    case 'news':
      return newsFields(value['articles'], sender);
    case 'music': {
      const { title, description, musicUrl, hqMusicUrl, thumbMediaId } = value;
      if (sender !== 'wechat' || !isText(thumbMediaId)) throw invalidReply(sender);
      if (![title, description, musicUrl, hqMusicUrl].every(optionalText)) throw invalidReply(sender);
      return {
        MsgType: 'music',
        Music: {
          Title: title as string | undefined,
          Description: description as string | undefined,
          MusicUrl: musicUrl as string | undefined,
          HQMusicUrl: hqMusicUrl as string | undefined,
          ThumbMediaId: thumbMediaId,
        },
      };
    }
    default:
      throw invalidReply(sender);
  }
}

function newsFields(articles: unknown, sender: string): Record<string, XmlReplyValue> {
  if (!Array.isArray(articles) || articles.length === 0 || articles.length > MAX_ARTICLES) {
    throw new TypeError(`${sender}: a news reply carries 1 to ${MAX_ARTICLES} articles`);
  }
  const items = articles.map((article: unknown) => {
    const { title, description, url, picUrl } = (article ?? {}) as Record<string, unknown>;
    if (!isText(title) || !optionalText(description) || !optionalText(url) || !optionalText(picUrl)) {
      throw invalidReply(sender);
    }
    const item: Record<string, string> = { Title: title };
    if (description !== undefined) item['Description'] = description;
    if (url !== undefined) item['Url'] = url;
    if (picUrl !== undefined) item['PicUrl'] = picUrl;
    return item;
  });
  return { MsgType: 'news', ArticleCount: items.length, Articles: { item: items } };
}

function optionalText(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

function invalidReply(sender: string): TypeError {
  const music = sender === 'wechat' ? " | { type: 'music', thumbMediaId, … }" : '';
  return new TypeError(
    `${sender}: a reply is { type: 'text', content } | { type: 'image' | 'voice', mediaId } | { type: 'video', mediaId, title?, description? } | { type: 'news', articles }${music}`,
  );
}
