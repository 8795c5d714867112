import { useCallback, useState } from 'react';
import { DomainError } from '../domain/errors';
import type { HostError, SavedFile } from '../host/hostApi';
import { useAppDispatch } from './hooks';
import { noticeShown, type NoticeCause } from './noticeSlice';

/** Tells the user how an action went, in their language: saved files, host errors, rule failures. */
export function useFeedback() {
  const dispatch = useAppDispatch();
  return {
    saved: useCallback(
      (file: SavedFile, options: { openable?: boolean } = {}) =>
        dispatch(
          noticeShown({
            severity: 'success',
            ...(file.volumes ? { messageKey: 'common:notice.savedInVolumes', values: { name: file.name, count: file.volumes } } : { messageKey: 'common:notice.saved', values: { name: file.name } }),
            fileId: file.fileId,
            ...(options.openable ? { openable: true } : {}),
          }),
        ),
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
      (messageKey: string, options: { detail?: string; values?: Record<string, string | number>; cause?: NoticeCause } = {}) =>
        dispatch(noticeShown({ severity: 'error', messageKey, ...withoutUndefined(options) })),
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

function withoutUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * Runs what a user asked for, one at a time: `busy` while it runs (buttons wait), then a notice in
 * their language — `doneKey` when it worked, the error when not. Resolves to whether it worked.
 */
export function useSubmit() {
  const { done, failure } = useFeedback();
  const [busy, setBusy] = useState(false);
  const submit = useCallback(
    async (action: () => Promise<unknown>, doneKey?: string): Promise<boolean> => {
      setBusy(true);
      try {
        await action();
        if (doneKey) done(doneKey);
        return true;
      } catch (error) {
        failure(error);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [done, failure],
  );
  return { busy, submit };
}
