import type { Metadata } from "next";
import { connection } from "next/server";
import { UploadForm } from "@/components/upload-form";
import { env } from "@/lib/config/env";

export const metadata: Metadata = { title: "Upload articles" };

export default async function UploadPage() {
  // The size limit is the server's configuration at run time (MAX_UPLOAD_BYTES), not at build time.
  await connection();
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold tracking-tight">Upload articles</h1>
      <p className="mt-1 text-muted">
        Drop the article files you collected: saved web pages (.html, or .mhtml as a single file), text copied or scraped from a page (.txt), Markdown
        (.md) or JSON records (.json). Parallax extracts the article, finds who and what it is about, and places it in a
        story with other outlets’ reports.
      </p>
      <UploadForm maxBytes={env().MAX_UPLOAD_BYTES} />
    </div>
  );
}
