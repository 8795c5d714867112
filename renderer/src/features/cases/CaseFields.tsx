import AddIcon from '@mui/icons-material/Add';
import { Autocomplete, Button, Checkbox, FormControlLabel, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import type { CaseDraft } from '../../domain/caseDraft';
import { REFERRAL_SOURCES } from '../../domain/familyCase';
import type { Mahalla } from '../../domain/mahalla';
import { biScriptIn, triLingualIn } from '../../domain/names';
import type { User } from '../../domain/user';
import { RISK_LEVELS, VULNERABILITY_CRITERIA } from '../../domain/vulnerability';
import { DateField } from '../../ui/DateField';
import type { FieldErrors } from './PersonFields';

/** The case's own details: address, phones, referral, criteria, risk, consent, case manager. */
export function CaseFields({
  value,
  onChange,
  errors,
  mahallas,
  users,
  today,
}: {
  value: CaseDraft;
  onChange: (value: CaseDraft) => void;
  errors: FieldErrors;
  mahallas: readonly Mahalla[];
  users: readonly User[];
  today: string;
}) {
  const { t } = useTranslation('cases');
  const language = useAppSelector((state) => state.session.language);
  const error = (path: string) => (errors[path] ? t(`errors:validation.${errors[path]}`) : undefined);
  const setAddress = (changes: Partial<CaseDraft['address']>) => onChange({ ...value, address: { ...value.address, ...changes } });
  const setReferral = (changes: Partial<CaseDraft['referral']>) => onChange({ ...value, referral: { ...value.referral, ...changes } });
  const selected = VULNERABILITY_CRITERIA.filter((c) => value.vulnerability.includes(c.code));

  return (
    <Stack spacing={2}>
      <Typography variant="subtitle2">{t('field.address')}</Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5}>
        <TextField
          select
          label={t('field.mahalla')}
          value={value.address.mahallaId}
          onChange={(event) => setAddress({ mahallaId: event.target.value })}
          error={!!errors['address.mahallaId']}
          helperText={error('address.mahallaId')}
          required
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'case-mahalla' } as object } }}
        >
          {mahallas.map((mahalla) => (
            <MenuItem key={mahalla.id} value={mahalla.id}>
              {triLingualIn(mahalla.name, language)}
            </MenuItem>
          ))}
        </TextField>
        <TextField label={t('field.street')} value={value.address.street} onChange={(e) => setAddress({ street: e.target.value })} error={!!errors['address.street']} helperText={error('address.street')} required slotProps={{ htmlInput: { 'data-testid': 'case-street' } }} />
        <TextField label={t('field.house')} value={value.address.house} onChange={(e) => setAddress({ house: e.target.value })} error={!!errors['address.house']} helperText={error('address.house')} sx={{ maxWidth: { md: 120 } }} slotProps={{ htmlInput: { 'data-testid': 'case-house' } }} />
        <TextField label={t('field.apartment')} value={value.address.apartment} onChange={(e) => setAddress({ apartment: e.target.value })} error={!!errors['address.apartment']} helperText={error('address.apartment')} sx={{ maxWidth: { md: 120 } }} />
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ alignItems: { md: 'flex-start' } }}>
        {value.phones.map((phone, index) => (
          <TextField
            key={index}
            label={t('field.phone')}
            value={phone}
            onChange={(event) => onChange({ ...value, phones: value.phones.map((p, i) => (i === index ? event.target.value : p)) })}
            error={!!errors[`phones.${index}`]}
            helperText={error(`phones.${index}`)}
            slotProps={{ htmlInput: { 'data-testid': `case-phone-${index}`, inputMode: 'tel' } }}
          />
        ))}
        <Button startIcon={<AddIcon />} onClick={() => onChange({ ...value, phones: [...value.phones, ''] })} sx={{ whiteSpace: 'nowrap', minWidth: 'auto' }}>
          {t('field.phone')}
        </Button>
      </Stack>

      <Typography variant="subtitle2">{t('field.referral')}</Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5}>
        <TextField
          select
          label={t('field.referralSource')}
          value={value.referral.source}
          onChange={(event) => setReferral({ source: event.target.value as CaseDraft['referral']['source'] })}
          error={!!errors['referral.source']}
          helperText={error('referral.source')}
          required
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'case-referral-source' } as object } }}
        >
          {REFERRAL_SOURCES.map((source) => (
            <MenuItem key={source} value={source}>
              {t(`referralSource.${source}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField label={t('field.referralWho')} value={value.referral.who} onChange={(e) => setReferral({ who: e.target.value })} error={!!errors['referral.who']} helperText={error('referral.who')} required slotProps={{ htmlInput: { 'data-testid': 'case-referral-who' } }} />
        <DateField label={t('field.referralDate')} value={value.referral.date} onChange={(date) => setReferral({ date })} error={errors['referral.date']} testId="case-referral-date" maxDate={today} required />
      </Stack>
      <TextField label={t('field.referralReason')} value={value.referral.reason} onChange={(e) => setReferral({ reason: e.target.value })} error={!!errors['referral.reason']} helperText={error('referral.reason')} required multiline minRows={2} slotProps={{ htmlInput: { 'data-testid': 'case-referral-reason' } }} />

      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5}>
        <Autocomplete
          multiple
          sx={{ flexGrow: 1 }}
          options={VULNERABILITY_CRITERIA}
          value={selected}
          getOptionLabel={(criterion) => triLingualIn(criterion.name, language)}
          groupBy={(criterion) => t(`vulnerabilityDomain.${criterion.domain}`)}
          onChange={(_event, next) => onChange({ ...value, vulnerability: next.map((c) => c.code) })}
          renderInput={(params) => (
            <TextField {...params} label={t('field.vulnerability')} slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'case-vulnerability' } }} />
          )}
        />
        <TextField select label={t('field.riskLevel')} value={value.riskLevel} onChange={(e) => onChange({ ...value, riskLevel: e.target.value as CaseDraft['riskLevel'] })} sx={{ maxWidth: { md: 360 } }}>
          {RISK_LEVELS.map((level) => (
            <MenuItem key={level.code} value={level.code}>
              {level.code} — {triLingualIn(level.name, language)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={t('field.caseManager')}
          value={value.caseManagerId}
          onChange={(e) => onChange({ ...value, caseManagerId: e.target.value })}
          error={!!errors.caseManagerId}
          helperText={error('caseManagerId')}
          sx={{ maxWidth: { md: 280 } }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'case-manager' } as object } }}
        >
          {users.filter((user) => user.id === value.caseManagerId || (user.active && (user.roles.includes('caseManager') || user.roles.includes('supervisor')))).map((user) => (
            <MenuItem key={user.id} value={user.id} data-username={user.username}>
              {biScriptIn(user.fullName, language)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>

      <FormControlLabel
        control={
          <Checkbox
            checked={!!value.consent}
            onChange={(event) => onChange({ ...value, consent: event.target.checked ? { date: today, takenBy: '', paperLocation: '' } : null })}
            data-testid="case-consent"
          />
        }
        label={t('field.consentGiven')}
      />
      {value.consent && (
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5}>
          <DateField label={t('field.consentDate')} value={value.consent.date} onChange={(date) => onChange({ ...value, consent: { ...value.consent!, date } })} error={errors['consent.date']} maxDate={today} />
          <TextField label={t('field.consentTakenBy')} value={value.consent.takenBy} onChange={(e) => onChange({ ...value, consent: { ...value.consent!, takenBy: e.target.value } })} error={!!errors['consent.takenBy']} helperText={error('consent.takenBy')} slotProps={{ htmlInput: { 'data-testid': 'case-consent-by' } }} />
          <TextField label={t('field.consentPaper')} value={value.consent.paperLocation} onChange={(e) => onChange({ ...value, consent: { ...value.consent!, paperLocation: e.target.value } })} error={!!errors['consent.paperLocation']} helperText={error('consent.paperLocation')} slotProps={{ htmlInput: { 'data-testid': 'case-consent-paper' } }} />
        </Stack>
      )}
    </Stack>
  );
}
