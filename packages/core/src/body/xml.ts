// sax (isaacs/sax-js): a small, dependency-free XML tokenizer that has been maintained for over a
// decade and works on every Node version; it expands no DTD of its own, and its events let this
// file refuse a DOCTYPE outright and keep CDATA and whitespace exactly as sent. A tree-building
// library (fast-xml-parser, xml2js) would bring more dependencies and more options to get wrong
// (number coercion, trimming, entity expansion) for the flat documents these senders post.
import sax from 'sax';
import { BodyError } from '../errors.js';

/** An element's text (CDATA and character data joined as sent), its children, or a repeated child. */
export type XmlValue = string | XmlElement | XmlValue[];
export interface XmlElement {
  [name: string]: XmlValue;
}

/** A parsed document: the root element's name and its content. */
export interface XmlDocument {
  readonly root: string;
  readonly value: XmlValue;
}

/** The senders' documents are two or three levels deep (news items, picture lists). */
const MAX_DEPTH = 16;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** `text/xml`, `application/xml` and `+xml` types; the XML senders always send one of these. */
export function isXmlContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const media = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return media === 'text/xml' || media === 'application/xml' || media.endsWith('+xml');
}

interface Open {
  readonly name: string;
  text: string;
  children: XmlElement | undefined;
}

/**
 * Parses the XML the Chinese work platforms post (`<xml><ToUserName><![CDATA[…]]></ToUserName>…`)
 * into plain values: every leaf is its text exactly as sent (no trimming, numbers stay text, CDATA
 * kept byte for byte), an element with children is an object, a repeated child an array.
 * Attributes are not read: these senders use none. A DOCTYPE (and so any entity declaration:
 * XXE, "billion laughs"), any entity but XML's five, and text beside child elements are refused
 * with 400 `INVALID_XML`; so is anything sax's strict mode refuses.
 */
export function parseXml(bytes: Uint8Array, subject = 'Request body'): XmlDocument {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw invalid(`${subject} is not valid UTF-8`);
  }
  const parser = sax.parser(true, { trim: false, normalize: false, strictEntities: true } as sax.SAXOptions);
  const stack: Open[] = [];
  let document: XmlDocument | undefined;
  parser.ondoctype = () => {
    throw invalid(`${subject} has a DOCTYPE; these senders never send one`);
  };
  parser.onsgmldeclaration = () => {
    throw invalid(`${subject} has a markup declaration; these senders never send one`);
  };
  parser.onprocessinginstruction = (instruction) => {
    if (instruction.name !== 'xml' || stack.length > 0)
      throw invalid(`${subject} has a processing instruction`);
  };
  parser.onopentag = (tag) => {
    if (tag.name === '__proto__') throw invalid(`${subject} has an element named __proto__`);
    if (document !== undefined) throw invalid(`${subject} has more than one root element`);
    if (stack.length >= MAX_DEPTH) throw invalid(`${subject} nests deeper than ${MAX_DEPTH} levels`);
    stack.push({ name: tag.name, text: '', children: undefined });
  };
  const onText = (chunk: string) => {
    const open = stack.at(-1);
    if (open !== undefined) open.text += chunk;
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  parser.onclosetag = () => {
    const open = stack.pop()!;
    const value = elementValue(open, subject);
    const parent = stack.at(-1);
    if (parent === undefined) {
      document = { root: open.name, value };
      return;
    }
    parent.children ??= {};
    const existing = Object.hasOwn(parent.children, open.name) ? parent.children[open.name] : undefined;
    if (existing === undefined) parent.children[open.name] = value;
    // Only repeated children make arrays: a leaf is text and an element with children an object.
    else if (Array.isArray(existing)) existing.push(value);
    else parent.children[open.name] = [existing, value];
  };
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof BodyError) throw error;
    throw invalid(`${subject} is not well-formed XML`);
  }
  if (document === undefined) throw invalid(`${subject} has no root element`);
  return document;
}

function elementValue(open: Open, subject: string): XmlValue {
  if (open.children === undefined) return open.text;
  // The whitespace that pretty-printing puts between child elements is not content.
  if (open.text.trim() !== '') throw invalid(`${subject} mixes text and elements in <${open.name}>`);
  return open.children;
}

function invalid(message: string): BodyError {
  return new BodyError(400, 'INVALID_XML', message);
}
