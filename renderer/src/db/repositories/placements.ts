import type { HamkorlikDb } from '../db';
import { PLACEMENTS, type Placement, type PlacementKind } from '../../domain/caseWork';
import { isIsoDate, toIsoDate, type IsoDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { newRecordMeta } from '../../domain/record';
import { caseStep } from './cases';
import { requireCase } from './guard';

/**
 * Where each child of a case lives, over time: each change is a new record from its date, so the
 * placement on any past day can be answered (the gate-keeping figures offices report).
 */

export async function listPlacements(db: HamkorlikDb, caseId: string): Promise<Placement[]> {
  return db.transaction('r', [db.cases, db.placements], async () => {
    const kase = await db.cases.get(caseId);
    if (!kase || kase.deletedAt) throw new DomainError('notFound', caseId);
    requireCase(db, 'read', kase);
    const all = await db.placements.where('caseId').equals(caseId).filter((p) => p.deletedAt === null).toArray();
    return all.sort((a, b) => a.from.localeCompare(b.from) || a.createdAt.localeCompare(b.createdAt));
  });
}

export interface PlacementInput {
  personId: string;
  kind: PlacementKind;
  from: IsoDate;
  note: string;
}

/** Records a child's placement from a date: the child is in the family, the date is real, not before birth nor in the future. */
export async function addPlacement(db: HamkorlikDb, caseId: string, input: PlacementInput): Promise<Placement> {
  const context = db.writeContext();
  if (!PLACEMENTS.includes(input.kind)) throw new DomainError('invalid', 'kind');
  if (!isIsoDate(input.from) || input.from > toIsoDate(context.now)) throw new DomainError('invalid', 'from');
  return db.transaction('rw', [db.cases, db.placements, db.memberships, db.persons, db.caseHistory], async () => {
    const kase = await db.cases.get(caseId);
    if (!kase || kase.deletedAt) throw new DomainError('notFound', caseId);
    requireCase(db, 'change', kase);
    const member = await db.memberships.where('caseId').equals(caseId).filter((m) => m.deletedAt === null && m.personId === input.personId).first();
    const person = member ? await db.persons.get(input.personId) : undefined;
    if (!person) throw new DomainError('invalid', 'personId');
    if (input.from < person.birthDate) throw new DomainError('invalid', 'beforeBirth');
    const record: Placement = { ...newRecordMeta(context), caseId, personId: input.personId, kind: input.kind, from: input.from, note: input.note.trim() };
    await db.placements.add(record);
    await db.caseHistory.add({ ...caseStep(context, kase, 'placement', record.note), placement: { personId: input.personId, kind: input.kind, from: input.from } });
    return record;
  });
}
