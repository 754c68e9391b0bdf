import { escapeXML } from 'ejs';
import type { Answers } from '../domain/answers';

/*
 * A room of participants opens the next questionnaire page at once: the page is rendered once per model
 * version, language and page number, without anyone's answers, and then filled in per person by plain
 * text replacement (their private link, their count, their checked answers). test/api/questionnaire-cache
 * proves, for random answers, that a filled page is byte for byte the page a full render gives.
 */

/** Stands for the participant's token in a stored page; as long as a token and of its characters, so nothing else changes. */
const TOKEN_MARK = 'dvTokenMark0000000000000';
/** Stands for the private link (the only text here made from the request's Host header, escaped when filled in). */
export const LINK_MARK = 'dvLinkMark';
/** Stands for the number of answered items. */
export const ANSWERED_MARK = 7_777_777;

/** A radio as views/questionnaire.ejs writes it: any other attributes first, then type, name and value, `checked` last. */
const RADIO = /(<input (?:[a-z-]+="[^"]*" )*type="radio" name="([^"]+)" value="([^"]+)" )>/g;

/**
 * A stored page, cut once into its fixed text and the places a participant's own things go, so filling it in
 * per request is one pass that joins strings (the profile showed the former replace-by-regex per request).
 */
type Slot = { kind: 'token' } | { kind: 'link' } | { kind: 'answered' } | { kind: 'radio'; name: string; value: string };
export type Template = { text: string[]; slots: Slot[] };

const MARKS = new RegExp(`${TOKEN_MARK}|${LINK_MARK}|${ANSWERED_MARK}|${RADIO.source}`, 'g');

/** A page rendered for `token` with LINK_MARK, ANSWERED_MARK and no answers, turned into a template. */
export function toTemplate(html: string, token: string): Template {
  const page = html.split(token).join(TOKEN_MARK);
  const text: string[] = [];
  const slots: Slot[] = [];
  let last = 0;
  for (const m of page.matchAll(MARKS)) {
    if (m[0] === TOKEN_MARK) slots.push({ kind: 'token' });
    else if (m[0] === LINK_MARK) slots.push({ kind: 'link' });
    else if (m[0] === String(ANSWERED_MARK)) slots.push({ kind: 'answered' });
    else slots.push({ kind: 'radio', name: m[2]!, value: m[3]! });
    // A radio keeps its opening text; only `checked` may be added before its ">".
    text.push(page.slice(last, m.index) + (m[1] ?? ''));
    last = m.index + m[0].length;
  }
  text.push(page.slice(last));
  return { text, slots };
}

/** The page for one participant. */
export function fillTemplate(template: Template, fill: { token: string; privateLink: string; answered: number; answers: Answers }): string {
  const { likert, choice } = fill.answers;
  const checked = (name: string, value: string) => {
    const dot = name.indexOf('.');
    if (dot < 0) return String(likert[name] ?? '') === value;
    const c = choice[name.slice(0, dot)];
    return (name.slice(dot + 1) === 'most' ? c?.most : name.slice(dot + 1) === 'least' ? c?.least : undefined) === value;
  };
  const link = escapeXML(fill.privateLink);
  const answered = String(fill.answered);
  let out = template.text[0]!;
  template.slots.forEach((slot, i) => {
    if (slot.kind === 'token') out += fill.token;
    else if (slot.kind === 'link') out += link;
    else if (slot.kind === 'answered') out += answered;
    else out += checked(slot.name, slot.value) ? 'checked>' : '>';
    out += template.text[i + 1]!;
  });
  return out;
}

/** Stored pages, keyed by model version, language and page; small (versions × 2 languages × pages). */
export function createQuestionnaireCache() {
  const pages = new Map<string, Template>();
  return {
    get: (key: string) => pages.get(key),
    set: (key: string, template: Template) => void pages.set(key, template),
  };
}
export type QuestionnaireCache = ReturnType<typeof createQuestionnaireCache>;
