import { makeApp, type TestApp } from '../helpers/app';
import { realContent } from '../helpers/content';

describe('GET /api/model', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp();
  });
  const model = realContent().current.model;

  test('When no language is given, then the Dutch model is returned in the documented shape', async () => {
    const res = await t.http().get('/api/model').expect(200);
    expect(res.body).toMatchObject({ version: model.version, lang: 'nl' });
    expect(res.body.drives.map((d: { id: string }) => d.id)).toEqual(['purple', 'red', 'blue', 'orange', 'green', 'yellow']);
    expect(res.body.drives[0]).toEqual({
      id: 'purple',
      colour: 'paars',
      hex: expect.any(String),
      name: 'Verbondenheid',
      summary: model.drives[0]!.summary.nl,
    });
    expect(res.body.likert.scale).toEqual({ min: 1, max: 5, labels: model.likert.scale.labels.nl });
    expect(res.body.likert.items[0]).toEqual({
      id: 'L01',
      drive: model.likert.items[0]!.drive,
      reverse: model.likert.items[0]!.reverse,
      text: model.likert.items[0]!.text.nl,
    });
    expect(res.body.choice.items[0].options).toHaveLength(6);
  });

  test('When lang=en, then every text is English', async () => {
    const res = await t.http().get('/api/model?lang=en').expect(200);
    expect(res.body.lang).toBe('en');
    expect(res.body.drives.map((d: { name: string }) => d.name)).toEqual([
      'Belonging',
      'Power',
      'Order',
      'Achievement',
      'Harmony',
      'Insight',
    ]);
    expect(res.body.choice.items[0].text).toBe(model.choice.items[0]!.text.en);
  });

  test.each(['de', '', 'NL'])('When lang=%s, then 400 names the lang field', async (lang) => {
    const res = await t.http().get(`/api/model?lang=${lang}`).expect(400);
    expect(res.body.error.details.fields[0].field).toBe('lang');
  });
});
