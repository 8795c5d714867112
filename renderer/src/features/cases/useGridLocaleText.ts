import type { GridLocaleText } from '@mui/x-data-grid';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** The few data-grid texts the list shows, from our locales (MUI has no Uzbek translation). */
export function useGridLocaleText(): Partial<GridLocaleText> {
  const { t, i18n } = useTranslation('cases');
  return useMemo(
    () => ({
      noRowsLabel: t('grid.noRows'),
      noResultsOverlayLabel: t('grid.noRows'),
      paginationRowsPerPage: t('grid.rowsPerPage'),
      paginationDisplayedRows: ({ from, to, count }: { from: number; to: number; count: number }) => t('grid.displayedRows', { from, to, count }),
      columnHeaderSortIconLabel: t('grid.sort'),
      footerRowSelected: () => '',
    }),
    // The language is a dependency so the texts follow a language switch.
    [t, i18n.language],
  );
}
