import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContentError, loadContent } from '../../src/content/load';
import { DATA_DIR } from '../../src/paths';
import { DRIVE_IDS } from '../../src/domain/drives';
import { realContent } from '../helpers/content';

function copyData(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-content-'));
  fs.cpSync(DATA_DIR, dir, { recursive: true, filter: (src) => !src.includes('.sqlite') });
  return dir;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break arbitrary parts of the data files on purpose
const editJson = (file: string, edit: (json: any) => void) => {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(json);
  fs.writeFileSync(file, JSON.stringify(json));
};

describe('the drive model in data/', () => {
  const m = realContent().current.model;

  test('When loaded, then it has six drives and at least 8 statements per drive, 2 of them reverse-keyed', () => {
    expect(m.drives.map((d) => d.id)).toEqual(DRIVE_IDS);
    for (const drive of DRIVE_IDS) {
      const items = m.likert.items.filter((i) => i.drive === drive);
      expect(items.length).toBeGreaterThanOrEqual(8);
      expect(items.filter((i) => i.reverse).length).toBeGreaterThanOrEqual(2);
    }
  });

  test('When loaded, then it has at least 10 situations with one reaction per drive', () => {
    expect(m.choice.items.length).toBeGreaterThanOrEqual(10);
    for (const s of m.choice.items) expect(s.options.map((o) => o.drive).sort()).toEqual([...DRIVE_IDS].sort());
  });

  test('Every drive has Dutch and English texts for each profile section', () => {
    for (const d of m.drives) {
      for (const key of ['energises', 'irritates', 'comesAcross', 'pitfalls', 'needs'] as const) {
        expect(d[key].nl.length).toBeGreaterThan(0);
        expect(d[key].en.length).toBe(d[key].nl.length);
      }
    }
  });

  test('Statements avoid absolutes ("altijd", "nooit", "always", "never")', () => {
    for (const i of m.likert.items) expect(`${i.text.nl} ${i.text.en}`).not.toMatch(/\b(altijd|nooit|always|never)\b/i);
  });
});

describe('loadContent()', () => {
  test('When a drive has a bad id, then start-up fails naming the file and the entry', () => {
    const dir = copyData();
    editJson(path.join(dir, 'model', 'v1.json'), (j) => (j.likert.items[3].drive = 'pink'));
    expect(() => loadContent(dir)).toThrow(ContentError);
    expect(() => loadContent(dir)).toThrow(/v1\.json: invalid drive model[\s\S]*likert\.items\.3\.drive/);
  });

  test('When a model file is not JSON, then start-up fails naming the file', () => {
    const dir = copyData();
    fs.writeFileSync(path.join(dir, 'model', 'v1.json'), '{ not json');
    expect(() => loadContent(dir)).toThrow(/v1\.json: cannot be read as JSON/);
  });

  test('When a situation has two reactions of the same drive, then start-up fails naming the situation', () => {
    const dir = copyData();
    editJson(path.join(dir, 'model', 'v1.json'), (j) => (j.choice.items[2].options[0].drive = j.choice.items[2].options[1].drive));
    expect(() => loadContent(dir)).toThrow(/choice\.items\.2\.options: needs one option per drive/);
  });

  test('When an English text is missing, then start-up fails naming the key', () => {
    const dir = copyData();
    editJson(path.join(dir, 'texts', 'en.json'), (j) => delete j.profile.title);
    expect(() => loadContent(dir)).toThrow(/en\.json: missing "profile\.title"/);
  });

  test('When a translation has other placeholders, then start-up fails naming the key', () => {
    const dir = copyData();
    editJson(path.join(dir, 'texts', 'en.json'), (j) => (j.questionnaire.progress = '{answered} answered'));
    expect(() => loadContent(dir)).toThrow(/questionnaire\.progress" has other placeholders/);
  });

  test('When an area has its own texts file per language, then its keys are merged in; a key defined twice stops start-up', () => {
    const dir = copyData();
    for (const [lang, word] of [
      ['nl', 'Hallo'],
      ['en', 'Hello'],
    ] as const) {
      fs.mkdirSync(path.join(dir, 'texts', lang), { recursive: true });
      fs.writeFileSync(path.join(dir, 'texts', lang, 'zz-area.json'), JSON.stringify({ zzArea: { greeting: word } }));
    }
    expect(loadContent(dir).texts.en.get('zzArea.greeting')).toBe('Hello');
    fs.writeFileSync(path.join(dir, 'texts', 'nl', 'zz-area.json'), JSON.stringify({ zzArea: { greeting: 'Hallo' }, profile: {} }));
    expect(() => loadContent(dir)).toThrow(/zz-area\.json: "profile" is already defined in another texts file/);
  });

  test('When an area texts file exists in one language only, then start-up fails naming the missing key', () => {
    const dir = copyData();
    fs.mkdirSync(path.join(dir, 'texts', 'nl'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'texts', 'nl', 'zz-area.json'), JSON.stringify({ zzArea: { greeting: 'Hallo' } }));
    expect(() => loadContent(dir)).toThrow(/en\.json: missing "zzArea\.greeting"/);
  });

  test('When two model versions exist, then the highest is current and both stay available', () => {
    const dir = copyData();
    editJson(path.join(dir, 'model', 'v1.json'), () => undefined);
    const v1 = JSON.parse(fs.readFileSync(path.join(dir, 'model', 'v1.json'), 'utf8'));
    fs.writeFileSync(path.join(dir, 'model', 'v10.json'), JSON.stringify({ ...v1, version: '10' }));
    fs.writeFileSync(path.join(dir, 'model', 'v2.json'), JSON.stringify({ ...v1, version: '2' }));
    const content = loadContent(dir);
    expect(content.current.model.version).toBe('10');
    expect([...content.models.keys()].sort()).toEqual(['1', '10', '2']);
  });
});
