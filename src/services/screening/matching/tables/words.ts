/**
 * Word lists of the normaliser, as data: titles and honorifics, name particles, generational
 * suffixes and legal forms of organisations. A token in one of these lists keeps its place in the
 * name but weighs little in the score, so that "Dr", "al-" or "Ltd" neither makes nor breaks a match.
 */

function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.trim().split(/\s+/));
}

/** Titles and honorifics (Latin, folded), as they precede names in lists and payment data. */
export const HONORIFICS = wordSet(`
  mr mrs ms miss mx dr doctor prof professor sir dame lord lady rev reverend hon herr frau mme mlle
  monsieur madame mademoiselle senor senora senorita sra srta signor signora sig
  sheikh shaikh shaykh sheik shaik cheikh cheik shekh
  haji hajji hadji haj hajj hadj alhaji alhaj alhajj elhadj
  mullah mulla molla mollah maulana mawlana molana maulvi mawlawi moulvi maulavi mawlavi mowlawi molvi
  qari imam ayatollah hojatoleslam ustadh ustaz
  general gen colonel col major maj captain capt lieutenant lt sergeant sgt brigadier brig admiral adm
  commander cmdr marshal president minister emir eng engineer
`);

/** Honorifics written in Arabic script (Arabic, Persian and Urdu spellings). */
export const ARABIC_HONORIFICS = wordSet(`
  شيخ الشيخ حاج الحاج حاجي حاجى حاجی ملا الملا مولوي مولوى مولوی مولانا قاري قاری دكتور الدكتور داكتر امام الامام
`);

/**
 * Articles and nobiliary or locative particles: they belong to the name after them (al, el and the
 * assimilated ad-, ar-, as-, ash-, az-, ud-, ur- … of Arabic names; van, von, de, da, di, del, der,
 * la, le … of European ones). "an" and "il" are left out: they are Korean names (An, Kim Jong Il).
 */
export const PARTICLES = wordSet(`
  al el ul ol ad adh ar as ash at ath az ud ur us uz
  van von vom de da di del della dello dei degli der den des du la le les lo dos das do ter ten te zu zum zur y e
`);

/**
 * Patronymic links (son or daughter of): particles only between two names — "Osama bin Laden";
 * a name that starts with one ("Bin Xu", "Ben Smith") starts with a given name.
 */
export const LINKS = wordSet('bin ben ibn bint binti binte bte ould wuld');

/** Arabic-script particles written as their own word: the article, bin, ibn, bint, ould. */
export const ARABIC_PARTICLES = wordSet('ال');
export const ARABIC_LINKS = wordSet('بن ابن بنت ولد');

/** Generational suffixes. */
export const SUFFIXES = wordSet('jr jnr junior sr snr senior ii iii iv');

/** Legal forms and connecting words of organisation names (applied to organisations only). */
export const LEGAL_FORMS = wordSet(`
  ltd limited llc inc incorporated co corp corporation company plc llp lp sa sas sarl srl spa sl gmbh ag kg
  bv nv ab oy as jsc ojsc cjsc pjsc oao zao ooo pao tov fze fzco fzc fzllc pte pvt private sdn bhd cv
  the and of de del la le y et und
`);
