/**
 * The staff console's pages through fastify inject, against the real core over a copy of
 * the knowledge base and a SQLite store the bot writes: 待处理 lists what went unanswered as
 * `review` does and turns it into a sample question (file edited, checked, reloaded, then
 * answered) or dismisses it; refusals say why; 试问, 统计, 知识库 and 审计 show the rest.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../doubles/eventually.js';
import { BROWSER, FORM, form, login, startStaffWorld, type StaffWorld } from '../doubles/staff-console.js';

let world: StaffWorld;
let session: { cookie: string; csrf: string };
const get = (url: string) => world.server.fastify.inject({ url, headers: { ...BROWSER, cookie: session.cookie } });
const post = (url: string, fields: Record<string, string>) =>
  world.server.fastify.inject({ method: 'POST', url, headers: { ...BROWSER, ...FORM, cookie: session.cookie }, payload: form({ _csrf: session.csrf, ...fields }) });
/** The text of a page without its tags. */
const text = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

const UNANSWERED = '公证员可以上门服务吗';

beforeAll(async () => {
  world = await startStaffWorld();
  await world.addAccount('王芳');
  session = await login(world, '王芳');
  for (const question of [UNANSWERED, `${UNANSWERED}?`, '今天天气怎么样', '明天会下雨吗<script>alert(1)</script>', '法律援助在哪里申请']) await world.ask(question);
  // Guided flows: one pre-screen finished, one left at its second question, one 抚养费 intake just started.
  for (const said of ['我能不能申请法律援助', '1', '1', '确认']) await world.ask(said, 'flow-finished');
  for (const said of ['我能不能申请法律援助', '1']) await world.ask(said, 'flow-left');
  await world.ask('抚养费问答', 'flow-started');
});
afterAll(() => world.close());

describe('待处理', () => {
  it('lists the unanswered questions grouped as review groups them, with the closest entry and the reply now', async () => {
    const page = await get('/staff/review');
    expect(page.statusCode).toBe(200);
    const shown = text(page.body);
    expect(shown).toMatch(new RegExp(`×2 ${UNANSWERED}`));
    expect(shown).toMatch(/现在:fallback/);
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.body).not.toContain('<script>alert');
  });

  it('exports the same as review --csv', async () => {
    const csv = await get('/staff/review.csv?days=30');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="review-30d.csv"');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain(`未答出,2,${UNANSWERED}`);
  });

  it('adds the question to the entry chosen: one line in the file, reloaded, answered, gone from the list, audited', async () => {
    const addPage = await get(`/staff/review/add?type=unanswered&key=${encodeURIComponent(UNANSWERED)}&q=${encodeURIComponent(UNANSWERED)}&entry=village-counsel.overview`);
    expect(addPage.statusCode).toBe(200);
    expect(addPage.body).toMatch(/<option value="village-counsel.overview" selected>/);
    expect(addPage.body).toContain('机器人找到的最接近的条目');
    const file = path.join(world.knowledge.dir, 'entries', 'notary.yaml');
    const before = fs.readFileSync(file, 'utf8');

    const added = await post('/staff/review/add', { type: 'unanswered', key: UNANSWERED, q: UNANSWERED, entry: 'notary.where', days: '30' });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/staff/review?days=30&done=added&entry=notary.where');
    const after = fs.readFileSync(file, 'utf8');
    expect(after.split('\n').length).toBe(before.split('\n').length + 1);
    expect(after).toContain(`    - ${UNANSWERED}\n`);

    const tried = await get(`/staff/try?q=${encodeURIComponent(UNANSWERED)}`);
    expect(text(tried.body)).toMatch(/回答\(answer\) notary\.where/);
    const review = await get(added.headers.location as string);
    expect(text(review.body)).toContain('已把问题加入 notary.where 的示例问题');
    expect(text(review.body)).not.toContain(`×2 ${UNANSWERED}`);
    expect(text(review.body)).toContain('另有 1 组已处理');
    expect((await world.store.auditLog({ limit: 1 }))[0]).toMatchObject({ actor: '王芳', action: 'question.add', target: 'notary.where', detail: UNANSWERED });
  });

  it('refuses an invalid addition with the reason in Chinese, and leaves the file alone', async () => {
    const file = path.join(world.knowledge.dir, 'entries', 'legal-aid.yaml');
    const before = fs.readFileSync(file, 'utf8');
    const refused = await post('/staff/review/add', { type: 'unanswered', key: 'k', q: UNANSWERED, entry: 'legal-aid.where' });
    expect(refused.statusCode).toBe(422);
    expect(text(refused.body)).toContain(`没有加入,知识库没有改动: “${UNANSWERED}”已经是 notary.where`);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect((await world.store.auditLog({ limit: 1 }))[0]).toMatchObject({ action: 'question.refused', target: 'legal-aid.where' });
  });

  it('dismisses a group: kept as dismissed, gone from the list until it comes again', async () => {
    const dismissed = await post('/staff/review/dismiss', { type: 'unanswered', key: '今天天气怎么样', question: '今天天气怎么样', days: '30' });
    expect(dismissed.headers.location).toBe('/staff/review?days=30&done=dismissed');
    expect(await world.store.reviewActions()).toContainEqual(expect.objectContaining({ key: '今天天气怎么样', action: 'dismissed', actor: '王芳' }));
    expect(text((await get('/staff/review')).body)).not.toContain('今天天气怎么样');
    // Asked again after the dismissal, by the millisecond clock the review compares.
    const dismissedAt = Date.now();
    await eventually(() => Date.now() > dismissedAt, 1_000, 1);
    await world.ask('今天天气怎么样!');
    expect(text((await get('/staff/review')).body)).toMatch(/×2 今天天气怎么样/);
  });
});

