import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import 'dayjs/locale/ru';
import 'dayjs/locale/uz';
import 'dayjs/locale/uz-latn';
import type { ReactNode } from 'react';
import { useAppSelector } from './hooks';

// dayjs calls Uzbek Cyrillic "uz" and Uzbek Latin "uz-latn".
const DAYJS_LOCALE = { 'uz-Latn': 'uz-latn', 'uz-Cyrl': 'uz', ru: 'ru', en: 'en' } as const;

/** Month and weekday names of the date pickers follow the UI language. */
export function DatesProvider({ children }: { children: ReactNode }) {
  const language = useAppSelector((state) => state.session.language);
  return (
    <LocalizationProvider dateAdapter={AdapterDayjs} adapterLocale={DAYJS_LOCALE[language]}>
      {children}
    </LocalizationProvider>
  );
}
