type ModelShape = {
  likert: { items: { id: string; drive: string; reverse: boolean }[] };
  choice: { items: { id: string; options: { id: string; drive: string }[] }[] };
};

/**
 * Answers with known scores: `top` agrees (4 of 5) with its statements and is chosen "most" in every situation, `bottom` is
 * chosen "least" everywhere, every other statement is 3. Scores: top (75 + 100) / 2 = 87.5, bottom 25, the other four 50.
 * Works on the model of realContent() and on /api/model's JSON alike.
 */
export function knownAnswers(model: ModelShape, top = 'purple', bottom = 'red') {
  return {
    likert: Object.fromEntries(model.likert.items.map((i) => [i.id, i.drive === top ? (i.reverse ? 2 : 4) : 3])),
    choice: Object.fromEntries(
      model.choice.items.map((s) => [
        s.id,
        { most: s.options.find((o) => o.drive === top)!.id, least: s.options.find((o) => o.drive === bottom)!.id },
      ]),
    ),
  };
}
export const KNOWN_SCORES = { purple: 87.5, red: 25, blue: 50, orange: 50, green: 50, yellow: 50 } as const;
