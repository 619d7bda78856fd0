import { describe, expect, it } from 'vitest';
import { buildXml, MAX_XML_CHARS, parseXmlFields } from '../../../adapters/wechat-mp/xml.js';
import { sameSignature, sha1Signature, timestampVerdict } from '../../../adapters/wechat-mp/signature.js';
import { ErrorCodes, hasCode } from '../../../src/errors.js';

const refusal = (xml: string) => {
  try {
    parseXmlFields(xml);
  } catch (error) {
    return hasCode(error, ErrorCodes.WECHAT_MP_XML_INVALID) ? error.details[0] : `other: ${String(error)}`;
  }
  return 'accepted';
};

describe('WeChat XML', () => {
  it('reads the text fields of a message, CDATA or not, keeping a 64-bit MsgId exact', () => {
    const fields = parseXmlFields(
      '<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o-abc]]></FromUserName><CreateTime>1700000000</CreateTime>' +
        '<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[a<b & c]]></Content><MsgId>6054768590064713728</MsgId>' +
        '<Plain>x &amp; y</Plain><ScanCodeInfo><ScanType>qrcode</ScanType></ScanCodeInfo></xml>',
    );
    expect(fields).toEqual({
      ToUserName: 'gh_1',
      FromUserName: 'o-abc',
      CreateTime: '1700000000',
      MsgType: 'text',
      Content: 'a<b & c',
      MsgId: '6054768590064713728',
      Plain: 'x & y',
    });
  });

  it('refuses what WeChat never sends: entity declarations, huge bodies, broken or rootless XML', () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><xml><A>&lol2;</A></xml>';
    expect(refusal(laughs)).toBe('DOCTYPE or entity declaration');
    expect(refusal('<!DOCTYPE x SYSTEM "file:///etc/passwd"><xml><A>&x;</A></xml>')).toBe('DOCTYPE or entity declaration');
    expect(refusal(`<xml><A>${'a'.repeat(MAX_XML_CHARS)}</A></xml>`)).toBe('too large');
    expect(refusal('<xml><A>1</B></xml>')).toBe('unparseable');
    expect(refusal('success')).toBe('unparseable');
    expect(refusal('<other><A>1</A></other>')).toBe('no <xml> root');
    expect(refusal(`<xml>${'<a>'.repeat(20)}x${'</a>'.repeat(20)}</xml>`)).toBe('unparseable');
  });

  it('writes strings as CDATA and survives a "]]>" inside', () => {
    const xml = buildXml({ ToUserName: 'o-abc', CreateTime: 12, Content: '答:a]]>b <c> & 中文' });
    expect(xml).toMatch(/^<xml><ToUserName><!\[CDATA\[o-abc\]\]><\/ToUserName><CreateTime>12<\/CreateTime><Content>/);
    expect(parseXmlFields(xml)).toEqual({ ToUserName: 'o-abc', CreateTime: '12', Content: '答:a]]>b <c> & 中文' });
  });
});

describe('request signatures', () => {
  it('signs the sorted parts and compares case-insensitively, refusing non-strings', () => {
    const signature = sha1Signature('token', '1700000000', 'nonce');
    expect(signature).toBe(sha1Signature('nonce', 'token', '1700000000'));
    expect(signature).toMatch(/^[0-9a-f]{40}$/);
    expect(sameSignature(signature.toUpperCase(), signature)).toBe(true);
    expect(sameSignature(signature.slice(1), signature)).toBe(false);
    expect(sameSignature(['x'], signature)).toBe(false);
  });

  it('accepts timestamps up to the window behind and the skew ahead, and nothing else', () => {
    const now = 1_700_000_000_000;
    const window = { replayWindowSeconds: 300, clockSkewSeconds: 60 };
    expect(timestampVerdict('1700000000', now, window)).toBe('fresh');
    expect(timestampVerdict('1699999700', now, window)).toBe('fresh');
    expect(timestampVerdict('1699999699', now, window)).toBe('stale');
    expect(timestampVerdict('1700000060', now, window)).toBe('fresh');
    expect(timestampVerdict('1700000061', now, window)).toBe('ahead');
    expect(timestampVerdict('1700000240', now, window)).toBe('ahead');
    expect(timestampVerdict('17e8', now, window)).toBe('malformed');
    expect(timestampVerdict(undefined, now, window)).toBe('malformed');
  });
});
