import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import type { CaseFile } from '../../db/repositories/cases';
import { listSpecialists } from '../../db/repositories/directory';
import type { Specialist } from '../../domain/directory';
import { biScriptIn, type DisplayLanguage } from '../../domain/names';
import { fullName } from '../../domain/person';
import type { Responsible } from '../../domain/plan';

type Named = Pick<Specialist, 'id' | 'fullName'>;

/**
 * A specialist's name in the screen's script — one removed from the directory still by name — or,
 * for an id that came with a transfer and was matched to no one here, "a specialist of another
 * office" (`unknown`), never a blank or the case manager by mistake.
 */
export function specialistName(id: string, specialists: readonly Named[], language: DisplayLanguage, unknown: string): string {
  const found = specialists.find((specialist) => specialist.id === id);
  return found ? biScriptIn(found.fullName, language) : unknown;
}

/** Who delivered a service, as the services log names them: the case manager (no specialist), or a specialist (`specialistName`). */
export function delivererName(deliveredBy: string | null, specialists: readonly Named[], language: DisplayLanguage, text: { caseManager: string; unknown: string }): string {
  return deliveredBy === null ? text.caseManager : specialistName(deliveredBy, specialists, language, text.unknown);
}

/**
 * What a specialist select offers: this directory's current specialists and, when the value already
 * chosen is not among them (removed since, or of another office, come with a transfer), that one
 * too, named — so the select shows what is stored instead of a blank, and saving unchanged keeps it.
 */
export function specialistChoices(specialists: readonly (Named & Pick<Specialist, 'deletedAt'>)[], chosen: string | null, language: DisplayLanguage, unknown: string): { id: string; label: string }[] {
  const choices = specialists.filter((specialist) => specialist.deletedAt === null).map((specialist) => ({ id: specialist.id, label: biScriptIn(specialist.fullName, language) }));
  if (chosen && !choices.some((choice) => choice.id === chosen)) choices.push({ id: chosen, label: specialistName(chosen, specialists, language, unknown) });
  return choices;
}

/** A specialist's or a family member's name, in the screen's script. */
export function useResponsibleName(file: CaseFile) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const language = useAppSelector((state) => state.session.language);
  const script = language === 'uz-Latn' || language === 'en' ? 'latn' : 'cyrl';
  // Removed ones too: a plan or a service may still name a specialist who has left the directory.
  const loaded = useLiveQuery(() => listSpecialists(db, { withRemoved: true }), [db]);
  const specialists = loaded ?? [];
  const unknownSpecialist = t('service.unknownSpecialist');
  const personName = (personId: string) => {
    const member = file.members.find((m) => m.person.id === personId);
    return member ? fullName(member.person, script) : '—';
  };
  // Until the directory has been read, a name is blank rather than "of another office".
  const nameOf = (specialistId: string) => (loaded ? specialistName(specialistId, specialists, language, unknownSpecialist) : '');
  const responsibleName = (responsible: Responsible) => (responsible.kind === 'member' ? personName(responsible.personId) : nameOf(responsible.specialistId));
  const choices = (chosen: string | null) => (loaded ? specialistChoices(specialists, chosen, language, unknownSpecialist) : chosen ? [{ id: chosen, label: '' }] : []);
  return { specialists, personName, responsibleName, specialistChoices: choices, unknownSpecialist, language };
}
