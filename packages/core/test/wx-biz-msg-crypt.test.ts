import { createCipheriv, createDecipheriv } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wxBizMsgCrypt } from '../src/sender-toolkit/wx-biz-msg-crypt.js';

/**
 * The official sample values of the WXBizMsgCrypt libraries (WeCom's "加解密库" samples, WeChat's
 * message encryption samples and DingTalk's DingTalk-Callback-Crypto), recomputed here.
 * https://developer.work.weixin.qq.com/document/path/90307
 * https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/Message_encryption_and_decryption.html
 * https://github.com/open-dingtalk/DingTalk-Callback-Crypto
 */
const WECOM = {
  token: 'QDG6eK',
  encodingAESKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  receiveId: 'wx5823bf96d3bd56c7',
  label: 'test',
};
const WECOM_ECHOSTR =
  'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==';
const WECOM_ENCRYPT =
  'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==';
const WECOM_XML =
  '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>';

const wecom = wxBizMsgCrypt(WECOM);

/** The raw AES plaintext, for looking at the padding the sender chose. */
function rawPlain(encodingAESKey: string, encrypt: string): Buffer {
  const key = Buffer.from(`${encodingAESKey}=`, 'base64');
  const aes = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([aes.update(Buffer.from(encrypt, 'base64')), aes.final()]);
}

/** Encrypts arbitrary plaintext bytes with the WeCom sample key, for hand-made bad paddings. */
function rawEncrypt(plain: Buffer): string {
  const key = Buffer.from(`${WECOM.encodingAESKey}=`, 'base64');
  const aes = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([aes.update(plain), aes.final()]).toString('base64');
}

/** A well-framed plaintext for `message` and `receiveId`, with `padding` appended as given. */
function framed(message: string, receiveId: string, padding: Buffer): Buffer {
  const text = Buffer.from(message);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(text.byteLength);
  return Buffer.concat([Buffer.alloc(16, 7), length, text, Buffer.from(receiveId), padding]);
}

describe('the WXBizMsgCrypt envelope against the official samples', () => {
  it("WeCom's VerifyURL: the signature over the echostr and its plaintext", () => {
    const parts = { timestamp: '1409659589', nonce: '263014780', encrypt: WECOM_ECHOSTR };
    expect(wecom.signature(parts)).toBe('5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3');
    expect(wecom.signatureMatches('5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3', parts)).toBe(true);
    expect(wecom.decrypt(WECOM_ECHOSTR)).toEqual({ ok: true, message: '1616140317555161061' });
    expect(rawPlain(WECOM.encodingAESKey, WECOM_ECHOSTR).at(-1)).toBe(7);
  });

  it("WeCom's DecryptMsg: a pad of 30 bytes, which OpenSSL's own padding refuses", () => {
    const parts = { timestamp: '1409659813', nonce: '1372623149', encrypt: WECOM_ENCRYPT };
    expect(wecom.signature(parts)).toBe('477715d11cdb4164915debcba66cb864d751f3e6');
    expect(wecom.decrypt(WECOM_ENCRYPT)).toEqual({ ok: true, message: WECOM_XML });
    expect(rawPlain(WECOM.encodingAESKey, WECOM_ENCRYPT).at(-1)).toBe(30);
    const key = Buffer.from(`${WECOM.encodingAESKey}=`, 'base64');
    const openssl = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    openssl.update(Buffer.from(WECOM_ENCRYPT, 'base64'));
    expect(() => openssl.final()).toThrow();
  });

  it("WeChat's encrypt sample with a fixed random", () => {
    const wechat = wxBizMsgCrypt({
      token: 'pamtest',
      encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
      receiveId: 'wxb11529c136998cb6',
      label: 'test',
    });
    expect(wechat.encrypt('我是中文abcd123', Buffer.from('aaaabbbbccccdddd'))).toBe(
      'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==',
    );
  });

  it('the open platform reply sample: a fixed random, then the signature over it', () => {
    const platform = wxBizMsgCrypt({
      token: 'AAAAA',
      encodingAESKey: 'A'.repeat(43),
      receiveId: 'wx134c8103faa5a59e',
      label: 'test',
    });
    const sealed = platform.seal('<xml><demo_resp>[CDATA[good luck]]</demo_resp></xml>', {
      now: 0,
      random: Buffer.from('999951349e8ee746'),
      timestamp: '1713424427',
      nonce: '415670741',
    });
    expect(sealed).toEqual({
      timestamp: '1713424427',
      nonce: '415670741',
      encrypt:
        'hE8R6mGXHkJJjU72KxzKUd1GEkKJaEZq7vRL8XgK3o+00k8JGq6+pZJUIlTSyhsX+bxIBQ72g3GyvDdIZcr6+3HAZbSvPT9t/o11MI7d6WELwqrGd7jMnV0zv3Zc9Nq7',
      signature: '03e0812039325c2712ef5f0f980fd14c70d6e307',
    });
  });

  it("DingTalk's check_url sample: a pad of 31 bytes and the AppKey as receive id", () => {
    const dingtalk = wxBizMsgCrypt({
      token: 'mryue',
      encodingAESKey: 'Yue0EfdN5900c1ce5cf6A152c63DDe1808a60c5ecd7',
      receiveId: 'ding6ccabc44d2c8d38b',
      label: 'test',
    });
    const encrypt =
      '0vJiX6vliEpwG3U45CtXqi+m8PXbQRARJ8p8BbDuD1EMTDf0jKpQ79QS93qEk7XHpP6u+oTTrd15NRPvNvmBKyDCYxxOK+HZeKju4yhELOFchzNukR+t8SB/qk4ROMu3';
    expect(dingtalk.signature({ timestamp: '1608001896814', nonce: 'WL4PK6yA', encrypt })).toBe(
      '03044561471240d4a14bb09372dfcfd4fd0e40cb',
    );
    expect(dingtalk.decrypt(encrypt)).toEqual({ ok: true, message: '{"EventType":"check_url"}' });
  });
});

