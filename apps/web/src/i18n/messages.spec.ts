/** Every locale has exactly the English keys, with the same ICU arguments, balanced braces and some text. */
import { en } from './messages/en';
import { fr } from './messages/fr';
import { ja } from './messages/ja';

const locales = { ja, fr } as Record<string, Record<string, string>>;

function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z0-9_]+)\s*[,}]/g)].map((m) => m[1]!))].sort();
}

function balanced(message: string): boolean {
  let depth = 0;
  for (const c of message) {
    depth += c === '{' ? 1 : c === '}' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

describe('web console messages', () => {
  for (const [locale, messages] of Object.entries(locales)) {
    it(`${locale} has every English key and no other`, () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    });

    it(`${locale} messages parse and use the English arguments`, () => {
      for (const [id, message] of Object.entries(messages)) {
        expect([id, balanced(message)]).toEqual([id, true]);
        expect([id, argumentsOf(message)]).toEqual([id, argumentsOf(en[id as keyof typeof en])]);
        expect([id, message.trim()]).not.toEqual([id, '']);
      }
    });
  }
});
