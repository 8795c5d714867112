import type { TriLingualText } from './names';
import { cleanText, suggestOtherScript, suggestRussian } from './names';
import type { RecordMeta } from './record';
import { cyrToLat, detectScript } from './translit';
import { issuesByPath, triLingualSchema, type ValidationCode } from './validation';

/**
 * A mahalla the office serves, named in the three languages documents are printed in.
 * The office keeps its own list (mahallas are merged and renamed), so it is user data.
 */
export interface Mahalla extends RecordMeta {
  name: TriLingualText;
}

export const mahallaNameSchema = triLingualSchema;

/**
 * The key two spellings of one mahalla share: Latin, lower case, without apostrophes or
 * the word "mahalla"/"MFY", so "Navroʻz MFY", "Navro'z" and "Наврўз" collide as duplicates.
 */
export function mahallaKey(name: string): string {
  return cyrToLat(cleanText(name))
    .toLowerCase()
    .replace(/[\u02bb\u02bc'`’‘]/gu, '')
    .replace(/\b(mahallasi|mahalla|mfy|fuqarolar yigini)\b/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export type MahallaField = keyof TriLingualText;

/** One row of an import file, as the preview shows it. */
export interface MahallaImportRow {
  /** 1-based line in the file, header included, so the user can find it. */
  line: number;
  source: string[];
  name: TriLingualText;
  /** Fields the file did not have and transliteration filled in: the user should check them. */
  suggested: MahallaField[];
  errors: Partial<Record<MahallaField | 'row', ValidationCode>>;
}

export interface MahallaImportPlan {
  rows: MahallaImportRow[];
  /** Whether the first line was taken as a header. */
  header: boolean;
}

const HEADER_WORDS: Record<MahallaField, string[]> = {
  uzLatn: ['uz_latn', 'uz-latn', 'uzlatn', 'lotin', 'lotincha', 'latin', 'латин', 'лотин', 'лотинча'],
  uzCyrl: ['uz_cyrl', 'uz-cyrl', 'uzcyrl', 'kirill', 'kirillcha', 'кирилл', 'кириллча', 'cyrillic'],
  ru: ['ru', 'rus', 'ruscha', 'русский', 'русча', 'на русском', 'russian'],
};

/** A header cell names a column: the whole cell is one of the words, or contains a long one ("Nomi (lotincha)"). */
function headerField(cell: string): MahallaField | null {
  const text = cell.trim().toLowerCase();
  for (const field of Object.keys(HEADER_WORDS) as MahallaField[]) {
    if (HEADER_WORDS[field].some((word) => text === word || (word.length >= 6 && text.includes(word)))) return field;
  }
  return null;
}

/**
 * Reads rows of a CSV or spreadsheet into mahallas: a header row names the columns (any of the
 * three languages' words), otherwise the columns are Uzbek Latin, Uzbek Cyrillic, Russian — the
 * order the app exports. A single name column is fine: its script decides where it goes and
 * transliteration suggests the rest. Every row comes back, with its problems, so nothing a user
 * imports disappears unseen.
 */
export function planMahallaImport(table: string[][], existing: readonly TriLingualText[]): MahallaImportPlan {
  const nonEmpty = table.map((cells, index) => ({ cells, line: index + 1 })).filter(({ cells }) => cells.some((c) => c.trim()));
  const first = nonEmpty[0]?.cells ?? [];
  const headerFields = first.map(headerField);
  const header = headerFields.some((field) => field !== null);
  const columns: (MahallaField | null)[] = header ? headerFields : ['uzLatn', 'uzCyrl', 'ru'];
  const seen = new Map<string, number>(existing.map((name) => [mahallaKey(name.uzLatn), 0]));

  const rows = (header ? nonEmpty.slice(1) : nonEmpty).map(({ cells, line }) => {
    const given: Partial<TriLingualText> = {};
    cells.forEach((cell, index) => {
      const text = cleanText(cell);
      const field = columns[index];
      if (text && field) given[field] = text;
    });
    // A lone name in the wrong column (a Cyrillic name in the first column) goes where its script says.
    if (!header && Object.keys(given).length === 1 && given.uzLatn && detectScript(given.uzLatn) === 'cyrl') {
      given.uzCyrl = given.uzLatn;
      delete given.uzLatn;
    }
    return completeRow(line, cells, given, seen);
  });
  return { rows, header };
}

function completeRow(line: number, source: string[], given: Partial<TriLingualText>, seen: Map<string, number>): MahallaImportRow {
  const suggested: MahallaField[] = [];
  const name: TriLingualText = { uzLatn: given.uzLatn ?? '', uzCyrl: given.uzCyrl ?? '', ru: given.ru ?? '' };
  if (!name.uzLatn && name.uzCyrl) {
    name.uzLatn = suggestOtherScript(name.uzCyrl, 'cyrl');
    suggested.push('uzLatn');
  }
  if (!name.uzCyrl && name.uzLatn) {
    name.uzCyrl = suggestOtherScript(name.uzLatn, 'latn');
    suggested.push('uzCyrl');
  }
  if (!name.ru && name.uzCyrl) {
    name.ru = suggestRussian(name.uzCyrl);
    suggested.push('ru');
  }
  const errors: MahallaImportRow['errors'] = {};
  const parsed = mahallaNameSchema.safeParse(name);
  if (!parsed.success) Object.assign(errors, issuesByPath(parsed.error));
  const key = mahallaKey(name.uzLatn);
  if (key && !errors.uzLatn) {
    const earlier = seen.get(key);
    if (earlier === 0) errors.row = 'duplicate';
    else if (earlier !== undefined) errors.row = 'duplicateInFile';
    else seen.set(key, line);
  }
  return { line, source, name: parsed.success ? parsed.data : name, suggested, errors };
}

export function isImportable(row: MahallaImportRow): boolean {
  return Object.keys(row.errors).length === 0;
}

/** CSV rows of the office's mahallas, in the column order {@link planMahallaImport} reads back. */
export function mahallasToTable(names: readonly TriLingualText[]): string[][] {
  return [['uz_latn', 'uz_cyrl', 'ru'], ...names.map((name) => [name.uzLatn, name.uzCyrl, name.ru])];
}
