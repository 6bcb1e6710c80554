import type { AppProps } from "next/app";
import Head from "next/head";
// The font's class is set on <html> by pages/_document; importing the font here is what puts its
// @font-face and preload into the page.
import "@/components/fonts";
import { SiteChrome } from "@/components/site-chrome";
import "@/app/globals.css";

// The pages router serves only the story page (pages/stories/[slug].tsx), which does not hydrate React.
// This wraps it in the same header, footer, font and stylesheet as the app router's layout, with the
// head tags that layout's metadata and viewport write.
export default function ParallaxApp({ Component, pageProps }: AppProps) {
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#16181d" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" sizes="any" />
      </Head>
      <SiteChrome>
        <Component {...pageProps} />
      </SiteChrome>
    </>
  );
}
