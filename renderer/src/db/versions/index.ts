import type { SchemaVersion } from './types';
import { v001Initial } from './v001-initial';

/** Every schema version in order. Append only: a released version is never edited. */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [v001Initial];

export type { SchemaVersion } from './types';
