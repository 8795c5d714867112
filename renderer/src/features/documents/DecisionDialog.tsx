import { TextField } from '@mui/material';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { isIsoDate, toIsoDate, type IsoDate } from '../../domain/dates';
import { findDistrict } from '../../domain/regions';
import { labelIn } from '../../documents/format';
import type { DocLanguage } from '../../documents/model';
import { DateField } from '../../ui/DateField';
import { useLiveQuery } from 'dexie-react-hooks';
import { getOfficeProfile } from '../../db/repositories/office';
import { documentLanguageFor, GenerateDialog } from './GenerateDialog';
import { decisionPreview, generateDocument } from './generate';

/** The district hokim's decision: the variable parts in a form, the rest from the directory and the standard texts. */
export function DecisionDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('register');
  const { db, host } = useServices();
  const uiLanguage = useAppSelector((state) => state.session.language);
  const office = useLiveQuery(() => getOfficeProfile(db), [db]);
  const [language, setLanguage] = useState<DocLanguage>(documentLanguageFor(uiLanguage));
  const [number, setNumber] = useState('');
  const [date, setDate] = useState<string>(toIsoDate(new Date()));
  const [place, setPlace] = useState<string | null>(null);
  const [issuer, setIssuer] = useState('');
  const [citations, setCitations] = useState('');
  const [extra, setExtra] = useState('');

  const district = office ? findDistrict(office.districtCode) : undefined;
  // Until the user types a place, it follows the document's language.
  const placeText = place ?? (district ? labelIn(district.district.name, language) : '');
  const problems = [!number.trim() && t('problem.number'), !isIsoDate(date) && t('problem.date'), !placeText.trim() && t('problem.place')].filter((p): p is string => !!p);
  const form = useMemo(
    () => ({ number: number.trim(), date: (isIsoDate(date) ? date : toIsoDate(new Date())) as IsoDate, place: placeText.trim(), issuer, citations, extraPoints: extra.split('\n') }),
    [number, date, placeText, issuer, citations, extra],
  );
  const buildModel = useCallback(() => decisionPreview(db, form, language), [db, form, language]);

  return (
    <GenerateDialog
      language={language}
      onLanguage={setLanguage}
      title={t('kind.hokimDecision')}
      problems={problems}
      buildModel={buildModel}
      onClose={onClose}
      onGenerate={(model) =>
        generateDocument(db, host, {
          kind: 'hokimDecision',
          model,
          number: form.number,
          date: form.date,
          caseId: null,
          fileFilterName: t('wordFiles'),
          params: { ...form, language },
        })
      }
      form={
        <>
          <TextField label={t('field.decisionNumber')} value={number} onChange={(e) => setNumber(e.target.value)} helperText={t('help.decisionNumber')} slotProps={{ htmlInput: { 'data-testid': 'doc-number' } }} />
          <DateField label={t('field.date')} value={date} onChange={setDate} testId="doc-date" />
          <TextField label={t('field.place')} value={placeText} onChange={(e) => setPlace(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'doc-place' } }} />
          <TextField label={t('field.issuer')} value={issuer} onChange={(e) => setIssuer(e.target.value)} helperText={t('help.issuer')} slotProps={{ htmlInput: { 'data-testid': 'doc-issuer' } }} />
          <TextField label={t('field.citations')} value={citations} onChange={(e) => setCitations(e.target.value)} helperText={t('help.citations')} multiline minRows={3} slotProps={{ htmlInput: { 'data-testid': 'doc-citations' } }} />
          <TextField label={t('field.extraPoints')} value={extra} onChange={(e) => setExtra(e.target.value)} helperText={t('help.extraPoints')} multiline minRows={3} slotProps={{ htmlInput: { 'data-testid': 'doc-extra' } }} />
        </>
      }
    />
  );
}
