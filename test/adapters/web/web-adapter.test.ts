import { describe, expect, it } from 'vitest';
import { createHttpAdapter } from '../../../adapters/http/http-adapter.js';
import { choiceToInbound, feedbackToInbound, messageToInbound } from '../../../adapters/web/to-inbound.js';
import { loadConfig } from '../../../src/service/config/config.js';
import { silentLogger } from '../../../src/logger.js';
import type { MessageHandler } from '../../../src/types.js';
import { neverRejecting } from '../../doubles/never-rejecting.js';
import { runAdapterContract, type ContractDriver } from '../adapter-contract.js';

/** Plays a browser: each person their own random conversation id, one POST per message. */
async function makeWebDriver(): Promise<ContractDriver> {
  let address = '';
  const adapter = createHttpAdapter({
    config: loadConfig({ HTTP_PORT: '0' }),
    logger: silentLogger(),
    readiness: () => ({}),
    onListening: (url) => (address = url),
  });
  return {
    adapter,
    multiplePeople: true,
    async sendText(text, from = 'alice') {
      const response = await fetch(`${address}api/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ conversation: `conversation-of-${from}`, text }),
      });
      const reply = (await response.json()) as { text: string };
      return [reply.text];
    },
    async pressChoice(choice, from = 'alice') {
      const response = await fetch(`${address}api/v1/choices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ conversation: `conversation-of-${from}`, choice: choice.id }),
      });
      const reply = (await response.json()) as { text: string };
      return [reply.text];
    },
  };
}

runAdapterContract('web', makeWebDriver, (handler: MessageHandler) => neverRejecting(handler));

describe('web adapter mapping', () => {
  const at = 1_700_000_000_000;
  const base = { adapter: 'web', conversationId: 'abcdefgh', senderId: 'abcdefgh', receivedAt: at, capabilities: { buttons: true, neverSilent: true } };

  it('maps a question, a command, a choice and a vote', () => {
    expect(messageToInbound({ conversation: 'abcdefgh', text: '你好' }, at)).toEqual({ ...base, kind: 'text', text: '你好' });
    expect(messageToInbound({ conversation: 'abcdefgh', command: 'menu' }, at)).toEqual({ ...base, kind: 'command', command: 'menu', text: '' });
    expect(choiceToInbound({ conversation: 'abcdefgh', choice: 'e:notary.where' }, at)).toEqual({ ...base, kind: 'choice', choiceId: 'e:notary.where', text: '' });
    expect(feedbackToInbound({ conversation: 'abcdefgh', useful: true }, at)).toEqual({ ...base, kind: 'feedback', feedback: { useful: true }, text: '' });
  });
});
