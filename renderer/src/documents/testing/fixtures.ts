import { unzipSync, strFromU8 } from 'fflate';
import type { IsoDate } from '../../domain/dates';
import { biScriptFrom, type BiScriptText, type TriLingualText } from '../../domain/names';
import type { AgreementData } from '../familyAgreement';
import type { DecisionData } from '../hokimDecision';

/** Sample data for document tests and the bench: a district, three specialists in a mahalla team, a family. */

const name = (latn: string): BiScriptText => biScriptFrom(latn);
const tri = (uzLatn: string, uzCyrl: string, ru: string): TriLingualText => ({ uzLatn, uzCyrl, ru });

export const ASAKA = { region: tri('Andijon viloyati', 'Андижон вилояти', 'Андижанская область'), district: tri('Asaka tumani', 'Асака тумани', 'Асакинский район') };

const health = tri('Tuman tibbiyot birlashmasi', 'Туман тиббиёт бирлашмаси', 'Районное медицинское объединение');
const police = tri('Tuman ichki ishlar boʻlimi', 'Туман ички ишлар бўлими', 'Районный отдел внутренних дел');
const school = tri('Tuman maktabgacha va maktab taʼlimi boʻlimi', 'Туман мактабгача ва мактаб таълими бўлими', 'Районный отдел дошкольного и школьного образования');

export const SPECIALISTS = {
  nurse: { fullName: name('Qodirova Gʻulomjon Hasanovna'), position: tri('hamshira', 'ҳамшира', 'медсестра'), agency: health },
  inspector: { fullName: name('Xolmatov Shavkat Oʻrinovich'), position: tri('profilaktika inspektori', 'профилактика инспектори', 'инспектор профилактики'), agency: police },
  psychologist: { fullName: name('Ergasheva Dilnoza Yoʻldoshevna'), position: tri('maktab psixologi', 'мактаб психологи', 'школьный психолог'), agency: school },
};

export function decisionFixture(teams = 1): DecisionData {
  return {
    ...ASAKA,
    issuer: '',
    number: '215',
    date: '2025-03-12' as IsoDate,
    place: 'Asaka sh.',
    hokim: name('Abdullayev Anvar Qahramonovich'),
    deputyHokim: name('Yoʻldosheva Malika Gʻayratovna'),
    citations: '',
    extraPoints: ['Tuman moliya boʻlimi ishchi guruh faoliyatini moliyalashtirsin.'],
    workingGroup: [
      { fullName: name('Yoʻldosheva Malika Gʻayratovna'), position: tri('tuman hokimi oʻrinbosari', 'туман ҳокими ўринбосари', 'заместитель хокима района'), agency: null, role: 'chair' },
      { ...SPECIALISTS.inspector, role: 'member' },
      { ...SPECIALISTS.nurse, role: 'secretary' },
    ],
    teams: Array.from({ length: teams }, (_, index) => ({
      mahalla: tri(index === 0 ? 'Navroʻz' : `Navroʻz ${index + 1}`, index === 0 ? 'Наврўз' : `Наврўз ${index + 1}`, index === 0 ? 'Навруз' : `Навруз ${index + 1}`),
      members: [
        { ...SPECIALISTS.nurse, role: 'medicalWorker' as const },
        { ...SPECIALISTS.inspector, role: 'juvenileInspector' as const },
        { ...SPECIALISTS.psychologist, role: 'schoolPsychologist' as const },
      ],
      coordinator: { fullName: name('Rahimova Zulfiya Karimovna'), position: tri('keys-menejer', 'кейс-менежер', 'кейс-менеджер'), agency: tri('Tuman «Inson» ijtimoiy xizmatlar markazi', 'Туман «Инсон» ижтимоий хизматлар маркази', 'Районный центр социальных услуг «Инсон»') },
    })),
  };
}

export function agreementFixture(): AgreementData {
  return {
    number: 'K-017/2026',
    date: '2026-10-05' as IsoDate,
    place: 'Asaka tumani',
    caseNumber: '1703202-2026-0042',
    service: tri('Asaka tumani «Inson» ijtimoiy xizmatlar markazi', 'Асака тумани «Инсон» ижтимоий хизматлар маркази', 'Центр социальных услуг «Инсон» Асакинского района'),
    head: name('Toshmatov Bahodir Olimovich'),
    caseManager: { fullName: name('Rahimova Zulfiya Karimovna'), phone: '+998901234567' },
    address: { ...ASAKA, mahalla: tri('Navroʻz', 'Наврўз', 'Навруз'), street: 'Bogʻishamol koʻchasi', house: '12', apartment: '' },
    members: [
      { surname: name('Gʻaniyeva'), firstName: name('Oʻgʻiloy'), patronymic: name('Qahramonovna'), relation: 'head', sex: 'female', birthDate: '1988-04-02' as IsoDate, signs: true, pinfl: null, document: null },
      { surname: name('Gʻaniyev'), firstName: name('Shohruh'), patronymic: name('Hamidovich'), relation: 'child', sex: 'male', birthDate: '2014-09-17' as IsoDate, signs: false, pinfl: null, document: null },
      { surname: name('Gʻaniyeva'), firstName: name('Hilola'), patronymic: null, relation: 'child', sex: 'female', birthDate: '2019-01-30' as IsoDate, signs: false, pinfl: null, document: null },
    ],
    months: 6,
    reviewMonths: 3,
  };
}

/** The paragraphs of a DOCX's main part in order, as text (a tab reads as a space), empty ones left out. */
export function docxParagraphs(bytes: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(bytes, { filter: (file) => file.name === 'word/document.xml' })['word/document.xml']!);
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/gu) ?? [];
  return paragraphs
    .map((p) =>
      (p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:tab\/>/gu) ?? [])
        .map((piece) => (piece === '<w:tab/>' ? ' ' : piece.replace(/<[^>]+>/gu, '')))
        .join('')
        .replace(/&amp;/gu, '&')
        .replace(/&lt;/gu, '<')
        .replace(/&gt;/gu, '>')
        .replace(/&quot;/gu, '"')
        .replace(/&apos;/gu, "'")
        .replace(/\t/gu, ' '),
    )
    .filter((text) => text.trim() !== '');
}

export function docxXml(bytes: Uint8Array, part = 'word/document.xml'): string {
  return strFromU8(unzipSync(bytes, { filter: (file) => file.name === part })[part]!);
}
