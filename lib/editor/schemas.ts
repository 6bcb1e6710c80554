import { z } from "zod";

const slug = z.string().trim().min(1).max(200);

export const moveArticleSchema = z.object({ story: slug.nullable() }).strict();
export const mergeSchema = z.object({ into: slug }).strict();
export const splitStorySchema = z.object({ articleIds: z.array(z.string().min(1).max(40)).min(1).max(1000) }).strict();
export const splitAliasSchema = z.object({ alias: z.string().trim().min(1).max(300) }).strict();

/** Parse a JSON request body with a schema; malformed JSON is a 400 like any invalid field. */
export async function jsonBody<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    body = Symbol("invalid");
  }
  return schema.parse(body);
}
