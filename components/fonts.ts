import localFont from "next/font/local";

// Self-hosted Inter (from @fontsource-variable/inter): builds run offline, so no Google Fonts. One
// declaration shared by both routers, so every page gets the same font-face and preload.
export const inter = localFont({ src: "../app/inter-latin-wght-normal.woff2", variable: "--font-inter", display: "swap" });
