import type { DriveId, Lang } from '../domain/drives';
import type { ModelIndex } from '../domain/model-index';
import type { ScoredProfile } from '../domain/scoring';
import type { Translate } from '../content/texts';

export type DriveDetail = {
  id: DriveId;
  name: string;
  colour: string;
  hex: string;
  summary: string;
  combined: number;
  sections: { title: string; points: string[] }[];
};

const DATE_FORMAT = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }),
};
const SECTIONS = ['energises', 'irritates', 'comesAcross', 'pitfalls', 'needs'] as const;

/** Everything the profile page shows, in one language; the model is the version the profile was taken with. */
export function profileView(args: { index: ModelIndex; profile: ScoredProfile; lang: Lang; t: Translate; name: string | null; completedAt: string }) {
  const { index, profile, lang, t } = args;
  const drive = (id: DriveId) => index.model.drives.find((d) => d.id === id)!;
  const score = (id: DriveId) => profile.scores.find((s) => s.drive === id)!;
  const detail = (id: DriveId): DriveDetail => {
    const d = drive(id);
    return {
      id,
      name: d.name[lang],
      colour: d.colour[lang],
      hex: d.hex,
      summary: d.summary[lang],
      combined: score(id).combined,
      sections: SECTIONS.map((s) => ({ title: t(`profile.sections.${s}`), points: d[s][lang] })),
    };
  };
  const rows = profile.ranking.map((id) => ({ ...score(id), name: drive(id).name[lang], hex: drive(id).hex }));
  const inFull = new Set<DriveId>([...profile.primary, profile.lowest]);
  return {
    name: args.name,
    completedOn: DATE_FORMAT[lang].format(new Date(args.completedAt)),
    modelVersion: profile.modelVersion,
    rows,
    primary: profile.primary.map(detail),
    lowest: detail(profile.lowest),
    others: profile.ranking.filter((id) => !inFull.has(id)).map(detail),
    attraction: profile.attraction.map((id) => drive(id).name[lang]),
    rejection: profile.rejection.map((id) => drive(id).name[lang]),
    flags: profile.flags.map((code) => ({ code, message: t(`flags.${code}`) })),
    // Read by public/js/profile-chart.js from a data attribute: no inline script needed.
    chart: {
      label: t('profile.chartLabel'),
      bar: { labels: rows.map((r) => r.name), values: rows.map((r) => r.combined), colours: rows.map((r) => r.hex) },
      radar: {
        labels: index.model.drives.map((d) => d.name[lang]),
        values: index.model.drives.map((d) => score(d.id).combined),
      },
    },
  };
}
export type ProfileView = ReturnType<typeof profileView>;
