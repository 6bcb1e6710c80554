// GET /api/health – liveness plus a real round trip to the database.
import { NextResponse } from "next/server";
import { reasonOf } from "@/lib/api/http";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return NextResponse.json({ status: "ok", database: "ok" });
  } catch (e) {
    const reason = reasonOf(e);
    return NextResponse.json({ status: "error", database: "unavailable", reason }, { status: 503 });
  }
}
