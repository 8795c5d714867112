import { Checkbox, FormControlLabel, FormGroup, FormLabel, TextField } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import type { CaseFile } from '../../db/repositories/cases';
import { listDocuments, previewRegisterNumber } from '../../db/repositories/documents';
import { getOfficeProfile } from '../../db/repositories/office';
import { isIsoDate, toIsoDate, type IsoDate } from '../../domain/dates';
import { fullName, isChildOn } from '../../domain/person';
import { findDistrict } from '../../domain/regions';
import { labelIn } from '../../documents/format';
import { agreementMembers, defaultSignatories } from '../../documents/fromRecords';
import type { DocLanguage } from '../../documents/model';
import { DateField } from '../../ui/DateField';
import { documentLanguageFor, GenerateDialog } from './GenerateDialog';
import { agreementPreview, generateDocument } from './generate';

/** The family–service agreement of one case, filled from the case file; the form sets number, date, term and who signs. */
export function AgreementDialog({ file, onClose }: { file: CaseFile; onClose: () => void }) {
  const { t } = useTranslation('register');
  const { db, host } = useServices();
  const uiLanguage = useAppSelector((state) => state.session.language);
  const office = useLiveQuery(() => getOfficeProfile(db), [db]);
  const today = toIsoDate(new Date());
  const [language, setLanguage] = useState<DocLanguage>(documentLanguageFor(uiLanguage));
  const [number, setNumber] = useState<string | null>(null);
  const [date, setDate] = useState<string>(today);
  const [place, setPlace] = useState<string | null>(null);
  const [months, setMonths] = useState('6');
  const [reviewMonths, setReviewMonths] = useState('3');
  const records = { kase: file.kase, members: file.members, mahalla: undefined, caseManager: undefined };
  const [signatories, setSignatories] = useState<string[]>(() => defaultSignatories(records, today));
  // Another language's copy of an agreement already printed keeps its number; a first one gets the next register number.
  const suggestedNumber =
    useLiveQuery(async () => {
      const printed = (await listDocuments(db, { caseId: file.kase.id })).find((record) => record.kind === 'familyAgreement');
      if (printed) return printed.number;
      return isIsoDate(date) ? previewRegisterNumber(db, 'familyAgreement', date) : '';
    }, [db, date, file.kase.id]) ?? '';
  const numberText = number ?? suggestedNumber;
  const district = office ? findDistrict(office.districtCode) : undefined;
  const placeText = place ?? (district ? labelIn(district.district.name, language) : '');
  const monthsValue = Number(months);
  const reviewValue = Number(reviewMonths);
  const validDate = (isIsoDate(date) ? date : today) as IsoDate;
  const members = agreementMembers(records, validDate);
  const adults = members.filter(({ person }) => !isChildOn(person.birthDate, validDate));
  const adultIds = adults.map(({ person }) => person.id).join();

  useEffect(() => {
    // Children who turned adult or left the family on another date are not signatories.
    setSignatories((current) => current.filter((id) => adults.some(({ person }) => person.id === id)));
  }, [adultIds]);

  const problems = [
    !numberText.trim() && t('problem.number'),
    !isIsoDate(date) && t('problem.date'),
    !placeText.trim() && t('problem.place'),
    !(Number.isInteger(monthsValue) && monthsValue >= 1 && monthsValue <= 36) && t('problem.months'),
    !(Number.isInteger(reviewValue) && reviewValue >= 1 && reviewValue <= 12) && t('problem.reviewMonths'),
    signatories.length === 0 && t('problem.signatories'),
  ].filter((p): p is string => !!p);
  const form = useMemo(
    () => ({ number: numberText.trim(), date: validDate, place: placeText.trim(), months: monthsValue || 6, reviewMonths: reviewValue || 3, signatoryIds: signatories }),
    [numberText, validDate, placeText, monthsValue, reviewValue, signatories],
  );
  const buildModel = useCallback(() => agreementPreview(db, file.kase.id, form, language), [db, file.kase.id, form, language]);

  return (
    <GenerateDialog
      language={language}
      onLanguage={setLanguage}
      title={t('kind.familyAgreement')}
      problems={problems}
      buildModel={buildModel}
      onClose={onClose}
      onGenerate={(model) =>
        generateDocument(db, host, {
          kind: 'familyAgreement',
          model,
          number: form.number,
          date: form.date,
          caseId: file.kase.id,
          fileFilterName: t('wordFiles'),
          params: { ...form, language },
        })
      }
      form={
        <>
          <TextField label={t('field.agreementNumber')} value={numberText} onChange={(e) => setNumber(e.target.value)} helperText={t('help.agreementNumber')} slotProps={{ htmlInput: { 'data-testid': 'doc-number' } }} />
          <DateField label={t('field.date')} value={date} onChange={setDate} testId="doc-date" />
          <TextField label={t('field.place')} value={placeText} onChange={(e) => setPlace(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'doc-place' } }} />
          <TextField label={t('field.months')} type="number" value={months} onChange={(e) => setMonths(e.target.value)} slotProps={{ htmlInput: { min: 1, max: 36, 'data-testid': 'doc-months' } }} />
          <TextField label={t('field.reviewMonths')} type="number" value={reviewMonths} onChange={(e) => setReviewMonths(e.target.value)} slotProps={{ htmlInput: { min: 1, max: 12, 'data-testid': 'doc-review' } }} />
          <FormGroup>
            <FormLabel>{t('field.signatories')}</FormLabel>
            {adults.map(({ person }) => (
              <FormControlLabel
                key={person.id}
                control={
                  <Checkbox
                    checked={signatories.includes(person.id)}
                    onChange={(e) => setSignatories((current) => (e.target.checked ? [...current, person.id] : current.filter((id) => id !== person.id)))}
                    slotProps={{ input: { 'data-testid': `doc-signatory-${person.id}` } as object }}
                  />
                }
                label={fullName(person, uiLanguage === 'uz-Latn' || uiLanguage === 'en' ? 'latn' : 'cyrl')}
              />
            ))}
          </FormGroup>
        </>
      }
    />
  );
}
