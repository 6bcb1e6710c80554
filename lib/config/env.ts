import { z } from "zod";

// Environment, validated once. Every setting the README's configuration table lists is here.
const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PARALLAX_DATA_DIR: z.string().min(1).default(".data"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  /** Public origin for permalinks and Open Graph tags when served behind a proxy. */
  PUBLIC_URL: z.string().url().optional(),
});

export type Env = z.infer<typeof schema>;

// Parsed on every call (it is cheap): entry points set DATABASE_URL after start-up, and tests change
// the environment between cases.
export function env(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}
