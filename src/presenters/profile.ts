import { driveLabel, type DriveId, type Lang } from '../domain/drives';
import type { ModelIndex } from '../domain/model-index';
import type { ScoredProfile } from '../domain/scoring';
import type { Translate } from '../content/texts';
import type { StatsService } from '../services/stats';
import { formatter } from './format';
import { chanceThreshold } from '../domain/chance';
import { svgBarChart } from './bar-chart-svg';

export type DriveDetail = {
  id: DriveId;
  name: string;
  colour: string;
  hex: string;
  summary: string;
  combined: number;
  sections: { title: string; points: string[] }[];
};

const SECTIONS = ['energises', 'irritates', 'comesAcross', 'pitfalls', 'needs'] as const;

/** Everything the profile page shows, in one language; the model is the version the profile was taken with. */
export function profileView(args: {
  index: ModelIndex;
  profile: ScoredProfile;
  lang: Lang;
  t: Translate;
  name: string | null;
  completedAt: string;
}) {
  const { index, profile, lang, t } = args;
  const drive = (id: DriveId) => index.model.drives.find((d) => d.id === id)!;
  const label = driveLabel(index.model.drives, lang);
  const score = (id: DriveId) => profile.scores.find((s) => s.drive === id)!;
  const detail = (id: DriveId): DriveDetail => {
    const d = drive(id);
    return {
      id,
      name: label(id).name,
      colour: label(id).colour,
      hex: label(id).hex,
      summary: d.summary[lang],
      combined: score(id).combined,
      sections: SECTIONS.map((s) => ({ title: t(`profile.sections.${s}`), points: d[s][lang] })),
    };
  };
  const rows = profile.ranking.map((id) => ({ ...score(id), name: label(id).name, hex: label(id).hex }));
  const inFull = new Set<DriveId>([...profile.primary, profile.lowest]);
  // "A, B en C": the names of a list of drives as one phrase.
  const names = (ids: DriveId[]) => {
    const n = ids.map((id) => label(id).name);
    return n.length > 1 ? `${n.slice(0, -1).join(', ')} ${t('profile.and')} ${n[n.length - 1]}` : (n[0] ?? '');
  };
  const top = profile.top ?? { band: profile.primary, near: [] };
  const fmt = formatter(lang);
  return {
    name: args.name,
    completedOn: fmt.date(args.completedAt),
    modelVersion: profile.modelVersion,
    rows,
    primary: profile.primary.map(detail),
    // The band sentence ("Structuur en Inzicht liggen dicht bij elkaar; Resultaat volgt op korte afstand").
    top: {
      band: t(top.band.length > 1 ? 'profile.topMany' : 'profile.topOne', { list: names(top.band) }),
      near: top.near.length ? t(top.near.length > 1 ? 'profile.nearMany' : 'profile.nearOne', { list: names(top.near) }) : null,
    },
    lowest: profile.primary.includes(profile.lowest) ? null : detail(profile.lowest),
    others: profile.ranking.filter((id) => !inFull.has(id)).map(detail),
    attraction: profile.attraction.map((id) => label(id).name),
    rejection: profile.rejection.map((id) => label(id).name),
    picks: { k: chanceThreshold(index.model.choice.items.length), n: index.model.choice.items.length },
    flags: profile.flags.map((code) => ({ code, message: t(`flags.${code}`) })),
    // Drawn by public/js/charts.js ("switchable": bar or radar) from a data attribute: no inline script needed.
    chart: {
      label: t('profile.chartLabel'),
      bar: { labels: rows.map((r) => r.name), values: rows.map((r) => r.combined), colours: rows.map((r) => r.hex), max: 100 },
      radar: {
        labels: index.model.drives.map((d) => label(d.id).name),
        values: index.model.drives.map((d) => score(d.id).combined),
        max: 100,
      },
    },
    // The same bars drawn on the server: what paper shows, and the screen without JavaScript.
    svg: svgBarChart({
      label: t('profile.svgLabel', { scores: rows.map((r) => `${r.name} ${fmt.score(r.combined)}`).join(', ') }),
      rows: rows.map((r) => ({ drive: r.drive, name: r.name, value: r.combined, hex: r.hex })),
      fmt,
    }),
  };
}
export type ProfileView = ReturnType<typeof profileView>;

/** Norms for the profile page, in the order of the score table. */
export function normsView(norms: Awaited<ReturnType<StatsService['profileNorms']>>, rows: { drive: DriveId; name: string }[], lang: Lang) {
  if (!norms) return null;
  return {
    n: norms.n,
    version: norms.modelVersion,
    asOf: formatter(lang).date(norms.asOf),
    frozen: norms.frozen,
    rows: rows.map((r) => ({ name: r.name, ...norms.scores.find((s) => s.drive === r.drive)! })),
  };
}
