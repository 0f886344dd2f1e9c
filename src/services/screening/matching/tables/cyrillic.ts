/**
 * Cyrillic letters in three romanisations, as data: BGN/PCGN (English-language press and most
 * sanctions lists: Sergey, Yuriy, Khodorkovsky), ICAO 9303 (passports since 2013: Sergei, Iurii)
 * and German (Sergej, Juri, Chodorkowski). Columns: letter, BGN/PCGN, ICAO, German; `-` is empty.
 * The vowel letters е ё ю я write a glide at the start of a word and after a vowel; the
 * transliterator applies that context (BGN "ye", ICAO "e", German "je" for е).
 */
export const CYRILLIC_LETTERS = `
  а a a a
  б b b b
  в v v w
  г g g g
  ґ g g g
  д d d d
  е e e e
  є ye ie je
  ё yo e jo
  ж zh zh sch
  з z z s
  и i i i
  і i i i
  ї yi i ji
  й y i j
  к k k k
  л l l l
  м m m m
  н n n n
  о o o o
  п p p p
  р r r r
  с s s s
  т t t t
  у u u u
  ў w u u
  ф f f f
  х kh kh ch
  ц ts ts z
  ч ch ch tsch
  ш sh sh sch
  щ shch shch schtsch
  ъ - ie -
  ы y y y
  ь - - -
  э e e e
  ю yu iu ju
  я ya ia ja
`;

/** Letters that only Ukrainian (or Belarusian) writes: their presence switches г to h and и to y. */
export const UKRAINIAN_MARKERS = 'іїєґў';
