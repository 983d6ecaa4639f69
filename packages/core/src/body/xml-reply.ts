/**
 * A reply document's fields: text goes in CDATA (as the platforms' own samples write `MsgType`,
 * `Content`, `MediaId`), numbers as bare text (`CreateTime`, `ArticleCount`), objects as nested
 * elements and arrays as repeated ones (a news reply's `<Articles><item>…</item></Articles>`).
 */
export type XmlReplyValue =
  | string
  | number
  | readonly XmlReplyValue[]
  | { readonly [name: string]: XmlReplyValue | undefined };

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * `<root>…</root>` from plain values, for the passive replies WeCom and WeChat read. `]]>`
 * inside a text cannot end its CDATA early: it is split across two sections, which a reader
 * joins back into the same text. Undefined fields are left out.
 */
export function serialiseXml(root: string, value: XmlReplyValue): string {
  return element(root, value);
}

function element(name: string, value: XmlReplyValue): string {
  if (!NAME.test(name))
    throw new TypeError(`An XML reply cannot have an element named ${JSON.stringify(name)}`);
  if (typeof value === 'string') return `<${name}>${cdata(value)}</${name}>`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`An XML reply's <${name}> must be a finite number`);
    return `<${name}>${value}</${name}>`;
  }
  if (Array.isArray(value))
    return (value as readonly XmlReplyValue[]).map((item) => element(name, item)).join('');
  if (typeof value === 'object' && value !== null) {
    let inner = '';
    for (const [child, childValue] of Object.entries(value)) {
      if (childValue !== undefined) inner += element(child, childValue);
    }
    return `<${name}>${inner}</${name}>`;
  }
  throw new TypeError(`An XML reply's <${name}> must be text, a number, an object or an array`);
}

// XML 1.0 has no way to write these characters at all, even escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters refused
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function cdata(text: string): string {
  if (NOT_XML.test(text)) throw new TypeError('An XML reply cannot carry control characters');
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
