import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { createFullAccessToken } from '../helpers/fixtures';
import { ARTICLE, TAG } from '../../src/uids';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  const tag = await app.strapi.documents(TAG).findFirst({ locale: 'bg' });
  await app.strapi.documents(ARTICLE).create({ locale: 'bg', data: { title: 'Тайна чернова', lede: 'SECRETDRAFT лийд', tags: { connect: [tag!.documentId] } } as never });
});
afterAll(async () => app?.close());

test('probe', async () => {
  const token = await createFullAccessToken(app.strapi);
  const probes = (process.env.PROBES ?? '').split('\n').filter(Boolean);
  for (const p of probes) {
    const [method, url] = p.split('\t');
    let r;
    if (method === 'GQL') r = await request(app.server).post('/graphql').send({ query: url });
    else if (method === 'TGET') r = await request(app.server).get(url).set('Authorization', `Bearer ${token}`);
    else r = await request(app.server).get(url);
    const text = JSON.stringify(r.body);
    console.log(`${p}\n  -> ${r.status} leak=${text.includes('SECRETDRAFT')} ${text.slice(0, 300)}`);
  }
});
