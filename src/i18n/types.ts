export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

export type Params = Readonly<Record<string, string | number | boolean>>;

/** One message in both languages; `{name}` placeholders are filled from the params. */
export interface Message {
  readonly vi: string;
  readonly en: string;
}

export type MessageTable = Readonly<Record<string, Message>>;
