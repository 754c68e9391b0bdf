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

/** A page rendered for `token` with LINK_MARK, ANSWERED_MARK and no answers, turned into a template. */
export function toTemplate(html: string, token: string): string {
  return html.split(token).join(TOKEN_MARK);
}

/** The page for one participant. */
export function fillTemplate(template: string, fill: { token: string; privateLink: string; answered: number; answers: Answers }): string {
  const { likert, choice } = fill.answers;
  const checked = (name: string, value: string) => {
    const dot = name.indexOf('.');
    if (dot < 0) return String(likert[name] ?? '') === value;
    const c = choice[name.slice(0, dot)];
    return (name.slice(dot + 1) === 'most' ? c?.most : name.slice(dot + 1) === 'least' ? c?.least : undefined) === value;
  };
  return template
    .split(TOKEN_MARK)
    .join(fill.token)
    .split(LINK_MARK)
    .join(escapeXML(fill.privateLink))
    .split(String(ANSWERED_MARK))
    .join(String(fill.answered))
    .replace(RADIO, (whole, start: string, name: string, value: string) => (checked(name, value) ? `${start}checked>` : whole));
}

/** Stored pages, keyed by model version, language and page; small (versions × 2 languages × pages). */
export function createQuestionnaireCache() {
  const pages = new Map<string, string>();
  return {
    get: (key: string) => pages.get(key),
    set: (key: string, template: string) => void pages.set(key, template),
  };
}
export type QuestionnaireCache = ReturnType<typeof createQuestionnaireCache>;
