/** What a change threatens: the dimensions file, the impact per drive, and the resistance to expect. */
export { changeFileSchema, changeProfileSchema, INTENSITY_MAX, WEIGHT_MAX } from './schema';
export type { ChangeDimension, ChangeFile, ChangeProfile } from './schema';
export { changeImpact, THREAT_AT } from './impact';
export type { DriveImpact, ImpactReason } from './impact';
export { expectedResistance, HIGH_AT, MEDIUM_AT, resistanceMatrix } from './resistance';
export type { DriveScore, Resistance, ResistanceLevel, ResistanceRow } from './resistance';
export { departmentRows, FIRST_DRIVE, LATER_DRIVE, personRows, scoresFromList } from './likely';
export type { PersonDrives } from './likely';
