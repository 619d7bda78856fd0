import type { InboundMessage, MessageHandler, Reply } from '../../src/types.js';

/** The question a guided flow asks, as the core words it: numbered choices in the text and as buttons. */
export const FLOW_QUESTION: Reply = {
  kind: 'flow',
  text: '【法律援助预审】第1题\n您想为哪一类事情申请法律援助?\n1. 讨工资\n2. 工伤赔偿\n3. 退出问答\n回复数字选择;答错了可以回“上一步”,想问别的直接问。',
  choices: [
    { n: 1, label: '讨工资', id: 'f:legal-aid:matter:wages' },
    { n: 2, label: '工伤赔偿', id: 'f:legal-aid:matter:work-injury' },
    { n: 3, label: '退出问答', id: 'f:legal-aid:#exit' },
  ],
  awaits: 'pick',
  flow: { id: 'legal-aid', step: 'matter', event: 'start' },
};

/**
 * A handler double: records every message and answers `echo:<text>` (or `kind:<kind>`);
 * `流程` gets {@link FLOW_QUESTION}, a pressed button `chose:<id>`.
 */
export function createRecordingHandler(options: { failOn?: string } = {}) {
  const received: InboundMessage[] = [];
  const handler: MessageHandler = async (message) => {
    received.push(message);
    if (options.failOn !== undefined && message.text === options.failOn) throw new Error('handler exploded');
    if (message.kind === 'text' && message.text === '流程') return FLOW_QUESTION;
    if (message.kind === 'choice') return { kind: 'flow', text: `chose:${message.choiceId ?? ''}` };
    const reply: Reply = { kind: 'answer', text: message.kind === 'text' ? `echo:${message.text}` : `kind:${message.kind}` };
    return reply;
  };
  return { handler, received };
}
