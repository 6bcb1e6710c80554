import Link from "next/link";

export default function OutletNotFound() {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-bold">Outlet not found</h1>
      <p className="mt-2 text-muted">No outlet lives at this address.</p>
      <Link href="/" className="mt-4 inline-block text-accent underline">
        See all stories
      </Link>
    </div>
  );
}
