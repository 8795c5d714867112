import { TRIANGLE } from '../../domain/assessment';
import type { ExchangeLogEntry } from '../../domain/exchange';
import type { BiScriptText, DisplayLanguage } from '../../domain/names';
import { biScriptIn, triLingualIn, type TriLingualText } from '../../domain/names';
import type { NameLookup } from '../cases';
import { itemIdOf, itemIndex } from '../../exchange';
import { isPinflPath, type PreviewRecord, type PreviewRef, type RecordConflicts, type RecordDecisions } from '../../db/exchange';

/** The side a person keeps for one conflicting field: ours (local) or theirs (incoming). */
export type Take = 'local' | 'incoming';

/** The person's choices so far, by `conflictKey`; a missing key is undecided. Plain data (form state). */
export type Choices = Readonly<Record<string, Take>>;

/** One conflict's key: the record and the field path (paths may hold any characters, so JSON). */
export function conflictKey(table: string, id: string, path: readonly string[]): string {
  return `${table}:${id}:${JSON.stringify(path)}`;
}

/** How many fields wait for a decision in all. */
export function conflictCount(conflicts: readonly RecordConflicts[]): number {
  return conflicts.reduce((sum, record) => sum + record.conflicts.length, 0);
}

/** How many fields are still undecided: Apply waits until this is 0. */
export function undecidedCount(conflicts: readonly RecordConflicts[], choices: Choices): number {
  return conflicts.reduce((sum, record) => sum + record.conflicts.filter((c) => !choices[conflictKey(record.table, record.id, c.path)]).length, 0);
}

/** Whether only ours can be kept: theirs is a PINFL another person here holds (applyTransfer would refuse it). */
export function onlyLocal(record: RecordConflicts, path: readonly string[]): boolean {
  return !!record.pinflTakenBy && isPinflPath(path);
}

/** The same choice for every conflict ("keep ours everywhere"), keeping nothing else; a field that can only keep ours keeps it. */
export function chooseAll(conflicts: readonly RecordConflicts[], take: Take): Choices {
  return Object.fromEntries(conflicts.flatMap((record) => record.conflicts.map((c) => [conflictKey(record.table, record.id, c.path), onlyLocal(record, c.path) ? 'local' : take])));
}

/**
 * The choices still standing after the merge was planned again (a match changed in the preview, or a
 * record changed here meanwhile): a decision is kept where the same field is in conflict with the
 * same three values; a field whose values moved is asked again, as is a new one.
 */
export function keptChoices(before: readonly RecordConflicts[], after: readonly RecordConflicts[], choices: Choices): Choices {
  const values = (conflicts: readonly RecordConflicts[]) =>
    new Map(conflicts.flatMap((record) => record.conflicts.map((c) => [conflictKey(record.table, record.id, c.path), JSON.stringify([c.base, c.local, c.incoming, !!record.pinflTakenBy])] as const)));
  const was = values(before);
  const now = values(after);
  return Object.fromEntries(Object.entries(choices).filter(([key]) => now.has(key) && now.get(key) === was.get(key)));
}

/** The choices as applyTransfer takes them: one entry per record, its decided fields only. */
export function recordDecisions(conflicts: readonly RecordConflicts[], choices: Choices): RecordDecisions[] {
  return conflicts.flatMap((record) => {
    const decisions = record.conflicts.flatMap((c) => {
      const take = choices[conflictKey(record.table, record.id, c.path)];
      return take ? [{ path: [...c.path], take }] : [];
    });
    return decisions.length ? [{ table: record.table, id: record.id, decisions }] : [];
  });
}

/**
 * Names for the ids a conflict may hold (a case manager, a mahalla, a specialist who delivered a
 * service or attended a conference, a family member who received one): ours from this office's
 * lists, theirs not mapped to ours from the file's reference entries, a person from the file (a
 * person linked by PINFL under the id it has here); an id known to none as it is.
 */
/**
 * What names a record and the ids it holds: records by table (a file's, or this office's as they are
 * now), persons linked by PINFL, and the file's reference entries. A transfer preview is one.
 */
export interface NamingSource {
  package: { tables: Readonly<Record<string, readonly Row[]>> };
  records: readonly Pick<PreviewRecord, 'table' | 'id' | 'localId'>[];
  refs: readonly Pick<PreviewRef, 'table' | 'id' | 'record'>[];
}

