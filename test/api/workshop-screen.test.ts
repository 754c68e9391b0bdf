import { addUser, answersPicking, createAssessment, loggedIn, makeApp, type TestApp } from '../helpers/app';
import { realContent } from '../helpers/content';

let t: TestApp;
let anna: Awaited<ReturnType<typeof loggedIn>>;

beforeAll(async () => {
  t = await makeApp();
  await addUser(t, 'anna@example.nl');
  anna = await loggedIn(t, 'anna@example.nl');
});
afterAll(() => t.app.live.closeAll());

type Session = { id: string; code: string };
const newSession = async (body: Record<string, unknown> = {}): Promise<Session> =>
  (
    await anna
      .post('/api/sessions')
      .send({ title: 'Studio', ...body })
      .expect(201)
  ).body as Session;
let people = 0;
/** Joins through the API, as a phone's own script would; returns the private token. */
async function join(s: Session): Promise<string> {
  const name = `Deelnemer${++people}`;
  const res = await t
    .http()
    .post('/api/assessments')
    .set('Cookie', `dv.client=c${people}`)
    .send({ consent: true, sessionCode: s.code, name });
  expect(res.status).toBe(201);
  return res.body.token as string;
}
const exercise = async (s: Session, body: Record<string, unknown>) =>
  ((await anna.post(`/api/sessions/${s.id}/exercises`).send(body).expect(201)).body as { id: string }).id;
const open = (s: Session, eid: string, seconds?: number) =>
  anna
    .post(`/api/sessions/${s.id}/exercises/${eid}/open`)
    .send(seconds ? { seconds } : {})
    .expect(200);
const answer = (token: string, eid: string, body: Record<string, unknown>) =>
  t.http().post(`/api/assessments/${token}/exercises/${eid}/answer`).send(body).expect(200);
const page = async (token: string, status = 200) => (await t.http().get(`/w/${token}?lang=nl`).expect(status)).text;
const form = (token: string, path: string, fields: Record<string, string>) =>
  t.http().post(`/w/${token}${path}`).set('Cookie', 'dv.lang=nl').type('form').send(fields);
const blueRemark = realContent().remarks.nl.find((r) => r.drive === 'blue' && r.also.length > 0)!;
const pressed = (html: string) =>
  [...html.matchAll(/value="([^"]+)" class="(?:drive|poll)-choice[^"]*" aria-pressed="true"/g)].map((m) => m[1]);

