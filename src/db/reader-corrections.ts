import type { DriveId, Lang } from '../domain/drives';
import type { Sql } from './sql';

export type ReaderCorrectionRecord = {
  id: number;
  publicId: string;
  userId: number;
  lang: Lang;
  /** The drive the reader put first. */
  readDrive: DriveId;
  /** The drive the consultant says it actually was. */
  drive: DriveId;
  consent: boolean;
  /** Only with consent; null otherwise. */
  text: string | null;
  createdAt: string;
};

export interface ReaderCorrectionRepo {
  add(input: Omit<ReaderCorrectionRecord, 'id'>): Promise<ReaderCorrectionRecord>;
  /** Every correction whose text may be used (consent given), oldest first: what the export holds. */
  withText(): Promise<ReaderCorrectionRecord[]>;
}

type Row = {
  id: number;
  public_id: string;
  user_id: number;
  lang: Lang;
  read_drive: DriveId;
  drive: DriveId;
  consent: number | boolean;
  text: string | null;
  created_at: string;
};
const toRecord = (r: Row): ReaderCorrectionRecord => ({
  id: r.id,
  publicId: r.public_id,
  userId: r.user_id,
  lang: r.lang,
  readDrive: r.read_drive,
  drive: r.drive,
  consent: r.consent === true || r.consent === 1,
  text: r.text,
  createdAt: r.created_at,
});

export function createReaderCorrectionRepo(sql: Sql): ReaderCorrectionRepo {
  return {
    async add(x) {
      const row = await sql.first<Row>(
        `INSERT INTO reader_corrections (public_id, user_id, lang, read_drive, drive, consent, text, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [x.publicId, x.userId, x.lang, x.readDrive, x.drive, x.consent, x.consent ? x.text : null, x.createdAt],
      );
      return toRecord(row!);
    },
    async withText() {
      const rows = await sql.all<Row>('SELECT * FROM reader_corrections WHERE consent = TRUE AND text IS NOT NULL ORDER BY created_at, id');
      return rows.map(toRecord);
    },
  };
}
