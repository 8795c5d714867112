/**
 * Exception dictionary for Uzbek Cyrillic ⇄ Latin transliteration (see translit.ts).
 *
 * Each entry is `[cyrillic, latin]`, lower case, dictionary form. Entries are matched on the
 * stem: a word that starts with an entry and continues with ordinary Uzbek suffixes
 * (октябрда ⇄ oktabrda, альбомлар ⇄ albomlar) is converted through the entry plus the
 * rules for the suffix. A trailing ь is dropped before a suffix, as Uzbek spelling does.
 */
export const TRANSLIT_EXCEPTIONS: readonly (readonly [cyr: string, lat: string])[] = [
  // ц after a prefix is still `s` (translit.md §4.2); the rules alone would give "antitsiklon".
  ['антициклон', 'antisiklon'],
  // я → a in these two month names (§4.5); the other months only lose ь in Latin.
  ['сентябрь', 'sentabr'],
  ['октябрь', 'oktabr'],
  ['январь', 'yanvar'],
  ['февраль', 'fevral'],
  ['апрель', 'aprel'],
  ['июнь', 'iyun'],
  ['июль', 'iyul'],
  ['ноябрь', 'noyabr'],
  ['декабрь', 'dekabr'],
  // ц written `s`, or `ts` outside -tsiya/-tsion: Latin alone cannot tell с from ц.
  ['цех', 'sex'],
  ['цирк', 'sirk'],
  ['концерт', 'konsert'],
  ['концепция', 'konsepsiya'],
  ['кварц', 'kvars'],
  ['функция', 'funksiya'],
  ['акция', 'aksiya'],
  ['инспекция', 'inspeksiya'],
  ['лекция', 'leksiya'],
  ['секция', 'seksiya'],
  ['лицей', 'litsey'],
  ['глицерин', 'glitserin'],
  // ъ/ь of Russian loans vanish in Latin.
  ['объект', 'obyekt'],
  ['субъект', 'subyekt'],
  ['съезд', 'syezd'],
  ['альбом', 'albom'],
  ['рельс', 'rels'],
  ['компьютер', 'kompyuter'],
  // y+o of a loan, not ё.
  ['майор', 'mayor'],
  // ъ after ў is not written in Latin (rule 32).
  ['мўъжиза', 'moʻjiza'],
  ['мўътабар', 'moʻtabar'],
];

/**
 * Suffix chains allowed after a dictionary stem. Without this check a stem would also
 * swallow unrelated native words that merely start the same way ("sirka", vinegar, is not
 * "цирк" + "a").
 */
export const LAT_SUFFIXES =
  /^(?:lar|ning|niki|ni|gacha|ga|ka|qa|dagi|da|ta|dan|tan|gi|ki|imiz|ingiz|im|ing|i|si|miz|ngiz|m|ng|dir|mi|chi|lik|li|siz|day|dek|cha|dor)*$/;

/** The Cyrillic spelling of {@link LAT_SUFFIXES}. */
export const CYR_SUFFIXES =
  /^(?:лар|нинг|ники|ни|гача|га|ка|қа|даги|да|та|дан|тан|ги|ки|имиз|ингиз|им|инг|и|си|миз|нгиз|м|нг|дир|ми|чи|лик|ли|сиз|дай|дек|ча|дор)*$/;

/**
 * All-caps abbreviations whose Latin form keeps digraphs in title case (§4.7: МЧЖ → MChJ)
 * although an all-caps word otherwise gets upper-case digraphs. Matched as whole words.
 * The reverse needs no entry: MChJ → МЧЖ by rule.
 */
export const CYR_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['МЧЖ', 'MChJ'],
  ['ЖШШИР', 'JShShIR'],
  ['ФҲДЁ', 'FHDYo'],
]);