describe('the WXBizMsgCrypt envelope, padding and framing', () => {
  it('round-trips every padding length 1..32, and pads to whole 32-byte blocks', () => {
    const seen = new Set<number>();
    for (let size = 0; size < 32; size++) {
      const message = 'x'.repeat(size);
      const encrypt = wecom.encrypt(message);
      const plain = rawPlain(WECOM.encodingAESKey, encrypt);
      expect(plain.byteLength % 32).toBe(0);
      seen.add(plain.at(-1)!);
      expect(wecom.decrypt(encrypt)).toEqual({ ok: true, message });
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 32 }, (_, index) => index + 1));
  });

  it('uses fresh random bytes, timestamp and nonce for each reply, and signs what it sends', () => {
    const one = wecom.seal('<xml/>', { now: 1_700_000_000_123 });
    const two = wecom.seal('<xml/>', { now: 1_700_000_000_123 });
    expect(one.encrypt).not.toBe(two.encrypt);
    expect(one.timestamp).toBe('1700000000');
    expect(one.nonce).toMatch(/^\d{10}$/);
    expect(wecom.signatureMatches(one.signature, one)).toBe(true);
    expect(wecom.decrypt(one.encrypt)).toEqual({ ok: true, message: '<xml/>' });
  });

  it.each([
    ['a pad byte of 0', Buffer.concat([Buffer.alloc(10, 1), Buffer.from([0])])],
    ['a pad byte of 33', Buffer.alloc(33, 33)],
    ['pad bytes that disagree', Buffer.concat([Buffer.from([4, 4, 5]), Buffer.from([4])])],
  ])('refuses %s with 400 DECRYPTION_FAILED', (_name, tail) => {
    const body = framed('hello', WECOM.receiveId, Buffer.alloc(0));
    const filler = Buffer.alloc((32 - ((body.byteLength + tail.byteLength) % 32)) % 32, 0x41);
    const outcome = wecom.decrypt(rawEncrypt(Buffer.concat([body, filler, tail])));
    expect(!outcome.ok && [outcome.error.status, outcome.error.code]).toEqual([400, 'DECRYPTION_FAILED']);
  });

  it('refuses a length that runs past the message, and ciphertext that is not whole blocks', () => {
    const plain = framed('hello', WECOM.receiveId, Buffer.alloc(0));
    plain.writeUInt32BE(1000, 16);
    const pad = 32 - (plain.byteLength % 32);
    const long = wecom.decrypt(rawEncrypt(Buffer.concat([plain, Buffer.alloc(pad, pad)])));
    expect(!long.ok && long.error.code).toBe('DECRYPTION_FAILED');
    for (const text of ['', 'AAAA', Buffer.alloc(40).toString('base64'), `${WECOM_ENCRYPT} `, '%%%%']) {
      const outcome = wecom.decrypt(text);
      expect(!outcome.ok && outcome.error.code).toBe('DECRYPTION_FAILED');
    }
  });

  it('refuses a message for another receive id with 401 SENDER_MISMATCH', () => {
    const other = wxBizMsgCrypt({ ...WECOM, receiveId: 'wwanothercorp' });
    const outcome = wecom.decrypt(other.encrypt('hello'));
    expect(!outcome.ok && [outcome.error.status, outcome.error.code]).toEqual([401, 'SENDER_MISMATCH']);
    const empty = wxBizMsgCrypt({ ...WECOM, receiveId: '' });
    expect(empty.decrypt(empty.encrypt('hi'))).toEqual({ ok: true, message: 'hi' });
    expect(empty.decrypt(wecom.encrypt('hi')).ok).toBe(false);
  });

  it('compares signatures exactly: wrong, short, upper-case-equal and non-hex', () => {
    const parts = { timestamp: '1409659589', nonce: '263014780', encrypt: WECOM_ECHOSTR };
    expect(wecom.signatureMatches('5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd4', parts)).toBe(false);
    expect(wecom.signatureMatches('5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd', parts)).toBe(false);
    expect(wecom.signatureMatches('5C45FF5E21C57E6AD56BAC8758B79B1D9AC89FD3', parts)).toBe(true);
    expect(wecom.signatureMatches('z'.repeat(40), parts)).toBe(false);
  });

  it('never throws on any text given as ciphertext', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('base64')),
          fc
            .uint8Array({ minLength: 1, maxLength: 12 })
            .map((bytes) =>
              rawEncrypt(Buffer.concat([Buffer.from(bytes), Buffer.alloc(64 - bytes.length, 1)])),
            ),
        ),
        (text) => {
          const outcome = wecom.decrypt(text);
          return outcome.ok || outcome.error.status === 400 || outcome.error.status === 401;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('validates the configuration at construction', () => {
    expect(() => wxBizMsgCrypt({ ...WECOM, encodingAESKey: 'short' })).toThrow(/43/);
    expect(() => wxBizMsgCrypt({ ...WECOM, encodingAESKey: `${WECOM.encodingAESKey}=` })).toThrow(/43/);
    expect(() => wxBizMsgCrypt({ ...WECOM, token: '' })).toThrow(/token/);
  });
});
