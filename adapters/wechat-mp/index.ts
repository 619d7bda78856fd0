/**
 * The WeChat official-account (公众号) adapter: WeChat's server protocol on the HTTP server.
 * See README.md for connecting an account.
 */
export { createWechatMpAdapter, registerWechatMp, type WechatMpAdapter } from './wechat-mp-adapter.js';
export { resolveOptions, type WechatMpAdapterOptions } from './wechat-mp-options.js';
export { createMsgCrypt, aesKeyOf, type MsgCrypt } from './msg-crypt.js';
export { sha1Signature, sameSignature, timestampVerdict, type SignedWindow } from './signature.js';
export { createReplayGuard, type ReplayGuard } from './replay-guard.js';
export { parseXmlFields, buildXml, MAX_XML_CHARS, type XmlFields } from './xml.js';
export { routeMessage, ADAPTER_NAME, type Routed } from './to-inbound.js';
export { planReply, planLateReply, MAX_TEXT_BYTES, PART_CHARS, type Passive, type ReplyPlan } from './plan-reply.js';
export { createMpApi, type MpApi, type MpApiOptions } from './mp-api.js';
export { buildMenu, autoLayout, formatMenu, shortLabel, MENU_LIMITS, type MpMenu, type MenuGroup, type MenuSource } from './menu.js';
export { readMenuLayout, LAYOUT_FILE } from './menu-layout.js';
