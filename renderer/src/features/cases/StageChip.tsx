import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../domain/stages';

const COLOR: Record<Stage, 'default' | 'info' | 'primary' | 'secondary' | 'success' | 'warning'> = {
  identification: 'warning',
  primaryAssessment: 'warning',
  agreement: 'info',
  inDepthAssessment: 'info',
  planning: 'primary',
  implementation: 'primary',
  monitoring: 'success',
  closed: 'default',
};

/** A case's stage as a small coloured label: early stages amber, work in progress blue, monitoring green. */
export function StageChip({ stage }: { stage: Stage }) {
  const { t } = useTranslation('cases');
  return <Chip size="small" color={COLOR[stage]} variant={stage === 'closed' ? 'outlined' : 'filled'} label={t(`stage.${stage}`)} data-testid="stage-chip" />;
}
