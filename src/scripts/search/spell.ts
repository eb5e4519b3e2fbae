import { readSounds, spellWith } from './sounds.ts';
import { SOUNDS } from './sounds-table.ts';

/** The search page imports this module (and its table) only for a Chinese query that found nothing (see sounds.ts). */
const sounds = readSounds(SOUNDS);

/** The sound of a Chinese query (对伍 → duiwu), or undefined. */
export const spell = (text: string): string | undefined => spellWith(sounds, text);
