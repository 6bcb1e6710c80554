import type { ReactNode } from "react";

// A link to a story page. The story page is served by the pages router without React
// (pages/stories/[slug].tsx), so the app router cannot open it in place: a next/link would prefetch it
// (a full server render per visible link) and, on click, fetch it once more before loading it as a
// document anyway. A plain anchor is one request.
export function StoryLink({ slug, className, children }: { slug: string; className?: string; children: ReactNode }) {
  return (
    <a href={`/stories/${slug}`} className={className}>
      {children}
    </a>
  );
}
