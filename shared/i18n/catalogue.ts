import type { en } from './en';

/** A catalogue shaped like the English one: the same nested keys, any texts. */
type SameKeys<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };
export type Catalogue = SameKeys<typeof en>;

/** A plural key's base: i18next picks `paths_one` or `paths_other` for `paths` by `count`. */
type Base<K extends string> = K extends `${infer B}_${'one' | 'other'}` ? B : K;

/** Every key of a namespace as i18next spells it ("table.name", "paths.mostOften"). */
export type KeyOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${Base<K>}` : KeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];

export type Namespace = keyof Catalogue;
