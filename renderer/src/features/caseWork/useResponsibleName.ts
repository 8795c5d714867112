import { useLiveQuery } from 'dexie-react-hooks';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import type { CaseFile } from '../../db/repositories/cases';
import { listSpecialists } from '../../db/repositories/directory';
import type { Specialist } from '../../domain/directory';
import { biScriptIn, type DisplayLanguage } from '../../domain/names';
import { fullName } from '../../domain/person';
import type { Responsible } from '../../domain/plan';

/**
 * Who delivered a service, as the services log names them: the case manager (no specialist), a
 * specialist of this directory, or — an id that came with a transfer and was matched to no one
 * here — a specialist of another office (`unknown`), never the case manager by mistake.
 */
export function delivererName(deliveredBy: string | null, specialists: readonly Pick<Specialist, 'id' | 'fullName'>[], language: DisplayLanguage, text: { caseManager: string; unknown: string }): string {
  if (deliveredBy === null) return text.caseManager;
  const found = specialists.find((specialist) => specialist.id === deliveredBy);
  return found ? biScriptIn(found.fullName, language) : text.unknown;
}

/** A specialist's or a family member's name, in the screen's script. */
export function useResponsibleName(file: CaseFile) {
  const { db } = useServices();
  const language = useAppSelector((state) => state.session.language);
  const script = language === 'uz-Latn' || language === 'en' ? 'latn' : 'cyrl';
  const specialists = useLiveQuery(() => listSpecialists(db), [db]) ?? [];
  const personName = (personId: string) => {
    const member = file.members.find((m) => m.person.id === personId);
    return member ? fullName(member.person, script) : '—';
  };
  const responsibleName = (responsible: Responsible) =>
    responsible.kind === 'member' ? personName(responsible.personId) : ((s) => (s ? biScriptIn(s.fullName, language) : '—'))(specialists.find((s) => s.id === responsible.specialistId));
  return { specialists, personName, responsibleName, language };
}
