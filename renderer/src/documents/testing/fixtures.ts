import { strFromU8, strToU8, unzipSync, zlibSync } from 'fflate';
import { ALL_DOMAINS, sideOf, TRIANGLE, type Rating, type TriangleSide } from '../../domain/assessment';
import type { IsoDate } from '../../domain/dates';
import { biScriptFrom, type BiScriptText, type TriLingualText } from '../../domain/names';
import type { AssessmentSummaryData, SummaryChild } from '../assessmentSummary';
import type { ClosureActData } from '../closureAct';
import type { ConferenceMinutesData } from '../conferenceMinutes';
import type { AgreementData } from '../familyAgreement';
import type { PlanDocData } from '../familyPlan';
import type { DecisionData } from '../hokimDecision';
import type { MonitoringReportData } from '../monitoringReport';
import type { TaskSheetData } from '../taskSheet';

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

// ---------------------------------------------------------------------------------------------
// The case-work documents: the same family and team as above, a plan, two assessments, a monitoring,
// a closure, a conference and a task sheet.

const CASE_HEADING = {
  service: tri('Asaka tumani «Inson» ijtimoiy xizmatlar markazi', 'Асака тумани «Инсон» ижтимоий хизматлар маркази', 'Центр социальных услуг «Инсон» Асакинского района'),
  caseNumber: '1703202-2026-0042',
  head: name('Gʻaniyeva Oʻgʻiloy Qahramonovna'),
  address: { ...ASAKA, mahalla: tri('Navroʻz', 'Наврўз', 'Навруз'), street: 'Bogʻishamol koʻchasi', house: '12', apartment: '' },
  caseManager: name('Rahimova Zulfiya Karimovna'),
};

const SHOHRUH = name('Gʻaniyev Shohruh Hamidovich');
const HILOLA = name('Gʻaniyeva Hilola');

export function planFixture(): PlanDocData {
  return {
    ...CASE_HEADING,
    revision: 2,
    status: 'approved',
    date: '2026-11-02' as IsoDate,
    goals: [
      {
        text: 'Shohruh maktabga muntazam qatnaydi',
        domains: ['education', 'guidanceBoundaries'],
        child: SHOHRUH,
        actions: [
          { description: 'Maktab psixologi bilan haftalik suhbat', responsible: { kind: 'specialist', ...SPECIALISTS.psychologist }, deadline: '2026-12-15' as IsoDate, status: 'inProgress', droppedReason: '' },
          { description: 'Har kuni ertalab maktabga kuzatib borish', responsible: { kind: 'member', fullName: CASE_HEADING.head }, deadline: '2026-12-31' as IsoDate, status: 'planned', droppedReason: '' },
          { description: 'Profilaktik suhbat', responsible: { kind: 'specialist', ...SPECIALISTS.inspector }, deadline: '2026-11-20' as IsoDate, status: 'dropped', droppedReason: 'Kerak boʻlmadi' },
        ],
      },
      {
        text: 'Oila daromadi barqarorlashadi',
        domains: ['employment', 'income'],
        child: null,
        actions: [{ description: 'Bandlik markaziga yoʻllanma', responsible: { kind: 'specialist', ...SPECIALISTS.nurse }, deadline: '2026-11-30' as IsoDate, status: 'done', droppedReason: '' }],
      },
    ],
    participants: [
      { fullName: CASE_HEADING.head, signs: true },
      { fullName: SHOHRUH, signs: false },
    ],
    approval: { by: name('Toshmatov Bahodir Olimovich'), date: '2026-11-03' as IsoDate, note: 'Maqsadlar aniq.' },
  };
}

const ratings = (values: (Rating | null)[]) => values;

export function assessmentSummaryFixture(chart: Uint8Array | null = null): AssessmentSummaryData {
  const latest = ratings([3, 2, 3, 3, 4, 3, 3, 3, 2, 4, 3, 2, 3, 2, 3, 2, 2, 3, 3]);
  const first = ratings([2, 1, 2, 3, 3, 2, 3, 2, 2, 3, 2, 2, 2, 2, 3, 1, 1, 2, 3]);
  const child = (fullName: BiScriptText, birthDate: string, views: string): SummaryChild => ({
    personId: fullName.latn,
    fullName,
    birthDate: birthDate as IsoDate,
    ratings: ALL_DOMAINS.map((domain, index) => ({ domain, side: sideOf(domain), rating: latest[index] as Rating, first: first[index] as Rating })),
    means: (Object.keys(TRIANGLE) as TriangleSide[]).map((side) => ({ side, mean: 2.7, first: 2.1 })),
    views,
    chart,
  });
  return {
    ...CASE_HEADING,
    version: 2,
    date: '2027-02-10' as IsoDate,
    status: 'approved',
    first: { version: 1, date: '2026-10-20' as IsoDate },
    children: [child(SHOHRUH, '2014-09-17', 'Futbol toʻgaragiga borishni xohlayman.'), child(HILOLA, '2019-01-30', '')],
    conclusion: 'Oilada ijobiy oʻzgarishlar bor.\nBandlik masalasi hal qilinmoqda.',
    approval: { by: name('Toshmatov Bahodir Olimovich'), date: '2027-02-12' as IsoDate, note: '' },
  };
}

