import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, realEngine } from '../doubles/harness.js';

beforeAll(async () => {
  await realEngine();
});

describe('bot: menu and numbered choices', () => {
  it('answers a greeting with the numbered topic menu', async () => {
    const h = await createHarness();
    const reply = await h.send('你好');
    const { engine } = await realEngine();
    expect(reply.kind).toBe('menu');
    // The topics, then the guided flows with a menu label (issue 22), numbered on.
    const flows = engine.knowledge.flows.filter((f) => f.menu);
    expect(reply.choices).toHaveLength(engine.knowledge.topics.length + flows.length);
    expect(reply.choices?.slice(engine.knowledge.topics.length).map((c) => c.label)).toEqual(flows.map((f) => f.menu));
    expect(reply.text).toMatch(/1\. .*\n2\. /);
  });

  it('a digit after the menu opens that topic, a second digit answers', async () => {
    const h = await createHarness();
    const { engine } = await realEngine();
    await h.send('菜单');
    const topicMenu = await h.send('2');
    const topic = engine.knowledge.topics[1];
    expect(topicMenu.kind).toBe('menu');
    expect(topicMenu.text).toContain(topic?.title);
    const answer = await h.send('1');
    expect(answer.kind).toBe('answer');
    expect(engine.knowledge.byId.get(answer.entryId ?? '')?.topic).toBe(topic?.id);
  });

  it('asking what the bot can do, after saying who asks, gets the menu', async () => {
    const h = await createHarness();
    expect((await h.send('你好,我是社区网格员,请问你们这里可以咨询什么')).kind).toBe('menu');
    expect((await h.send('我是网格员,小区里有人装修把墙震裂了怎么办')).kind).not.toBe('menu');
  });

  it('返回 / 上一步 bring the menu back', async () => {
    const h = await createHarness();
    await h.send('菜单');
    await h.send('3');
    expect((await h.send('返回')).kind).toBe('menu');
  });

  it('a digit with no list to pick from says so politely', async () => {
    const h = await createHarness();
    const reply = await h.send('3');
    expect(reply.kind).toBe('fallback');
    expect(reply.text).toContain('菜单');
  });

  it('a clarify list can be answered by its number', async () => {
    const h = await createHarness();
    const clarify = await h.send('法律援助');
    expect(clarify.kind).toBe('clarify');
    expect(clarify.text).toMatch(/回复数字/);
    const answer = await h.send('1');
    expect(answer.kind).toBe('answer');
    expect(answer.text).toContain(clarify.choices?.[0]?.label);
  });
});

