// Placeholder until the team-domain branch is merged: replaced by the real module.
import type { AdviceFile } from './reader/advice';
import type { ScoredProfile } from './scoring';
import type { Remark } from './studio/remarks';
export function teamPicture(
  members: { name: string | null; profile: ScoredProfile }[],
  _options: { anonymous: boolean; lang: 'nl' | 'en'; advice: AdviceFile; remarks: readonly Remark[] },
) {
  return { n: members.length };
}
