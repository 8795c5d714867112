import { Card, CardContent, CardHeader, Stack } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useServices } from '../../app/services';
import { addMahallas, deleteMahalla, listMahallas, renameMahalla } from '../../db/repositories/mahallas';
import { getOfficeProfile, saveOfficeProfile } from '../../db/repositories/office';
import { LanguageSwitcher } from '../../app/LanguageSwitcher';
import { PageHeader } from '../../ui/PageHeader';
import { MahallaEditor } from '../mahallas';
import { OfficeForm } from '../office';
import { IdleLockSetting } from './IdleLockSetting';
import { InstallationInfo } from './InstallationInfo';
import { useActor } from '../../app/hooks';
import { canDo } from '../../domain/access';

/** Office settings: language, the office profile, its mahallas, and facts about this installation. */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  const { db } = useServices();
  const feedback = useFeedback();
  const office = useLiveQuery(() => getOfficeProfile(db), [db]);
  const mahallas = useLiveQuery(() => listMahallas(db), [db]);
  const actor = useActor();
  const managesOffice = !!actor && canDo(actor, 'manageOffice');

  return (
    <>
      <PageHeader title={t('title')} />
      <Stack spacing={3}>
        <Card variant="outlined">
          <CardHeader title={t('language.title')} subheader={t('language.text')} />
          <CardContent sx={{ maxWidth: 400 }}>
            <LanguageSwitcher variant="form" />
          </CardContent>
        </Card>
        {managesOffice && (
        <>
        <Card variant="outlined">
          <CardHeader title={t('lock.title')} subheader={t('lock.text')} />
          <CardContent>
            <IdleLockSetting />
          </CardContent>
        </Card>
        <Card variant="outlined">
          <CardHeader title={t('office.title')} />
          <CardContent>
            {office && (
              <OfficeForm
                key={office.rev}
                initial={office}
                submitLabel={t('common:action.save')}
                onSubmit={async (draft) => {
                  try {
                    await saveOfficeProfile(db, draft);
                    feedback.done('settings:office.saved');
                  } catch (error) {
                    feedback.failure(error);
                  }
                }}
              />
            )}
          </CardContent>
        </Card>
        <Card variant="outlined">
          <CardHeader title={t('mahallas.title')} subheader={t('mahallas.text')} />
          <CardContent>
            {mahallas && (
              <MahallaEditor
                items={mahallas}
                onAdd={async (names) => void (await addMahallas(db, names))}
                onRename={async (id, name) => void (await renameMahalla(db, id, name))}
                onDelete={(id) => deleteMahalla(db, id)}
              />
            )}
          </CardContent>
        </Card>
        </>
        )}
        <Card variant="outlined">
          <CardHeader title={t('about.title')} />
          <CardContent>
            <InstallationInfo />
          </CardContent>
        </Card>
      </Stack>
    </>
  );
}
