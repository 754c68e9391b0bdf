import { createHash, randomBytes } from 'node:crypto';

// 18 random bytes = 144 bits, 24 URL-safe characters.
const TOKEN_BYTES = 18;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{24}$/;

export const newToken = (): string => randomBytes(TOKEN_BYTES).toString('base64url');

/** Only a hash of the token is stored, so a copy of the database does not open anyone's profile. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const isWellFormedToken = (token: string): boolean => TOKEN_PATTERN.test(token);
