import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { listAccounts } from '../../db/repositories/accounts';
import { getWorkingGroup, listAgencies, listSpecialists, listTeams } from '../../db/repositories/directory';
import { listMahallas } from '../../db/repositories/mahallas';
import type { Agency, MahallaTeam, Specialist, WorkingGroup } from '../../domain/directory';
import type { Mahalla } from '../../domain/mahalla';
import { biScriptIn, triLingualIn, type DisplayLanguage } from '../../domain/names';
import type { User } from '../../domain/user';

/** Everything the Teams page shows, read at once, with the lookups its tabs share. */
export interface Directory {
  language: DisplayLanguage;
  agencies: Agency[];
  specialists: Specialist[];
  teams: MahallaTeam[];
  workingGroup: WorkingGroup | null;
  mahallas: Mahalla[];
  accounts: User[];
  agencyName: (id: string) => string;
  specialistName: (id: string) => string;
  mahallaName: (id: string) => string;
  accountName: (id: string) => string;
  specialist: (id: string) => Specialist | undefined;
  teamOf: (mahallaId: string) => MahallaTeam | undefined;
}

/** Every spelling of a name, joined for `data-names`: the e2e page objects find a row or option by any of them. */
export const namesAttribute = (...names: string[]) => names.join('|');

export function useDirectory(): Directory | undefined {
  const { db } = useServices();
  const language = useAppSelector((state) => state.session.language);
  const data = useLiveQuery(async () => {
    const [agencies, specialists, teams, workingGroup, mahallas, accounts] = await Promise.all([
      listAgencies(db),
      listSpecialists(db),
      listTeams(db),
      getWorkingGroup(db),
      listMahallas(db),
      listAccounts(db),
    ]);
    return { agencies, specialists, teams, workingGroup: workingGroup ?? null, mahallas, accounts };
  }, [db]);

  return useMemo(() => {
    if (!data) return undefined;
    const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
    const agencies = byId(data.agencies);
    const specialists = byId(data.specialists);
    const mahallas = byId(data.mahallas);
    const accounts = byId(data.accounts);
    const teams = new Map(data.teams.map((team) => [team.mahallaId, team]));
    const specialistName = (id: string) => {
      const found = specialists.get(id);
      return found ? biScriptIn(found.fullName, language) : '—';
    };
    // Sorted as the user reads them: a Cyrillic UI sorts by the Cyrillic spelling.
    const sortedSpecialists = [...data.specialists].sort((a, b) => biScriptIn(a.fullName, language).localeCompare(biScriptIn(b.fullName, language), language));
    const sortedAgencies = [...data.agencies].sort((a, b) => triLingualIn(a.name, language).localeCompare(triLingualIn(b.name, language), language));
    return {
      language,
      ...data,
      agencies: sortedAgencies,
      specialists: sortedSpecialists,
      agencyName: (id) => {
        const found = agencies.get(id);
        return found ? triLingualIn(found.name, language) : '—';
      },
      specialistName,
      mahallaName: (id) => {
        const found = mahallas.get(id);
        return found ? triLingualIn(found.name, language) : '—';
      },
      accountName: (id) => {
        const found = accounts.get(id);
        return found ? biScriptIn(found.fullName, language) : '—';
      },
      specialist: (id) => specialists.get(id),
      teamOf: (mahallaId) => teams.get(mahallaId),
    } satisfies Directory;
  }, [data, language]);
}
