import { MenuItem, TextField } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { listSpecialists } from '../../db/repositories/directory';
import { listDocuments, previewRegisterNumber } from '../../db/repositories/documents';
import { getOfficeProfile } from '../../db/repositories/office';
import { isIsoDate, toIsoDate, type IsoDate } from '../../domain/dates';
import { documentScope, type DocumentKind } from '../../domain/documentRegister';
import { biScriptIn } from '../../domain/names';
import { findDistrict } from '../../domain/regions';
import { labelIn } from '../../documents/format';
import type { DocLanguage, DocModel } from '../../documents/model';
import { DateField } from '../../ui/DateField';
import { trianglePng } from './chartPng';
import { documentLanguageFor, GenerateDialog } from './GenerateDialog';
import {
  assessmentSummaryPreview,
  closureActPreview,
  conferenceForMinutes,
  conferenceMinutesPreview,
  generateDocument,
  monitoringReportPreview,
  planPreview,
  taskSheetPreview,
  type DrawTriangle,
} from './generate';

/** The documents of the case work, printed from the plan, assessment, monitoring, closure, conference and team screens. */
export type CaseWorkDocumentKind = Extract<DocumentKind, 'familyPlan' | 'assessmentSummary' | 'monitoringReport' | 'closureAct' | 'conferenceMinutes' | 'taskSheet'>;

/** What to print: the kind, and the case, record or team member it is of. */
export interface CaseWorkDocumentTarget {
  kind: CaseWorkDocumentKind;
  /** The case (plan, assessment summary, monitoring report, closure act). */
  caseId?: string;
  /** The assessment version, the monitoring or the conference; the latest of the case when left out. */
  recordId?: string;
  /** The team member whose task sheet it is. */
  specialistId?: string;
  /**
   * Each child's triangle (personId → PNG) as the screen already drew it. Left out, the dialog draws
   * them itself with the same chart, labelled in the document's language — prefer that.
   */
  chartPngs?: Readonly<Record<string, Uint8Array>>;
}

/** Kinds that print a number and a place of their own (acts and minutes); the others are identified by the register. */
const NUMBERED: readonly CaseWorkDocumentKind[] = ['closureAct', 'conferenceMinutes'];

/**
 * One dialog for the case-work documents, on GenerateDialog: the language, the number, date and
 * place where the document prints them, the chair and secretary of minutes; a live preview; and
 * "generate", which enters it in the register and saves it.
 */