export function conflictNames(
  local: {
    users: readonly { id: string; fullName: BiScriptText }[];
    mahallas: readonly { id: string; name: TriLingualText }[];
    specialists: readonly { id: string; fullName: BiScriptText }[];
  },
  preview: NamingSource,
  language: DisplayLanguage,
): Required<NameLookup> {
  const reference = (table: 'users' | 'mahallas' | 'specialists', id: string) => preview.refs.find((ref) => ref.table === table && ref.id === id)?.record;
  const fullName = (table: 'users' | 'specialists', id: string) => {
    const name = local[table].find((record) => record.id === id)?.fullName ?? reference(table, id)?.fullName;
    return isBiScript(name) ? biScriptIn(name, language) : id;
  };
  return {
    user: (id) => fullName('users', id),
    specialist: (id) => fullName('specialists', id),
    mahalla: (id) => {
      const name = local.mahallas.find((mahalla) => mahalla.id === id)?.name ?? reference('mahallas', id)?.name;
      return typeof name === 'object' && name !== null && 'uzLatn' in name ? triLingualIn(name as TriLingualText, language) : id;
    },
    person: (id) => recordName(preview, 'persons', id, language) ?? id,
  };
}

/**
 * Labels of the case-work records' fields, as their own forms show them (`namespace:key`); a
 * field not named here reads as the case form labels it (`fieldLabel`).
 */
const WORK_FIELD_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  assessments: {
    conclusion: 'cases:triangle.conclusion',
    date: 'cases:triangle.date',
    note: 'cases:triangle.note',
    children: 'cases:triangle.children',
    family: 'cases:triangle.family',
    domains: 'cases:plan.field.domains',
    rating: 'cases:triangle.rating',
    narrative: 'cases:triangle.narrative',
    strengths: 'cases:triangle.strengths',
    assessedBy: 'cases:triangle.assessedBy',
    views: 'cases:triangle.views',
    ...Object.fromEntries(Object.values(TRIANGLE).flatMap((domains: readonly string[]) => domains.map((domain) => [domain, `cases:triangle.domain.${domain}`]))),
  },
  monitorings: { date: 'cases:monitoring.date', changes: 'cases:monitoring.changes', note: 'cases:monitoring.note', actionReviews: 'cases:monitoring.actionReviews', status: 'cases:plan.field.status' },
  services: { date: 'cases:service.date', kind: 'cases:service.kind', description: 'cases:service.description', deliveredBy: 'cases:service.deliveredBy', recipients: 'cases:service.recipients', result: 'cases:service.result' },
  placements: { kind: 'cases:placement.field.kind', note: 'cases:placement.field.note' },
  plans: {
    goals: 'cases:plan.field.goals',
    actions: 'cases:plan.field.actions',
    text: 'cases:plan.field.text',
    description: 'cases:plan.field.description',
    responsible: 'cases:plan.field.responsible',
    deadline: 'cases:plan.field.deadline',
    status: 'cases:plan.field.status',
    droppedReason: 'cases:plan.field.droppedReason',
  },
  conferences: { date: 'conferences:field.date', attendees: 'conferences:field.attendees', decisions: 'conferences:field.decisions', nextSteps: 'conferences:field.nextSteps' },
};

/** The translation key of a case-work field's label, or undefined for the case form's own labels. */
export function workFieldLabelKey(table: string, field: string): string | undefined {
  return WORK_FIELD_LABELS[table]?.[field];
}

/** Every label key `workFieldLabelKey` may answer, for a test that each exists in every language. */
export const WORK_FIELD_LABEL_KEYS: readonly string[] = Object.values(WORK_FIELD_LABELS).flatMap((fields) => Object.values(fields));

/**
 * A field path as a person reads it: each named field through `label` (the case form's labels),
 * list positions counted from 1 ("Members › 2 › Surname"), an item of a keyed list through `item`
 * (its words, "Actions › Visit the school › Status"), joined with " › ".
 */
export function pathLabel(
  path: readonly string[],
  label: (field: string) => string,
  script?: (script: 'latn' | 'cyrl') => string,
  item: (listPath: readonly string[], id: string) => string = () => '…',
): string {
  if (path.length === 0) return '—';
  // A name's spelling in one script reads as the form labels it: "Ism — lotin".
  const last = path[path.length - 1];
  if (script && path.length > 1 && (last === 'latn' || last === 'cyrl')) return `${pathLabel(path.slice(0, -1), label, undefined, item)} — ${script(last)}`;
  return path
    .map((segment, k) => {
      const itemId = itemIdOf(segment);
      if (k > 0 && itemId !== undefined) return item(path.slice(0, k), itemId);
      return /^\d+$/u.test(segment) ? String(Number(segment) + 1) : label(segment);
    })
    .join(' › ');
}

/** How long an item's words may run in a field path before they are cut. */
const ITEM_TITLE_LENGTH = 48;

