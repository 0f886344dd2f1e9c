/**
 * Hangul jamo in the Revised Romanization of Korean (RR, South Korea since 2000) and in the
 * McCune–Reischauer spelling without diacritics that North Korean names and older South Korean
 * names use (Kim Jong Un, Choe, Pak), as data, in Unicode jamo order so that a syllable's parts
 * index them directly. Common surnames have customary spellings of their own.
 */

/** The 19 initial consonants: RR, then McCune–Reischauer at the start of a name. */
export const INITIALS_RR = 'g kk n d tt r m b pp s ss - j jj ch k t p h'.split(' ');
export const INITIALS_MR = 'k kk n t tt r m p pp s ss - ch tch ch k t p h'.split(' ');

/** The 21 vowels: RR, then McCune–Reischauer (ŏ as o, ŭ as u). */
export const VOWELS_RR = 'a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i'.split(' ');
export const VOWELS_MR = 'a ae ya yae o e yo ye o wa wae oe yo u wo we wi yu u ui i'.split(' ');

/** The 28 finals (the first is none), as RR writes them at the end of a syllable. */
export const FINALS = '- k k k n n n t l k m l l l p l m p p t t ng t t k t p t'.split(' ');

/**
 * Customary spellings of common surnames (passports, press and sanctions lists), beside RR.
 * Format: `surname spelling …`.
 */
export const SURNAMES = `
  김 kim gim
  이 lee yi rhee ri i
  리 ri lee yi
  박 park pak bak
  최 choi choe
  정 jung jeong chung jong
  강 kang gang
  조 cho jo
  윤 yoon yun
  장 jang chang
  임 lim im rim
  림 rim lim
  한 han
  오 oh o
  서 seo suh so
  신 shin sin
  권 kwon gwon
  황 hwang
  안 ahn an
  송 song
  류 ryu yoo yu ryoo
  유 yoo yu
  홍 hong
  전 jeon chun jon
  고 ko go
  문 moon mun
  양 yang ryang
  손 son sohn
  배 bae pae
  백 baek paek
  허 heo hur ho
  남 nam
  노 noh roh no
  로 ro roh no
  하 ha
  곽 kwak gwak
  성 sung seong song
  차 cha
  주 joo ju chu
  우 woo u
  민 min
  현 hyun hyeon
  방 bang pang
  공 kong gong
  진 jin chin
  지 ji chi
  변 byun byeon pyon
`;
