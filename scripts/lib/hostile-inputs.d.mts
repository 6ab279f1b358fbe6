// Types of scripts/lib/hostile-inputs.mjs, for the tests that import it.
export function deflateZeros(size: number): Uint8Array;
export function zipOf(entries: readonly { name: string; data: Uint8Array; method?: number; size?: number; crc?: number }[]): Buffer;
export function workbookParts(sheetName?: string): { name: string; data: Uint8Array }[];
export function bombWorkbook(size: number, declared?: number): Buffer;
export function sheetWorkbook(sheetName: string, rows: readonly (readonly (string | number | null)[])[]): Buffer;
export function sampleAgency(code?: string): { header: string; lines: string[] };
export function frameworkText(options?: { depth?: number; mains?: number; tiers?: number; points?: number; id?: string }): string;
