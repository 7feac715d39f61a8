import { catalogues } from '../../shared/i18n';

type Tree = { readonly [key: string]: string | Tree };

/** Pairs of English and German texts at the same catalogue key. */
function pairs(en: Tree, de: Tree, out: [string, string][] = []): [string, string][] {
  for (const [key, value] of Object.entries(en)) {
    const other = de[key];
    if (typeof value === 'string') out.push([value, typeof other === 'string' ? other : '']);
    else if (other && typeof other !== 'string') pairs(value, other, out);
  }
  return out;
}

/** Runs of words between placeholders ({{x}} for i18next, {x} for lesson captions) and Markdown marks. */
const fragmentsOf = (text: string) =>
  text
    .split(/\{\{[^}]*\}\}|\{[^}]*\}|\*\*|\n+|- /)
    .map((part) => part.trim().replace(/^[\s.,:;·()–—-]+|[\s.,:;·()–—-]+$/g, ''))
    // Two words or more: a single word may be a name both languages use (Conv2D, Batch).
    .filter((part) => /[A-Za-z]{2,}\W+[A-Za-z]{2,}/.test(part));

/**
 * Every English phrase of the catalogue that German does not also use: text the German
 * interface must never show. Phrases German shares (a paper's title, "Label Smoothing")
 * are left out, since they are right in both.
 */
export function englishOnlyPhrases(): string[] {
  const all = pairs(catalogues.en as unknown as Tree, catalogues.de as unknown as Tree);
  const german = all.map(([, de]) => de).join('\n');
  const phrases = new Set<string>();
  for (const [en, de] of all) {
    if (en === de) continue;
    for (const fragment of fragmentsOf(en)) if (!german.includes(fragment)) phrases.add(fragment);
  }
  return [...phrases];
}

/** The English-only phrases found in a page's text (visible text, titles, labels, placeholders). */
export function englishIn(pageText: string, phrases: readonly string[]): string[] {
  return phrases.filter((phrase) => pageText.includes(phrase));
}

/** Run in the page: what a user reads or hears inside `rootSelector` (visible text, titles, labels). */
export function pageTextScript(rootSelector: string): string {
  const root = document.querySelector<HTMLElement>(rootSelector) ?? document.body;
  const attributes = Array.from(root.querySelectorAll('[title],[aria-label],[placeholder],[alt]')).flatMap((el) =>
    ['title', 'aria-label', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''),
  );
  // biome-ignore lint/performance/useDomNodeTextContent: what is rendered visibly is what counts, not hidden text.
  return [root.innerText, ...attributes].join('\n');
}

/**
 * Sentences written in English outside the catalogue: words German never uses, whole.
 * Names that keep their English words in German (a paper's title, "Label Smoothing",
 * a network named by its user) are listed in `allowed` by the caller.
 */
// Lower case only: "Add" is also a Keras class name, which German keeps.
const ENGLISH_WORDS =
  /\b(the|and|with|from|this|that|which|into|of|to|is|are|for|not|select|click|show)\b|\b(The|Select|Click|Show)\b/;

export function englishSentencesIn(pageText: string, allowed: readonly RegExp[] = []): string[] {
  return pageText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => ENGLISH_WORDS.test(line) && !allowed.some((a) => a.test(line)));
}
