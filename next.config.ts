import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The pipeline's heavy Node-only packages stay out of the server bundle and load from node_modules.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "compromise", "linkedom", "chardet", "iconv-lite"],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // Uploads of many article files: multipart bodies up to a few hundred MB in total.
    serverActions: { bodySizeLimit: "50mb" },
  },
};

export default nextConfig;
