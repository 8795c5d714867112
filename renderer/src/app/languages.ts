import type { i18n as I18n, TFunction } from 'i18next';
import type { UiLanguage } from '../host/hostApi';

/** The languages offered to users, in the order the switcher shows them. `en` is for developers only. */
export const USER_LANGUAGES: readonly UiLanguage[] = ['uz-Latn', 'uz-Cyrl', 'ru'];
export const ALL_LANGUAGES: readonly UiLanguage[] = [...USER_LANGUAGES, 'en'];

const STORAGE_KEY = 'hamkorlik.language';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (ALL_LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen on this PC, kept in localStorage so it is known before the database opens. */
export function rememberedLanguage(): UiLanguage | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isUiLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberLanguage(language: UiLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or a full disk: the choice lasts for this session only.
  }
}

/** A first guess from the operating system's locale: Russian systems get Russian, the rest Uzbek Latin. */
export function languageFromLocale(locale: string): UiLanguage {
  const lower = locale.toLowerCase();
  if (lower.startsWith('ru')) return 'ru';
  if (lower.startsWith('uz') && lower.includes('cyrl')) return 'uz-Cyrl';
  return 'uz-Latn';
}

/**
 * A text in every language the app speaks, for what is kept and shown later (a selection's title):
 * it then follows a switch of language. `text` gets the fixed `t` of each language.
 */
export function inEveryLanguage(i18n: Pick<I18n, 'getFixedT'>, text: (t: TFunction, language: UiLanguage) => string): Record<UiLanguage, string> {
  return Object.fromEntries(ALL_LANGUAGES.map((language) => [language, text(i18n.getFixedT(language), language)])) as Record<UiLanguage, string>;
}
