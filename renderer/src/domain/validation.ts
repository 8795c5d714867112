import { z } from 'zod';
import { cleanText } from './names';
import { detectScript } from './translit';

/**
 * Validation failures carry a code, never a sentence: the UI shows `errors:validation.<code>`
 * in the user's language. Zod issues use the code as their message.
 */
export type ValidationCode =
  | 'required'
  | 'tooLong'
  | 'notLatin'
  | 'notCyrillic'
  | 'unknownRegion'
  | 'unknownDistrict'
  | 'districtNotInRegion'
  | 'duplicate'
  | 'duplicateInFile'
  | 'oneHead'
  | 'oneChair'
  | 'oneSecretary'
  | 'numberingTokens'
  | 'prefixesDiffer'
  | 'padRange'
  | 'memberNotAdded';

export const MAX_NAME_LENGTH = 120;

const code = (value: ValidationCode) => value;

/** A required single-line text, tidied as typed. */
export const requiredText = (max = MAX_NAME_LENGTH) =>
  z
    .string()
    .transform(cleanText)
    .pipe(z.string().min(1, code('required')).max(max, code('tooLong')));

/** Text that must be in Uzbek Latin (digits and punctuation alone are fine). */
export const latinText = (max = MAX_NAME_LENGTH) =>
  requiredText(max).refine((text) => ['latn', 'none'].includes(detectScript(text)), code('notLatin'));

/** Text that must be in Cyrillic (Uzbek or Russian). */
export const cyrillicText = (max = MAX_NAME_LENGTH) =>
  requiredText(max).refine((text) => ['cyrl', 'none'].includes(detectScript(text)), code('notCyrillic'));

export const biScriptSchema = z.object({
  latn: latinText(),
  cyrl: cyrillicText(),
  typed: z.enum(['latn', 'cyrl']),
});

export const triLingualSchema = z.object({
  uzLatn: latinText(),
  uzCyrl: cyrillicText(),
  ru: cyrillicText(),
});

/** Field path → code of the first problem there, the shape forms and import previews show. */
export function issuesByPath(error: z.ZodError): Record<string, ValidationCode> {
  const result: Record<string, ValidationCode> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.');
    result[path] ??= issue.message as ValidationCode;
  }
  return result;
}
