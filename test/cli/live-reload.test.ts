/**
 * What a staff member does: with the bot running (`legal-bot chat`, in-process), fix an
 * entry and see the next answer change without a restart; a broken edit, and SIGHUP, leave
 * the old knowledge serving and say why on stderr.
 */
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../doubles/cli.js';
import { copyKnowledge } from '../doubles/knowledge-copy.js';

const MARK = '【已更新】法律援助请到区政务服务中心大厅的区公共法律服务窗口申请。';
const running: Array<() => void | Promise<unknown>> = [];
afterEach(async () => {
  for (const stop of running.splice(0)) await stop();
});

function startChat(knowledgeDir: string) {
  const input = new PassThrough();
  const signals = new EventEmitter();
  let stdout = '';
  let stderr = '';
  const done = runCli(['chat'], {
    input,
    signals,
    // No per-conversation limit: the test asks again and again until the edit is served.
    env: { KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: tempDataDir('qlb-live-data-'), STAFF_IDS: 'console:console-user', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0' },
    onStdout: (text) => (stdout = text),
    onStderr: (text) => (stderr = text),
  });
  running.push(() => {
    input.end();
    return done;
  });
  const waitFor = async (check: () => boolean, ms = 10_000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error(`timed out; stdout:\n${stdout}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  /** Sends a line and resolves with the reply printed for it. */
  const say = async (line: string) => {
    const from = stdout.length;
    input.write(`${line}\n`);
    await waitFor(() => stdout.slice(from).includes('\n\n'));
    return stdout.slice(from).trim();
  };
  return { signals, say, waitFor, stderr: () => stderr, ready: () => waitFor(() => stdout.includes('\n\n')) };
}

describe('legal-bot chat: live knowledge updates', () => {
  it('an entry fixed on disk is answered at once; a broken edit and SIGHUP keep the old one', async () => {
    const copy = copyKnowledge();
    running.push(copy.cleanup);
    const chat = startChat(copy.dir);
    await chat.ready(); // the greeting menu

    const before = await chat.say('法律援助在哪里申请');
    expect(before).toMatch(/来源:/);
    expect(before).not.toContain(MARK);

    copy.editEntries('legal-aid.yaml', (entries) => entries.map((e) => (e.id === 'legal-aid.where' ? { ...e, answer: MARK } : e)));
    let after = '';
    // The first reload also starts the knowledge worker thread (from the sources, compiling them).
    const end = Date.now() + 30_000;
    while (!after.includes(MARK) && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = await chat.say('法律援助在哪里申请');
    }
    expect(after).toContain(MARK);

    copy.write('entries/broken.yaml', '- id: Bad Id\n');
    await chat.waitFor(() => chat.stderr().includes('QLB_KNOWLEDGE_INVALID'));
    expect(chat.stderr()).toContain('entries/broken.yaml: [0](id=Bad Id).id');
    expect(await chat.say('法律援助在哪里申请')).toContain(MARK);

    chat.signals.emit('SIGHUP');
    await chat.waitFor(() => chat.stderr().includes('"reason":"SIGHUP"'));
    expect(await chat.say('法律援助在哪里申请')).toContain(MARK);

    // Staff see the same through /reload.
    expect(await chat.say('/reload')).toMatch(/未加载,仍在使用原来的版本[\s\S]*entries\/broken\.yaml/);
    copy.remove('entries/broken.yaml');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The folder is again exactly what serves: nothing to build, and /reload says so.
    expect(await chat.say('/reload')).toMatch(/知识库文件自上次加载以来没有改动/);
  });
});
