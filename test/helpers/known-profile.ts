type ModelShape = {
  likert: { items: { id: string; drive: string; reverse: boolean }[] };
  choice: { items: { id: string; options: { id: string; drive: string }[] }[] };
};

/**
 * Answers with known scores: `top` agrees (4 of 5) with its statements and is chosen "most" in every situation, `bottom` is
 * chosen "least" everywhere, every other statement is 3. Statement scores: top 75, the rest 50, own mean 54.17, so relative
 * +20.83 and −4.17; choice: top 100, bottom 0, the rest 50. Combined = 50 + 20·(relative/20 + (choice − 50)/18)/2:
 * top 88.2, bottom 20.1, the other four 47.9.
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
export const KNOWN_SCORES = { purple: 88.2, red: 20.1, blue: 47.9, orange: 47.9, green: 47.9, yellow: 47.9 } as const;
