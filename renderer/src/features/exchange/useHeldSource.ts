import { useEffect, useRef, useState } from 'react';
import type { HostFileSource } from '../../host/streams';

/**
 * The file a dialog picked, held open (the host asked the user for it once) until another is
 * picked or the dialog goes away, when it is closed.
 */
export function useHeldSource() {
  const [source, setSource] = useState<HostFileSource | null>(null);
  const held = useRef<HostFileSource | null>(null);
  useEffect(() => {
    held.current = source;
  }, [source]);
  useEffect(() => () => void held.current?.close(), []);
  return [source, setSource] as const;
}

/**
 * Takes the file the dialog was opened with (dropped onto the window) through the dialog's own
 * `pick`, once, as if the user had just picked it.
 */
export function useDroppedSource(initial: HostFileSource | undefined, pick: (given: HostFileSource) => Promise<void>) {
  const taken = useRef(false);
  const latestPick = useRef(pick);
  latestPick.current = pick;
  useEffect(() => {
    if (!initial || taken.current) return;
    taken.current = true;
    void latestPick.current(initial);
  }, [initial]);
}
