import type { Content } from '../content/load';
import type { Translate } from '../content/texts';
import type { ContactRecord, StakeholderRecord } from '../db/store';
import { driveLabel, type DriveId, type Lang } from '../domain/drives';
import type { KeptReading } from '../domain/reader/accumulate';
import { formatter } from './format';
import { supportTrendSvg } from './support-trend-svg';

/** The drives of a reading as "Structuur 62 %, Resultaat 20 %": the top two, the ones worth saying of one remark. */
const topDrives = (reading: KeptReading | null, name: (d: DriveId) => string, pct: (n: number) => string) =>
  reading ? reading.drives.slice(0, 2).map((d) => `${name(d.drive)} ${pct(d.score)}`) : [];

const signedSupport = (t: Translate, fmt: ReturnType<typeof formatter>, v: number) => `${fmt.signed(v)} ${t(`projects.support.${v}`)}`;

/**
 * The stakeholder page's log, drives and trend. Contacts come oldest first (as stored); the page lists them newest first.
 * The evidence of each likely drive: the contacts whose reading has it among its top two.
 */
export function stakeholderLogView(
  data: {
    s: StakeholderRecord;
    contacts: ContactRecord[];
    supportHistory: { date: string; support: number }[];
    contactDrives: KeptReading['drives'];
  },
  content: Content,
  lang: Lang,
  t: Translate,
  /** Today in the Netherlands ('YYYY-MM-DD'): an open next step due before it is overdue, as in the project's next actions. */
  today: string,
) {
  const fmt = formatter(lang);
  const name = (d: DriveId) => driveLabel(content.current.model.drives, lang)(d).name;
  const pct = (n: number) => `${Math.round(n)} %`;
  const { s, contacts } = data;
  const log = [...contacts].reverse().map((c) => ({
    publicId: c.publicId,
    dateLabel: fmt.shortDate(c.date),
    remark: c.remark,
    drives: topDrives(c.reading, name, pct),
    supportLabel: c.support === null ? null : signedSupport(t, fmt, c.support),
    nextStep: c.nextStep,
    dueLabel: c.due ? fmt.shortDate(c.due) : null,
    done: c.done,
    overdue: !c.done && c.due !== null && c.due < today,
  }));
  const evidence = s.drives.map((d) => ({
    drive: d,
    name: name(d),
    mean: data.contactDrives.find((m) => m.drive === d)?.score ?? null,
    from: [...contacts]
      .reverse()
      .filter((c) => c.reading?.drives.slice(0, 2).some((r) => r.drive === d))
      .map((c) => ({ dateLabel: fmt.shortDate(c.date), remark: c.remark ?? '' })),
  }));
  return {
    log,
    byHand: s.drivesByHand,
    evidence,
    logMean: data.contactDrives.slice(0, 3).map((m) => `${name(m.drive)} ${pct(m.score)}`),
    gap: {
      current: signedSupport(t, fmt, s.support),
      desired: signedSupport(t, fmt, s.desiredSupport),
      steps: s.desiredSupport - s.support,
    },
    trend: data.supportHistory.length
      ? {
          svg: supportTrendSvg(
            data.supportHistory.map((h) => ({ date: h.date, value: h.support })),
            fmt,
          ),
          rows: data.supportHistory.map((h) => ({ dateLabel: fmt.shortDate(h.date), label: signedSupport(t, fmt, h.support) })),
        }
      : null,
  };
}
export type StakeholderLogView = ReturnType<typeof stakeholderLogView>;
