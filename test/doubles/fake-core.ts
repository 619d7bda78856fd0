/**
 * A small stand-in for the core that speaks the boundary types fully (commands, choices by
 * id, votes, emergencies with numbers to call), for adapter tests that must not depend on the
 * knowledge base. Records every message it gets.
 */
import type { InboundMessage, MessageHandler, Reply, ReplyChoice } from '../../src/types.js';

const TOPICS: ReplyChoice[] = [
  { n: 1, label: '法律援助(免费律师)', id: 't:legal-aid' },
  { n: 2, label: '公证', id: 't:notary' },
];
const ENTRIES: Record<string, ReplyChoice[]> = {
  'legal-aid': [
    { n: 1, label: '到哪里申请法律援助', id: 'e:legal-aid.where' },
    { n: 2, label: '法律援助收不收费', id: 'e:legal-aid.cost' },
  ],
  notary: [{ n: 1, label: '在哪里办公证', id: 'e:notary.where' }],
};

const list = (header: string, choices: ReplyChoice[]): Reply => ({
  kind: 'menu',
  text: [header, ...choices.map((c) => `${c.n}. ${c.label}`), '回复数字查看。'].join('\n'),
  choices,
  awaits: 'pick',
});

const answer = (entryId: string): Reply => {
  const source = '来源:《曲江区2023年法治政府建设情况报告》二(五)2';
  return { kind: 'answer', text: `【${entryId}】这里是答案。\n${source}`, entryId, score: 0.91234567, source, awaits: 'vote' };
};

function reply(message: InboundMessage): Reply {
  switch (message.kind) {
    case 'command':
      return list('您好!我可以回答这些方面的问题:', TOPICS);
    case 'choice': {
      const [type, id = ''] = (message.choiceId ?? '').split(':');
      if (type === 't' && ENTRIES[id]) return list(`关于${id}:`, ENTRIES[id]);
      if (type === 'e') return answer(id);
      return { kind: 'fallback', text: '没有这个选项。' };
    }
    case 'feedback':
      return { kind: 'menu', text: '谢谢您的反馈!' };
    case 'text':
      if (/杀|救命/.test(message.text)) {
        return { kind: 'emergency', text: '请立刻拨打 110 报警;有人受伤请拨打 120 急救。', call: ['110', '120'] };
      }
      if (message.text.includes('律师')) return answer('legal-aid.eligibility');
      return { kind: 'fallback', text: '抱歉,这个问题我还答不上来。请拨打 12348。' };
    default:
      return { kind: 'unsupported', text: '我只能看懂文字消息。' };
  }
}

/** Creates the fake core: `handler` for the server, `received` to assert on. */
export function createFakeCore(options: { delayMs?: number } = {}) {
  const received: InboundMessage[] = [];
  const handler: MessageHandler = async (message) => {
    received.push(message);
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    return reply(message);
  };
  return { handler, received };
}
