import type { Lang } from './drives';
import type { AdviceFile } from './reader/advice';
import type { Remark } from './studio/remarks';
import type { ScoredProfile } from './scoring';
import { upgradeProfile } from './stored-profile';
import { driveStats, teamInsights, type DriveStats } from './team';
import { centre, diversity, orientation, type Centre, type DiversityCell, type MemberName, type Orientation } from './team-picture/shape';
import { blindSpots, energy, friction, type BlindSpot, type EnergyDrive, type FrictionDrive } from './team-picture/shared';

export type { BlindSpot, Centre, DiversityCell, EnergyDrive, FrictionDrive, MemberName, Orientation };
export type { Side } from './team-picture/shape';
export { BALANCED_GAP, GROUP_DRIVES, SELF_DRIVES } from './team-picture/shape';
export { MAX_BLIND_SPOTS, SOUNDS_PER_DRIVE, WEAK_MEAN, sharedBy } from './team-picture/shared';

export type TeamPictureMember = { name: MemberName; profile: ScoredProfile };
export type TeamPictureOptions = {
  /** Anonymous sessions: no name anywhere in the result, and no pairs (they need names to practise). */
  anonymous: boolean;
  lang: Lang;
  advice: AdviceFile;
  /** The remark bank of `lang` (Content.remarks[lang]). */
  remarks: readonly Remark[];
};
export type ContrastPair = { a: MemberName; b: MemberName; distance: number };
export type TeamPicture = {
  n: number;
  drives: DriveStats[];
  diversity: DiversityCell[];
  centre: Centre | null;
  orientation: Orientation;
  energy: EnergyDrive[];
  friction: FrictionDrive[];
  pairs: ContrastPair[];
  blindSpots: BlindSpot[];
};

export const MAX_PAIRS = 3;

/**
 * The picture of a workshop team for the trainer and the room: how varied the mix is, where its weight lies, which
 * side it leans to, what it shares, what it pushes away, who differ most, and which clients it may miss.
 * Pure and deterministic: the same members in the same order give the same picture.
 */
export function teamPicture(members: TeamPictureMember[], options: TeamPictureOptions): TeamPicture {
  const withNames = !options.anonymous;
  // Profiles stored before scoring 2 get today's band and labels, as the profile page shows them.
  const team = members.map((m) => ({ name: withNames ? m.name : null, profile: upgradeProfile(m.profile) }));
  const profiles = team.map((m) => m.profile);
  const drives = driveStats(profiles);
  // teamInsights is given positions as names, so that members without a name (or with the same name) stay apart.
  const insights = teamInsights(
    team.map((m, i) => ({ name: String(i), profile: m.profile })),
    drives,
    MAX_PAIRS,
  );
  const nameAt = (i: string) => team[Number(i)]!.name;
  return {
    n: team.length,
    drives,
    diversity: diversity(team, withNames),
    centre: centre(drives),
    orientation: orientation(team, withNames),
    energy: energy(profiles),
    friction: friction(profiles),
    pairs: withNames ? insights.contrasts.map((c) => ({ a: nameAt(c.a), b: nameAt(c.b), distance: c.distance })) : [],
    blindSpots: team.length ? blindSpots(insights.noStrength, drives, options) : [],
  };
}
