import DownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import { IconButton, Link, Paper, Table, TableBody, TableCell, TableHead, TableRow, Tooltip } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useFeedback } from '../../app/feedback';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { listDocuments } from '../../db/repositories/documents';
import { listUsers } from '../../db/repositories/users';
import { formatDate, formatDateTime } from '../../domain/dates';
import type { DocumentRecord } from '../../domain/documentRegister';
import { biScriptIn } from '../../domain/names';
import { saveRegisteredCopy } from './generate';

/** The cases a document is of: its case, or each case minutes and task sheets cover. */
const casesOf = (record: DocumentRecord): string[] => [record.caseId, ...(record.caseIds ?? [])].filter((id): id is string => !!id);

/** The register: every generated document, newest first; a stored copy can be saved again, byte for byte. */
export function RegisterTable({ caseId }: { caseId?: string }) {
  const { t } = useTranslation('register');
  const { db, host } = useServices();
  const feedback = useFeedback();
  const language = useAppSelector((state) => state.session.language);
  const data = useLiveQuery(async () => {
    const documents = await listDocuments(db, caseId ? { caseId } : {});
    const caseIds = [...new Set(documents.flatMap(casesOf))];
    const cases = await db.cases.bulkGet(caseIds);
    return { documents, caseNumbers: new Map(cases.filter((k) => !!k).map((k) => [k!.id, k!.caseNumber])) };
  }, [db, caseId]);
  const users = useLiveQuery(() => listUsers(db), [db]) ?? [];
  const userNames = new Map(users.map((user) => [user.id, biScriptIn(user.fullName, language)]));

  const saveCopy = async (record: DocumentRecord) => {
    try {
      const result = await saveRegisteredCopy(db, host, record.id, t('wordFiles'));
      if (result.ok) feedback.saved(result.value, { openable: true });
      else feedback.hostError(result.error);
    } catch (error) {
      feedback.failure(error);
    }
  };

  if (!data) return null;
  if (data.documents.length === 0) return <Paper variant="outlined" sx={{ p: 3, color: 'text.secondary' }} data-testid="register-empty">{t('empty')}</Paper>;
  return (
    <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('title')} data-testid="register-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('column.registerNumber')}</TableCell>
            <TableCell>{t('column.kind')}</TableCell>
            <TableCell>{t('column.number')}</TableCell>
            <TableCell>{t('column.date')}</TableCell>
            {!caseId && <TableCell>{t('column.case')}</TableCell>}
            <TableCell>{t('column.language')}</TableCell>
            <TableCell>{t('column.createdBy')}</TableCell>
            <TableCell>{t('column.createdAt')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {data.documents.map((record) => (
            <TableRow key={record.id} data-testid="register-row" data-register-number={record.registerNumber}>
              <TableCell sx={{ whiteSpace: "nowrap" }}>{record.registerNumber}</TableCell>
              <TableCell>{t(`kind.${record.kind}`)}</TableCell>
              <TableCell sx={{ whiteSpace: "nowrap" }}>{record.number}</TableCell>
              <TableCell>{formatDate(record.date)}</TableCell>
              {!caseId && (
                <TableCell>
                  {casesOf(record).length > 0
                    ? casesOf(record).map((id, index) => (
                        <span key={id}>
                          {index > 0 && ', '}
                          <Link component={RouterLink} to={`/cases/${id}`}>
                            {data.caseNumbers.get(id) ?? '—'}
                          </Link>
                        </span>
                      ))
                    : '—'}
                </TableCell>
              )}
              <TableCell>{t(`language.${record.language}`)}</TableCell>
              <TableCell>{userNames.get(record.createdBy) ?? '—'}</TableCell>
              <TableCell>{formatDateTime(record.createdAt)}</TableCell>
              <TableCell align="right">
                <Tooltip title={t('saveCopy')}>
                  <IconButton onClick={() => void saveCopy(record)} aria-label={t('saveCopy')} data-testid="register-save-copy">
                    <DownloadIcon />
                  </IconButton>
                </Tooltip>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