describe('the workshop screen, rendered on the server', () => {
  test('When a participant opens the screen in the lobby, then the questionnaire button with their progress; once done, their profile', async () => {
    const s = await newSession();
    await exercise(s, { kind: 'open', prompt: 'Wat hoor je vaak?' });
    const token = await join(s);
    const lobby = await page(token);
    expect(lobby).toContain('Welkom bij de workshop');
    expect(lobby).toContain(`href="/a/${token}">Vul de vragenlijst in</a>`);
    expect(lobby).toMatch(/Je hebt 0 van de \d+ vragen beantwoord\./);
    await t.http().put(`/api/assessments/${token}/answers`).send(answersPicking('blue', 'red')).expect(200);
    await t.http().post(`/api/assessments/${token}/complete`).expect(200);
    const done = await page(token);
    expect(done).toContain(`href="/p/${token}">Bekijk je eigen profiel</a>`);
    expect(done).not.toContain(`href="/a/${token}"`);
    // And the profile page leads back to the screen.
    expect((await t.http().get(`/p/${token}?lang=nl`).expect(200)).text).toContain(`href="/w/${token}">Naar het workshopscherm</a>`);
  });

  test('When the session is at the team chart or at the end, then "Kijk mee op het scherm" and the thanks, each with the way on', async () => {
    const s = await newSession();
    const token = await join(s);
    await anna.post(`/api/sessions/${s.id}/step`).send({ to: 'team' }).expect(200);
    const team = await page(token);
    expect(team).toContain('Kijk mee op het scherm');
    expect(team).toContain('data-step-kind="team"');
    await anna.post(`/api/sessions/${s.id}/step`).send({ to: 'end' }).expect(200);
    const end = await page(token);
    expect(end).toContain('Bedankt voor het meedoen!');
    expect(end).toContain(`href="/a/${token}"`);
  });

  test('When a recognise round is open, then the remark, six named drive buttons in one form, the own choice pressed, and the countdown', async () => {
    const s = await newSession();
    const eid = await exercise(s, { kind: 'recognize', remarkId: blueRemark.id });
    const token = await join(s);
    const openedFrom = Date.now();
    await open(s, eid, 90);
    const openedBy = Date.now();
    const before = await page(token);
    expect(before).toContain(`<form method="post" action="/w/${token}/exercises/${eid}" class="screen-answer" data-kind="recognize">`);
    expect(before).toContain(blueRemark.text.replace(/"/g, '&#34;').replace(/'/g, '&#39;'));
    expect([...before.matchAll(/name="drive" value="(\w+)"/g)].map((m) => m[1])).toEqual([
      'purple',
      'red',
      'blue',
      'orange',
      'green',
      'yellow',
    ]);
    expect(before).toContain('Structuur');
    expect(pressed(before)).toEqual([]);
    // The round closes 90 s after it was opened; the page counts down from the time it was made (a busy machine may
    // take seconds between the two, so any time between 1:00 and 1:30).
    const countdown = /class="round-countdown" data-closes-at="([^"]+)">Nog 1:([0-2]\d|30) om te antwoorden/.exec(before);
    expect(countdown).not.toBeNull();
    const closesAt = Date.parse(countdown![1]!);
    expect(closesAt).toBeGreaterThanOrEqual(openedFrom + 90_000);
    expect(closesAt).toBeLessThanOrEqual(openedBy + 90_000);
    await answer(token, eid, { drive: 'green' });
    expect(pressed(await page(token))).toEqual(['green']);
  });

  test('When an open question has answers, then the others have a vote button each, the own answer is marked, and no names show', async () => {
    const s = await newSession({ anonymous: true });
    const eid = await exercise(s, { kind: 'open', prompt: 'Wat zegt een klant die <twijfelt>?' });
    const [me, other] = [await join(s), await join(s)];
    await open(s, eid);
    await answer(me, eid, { text: 'Dat hebben we altijd zo gedaan.' });
    await answer(other, eid, { text: 'Wat levert het op? <b>nu</b>' });
    const html = await page(me);
    expect(html).toContain('Wat zegt een klant die &lt;twijfelt&gt;?');
    expect(html).toContain('Wat levert het op? &lt;b&gt;nu&lt;/b&gt;');
    expect(html).toMatch(/<textarea id="open-text" name="text"[^>]*>Dat hebben we altijd zo gedaan\.<\/textarea>/);
    expect(html).toContain('Antwoord aanpassen');
    expect(html.match(/class="answer-vote-form"/g)).toHaveLength(1);
    expect(html).toMatch(/class="answer-wall-item is-own"[\s\S]*?Jouw antwoord/);
    expect(html).not.toMatch(/Deelnemer\d/);
  });

  test('When a poll is open, then one large button per option; after the reveal the counts as bars with numbers and the own choice', async () => {
    const s = await newSession();
    const eid = await exercise(s, { kind: 'poll', prompt: 'Wat werkt het best?', options: ['Een plan', 'Een gesprek', 'Een demo'] });
    const [me, other] = [await join(s), await join(s)];
    await open(s, eid);
    expect([...(await page(me)).matchAll(/name="option" value="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'Een plan',
      'Een gesprek',
      'Een demo',
    ]);
    await answer(me, eid, { option: 'Een demo' });
    await answer(other, eid, { option: 'Een demo' });
    await anna.post(`/api/sessions/${s.id}/exercises/${eid}/reveal`).expect(200);
    const revealed = await page(me);
    expect(revealed).toContain('De uitslag');
    expect(revealed).toMatch(
      /Een demo<\/span> <span class="result-tag result-tag-own">jij<\/span><\/span>\s*<progress class="result-bar" max="2" value="2"/,
    );
    expect(revealed).toContain('Jouw keuze: Een demo');
    expect(revealed).not.toContain('class="screen-answer"');
  });

  test('When a recognise round is closed and then revealed, then "wait for the reveal", then the distribution, the drive behind it, the need and what to say', async () => {
    const s = await newSession();
    const eid = await exercise(s, { kind: 'recognize', remarkId: blueRemark.id });
    const [me, other] = [await join(s), await join(s)];
    await open(s, eid);
    await answer(me, eid, { drive: blueRemark.also[0] });
    await answer(other, eid, { drive: 'blue' });
    await anna.post(`/api/sessions/${s.id}/exercises/${eid}/close`).expect(200);
    const closed = await page(me);
    expect(closed).toContain('De ronde is gesloten. Wacht op de uitslag.');
    expect(closed).not.toContain('class="screen-answer"');
    await anna.post(`/api/sessions/${s.id}/exercises/${eid}/reveal`).expect(200);
    const html = await page(me);
    expect(html).toContain('Deze opmerking past het best bij Structuur.');
    expect(html).toContain('Dat past ook bij deze opmerking.');
    expect(html).toMatch(
      /Structuur<\/span> <span class="result-tag">bedoeld<\/span><\/span>\s*<progress class="result-bar" max="2" value="1"[^>]*>\s*<\/progress>\s*<span class="result-bar-count">1<\/span>/,
    );
    expect(html).toContain('De behoefte erachter');
    expect(html.match(/<ul class="result-say"[\s\S]*?<\/ul>/)![0].match(/<li>/g)!.length).toBeGreaterThanOrEqual(2);
  });

  test('When the participant reads English, then the screen and its script texts are English', async () => {
    const s = await newSession({ lang: 'en' });
    const eid = await exercise(s, { kind: 'recognize', text: 'We have always done it this way here.', drive: 'purple' });
    const token = await join(s);
    await open(s, eid);
    const html = (await t.http().get(`/w/${token}?lang=en`).expect(200)).text;
    expect(html).toContain('Which drive do you hear?');
    expect(html).toContain('Tap the drive you hear.');
    expect(html).toContain('&#34;screen.saved&#34;:&#34;Saved.&#34;');
    expect(html).not.toContain('Welke drijfveer');
  });

  test('When the token is unknown, malformed or of a self-assessment, then 404', async () => {
    await page('A'.repeat(24), 404);
    await page('not-a-token', 404);
    await page(await createAssessment(t), 404);
  });
});

describe('answering without JavaScript', () => {
  async function recogniseRound() {
    const s = await newSession();
    const eid = await exercise(s, { kind: 'recognize', remarkId: blueRemark.id });
    const token = await join(s);
    await open(s, eid);
    return { s, eid, token };
  }

  test('When the form posts a drive, then it is saved and the page comes back (303) with it pressed and "Opgeslagen."', async () => {
    const { eid, token } = await recogniseRound();
    const res = await form(token, `/exercises/${eid}`, { drive: 'yellow' }).expect(303);
    expect(res.headers.location).toBe(`/w/${token}?saved=answer`);
    const html = (await t.http().get(res.headers.location!).set('Cookie', 'dv.lang=nl').expect(200)).text;
    expect(pressed(html)).toEqual(['yellow']);
    expect(html).toContain('role="status">Opgeslagen.</p>');
    expect((await t.http().get(`/api/assessments/${token}/exercise`).expect(200)).body.answer.value).toBe('yellow');
  });

  test('When the form posts an unknown drive, then 400 and the page again with the message, nothing saved', async () => {
    const { eid, token } = await recogniseRound();
    const res = await form(token, `/exercises/${eid}`, { drive: 'pink' }).expect(400);
    expect(res.text).toContain('<div class="error-summary" role="alert"><p>Kies een van de zes drijfveren.</p></div>');
    expect(res.text).toContain('class="screen-answer"');
    expect((await t.http().get(`/api/assessments/${token}/exercise`).expect(200)).body.answer).toBeUndefined();
  });

  test('When the round has closed before the form arrives, then 409 and the page with "closed"', async () => {
    const { s, eid, token } = await recogniseRound();
    await anna.post(`/api/sessions/${s.id}/exercises/${eid}/close`).expect(200);
    const res = await form(token, `/exercises/${eid}`, { drive: 'blue' }).expect(409);
    expect(res.text).toContain('De ronde is al gesloten. Je antwoord is niet opgeslagen.');
    expect(res.text).toContain('De ronde is gesloten. Wacht op de uitslag.');
  });

  test('When an open answer is too long, then 400 keeps what was typed; a vote by form counts, a vote on the own answer is 409', async () => {
    const s = await newSession();
    const eid = await exercise(s, { kind: 'open', prompt: 'Wat hoor je?' });
    const [me, other] = [await join(s), await join(s)];
    await open(s, eid);
    const long = await form(me, `/exercises/${eid}`, { text: 'x'.repeat(281) }).expect(400);
    expect(long.text).toContain('Gebruik hoogstens 280 tekens.');
    expect(long.text).toContain(`>${'x'.repeat(281)}</textarea>`);
    await form(me, `/exercises/${eid}`, { text: '   ' }).expect(400);
    await form(me, `/exercises/${eid}`, { text: 'Mijn antwoord' }).expect(303);
    await answer(other, eid, { text: 'Hun antwoord' });
    const wall = (await t.http().get(`/api/assessments/${me}/exercise`).expect(200)).body;
    const mine = wall.answer.id as number;
    const theirs = (wall.exercise.answers as { id: number }[]).find((a) => a.id !== mine)!.id;
    expect((await form(me, `/exercises/${eid}/votes`, { answerId: String(theirs) }).expect(303)).headers.location).toBe(
      `/w/${me}?saved=vote`,
    );
    expect((await t.http().get(`/api/assessments/${me}/exercise`).expect(200)).body.votes).toEqual([theirs]);
    expect((await page(me)).match(/aria-pressed="true"[^>]*>Gestemd</g)).toHaveLength(1);
    const own = await form(me, `/exercises/${eid}/votes`, { answerId: String(mine) }).expect(409);
    expect(own.text).toContain('Op je eigen antwoord stemmen kan niet');
  });

  test('When another site posts the form, then it is refused and nothing is saved', async () => {
    const { eid, token } = await recogniseRound();
    const res = await form(token, `/exercises/${eid}`, { drive: 'blue' }).set('Sec-Fetch-Site', 'cross-site');
    expect(res.status).toBe(403);
    expect((await t.http().get(`/api/assessments/${token}/exercise`).expect(200)).body.answer).toBeUndefined();
  });
});

describe('where participants land', () => {
  const joinByForm = async (s: Session, client: string) =>
    t.http().post(`/join/${s.code}`).set('Cookie', `dv.client=${client}`).type('form').send({ name: 'Iris', consent: 'yes' }).expect(303);

  test('When a session has an exercise, then joining leads to the workshop screen, also when coming back with the join cookie', async () => {
    const s = await newSession();
    await exercise(s, { kind: 'open', prompt: 'Wat hoor je?' });
    const res = await joinByForm(s, 'land1');
    expect(res.headers.location).toMatch(/^\/w\/[A-Za-z0-9_-]{24}$/);
    const resume = [res.headers['set-cookie']]
      .flat()
      .find((c) => c?.includes(`dv.join.${s.code}`))!
      .split(';')[0]!;
    expect((await t.http().get(`/join/${s.code}`).set('Cookie', resume).expect(303)).headers.location).toBe(res.headers.location);
  });

  test('When a session has no exercises, then joining leads to the questionnaire, and the profile of a self-assessment has no screen link', async () => {
    const s = await newSession();
    expect((await joinByForm(s, 'land2')).headers.location).toMatch(/^\/a\/[A-Za-z0-9_-]{24}$/);
    const self = await createAssessment(t);
    await t.http().put(`/api/assessments/${self}/answers`).send(answersPicking('red', 'blue')).expect(200);
    await t.http().post(`/api/assessments/${self}/complete`).expect(200);
    expect((await t.http().get(`/p/${self}`).expect(200)).text).not.toContain('/w/');
  });
});
