import { z } from 'zod';

/** Any JSON value: what a jsonb column holds when its shape belongs to whoever wrote it. */
export const JsonSchema = z.json();
export type JsonValue = z.infer<typeof JsonSchema>;
