import { addUser, answersPicking, joinAndComplete, loggedIn, makeApp, type TestApp } from '../helpers/app';
import { amsterdamTime } from '../../src/domain/dutch-time';

let t: TestApp;
let anna: Awaited<ReturnType<typeof loggedIn>>;
beforeAll(async () => {
  t = await makeApp();
  await Promise.all([addUser(t, 'anna@example.nl'), addUser(t, 'bert@example.nl')]);
  anna = await loggedIn(t, 'anna@example.nl');
});

const BOM = '\uFEFF';
const newSession = async (body: Record<string, unknown>) =>
  (await anna.post('/api/sessions').send(body).expect(201)).body as { id: string; code: string };
const excel = async (id: string) => {
  const res = await anna
    .get(`/api/sessions/${id}/export-excel.csv`)
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    })
    .expect(200);
  return {
    res,
    bytes: res.body as Buffer,
    lines: (res.body as Buffer)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n'),
  };
};

/** Joins and completes with every statement 3 except one purple statement at 4: a purple score with a decimal. */
async function joinWithDecimal(code: string, name: string) {
  const token = (
    await t
      .http()
      .post('/api/assessments')
      .set('Cookie', `dv.client=${name.replace(/\W/g, '') || 'x'}`)
      .send({ consent: true, sessionCode: code, name })
      .expect(201)
  ).body.token as string;
  const answers = answersPicking('purple', 'red');
  const purple = Object.keys(answers.likert)[0]!;
  await t
    .http()
    .put(`/api/assessments/${token}/answers`)
    .send({ ...answers, likert: { ...answers.likert, [purple]: 4 } })
    .expect(200);
  await t.http().post(`/api/assessments/${token}/complete`).expect(200);
}

describe('the Dutch-Excel export', () => {
  test('When a Dutch session is exported for Excel, then BOM, `;` between cells, decimal commas, Dutch column names, local times and neutralised formulas', async () => {
    const s = await newSession({ title: 'Excel', lang: 'nl', minGroupSize: 1 });
    await joinWithDecimal(s.code, 'Jansen; "Piet"');
    await joinAndComplete(t, s.code, '=HYPERLINK("http://evil")', 'blue', 'green');
    await joinAndComplete(t, s.code, '-2+3', 'blue', 'green');
    await anna.post(`/api/sessions/${s.id}/reveal`).expect(200);
    const { res, bytes, lines } = await excel(s.id);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="?drijfveer-${s.code}-excel\\.csv"?$`));
    expect(res.headers['cache-control']).toBe('no-store');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8', 3, 4)).not.toBe(BOM);

    const header = lines[0]!.split(';');
    expect(header.slice(0, 5)).toEqual([
      'Naam',
      'Klaar op',
      'Verbondenheid (stellingen)',
      'Verbondenheid (keuzes)',
      'Verbondenheid (totaal)',
    ]);
    expect(header).toContain('Inzicht (totaal)');
    expect(header).toHaveLength(20);
    expect(lines).toHaveLength(4);
    const completedAt = await t.db.one<string>("SELECT completed_at FROM assessments WHERE name LIKE 'Jansen%'");
    const piet = lines[1]!;
    expect(piet.startsWith(`"Jansen; ""Piet""";${amsterdamTime(completedAt)};`)).toBe(true);
    expect(amsterdamTime(completedAt)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0[12]:00$/);
    const cells = piet.split(';').slice(-18);
    expect(cells.some((c) => /^\d+,\d+$/.test(c))).toBe(true);
    expect(cells.every((c) => /^\d+(,\d+)?$/.test(c))).toBe(true);
    expect(lines[2]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil""\)";/);
    expect(lines[3]).toMatch(/^'-2\+3;/);
  });

  test('When an English session is exported for Excel, then the column names are English', async () => {
    const s = await newSession({ title: 'English', lang: 'en', minGroupSize: 1 });
    await joinAndComplete(t, s.code, 'Eve', 'yellow', 'red');
    await anna.post(`/api/sessions/${s.id}/reveal`).expect(200);
    const header = (await excel(s.id)).lines[0]!.split(';');
    expect(header.slice(0, 3)).toEqual(['Name', 'Finished at', 'Belonging (statements)']);
  });

  test("When an anonymous session is exported for Excel, then only the group per drive, in the session's language, no names", async () => {
    const s = await newSession({ title: 'Anon', lang: 'nl', anonymous: true, minGroupSize: 3 });
    await joinAndComplete(t, s.code, 'Vos', 'red', 'blue');
    await joinAndComplete(t, s.code, 'Uil', 'green', 'red');
    await anna.get(`/api/sessions/${s.id}/export-excel.csv`).expect(409);
    await joinAndComplete(t, s.code, 'Das', 'blue', 'green');
    await anna.post(`/api/sessions/${s.id}/reveal`).expect(200);
    const { bytes, lines } = await excel(s.id);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines[0]).toBe('Drijfveer;Aantal mensen;Gemiddelde;Standaarddeviatie;Laagste;Hoogste;Sterkste bij (aantal mensen)');
    expect(lines).toHaveLength(7);
    // Red: 77,8 (Vos), 22,2 (Uil), 50 (Das) (combined score, see README "Scoring"): a spread of 22,7.
    expect(lines.find((l) => l.startsWith('Daadkracht;'))).toMatch(/^Daadkracht;3;50;22,7;22,2;77,8;1$/);
    expect(lines.join('\n')).not.toMatch(/Vos|Uil|Das/);
  });

  test('When the team chart is not shown yet, then 409 and no file; for another trainer 404; without login 401', async () => {
    const s = await newSession({ title: 'Early', minGroupSize: 1 });
    await joinAndComplete(t, s.code, 'Ada', 'green', 'red');
    const early = await anna.get(`/api/sessions/${s.id}/export-excel.csv`).expect(409);
    expect(early.body.error).toMatchObject({ code: 'conflict' });
    expect(early.headers['content-disposition']).toBeUndefined();
    await anna.post(`/api/sessions/${s.id}/reveal`).expect(200);
    await (await loggedIn(t, 'bert@example.nl')).get(`/api/sessions/${s.id}/export-excel.csv`).expect(404);
    await t.http().get(`/api/sessions/${s.id}/export-excel.csv`).expect(401);
  });

  test('When the dashboard offers downloads, then the Excel file is next to the plain CSV', async () => {
    const s = await newSession({ title: 'Links', minGroupSize: 1 });
    const page = (await anna.get(`/trainer/sessions/${s.id}?lang=nl`).expect(200)).text;
    expect(page).toMatch(
      new RegExp(
        `href="/api/sessions/${s.id}/export\\.csv"[^<]*</a>\\s*<a class="button" href="/api/sessions/${s.id}/export-excel\\.csv">Downloaden voor Excel \\(CSV\\)</a>`,
      ),
    );
  });
});

describe('local time in the export', () => {
  test.each([
    ['2026-12-01T13:03:22.123Z', '2026-12-01 14:03:22 +01:00'],
    ['2026-07-01T22:30:00Z', '2026-07-02 00:30:00 +02:00'],
    ['2026-03-29T00:59:59Z', '2026-03-29 01:59:59 +01:00'],
    ['2026-03-29T01:00:00Z', '2026-03-29 03:00:00 +02:00'],
  ])('When a moment is %s (UTC), then the export says %s', (iso, local) => {
    expect(amsterdamTime(iso)).toBe(local);
  });
});
