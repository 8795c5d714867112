import { z } from 'zod';
import type { HostApi } from '../../../renderer/src/host/hostApi';
import { AUTOMATIC_BACKUP_NAME } from './automaticBackups';
import type { HostMethod } from './channels';

/**
 * Argument schemas, one per channel. The renderer is not trusted to send well-formed data:
 * every argument is checked here before a handler sees it.
 */

/** A bare file name: no folders, no characters Windows forbids, not `.` or `..`. */
const fileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/u)
  .refine((name) => name !== '.' && name !== '..' && name.trim() === name && !name.endsWith('.'), 'bad file name');

const filters = z
  .array(
    z.object({
      name: z.string().min(1).max(100),
      extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).min(1).max(10),
    }),
  )
  .max(10);

/** The bare name of an automatic backup in the data folder; no other name reaches the handlers. */
const automaticBackupName = z.string().max(100).regex(AUTOMATIC_BACKUP_NAME);
/** The office's data key: exactly 256 bits. */
const DATA_KEY_BYTES = 32;

const id = z.string().uuid();
const bytes = z.instanceof(Uint8Array);
const MAX_SAVE_BYTES = 512 * 1024 * 1024;
const MAX_OPEN_BYTES = 512 * 1024 * 1024;
/** The largest chunk one streamed read or append may carry across the bridge (documented in hostApi.ts). */
const MAX_CHUNK_BYTES = 16 * 1024 * 1024;

export const ARGUMENT_SCHEMAS = {
  appInfo: z.tuple([]),
  setLanguage: z.tuple([z.enum(['uz-Latn', 'uz-Cyrl', 'ru', 'en'])]),
  saveFile: z.tuple([
    z.object({ suggestedName: fileName, filters, bytes: bytes.refine((b) => b.byteLength <= MAX_SAVE_BYTES, 'too large') }),
  ]),
  openFile: z.tuple([z.object({ filters, maxBytes: z.number().int().positive().max(MAX_OPEN_BYTES) })]),
  writeStreamOpen: z.tuple([
    z.object({ suggestedName: fileName, filters, expectedBytes: z.number().int().nonnegative().optional(), inVolumes: z.boolean().optional() }),
  ]),
  writeStreamAppend: z.tuple([id, bytes.refine((b) => b.byteLength <= MAX_CHUNK_BYTES, 'chunk too large')]),
  writeStreamCommit: z.tuple([id]),
  writeStreamAbort: z.tuple([id]),
  readStreamOpen: z.tuple([z.object({ filters })]),
  readStreamRead: z.tuple([id, z.number().int().nonnegative(), z.number().int().positive().max(MAX_CHUNK_BYTES)]),
  readStreamClose: z.tuple([id]),
  print: z.tuple([]),
  printToPdf: z.tuple([z.object({ suggestedName: fileName, filters })]),
  showInFolder: z.tuple([id]),
  openWithSystem: z.tuple([id]),
  openExternal: z.tuple([z.string().max(2000)]),
  automaticBackupList: z.tuple([]),
  automaticBackupWriteOpen: z.tuple([
    z.object({ name: automaticBackupName, expectedBytes: z.number().int().nonnegative().optional() }),
  ]),
  automaticBackupReadOpen: z.tuple([automaticBackupName]),
  automaticBackupRemove: z.tuple([automaticBackupName]),
  keepDataKey: z.tuple([bytes.refine((b) => b.byteLength === DATA_KEY_BYTES, 'data key must be 32 bytes').nullable()]),
  keptDataKey: z.tuple([]),
  closeRequested: z.tuple([]),
  closeAnswer: z.tuple([z.enum(['ready', 'busy'])]),
} satisfies { [K in HostMethod]: z.ZodType<Parameters<HostApi[K]>> };
