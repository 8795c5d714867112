import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { conferenceDirectory } from '../../db/repositories/conferences';
import type { ConferenceNextStep } from '../../domain/caseWork';
import type { Mahalla } from '../../domain/mahalla';
import type { Specialist } from '../../domain/directory';
import type { FamilyCase } from '../../domain/familyCase';
import { biScriptIn, triLingualIn, type DisplayLanguage } from '../../domain/names';

/** The names a conference shows, in the UI's language and script; removed specialists and mahallas keep theirs. */
export interface ConferenceDirectory {
  language: DisplayLanguage;
  /** Specialists still in the directory, sorted as the user reads them. */
  specialists: Specialist[];
  /** Mahallas the office still serves, sorted as the user reads them. */
  mahallas: Mahalla[];
  specialist: (id: string) => Specialist | undefined;
  specialistName: (id: string) => string;
  /** "position, agency" to tell namesakes apart. */
  specialistRole: (id: string) => string;
  mahallaName: (id: string | null) => string;
  teamMembers: (mahallaId: string | null) => string[];
  who: (step: ConferenceNextStep) => string;
  caseLabel: (kase: FamilyCase) => string;
}

export function useConferenceDirectory(): ConferenceDirectory | undefined {
  const { db } = useServices();
  const language = useAppSelector((state) => state.session.language);
  const data = useLiveQuery(() => conferenceDirectory(db), [db]);
  return useMemo(() => {
    if (!data) return undefined;
    const specialists = new Map(data.specialists.map((specialist) => [specialist.id, specialist]));
    const agencies = new Map(data.agencies.map((agency) => [agency.id, agency]));
    const mahallas = new Map(data.mahallas.map((mahalla) => [mahalla.id, mahalla]));
    const teams = new Map(data.teams.map((team) => [team.mahallaId, team]));
    const specialistName = (id: string) => {
      const found = specialists.get(id);
      return found ? biScriptIn(found.fullName, language) : '—';
    };
    const byName = <T>(name: (item: T) => string) => (a: T, b: T) => name(a).localeCompare(name(b), language);
    return {
      language,
      specialists: data.specialists.filter((s) => s.deletedAt === null).sort(byName((s) => biScriptIn(s.fullName, language))),
      mahallas: data.mahallas.filter((m) => m.deletedAt === null).sort(byName((m) => triLingualIn(m.name, language))),
      specialist: (id) => specialists.get(id),
      specialistName,
      specialistRole: (id) => {
        const found = specialists.get(id);
        if (!found) return '';
        const agency = agencies.get(found.agencyId);
        return [triLingualIn(found.position, language), agency ? triLingualIn(agency.name, language) : ''].filter(Boolean).join(', ');
      },
      mahallaName: (id) => {
        const found = id ? mahallas.get(id) : undefined;
        return found ? triLingualIn(found.name, language) : '—';
      },
      teamMembers: (mahallaId) => (mahallaId ? (teams.get(mahallaId)?.members ?? []).map((member) => member.specialistId).filter((id) => specialists.get(id)?.deletedAt === null) : []),
      who: (step) => (step.specialistId ? specialistName(step.specialistId) : step.who),
      caseLabel: (kase) => {
        const head = kase.summary.head ? `${biScriptIn(kase.summary.head.surname, language)} ${biScriptIn(kase.summary.head.firstName, language)}` : '—';
        return `${kase.caseNumber} · ${head}`;
      },
    } satisfies ConferenceDirectory;
  }, [data, language]);
}
