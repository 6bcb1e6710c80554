import Link from "next/link";
import type { ReactNode } from "react";
import { SearchForm } from "./search-form";

// The header, footer and skip link every page shows. Both routers render it: the app router's layout
// and the story page (pages router, served without React in the browser), so they look the same.
// In a page that does not hydrate, next/link renders a plain <a>; a click is an ordinary page load.
// The sections in the header; on phones the entities index is left to the pages that link to it.
const SECTIONS: { href: string; label: string; className?: string }[] = [
  { href: "/", label: "Stories" },
  { href: "/outlets", label: "Outlets" },
  { href: "/entities", label: "Entities", className: "hidden sm:inline" },
];

export function SiteChrome({ children }: { children: ReactNode }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b border-black/10 bg-[#fafaf7]/95 backdrop-blur">
        <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center gap-4 px-4 py-3 sm:gap-6">
          <Link href="/" className="text-lg font-bold tracking-tight">
            Parallax
          </Link>
          {SECTIONS.map((l) => (
            <Link key={l.label} href={l.href} className={`${l.className ?? ""} text-sm text-muted hover:text-ink`.trim()}>
              {l.label}
            </Link>
          ))}
          <div className="ml-auto hidden md:block">
            <SearchForm id="site-search" />
          </div>
          {/* Phones have no room for the box: the search page has its own. */}
          <Link href="/search" className="ml-auto text-sm text-muted hover:text-ink md:hidden">
            Search
          </Link>
          <Link
            href="/upload"
            className="rounded-md bg-ink px-3 py-1.5 text-sm font-medium text-white hover:bg-black focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
          >
            Upload
          </Link>
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
      <footer className="border-t border-black/10 py-6 text-center text-sm text-muted">
        Parallax is open source. Quoted text is the outlets&apos; own; wording marked “Parallax” is generated.
      </footer>
    </>
  );
}

/** The classes of <body> on every page (a flex column so the footer sits at the bottom of short pages). */
export const bodyClassName = "flex min-h-screen flex-col font-sans antialiased";
