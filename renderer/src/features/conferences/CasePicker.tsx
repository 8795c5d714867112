import { Autocomplete, Box, TextField, Typography } from '@mui/material';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActor } from '../../app/hooks';
import type { HamkorlikDb } from '../../db/db';
import { queryCases } from '../../db/repositories/caseQueries';
import { canOnCase } from '../../domain/access';
import type { FamilyCase } from '../../domain/familyCase';
import { StageChip, useCaseOptions } from '../cases';
import type { ConferenceDirectory } from './useConferenceDirectory';

/**
 * The cases a conference discussed, found by case number or any family member's name as the user
 * types (the case search); before anything is typed, the chosen mahalla's cases are offered. Only
 * cases the user may change are offered: recording the conference writes into their history.
 */
export function CasePicker({
  directory,
  value,
  onChange,
  mahallaId,
  error,
  readOnly,
}: {
  directory: ConferenceDirectory;
  value: FamilyCase[];
  onChange: (cases: FamilyCase[]) => void;
  mahallaId: string | null;
  error: string | undefined;
  readOnly: boolean;
}) {
  const { t } = useTranslation('conferences');
  const actor = useActor();
  const [input, setInput] = useState('');
  // Before anything is typed, the chosen mahalla's cases.
  const browse = useCallback((db: HamkorlikDb, limit: number) => (mahallaId ? queryCases(db, { mahallaId }, { field: 'updatedAt', direction: 'desc' }, 0, limit).then((page) => page.rows) : Promise.resolve([])), [mahallaId]);
  const { cases, searched, failed } = useCaseOptions(input, browse, !readOnly);

  const options = cases.filter((kase) => kase.deletedAt === null && !!actor && canOnCase(actor, 'change', kase));
  return (
    <Autocomplete
      multiple
      readOnly={readOnly}
      options={options}
      value={value}
      inputValue={input}
      onInputChange={(_event, text, reason) => reason !== 'reset' && setInput(text)}
      filterOptions={(all) => all}
      loading={!readOnly && !searched}
      loadingText={t('common:notice.searching')}
      filterSelectedOptions
      getOptionLabel={directory.caseLabel}
      isOptionEqualToValue={(option, current) => option.id === current.id}
      onChange={(_event, next) => onChange(next)}
      noOptionsText={failed ? t('common:notice.searchFailed') : t('field.noCases')}
      renderOption={(props, kase) => {
        const { key, ...rest } = props;
        return (
          <Box component="li" key={key} {...rest} data-testid="conference-case-option" sx={{ gap: 1 }}>
            <Typography sx={{ flexGrow: 1 }}>{directory.caseLabel(kase)}</Typography>
            <Typography variant="body2" color="text.secondary">
              {directory.mahallaName(kase.address.mahallaId)}
            </Typography>
            <StageChip stage={kase.stage} />
          </Box>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('field.cases')}
          helperText={error ?? (readOnly ? undefined : t('field.casesHelp'))}
          error={!!error}
          required
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'conference-cases' } }}
        />
      )}
    />
  );
}
