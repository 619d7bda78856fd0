import { it, expect } from 'vitest';
import { BROWSER, FORM, cookiesOf, csrfOf, form, startStaffWorld } from '../../doubles/staff-console.js';
it('smoke', async () => {
  const world = await startStaffWorld();
  await world.addAccount('王芳');
  await world.ask('今天天气怎么样');
  const { fastify } = world.server;
  const loginPage = await fastify.inject({ url: '/staff/login', headers: BROWSER });
  const response = await fastify.inject({
    method: 'POST', url: '/staff/login',
    headers: { ...BROWSER, ...FORM, cookie: cookiesOf(loginPage) },
    payload: form({ name: '王芳', password: 'correct horse 42', _csrf: csrfOf(loginPage.body), next: '/staff/review' }),
  });
  const cookie = cookiesOf(response).split('; ').filter((c) => c.startsWith('qlb_staff=')).join('; ');
  console.log(cookie);
  for (const url of ['/staff/review', '/staff/try?q=法援在哪', '/staff/stats', '/staff/knowledge', '/staff/knowledge/legal-aid', '/staff/audit', '/staff/knowledge/check']) {
    const r = await world.server.fastify.inject({ url, headers: { ...BROWSER, cookie } });
    console.log(url, r.statusCode, r.body.length, r.statusCode !== 200 ? r.body.slice(0, 500) : '');
  }
  const r = await world.server.fastify.inject({ url: '/staff/review', headers: { ...BROWSER, cookie } });
  console.log(r.body.slice(r.body.indexOf('<main>'), r.body.indexOf('<main>') + 3000));
  await world.close();
  expect(1).toBe(1);
});
