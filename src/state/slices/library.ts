// The library slice: the built-in scenarios read from the library's index.json, and their URLs.

import { parseLibraryIndex, type LibraryEntry } from '../library.ts';
import { type Slice, errorText } from './shared.ts';

export interface LibrarySlice {
  /** The built-in scenarios; null until the index has been read. */
  library: readonly LibraryEntry[] | null;
  libraryError: string | null;
  loadLibrary(): Promise<void>;
  /** URL of a built-in scenario file. */
  libraryUrl(file: string): string;
}

export const createLibrarySlice =
  (directory: string, fetchText: (url: string) => Promise<string>): Slice<LibrarySlice> =>
  (set) => ({
    library: null,
    libraryError: null,
    async loadLibrary() {
      try {
        const text = await fetchText(`${directory}index.json`);
        set({ library: parseLibraryIndex(JSON.parse(text)), libraryError: null });
      } catch (error) {
        set({
          library: [],
          libraryError: `Could not read the list of built-in scenarios: ${errorText(error)}`,
        });
      }
    },
    libraryUrl: (file) => directory + encodeURIComponent(file),
  });
