import ru from '../../../locales/ru/documents.json';
import uzCyrl from '../../../locales/uz-Cyrl/documents.json';
import uzLatn from '../../../locales/uz-Latn/documents.json';
import type { DocLanguage } from './model';

type Tree = { [key: string]: string | Tree };

/** The standard texts of every document, per language, from `locales/<language>/documents.json`. */
const DEFAULTS: Record<DocLanguage, Tree> = { 'uz-Latn': uzLatn, 'uz-Cyrl': uzCyrl, ru };

/** An office's own wording of standard texts: language → key → text (stored in the database). */
export type TextOverrides = Partial<Record<DocLanguage, Record<string, string>>>;

export class MissingTextError extends Error {
  constructor(readonly key: string, readonly language: DocLanguage) {
    super(`documents:${key} is missing in ${language}`);
  }
}

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Every key of the standard texts with its default, in file order: what the office may override. */
export function standardTexts(language: DocLanguage): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  const walk = (tree: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(tree)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'string') out.push({ key: path, text: value });
      else walk(value, path);
    }
  };
  walk(DEFAULTS[language], '');
  return out;
}

export function defaultText(language: DocLanguage, key: string): string | undefined {
  return lookup(DEFAULTS[language], key);
}

export type Vars = Record<string, string | number>;

/**
 * The texts one document is written with: the office's override of a key when it has one, else the
 * locale default. A missing key or a placeholder left without a value throws — a document never
 * prints a key or `{{…}}`.
 */
export interface DocumentTexts {
  language: DocLanguage;
  t(key: string, vars?: Vars): string;
  /** A text kept one item per line (the points of a chapter), as separate items. */
  lines(key: string, vars?: Vars): string[];
}

export function documentTexts(language: DocLanguage, overrides: TextOverrides = {}): DocumentTexts {
  const own = overrides[language] ?? {};
  const t = (key: string, vars: Vars = {}) => {
    const template = own[key]?.trim() ? own[key] : lookup(DEFAULTS[language], key);
    if (template === undefined) throw new MissingTextError(key, language);
    return template.replace(/\{\{(\w+)\}\}/gu, (_, name: string) => {
      const value = vars[name];
      if (value === undefined) throw new MissingTextError(`${key} {{${name}}}`, language);
      return String(value);
    });
  };
  return {
    language,
    t,
    lines: (key, vars) =>
      t(key, vars)
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
  };
}
