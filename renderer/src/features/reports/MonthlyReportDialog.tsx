import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { previewRegisterNumber, textOverrides } from '../../db/repositories/documents';
import { listTeams } from '../../db/repositories/directory';
import { listMahallas } from '../../db/repositories/mahallas';
import { getOfficeProfile } from '../../db/repositories/office';
import { listUsers } from '../../db/repositories/users';
import { toIsoDate, type IsoDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { findDistrict } from '../../domain/regions';
import type { DocLanguage, DocModel } from '../../documents/model';
import { monthlyReportModel } from '../../documents/monthlyReport';
import { documentTexts } from '../../documents/texts';
import { localizeTables, reportTables, type Indicators, type ReportOptions, type Translate } from '../../reports';
import { documentLanguageFor, GenerateDialog, generateDocument } from '../documents';

/**
 * The printable report of the figures on the screen: the same indicators, laid out by the same
 * tables, localized in the document's language (which may differ from the screen's), entered in
 * the register and signed by the head of office.
 */
export function MonthlyReportDialog({ indicators, options, onClose }: { indicators: Indicators; options: ReportOptions; onClose: () => void }) {
  const { t, i18n } = useTranslation('register');
  const { db, host } = useServices();
  const uiLanguage = useAppSelector((state) => state.session.language);
  const [language, setLanguage] = useState<DocLanguage>(documentLanguageFor(uiLanguage));
  const today = toIsoDate(new Date()) as IsoDate;
  const office = useLiveQuery(async () => (await getOfficeProfile(db)) ?? null, [db]);

  const buildModel = useCallback(async (): Promise<DocModel> => {
    const [profile, mahallas, users, teams, overrides] = await Promise.all([getOfficeProfile(db), listMahallas(db), listUsers(db), listTeams(db), textOverrides(db)]);
    if (!profile) throw new DomainError('notFound', 'office');
    const found = findDistrict(profile.districtCode);
    if (!found) throw new DomainError('notFound', 'district');
    const translate = i18n.getFixedT(language) as Translate;
    const mahalla = options.mahallaId ? mahallas.find((m) => m.id === options.mahallaId) : undefined;
    const caseManager = options.caseManagerId ? users.find((u) => u.id === options.caseManagerId) : undefined;
    return monthlyReportModel(
      {
        office: profile.name,
        region: found.region.name,
        district: found.district.name,
        period: { ...indicators.period, label: indicators.label },
        ...(mahalla || caseManager ? { filter: { ...(mahalla ? { mahalla: mahalla.name } : {}), ...(caseManager ? { caseManager: caseManager.fullName } : {}) } } : {}),
        groups: localizeTables(reportTables(indicators), translate, language, { mahallas, users, teams }),
        t: translate,
        head: profile.head.latn.trim() ? { name: profile.head } : null,
        date: today,
      },
      documentTexts(language, overrides),
    );
  }, [db, i18n, language, indicators, options.mahallaId, options.caseManagerId, today]);

  return (
    <GenerateDialog
      language={language}
      onLanguage={setLanguage}
      title={t('kind.monthlyReport')}
      problems={office === null ? [t('errors:domain.notFound')] : []}
      buildModel={buildModel}
      onClose={onClose}
      onGenerate={async (model) =>
        generateDocument(db, host, {
          kind: 'monthlyReport',
          model,
          number: await previewRegisterNumber(db, 'monthlyReport', today),
          date: today,
          caseId: null,
          fileFilterName: t('wordFiles'),
          params: { period: indicators.period, label: indicators.label, ...options, language },
        })
      }
      form={null}
    />
  );
}
