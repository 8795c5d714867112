import type { SchemaVersion } from './types';
import { v001Initial } from './v001-initial';
import { v002CaseFiles } from './v002-case-files';
import { v003Accounts } from './v003-accounts';
import { v004PairCounts } from './v004-pair-counts';
import { v005DirectoryDocuments } from './v005-directory-documents';
import { v006CaseWork } from './v006-case-work';
import { v007Exchange } from './v007-exchange';
import { v008RetiredFields } from './v008-retired-fields';

/** Every schema version in order. Append only: a released version is never edited. */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [v001Initial, v002CaseFiles, v003Accounts, v004PairCounts, v005DirectoryDocuments, v006CaseWork, v007Exchange, v008RetiredFields];

export type { SchemaVersion } from './types';
