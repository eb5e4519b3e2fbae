import { ConverterFactory } from 'opencc-js/core';
import toSimplified from 'opencc-js/to/cn';

/**
 * opencc-js's traditional → simplified conversion alone (its phrases and characters), not the whole package: the
 * search page imports this module only when a query holds a traditional character (see `traditional.ts`).
 */
export const t2s: (text: string) => string = ConverterFactory(toSimplified);
