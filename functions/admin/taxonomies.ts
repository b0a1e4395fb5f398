// Shared taxonomies (tags, skills, categories): admins create, rename and delete them (rule 7.18).
// The table name comes from a fixed list, never from the request text. The audit rows are written
// by triggers on the tables (migration 20261204100400), so PostgREST writes are audited too.
import type { Tx } from "../_shared/database.ts";
import { conflict, notFound } from "../_shared/errors.ts";
import type { Taxonomy, TaxonomyTerm } from "../_shared/contracts/admin.ts";
import type { CurrentAccount } from "../_shared/moderation/current-account.ts";

const singular = { tags: "tag", skills: "skill", categories: "category" } as const;

interface TermRow {
  id: string;
  name: string;
  created_at: Date;
}

/** A clear 409 for a duplicate name (names are unique case-insensitively). */
async function uniqueName<T>(taxonomy: Taxonomy, name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === "23505") {
      throw conflict(`${taxonomy}_name_is_unique`, `Cannot use the ${singular[taxonomy]} name "${name}": it exists already (names ignore case)`);
    }
    throw error;
  }
}

function toTerm(row: TermRow): TaxonomyTerm {
  return { id: row.id, name: row.name, createdAt: row.created_at.toISOString() };
}

export async function createTerm(tx: Tx, _admin: CurrentAccount, taxonomy: Taxonomy, name: string): Promise<TaxonomyTerm> {
  const [row] = await uniqueName(taxonomy, name, () => tx<TermRow[]>`
    insert into ${tx("public." + taxonomy)} (name) values (${name}) returning id, name::text as name, created_at`);
  return toTerm(row!);
}

export async function renameTerm(tx: Tx, _admin: CurrentAccount, taxonomy: Taxonomy, id: string, name: string): Promise<TaxonomyTerm> {
  const [before] = await tx<{ name: string }[]>`select name::text as name from ${tx("public." + taxonomy)} where id = ${id} for update`;
  if (!before) throw notFound(`No ${singular[taxonomy]} with id "${id}"`);
  const [row] = await uniqueName(taxonomy, name, () => tx<TermRow[]>`
    update ${tx("public." + taxonomy)} set name = ${name} where id = ${id} returning id, name::text as name, created_at`);
  return toTerm(row!);
}

export async function deleteTerm(tx: Tx, _admin: CurrentAccount, taxonomy: Taxonomy, id: string): Promise<TaxonomyTerm> {
  const [row] = await tx<TermRow[]>`
    delete from ${tx("public." + taxonomy)} where id = ${id} returning id, name::text as name, created_at`;
  if (!row) throw notFound(`No ${singular[taxonomy]} with id "${id}"`);
  return toTerm(row);
}
