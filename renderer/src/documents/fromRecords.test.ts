import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../domain/dates';
import type { FamilyCase } from '../domain/familyCase';
import { biScriptFrom } from '../domain/names';
import type { OfficeProfile } from '../domain/office';
import type { Membership, Person, Relation, Sex } from '../domain/person';
import type { User } from '../domain/user';
import { agreementData, defaultSignatories } from './fromRecords';

const meta = { installationId: 'i', createdAt: '', createdBy: 'u', updatedAt: '', updatedBy: 'u', rev: 1, deletedAt: null };
const office = { ...meta, id: 'office', regionCode: '1703', districtCode: '1703224', name: { uzLatn: 'Markaz', uzCyrl: 'Марказ', ru: 'Центр' }, head: biScriptFrom('Toshmatov Bahodir'), hokim: biScriptFrom('Abdullayev Anvar'), deputyHokim: biScriptFrom('Yoʻldosheva Malika') } as OfficeProfile;

function member(id: string, name: string, relation: Relation, sex: Sex, birthDate: string, from = '2020-01-01', to: string | null = null) {
  const person = { ...meta, id, surname: biScriptFrom(name.split(' ')[0]!), firstName: biScriptFrom(name.split(' ')[1]!), patronymic: null, sex, birthDate, pinfl: null, document: null } as unknown as Person;
  const membership = { ...meta, id: `m-${id}`, caseId: 'c1', personId: id, relation, from, to } as Membership;
  return { person, membership };
}

const members = [
  member('p1', 'Gʻaniyeva Oʻgʻiloy', 'head', 'female', '1988-04-02'),
  member('p2', 'Gʻaniyev Hamid', 'spouse', 'male', '1985-01-01', '2020-01-01', '2026-03-01'),
  member('p3', 'Gʻaniyev Shohruh', 'child', 'male', '2014-09-17'),
  member('p4', 'Gʻaniyeva Lola', 'child', 'female', '2008-10-20'),
  member('p5', 'Gʻaniyeva Nigora', 'child', 'female', '2026-11-01', '2026-11-01'),
];
const kase = { ...meta, id: 'c1', caseNumber: '1703224-2026-0001', caseManagerId: 'cm', address: { regionCode: '1703', districtCode: '1703224', mahallaId: 'gone', street: 'Bogʻishamol', house: '12', apartment: '' } } as unknown as FamilyCase;
const records = { kase, members, mahalla: undefined, caseManager: { ...meta, id: 'cm', fullName: biScriptFrom('Rahimova Zulfiya'), phone: '+998901234567' } as unknown as User };
const form = (date: string, signatoryIds: string[]) => ({ number: 'K-1', date: date as IsoDate, place: 'Asaka', months: 6, reviewMonths: 3, signatoryIds });

describe('the agreement filled from a case', () => {
  it('covers the members in the family on its date, the head first, then the eldest', () => {
    const data = agreementData(office, records, form('2026-10-05', ['p1']));
    // The father left in March; the newborn came in November: neither is in an October agreement.
    expect(data.members.map((m) => m.firstName.latn)).toEqual(['Oʻgʻiloy', 'Lola', 'Shohruh']);
    expect(data.members.map((m) => m.sex)).toEqual(['female', 'female', 'male']);
    expect(agreementData(office, records, form('2026-02-01', ['p1'])).members.map((m) => m.firstName.latn)).toEqual(['Oʻgʻiloy', 'Hamid', 'Lola', 'Shohruh']);
  });

  it('signs for the family: adults only, by default the head and an adult spouse; a child ticked never signs', () => {
    expect(defaultSignatories(records, '2026-02-01' as IsoDate)).toEqual(['p1', 'p2']);
    expect(defaultSignatories(records, '2026-10-05' as IsoDate)).toEqual(['p1']);
    const data = agreementData(office, records, form('2026-10-05', ['p1', 'p3', 'p4']));
    // Lola turned 18 on 20.10.2026: on 05.10.2026 she is still a child.
    expect(data.members.filter((m) => m.signs).map((m) => m.firstName.latn)).toEqual(['Oʻgʻiloy']);
    expect(agreementData(office, records, form('2026-10-25', ['p1', 'p4'])).members.filter((m) => m.signs).map((m) => m.firstName.latn)).toEqual(['Oʻgʻiloy', 'Lola']);
  });

  it('takes the address from reference data and the case, and leaves out a mahalla the office no longer has', () => {
    const data = agreementData(office, records, form('2026-10-05', ['p1']));
    expect(data.address).toMatchObject({ district: { uzLatn: 'Asaka tumani' }, region: { uzLatn: 'Andijon viloyati' }, mahalla: null, street: 'Bogʻishamol', house: '12' });
    expect(data.caseManager).toEqual({ fullName: biScriptFrom('Rahimova Zulfiya'), phone: '+998901234567' });
    expect(data).toMatchObject({ service: office.name, head: office.head, caseNumber: '1703224-2026-0001', number: 'K-1', months: 6, reviewMonths: 3 });
  });
});
