import type { Claim, DiffToken, StoryComparison } from "@/lib/compare";
// The diff module alone: lib/compare's index also loads WordNet (node:fs), and this page is built for the
// browser too (pages/stories/[slug].tsx), though it sends no script of its own.
import { diffWords } from "@/lib/compare/diff";
// The wording of outlet lists, shared with the stored gap labels (gaps.ts, too, loads no WordNet).
import { outletNames } from "@/lib/compare/gaps";
import { andList, formatDateTime, plural } from "../format";
import { DiffText } from "./diff-text";
import { PairPicker } from "./pair-picker";
import { clipAtWord } from "@/lib/text/clip";
import { EditorForm } from "../editor-form";
import { EditorTools } from "@/components/editor-tools";

export interface StoryArticle {
  id: string;
  title: string;
  titleDerived: boolean;
  byline: string | null;
  publishedAt: Date | null;
  publishedAtText: string | null;
  url: string | null;
  wordCount: number;
  copyOfId: string | null;
  assignment: unknown;
  outlet: { id: string; name: string; slug: string } | null;
}

/** A reader's name for each of a story's articles, by id. */
export type ArticleLabels = ReadonlyMap<string, string>;

/**
 * The story's articles in the comparison's order (earliest published first), so a column means the same
 * outlet from the headers down to the naming table, and the name each is shown under: its outlet's, or for
 * articles uploaded without one "Unknown outlet 1", "Unknown outlet 2"... in that order, so two such
 * columns, picker entries and "also carried by" lists can be told apart.
 */
export function orderArticles(articles: StoryArticle[], comparison: StoryComparison | null): { ordered: StoryArticle[]; labels: ArticleLabels } {
  const rank = new Map((comparison?.articles ?? []).map((a, i) => [a.id, i]));
  const ordered = [...articles].sort(
    (a, b) =>
      (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) ||
      (a.publishedAt?.getTime() ?? Infinity) - (b.publishedAt?.getTime() ?? Infinity) ||
      (a.outlet?.name ?? "").localeCompare(b.outlet?.name ?? "") ||
      (a.id < b.id ? -1 : 1),
  );
  const unknown = ordered.filter((a) => !a.outlet).length;
  let n = 0;
  const labels = new Map(ordered.map((a) => [a.id, a.outlet?.name ?? (unknown > 1 ? `Unknown outlet ${++n}` : "Unknown outlet")]));
  return { ordered, labels };
}

/** Grid of one column per article; on phones two columns (the pair picker chooses which). */
function Columns({ articles, children, label }: { articles: StoryArticle[]; children: (a: StoryArticle) => React.ReactNode; label?: string }) {
  return (
    <div
      role="group"
      aria-label={label}
      className="grid grid-cols-2 gap-3 md:grid-cols-[repeat(var(--cols),minmax(14rem,1fr))]"
      style={{ "--cols": articles.length } as React.CSSProperties}
    >
      {articles.map((a) => (
        <div key={a.id} data-article={a.id} className="min-w-0">
          {children(a)}
        </div>
      ))}
    </div>
  );
}

// The story page does not hydrate React, so its links are plain anchors: a click is an ordinary page
// load, and nothing is prefetched for readers who only read the comparison.
function ArticleLink({ id, className, children }: { id: string; className: string; children: React.ReactNode }) {
  return (
    <a href={`/articles/${id}`} className={className}>
      {children}
    </a>
  );
}

function ArticleHeader({ a, name }: { a: StoryArticle; name: string }) {
  const when = formatDateTime(a.publishedAt);
  return (
    <div className="h-full min-w-0 rounded-lg border border-black/10 bg-white p-3">
      <p className="text-xs font-semibold uppercase tracking-wide text-muted">{name}</p>
      <h3 className="mt-1 font-semibold leading-snug">
        <ArticleLink id={a.id} className="hover:underline">
          {a.title}
        </ArticleLink>
      </h3>
      {a.titleDerived && <p className="text-xs text-muted">Headline derived by Parallax from the lead</p>}
      <p className="mt-1 text-sm text-muted">
        {a.byline ?? "No byline"} · {when ? <time dateTime={a.publishedAt!.toISOString()}>{when}</time> : "date unknown"}
      </p>
      <p className="mt-1 text-sm text-muted">
        {plural(a.wordCount, "word")}
        {a.copyOfId && " · reprint"}
        {a.url && (
          <>
            {" · "}
            <a href={a.url} rel="noopener noreferrer nofollow" className="text-accent underline">
              original<span className="sr-only"> article at {name}</span> ↗
            </a>
          </>
        )}
      </p>
    </div>
  );
}

