import type { XmlReplyValue } from '../../body/xml-reply.js';

/**
 * A passive reply: the message WeCom shows the user in answer to theirs, written in the callback's
 * response (encrypted and signed). https://developer.work.weixin.qq.com/document/path/90241
 */
export type WecomReply =
  | { readonly type: 'text'; readonly content: string }
  | { readonly type: 'image'; readonly mediaId: string }
  | { readonly type: 'voice'; readonly mediaId: string }
  | {
      readonly type: 'video';
      readonly mediaId: string;
      readonly title?: string;
      readonly description?: string;
    }
  | { readonly type: 'news'; readonly articles: readonly WecomArticle[] };

export interface WecomArticle {
  readonly title: string;
  readonly description?: string;
  readonly url?: string;
  readonly picUrl?: string;
}

/** WeCom shows at most eight articles in a news reply. */
const MAX_ARTICLES = 8;

const isText = (value: unknown): value is string => typeof value === 'string';

/**
 * The reply's own fields (`MsgType` and what follows it) in WeCom's element names; the caller
 * adds the addressing. A TypeError for anything that is not a `WecomReply`.
 */
export function wecomReplyFields(reply: unknown): Record<string, XmlReplyValue | undefined> {
  if (typeof reply !== 'object' || reply === null) throw invalidReply();
  const value = reply as Record<string, unknown>;
  switch (value['type']) {
    case 'text':
      if (!isText(value['content'])) throw invalidReply();
      return { MsgType: 'text', Content: value['content'] };
    case 'image':
    case 'voice': {
      if (!isText(value['mediaId'])) throw invalidReply();
      const tag = value['type'] === 'image' ? 'Image' : 'Voice';
      return { MsgType: value['type'], [tag]: { MediaId: value['mediaId'] } };
    }
    case 'video':
      if (!isText(value['mediaId']) || !optionalText(value['title']) || !optionalText(value['description'])) {
        throw invalidReply();
      }
      return {
        MsgType: 'video',
        Video: { MediaId: value['mediaId'], Title: value['title'], Description: value['description'] },
      };
    case 'news':
      return newsFields(value['articles']);
    default:
      throw invalidReply();
  }
}

function newsFields(articles: unknown): Record<string, XmlReplyValue> {
  if (!Array.isArray(articles) || articles.length === 0 || articles.length > MAX_ARTICLES) {
    throw new TypeError(`wecom: a news reply carries 1 to ${MAX_ARTICLES} articles`);
  }
  const items = articles.map((article: unknown) => {
    const { title, description, url, picUrl } = (article ?? {}) as Record<string, unknown>;
    if (!isText(title) || !optionalText(description) || !optionalText(url) || !optionalText(picUrl)) {
      throw invalidReply();
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

function invalidReply(): TypeError {
  return new TypeError(
    "wecom: a reply is { type: 'text', content } | { type: 'image' | 'voice', mediaId } | { type: 'video', mediaId, title?, description? } | { type: 'news', articles }",
  );
}
