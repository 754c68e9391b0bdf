import { DRIVE_IDS, type DriveId, type DriveLabel, type Lang } from '../domain/drives';
import { GROUP_DRIVES, SELF_DRIVES, sharedBy, type Side, type TeamPicture } from '../domain/team-picture';

/** What the team service gives a page: the picture with the session's facts (services/team.ts). */
export type TeamPictureResult = TeamPicture & { anonymous: boolean; lang: Lang };
export type OwnPlace = { first: DriveId; second: DriveId; side: Side };

/**
 * Below this many members the page says plainly that one person more or less changes the picture. Ten is a
 * judgement, not a statistic: with fewer people every cell and every "shared" drive rests on one or two answers.
 */
export const SMALL_TEAM = 10;
/** The centre's strength is 0 for an even team and about 0.1–0.2 for real ones (domain/team-picture/shape.ts). */
const MIXED_BELOW = 0.05;
const CLEAR_FROM = 0.15;

type Cell = { second: DriveLabel; same: boolean; count: number; names: string[]; own: boolean };

/**
 * The team picture as the dashboard and the participant's phone show it: drive names in the page's language,
 * the 6×6 grid with every cell (empty ones too), and names only where the picture has them (named sessions).
 * `unnamed` stands in for a member who gave no name.
 */
export function teamViewModel(p: TeamPictureResult, labels: DriveLabel[], unnamed: string, own: OwnPlace | null = null) {
  const label = (id: DriveId) => labels.find((d) => d.id === id)!;
  const nameOf = (n: string | null) => n || unnamed;
  const cellOf = (first: DriveId, second: DriveId) => p.diversity.find((c) => c.first === first && c.second === second);
  const isOwn = (first: DriveId, second: DriveId) => own !== null && own.first === first && own.second === second;

  const grid = DRIVE_IDS.map((first) => ({
    drive: label(first),
    cells: DRIVE_IDS.map((second): Cell => {
      const c = cellOf(first, second);
      return {
        second: label(second),
        same: first === second,
        count: c?.count ?? 0,
        names: (c?.members ?? []).map(nameOf),
        own: isOwn(first, second),
      };
    }),
  }));
  const o = p.orientation;
  const namesOn = (side: Side) => (o.members ?? []).filter((m) => m.side === side).map((m) => nameOf(m.name));
  const strength = p.centre?.strength ?? 0;

  return {
    n: p.n,
    anonymous: p.anonymous,
    sessionLang: p.lang,
    small: p.n < SMALL_TEAM,
    /** How many members make a drive "shared" (energy, friction): the rule of domain/team-picture/shared.ts. */
    sharedMin: sharedBy(p.n),
    drives: DRIVE_IDS.map(label),
    grid,
    filled: p.diversity.map((c) => ({ first: label(c.first), second: label(c.second), count: c.count, own: isOwn(c.first, c.second) })),
    centre: p.centre
      ? { nearest: label(p.centre.nearest), level: strength < MIXED_BELOW ? 'mixed' : strength < CLEAR_FROM ? 'slight' : 'clear' }
      : null,
    orientation: {
      self: o.self,
      group: o.group,
      balanced: o.balanced,
      lean: o.self > o.group ? 'self' : o.group > o.self ? 'group' : 'even',
      selfDrives: SELF_DRIVES.map((d) => label(d).name).join(', '),
      groupDrives: GROUP_DRIVES.map((d) => label(d).name).join(', '),
      names: o.members ? { self: namesOn('self'), group: namesOn('group'), balanced: namesOn('balanced') } : null,
    },
    energy: p.energy.map((e) => ({ drive: label(e.drive), count: e.count, percent: Math.round(e.share * 100) })),
    friction: p.friction.map((f) => ({ drive: label(f.drive), count: f.count })),
    pairs: p.pairs.map((x) => ({ a: nameOf(x.a), b: nameOf(x.b) })),
    blindSpots: p.blindSpots.map((b) => ({ drive: label(b.drive), sounds: b.sounds, risk: b.risk, helps: b.helps, need: b.need })),
    own: own ? { first: label(own.first), second: label(own.second), side: own.side } : null,
  };
}
export type TeamViewModel = ReturnType<typeof teamViewModel>;
