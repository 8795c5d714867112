import { Autocomplete, Box, TextField, Typography } from '@mui/material';
import type { HTMLAttributes, Key, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Specialist } from '../../domain/directory';
import type { Mahalla } from '../../domain/mahalla';
import { biScriptIn, triLingualIn, type DisplayLanguage } from '../../domain/names';
import { namesAttribute, type Directory } from './useDirectory';

/** Keeps the options one of whose spellings contains what was typed: a Latin query finds a name shown in Cyrillic. */
function bySpellings<T>(spellings: (option: T) => string[]) {
  return (options: T[], { inputValue }: { inputValue: string }) => {
    const query = inputValue.trim().toLocaleLowerCase();
    return query ? options.filter((option) => spellings(option).some((text) => text.toLocaleLowerCase().includes(query))) : options;
  };
}

const mahallaSpellings = (mahalla: Mahalla) => [mahalla.name.uzLatn, mahalla.name.uzCyrl, mahalla.name.ru];
const specialistSpellings = (specialist: Specialist) => [specialist.fullName.latn, specialist.fullName.cyrl];

function Option({ props, names, children }: { props: HTMLAttributes<HTMLLIElement> & { key: Key }; names: string[]; children: ReactNode }) {
  const { key, ...rest } = props;
  return (
    <li key={key} {...rest} data-names={namesAttribute(...names)}>
      {children}
    </li>
  );
}

/** The mahallas a specialist serves: many to pick from in a district, so it is searched by typing. */
export function MahallaPicker({
  label,
  helperText,
  language,
  mahallas,
  value,
  onChange,
  testId,
}: {
  label: string;
  helperText: string;
  language: DisplayLanguage;
  mahallas: Mahalla[];
  value: string[];
  onChange: (ids: string[]) => void;
  testId: string;
}) {
  const selected = mahallas.filter((mahalla) => value.includes(mahalla.id));
  return (
    <Autocomplete
      multiple
      options={mahallas}
      value={selected}
      getOptionLabel={(mahalla) => triLingualIn(mahalla.name, language)}
      filterOptions={bySpellings(mahallaSpellings)}
      isOptionEqualToValue={(option, current) => option.id === current.id}
      onChange={(_event, next) => onChange(next.map((mahalla) => mahalla.id))}
      renderOption={(props, mahalla) => (
        <Option key={mahalla.id} props={props} names={mahallaSpellings(mahalla)}>
          {triLingualIn(mahalla.name, language)}
        </Option>
      )}
      renderInput={(params) => (
        <TextField {...params} label={label} helperText={helperText} slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }} />
      )}
    />
  );
}

/**
 * One specialist to add to a team or the working group, searched by name in either script; each
 * option shows the position and agency, so two namesakes are told apart. Those who serve the
 * team's mahalla come first.
 */
export function SpecialistPicker({
  directory,
  exclude,
  value,
  onChange,
  servingMahallaId,
  testId,
}: {
  directory: Directory;
  exclude: readonly string[];
  value: string | null;
  onChange: (id: string | null) => void;
  servingMahallaId?: string;
  testId: string;
}) {
  const { t } = useTranslation('teams');
  const { language } = directory;
  const serves = (specialist: Specialist) => !!servingMahallaId && specialist.mahallaIds.includes(servingMahallaId);
  const options = directory.specialists.filter((specialist) => !exclude.includes(specialist.id)).sort((a, b) => Number(serves(b)) - Number(serves(a)));
  return (
    <Autocomplete
      sx={{ flexGrow: 1, minWidth: 240 }}
      options={options}
      value={options.find((specialist) => specialist.id === value) ?? null}
      getOptionLabel={(specialist) => biScriptIn(specialist.fullName, language)}
      filterOptions={bySpellings(specialistSpellings)}
      isOptionEqualToValue={(option, current) => option.id === current.id}
      {...(servingMahallaId ? { groupBy: (specialist: Specialist) => (serves(specialist) ? t('team.servesMahalla') : t('team.otherSpecialists')) } : {})}
      onChange={(_event, next) => onChange(next?.id ?? null)}
      renderOption={(props, specialist) => (
        <Option key={specialist.id} props={props} names={specialistSpellings(specialist)}>
          <Box>
            <Typography>{biScriptIn(specialist.fullName, language)}</Typography>
            <Typography variant="body2" color="text.secondary">
              {triLingualIn(specialist.position, language)}, {directory.agencyName(specialist.agencyId)}
            </Typography>
          </Box>
        </Option>
      )}
      renderInput={(params) => (
        <TextField {...params} label={t('field.specialist')} size="small" slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }} />
      )}
    />
  );
}
