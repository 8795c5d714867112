import { Button, Stack, TextField } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useServices } from '../../app/services';
import { getSetting, setSetting } from '../../db/repositories/settings';
import { DEFAULT_IDLE_LOCK_MINUTES, IDLE_LOCK_RANGE } from '../../domain/password';

/** The office's idle time before the screen locks, in whole minutes within a sane range. */
export function IdleLockSetting() {
  const { t } = useTranslation('settings');
  const { db } = useServices();
  const feedback = useFeedback();
  const stored = useLiveQuery(async () => (await getSetting(db, 'idleLockMinutes')) ?? DEFAULT_IDLE_LOCK_MINUTES, [db]);
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed ?? String(stored ?? '');
  const minutes = Number(text);
  const valid = /^\d+$/u.test(text.trim()) && minutes >= IDLE_LOCK_RANGE.min && minutes <= IDLE_LOCK_RANGE.max;

  const save = async () => {
    if (!valid) return;
    try {
      await setSetting(db, 'idleLockMinutes', minutes);
      setTyped(null);
      feedback.done('settings:lock.saved');
    } catch (error) {
      feedback.failure(error);
    }
  };
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
      <TextField
        size="small"
        label={t('lock.minutes')}
        value={text}
        onChange={(event) => setTyped(event.target.value)}
        error={!valid}
        helperText={valid ? ' ' : t('lock.range', IDLE_LOCK_RANGE)}
        slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'idle-minutes' } }}
      />
      <Button variant="outlined" onClick={() => void save()} disabled={!valid || typed === null} data-testid="idle-save">
        {t('common:action.save')}
      </Button>
    </Stack>
  );
}
