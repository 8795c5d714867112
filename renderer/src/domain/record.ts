/**
 * Record identity, shared by every stored record so that records can be merged between the PCs
 * of one office and between offices: a UUID, the installation that made it, who and when made
 * and last changed it, a revision counter bumped on every change, and a deletion marker.
 */
export interface RecordMeta {
  id: string;
  installationId: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  rev: number;
  /** Set when the record is deleted; the record stays as a tombstone so merges do not resurrect it. */
  deletedAt: string | null;
  /** Set when an administrator purged a deleted record: only this identity is left, no contents. */
  purgedAt?: string;
}

/** What is left of a purged record: its identity and the fact that it was deleted and purged. */
export function tombstoneOf(record: RecordMeta, context: WriteContext): RecordMeta {
  const at = context.now.toISOString();
  return {
    id: record.id,
    installationId: record.installationId,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    updatedAt: at,
    updatedBy: context.userId,
    rev: record.rev + 1,
    deletedAt: record.deletedAt ?? at,
    purgedAt: at,
  };
}

/** Who is writing, from where, and when. Every write takes one. */
export interface WriteContext {
  userId: string;
  installationId: string;
  now: Date;
}

export function newId(): string {
  return crypto.randomUUID();
}

export function newRecordMeta(context: WriteContext, id: string = newId()): RecordMeta {
  const at = context.now.toISOString();
  return {
    id,
    installationId: context.installationId,
    createdAt: at,
    createdBy: context.userId,
    updatedAt: at,
    updatedBy: context.userId,
    rev: 1,
    deletedAt: null,
  };
}

/** The next revision of a record, stamped with who changed it and when. */
export function touched<T extends RecordMeta>(record: T, changes: Partial<Omit<T, keyof RecordMeta>>, context: WriteContext): T {
  return { ...record, ...changes, updatedAt: context.now.toISOString(), updatedBy: context.userId, rev: record.rev + 1 };
}
