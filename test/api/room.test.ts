import os from 'node:os';
import request from 'supertest';
import QRCode from 'qrcode';
import { addUser, loggedIn, makeApp, type TestApp } from '../helpers/app';

const LAPTOP = {
  lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
  wlan0: [
    {
      address: '192.168.1.23',
      netmask: '255.255.255.0',
      family: 'IPv4',
      mac: '02:00:00:00:00:01',
      internal: false,
      cidr: '192.168.1.23/24',
    },
    { address: '10.0.0.5', netmask: '255.0.0.0', family: 'IPv4', mac: '02:00:00:00:00:02', internal: false, cidr: '10.0.0.5/8' },
  ],
} as ReturnType<typeof os.networkInterfaces>;

const tokenIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
const svgText = (r: request.Response) => (r.body as Buffer).toString('utf8');
const asBuffer = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

async function trainer(t: TestApp) {
  await addUser(t, 'tess@example.nl', 'trainer', 'Tess');
  const agent = request.agent(t.app);
  const token = tokenIn((await agent.get('/login').expect(200)).text);
  await agent
    .post('/login')
    .type('form')
    .send({ _csrf: token, email: 'tess@example.nl', password: 'correct-horse-battery-staple' })
    .expect(303);
  return agent;
}

describe('the home page is a way in for everyone', () => {
  test('When someone opens the home page, then it offers joining with a code and logging in, beside the self-assessment', async () => {
    const t = await makeApp();
    const page = (await t.http().get('/?lang=nl').expect(200)).text;
    expect(page).toContain('Meedoen met een code');
    expect(page).toMatch(/<form class="card entry-join" method="post" action="\/join"[\s\S]*?<input id="join-code" name="code"/);
    expect(page).toMatch(/<label for="join-code">Sessiecode<\/label>/);
    expect(page).toMatch(/<a class="button" href="\/login">Inloggen<\/a>/);
    expect(page).toContain('action="/start"');
    const en = (await t.http().get('/?lang=en').expect(200)).text;
    expect(en).toContain('Join with a code');
    expect(en).toMatch(/<a class="button" href="\/login">Log in<\/a>/);
  });

  test("When a code is typed on the home page, then the participant lands on that session's join page", async () => {
    const t = await makeApp();
    await addUser(t, 'hans@example.nl');
    const { code } = (await (await loggedIn(t, 'hans@example.nl')).post('/api/sessions').send({ title: 'Dag 1' }).expect(201)).body as {
      code: string;
    };
    const phone = request.agent(t.app);
    const home = (await phone.get('/').expect(200)).text;
    // The form as the home page gives it: its action and the code field's name.
    const [, action, field] =
      /<form class="card entry-join" method="post" action="([^"]+)"[\s\S]*?<input id="join-code" name="([^"]+)"/.exec(home) ?? [];
    expect(action).toBe('/join');
    const res = await phone
      .post(action!)
      .type('form')
      .send({ [field!]: code.toLowerCase() })
      .expect(303);
    expect(res.headers.location).toBe(`/join/${code}`);
    expect((await phone.get(res.headers.location!).expect(200)).text).toContain('Meedoen: Dag 1');
  });
});