function ClaimRow({ claim, articles, others, name }: { claim: Claim; articles: StoryArticle[]; others: StoryArticle[]; name: (a: StoryArticle) => string }) {
  const byArticle = new Map(claim.sentences.map((s) => [s.articleId, s]));
  const carriers = others.filter((a) => byArticle.has(a.id));
  // When neither article in view carries the claim (a story with more articles than columns), the row
  // would be two "Not in" cells: it quotes the first article that does carry it instead.
  const quoted = articles.some((a) => byArticle.has(a.id)) ? null : (carriers[0] ?? null);
  const alsoIn = quoted ? carriers.slice(1) : carriers;
  return (
    <li id={claim.anchor} className="claim-row rounded-lg border border-black/10 bg-white p-3">
      <p className="mb-2 flex items-center gap-2 text-xs text-muted">
        <a href={`?claim=${claim.id}#${claim.anchor}`} className="font-mono hover:underline" aria-label={`Link to this claim (${claim.anchor})`}>
          #{claim.anchor}
        </a>
        <span>{plural(claim.outletCount, "outlet")}</span>
      </p>
      {quoted ? (
        <div>
          <p className="text-sm italic text-muted">
            Not in {[...new Set(articles.map(name))].join(" or ")}. As {name(quoted)} prints it:
          </p>
          <ClaimSentence s={byArticle.get(quoted.id)!} name={name(quoted)} />
        </div>
      ) : (
        <Columns articles={articles}>
          {(a) => {
            const s = byArticle.get(a.id);
            if (!s) return <p className="text-sm italic text-muted">Not in {name(a)}</p>;
            return <ClaimSentence s={s} name={name(a)} diff={pairDiff(s, articles.map((x) => byArticle.get(x.id)).find((x) => x && x !== s))} />;
          }}
        </Columns>
      )}
      {alsoIn.length > 0 && (
        <p className="mt-2 text-xs text-muted">
          Also carried by {alsoIn.length > 6 ? plural(alsoIn.length, "other article") : outletNames(alsoIn.map(name)).join(", ")}
        </p>
      )}
    </li>
  );
}

/**
 * The words of `s` that differ from the other sentence in view. The stored diff is against the row's
 * reference sentence, which may be neither column (a story of more articles than columns), so the pair
 * on screen is compared here: two short sentences, a small table. Alone in view, nothing is marked: the
 * reader has nothing beside it to see the difference against.
 */
function pairDiff(s: Claim["sentences"][number], other: Claim["sentences"][number] | undefined): DiffToken[] {
  return other ? diffWords(s.text, s.start, other.text).filter((t) => t.op !== "same") : [];
}

/** One article's sentence of a claim, as printed, with the words that differ from the other in view marked. */
function ClaimSentence({ s, name, diff = [] }: { s: Claim["sentences"][number]; name: string; diff?: DiffToken[] }) {
  return (
    <div>
      <blockquote className="text-[0.95rem] leading-relaxed">
        <span className="sr-only">{name}: </span>
        <DiffText text={s.text} start={s.start} diff={diff} />
      </blockquote>
      {(s.attribution || s.hedges.length > 0) && (
        <p className="mt-1 text-xs text-muted">
          {s.attribution && <>attribution: “{s.attribution}”</>}
          {s.attribution && s.hedges.length > 0 && " · "}
          {s.hedges.length > 0 && <>hedging: {s.hedges.map((h) => `“${h}”`).join(", ")}</>}
        </p>
      )}
    </div>
  );
}

function Section({ id, title, children, note }: { id: string; title: string; children: React.ReactNode; note?: string }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="border-b border-black/10 pb-1 text-lg font-semibold">
        {title}
      </h2>
      {note && <p className="mt-1 text-sm text-muted">{note}</p>}
      <div className="mt-3">{children}</div>
    </section>
  );
}

function Generated({ children }: { children: React.ReactNode }) {
  return (
    <span>
      <span className="mr-1 rounded bg-black/5 px-1 text-[0.7rem] font-semibold uppercase tracking-wide text-muted">Parallax</span>
      {children}
    </span>
  );
}

