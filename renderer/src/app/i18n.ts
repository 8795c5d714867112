import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../host/hostApi';
import { ALL_LANGUAGES } from './languages';

/** Namespaces the renderer loads; `menu` belongs to the Electron shell. */
export const NAMESPACES = ['common', 'errors', 'setup', 'settings', 'pages', 'cases', 'accounts', 'audit', 'teams', 'documents', 'register', 'conferences', 'exchange', 'reports'] as const;

const files = import.meta.glob<Record<string, unknown>>('../../../locales/*/*.json', { eager: true, import: 'default' });

function buildResources(): Resource {
  const resources: Resource = {};
  for (const [path, content] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language, namespace] = match as unknown as [string, string, string];
    resources[language] ??= {};
    resources[language][namespace] = content;
  }
  return resources;
}

/**
 * Sets up i18next with every language bundled (the app is offline; nothing is fetched).
 * Plural forms follow Intl.PluralRules: Russian one/few/many/other, Uzbek one/other.
 */
export async function initI18n(language: UiLanguage): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources: buildResources(),
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...ALL_LANGUAGES],
    load: 'currentOnly',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
