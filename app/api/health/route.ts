// GET /api/health – liveness plus a real round trip to the database.
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return NextResponse.json({ status: "ok", database: "ok" });
  } catch (e) {
    const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
    return NextResponse.json({ status: "error", database: "unavailable", reason }, { status: 503 });
  }
}
