/**
 * Korean particles (josa) that depend on whether the word before them ends in a consonant:
 * 이/가, 은/는, 을/를, 과/와, 으로/로. For Hangul and digits the right one is chosen. After
 * Latin letters the word is read as Koreans read it: an acronym (KVM, AWS) by its letter
 * names (엠, 에스), a word by its last letters where that is clear (Linux → 리눅스, Xen → 젠,
 * Intel → 인텔); where it is not (Chrome, Web), the combined form such as "이(가)" is used,
 * as Korean software commonly does.
 */
export type JosaPair = '이/가' | '은/는' | '을/를' | '과/와' | '으로/로';

const DIGIT_BATCHIM = [true, true, false, true, false, false, true, true, true, false];
const DIGIT_RIEUL = [false, true, false, false, false, false, false, true, true, false];

/** Final sound of a word: 'consonant', 'rieul' (ㄹ), 'vowel' or 'unknown'. */
type Sound = 'consonant' | 'rieul' | 'vowel' | 'unknown';

function finalSound(word: string): Sound {
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
    if (/[A-Za-z]/.test(ch)) return latinFinal(chars, i);
    if (/[\p{L}]/u.test(ch)) return 'unknown';
    // Skip closing quotes, brackets and punctuation.
  }
  return 'unknown';
}

/** Korean letter names end: L, R → ㄹ (엘, 알); M, N → a consonant (엠, 엔); the rest a vowel. */
function letterName(c: string): Sound {
  return c === 'L' || c === 'R' ? 'rieul' : c === 'M' || c === 'N' ? 'consonant' : 'vowel';
}

/** How a Latin word ending at `end` sounds in Korean, when that is clear. */
function latinFinal(chars: string[], end: number): Sound {
  let start = end;
  while (start > 0 && /[A-Za-z]/.test(chars[start - 1])) start--;
  const word = chars.slice(start, end + 1).join('');
  // An acronym or a single capital (KVM, AWS, Hyper-V): read letter by letter.
  if (word === word.toUpperCase() && word.length <= 6) return letterName(word[word.length - 1]);
  const w = word.toLowerCase();
  if (w.endsWith('ng') || w.endsWith('m') || w.endsWith('n')) return 'consonant';
  // A silent final e after m or n: Alpine 알파인, Chrome 크롬, Engine 엔진.
  if (w.endsWith('ne') || w.endsWith('me')) return 'consonant';
  if (w.endsWith('l')) return 'rieul';
  // -x 스, -s 스/즈, -r (non-rhotic) 어, -d 드, -h 치/시, -f 프, -z 즈, -w 우, and vowels.
  if (/[xsrdhfzwaiouy]$/.test(w)) return 'vowel';
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
