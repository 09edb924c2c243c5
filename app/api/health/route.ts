import { NextResponse } from "next/server";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  await db().$queryRawUnsafe("SELECT 1");
  return NextResponse.json({ ok: true });
}
