import en from '../../../locales/en/common.json';
import ru from '../../../locales/ru/common.json';
import uzCyrl from '../../../locales/uz-Cyrl/common.json';
import uzLatn from '../../../locales/uz-Latn/common.json';
import { rememberedLanguage } from '../app/languages';

// Shown when the app cannot start at all (the database cannot open, the host does not answer).
// i18n may be what failed, so the words are read from the locale files directly.
const TEXT = { 'uz-Latn': uzLatn.startup, 'uz-Cyrl': uzCyrl.startup, ru: ru.startup, en: en.startup };

export function StartupError({ error }: { error: unknown }) {
  const { title, text } = TEXT[rememberedLanguage() ?? 'uz-Latn'];
  return (
    <div role="alert" style={{ fontFamily: 'Roboto, sans-serif', maxWidth: 640, margin: '10vh auto', padding: 24 }}>
      <h1>{title}</h1>
      <p>{text}</p>
      <pre style={{ whiteSpace: 'pre-wrap', background: '#f3f3f3', padding: 12 }}>{String(error instanceof Error ? error.message : error)}</pre>
    </div>
  );
}
