import { Backdrop, Paper, Typography } from '@mui/material';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFeedback } from '../../app/feedback';
import { droppedFileSource, droppedVolumes, type HostFileSource } from '../../host/streams';

interface DroppedFileState {
  /** A file dropped onto the window that the exchange page has not taken yet. */
  dropped: HostFileSource | null;
  /** The exchange page took it. */
  taken: () => void;
}

const DroppedFileContext = createContext<DroppedFileState>({ dropped: null, taken: () => undefined });

export const useDroppedFile = () => useContext(DroppedFileContext);

/** Whether a drag carries files (not text or a link dragged within the page). */
const carriesFiles = (event: DragEvent) => !!event.dataTransfer && Array.from(event.dataTransfer.types).includes('Files');

/**
 * A file dropped anywhere on the window opens on the exchange page, in the dialog its kind calls
 * for (a backup, cases from another office, a receipt). While a file is dragged over the window,
 * a sheet says where it will go. `enabled` is false for users who cannot use the exchange page:
 * their drop is refused with a message. Nothing listens while the app is locked. (main.tsx keeps any
 * drop from navigating the window.)
 */
export function FileDrop({ enabled, listening, children }: { enabled: boolean; listening: boolean; children: ReactNode }) {
  const { t } = useTranslation('exchange');
  const navigate = useNavigate();
  const { error: showError } = useFeedback();
  const [dropped, setDropped] = useState<HostFileSource | null>(null);
  const [over, setOver] = useState(false);
  // dragenter and dragleave fire for every child element crossed: count them to know when the drag left the window.
  const depth = useRef(0);

  useEffect(() => {
    if (!listening) return;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current += 1;
      setOver(true);
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setOver(false);
      const files = event.dataTransfer?.files;
      if (!files || files.length === 0) return;
      if (!enabled) return void showError('exchange:drop.notAllowed');
      // Several files are taken only as the volumes of one backup.
      const source = files.length === 1 ? droppedFileSource(files[0]!) : droppedVolumes([...files]);
      if (!source) return void showError('exchange:drop.oneFile');
      setDropped(source);
      void navigate('/exchange');
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [enabled, listening, showError, navigate]);

  const value = useMemo(() => ({ dropped, taken: () => setDropped(null) }), [dropped]);
  return (
    <DroppedFileContext.Provider value={value}>
      {children}
      <Backdrop open={over} sx={{ zIndex: (theme) => theme.zIndex.modal + 1, pointerEvents: 'none' }} data-testid="file-drop-overlay">
        <Paper sx={{ p: 4, maxWidth: 520, textAlign: 'center' }}>
          <Typography variant="h6">{enabled ? t('drop.overlay') : t('drop.notAllowed')}</Typography>
          {enabled && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {t('drop.hint')}
            </Typography>
          )}
        </Paper>
      </Backdrop>
    </DroppedFileContext.Provider>
  );
}
