/**
 * Ordinary full names for the screening evaluation and benchmark: random combinations of the
 * common names of scripts/eval/ordinary-names.ts, shaped as each origin builds a name (Spanish two
 * surnames, Russian patronymics, Arabic father's names, Chinese and Korean family name first), and
 * random birth dates.
 */
import type { NameOrigin } from './ordinary-names.ts';

export function ordinaryName(origin: NameOrigin, random: () => number): string {
  const given = () => origin.given[Math.floor(random() * origin.given.length)] as string;
  const family = () => origin.family[Math.floor(random() * origin.family.length)] as string;
  switch (origin.shape) {
    case 'family-given':
      return `${family()} ${given()}`;
    case 'arabic':
      return random() < 0.5 ? `${given()} ${given()} ${family()}` : `${given()} ${family()}`;
    case 'spanish': {
      const first = random() < 0.3 ? `${given()} ${given()}` : given();
      return random() < 0.8 ? `${first} ${family()} ${family()}` : `${first} ${family()}`;
    }
    case 'russian': {
      const name = given();
      const female = /[aая]$/.test(name);
      const patronymics = origin.patronymics ?? [];
      // Patronymics come in pairs, male then female.
      const patronymic = patronymics[2 * Math.floor((random() * patronymics.length) / 2) + (female ? 1 : 0)];
      const surname = family() + (female ? (/[а-я]/.test(name) ? 'а' : 'a') : '');
      return random() < 0.5 && patronymic ? `${name} ${patronymic} ${surname}` : `${name} ${surname}`;
    }
    default:
      return `${given()} ${family()}`;
  }
}

export function randomBirthDate(random: () => number): string {
  const year = 1940 + Math.floor(random() * 66);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
