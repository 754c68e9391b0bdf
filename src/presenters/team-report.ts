import { DRIVE_IDS, type DriveId, type DriveLabel, type Lang } from '../domain/drives';
import type { Centre, MemberName, Side } from '../domain/team-picture';
import { GROUP_DRIVES, SELF_DRIVES, sharedBy } from '../domain/team-picture';
import type { Translate } from '../content/texts';
import type { TeamService } from '../services/team';
import { formatter } from './format';
import { svgDiversityGrid } from './team-grid-svg';
import { svgCentre, svgSideBar, svgTeamChart } from './team-svg';

export type TeamReportPicture = Awaited<ReturnType<TeamService['ofWorkshop']>>;
/** Who reads the report: the trainer (from the dashboard) or a participant (from their private link). */
export type ReportAudience = 'trainer' | 'participant';

/** Below this many members one person moves the picture so much that the report says so. */
export const SMALL_TEAM = 10;
/**
 * How far the centre of gravity must lie from the middle before the report says the team leans to a drive, and leans
 * clearly. Its strength is 0 for an even team and 1 when all weight sits on one drive; real teams lie near 0.1–0.2
 * (domain/team-picture), so only the upper end of that range is called clear.
 */
export const CENTRE_EVEN = 0.08;
export const CENTRE_CLEAR = 0.2;
/** Within this many degrees of a drive the centre is said to point at that drive; further off, between two. */
const NEAR_DEGREES = 15;

const SIDES: readonly Side[] = ['self', 'balanced', 'group'];

/** "A, B en C": a list of names as one phrase. */
function list(items: string[], and: string): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}` : (items[0] ?? '');
}

function centreText(centre: Centre | null, name: (id: DriveId) => string, t: Translate): string | null {
  if (!centre) return null;
  if (centre.strength < CENTRE_EVEN) return t('teamReport.chart.centreEven');
  // The drives lie 60° apart in the fixed order, purple at 0°: the centre points at one of them or lies between two.
  const lower = Math.floor(centre.angleDeg / 60) % 6;
  const offset = centre.angleDeg - lower * 60;
  const [a, b] = [DRIVE_IDS[lower]!, DRIVE_IDS[(lower + 1) % 6]!];
  const towards = offset <= NEAR_DEGREES ? name(a) : offset >= 60 - NEAR_DEGREES ? name(b) : `${name(a)} ${t('teamReport.and')} ${name(b)}`;
  return t(centre.strength < CENTRE_CLEAR ? 'teamReport.chart.centreLight' : 'teamReport.chart.centreClear', { drive: towards });
}

/** Everything the team report shows, in the session's language; names only where the picture has them (named sessions). */
export function teamReportView(args: {
  picture: TeamReportPicture;
  createdAt: string;
  now: Date;
  labels: DriveLabel[];
  lang: Lang;
  t: Translate;
  audience: ReportAudience;
}) {
  const { picture: p, labels, t } = args;
  const fmt = formatter(args.lang);
  const label = (id: DriveId) => labels.find((l) => l.id === id)!;
  const name = (id: DriveId) => label(id).name;
  const person = (m: MemberName) => (m ? m : t('teamReport.noName'));
  const and = t('teamReport.and');
  const n = p.n;
  const ordered = [...p.drives].sort((a, b) => b.mean - a.mean || DRIVE_IDS.indexOf(a.drive) - DRIVE_IDS.indexOf(b.drive));
  const named = !p.anonymous;

  const chart = svgTeamChart({
    label: t('teamReport.chart.svgLabel', {
      scores: ordered
        .map((s) =>
          t('teamReport.chart.rowLabel', { name: name(s.drive), mean: fmt.score(s.mean), min: fmt.count(s.min), max: fmt.count(s.max) }),
        )
        .join('; '),
    }),
    rows: ordered.map((s) => ({ stats: s, name: name(s.drive), hex: label(s.drive).hex })),
    fmt,
  });

  const cells = p.diversity.map((c) => ({
    first: label(c.first),
    second: label(c.second),
    count: c.count,
    members: named && c.members ? c.members.map(person) : null,
  }));
  const grid = svgDiversityGrid({
    label: t('teamReport.diversity.svgLabel', {
      n: fmt.count(n),
      cells: cells
        .map((c) => t('teamReport.diversity.cellLabel', { first: c.first.name, second: c.second.name, count: fmt.count(c.count) }))
        .join('; '),
    }),
    cells: p.diversity,
    labels,
    fmt,
    captions: { rows: t('teamReport.diversity.rows'), columns: t('teamReport.diversity.columns') },
  });

  const centre = centreText(p.centre, name, t);
  const o = p.orientation;
  const sides = SIDES.map((side) => ({
    side,
    count: o[side],
    names: named && o.members ? o.members.filter((m) => m.side === side).map((m) => person(m.name)) : null,
  }));
  const sideBar = svgSideBar({
    label: t('teamReport.orientation.svgLabel', { self: fmt.count(o.self), balanced: fmt.count(o.balanced), group: fmt.count(o.group) }),
    counts: { self: o.self, balanced: o.balanced, group: o.group },
    fmt,
  });

  return {
    lang: args.lang,
    title: p.title,
    anonymous: p.anonymous,
    audience: args.audience,
    n,
    workshopDate: fmt.date(args.createdAt),
    today: fmt.date(args.now.toISOString()),
    // In a small team one person is a large share: the report says how large, so nobody reads too much into a count.
    small: n < SMALL_TEAM ? { n: fmt.count(n), share: fmt.count(Math.round(100 / Math.max(n, 1))) } : null,
    chart,
    centre: centre ? { text: centre, svg: svgCentre({ label: centre, centre: p.centre, labels }) } : null,
    diversity: { svg: grid, cells, filled: cells.length },
    orientation: {
      svg: sideBar,
      sides,
      selfDrives: list(SELF_DRIVES.map(name), and),
      groupDrives: list(GROUP_DRIVES.map(name), and),
    },
    shared: { min: fmt.count(sharedBy(n)), n: fmt.count(n) },
    energy: p.energy.map((e) => ({ ...label(e.drive), count: fmt.count(e.count) })),
    friction: p.friction.map((f) => ({ ...label(f.drive), count: fmt.count(f.count) })),
    pairs: named ? p.pairs.map((pair) => ({ a: person(pair.a), b: person(pair.b) })) : null,
    blindSpots: p.blindSpots.map((b) => ({ ...label(b.drive), sounds: b.sounds, risk: b.risk, helps: b.helps, need: b.need })),
    agreements: p.agreements.map((a) => ({ text: a.text, drive: a.drive ? label(a.drive) : null })),
  };
}
export type TeamReportView = ReturnType<typeof teamReportView>;
