import { useCallback } from 'react';
import { DomainError } from '../domain/errors';
import type { HostError, SavedFile } from '../host/hostApi';
import { useAppDispatch } from './hooks';
import { noticeShown } from './noticeSlice';

/** Tells the user how an action went, in their language: saved files, host errors, rule failures. */
export function useFeedback() {
  const dispatch = useAppDispatch();
  return {
    saved: useCallback(
      (file: SavedFile, options: { openable?: boolean } = {}) =>
        dispatch(noticeShown({ severity: 'success', messageKey: 'common:notice.saved', values: { name: file.name }, fileId: file.fileId, ...(options.openable ? { openable: true } : {}) })),
      [dispatch],
    ),
    done: useCallback(
      (messageKey: string, values?: Record<string, string | number>) =>
        dispatch(noticeShown({ severity: 'success', messageKey, ...(values ? { values } : {}) })),
      [dispatch],
    ),
    hostError: useCallback(
      (error: HostError) => {
        if (error.code === 'cancelled') return;
        dispatch(noticeShown({ severity: 'error', messageKey: `errors:host.${error.code}`, ...(error.detail ? { detail: error.detail } : {}) }));
      },
      [dispatch],
    ),
    error: useCallback(
      (messageKey: string, detail?: string) => dispatch(noticeShown({ severity: 'error', messageKey, ...(detail ? { detail } : {}) })),
      [dispatch],
    ),
    failure: useCallback(
      (error: unknown) => {
        // A domain error's message is for developers; the code says it all to the user.
        if (error instanceof DomainError) return dispatch(noticeShown({ severity: 'error', messageKey: `errors:domain.${error.code}` }));
        console.error(error);
        return dispatch(noticeShown({ severity: 'error', messageKey: 'errors:domain.unexpected' }));
      },
      [dispatch],
    ),
  };
}
