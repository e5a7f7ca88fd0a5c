/**
 * Korean particles (josa) that depend on whether the word before them ends in a consonant:
 * 이/가, 은/는, 을/를, 과/와, 으로/로. For Hangul and digits the right one is chosen; after
 * Latin letters (product names) the combined form such as "이(가)" is used, as Korean
 * software commonly does.
 */
export type JosaPair = '이/가' | '은/는' | '을/를' | '과/와' | '으로/로';

const DIGIT_BATCHIM = [true, true, false, true, false, false, true, true, true, false];
const DIGIT_RIEUL = [false, true, false, false, false, false, false, true, true, false];

/** Final sound of a word: 'consonant', 'rieul' (ㄹ), 'vowel' or 'unknown'. */
function finalSound(word: string): 'consonant' | 'rieul' | 'vowel' | 'unknown' {
  const chars = Array.from(word);
  for (let i = chars.length - 1; i >= 0; i--) {
    const ch = chars[i];
    const code = ch.codePointAt(0)!;
    if (code >= 0xac00 && code <= 0xd7a3) {
      const jong = (code - 0xac00) % 28;
      return jong === 0 ? 'vowel' : jong === 8 ? 'rieul' : 'consonant';
    }
    if (code >= 0x30 && code <= 0x39) {
      const d = code - 0x30;
      return DIGIT_RIEUL[d] ? 'rieul' : DIGIT_BATCHIM[d] ? 'consonant' : 'vowel';
    }
    if (/[\p{L}]/u.test(ch)) return 'unknown';
    // Skip closing quotes, brackets and punctuation.
  }
  return 'unknown';
}

export function josa(word: string, pair: JosaPair): string {
  const [withConsonant, withVowel] = pair.split('/');
  const sound = finalSound(word);
  if (pair === '으로/로') {
    if (sound === 'consonant') return word + '으로';
    if (sound === 'vowel' || sound === 'rieul') return word + '로';
    return word + '(으)로';
  }
  if (sound === 'consonant' || sound === 'rieul') return word + withConsonant;
  if (sound === 'vowel') return word + withVowel;
  return `${word}${withConsonant}(${withVowel})`;
}
