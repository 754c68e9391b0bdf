// The stopword package (v3) ships no types; only what Drijfveer uses.
declare module 'stopword' {
  export function removeStopwords(tokens: string[], stopwords?: string[]): string[];
  export const nld: string[];
  export const eng: string[];
}
