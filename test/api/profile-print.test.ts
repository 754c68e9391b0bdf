import { realContent } from '../helpers/content';
import { createAssessment, makeApp, type TestApp } from '../helpers/app';
import { KNOWN_SCORES, knownAnswers } from '../helpers/known-profile';

let t: TestApp;
beforeEach(async () => {
  t = await makeApp();
});

async function completedProfile(body: Record<string, unknown> = { consent: true }): Promise<string> {
  const token = await createAssessment(t, body);
  await t.http().put(`/api/assessments/${token}/answers`).send(knownAnswers(realContent().current.model)).expect(200);
  await t.http().post(`/api/assessments/${token}/complete`).expect(200);
  return token;
}

/** The attributes of each element with the given tag inside the first <svg class="bar-chart">. */
function svgElements(html: string, tag: string): Record<string, string>[] {
  const svg = /<svg class="bar-chart"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
  return [...svg.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}

describe('the profile page on paper and without JavaScript', () => {
  test('When a profile is opened, then its HTML holds an SVG bar chart with an accessible name, an axis 0–100 and bars as wide as the scores', async () => {
    const token = await completedProfile();
    const res = await t.http().get(`/p/${token}`).expect(200);

    const [svg] = svgElements(res.text, 'svg');
    expect(svg).toMatchObject({ role: 'img', 'data-axis-min': '0', 'data-axis-max': '100' });
    expect(svg!['aria-label']).toContain('Verbondenheid 88,2');
    const plotWidth = Number(svg!['data-plot-width']);
    const plotX = Number(svg!['data-plot-x']);
    // Gridlines at 0, 25, 50, 75 and 100, the last one at the axis' full width.
    const ticks = svgElements(res.text, 'line').filter((l) => l['data-tick']);
    expect(ticks.map((l) => [l['data-tick'], Number(l.x1) - plotX])).toEqual([
      ['0', 0],
      ['25', plotWidth / 4],
      ['50', plotWidth / 2],
      ['75', (plotWidth * 3) / 4],
      ['100', plotWidth],
    ]);
    // One bar per drive, in the drive's model colour, its width the score's share of the axis.
    const drives = realContent().current.model.drives;
    const bars = svgElements(res.text, 'rect');
    expect(bars).toHaveLength(6);
    for (const bar of bars) {
      const drive = drives.find((d) => d.hex === bar.fill)!;
      const score = KNOWN_SCORES[drive.id];
      expect({ drive: drive.id, value: Number(bar['data-value']), width: Number(bar.width) }).toEqual({
        drive: drive.id,
        value: score,
        width: (plotWidth * score) / 100,
      });
    }
    // The labels are the table's numbers, in Dutch; the chart itself needs no script and no style attribute.
    expect(res.text).toMatch(/<text class="value"[^>]*>88,2<\/text>/);
    expect(res.text).toMatch(/<td role="cell" data-label="Totaal">88,2<\/td>/);
    expect(/<svg class="bar-chart"[\s\S]*?<\/svg>/.exec(res.text)![0]).not.toMatch(/style=|<script/);
  });

  test('When an English profile is opened, then the SVG labels use the decimal point', async () => {
    const token = await completedProfile({ consent: true, lang: 'en' });
    const res = await t.http().get(`/p/${token}?lang=en`).expect(200);
    expect(res.text).toMatch(/<text class="value"[^>]*>88\.2<\/text>/);
    expect(svgElements(res.text, 'svg')[0]!['aria-label']).toContain('Belonging 88.2');
  });
});

describe('the private link on the profile', () => {
  test('When a profile is opened, then it shows its own link in a readonly field, says why to keep it, and has a hidden copy button', async () => {
    const token = await completedProfile();
    const res = await t.http().get(`/p/${token}`).set('Host', 'drijfveer.example.nl').expect(200);
    expect(res.text).toContain('Bewaar deze link');
    expect(res.text).toContain('Alleen met deze link kom je later terug bij je profiel.');
    expect(res.text).toMatch(new RegExp(`<input id="keep-link" type="text" readonly value="http://drijfveer\\.example\\.nl/p/${token}"`));
    expect(res.text).toMatch(/<button type="button" class="secondary" data-copy hidden>Kopieer link<\/button>/);
    expect(res.text).toMatch(/<script src="[^"]*\/js\/copy-link\.js" defer><\/script>/);
  });

  test('When the same profile is opened at another address, then its link names that address (the cached page is per address)', async () => {
    const token = await completedProfile();
    await t.http().get(`/p/${token}`).set('Host', 'one.example.nl').expect(200);
    const res = await t.http().get(`/p/${token}`).set('Host', 'two.example.nl').expect(200);
    expect(res.text).toContain(`value="http://two.example.nl/p/${token}"`);
    expect(res.text).not.toContain('one.example.nl');
  });
});
