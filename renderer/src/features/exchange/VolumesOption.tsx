import { Checkbox, FormControlLabel, FormHelperText } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { storedDocumentBytes } from '../../db/exchange';
import { getSetting } from '../../db/repositories/settings';
import type { HostError } from '../../host/hostApi';
import { volumeNames, volumesLikelyNeeded } from './backupFile';
import { hostFailure, type FailureMessage } from './exchangeMessages';

/**
 * Whether a backup about to be written goes in volumes. It is offered where a single file would
 * not fit a FAT32 stick: after the drive refused the file as too large (then ticked), when the
 * last backup was in volumes (then ticked by default), or when it or the stored documents alone
 * were that large.
 */
export function useVolumesChoice(includeDocumentBytes: boolean) {
  const { db } = useServices();
  const lastBackup = useLiveQuery(() => getSetting(db, 'lastBackup'), [db]);
  const documentBytes = useLiveQuery(() => storedDocumentBytes(db), [db]);
  const [choice, setChoice] = useState<boolean | null>(null);
  const [refused, setRefused] = useState(false);
  const inVolumes = choice ?? !!lastBackup?.volumes;
  return {
    inVolumes,
    offered: inVolumes || refused || volumesLikelyNeeded(lastBackup, includeDocumentBytes, documentBytes),
    choose: setChoice,
    /**
     * What to show after a failed write. A drive that refused a single file as too large ticks "in
     * volumes" for the next attempt and gets `tooLargeKey` (the caller's words for what to press);
     * a cancel shows nothing.
     */
    failureOf(error: HostError, tooLargeKey: string): FailureMessage | null {
      if (error.code === 'cancelled') return null;
      if (error.code !== 'too-large-for-drive' || inVolumes) return hostFailure(error);
      setRefused(true);
      setChoice(true);
      return { key: tooLargeKey, ...(error.detail ? { detail: error.detail } : {}) };
    },
  };
}

export function VolumesOption({ fileName, choice, disabled }: { fileName: string; choice: ReturnType<typeof useVolumesChoice>; disabled: boolean }) {
  const { t } = useTranslation('exchange');
  if (!choice.offered) return null;
  const [first, second] = volumeNames(fileName);
  return (
    <div>
      <FormControlLabel
        control={<Checkbox checked={choice.inVolumes} onChange={(event) => choice.choose(event.target.checked)} disabled={disabled} data-testid="backup-in-volumes" />}
        label={t('backup.inVolumes')}
      />
      <FormHelperText sx={{ mt: -0.5, ml: 4 }}>{t('backup.inVolumesHelp', { first, second })}</FormHelperText>
    </div>
  );
}
