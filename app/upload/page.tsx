import type { Metadata } from "next";
import { UploadForm } from "@/components/upload-form";

export const metadata: Metadata = { title: "Upload articles" };

export default function UploadPage() {
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold tracking-tight">Upload articles</h1>
      <p className="mt-1 text-muted">
        Drop the article files you collected: saved web pages (.html, or .mhtml as a single file), text copied or scraped from a page (.txt), Markdown
        (.md) or JSON records (.json). Parallax extracts the article, finds who and what it is about, and places it in a
        story with other outlets’ reports.
      </p>
      <UploadForm />
    </div>
  );
}