describe('bot: answers', () => {
  it('answers with the entry, and ends with its source line', async () => {
    const h = await createHarness();
    const reply = await h.send('法律援助在哪里申请');
    expect(reply).toMatchObject({ kind: 'answer', entryId: 'legal-aid.where' });
    expect(reply.text.split('\n').at(-1)).toMatch(/^来源:/);
    expect(reply.score).toBeGreaterThan(0);
  });

  it('answers a follow-up that names only an aspect for the previous topic', async () => {
    const h = await createHarness();
    await h.send('法律援助在哪里申请');
    expect((await h.send('要带什么材料?')).entryId).toBe('legal-aid.materials');
    expect((await h.send('收费吗?')).entryId).toBe('legal-aid.cost');
  });

  it('a new question with its own subject is not taken for a follow-up', async () => {
    const h = await createHarness();
    await h.send('法律援助在哪里申请');
    expect((await h.send('曲江区一共有多少律师')).entryId).toBe('lawyers.find');
  });

  it('那 / 还有 keep to the topic at hand when one of its entries ranks close to the best, and switch when another topic is named', async () => {
    const h = await createHarness();
    await h.send('网上巡回法庭在哪几个镇');
    const kept = await h.send('那能办哪些业务');
    expect(kept.entryId).toBe('circuit-court.services');
    const moved = await h.send('那法律援助去哪里申请');
    expect(moved.entryId).toBe('legal-aid.where');
  });

  it('small talk and greetings are recognized in their normalized form too (唔该 → 请, 你系 → 你是)', async () => {
    const h = await createHarness();
    expect((await h.send('唔该晒啊')).kind).toBe('smalltalk');
    expect((await h.send('你系唔系机械人')).kind).not.toBe('fallback');
  });

  it('after a problem\'s route, an aspect its next steps do not answer lists those next steps', async () => {
    const h = await createHarness();
    const route = await h.send('我在厂里上班被机器压伤了手,厂里说不算工伤');
    expect(route.entryId).toBe('problem.work-injury');
    const steps = await h.send('那去哪里办');
    expect(steps.kind).toBe('clarify');
    expect(steps.choices?.map((choice) => choice.id)).toEqual(route.choices?.slice(0, 3).map((choice) => choice.id));
  });

  it('a detail told in a second message is read with the story before it; a new question is not', async () => {
    const h = await createHarness();
    expect((await h.send('丈夫在外面有了别人,我想跟他分开')).entryId).toBe('problem.divorce');
    expect((await h.send('我们结婚十年了,有两个小孩')).entryId).toBe('problem.divorce');
    expect((await h.send('今天天气怎么样')).kind).toBe('fallback');
    const alone = await createHarness();
    expect((await alone.send('我们结婚十年了,有两个小孩')).kind).toBe('fallback');
  });

  it('after a service\'s answer too, a message that says nothing on its own is read in that conversation', async () => {
    const h = await createHarness();
    expect((await h.send('谁可以申请法律援助')).entryId).toBe('legal-aid.eligibility');
    expect((await h.send('我每个月才挣一千多,家里还有老人')).entryId).toBe('legal-aid.eligibility');
    expect((await h.send('我在网上被人骗了两万块')).entryId).toBe('problem.online-fraud');
    expect((await h.send('这笔钱有希望要回来吗')).entryId).toBe('problem.online-fraud');
    const alone = await createHarness();
    expect((await alone.send('我每个月才挣一千多,家里还有老人')).kind).toBe('fallback');
    expect((await alone.send('这笔钱有希望要回来吗')).kind).toBe('fallback');
  });

  it('a short message asking for a person anywhere in it is handed over; an opener without a question is asked what happened', async () => {
    const h = await createHarness();
    expect((await h.send('说了半天你不明白,我要转人工')).kind).toBe('handoff');
    expect((await h.send('我不想和机器人说话')).kind).toBe('handoff');
    const opener = await h.send('你好,我想问个事');
    expect(opener.kind).toBe('smalltalk');
    expect(opener.text).toContain('遇到了什么事');
    expect((await h.send('我是网格员,想咨询一下')).kind).toBe('smalltalk');
  });

  it('the menu\'s own example is answered by the entry it is a sample of; one word alone never lets the classifier name a problem', async () => {
    const h = await createHarness();
    expect((await h.send('没钱请律师怎么办')).entryId).toBe('legal-aid.eligibility');
    const fragment = await h.send('我老公他……');
    expect(fragment.kind).toBe('clarify');
    expect(fragment.choices?.map((choice) => choice.id)).not.toContain('e:problem.criminal-family');
  });

  it('a run-on of a few dozen characters with no punctuation (voice input) is read on its closing words', async () => {
    const h = await createHarness();
    for (const runOn of ['嗯那个我在惠州鞋厂做了一年多回来了老板还欠我两个月工资没结电话也不接我该找谁', '就是我在中山灯具厂干了八个月回来了厂里还欠我工钱没给打电话也不接我要找谁']) {
      expect((await h.send(runOn)).entryId).toBe('wage-arrears.who');
    }
  });

  it('a short detail with an aspect word (电话) that tells a trouble is not taken for a question about that aspect', async () => {
    const h = await createHarness();
    expect((await h.send('朋友借了我两万块一直不还')).entryId).toBe('problem.debt');
    expect((await h.send('拖了三年都不还,电话也不接')).entryId).toBe('problem.debt');
  });

  it('a long story that reads clearly neither whole nor in its last 30 characters is read on its closing words', async () => {
    const h = await createHarness();
    const story = '我在沙溪住,去年帮一个老板开货车,一个月休两天,工资一直是现金给,上个月他说生意不好,已经两个多月没发钱了,打电话也不接,这种情况该去哪里讨工资';
    expect((await h.send(story)).entryId).toBe('wage-arrears.who');
  });

  it('asking the time limits after a route that lists them gets the route, also after a question off the subject', async () => {
    const h = await createHarness();
    expect((await h.send('骑摩托车被货车撞了,对方不肯赔')).entryId).toBe('problem.traffic-accident');
    expect((await h.send('那有时间限制吗')).entryId).toBe('problem.traffic-accident');
    expect((await h.send('今天天气怎么样')).kind).toBe('fallback');
    expect((await h.send('那赔偿的事要在多长时间内去告')).entryId).toBe('problem.traffic-accident');
    const alone = await createHarness();
    expect((await alone.send('那赔偿的事要在多长时间内去告')).kind).toBe('fallback');
  });

  it('an entry about a cost or a time limit needs the question to ask one: a story of mediation is not answered with its fee', async () => {
    const h = await createHarness();
    expect((await h.send('找村委调解过,他不承认')).entryId).not.toBe('mediation.cost');
    expect((await h.send('找村委调解要收费吗')).entryId).toBe('mediation.cost');
  });

  it('forgets the topic after 10 idle minutes', async () => {
    const h = await createHarness();
    await h.send('法律援助在哪里申请');
    h.advance(10 * 60_000 + 1_000);
    expect((await h.send('收费吗?')).entryId).not.toBe('legal-aid.cost');
  });

  it('keeps a conversation per sender in a group', async () => {
    const h = await createHarness();
    await h.send('法律援助在哪里申请', { as: 'alice', group: true });
    await h.send('劳动仲裁怎么申请', { as: 'bob', group: true });
    expect((await h.send('收费吗', { as: 'alice', group: true })).entryId).toBe('legal-aid.cost');
  });

  it('says it does not know, and where to ask, for an unrelated question', async () => {
    const h = await createHarness();
    const reply = await h.send('今天天气怎么样');
    expect(reply.kind).toBe('fallback');
    expect(reply.text).toContain('12348');
  });
});

