import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** What a page shows when it has nothing yet: a plain statement and, where useful, the next step. */
export function EmptyState({ title, text, icon, action }: { title: string; text?: string; icon?: ReactNode; action?: ReactNode }) {
  return (
    <Box sx={{ textAlign: 'center', py: 8, px: 2, color: 'text.secondary' }} data-testid="empty-state">
      {icon && <Box sx={{ fontSize: 56, mb: 1, '& svg': { fontSize: 'inherit' } }}>{icon}</Box>}
      <Typography variant="h6" component="p" color="text.primary" gutterBottom>
        {title}
      </Typography>
      {text && <Typography sx={{ maxWidth: 560, mx: 'auto' }}>{text}</Typography>}
      {action && <Box sx={{ mt: 3 }}>{action}</Box>}
    </Box>
  );
}
