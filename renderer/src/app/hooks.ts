import { useMemo } from 'react';
import { useDispatch, useSelector } from 'react-redux';
import type { Actor } from '../domain/access';
import type { AppDispatch, RootState } from './store';

export const useAppDispatch = useDispatch.withTypes<AppDispatch>();
export const useAppSelector = useSelector.withTypes<RootState>();

/** The logged-in user as the permission table sees them (null before login). */
export function useActor(): Actor | null {
  const session = useAppSelector((state) => state.session);
  return useMemo(
    () => (session.currentUserId ? { userId: session.currentUserId, roles: session.roles, mahallaIds: session.mahallaIds } : null),
    [session.currentUserId, session.roles, session.mahallaIds],
  );
}
