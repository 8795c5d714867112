import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { Button, Card, CardActions, CardHeader } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** Case transfers between offices: send cases, receive cases, import the receipt of a custody transfer. */
export function TransfersCard({ onSend, onReceive, onReceipt }: { onSend: () => void; onReceive: () => void; onReceipt: () => void }) {
  const { t } = useTranslation('exchange');
  return (
    <Card variant="outlined" data-testid="transfers-card">
      <CardHeader avatar={<SwapHorizIcon color="action" />} title={t('transfer.title')} subheader={t('transfer.cardText')} />
      <CardActions sx={{ px: 2, pb: 2, flexWrap: 'wrap', gap: 1 }}>
        <Button variant="contained" onClick={onSend} data-testid="send-cases">
          {t('transfer.send.open')}
        </Button>
        <Button variant="contained" onClick={onReceive} data-testid="receive-cases">
          {t('transfer.receive.open')}
        </Button>
        <Button variant="outlined" onClick={onReceipt} data-testid="receipt-import">
          {t('transfer.receipt.open')}
        </Button>
      </CardActions>
    </Card>
  );
}
