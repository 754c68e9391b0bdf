import { statsSlice } from '../disclosure';
import { wordCounts } from '../studio/tally';

/**
 * What a pulse survey's results may show, per department. A department is shown only with at least
 * MIN_DEPARTMENT responses in the round; below that nothing at all (not even how many responded). A shown
 * department's figures cover the first floor(n/5)*5 responses in order of arrival (statsSlice), so they change
 * only in steps of five people and comparing two versions never isolates one answer. There is no overall
 * figure across departments: the total counts the shown departments only, so nobody can subtract the shown
 * ones from it and find a small department.
 */
export const MIN_DEPARTMENT = 5;
export const THEMES_SHOWN = 10;

export type SurveyAnswer = {
  round: number;
  department: string;
  answers: Readonly<Record<string, number>>;
  worries: string | null;
  needs: string | null;
};
export type ItemResult = { id: string; mean: number; counts: [number, number, number, number, number] };
export type TrendPoint = { round: number; suppressed: boolean; n: number | null; mean: number | null };
export type DepartmentResult =
  | { department: string; suppressed: true; n: null; trend: TrendPoint[] }
  | {
      department: string;
      suppressed: false;
      /** The responses the figures cover: a multiple of five. */
      n: number;
      items: ItemResult[];
      themes: { word: string; count: number }[];
      /** The open answers of the responses covered, sorted by text so their order tells nothing about who came when. */
      answers: { worries: string | null; needs: string | null }[];
      /** Each covered response's worries and needs as one text, for the drive reader (empty ones left out). */
      texts: string[];
      trend: TrendPoint[];
    };
export type SurveyResults = { round: number; rounds: number; responses: number; departments: DepartmentResult[] };

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The responses of one department in one round that its figures may cover (null: too few to show). */
export function shownSlice<T extends SurveyAnswer>(all: readonly T[], department: string, round: number): T[] | null {
  const mine = all.filter((r) => r.round === round && r.department === department);
  const k = statsSlice(mine.length, MIN_DEPARTMENT);
  return k ? mine.slice(0, k) : null;
}

/** Per statement the mean (2 decimals) and how many gave 1…5. */
export function itemResults(shown: readonly SurveyAnswer[], itemIds: readonly string[]): ItemResult[] {
  return itemIds.map((id) => {
    const counts: ItemResult['counts'] = [0, 0, 0, 0, 0];
    let sum = 0;
    let n = 0;
    for (const r of shown) {
      const v = r.answers[id];
      if (v === undefined || !Number.isInteger(v) || v < 1 || v > 5) continue;
      counts[v - 1]!++;
      sum += v;
      n++;
    }
    return { id, mean: n ? round2(sum / n) : 0, counts };
  });
}

/** The mean over all statements of a slice: one readiness figure per round for the trend. */
function overallMean(items: readonly ItemResult[]): number | null {
  let sum = 0;
  let n = 0;
  for (const i of items) i.counts.forEach((c, v) => ((sum += c * (v + 1)), (n += c)));
  return n ? round2(sum / n) : null;
}

const openText = (r: Pick<SurveyAnswer, 'worries' | 'needs'>) =>
  [r.worries, r.needs].filter((t): t is string => !!t && t.trim() !== '').join('\n');

/** The results of `round` (default: the latest) with every department's trend over the rounds so far. */
export function surveyResults(input: {
  responses: readonly SurveyAnswer[];
  departments: readonly string[];
  itemIds: readonly string[];
  rounds: number;
  round?: number;
}): SurveyResults {
  const round = input.round ?? input.rounds;
  const departments = input.departments.map((department): DepartmentResult => {
    const trend = Array.from({ length: input.rounds }, (_, i): TrendPoint => {
      const slice = shownSlice(input.responses, department, i + 1);
      return slice
        ? { round: i + 1, suppressed: false, n: slice.length, mean: overallMean(itemResults(slice, input.itemIds)) }
        : { round: i + 1, suppressed: true, n: null, mean: null };
    });
    const shown = shownSlice(input.responses, department, round);
    if (!shown) return { department, suppressed: true, n: null, trend };
    const texts = shown.map(openText).filter((t) => t !== '');
    return {
      department,
      suppressed: false,
      n: shown.length,
      items: itemResults(shown, input.itemIds),
      themes: wordCounts(texts, THEMES_SHOWN),
      answers: shown
        .filter((r) => openText(r) !== '')
        .map((r) => ({ worries: r.worries, needs: r.needs }))
        .sort((a, b) => openText(a).localeCompare(openText(b))),
      texts,
      trend,
    };
  });
  const responses = departments.reduce((sum, d) => sum + (d.suppressed ? 0 : d.n), 0);
  return { round, rounds: input.rounds, responses, departments };
}