describe('试问, 统计, 知识库, 审计', () => {
  it('试问 shows the reply beside the trace that why prints', async () => {
    const page = await get(`/staff/try?q=${encodeURIComponent('法律援助在哪里申请')}`);
    const shown = text(page.body);
    expect(shown).toMatch(/回答\(answer\) legal-aid\.where/);
    expect(shown).toMatch(/处理过程\(同 why\)/);
    expect(shown).toMatch(/决定: +answer legal-aid\.where —— 由「match」步骤作出/);
  });

  it('统计 draws the replies, the fallback rate, topics and feedback as SVG charts with their numbers', async () => {
    const page = await get('/staff/stats?days=7');
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/<svg class="chart"/g)?.length).toBe(3);
    expect(page.body).toMatch(/<ol class="hbars" aria-label="各主题的回答数"><li><span class="label">法律援助\(免费律师\)<\/span>/);
    expect(page.body).toMatch(/<rect [^>]*fill="#c62828"><title>\d{4}-\d\d-\d\d 未答出\(fallback\):\d+<\/title>/);
    expect(text(page.body)).toMatch(/这段时间合计:\d+%/);
  });

  it('统计 counts the guided flows started and finished, and where the others stopped, with no answer shown', async () => {
    const page = await get('/staff/stats?days=7');
    const shown = text(page.body);
    expect(shown).toMatch(/引导问答:开始、完成、停在哪一题/);
    expect(shown).toContain('法律援助预审 2 1 50% 现在有没有请律师 1');
    expect(shown).toContain('抚养费赡养费问答 1 0 0% 为谁要 1');
    expect(shown).not.toContain('家庭暴力');
  });

  it('知识库 lists topics, then entries with answer, sources and sample questions; problems with their route', async () => {
    expect(text((await get('/staff/knowledge')).body)).toMatch(/法律援助\(免费律师\) \d+ 条/);
    const topic = await get('/staff/knowledge/legal-aid');
    expect(topic.body).toContain('<article id="legal-aid.where" class="entry">');
    expect(text(topic.body)).toMatch(/来源 报告:二\(五\)2 区公共法律服务窗口.* 法律:《中华人民共和国法律援助法》第三十八条/);
    const problems = text((await get('/staff/knowledge/problems')).body);
    expect(problems).toMatch(/处理路线\(回答\)/);
    expect(problems).toMatch(/情形\(示例问题\)/);
  });

  it('知识库 lists the guided flows; one flow shows its questions, outcomes and checklist with their sources', async () => {
    const list = await get('/staff/knowledge');
    expect(text(list.body)).toMatch(/引导问答\(7 个,均已通过检查\)/);
    expect(list.body).toContain('<a href="/staff/knowledge/flow/legal-aid">法律援助预审</a>');
    const flow = await get('/staff/knowledge/flow/legal-aid');
    expect(flow.statusCode).toBe(200);
    const shown = text(flow.body);
    expect(shown).toMatch(/要办的事 matter/);
    expect(shown).toMatch(/很可能符合 exempt-dv/);
    expect(shown).toMatch(/法律:《中华人民共和国法律援助法》第三十二条/);
    expect(shown).toMatch(/身份证/);
    expect((await get('/staff/knowledge/flow/nothing')).headers.location).toBe('/staff/knowledge#flows');
  });

  it('知识库 checks the folder and reloads it, audited', async () => {
    expect(text((await get('/staff/knowledge/check')).body)).toMatch(/检查通过:\d+ 个主题/);
    const file = path.join('entries', 'legal-aid.yaml');
    const good = fs.readFileSync(path.join(world.knowledge.dir, file), 'utf8');
    world.knowledge.write(file, good.replace('先拨打12348公共法律服务热线问清楚。', '先拨打0751-8888888问清楚。'));
    const broken = text((await get('/staff/knowledge/check')).body);
    world.knowledge.write(file, good);
    expect(broken).toMatch(/发现 1 个问题/);
    expect(broken).toMatch(/entries\/legal-aid\.yaml: .*0751-8888888/);
    expect(broken).toMatch(/规则:不能给出来源里没有的电话号码/);
    // The folder as loaded: nothing to build, and the page says so.
    const unchanged = await post('/staff/knowledge/reload', {});
    expect(unchanged.headers.location).toBe('/staff/knowledge?done=unchanged');
    expect((await world.store.auditLog({ limit: 1 }))[0]).toMatchObject({ action: 'knowledge.reload', detail: expect.stringMatching(/^文件没有改动/) });
    expect(text((await get('/staff/knowledge?done=unchanged')).body)).toMatch(/没有改动,仍在使用当前版本/);
    world.knowledge.write('topics.yaml', `${fs.readFileSync(path.join(world.knowledge.dir, 'topics.yaml'), 'utf8')}# 改过\n`);
    const reloaded = await post('/staff/knowledge/reload', {});
    expect(reloaded.headers.location).toBe('/staff/knowledge?done=reloaded');
    expect((await world.store.auditLog({ limit: 1 }))[0]).toMatchObject({ action: 'knowledge.reload', detail: expect.stringMatching(/^成功/) });
  });

  it('审计 shows who did what and when', async () => {
    const shown = text((await get('/staff/audit')).body);
    expect(shown).toMatch(/王芳 加入示例问题 notary\.where/);
    expect(shown).toMatch(/王芳 忽略待处理问题/);
    expect(shown).toMatch(/王芳 重新加载知识库/);
  });

  it('审计 lists the pinned sources, and records a source changed with its reviewed manifest line', async () => {
    expect(text((await get('/staff/audit')).body)).toMatch(/来源清单.*sources\/laws\/律师法\.yaml 中华人民共和国律师法 2017年9月1日第三次修正 · 2017-09-01/);
    const law = 'sources/laws/律师法.yaml';
    world.knowledge.write(law, `${fs.readFileSync(path.join(world.knowledge.dir, law), 'utf8')}# 与国家法律法规数据库核对一致\n`);
    const refused = await post('/staff/knowledge/reload', {});
    expect(refused.statusCode).toBe(422);
    expect(text(refused.body)).toMatch(/律师法\.yaml.*与来源清单不符/);
    const manifest = fs.readFileSync(path.join(world.knowledge.dir, 'sources/manifest.yaml'), 'utf8');
    const sha = createHash('sha256').update(fs.readFileSync(path.join(world.knowledge.dir, law))).digest('hex');
    const at = manifest.indexOf(`- file: ${law}`);
    const line = manifest.slice(at, manifest.indexOf('\n- file:', at));
    world.knowledge.write('sources/manifest.yaml', manifest.replace(line, line.replace(/sha256: \w+/, `sha256: ${sha}`).replace(/by: .*/, 'by: 李审核')));
    expect((await post('/staff/knowledge/reload', {})).headers.location).toBe('/staff/knowledge?done=reloaded');
    expect(text((await get('/staff/audit')).body)).toMatch(new RegExp(`李审核 来源文件变更\\(经复核\\) ${law.replace(/\./g, '\\.')} 内容改动:中华人民共和国律师法`));
  });

  it('no page loads anything from elsewhere: no absolute URL, no script', async () => {
    for (const url of ['/staff/review', '/staff/try?q=x', '/staff/stats', '/staff/knowledge', '/staff/knowledge/legal-aid', '/staff/audit', '/staff/login']) {
      const body = (await get(url)).body;
      expect(body, url).not.toMatch(/(src|href|action)="(https?:)?\/\//);
      expect(body, url).not.toMatch(/<script/);
    }
    const css = await get('/staff/static/staff.css');
    expect(css.body).not.toMatch(/url\(|@import/);
  });
});