/** Up to this many articles are shown side by side in full; beyond it the reader picks two to compare. */
export const FULL_COLUMNS_MAX = 3;

export function StoryView({
  slug,
  articles: ordered,
  labels,
  comparison,
  pair,
  focus = null,
}: {
  slug: string;
  /** In the comparison's order, with their names: `orderArticles`. */
  articles: StoryArticle[];
  labels: ArticleLabels;
  comparison: StoryComparison | null;
  /** The two articles chosen for comparison (?compare=a,b); null: the default pair. */
  pair: [string, string] | null;
  /** A claim a shared link points at (?claim=<id>): always rendered, with its outlets in the pair. */
  focus?: string | null;
}) {
  const c = comparison;
  const byId = new Map(ordered.map((a) => [a.id, a]));
  const focused = focus ? findClaim(c, focus) : null;
  const chosen = choosePair(ordered, c, pair ?? (focused ? pairFor(focused, ordered) : null));
  // Few articles: all side by side (on a phone, CSS shows the chosen pair). Many: only the chosen pair is
  // rendered in full, the rest summarised, so the page stays small however many outlets join.
  const pairMode = ordered.length > FULL_COLUMNS_MAX;
  const shown = pairMode ? chosen.map((id) => byId.get(id)!).filter(Boolean) : ordered;
  const others = ordered.filter((a) => !shown.includes(a));
  const phonePair = !pairMode && ordered.length > 2 ? chosen : null;
  const label = (id: string) => labels.get(id) ?? "Unknown outlet";
  const name = (a: StoryArticle) => label(a.id);

  return (
    <div data-compare>
      {phonePair && (
        <style>{`@media (max-width: 767px) { [data-compare] [data-article]:not([data-article="${phonePair[0]}"]):not([data-article="${phonePair[1]}"]) { display: none; } }`}</style>
      )}
      {ordered.length > 2 && <PairPicker slug={slug} articles={pickerLabels(ordered, name)} pair={chosen} pairMode={pairMode} />}
      <section aria-label="Articles in this story">
        <Columns articles={shown} label="Articles">
          {(a) => <ArticleHeader a={a} name={name(a)} />}
        </Columns>
        {others.length > 0 && (
          <p className="mt-2 text-sm text-muted">
            Also in this story: {others.map((a, i) => (
              <span key={a.id}>
                {i > 0 && ", "}
                <ArticleLink id={a.id} className="underline">
                  {name(a)}
                </ArticleLink>
              </span>
            ))}
          </p>
        )}
      </section>

      {!c ? (
        <p className="mt-8 text-muted">The comparison for this story is being prepared.</p>
      ) : (
        <>
          <Section id="shared-claims" title="Shared claims" note="Sentences that carry the same claim, aligned across outlets. Highlighted words differ between the two in view.">
            {c.claims.length === 0 ? (
              <p className="text-muted">No claim is carried by more than one article yet.</p>
            ) : (
              <ol className="space-y-3">
                {withFocus(c.claims, MAX_ROWS, focus).map((claim) => (
                  <ClaimRow key={claim.id} claim={claim} articles={shown} others={others} name={name} />
                ))}
              </ol>
            )}
            {c.claims.length > MAX_ROWS && <p className="mt-2 text-sm text-muted">{plural(c.claims.length - MAX_ROWS, "more shared claim")} carried by fewer outlets.</p>}
          </Section>

          <Section id="only-in" title="Only in one outlet">
            <Columns articles={shown}>
              {(a) => {
                const only = c.onlyIn.find((o) => o.articleId === a.id)?.claims ?? [];
                return (
                  <div className="rounded-lg border border-black/10 bg-white p-3">
                    <h3 className="text-sm font-semibold">Only in {name(a)}</h3>
                    {only.length === 0 ? (
                      <p className="mt-1 text-sm text-muted">Nothing that the others leave out.</p>
                    ) : (
                      <ul className="mt-2 space-y-2">
                        {withFocus(only, MAX_ONLY, focus).map((claim) => (
                          <li key={claim.id} id={claim.anchor} className="claim-row text-sm leading-relaxed">
                            {claim.sentences[0]?.text}
                          </li>
                        ))}
                      </ul>
                    )}
                    {only.length > MAX_ONLY && (
                      <p className="mt-2 text-sm">
                        <ArticleLink id={a.id} className="text-accent underline">
                          {plural(only.length - MAX_ONLY, "more sentence")} in the full article
                        </ArticleLink>
                      </p>
                    )}
                  </div>
                );
              }}
            </Columns>
            {others.length > 0 && (
              <ul className="mt-2 space-y-1 text-sm text-muted">
                {others.map((a) => {
                  const n = c.onlyIn.find((o) => o.articleId === a.id)?.claims.length ?? 0;
                  if (n === 0) return <li key={a.id}>{name(a)}: nothing that the others leave out</li>;
                  return (
                    <li key={a.id}>
                      {name(a)}: {plural(n, "sentence")} no other outlet carries ·{" "}
                      <a href={`/stories/${slug}?compare=${a.id},${chosen[0] === a.id ? chosen[1] : chosen[0]}#only-in`} className="text-accent underline">
                        compare
                      </a>
                    </li>
                  );
                })}
              </ul>
            )}
          </Section>

          <Section id="names" title="How each outlet names them" note="The words each outlet puts next to a name, as printed. ⚑ marks entities the outlets describe differently.">
            {c.descriptors.length === 0 ? (
              <p className="text-muted">No descriptors found.</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full border-collapse text-sm">
                  <thead>
                    <tr>
                      <th scope="col" className="p-2 text-left">Entity</th>
                      {shown.map((a) => (
                        <th key={a.id} scope="col" data-article={a.id} className="p-2 text-left">
                          {name(a)}
                        </th>
                      ))}
                      {pairMode && <th scope="col" className="p-2 text-left">All {ordered.length} articles</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {c.descriptors.slice(0, MAX_ENTITY_ROWS).map((row) => (
                      <tr key={row.entityKey} className="border-t border-black/10 align-top">
                        <th scope="row" className="p-2 text-left font-medium">
                          {row.name}
                          {row.differs && (
                            <span className="ml-1 text-amber-800" title="Outlets describe this entity differently">
                              ⚑ <span className="sr-only">described differently</span>
                            </span>
                          )}
                          {row.spellingVariants.length > 0 && (
                            <span className="block text-xs font-normal text-muted">spellings: {row.spellingVariants.map((v) => `“${v}”`).join(" / ")}</span>
                          )}
                        </th>
                        {shown.map((a) => {
                          const cell = row.cells.find((x) => x.articleId === a.id);
                          return (
                            <td key={a.id} data-article={a.id} className="p-2">
                              <DescriptorCell cell={cell} />
                            </td>
                          );
                        })}
                        {pairMode && (
                          <td className="p-2">
                            <WordingGroups row={row} />
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Section>

          <Section id="cited" title="Who is cited" note="Sources each outlet attributes claims to, with the verbs used, as printed.">
            {c.citations.length === 0 ? (
              <p className="text-muted">No attributions found.</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full border-collapse text-sm">
                  <thead>
                    <tr>
                      <th scope="col" className="p-2 text-left">Source</th>
                      {shown.map((a) => (
                        <th key={a.id} scope="col" data-article={a.id} className="p-2 text-left">
                          {name(a)}
                        </th>
                      ))}
                      {pairMode && <th scope="col" className="p-2 text-left">Cited by</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {c.citations.slice(0, MAX_ENTITY_ROWS).map((row) => (
                      <tr key={row.key} className="border-t border-black/10 align-top">
                        <th scope="row" className="p-2 text-left font-medium">{row.name ?? <span className="text-muted">Quotes without a named speaker</span>}</th>
                        {shown.map((a) => {
                          const cell = row.cells.find((x) => x.articleId === a.id);
                          return (
                            <td key={a.id} data-article={a.id} className="p-2">
                              {!cell || cell.citations.length === 0 ? (
                                <span className="text-muted">—</span>
                              ) : (
                                <ul className="space-y-1">
                                  {cell.citations.slice(0, 4).map((ci, i) => (
                                    <li key={i}>
                                      {ci.kind === "quote" ? "quote: " : ""}“{ci.text}”
                                      {ci.hedged && <span className="ml-1 text-xs text-amber-800">(distancing verb)</span>}
                                    </li>
                                  ))}
                                </ul>
                              )}
                            </td>
                          );
                        })}
                        {pairMode && <td className="p-2">{plural(row.citedBy, "article")}</td>}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Section>

          <Section id="gaps" title="Coverage gaps">
            {c.gaps.length === 0 ? (
              <p className="text-muted">Every outlet covers the same entities and claims.</p>
            ) : (
              <GapList gaps={c.gaps} articles={ordered} descriptors={c.descriptors} label={label} />
            )}
          </Section>
        </>
      )}

      <details className="mt-8 rounded-lg border border-black/10 bg-white p-3">
        <summary className="cursor-pointer font-semibold">Why these articles are together</summary>
        <ul className="mt-2 space-y-2 text-sm">
          {ordered.map((a) => (
            <li key={a.id}>
              <span className="font-medium">{name(a)}</span>: <WhyJoined assignment={a.assignment} />
            </li>
          ))}
        </ul>
      </details>

      <EditorTools spacing="mt-4">
        <EditorForm
          title="Merge this story into another"
          endpoint={`/api/stories/${slug}/merge`}
          fields={[{ name: "into", label: "Slug of the story to merge into", placeholder: "e.g. some-story-k3j9x2m4qa" }]}
          submitLabel="Merge"
          goTo="story"
        />
        {ordered.length > 1 && (
          <EditorForm
            title="Split articles off into a new story"
            endpoint={`/api/stories/${slug}/split`}
            fields={[{ name: "articleIds", label: "Articles to split off", multi: true, options: ordered.map((a) => ({ value: a.id, label: `${name(a)}: ${a.title}` })) }]}
            submitLabel="Split"
            goTo="story"
          />
        )}
      </EditorTools>
    </div>
  );
}

// Bounds that keep a big story's page small and fast; everything beyond is one click away.
const MAX_ROWS = 40;
const MAX_ONLY = 15;
const MAX_ENTITY_ROWS = 20;

function findClaim(c: StoryComparison | null, id: string): Claim | null {
  if (!c) return null;
  return c.claims.find((x) => x.id === id) ?? c.onlyIn.flatMap((o) => o.claims).find((x) => x.id === id) ?? null;
}

/** Two articles that carry the claim (or the one that does, with its neighbour). */
function pairFor(claim: Claim, ordered: StoryArticle[]): [string, string] {
  const ids = claim.sentences.map((x) => x.articleId);
  const other = ordered.find((a) => !ids.includes(a.id))?.id ?? ids[0]!;
  return [ids[0]!, ids[1] ?? other];
}

/** The first `max` claims, plus the focused one wherever it stands. */
function withFocus(claims: Claim[], max: number, focus: string | null): Claim[] {
  const head = claims.slice(0, max);
  const extra = focus && !head.some((x) => x.id === focus) ? claims.filter((x) => x.id === focus) : [];
  return [...head, ...extra];
}

/** The pair picker's entries: an outlet with several articles in the story names each by its headline. */
export function pickerLabels(ordered: StoryArticle[], name: (a: StoryArticle) => string): { id: string; label: string }[] {
  const count = new Map<string, number>();
  for (const a of ordered) count.set(name(a), (count.get(name(a)) ?? 0) + 1);
  return ordered.map((a) => ({ id: a.id, label: count.get(name(a))! > 1 ? `${name(a)}: ${clipAtWord(a.title, 48)}` : name(a) }));
}

/**
 * The requested pair when valid; else the two articles of different outlets that share the most claims
 * (then carry the most, then come first). A story's default view is there to compare outlets, so two
 * articles of one outlet are the pair only when the story has no second outlet.
 */
export function choosePair(ordered: StoryArticle[], c: StoryComparison | null, requested: [string, string] | null): [string, string] {
  const ids = new Set(ordered.map((a) => a.id));
  if (requested && requested[0] !== requested[1] && ids.has(requested[0]) && ids.has(requested[1])) return requested;
  if (ordered.length < 2) return [ordered[0]?.id ?? "", ordered[0]?.id ?? ""];
  const index = new Map(ordered.map((a, i) => [a.id, i]));
  const carried = new Array<number>(ordered.length).fill(0);
  const shared = new Map<number, number>();
  // Articles carrying the central claim the header quotes: the first view shows it side by side when two
  // outlets can (ECB+'s Lohan story opened on two items that both left it out, "Not in X or Y").
  const central = new Set<number>();
  for (const claim of c?.claims ?? []) {
    const at = [...new Set(claim.sentences.map((s) => index.get(s.articleId)).filter((i): i is number => i !== undefined))];
    if (c?.centralClaim && claim.id === c.centralClaim.claimId) for (const i of at) central.add(i);
    for (const i of at) carried[i]! += 1;
    // Weighted by how many articles carry the claim: a pair that shares the story's central claim shows more
    // of the story than one sharing an aside (ECB+'s Lohan story opened on two 80- and 199-word items that
    // shared one side remark, neither carrying the claim six outlets carried).
    for (const i of at) for (const j of at) if (i < j) shared.set(i * ordered.length + j, (shared.get(i * ordered.length + j) ?? 0) + at.length);
  }
  // An article without an outlet is its own source, as the comparison counts it.
  const source = (a: StoryArticle) => a.outlet?.id ?? `article:${a.id}`;
  // A copy tells its original's story word for word: side by side the two show nothing, and a copy shows
  // what its original shows. (ECB+'s Kraft shooting story opened on a blog's reprint of its original.)
  const original = (a: StoryArticle) => a.copyOfId ?? a.id;
  // Ranked by: different outlets, not one text twice, both carry the central claim, named outlets, fewer
  // copies, claims shared (by weight), claims carried. Only a strictly better pair replaces the best so far,
  // so ties keep the earlier pair.
  const rank = (i: number, j: number) => {
    const [a, b] = [ordered[i]!, ordered[j]!];
    return [
      source(a) !== source(b) ? 1 : 0,
      original(a) !== original(b) ? 1 : 0,
      central.has(i) && central.has(j) ? 1 : 0,
      // Outlets a reader knows before "Unknown outlet 11" and "Unknown outlet 18" (ECB+'s pirates story).
      Number(a.outlet !== null) + Number(b.outlet !== null),
      -(Number(a.copyOfId !== null) + Number(b.copyOfId !== null)),
      shared.get(i * ordered.length + j) ?? 0,
      carried[i]! + carried[j]!,
    ];
  };
  let best: [number, number] = [0, 1];
  let bestRank = rank(0, 1);
  for (let i = 0; i < ordered.length; i++) {
    for (let j = i + 1; j < ordered.length; j++) {
      const r = rank(i, j);
      const first = r.findIndex((x, k) => x !== bestRank[k]);
      if (first >= 0 && r[first]! > bestRank[first]!) [best, bestRank] = [[i, j], r];
    }
  }
  return [ordered[best[0]]!.id, ordered[best[1]]!.id];
}

function DescriptorCell({ cell }: { cell: StoryComparison["descriptors"][number]["cells"][number] | undefined }) {
  if (!cell || cell.mentions === 0) return <span className="text-muted">not named</span>;
  if (cell.descriptors.length === 0) return <span className="text-muted">{cell.surfaces.map((s) => `“${s}”`).join(", ")}</span>;
  return (
    <>
      {cell.descriptors.map((d) => (
        <span key={d.text} className="mr-1 inline-block rounded bg-black/5 px-1.5 py-0.5">
          “{d.text}”{d.count > 1 && <span className="text-muted"> ×{d.count}</span>}
        </span>
      ))}
    </>
  );
}

/** "7 articles: “Russian President”; 2 articles: “Russian dictator”" across every article of the story. */
function WordingGroups({ row }: { row: StoryComparison["descriptors"][number] }) {
  const groups = new Map<string, number>();
  for (const cell of row.cells) for (const d of cell.descriptors) groups.set(d.text, (groups.get(d.text) ?? 0) + 1);
  const sorted = [...groups].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (!sorted.length) return <span className="text-muted">no descriptors</span>;
  return <>{sorted.slice(0, 4).map(([text, n]) => `${n} × “${text}”`).join("; ")}</>;
}

/**
 * Gaps grouped by which articles carry them, so ten places named by one outlet read as one line. A gap
 * most articles share is told by the few that lack it ("All but X name Los Angeles"), which is the news.
 */
function GapList({
  gaps,
  articles,
  descriptors,
  label: outletOf,
}: {
  gaps: StoryComparison["gaps"];
  articles: StoryArticle[];
  descriptors: StoryComparison["descriptors"];
  label: (id: string) => string;
}) {
  const names = new Map(descriptors.map((d) => [d.entityKey, d.name]));
  const total = articles.length;
  const groups = new Map<string, { presentIn: string[]; entities: string[]; claims: string[] }>();
  for (const g of gaps) {
    const k = g.presentIn.join(",");
    const grp = groups.get(k) ?? { presentIn: g.presentIn, entities: [], claims: [] };
    if (g.kind === "entity") grp.entities.push(names.get(g.key) ?? g.key);
    else grp.claims.push(g.key);
    groups.set(k, grp);
  }
  return (
    <ul className="space-y-2 text-sm">
      {[...groups.values()].slice(0, 12).map((g) => (
        <li key={g.presentIn.join(",")}>
          <Generated>{gapSentence(g, articles.filter((a) => !g.presentIn.includes(a.id)).map((a) => a.id), total, outletOf, articles.map((a) => outletOf(a.id)))}</Generated>
          {g.claims.length > 0 && (
            <span className="ml-1">
              {g.claims.slice(0, 8).map((id, i) => (
                <a key={id} href={`#claim-${id}`} className="ml-1 text-accent underline">
                  {i + 1}
                </a>
              ))}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

const GAP_NAMES_MAX = 6;

/** "Only The Kyiv Independent names Dmitry Peskov and carries 2 claims the others leave out." */
export function gapSentence(
  g: { presentIn: string[]; entities: string[]; claims: string[] },
  absentFrom: string[],
  total: number,
  outletOf: (id: string) => string,
  storyLabels?: string[],
): string {
  const few = g.presentIn.length <= absentFrom.length;
  const labels = storyLabels ?? [...g.presentIn, ...absentFrom].map(outletOf);
  const who = (ids: string[]) => (ids.length > 3 ? null : andList(outletNames(ids.map(outletOf), labels)));
  // Counts are of articles: when an outlet has two, "5 of 11 outlets" in a story of 10 outlets would be wrong.
  const unit = new Set(labels).size < total ? "articles" : "outlets";
  const subject = few ? `Only ${who(g.presentIn) ?? `${g.presentIn.length} of ${total} ${unit}`}` : `All but ${who(absentFrom) ?? `${absentFrom.length} of ${total} ${unit}`}`;
  const one = few && g.presentIn.length === 1;
  const parts: string[] = [];
  // The names come most-mentioned first; a long tail of one-off names would bury the sentence.
  const names = g.entities.length > GAP_NAMES_MAX ? `${g.entities.slice(0, GAP_NAMES_MAX).join(", ")} (and ${g.entities.length - GAP_NAMES_MAX} more)` : andList(g.entities);
  if (g.entities.length > 0) parts.push(`${one ? "names" : "name"} ${names}`);
  if (g.claims.length > 0) {
    const leftOutBy = few ? "the others leave out" : `${who(absentFrom) ?? `the other ${absentFrom.length}`} ${absentFrom.length === 1 ? "leaves" : "leave"} out`;
    parts.push(`${one ? "carries" : "carry"} ${plural(g.claims.length, "claim")} ${leftOutBy}`);
  }
  return `${subject} ${parts.join(" and ")}.`;
}

export function WhyJoined({ assignment }: { assignment: unknown }) {
  const a = assignment as {
    storyId: string | null;
    score: number;
    threshold: number;
    sharedEntities?: { key: string }[];
    sharedTerms?: { term: string }[];
    sharedDates?: string[];
    runnerUp?: { score: number } | null;
  } | null;
  if (!a || "editor" in (a as object)) return <span className="text-muted">placed here by an editor</span>;
  if (!a.storyId) return <span>started this story (no earlier story scored above {a.threshold})</span>;
  const ents = (a.sharedEntities ?? []).slice(0, 6).map((e) => e.key.replace(/^[a-z]+:/, "").replace(/-/g, " "));
  const terms = (a.sharedTerms ?? []).slice(0, 6).map((t) => t.term);
  // Shared dates come at three precisions ("2013", "2013-07", "2013-07-21"): only the most precise shown.
  const shared = a.sharedDates ?? [];
  const finest = Math.max(0, ...shared.map((d) => d.length));
  const dates = shared.filter((d) => d.length === finest).slice(0, 3);
  return (
    <span>
      joined with score {a.score.toFixed(2)} (threshold {a.threshold})
      {ents.length > 0 && <> · shared entities: {ents.join(", ")}</>}
      {terms.length > 0 && <> · shared words: {terms.join(", ")}</>}
      {dates.length > 0 && <> · dates both write: {dates.join(", ")}</>}
      {a.runnerUp && <> · next best story scored {a.runnerUp.score.toFixed(2)}</>}
    </span>
  );
}