describe('the join address on the projector', () => {
  afterEach(() => jest.restoreAllMocks());

  test('When the trainer opens the dashboard on localhost without PUBLIC_URL, then the join URL and QR code use the network address, with a note', async () => {
    const interfaces = jest.spyOn(os, 'networkInterfaces').mockReturnValue(LAPTOP);
    const t = await makeApp();
    const agent = await trainer(t);
    const created = await agent.post('/api/sessions').set('Host', 'localhost:3000').send({ title: 'Zaal' }).expect(201);
    const { id, code } = created.body as { id: string; code: string };
    expect(created.body.joinUrl).toBe(`http://192.168.1.23:3000/join/${code}`);

    const page = (await agent.get(`/trainer/sessions/${id}?lang=nl`).set('Host', 'localhost:3000').expect(200)).text;
    expect(page).toContain(`<strong class="join-url">http://192.168.1.23:3000/join/${code}</strong>`);
    expect(page).toContain('data-join-note');
    expect(page).toContain('alleen op deze computer werkt');
    expect(page).toContain(`http://10.0.0.5:3000/join/${code}`);
    expect(page).toContain('PUBLIC_URL=https://');

    const qr = await t.http().get(`/join/${code}/qr.svg`).set('Host', '127.0.0.1:3000').buffer(true).parse(asBuffer).expect(200);
    expect(svgText(qr)).toBe(
      await QRCode.toString(`http://192.168.1.23:3000/join/${code}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
    );
    expect(interfaces).toHaveBeenCalled();
  });

  test('When the machine has no network address, then the note says phones cannot open the loopback address', async () => {
    jest.spyOn(os, 'networkInterfaces').mockReturnValue({ lo: LAPTOP.lo });
    const t = await makeApp();
    const agent = await trainer(t);
    const { id, code } = (await agent.post('/api/sessions').send({ title: 'Zaal' }).expect(201)).body as { id: string; code: string };
    const page = (await agent.get(`/trainer/sessions/${id}?lang=en`).set('Host', 'localhost:3000').expect(200)).text;
    expect(page).toContain(`<strong class="join-url">http://localhost:3000/join/${code}</strong>`);
    expect(page).toContain('Phones in the room cannot open it.');
    expect(page).toContain('PUBLIC_URL');
  });

  test('When PUBLIC_URL is set, then the join URL and QR code use it and there is no note', async () => {
    const interfaces = jest.spyOn(os, 'networkInterfaces').mockReturnValue(LAPTOP);
    const t = await makeApp({ PUBLIC_URL: 'https://drijfveer.example.nl/' });
    const agent = await trainer(t);
    const created = await agent.post('/api/sessions').set('Host', 'localhost:3000').send({ title: 'Zaal' }).expect(201);
    const { id, code } = created.body as { id: string; code: string };
    expect(created.body.joinUrl).toBe(`https://drijfveer.example.nl/join/${code}`);
    const page = (await agent.get(`/trainer/sessions/${id}`).set('Host', 'localhost:3000').expect(200)).text;
    expect(page).toContain(`<strong class="join-url">https://drijfveer.example.nl/join/${code}</strong>`);
    expect(page).not.toContain('data-join-note');
    const qr = await t.http().get(`/join/${code}/qr.svg`).buffer(true).parse(asBuffer).expect(200);
    expect(svgText(qr)).toBe(
      await QRCode.toString(`https://drijfveer.example.nl/join/${code}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
    );
    expect(interfaces).not.toHaveBeenCalled();
  });

  test('When the trainer uses an address others can reach, then it stays, without a note', async () => {
    jest.spyOn(os, 'networkInterfaces').mockReturnValue(LAPTOP);
    const t = await makeApp();
    const agent = await trainer(t);
    const { id, code } = (await agent.post('/api/sessions').set('Host', 'drijfveer.example.nl').send({ title: 'Zaal' }).expect(201))
      .body as { id: string; code: string };
    const page = (await agent.get(`/trainer/sessions/${id}`).set('Host', 'drijfveer.example.nl').expect(200)).text;
    expect(page).toContain(`<strong class="join-url">http://drijfveer.example.nl/join/${code}</strong>`);
    expect(page).not.toContain('data-join-note');
  });
});

describe("the session's language is the participant's default", () => {
  async function englishSession() {
    const t = await makeApp();
    await addUser(t, 'emma@example.nl');
    const { code } = (await (await loggedIn(t, 'emma@example.nl')).post('/api/sessions').send({ title: 'Day 1', lang: 'en' }).expect(201))
      .body as { code: string };
    return { t, code };
  }

  test('When a fresh phone opens an English session, then the join page and the questionnaire after joining are English', async () => {
    const { t, code } = await englishSession();
    const phone = request.agent(t.app);
    const join = (await phone.get(`/join/${code}`).expect(200)).text;
    expect(join).toContain('<html lang="en">');
    expect(join).toContain('Join: Day 1');
    const res = await phone.post(`/join/${code}`).type('form').send({ name: 'Noor', consent: 'yes' }).expect(303);
    const first = await phone.get(res.headers.location!).expect(303);
    const questionnaire = (await phone.get(first.headers.location!).expect(200)).text;
    expect(questionnaire).toContain('<html lang="en">');
    expect(await t.db.one<string>("SELECT lang FROM assessments WHERE name = 'Noor'")).toBe('en');
  });

  test("When the participant chose Dutch (link or cookie), then that choice wins over the session's language", async () => {
    const { t, code } = await englishSession();
    const phone = request.agent(t.app);
    expect((await phone.get(`/join/${code}?lang=nl`).expect(200)).text).toContain('Meedoen: Day 1');
    expect((await phone.get(`/join/${code}`).expect(200)).text).toContain('<html lang="nl">');
    const res = await phone.post(`/join/${code}`).type('form').send({ name: 'Sem', consent: 'yes' }).expect(303);
    const first = await phone.get(res.headers.location!).expect(303);
    expect((await phone.get(first.headers.location!).expect(200)).text).toContain('<html lang="nl">');
    expect(await t.db.one<string>("SELECT lang FROM assessments WHERE name = 'Sem'")).toBe('nl');
  });
});
