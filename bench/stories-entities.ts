// STAND-IN ENTITY EXTRACTOR, for benchmarks only: crude entity keys (runs of capitalised words). The
// story benchmark prints it as a second row next to lib/entities, to show how much of the clustering
// comes from the entity stage; the synthetic-corpus generator draws its names from it because it is
// fast and needs no gazetteer. It is not product code and nothing under lib/ imports it.

import { splitSentences, tokenize, isStopWord } from "@/lib/text";
import type { ArticleEntity } from "@/lib/stories";

export function standInEntities(article: { title: string; body: string }): ArticleEntity[] {
  const counts = new Map<string, number>();
  const inTitle = new Set<string>();
  const scan = (text: string, title: boolean) => {
    for (const s of splitSentences(text)) {
      const toks = tokenize(s.text);
      let run: string[] = [];
      const flush = () => {
        if (run.length) {
          const key = run.join(" ");
          counts.set(key, (counts.get(key) ?? 0) + 1);
          if (title) inTitle.add(key);
        }
        run = [];
      };
      toks.forEach((t, i) => {
        const capital = /^\p{Lu}/u.test(t.text);
        // A capital at the start of a sentence is only a name if it is not a function word.
        if (capital && !(i === 0 && isStopWord(t.norm)) && !(run.length === 0 && isStopWord(t.norm))) {
          run.push(t.norm.replace(/'s$/, ""));
        } else flush();
      });
      flush();
    }
  };
  scan(article.title, true);
  scan(article.body, false);
  const scored = [...counts].map(([key, n]) => ({ key, n: n + (inTitle.has(key) ? 2 : 0) }));
  const max = Math.max(1, ...scored.map((e) => e.n));
  return scored.map(({ key, n }) => ({ key, type: "OTHER" as const, salience: n / max }));
}
