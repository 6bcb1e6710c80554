import type { Metadata, Viewport } from "next";
import { inter } from "@/components/fonts";
import { bodyClassName, SiteChrome } from "@/components/site-chrome";
import { publicOrigin } from "@/lib/site";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(await publicOrigin()),
    title: { default: "Parallax — how each outlet told the story", template: "%s · Parallax" },
    description:
      "Parallax lines up news articles from different outlets claim by claim: what they share, what only one carries, and the words each uses for the same people.",
    openGraph: { siteName: "Parallax", type: "website" },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#16181d" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className={bodyClassName}>
        <SiteChrome>{children}</SiteChrome>
      </body>
    </html>
  );
}
