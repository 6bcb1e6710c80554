import { headers } from "next/headers";
import { originFrom } from "./origin";

/** The public origin (lib/origin) of the request the app router is answering. */
export async function publicOrigin(): Promise<string> {
  return originFrom(await headers());
}
