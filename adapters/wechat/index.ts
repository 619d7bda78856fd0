/**
 * The WeChat adapter (wechaty). Imported by the registry only when `WECHATY_PUPPET` is set,
 * so wechaty is never loaded by deployments that do not use WeChat.
 */
export { createWechatAdapter } from './wechat-adapter.js';
export { defaultPacing, type WechatAdapterOptions, type WechatPacing } from './wechat-options.js';
export { defaultTexts, type WechatTexts } from './wechat-texts.js';
export { toInbound, kindOf, type MessageLike } from './to-inbound.js';
export { decideRoute, type MessageFacts, type IgnoreReason } from './route-message.js';
export { isBareAnswer, AWAIT_WINDOW_MS } from './awaited-answers.js';
export { mentionsName, stripMentions } from './mention.js';
export type { PuppetInstance } from './load-puppet.js';
