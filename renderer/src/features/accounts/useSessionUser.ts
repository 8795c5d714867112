import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { loggedOut } from '../../app/sessionSlice';
import { logout } from '../../db/repositories/accounts';
import { getUser } from '../../db/repositories/users';
import type { User } from '../../domain/user';

/** The logged-in user's account record (live), or undefined before login or while loading. */
export function useSessionUser(): User | undefined {
  const { db } = useServices();
  const userId = useAppSelector((state) => state.session.currentUserId);
  return useLiveQuery(() => (userId ? getUser(db, userId) : undefined), [db, userId]);
}

/**
 * Logs the user out: the next person starts from the beginning, not on the page the last one left
 * open, and the screens close before the session ends, so nothing still shown queries without one.
 */
export function useLogout(): () => Promise<void> {
  const { db } = useServices();
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  return useCallback(async () => {
    navigate('/');
    dispatch(loggedOut());
    await logout(db);
  }, [db, dispatch, navigate]);
}
