import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="mt-2 text-muted">There is nothing at this address. It may have been mistyped.</p>
      <Link href="/" className="mt-4 inline-block text-accent underline">
        Back to the stories
      </Link>
    </div>
  );
}
