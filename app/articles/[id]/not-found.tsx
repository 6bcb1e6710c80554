import Link from "next/link";

export default function ArticleNotFound() {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-bold">Article not found</h1>
      <p className="mt-2 text-muted">No article has this id.</p>
      <Link href="/" className="mt-4 inline-block text-accent underline">
        See all stories
      </Link>
    </div>
  );
}
