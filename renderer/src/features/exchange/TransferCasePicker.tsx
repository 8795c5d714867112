import { Autocomplete, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import type { HamkorlikDb } from '../../db/db';
import { queryCases } from '../../db/repositories/caseQueries';
import { custodyLeft, type FamilyCase } from '../../domain/familyCase';
import { biScriptIn, type DisplayLanguage } from '../../domain/names';
import { useCaseOptions } from '../cases';

/** "GJ-2026-0007 · Karimova Dilnoza": a case as the transfer dialogs name it. */
export function caseLabel(caseNumber: string, head: FamilyCase['summary']['head'], language: DisplayLanguage): string {
  const name = head ? `${biScriptIn(head.surname, language)} ${biScriptIn(head.firstName, language)}` : '—';
  return `${caseNumber} · ${name}`;
}

/** Before anything is typed, the cases changed last. */
const latestChanged = (db: HamkorlikDb, limit: number) => queryCases(db, {}, { field: 'updatedAt', direction: 'desc' }, 0, limit).then((page) => page.rows);

/**
 * The cases to send, found by case number or a member's name as the user types (the case search,
 * which offers only cases the user may read); before anything is typed, the latest changed cases.
 * A custody transfer cannot send a case whose custody already left: those are not offered.
 */
export function TransferCasePicker({ value, onChange, custody, disabled }: { value: FamilyCase[]; onChange: (cases: FamilyCase[]) => void; custody: boolean; disabled: boolean }) {
  const { t } = useTranslation('exchange');
  const language = useAppSelector((state) => state.session.language);
  const [input, setInput] = useState('');
  const { cases, searched, failed } = useCaseOptions(input, latestChanged);

  const options = cases.filter((kase) => kase.deletedAt === null && !kase.purgedAt && !(custody && custodyLeft(kase)));
  const label = (kase: FamilyCase) => caseLabel(kase.caseNumber, kase.summary.head, language);
  return (
    <Autocomplete
      multiple
      disabled={disabled}
      options={options}
      value={value}
      inputValue={input}
      onInputChange={(_event, text, reason) => reason !== 'reset' && setInput(text)}
      filterOptions={(all) => all}
      loading={!searched}
      loadingText={t('common:notice.searching')}
      filterSelectedOptions
      getOptionLabel={label}
      isOptionEqualToValue={(option, current) => option.id === current.id}
      onChange={(_event, next) => onChange(next)}
      noOptionsText={failed ? t('common:notice.searchFailed') : t('transfer.send.noCases')}
      renderOption={(props, kase) => {
        const { key, ...rest } = props;
        return (
          <li key={key} {...rest} data-testid="send-case-option">
            {label(kase)}
          </li>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('transfer.send.cases')}
          helperText={t('transfer.send.casesHelp')}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'send-case-search' } }}
        />
      )}
    />
  );
}
