import { Head, Html, Main, NextScript } from "next/document";
import { inter } from "@/components/fonts";
import { bodyClassName } from "@/components/site-chrome";

// The same <html> and <body> as the app router's layout: the font's CSS variable must sit on <html>,
// where the stylesheet's --font-sans (defined on :root) reads it.
export default function Document() {
  return (
    <Html lang="en" className={inter.variable}>
      <Head />
      <body className={bodyClassName}>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
