import { useEffect, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { lockChanged } from '../../app/sessionSlice';
import { getSetting } from '../../db/repositories/settings';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../../domain/password';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
/** How often idleness is checked; the lock comes at most this late. */
const CHECK_MS = 5_000;

/**
 * Locks the screen after the office's idle time without keyboard or mouse, and on Ctrl+L
 * (by the key's position, so it works in the Cyrillic layout too).
 */
export function useIdleLock(): void {
  const { db } = useServices();
  const dispatch = useAppDispatch();
  const locked = useAppSelector((state) => state.session.locked);
  const minutes = useLiveQuery(async () => (await getSetting(db, 'idleLockMinutes')) ?? DEFAULT_IDLE_LOCK_MINUTES, [db]) ?? DEFAULT_IDLE_LOCK_MINUTES;
  const lastActivity = useRef(Date.now());

  useEffect(() => {
    if (locked) return;
    lastActivity.current = Date.now();
    const touch = () => {
      lastActivity.current = Date.now();
    };
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.code === 'KeyL') {
        event.preventDefault();
        dispatch(lockChanged(true));
      }
    };
    for (const type of ACTIVITY) window.addEventListener(type, touch, { capture: true, passive: true });
    window.addEventListener('keydown', onKey);
    const timer = setInterval(() => {
      if (Date.now() - lastActivity.current >= minutes * 60_000) dispatch(lockChanged(true));
    }, CHECK_MS);
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
      window.removeEventListener('keydown', onKey);
      clearInterval(timer);
    };
  }, [dispatch, locked, minutes]);
}
