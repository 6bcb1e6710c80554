import { compareArticles } from "@/lib/compare";
import { ecbplusStories } from "@/bench/lib/ecbplus-stories";
let n = 0;
for (const [c, arts] of ecbplusStories()) {
  const cmp = compareArticles(arts, null);
  n += cmp.gaps.length;
  for (const g of cmp.gaps.slice(0, 4)) console.log(`${c} ${g.kind} ${JSON.stringify(g.label).slice(0, 230)}`);
}
console.log(n);
