import { Box, Link, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import { formatCell, type LocalGroup, type LocalTable, type ReportCell } from '../../reports';
import type { FigureRef } from './figureTitle';

/** Opens the cases behind a figure; absent when the user may not list cases (a viewer sees numbers only). */
export type ShowCases = ((what: FigureRef, caseIds: string[]) => void) | null;

/** A number of a report; a link to its cases when it counts any and the user may open them. */
export function FigureValue({ cell, what, showCases, testId }: { cell: ReportCell; what: FigureRef; showCases: ShowCases; testId: string }) {
  const { t } = useTranslation();
  const language = useAppSelector((state) => state.session.language);
  const text = formatCell(cell, language, t);
  if (!showCases || !cell.caseIds || cell.value === null || cell.value === 0) return <span data-testid={testId}>{text}</span>;
  return (
    <Link component="button" type="button" underline="hover" onClick={() => showCases(what, cell.caseIds!)} data-testid={testId} sx={{ font: 'inherit', verticalAlign: 'baseline' }}>
      {text}
    </Link>
  );
}

function ReportTableView({ table, showCases }: { table: LocalTable; showCases: ShowCases }) {
  const { t } = useTranslation('reports');
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid={`report-table-${table.id}`}>
      <Typography variant="subtitle1" component="h3" sx={{ mb: 1, fontWeight: 600 }}>
        {table.title}
      </Typography>
      {table.rows.length === 0 ? (
        <Typography color="text.secondary">{t('page.nothing')}</Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('page.labelColumn')}</TableCell>
                {table.columns.map((column) => (
                  <TableCell key={column} align="right">
                    {column}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {table.rows.map((row) => (
                <TableRow key={row.key} hover data-testid={`report-row-${table.id}-${row.key}`}>
                  <TableCell>{row.label}</TableCell>
                  {row.cells.map((cell, index) => (
                    <TableCell key={table.columns[index]} align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                      <FigureValue
                        cell={cell}
                        what={{ kind: 'cell', table: table.id, row: row.key, column: index }}
                        showCases={showCases}
                        testId={`report-cell-${table.id}-${row.key}-${index}`}
                      />
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Paper>
  );
}

/** One group of the report (families, outcomes, process, people): its tables as on paper. */
export function ReportGroupView({ group, showCases }: { group: LocalGroup; showCases: ShowCases }) {
  return (
    <Stack spacing={2} data-testid={`report-group-${group.group}`}>
      {group.tables.map((table) => (
        <ReportTableView key={table.id} table={table} showCases={showCases} />
      ))}
    </Stack>
  );
}
