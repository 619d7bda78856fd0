/**
 * The contract every adapter passes (console, Telegram, WeChat...), like errbot's shared
 * backend tests. Each adapter's test supplies a driver that plays the platform's side.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/logger.js';
import { loadConfig } from '../../src/service/config/config.js';
import type { Adapter, MessageHandler } from '../../src/types.js';
import { createRecordingHandler, FLOW_QUESTION } from '../doubles/recording-handler.js';

/** Danger now, in words of this file's own (the real core must read them as danger). */
const DANGER = ['隔壁的男人拿着菜刀冲进我家院子,要砍我老公', '我妈突然倒在地上叫不醒了,嘴唇发紫', '他把汽油泼在我家门口了,手里还拿着打火机'];

export interface ContractDriver {
  adapter: Adapter;
  /**
   * Delivers a text from a person (`from`, default "alice") in a private chat and resolves
   * with every text the adapter sent back for it.
   */
  sendText(text: string, from?: string): Promise<string[]>;
  /** False for platforms with a single person (the console): skips the per-person test. */
  multiplePeople: boolean;
  /** Delivers a sticker / image / voice message, when the platform has them. */
  sendNonText?(from?: string): Promise<string[]>;
  /**
   * Presses the button of a choice of the last reply (platforms with buttons: web, Telegram),
   * resolving with what the adapter sent back for it.
   */
  pressChoice?(choice: { n: number; id: string }, from?: string): Promise<string[]>;
  /** Releases what the driver set up (fake servers...). */
  cleanup?(): Promise<void>;
}

/**
 * Registers the contract tests. `wrap` is how the adapter is started in production: with
 * the core's safe handler, so a failing handler still yields a polite reply.
 */
export function runAdapterContract(
  name: string,
  makeDriver: () => Promise<ContractDriver>,
  wrap: (handler: MessageHandler) => MessageHandler,
): void {
  describe(`adapter contract: ${name}`, () => {
    let driver: ContractDriver | undefined;
    afterEach(async () => {
      await driver?.adapter.stop();
      await driver?.cleanup?.();
      driver = undefined;
    });

    it('has a name and delivers a text reply to a text message', async () => {
      driver = await makeDriver();
      const { handler, received } = createRecordingHandler();
      await driver.adapter.start(wrap(handler));
      const replies = await driver.sendText('法律援助在哪里');
      expect(driver.adapter.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ adapter: driver.adapter.name, kind: 'text' });
      expect(received[0]?.text).toContain('法律援助在哪里');
      expect(replies.join('\n')).toContain('echo:');
    });

    it('keeps one conversation id per person', async (context) => {
      driver = await makeDriver();
      if (!driver.multiplePeople) return context.skip();
      const { handler, received } = createRecordingHandler();
      await driver.adapter.start(wrap(handler));
      await driver.sendText('一', 'alice');
      await driver.sendText('二', 'alice');
      await driver.sendText('三', 'bob');
      const [first, second, third] = received;
      expect(first?.conversationId).toBe(second?.conversationId);
      expect(third?.conversationId).not.toBe(first?.conversationId);
    });

    it("shows a guided flow's question with its numbered choices, and a typed number comes back in the same conversation", async () => {
      driver = await makeDriver();
      const { handler, received } = createRecordingHandler();
      await driver.adapter.start(wrap(handler));
      const shown = (await driver.sendText('流程')).join('\n');
      expect(shown).toContain('您想为哪一类事情申请法律援助');
      for (const choice of FLOW_QUESTION.choices ?? []) expect(shown).toContain(`${choice.n}. ${choice.label}`);
      expect((await driver.sendText('2')).join('\n')).toContain('echo:2');
      expect(received.at(-1)).toMatchObject({ kind: 'text', text: '2', conversationId: received[0]?.conversationId });
    });

    it("sends a pressed flow button back as the choice's id", async (context) => {
      driver = await makeDriver();
      if (!driver.pressChoice) return context.skip();
      const { handler, received } = createRecordingHandler();
      await driver.adapter.start(wrap(handler));
      await driver.sendText('流程');
      const choice = FLOW_QUESTION.choices![1]!;
      expect((await driver.pressChoice(choice)).join('\n')).toContain(`chose:${choice.id}`);
      expect(received.at(-1)).toMatchObject({ kind: 'choice', choiceId: choice.id, conversationId: received[0]?.conversationId });
    });

    it('answers politely when the handler fails, and keeps serving', async () => {
      driver = await makeDriver();
      const { handler } = createRecordingHandler({ failOn: 'boom' });
      await driver.adapter.start(wrap(handler));
      const failed = await driver.sendText('boom');
      expect(failed.join('\n')).toMatch(/\S/);
      expect(failed.join('\n')).not.toContain('handler exploded');
      expect((await driver.sendText('还在吗')).join('\n')).toContain('echo:还在吗');
    });

    it('replies to a non-text message with text, never silence', async (context) => {
      driver = await makeDriver();
      if (!driver.sendNonText) return context.skip();
      const { handler } = createRecordingHandler();
      await driver.adapter.start(wrap(handler));
      expect((await driver.sendNonText()).join('\n')).toMatch(/\S/);
    });

    it('gives 110/120 first to danger in every state: a list waiting, after 转人工, over the rate limit, with a legal clause beside it', async () => {
      driver = await makeDriver();
      const knowledgeDir = new URL('../../knowledge', import.meta.url).pathname;
      const app = await createApp(loadConfig({ KNOWLEDGE_DIR: knowledgeDir, RATE_LIMIT_PER_MINUTE: '3' }), silentLogger());
      try {
        await driver.adapter.start(wrap(app.handler));
        const firstLine = async (text: string) => ((await driver?.sendText(text, 'dana')) ?? []).join('\n').trim().split('\n')[0] ?? '';
        const everything = async (text: string) => ((await driver?.sendText(text, 'dana')) ?? []).join('\n');
        expect(await everything('你们能帮我做什么')).toMatch(/1[.、]/);
        expect(await firstLine(DANGER[0] as string)).toMatch(/110/);
        await everything('转人工');
        expect(await firstLine(DANGER[1] as string)).toMatch(/120/);
        const ordinary = [];
        for (let i = 0; i < 2; i += 1) ordinary.push(await everything(`请问公证要带什么材料${'?'.repeat(i + 1)}`));
        // The conversation is over its limit now: an ordinary question is not answered…
        const title = (ordinary[0] ?? '').split('\n')[0] ?? '';
        expect(title).toMatch(/\S/);
        expect(ordinary.at(-1)).not.toContain(title);
        // …but danger told beside a legal question still gets the numbers first.
        expect(await firstLine(`${DANGER[2] as string},我想问问能不能告他`)).toMatch(/110|119/);
      } finally {
        await driver.adapter.stop();
        await app.close();
      }
    });

    it('stops cleanly and can be stopped twice', async () => {
      driver = await makeDriver();
      const { handler } = createRecordingHandler();
      await driver.adapter.start(wrap(handler));
      await driver.adapter.stop();
      await expect(driver.adapter.stop()).resolves.toBeUndefined();
    });
  });
}
