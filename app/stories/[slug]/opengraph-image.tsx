import { ImageResponse } from "next/og";
import type { StoryComparison } from "@/lib/compare";
import { getStoryBySlug, getStoryComparison } from "@/lib/db/story-queries";

// The preview card a shared permalink unfurls into: title, outlets, and the sharpest wording difference.
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const alt = "Parallax story preview";

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const found = await getStoryBySlug(slug);
  const story = found.kind === "found" ? found.story : null;
  const title = story?.title ?? "Story on Parallax";
  const outlets = story ? [...new Set(story.articles.map((a) => a.outlet?.name).filter(Boolean))] as string[] : [];
  const c = (story ? await getStoryComparison(story.id) : null) as StoryComparison | null;
  const row = c?.descriptors.find((d) => d.differs);
  const diff = row
    ? row.cells
        .map((cell) => ({ outlet: c!.articles.find((a) => a.id === cell.articleId)?.outlet ?? "?", d: cell.descriptors[0]?.text }))
        .filter((x) => x.d)
        .slice(0, 2)
    : [];
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", background: "#fafaf7", padding: 64, color: "#16181d" }}>
        <div style={{ display: "flex", fontSize: 28, fontWeight: 700, color: "#1f4fd1" }}>Parallax</div>
        <div style={{ display: "flex", fontSize: title.length > 90 ? 44 : 56, fontWeight: 700, marginTop: 24, lineHeight: 1.15 }}>{title}</div>
        <div style={{ display: "flex", fontSize: 28, marginTop: 24, color: "#4b5260" }}>
          {outlets.length ? `${outlets.length} outlets: ${outlets.slice(0, 4).join(" · ")}` : "How each outlet told the story"}
        </div>
        {row && diff.length >= 2 && (
          <div style={{ display: "flex", flexDirection: "column", marginTop: "auto", fontSize: 30 }}>
            <div style={{ display: "flex", color: "#4b5260" }}>{row.name}</div>
            <div style={{ display: "flex", gap: 24, marginTop: 8 }}>
              {diff.map((x) => (
                <div key={x.outlet} style={{ display: "flex", background: "#fde68a", padding: "6px 14px", borderRadius: 8 }}>
                  {`${x.outlet}: “${x.d}”`}
                </div>
              ))}
            </div>
          </div>
        )}
      </div>
    ),
    size,
  );
}
