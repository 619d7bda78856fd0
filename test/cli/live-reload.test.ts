/**
 * What a staff member does: with the bot running (`legal-bot chat`, the real binary), fix an
 * entry and see the next answer change without a restart; a broken edit, and SIGHUP, leave
 * the old knowledge serving and say why on stderr.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyKnowledge } from '../doubles/knowledge-copy.js';

const BIN = new URL('../../bin/legal-bot', import.meta.url).pathname;
const MARK = '【已更新】法律援助请到区政务服务中心大厅的区公共法律服务窗口申请。';
const running: Array<() => void> = [];
afterEach(() => {
  for (const stop of running.splice(0)) stop();
});

function startChat(knowledgeDir: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-live-data-'));
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [BIN, '--no-env-file', 'chat'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: dataDir, STAFF_IDS: 'console:console-user' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  running.push(() => {
    child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const waitFor = async (check: () => boolean, ms = 10_000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error(`timed out; stdout:\n${stdout}\nstderr:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  /** Sends a line and resolves with the reply printed for it. */
  const say = async (line: string) => {
    const from = stdout.length;
    child.stdin.write(`${line}\n`);
    await waitFor(() => stdout.slice(from).includes('\n\n'));
    return stdout.slice(from).trim();
  };
  return { child, say, waitFor, stderr: () => stderr, ready: () => waitFor(() => stdout.includes('\n\n')) };
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
    const end = Date.now() + 10_000;
    while (!after.includes(MARK) && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = await chat.say('法律援助在哪里申请');
    }
    expect(after).toContain(MARK);

    copy.write('entries/broken.yaml', '- id: Bad Id\n');
    await chat.waitFor(() => chat.stderr().includes('QLB_KNOWLEDGE_INVALID'));
    expect(chat.stderr()).toContain('entries/broken.yaml: [0](id=Bad Id).id');
    expect(await chat.say('法律援助在哪里申请')).toContain(MARK);

    chat.child.kill('SIGHUP');
    await chat.waitFor(() => chat.stderr().includes('"reason":"SIGHUP"'));
    expect(await chat.say('法律援助在哪里申请')).toContain(MARK);

    // Staff see the same through /reload.
    expect(await chat.say('/reload')).toMatch(/未加载,仍在使用原来的版本[\s\S]*entries\/broken\.yaml/);
    copy.remove('entries/broken.yaml');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await chat.say('/reload')).toMatch(/知识库已重新加载/);
  });
});
