/**
 * WeChat's XML, read and written with fast-xml-parser. Incoming XML is bounded: a size cap,
 * no DOCTYPE (so no entity definitions, internal or external; the parser never fetches
 * anything anyway), bounded entity expansion and nesting, and every value kept as a string
 * (a MsgId does not fit in a JavaScript number).
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { BotError, ErrorCodes } from '../../src/errors.js';

/** WeChat's messages are a few hundred bytes; anything near this is not from WeChat. */
export const MAX_XML_CHARS = 64 * 1024;

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: { enabled: true, maxEntityCount: 0, maxTotalExpansions: 200, maxExpandedLength: MAX_XML_CHARS },
  maxNestedTags: 8,
});

const CDATA = '__cdata';
const builder = new XMLBuilder({ cdataPropName: CDATA, format: false });

/** The flat fields of a WeChat message: every text child of the root `<xml>` element. */
export type XmlFields = Readonly<Record<string, string>>;

function invalid(reason: string, cause?: unknown): BotError {
  return new BotError(ErrorCodes.WECHAT_MP_XML_INVALID, `wechat-mp: the message is not WeChat XML (${reason})`, [reason], { cause });
}

/**
 * Parses a message and returns the text children of its `<xml>` root; nested elements
 * (ScanCodeInfo...) are left out. @throws BotError QLB_WECHAT_MP_XML_INVALID
 */
export function parseXmlFields(xml: string): XmlFields {
  if (xml.length > MAX_XML_CHARS) throw invalid('too large');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw invalid('DOCTYPE or entity declaration');
  let document: unknown;
  try {
    document = parser.parse(xml, true);
  } catch (error) {
    throw invalid('unparseable', error);
  }
  const root = (document as { xml?: unknown } | undefined)?.xml;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) throw invalid('no <xml> root');
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(root)) {
    if (typeof value === 'string') fields[name] = value;
  }
  return fields;
}

/**
 * Builds `<xml>…</xml>` from fields: strings as CDATA (the builder splits a "]]>" inside
 * across two sections), numbers as they are, in the given order.
 */
export function buildXml(fields: Record<string, string | number>): string {
  const root: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) root[name] = typeof value === 'number' ? value : { [CDATA]: value };
  return builder.build({ xml: root }) as string;
}
