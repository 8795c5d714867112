import { Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { storageStatus, type StorageStatus } from '../../db/storage';

const MB = 1024 * 1024;

/** Facts a support call needs: version, installation id, where the data is, how much room is left. */
export function InstallationInfo() {
  const { t } = useTranslation('settings');
  const { appInfo, db } = useServices();
  const [storage, setStorage] = useState<StorageStatus | null>(null);
  useEffect(() => {
    void storageStatus().then(setStorage);
  }, []);
  const rows: [string, string][] = [
    [t('about.version'), appInfo.version],
    [t('about.installationId'), appInfo.installationId],
    [t('about.dataFolder'), appInfo.dataFolder],
    [t('about.database'), db.name],
    [t('about.persisted'), storage ? t(storage.persisted ? 'about.yes' : 'about.no') : '…'],
    [
      t('about.storage'),
      storage?.usageBytes != null && storage.quotaBytes != null
        ? t('about.storageValue', { used: Math.ceil(storage.usageBytes / MB), free: Math.floor((storage.quotaBytes - storage.usageBytes) / MB) })
        : '…',
    ],
  ];
  return (
    <Table size="small" data-testid="installation-info">
      <TableBody>
        {rows.map(([label, value]) => (
          <TableRow key={label}>
            <TableCell component="th" sx={{ width: 260, color: 'text.secondary' }}>
              {label}
            </TableCell>
            <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
