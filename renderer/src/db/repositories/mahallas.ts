import type { HamkorlikDb } from '../db';
import { DomainError } from '../../domain/errors';
import { mahallaKey, mahallaNameSchema, type Mahalla } from '../../domain/mahalla';
import type { TriLingualText } from '../../domain/names';
import { newRecordMeta, touched } from '../../domain/record';

/** The office's mahallas that are not deleted, in Uzbek Latin alphabetical order. */
export async function listMahallas(db: HamkorlikDb): Promise<Mahalla[]> {
  const all = await db.mahallas.filter((mahalla) => mahalla.deletedAt === null).toArray();
  return all.sort((a, b) => a.name.uzLatn.localeCompare(b.name.uzLatn, 'uz'));
}

function validName(name: TriLingualText): TriLingualText {
  const parsed = mahallaNameSchema.safeParse(name);
  if (!parsed.success) throw new DomainError('invalid', JSON.stringify(parsed.error.issues));
  return parsed.data;
}

async function assertUnique(db: HamkorlikDb, name: TriLingualText, exceptId?: string): Promise<void> {
  const key = mahallaKey(name.uzLatn);
  const clash = await db.mahallas
    .filter((m) => m.deletedAt === null && m.id !== exceptId && mahallaKey(m.name.uzLatn) === key)
    .first();
  if (clash) throw new DomainError('duplicate', clash.id);
}

/** Adds mahallas in one transaction: all of them or none, each validated and unique. */
export async function addMahallas(db: HamkorlikDb, names: readonly TriLingualText[]): Promise<Mahalla[]> {
  const context = db.writeContext();
  const valid = names.map(validName);
  return db.transaction('rw', db.mahallas, async () => {
    const keys = new Set<string>();
    const created: Mahalla[] = [];
    for (const name of valid) {
      const key = mahallaKey(name.uzLatn);
      if (keys.has(key)) throw new DomainError('duplicate', name.uzLatn);
      keys.add(key);
      await assertUnique(db, name);
      created.push({ ...newRecordMeta(context), name });
    }
    await db.mahallas.bulkAdd(created);
    return created;
  });
}

export async function renameMahalla(db: HamkorlikDb, id: string, name: TriLingualText): Promise<Mahalla> {
  const context = db.writeContext();
  const valid = validName(name);
  return db.transaction('rw', db.mahallas, async () => {
    const current = await db.mahallas.get(id);
    if (!current || current.deletedAt) throw new DomainError('notFound', id);
    await assertUnique(db, valid, id);
    const next = touched(current, { name: valid }, context);
    await db.mahallas.put(next);
    return next;
  });
}

/**
 * Marks a mahalla deleted; it stays as a tombstone so cases that name it still resolve. Its team goes
 * with it and specialists no longer list it, so the directory keeps no member tied to a mahalla
 * nobody can see or edit any more.
 */
export async function deleteMahalla(db: HamkorlikDb, id: string): Promise<void> {
  const context = db.writeContext();
  const at = context.now.toISOString();
  await db.transaction('rw', [db.mahallas, db.teams, db.specialists], async () => {
    const current = await db.mahallas.get(id);
    if (!current || current.deletedAt) throw new DomainError('notFound', id);
    await db.mahallas.put({ ...touched(current, {}, context), deletedAt: at });
    for (const team of await db.teams.where('mahallaId').equals(id).filter((t) => t.deletedAt === null).toArray()) {
      await db.teams.put({ ...touched(team, {}, context), deletedAt: at });
    }
    for (const specialist of await db.specialists.where('mahallaIds').equals(id).toArray()) {
      await db.specialists.put(touched(specialist, { mahallaIds: specialist.mahallaIds.filter((m) => m !== id) }, context));
    }
  });
}