export function monitoringFixture(): MonitoringReportData {
  return {
    ...CASE_HEADING,
    date: '2026-12-05' as IsoDate,
    agreementDate: '2026-10-05' as IsoDate,
    reviews: [
      { goal: 'Shohruh maktabga muntazam qatnaydi', description: 'Maktab psixologi bilan haftalik suhbat', responsible: { kind: 'specialist', ...SPECIALISTS.psychologist }, deadline: '2026-12-15' as IsoDate, status: 'inProgress', note: 'Uch suhbat oʻtkazildi' },
      { goal: 'Oila daromadi barqarorlashadi', description: 'Bandlik markaziga yoʻllanma', responsible: { kind: 'specialist', ...SPECIALISTS.nurse }, deadline: '2026-11-30' as IsoDate, status: 'done', note: '' },
    ],
    changes: 'Shohruh darslarni qoldirmayapti.',
    planRevision: { revision: 3, reason: 'Yangi maqsad qoʻshildi' },
  };
}

export function closureFixture(): ClosureActData {
  const snapshot = Object.fromEntries(ALL_DOMAINS.map((domain, index) => [domain, ((index % 3) + 2) as Rating]));
  return {
    ...CASE_HEADING,
    number: 'D-003/2027',
    date: '2027-04-01' as IsoDate,
    place: 'Asaka tumani',
    agreement: { number: 'K-017/2026', signedDate: '2026-10-05' as IsoDate, endedDate: '2027-03-28' as IsoDate },
    closure: { date: '2027-03-28' as IsoDate, outcome: 'selfSufficient', reason: 'Oila qiyinchiliklarni mustaqil hal eta oladi.' },
    goals: [
      { text: 'Shohruh maktabga muntazam qatnaydi', result: 'achieved', note: '' },
      { text: 'Oila daromadi barqarorlashadi', result: 'partlyAchieved', note: 'Ona vaqtincha ishlaydi' },
    ],
    finalTriangle: { version: 2, date: '2027-02-10' as IsoDate, children: [{ fullName: SHOHRUH, ratings: snapshot }, { fullName: HILOLA, ratings: snapshot }] },
    closedBy: name('Toshmatov Bahodir Olimovich'),
    familySigners: [CASE_HEADING.head],
  };
}

export function minutesFixture(): ConferenceMinutesData {
  return {
    service: CASE_HEADING.service,
    number: 'Y-007/2026',
    date: '2026-11-25' as IsoDate,
    place: 'Navroʻz MFY binosi',
    mahalla: tri('Navroʻz', 'Наврўз', 'Навруз'),
    attendees: [SPECIALISTS.nurse, SPECIALISTS.inspector, SPECIALISTS.psychologist],
    cases: [{ caseNumber: CASE_HEADING.caseNumber, head: CASE_HEADING.head }],
    decisions: 'Shohruhga psixologik yordam davom ettirilsin.\nOnaga ish topishda koʻmaklashilsin.',
    nextSteps: [
      { who: SPECIALISTS.psychologist.fullName, what: 'Haftalik suhbatlar', by: '2026-12-31' as IsoDate },
      { who: 'Mahalla raisi', what: 'Moddiy yordam masalasini koʻrish', by: null },
    ],
    chair: SPECIALISTS.inspector.fullName,
    secretary: SPECIALISTS.nurse.fullName,
  };
}

export function taskSheetFixture(): TaskSheetData {
  return {
    service: CASE_HEADING.service,
    specialist: SPECIALISTS.inspector,
    date: '2026-12-01' as IsoDate,
    actions: [
      { caseNumber: CASE_HEADING.caseNumber, head: CASE_HEADING.head, mahalla: CASE_HEADING.address.mahalla, caseManager: { fullName: CASE_HEADING.caseManager, phone: '+998901234567' }, goal: 'Shohruh maktabga muntazam qatnaydi', description: 'Profilaktik suhbat', deadline: '2026-11-20' as IsoDate, status: 'planned' },
      { caseNumber: '1703202-2026-0050', head: name('Qodirov Botir'), mahalla: null, caseManager: null, goal: '', description: 'Uyga tashrif', deadline: '2026-12-10' as IsoDate, status: 'inProgress' },
    ],
  };
}

/** A real PNG of `width` × `height`: a white sheet with a dark triangle, to stand in for a chart. */
export function testPng(width = 340, height = 230): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Uint8Array) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(strToU8(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc(out.subarray(4, 8 + data.length)));
    return out;
  };
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(0, width);
  new DataView(header.buffer).setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = new Uint8Array((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const inside = y > height * 0.1 && Math.abs(x - width / 2) < ((y - height * 0.1) / (height * 0.8)) * (width * 0.4) && y < height * 0.9;
      raw.fill(inside ? 60 : 255, y * (width * 3 + 1) + 1 + x * 3, y * (width * 3 + 1) + 4 + x * 3);
    }
  }
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  parts.reduce((offset, part) => (out.set(part, offset), offset + part.length), 0);
  return out;
}
