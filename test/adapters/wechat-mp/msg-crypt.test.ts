import { describe, expect, it } from 'vitest';
import { aesKeyOf, createMsgCrypt } from '../../../adapters/wechat-mp/msg-crypt.js';
import { parseXmlFields } from '../../../adapters/wechat-mp/xml.js';
import { sha1Signature } from '../../../adapters/wechat-mp/signature.js';
import { ErrorCodes, hasCode } from '../../../src/errors.js';

/** WeChat's published WXBizMsgCrypt sample (Sample.cs / Sample.py): a request in safe mode. */
const SAMPLE = {
  token: 'QDG6eK',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  appId: 'wx5823bf96d3bd56c7',
  msgSignature: '477715d11cdb4164915debcba66cb864d751f3e6',
  timestamp: '1409659813',
  nonce: '1372623149',
  encrypt:
    'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==',
};

/** WeChat's Java sample test (WXBizMsgCryptTest): encryption with a fixed random prefix. */
const JAVA = {
  token: 'pamtest',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appId: 'wxb11529c136998cb6',
  random: 'aaaabbbbccccdddd',
  reply: '我是中文abcd123',
  encrypted: 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==',
  reply2:
    '<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>',
  encrypted2:
    'jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb',
};

const thrown = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('message encryption: WeChat sample vectors', () => {
  const sample = createMsgCrypt(SAMPLE);

  it('accepts the sample msg_signature and rejects any change to what it signs', () => {
    expect(sha1Signature(SAMPLE.token, SAMPLE.timestamp, SAMPLE.nonce, SAMPLE.encrypt)).toBe(SAMPLE.msgSignature);
    expect(sample.verify(SAMPLE.msgSignature, SAMPLE.timestamp, SAMPLE.nonce, SAMPLE.encrypt)).toBe(true);
    expect(sample.verify(SAMPLE.msgSignature.toUpperCase(), SAMPLE.timestamp, SAMPLE.nonce, SAMPLE.encrypt)).toBe(true);
    expect(sample.verify(SAMPLE.msgSignature, '1409659814', SAMPLE.nonce, SAMPLE.encrypt)).toBe(false);
    expect(sample.verify(SAMPLE.msgSignature, SAMPLE.timestamp, SAMPLE.nonce, `A${SAMPLE.encrypt.slice(1)}`)).toBe(false);
    expect(sample.verify(undefined, SAMPLE.timestamp, SAMPLE.nonce, SAMPLE.encrypt)).toBe(false);
  });

  it('decrypts the sample request to a text message for the sample AppID', () => {
    const fields = parseXmlFields(sample.decrypt(SAMPLE.encrypt));
    expect(fields).toMatchObject({ ToUserName: 'wx5823bf96d3bd56c7', MsgType: 'text', Content: 'hello', CreateTime: '1409659813' });
    expect(fields.MsgId).toBe('4561255354251345929');
  });

  it('encrypts exactly as the Java sample does, given its random prefix', () => {
    const java = createMsgCrypt(JAVA);
    expect(java.encrypt(JAVA.reply, Buffer.from(JAVA.random))).toBe(JAVA.encrypted);
    expect(java.encrypt(JAVA.reply2, Buffer.from(JAVA.random))).toBe(JAVA.encrypted2);
    expect(java.decrypt(JAVA.encrypted2)).toBe(JAVA.reply2);
  });

  it('refuses a message encrypted for another AppID', () => {
    const other = createMsgCrypt({ ...SAMPLE, appId: 'wx0000000000000000' });
    expect(hasCode(thrown(() => other.decrypt(SAMPLE.encrypt)), ErrorCodes.WECHAT_MP_APPID_MISMATCH)).toBe(true);
  });
});

describe('message encryption: round trips and damage', () => {
  const crypt = createMsgCrypt(SAMPLE);

  it('round-trips texts of every padding length, Chinese and emoji included', () => {
    for (let length = 0; length <= 70; length += 1) {
      const text = Array.from('曲江法律援助😀a'.repeat(10)).slice(0, length).join('');
      const encrypted = crypt.encrypt(text);
      expect(Buffer.from(encrypted, 'base64').length % 32).toBe(0);
      expect(crypt.decrypt(encrypted)).toBe(text);
    }
  });

  it('uses a fresh random prefix each time', () => {
    expect(crypt.encrypt('同一句话')).not.toBe(crypt.encrypt('同一句话'));
  });

  it('names what failed for damaged ciphertext', () => {
    expect(hasCode(thrown(() => crypt.decrypt('not base64!')), ErrorCodes.WECHAT_MP_DECRYPT_FAILED)).toBe(true);
    expect(hasCode(thrown(() => crypt.decrypt(Buffer.alloc(20).toString('base64'))), ErrorCodes.WECHAT_MP_DECRYPT_FAILED)).toBe(true);
    const wrongKey = createMsgCrypt({ ...SAMPLE, encodingAesKey: JAVA.encodingAesKey });
    const error = thrown(() => wrongKey.decrypt(SAMPLE.encrypt));
    expect(hasCode(error, ErrorCodes.WECHAT_MP_DECRYPT_FAILED) || hasCode(error, ErrorCodes.WECHAT_MP_APPID_MISMATCH)).toBe(true);
  });

  it('derives the 32-byte key from the 43-character EncodingAESKey and rejects others', () => {
    expect(aesKeyOf(SAMPLE.encodingAesKey)).toHaveLength(32);
    expect(hasCode(thrown(() => aesKeyOf('short')), ErrorCodes.CONFIG_INVALID)).toBe(true);
  });
});