describe('bot: emergencies come first', () => {
  it.each(['我老公正在打我', '救命!有人拿刀', '我不想活了'])('%s → 110/120 first', async (text) => {
    const h = await createHarness();
    const reply = await h.send(text);
    expect(reply.kind).toBe('emergency');
    expect(reply.text.split('\n')[0]).toMatch(/110|120/);
  });

  it('a question about domestic-violence victims is not mistaken for one happening now', async () => {
    const h = await createHarness();
    expect((await h.send('家暴受害人申请法律援助有什么条件')).kind).not.toBe('emergency');
  });
});

describe('bot: bad input never crashes and never loses state', () => {
  const cases: Array<[string, string]> = [
    ['empty', ''],
    ['whitespace', '   \n\t '],
    ['control characters', '\u0000\u0001\u0002\u001b[31m'],
    ['invalid UTF-16', '\uD800\uDC00\uDFFF\uD800'],
    ['emoji only', '😀🙏🙏👍🏻'],
    ['binary junk', Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x9f, 0xc3]).toString('latin1')],
  ];
  it.each(cases)('%s gets a polite reply', async (_name, text) => {
    const h = await createHarness();
    const reply = await h.send(text);
    expect(['menu', 'fallback', 'clarify']).toContain(reply.kind);
    expect(reply.text.length).toBeGreaterThan(0);
  });

  it('a 100,000-character message is cut with a note and still answered', async () => {
    const h = await createHarness({ maxMessageChars: 500 });
    const reply = await h.send(`法律援助在哪里申请${'啊'.repeat(100_000)}`);
    expect(reply.text).toContain('500');
    expect(reply.kind).not.toBe('error');
  });

  it('stickers and voice get a request for typed text, and the topic survives', async () => {
    const h = await createHarness();
    await h.send('法律援助在哪里申请');
    for (const kind of ['sticker', 'voice', 'image'] as const) {
      const reply = await h.sendKind(kind);
      expect(reply.kind).toBe('unsupported');
      expect(reply.text).toContain('12348');
    }
    expect((await h.send('收费吗')).entryId).toBe('legal-aid.cost');
  });
});

describe('bot: logging', () => {
  it('logs one line per message with kind, entry, score and latency, never the raw text at info', async () => {
    const h = await createHarness({ logLevel: 'info' });
    await h.send('我叫王小明,电话13812345678,法律援助在哪里申请');
    const lines = h.logs();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'handled', kind: 'answer', entry: 'legal-aid.where' });
    expect(typeof lines[0]?.latencyMs).toBe('number');
    expect(JSON.stringify(lines)).not.toMatch(/王小明|13812345678|法律援助在哪里/);
  });

  it('masks phone and ID numbers and names even at debug level', async () => {
    const h = await createHarness({ logLevel: 'debug' });
    await h.send('我叫王小明,身份证44020519900101123X,电话13812345678');
    const text = JSON.stringify(h.logs());
    expect(text).not.toMatch(/王小明|44020519900101123X|13812345678/);
    expect(text).toContain('[手机号]');
  });
});
