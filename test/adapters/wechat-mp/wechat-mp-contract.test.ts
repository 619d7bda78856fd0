import type { MessageHandler } from '../../../src/types.js';
import { neverRejecting } from '../../doubles/never-rejecting.js';
import { runAdapterContract, type ContractDriver } from '../adapter-contract.js';
import { scriptedCore, startMp } from './wechat-mp-setup.js';

const wrap = (handler: MessageHandler) => neverRejecting(handler);

/** Everything the person saw for one request: the passive reply and any API messages it caused. */
async function makeDriver(): Promise<ContractDriver> {
  const t = await startMp(scriptedCore().handler, { started: false });
  const openId = (from: string) => `o-${from}-openid`;
  return {
    adapter: t.adapter,
    multiplePeople: true,
    async sendText(text, from = 'alice') {
      const before = t.api.textsTo(openId(from)).length;
      const pushed = await t.push.text(openId(from), text);
      return [pushed.reply?.Content ?? '', ...t.api.textsTo(openId(from)).slice(before)].filter(Boolean);
    },
    async sendNonText(from = 'alice') {
      const pushed = await t.push.post({ ToUserName: t.push.account, FromUserName: openId(from), CreateTime: 1_700_000_000, MsgType: 'image', MsgId: '77' });
      return [pushed.reply?.Content ?? ''].filter(Boolean);
    },
    cleanup: () => t.close(),
  };
}

runAdapterContract('wechat-mp', makeDriver, wrap);
