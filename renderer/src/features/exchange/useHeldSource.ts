import { useCallback, useEffect, useRef, useState } from 'react';
import type { HostFileSource } from '../../host/streams';
import type { OpenedPackage } from './openPackage';

/**
 * The file a dialog picked, held open (the host asked the user for it once) until another is
 * picked or the dialog goes away, when it is closed. `replaceWith` takes what picking another
 * file came to: a cancelled chooser (nothing opened, no failure) keeps the held file and answers
 * false; otherwise the held file is closed and the new one held (none when it could not be opened),
 * and the dialog clears what it read of the old one.
 */
export function useHeldSource() {
  const [source, setSource] = useState<HostFileSource | null>(null);
  const held = useRef<HostFileSource | null>(null);
  useEffect(() => {
    held.current = source;
  }, [source]);
  useEffect(() => () => void held.current?.close(), []);
  const replaceWith = useCallback(async (opened: OpenedPackage): Promise<boolean> => {
    if (!opened.source && !opened.failure) return false;
    await held.current?.close();
    held.current = opened.source;
    setSource(opened.source);
    return true;
  }, []);
  return [source, replaceWith] as const;
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