/**
 * An item of a keyed list as a person tells it apart: its words (an action's description, a goal's
 * text), else whose it is (a child's assessment, through `person`), else its place in the list,
 * from the first of `sources` (records, from their top level) that holds it; null when none does.
 */
export function itemTitle(sources: readonly unknown[], listPath: readonly string[], id: string, person: (id: string) => string): string | null {
  for (const source of sources) {
    const list = valueAt(source, listPath);
    if (!Array.isArray(list)) continue;
    const index = itemIndex(list, id);
    if (index < 0) continue;
    const entry = list[index] as Row;
    const words = ['description', 'text', 'title', 'name'].map((key) => entry[key]).find((value): value is string => typeof value === 'string' && value.trim() !== '');
    if (words) return words.length > ITEM_TITLE_LENGTH ? `${words.slice(0, ITEM_TITLE_LENGTH - 1).trimEnd()}…` : words;
    if (typeof entry.personId === 'string') return person(entry.personId);
    return String(index + 1);
  }
  return null;
}

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a field path (item steps included) in a record, or undefined. */
function valueAt(value: unknown, path: readonly string[]): unknown {
  let node = value;
  for (const step of path) {
    const itemId = itemIdOf(step);
    if (Array.isArray(node) && itemId !== undefined) node = node[itemIndex(node, itemId)];
    else node = isRow(node) && Object.hasOwn(node, step) ? node[step] : undefined;
  }
  return node;
}

type Row = Record<string, unknown>;

const isBiScript = (value: unknown): value is BiScriptText => typeof value === 'object' && value !== null && 'latn' in value && 'cyrl' in value;

export function personName(person: Row | undefined, language: DisplayLanguage): string | null {
  if (!person) return null;
  const parts = [person.surname, person.firstName].filter(isBiScript).map((part) => biScriptIn(part, language));
  return parts.length ? parts.join(' ') : null;
}

/**
 * A readable name for a conflicting record, from what the file carries: a case by its number, a
 * person by name (a person linked by PINFL is found under the id the file uses), a member or
 * placement by the person, other case records by their case's number; null when none is known.
 */
export function recordName(preview: Pick<NamingSource, 'package' | 'records'>, table: string, id: string, language: DisplayLanguage): string | null {
  const tables = preview.package.tables;
  const find = (name: string, wanted: unknown) => tables[name]?.find((row) => row.id === wanted);
  const caseNumber = (caseId: unknown) => {
    const kase = find('cases', caseId);
    return typeof kase?.caseNumber === 'string' && kase.caseNumber ? kase.caseNumber : null;
  };
  if (table === 'persons') {
    const incomingId = preview.records.find((r) => r.table === 'persons' && r.localId === id)?.id ?? id;
    return personName(find('persons', incomingId), language);
  }
  const record = find(table, id);
  if (!record) return null;
  if (table === 'cases') return caseNumber(id);
  const ofCase = caseNumber(record.caseId);
  const person = personName(find('persons', record.personId), language);
  return [ofCase, person].filter(Boolean).join(' · ') || null;
}

const isTriLingual = (value: unknown): value is TriLingualText => typeof value === 'object' && value !== null && 'uzLatn' in value;

/** A reference entry's name (a user's or specialist's full name, a mahalla's or agency's name), or its id. */
export function refName(record: Readonly<Record<string, unknown>>, language: DisplayLanguage): string {
  for (const field of ['fullName', 'name']) {
    const value = record[field];
    if (isBiScript(value)) return biScriptIn(value, language);
    if (isTriLingual(value)) return triLingualIn(value, language);
    if (typeof value === 'string' && value) return value;
  }
  return String(record.id ?? '—');
}

/** What an applied import did, for its summary: records new, merged or taken from them, unchanged, and decisions. */
export function importSummary(log: Pick<ExchangeLogEntry, 'outcomes' | 'decisions'>): { added: number; updated: number; unchanged: number; decided: number } {
  const n = (kind: string) => log.outcomes?.[kind] ?? 0;
  return {
    added: n('new'),
    updated: n('takeIncoming') + n('merged') + n('conflict'),
    unchanged: n('same') + n('keepLocal'),
    decided: log.decisions?.length ?? 0,
  };
}

/** Records in a package that are case records (not its manifest, receipt or the reference entries). */
export function caseRecordCount(counts: Readonly<Record<string, number>>): number {
  return Object.entries(counts).reduce((sum, [table, n]) => (table === 'transfer' || table === 'receipt' || table.startsWith('ref_') ? sum : sum + n), 0);
}
