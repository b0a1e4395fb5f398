// Malformed inputs derived from a route's zod schemas: for every field of the body (and every
// path/query parameter) wrong types, nulls, huge and hostile strings, plus whole-body junk —
// missing fields, extra fields, invalid JSON, deep nesting. Every variant is invalid on purpose.
import { z } from "zod";

export interface Variant {
  label: string;
  body?: unknown;
  rawBody?: string;
}

const HOSTILE_STRINGS: Array<[string, string]> = [
  ["NUL byte", "abc\u0000def"],
  ["emoji", "💥🔥🧨".repeat(20)],
  ["right-to-left override", "\u202eevil\u202c"],
  ["lone surrogate", "\ud800x"],
  ["SQL", "'; drop table public.events; --"],
  ["markup", "<script>alert(1)</script>"],
  ["whitespace only", " \t\n "],
  ["60k characters", "x".repeat(60_000)],
  ["70k characters (over the body limit)", "y".repeat(70_000)],
];

const WRONG_TYPES: Record<string, unknown[]> = {
  string: [12345, true, [], {}, null],
  number: ["12", "NaN", -1, 1.5, 2 ** 53, null, []],
  integer: ["12", -1, 1.5, 2 ** 53, null],
  boolean: ["true", 0, null, {}],
  array: ["x", {}, [null, {}, []], Array.from({ length: 5000 }, (_, i) => i), null],
  object: ["x", [], null, 1],
};

function jsonTypeOf(schema: z.ZodType): string {
  try {
    const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { type?: string | string[]; anyOf?: Array<{ type?: string }> };
    const type = Array.isArray(json.type) ? json.type[0] : json.type ?? json.anyOf?.find((s) => s.type && s.type !== "null")?.type;
    return type ?? "string";
  } catch {
    return "string";
  }
}

function shapeOf(schema: z.ZodType | undefined): Record<string, z.ZodType> | null {
  let current: unknown = schema;
  for (let i = 0; i < 5 && current; i++) {
    const candidate = current as { shape?: Record<string, z.ZodType>; _zod?: { def?: { innerType?: unknown; in?: unknown; schema?: unknown } } };
    if (candidate.shape && typeof candidate.shape === "object") return candidate.shape;
    current = candidate._zod?.def?.innerType ?? candidate._zod?.def?.in ?? candidate._zod?.def?.schema;
  }
  return null;
}

function deepNesting(levels: number): string {
  return `${"[".repeat(levels)}${"]".repeat(levels)}`;
}

export function bodyVariants(schema: z.ZodType | undefined): Variant[] {
  const variants: Variant[] = [
    { label: "invalid JSON", rawBody: '{"a": ' },
    { label: "not JSON at all", rawBody: "hello" },
    { label: "empty body", rawBody: "" },
    { label: "JSON null", rawBody: "null" },
    { label: "JSON array", body: [{}] },
    { label: "JSON string", body: "text" },
    { label: "deeply nested arrays", rawBody: deepNesting(5000) },
    { label: "prototype pollution", rawBody: '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}' },
    { label: "only an unknown field", body: { unexpectedField: "x" } },
  ];
  const shape = shapeOf(schema);
  if (!shape) return variants;
  const keys = Object.keys(shape);
  variants.push({ label: "every field null", body: Object.fromEntries(keys.map((k) => [k, null])) });
  for (const key of keys) {
    const type = jsonTypeOf(shape[key]!);
    for (const wrong of WRONG_TYPES[type] ?? WRONG_TYPES.string!) {
      variants.push({ label: `${key}: ${type} given ${JSON.stringify(wrong)?.slice(0, 30)}`, body: { [key]: wrong, unexpectedField: 1 } });
    }
    if (type === "string") {
      for (const [label, value] of HOSTILE_STRINGS) variants.push({ label: `${key}: ${label}`, body: { [key]: value, unexpectedField: 1 } });
    }
    variants.push({ label: `${key}: nested junk`, body: { [key]: { a: [{ b: { c: [null, "💥", 1e308] } }] }, unexpectedField: 1 } });
  }
  return variants;
}

export const BAD_PATH_VALUES: Array<[string, string]> = [
  ["not a uuid", "not-a-uuid"],
  ["SQL", "' or 1=1 --"],
  ["NUL", "\u0000"],
  ["traversal", "../../etc/passwd"],
  ["5000 characters", "a".repeat(5000)],
  ["unicode", "ü💥"],
  ["uuid with braces", "{00000000-0000-0000-0000-000000000000}"],
  ["nil uuid", "00000000-0000-0000-0000-000000000000"],
];

export const BAD_QUERY_STRINGS = ["limit=abc&offset=-1", "limit=1e309", "limit=10&limit=20", "unknown=1", "q=%00", `q=${"z".repeat(5000)}`];
