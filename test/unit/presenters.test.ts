import fs from 'node:fs';
import path from 'node:path';
import type { AssessmentRecord, StakeholderRecord } from '../../src/db/store';
import { driveLabels } from '../../src/domain/drives';
import { scoreProfile } from '../../src/domain/scoring';
import { translator } from '../../src/content/texts';
import { PUBLIC_DIR } from '../../src/paths';
import { stylesheetBundle } from '../../src/http/assets';
import { driveStylesheet } from '../../src/presenters/drive-styles';
import { formatter } from '../../src/presenters/format';
import { compareView, historyView } from '../../src/presenters/me';
import { projectView } from '../../src/presenters/project';
import { realContent, uniformAnswers } from '../helpers/content';

const content = realContent();
const model = content.current.model;

describe('formatter(): numbers and dates per page language', () => {
  test('When Dutch, then a decimal comma, grouped thousands, "1 december 2026" and a 24-hour clock', () => {
    const nl = formatter('nl');
    expect(nl.score(62.5)).toBe('62,5');
    expect(nl.score(60)).toBe('60');
    expect(nl.signed(2.5)).toBe('+2,5');
    expect(nl.signed(-9.4)).toBe('-9,4');
    expect(nl.signed(0)).toBe('0');
    expect(nl.stat(0.8123)).toBe('0,812');
    expect(nl.stat(null)).toBe('–');
    expect(nl.stat(Number.NaN)).toBe('–');
    expect(nl.count(12345)).toBe('12.345');
    expect(nl.date('2026-12-01T13:05:00Z')).toBe('1 december 2026');
    expect(nl.shortDate('2026-12-01')).toBe('1 dec 2026');
    expect(nl.dateTime('2026-12-01T13:05:00Z')).toBe('1 december 2026 om 14:05');
  });

  test('When English, then a decimal point and British dates, still on Amsterdam time', () => {
    const en = formatter('en');
    expect(en.score(62.5)).toBe('62.5');
    expect(en.count(12345)).toBe('12,345');
    expect(en.date('2026-12-01T23:30:00Z')).toBe('2 December 2026');
    expect(en.dateTime('2026-12-01T13:05:00Z')).toBe('1 December 2026 at 14:05');
  });
});

describe('drive names and colours come from the model only', () => {
  test('When the stylesheet is made, then every drive has its model colour and a drive--<id> class', () => {
    const { css, version } = driveStylesheet(model);
    for (const d of model.drives) {
      expect(css).toContain(`--drive-${d.id}: ${d.hex};`);
      expect(css).toContain(`.drive--${d.id} { --drive: var(--drive-${d.id}); }`);
    }
    expect(version).toMatch(/^[A-Za-z0-9_-]{10}$/);
  });

  test('When the static styles and scripts are read, then no drive colour is declared there by hand and the scripts hold no colour', () => {
    const read = (f: string) => fs.readFileSync(path.join(PUBLIC_DIR, f), 'utf8');
    const css = stylesheetBundle(path.join(PUBLIC_DIR, 'css', 'app'));
    for (const d of model.drives) expect(css).not.toMatch(new RegExp(`--(drive-)?${d.id}\\s*:|\\.drive--${d.id}\\b`));
    for (const js of ['js/charts.js', 'js/dashboard.js']) expect(read(js)).not.toMatch(/#[0-9a-f]{3,6}\b|rgba?\(/i);
  });

  test('When labels are asked in a language, then the names and colour words are the model texts, in model order', () => {
    const en = driveLabels(model.drives, 'en');
    expect(en.map((d) => d.id)).toEqual(model.drives.map((d) => d.id));
    expect(en[0]).toEqual({ id: 'purple', name: model.drives[0]!.name.en, colour: model.drives[0]!.colour.en, hex: model.drives[0]!.hex });
    expect(driveLabels(model.drives, 'en')).toBe(en);
  });
});

describe('presenters build the chart data', () => {
  const profile = (id: number, completedAt: string, value: number): AssessmentRecord =>
    ({
      id,
      completedAt,
      modelVersion: model.version,
      profile: scoreProfile(content.current, uniformAnswers(content.current, value)),
    }) as AssessmentRecord;

  test('When two profiles fall on one day, then their labels carry the time; the chart has both series with their tones', () => {
    const a = profile(1, '2026-12-01T08:00:00Z', 2);
    const b = profile(2, '2026-12-01T15:30:00Z', 4);
    const changes = model.drives.map((d) => ({ drive: d.id, combined: 1.5, likert: 1.5, rci: 0.42, reliable: false }));
    const view = compareView(a, b, changes, model, 'nl');
    expect([view.labelA, view.labelB]).toEqual(['1 dec 2026, 09:00', '1 dec 2026, 16:30']);
    expect(view.chart.labels).toEqual(driveLabels(model.drives, 'nl').map((d) => d.name));
    expect(view.chart.series.map((s) => s.tone)).toEqual(['before', 'after']);
    expect(historyView([a, profile(3, '2026-11-02T10:00:00Z', 3)], model, 'en').map((r) => r.date)).toEqual(['1 Dec 2026', '2 Nov 2026']);
  });

  test('When a stakeholder has no drive, then the map marker has no drive of its own (CSS gives the neutral colour)', () => {
    const base = {
      id: 1,
      publicId: 'x',
      projectId: 1,
      department: '',
      concerns: '',
      approach: '',
      createdAt: '',
      updatedAt: '',
      interest: 3,
      desiredSupport: 0,
      drivesByHand: false,
    };
    const list: StakeholderRecord[] = [
      { ...base, name: 'Ans', influence: 5, support: -1, drives: ['blue'], lastContact: '2026-12-01' },
      { ...base, name: 'Bas', influence: 2, support: 0, drives: [], lastContact: null },
    ];
    const view = projectView(list, content, 'nl', translator(content.texts.nl));
    expect(view.map.markers.map((m) => m.drive)).toEqual(['blue', null]);
    expect(view.rows.map((r) => r.lastContactLabel)).toEqual(['1 dec 2026', '']);
  });
});