export function CaseWorkDocumentDialog({ target, onClose }: { target: CaseWorkDocumentTarget; onClose: () => void }) {
  const { kind, caseId, recordId, specialistId, chartPngs } = target;
  const { t } = useTranslation('register');
  const { db, host } = useServices();
  const uiLanguage = useAppSelector((state) => state.session.language);
  const today = toIsoDate(new Date());
  const [language, setLanguage] = useState<DocLanguage>(documentLanguageFor(uiLanguage));
  const [number, setNumber] = useState<string | null>(null);
  const [date, setDate] = useState<string>(today);
  // A closure act is dated the day the case was closed, unless the user says otherwise.
  const closedOn = useLiveQuery(async () => (kind === 'closureAct' && caseId ? ((await db.cases.get(caseId))?.closure?.date ?? null) : null), [db, kind, caseId]);
  useEffect(() => {
    if (closedOn) setDate(closedOn);
  }, [closedOn]);
  const [place, setPlace] = useState<string | null>(null);
  const [chairId, setChairId] = useState('');
  const [secretaryId, setSecretaryId] = useState('');
  const office = useLiveQuery(() => getOfficeProfile(db), [db]);
  const conference = useLiveQuery(async () => (kind === 'conferenceMinutes' && recordId ? conferenceForMinutes(db, recordId).catch(() => null) : null), [db, kind, recordId]);
  const specialists = useLiveQuery(() => listSpecialists(db), [db]) ?? [];
  const numbered = NUMBERED.includes(kind);
  const validDate = (isIsoDate(date) ? date : today) as IsoDate;
  // The date the register keeps: the meeting's for minutes, the form's for acts and task sheets, else today.
  const documentDate = kind === 'conferenceMinutes' && conference ? conference.date : kind === 'closureAct' || kind === 'taskSheet' ? validDate : today;
  // Another language's copy of a closure act already printed keeps its number; a first one gets the next register number.
  const suggestedNumber =
    useLiveQuery(async () => {
      if (kind === 'closureAct' && caseId) {
        const printed = (await listDocuments(db, { caseId })).find((record) => record.kind === 'closureAct');
        if (printed) return printed.number;
      }
      return previewRegisterNumber(db, kind, documentDate);
    }, [db, kind, caseId, documentDate]) ?? '';
  const numberText = number ?? suggestedNumber;
  const district = office ? findDistrict(office.districtCode) : undefined;
  const placeText = place ?? (district ? labelIn(district.district.name, language) : '');
  const caseIds = useRef<string[]>([]);
  const charts = useRef(new Map<string, Uint8Array | null>());

  const problems = [
    numbered && !numberText.trim() && t('problem.number'),
    (kind === 'closureAct' || kind === 'taskSheet') && !isIsoDate(date) && t('problem.date'),
    numbered && !placeText.trim() && t('problem.place'),
    kind === 'conferenceMinutes' && conference === null && t('problem.conference'),
  ].filter((p): p is string => !!p);

  const form = useMemo(() => ({ number: numberText.trim(), date: validDate, place: placeText.trim(), chairId: chairId || null, secretaryId: secretaryId || null }), [numberText, validDate, placeText, chairId, secretaryId]);

  const draw: DrawTriangle = useCallback(
    async (child, labels) => {
      const given = chartPngs?.[child.personId];
      if (given) return given;
      const key = `${labels.domains.join('|')}|${labels.first}|${labels.current}|${child.personId}`;
      if (!charts.current.has(key)) {
        const hasFirst = labels.first !== null && child.ratings.some((entry) => entry.first !== null);
        const series = [
          ...(hasFirst ? [{ label: labels.first!, data: child.ratings.map((entry) => entry.first ?? 0), which: 'first' as const }] : []),
          { label: labels.current, data: child.ratings.map((entry) => entry.rating ?? 0), which: 'current' as const },
        ];
        charts.current.set(key, await trianglePng(labels.domains, series));
      }
      return charts.current.get(key) ?? null;
    },
    [chartPngs],
  );

  const buildModel = useCallback(async (): Promise<DocModel> => {
    switch (kind) {
      case 'familyPlan':
        return planPreview(db, caseId!, language, today);
      case 'assessmentSummary':
        return assessmentSummaryPreview(db, caseId!, recordId, language, draw);
      case 'monitoringReport':
        return monitoringReportPreview(db, caseId!, recordId, language);
      case 'closureAct':
        return closureActPreview(db, caseId!, form, language);
      case 'conferenceMinutes': {
        const found = conference ?? (recordId ? await conferenceForMinutes(db, recordId) : undefined);
        if (!found) throw new Error('no conference');
        caseIds.current = found.caseIds;
        return conferenceMinutesPreview(db, found, form, language);
      }
      case 'taskSheet': {
        const built = await taskSheetPreview(db, specialistId!, form.date, language);
        caseIds.current = built.caseIds;
        return built.model;
      }
    }
  }, [db, kind, caseId, recordId, specialistId, language, today, draw, form, conference]);

  const attendees = (conference?.attendees ?? []).map((id) => specialists.find((s) => s.id === id)).filter((s) => !!s);
  const scope = documentScope(kind);

  return (
    <GenerateDialog
      language={language}
      onLanguage={setLanguage}
      title={t(`kind.${kind}`)}
      problems={problems}
      buildModel={buildModel}
      onClose={onClose}
      onGenerate={async (model) =>
        generateDocument(db, host, {
          kind,
          model,
          // A document that prints no number of its own is filed under its register number.
          number: numbered ? form.number : await previewRegisterNumber(db, kind, documentDate),
          date: documentDate,
          caseId: scope === 'case' ? caseId! : null,
          ...(scope === 'cases' ? { caseIds: caseIds.current } : {}),
          fileFilterName: t('wordFiles'),
          params: { kind, caseId: caseId ?? null, recordId: recordId ?? null, specialistId: specialistId ?? null, ...form, language },
        })
      }
      form={
        <>
          {numbered && (
            <TextField
              label={t(kind === 'closureAct' ? 'field.actNumber' : 'field.minutesNumber')}
              value={numberText}
              onChange={(e) => setNumber(e.target.value)}
              helperText={t('help.agreementNumber')}
              slotProps={{ htmlInput: { 'data-testid': 'doc-number' } }}
            />
          )}
          {(kind === 'closureAct' || kind === 'taskSheet') && <DateField label={t(kind === 'taskSheet' ? 'field.asOf' : 'field.date')} value={date} onChange={setDate} testId="doc-date" />}
          {numbered && <TextField label={t('field.place')} value={placeText} onChange={(e) => setPlace(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'doc-place' } }} />}
          {kind === 'conferenceMinutes' &&
            (['chair', 'secretary'] as const).map((role) => (
              <TextField
                key={role}
                select
                label={t(`field.${role}`)}
                value={role === 'chair' ? chairId : secretaryId}
                onChange={(e) => (role === 'chair' ? setChairId : setSecretaryId)(e.target.value)}
                slotProps={{ select: { SelectDisplayProps: { 'data-testid': `doc-${role}` } as object } }}
              >
                <MenuItem value="">—</MenuItem>
                {attendees.map((specialist) => (
                  <MenuItem key={specialist.id} value={specialist.id}>
                    {biScriptIn(specialist.fullName, uiLanguage)}
                  </MenuItem>
                ))}
              </TextField>
            ))}
        </>
      }
    />
  );
}
