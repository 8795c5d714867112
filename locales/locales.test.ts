import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const LANGUAGES = ['uz-Latn', 'uz-Cyrl', 'ru', 'en'];
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.set(path, value);
    else for (const [k, v] of flatten(value, path)) keys.set(k, v);
  }
  return keys;
}

/** Every key of a language, namespace-qualified, keyed by its base (plural forms folded into one). */
function load(language: string): { bases: Set<string>; forms: Map<string, Set<string>>; texts: Map<string, string> } {
  const bases = new Set<string>();
  const forms = new Map<string, Set<string>>();
  const texts = new Map<string, string>();
  for (const file of readdirSync(join(root, language)).filter((f) => f.endsWith('.json'))) {
    const namespace = file.replace(/\.json$/, '');
    const tree = JSON.parse(readFileSync(join(root, language, file), 'utf8')) as Tree;
    for (const [key, text] of flatten(tree)) {
      const full = `${namespace}:${key}`;
      texts.set(full, text);
      const plural = PLURAL_SUFFIX.exec(key);
      const base = plural ? full.slice(0, -plural[0].length) : full;
      bases.add(base);
      if (plural) forms.set(base, (forms.get(base) ?? new Set()).add(plural[1]!));
    }
  }
  return { bases, forms, texts };
}

const loaded = Object.fromEntries(LANGUAGES.map((language) => [language, load(language)]));

describe('locales', () => {
  it('every language has every key another language has', () => {
    const all = new Set(LANGUAGES.flatMap((language) => [...loaded[language]!.bases]));
    for (const language of LANGUAGES) {
      const missing = [...all].filter((key) => !loaded[language]!.bases.has(key)).sort();
      expect(missing, `${language} lacks`).toEqual([]);
    }
  });

  it('plural keys have exactly the forms each language needs', () => {
    for (const language of LANGUAGES) {
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories.slice().sort();
      for (const [base, forms] of loaded[language]!.forms) {
        expect([...forms].sort(), `${language} ${base}`).toEqual(needed);
      }
    }
  });

  it('no text is empty and every language uses the same {{placeholders}}', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');
    const reference = loaded.en!.texts;
    for (const language of LANGUAGES) {
      for (const [key, text] of loaded[language]!.texts) {
        expect(text.trim(), `${language} ${key}`).not.toBe('');
        const base = key.replace(PLURAL_SUFFIX, '');
        const english = reference.get(key) ?? reference.get(`${base}_other`);
        if (english !== undefined) expect(placeholders(text), `${language} ${key}`).toBe(placeholders(english));
      }
    }
  });

  it('Uzbek Latin uses ʻ and ʼ, never the ASCII apostrophe, and Uzbek Cyrillic has no Latin words but names', () => {
    for (const [key, text] of loaded['uz-Latn']!.texts) expect(text.includes("'"), `uz-Latn ${key}`).toBe(false);
    const allowedLatin = /^(Hamkorlik|CSV|Excel|PDF|USB|FAT32|FAT|exFAT|NTFS|DOCX|XLSX|xlsx|English|developers|Oʻzbekcha|lotin|AD|ID|R|Ctrl|L|admin|[IVX]+)$/; // product and format names, keys, examples, Roman numerals
    for (const [key, text] of loaded['uz-Cyrl']!.texts) {
      const latinWords = (text.replace(/\{\{\w+\}\}/g, '').match(/[A-Za-zʻʼ]+/g) ?? []).filter((word) => !allowedLatin.test(word));
      expect(latinWords, `uz-Cyrl ${key}`).toEqual([]);
    }
  });
});
