import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isXmlContentType, parseXml } from '../src/body/xml.js';
import { serialiseXml } from '../src/body/xml-reply.js';
import { BodyError } from '../src/errors.js';

const bytes = (text: string) => new TextEncoder().encode(text);

function refusal(text: string | Uint8Array): { status: number; code: string } | 'parsed' {
  try {
    parseXml(typeof text === 'string' ? bytes(text) : text);
    return 'parsed';
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    return { status: error.status, code: error.code };
  }
}

const INVALID = { status: 400, code: 'INVALID_XML' };

describe('parseXml', () => {
  it('keeps CDATA, whitespace and numbers exactly as sent', () => {
    const doc = parseXml(
      bytes(
        '<xml><ToUserName><![CDATA[ gh_1 ]]></ToUserName>\n<CreateTime>01409659813</CreateTime>\n' +
          '<Content><![CDATA[line one\n  line two <b>&amp;</b> ]]></Content><Score> 1.50 </Score>' +
          '<Split><![CDATA[a]]]]><![CDATA[>b]]></Split><Empty/><Amp>x &amp; y &#x4e2d;</Amp></xml>',
      ),
    );
    expect(doc).toEqual({
      root: 'xml',
      value: {
        ToUserName: ' gh_1 ',
        CreateTime: '01409659813',
        Content: 'line one\n  line two <b>&amp;</b> ',
        Score: ' 1.50 ',
        Split: 'a]]>b',
        Empty: '',
        Amp: 'x & y 中',
      },
    });
  });

  it('nests child elements and collects repeated ones into arrays', () => {
    const doc = parseXml(
      bytes(
        '<xml><SendPicsInfo><Count>2</Count><PicList><item><PicMd5Sum><![CDATA[a]]></PicMd5Sum></item>' +
          '<item><PicMd5Sum><![CDATA[b]]></PicMd5Sum></item></PicList></SendPicsInfo></xml>',
      ),
    );
    expect(doc.value).toEqual({
      SendPicsInfo: { Count: '2', PicList: { item: [{ PicMd5Sum: 'a' }, { PicMd5Sum: 'b' }] } },
    });
  });

  it('refuses a DOCTYPE with an external entity (XXE)', () => {
    expect(
      refusal(
        '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Content>&xxe;</Content></xml>',
      ),
    ).toEqual(INVALID);
  });

  it('refuses nested entity declarations ("billion laughs") before expanding any', () => {
    const lol = [
      '<!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, level) => {
        const previous = level === 0 ? 'lol' : `lol${level}`;
        return `<!ENTITY lol${level + 1} "${`&${previous};`.repeat(10)}">`;
      }),
    ].join('');
    expect(refusal(`<!DOCTYPE xml [${lol}]><xml><Content>&lol9;</Content></xml>`)).toEqual(INVALID);
    expect(refusal('<!doctype xml><xml/>')).toEqual(INVALID);
  });

  it('refuses undeclared entities, text beside elements, and what is not XML', () => {
    expect(refusal('<xml><Content>&nbsp;</Content></xml>')).toEqual(INVALID);
    expect(refusal('<xml>text<Content>a</Content></xml>')).toEqual(INVALID);
    expect(refusal('<xml><Content>a</Content>')).toEqual(INVALID);
    expect(refusal('<xml></xml><xml></xml>')).toEqual(INVALID);
    expect(refusal('{"encrypt":"x"}')).toEqual(INVALID);
    expect(refusal('')).toEqual(INVALID);
    expect(refusal(new Uint8Array([0x3c, 0x78, 0x3e, 0xff, 0x3c, 0x2f, 0x78, 0x3e]))).toEqual(INVALID);
    expect(refusal('<xml><__proto__>x</__proto__></xml>')).toEqual(INVALID);
    expect(refusal(`${'<a>'.repeat(40)}${'</a>'.repeat(40)}`)).toEqual(INVALID);
    expect(refusal('<xml><?php echo 1 ?></xml>')).toEqual(INVALID);
  });

  it('never throws anything but a 400 on arbitrary bytes and text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.string({ maxLength: 300 }).map(bytes),
          fc.string({ maxLength: 60 }).map((inner) => bytes(`<xml><A>${inner}</A></xml>`)),
        ),
        (input) => {
          const outcome = refusal(input);
          return outcome === 'parsed' || (outcome.status === 400 && outcome.code === 'INVALID_XML');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('knows the XML content types', () => {
    expect(isXmlContentType('text/xml')).toBe(true);
    expect(isXmlContentType('text/xml; charset=utf-8')).toBe(true);
    expect(isXmlContentType('Application/XML')).toBe(true);
    expect(isXmlContentType('application/json')).toBe(false);
    expect(isXmlContentType(undefined)).toBe(false);
  });
});

describe('serialiseXml', () => {
  it('writes text in CDATA, numbers bare, objects nested and arrays repeated', () => {
    expect(
      serialiseXml('xml', {
        ToUserName: 'u',
        CreateTime: 1700000000,
        MsgType: 'news',
        Articles: { item: [{ Title: 'a' }, { Title: 'b', Url: undefined }] },
      }),
    ).toBe(
      '<xml><ToUserName><![CDATA[u]]></ToUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[news]]></MsgType>' +
        '<Articles><item><Title><![CDATA[a]]></Title></item><item><Title><![CDATA[b]]></Title></item></Articles></xml>',
    );
  });

  it('splits "]]>" inside a text so it reads back unchanged', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(']', '>', '<', '&', 'a', '\n', ' ', '中', '[') }),
        (text) => {
          const read = parseXml(bytes(serialiseXml('xml', { Content: text }))).value as { Content: string };
          return read.Content === text;
        },
      ),
    );
    expect(serialiseXml('xml', { Content: 'a]]>b' })).toBe(
      '<xml><Content><![CDATA[a]]]]><![CDATA[>b]]></Content></xml>',
    );
  });

  it('refuses names and values XML cannot carry', () => {
    expect(() => serialiseXml('xml', { 'a b': 'x' })).toThrow(TypeError);
    expect(() => serialiseXml('xml', { A: 'bell\u0007' })).toThrow(TypeError);
    expect(() => serialiseXml('xml', { A: Number.NaN })).toThrow(TypeError);
  });
});
