import { useLiveQuery } from 'dexie-react-hooks';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import type { CaseFile } from '../../db/repositories/cases';
import { listSpecialists } from '../../db/repositories/directory';
import { biScriptIn } from '../../domain/names';
import { fullName } from '../../domain/person';
import type { Responsible } from '../../domain/plan';

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
