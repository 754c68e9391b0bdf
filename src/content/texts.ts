import { LANGS, type Lang } from '../domain/drives';

/** Flattened UI texts: "profile.title" → "Jouw drijfverenprofiel". */
export type Texts = ReadonlyMap<string, string>;
export type Translate = (key: string, params?: Record<string, string | number>) => string;

function flatten(value: unknown, prefix: string, out: Map<string, string>, fail: (m: string) => Error): void {
  if (typeof value === 'string') {
    out.set(prefix, value);
    return;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw fail(`"${prefix}" must be a text or a group of texts`);
  for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out, fail);
}

const placeholders = (s: string) =>
  [...s.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

/** Every language must have the same keys with the same {placeholders}. */
export function parseTexts(raw: Record<Lang, unknown>, fail: (m: string) => Error): Record<Lang, Texts> {
  const maps = Object.fromEntries(
    LANGS.map((l) => {
      const m = new Map<string, string>();
      flatten(raw[l], '', m, (msg) => fail(`${l}.json: ${msg}`));
      return [l, m];
    }),
  ) as Record<Lang, Map<string, string>>;
  const [first, ...rest] = LANGS;
  for (const l of rest) {
    for (const [k, v] of maps[first]) {
      const other = maps[l].get(k);
      if (other === undefined) throw fail(`${l}.json: missing "${k}"`);
      if (placeholders(v) !== placeholders(other)) throw fail(`${l}.json: "${k}" has other placeholders than ${first}.json`);
    }
    for (const k of maps[l].keys()) if (!maps[first].has(k)) throw fail(`${first}.json: missing "${k}"`);
  }
  return maps;
}

/** A missing key is a programming error: it throws, so tests that render a page catch it. */
export function translator(texts: Texts): Translate {
  return (key, params) => {
    const s = texts.get(key);
    if (s === undefined) throw new Error(`missing text "${key}"`);
    return params ? s.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m)) : s;
  };
}
