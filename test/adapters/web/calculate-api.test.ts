/**
 * POST /api/v1/calculate over a real app (the real knowledge, a clock set to 2026-12-08 in
 * 曲江区): the examples as a new user would send them, the same figures as the same
 * question asked in the chat, and every refusal as JSON with a stable code and Chinese text.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../../adapters/http/create-http-server.js';
import { createApp, type App } from '../../../src/app.js';
import { ErrorCodes } from '../../../src/errors.js';
import { silentLogger } from '../../../src/logger.js';
import { loadConfig } from '../../../src/service/config/config.js';
import { KNOWLEDGE_DIR } from '../../doubles/harness.js';
import { createManualClock } from '../../doubles/manual-clock.js';

let app: App;
let server: HttpServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-calc-api-'));
  const config = loadConfig({ KNOWLEDGE_DIR, DATA_DIR: dataDir });
  // 2026-12-08 10:00 in 曲江区.
  app = await createApp(config, silentLogger(), { clock: createManualClock(Date.UTC(2026, 11, 8, 2, 0)) });
  server = createHttpServer({ config, logger: silentLogger(), handler: app.handler, readiness: () => ({}), calculate: (form) => app.calculate(form) });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const calculate = (payload: unknown) =>
  server.fastify.inject({ method: 'POST', url: '/api/v1/calculate', payload: payload as string, headers: { 'content-type': 'application/json' } });
const ask = async (text: string) => (await server.fastify.inject({ method: 'POST', url: '/api/v1/messages', payload: { conversation: `calc-${text.length}-conv`, text }, headers: { 'content-type': 'application/json' } })).json();

describe('POST /api/v1/calculate', () => {
  it('gives the last day to apply for arbitration after a dismissal, with its article, as the chat does', async () => {
    const response = await calculate({ calculation: 'deadline', rule: 'labour-arbitration', event: '2026-03-02' });
    expect(response.statusCode).toBe(200);
    const reply = response.json();
    expect(reply).toMatchObject({ kind: 'answer', entry: 'calc.labour-arbitration', calculation: { kind: 'result', figure: { date: '2027-03-02' } } });
    expect(reply.calculation.articles).toContainEqual({ law: '中华人民共和国劳动争议调解仲裁法', article: '第二十七条' });
    expect(reply.calculation.how).toBeTruthy();
    expect(reply.calculation.changes.length).toBeGreaterThan(0);
    const chat = await ask('我2026年3月2日被辞退,最晚哪天申请仲裁');
    expect(chat.calculation.figure).toEqual(reply.calculation.figure);
  });

  it('3 years 8 months at 6,000 unlawfully dismissed: 48,000 with 第八十七条; 2 years 3 months at 5,000: 12,500 with 第四十七条', async () => {
    const unlawful = (await calculate({ calculation: 'unlawful-termination', wage: 6000, service: { years: 3, months: 8 } })).json();
    expect(unlawful).toMatchObject({ entry: 'calc.unlawful-termination', calculation: { figure: { fen: 4_800_000 } } });
    expect(unlawful.source).toContain('第八十七条');
    const compensation = (await calculate({ calculation: 'compensation', wage: '5000.00', service: { years: 2, months: 3 } })).json();
    expect(compensation).toMatchObject({ entry: 'calc.compensation', calculation: { figure: { fen: 1_250_000 } } });
    expect(compensation.source).toContain('第四十七条');
    const chat = await ask('做了3年8个月,月薪6000,被违法辞退能赔多少');
    expect(chat.calculation.figure).toEqual(unlawful.calculation.figure);
  });

  it('a 100,000-yuan debt claim: 2,300 yuan, 1,150 in the simple procedure', async () => {
    expect((await calculate({ calculation: 'court-fee', kind: 'property', amount: 100000 })).json().calculation.figure.fen).toBe(230_000);
    expect((await calculate({ calculation: 'court-fee', kind: 'property', amount: '100000', simple: true })).json().calculation.figure.fen).toBe(115_000);
  });

  it('asks for an input left out, and refuses a date in the future politely', async () => {
    expect((await calculate({ calculation: 'unlawful-termination', service: { years: 3, months: 8 } })).json()).toMatchObject({ kind: 'clarify', calculation: { kind: 'ask', missing: 'wage' } });
    expect((await calculate({ calculation: 'deadline', rule: 'labour-arbitration', event: '2027-05-01' })).json()).toMatchObject({ kind: 'clarify', calculation: { kind: 'refuse' } });
  });

  it('refuses what it cannot compute with a stable code and Chinese words naming the field', async () => {
    const noSuchDay = await calculate({ calculation: 'deadline', rule: 'labour-arbitration', event: '2026-02-30' });
    expect(noSuchDay.statusCode).toBe(400);
    expect(noSuchDay.json().error).toMatchObject({ code: ErrorCodes.HTTP_CALCULATION_INVALID, message: expect.stringContaining('event') });
    const noSuchRule = await calculate({ calculation: 'deadline', rule: 'no-such-rule', event: '2026-03-02' });
    expect(noSuchRule.json().error).toMatchObject({ code: ErrorCodes.HTTP_CALCULATION_INVALID, message: expect.stringContaining('labour-arbitration') });
  });

  it.each([
    ['a float for money', { calculation: 'compensation', wage: 6000.5, service: { years: 1, months: 0 } }],
    ['a date in another form', { calculation: 'deadline', rule: 'labour-arbitration', event: '2026年3月2日' }],
    ['an unknown calculation', { calculation: 'lottery' }],
    ['an unknown field', { calculation: 'court-fee', kind: 'property', amount: 1, admin: true }],
    ['thirteen months of service', { calculation: 'compensation', wage: 1, service: { years: 1, months: 13 } }],
  ])('refuses %s by the schema (400, QLB_HTTP_BAD_REQUEST, in Chinese)', async (_name, payload) => {
    const response = await calculate(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe(ErrorCodes.HTTP_BAD_REQUEST);
    expect(response.json().error.message).toMatch(/[\u4e00-\u9fff]/u);
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await server.fastify.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(document.paths['/api/v1/calculate'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CalculateRequest' });
  });
});
