import data from '../../../resources/reference/regions.json';
import type { TriLingualText } from './names';

/**
 * Uzbekistan's 14 regions and 209 districts (SOATO codes), from `resources/reference/regions.json`.
 * Reference data, not user data: it ships with the app and is never stored in the database,
 * so records keep only the codes.
 */
export interface District {
  code: string;
  type: 'district' | 'city' | 'city_district';
  name: TriLingualText;
}

export interface Region {
  code: string;
  name: TriLingualText;
  districts: District[];
}

interface RawName {
  uz_latn: string;
  uz_cyrl: string;
  ru: string;
}

const tri = (name: RawName): TriLingualText => ({ uzLatn: name.uz_latn, uzCyrl: name.uz_cyrl, ru: name.ru });

export const REGIONS: readonly Region[] = data.regions.map((region) => ({
  code: region.code,
  name: tri(region.name),
  districts: region.districts.map((district) => ({
    code: district.code,
    type: district.type as District['type'],
    name: tri(district.name),
  })),
}));

const regionByCode = new Map(REGIONS.map((region) => [region.code, region]));
const districtByCode = new Map(REGIONS.flatMap((region) => region.districts.map((d) => [d.code, { region, district: d }] as const)));

export function findRegion(code: string): Region | undefined {
  return regionByCode.get(code);
}

export function findDistrict(code: string): { region: Region; district: District } | undefined {
  return districtByCode.get(code);
}
